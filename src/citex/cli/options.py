"""What the commands share: checks of option values that print a one-line usage error."""
from __future__ import annotations

import sys
from typing import Optional

from citex.grammar.dates import parse_published


def published_ok(value: Optional[str]) -> bool:
    """Check a --published value; print the one-line usage error when it is not an ISO date."""
    if value:
        try:
            parse_published(value)
        except ValueError as exc:
            print(f"citex: {exc}", file=sys.stderr)
            return False
    return True


#: where a batch run takes each file's reference date (see :func:`citex.batch.tasks.published_for`)
PUBLISHED_FROM = ("auto", "sidecar", "manifest", "mtime", "none")
