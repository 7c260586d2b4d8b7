"""What linking says about one instrument mention: the record chosen, or the candidates."""
from __future__ import annotations

from typing import Optional

import attrs

__all__ = ["LinkResult", "NO_LINK"]


def _ids(value) -> tuple[str, ...]:
    return tuple(value or ())


@attrs.frozen(slots=True)
class LinkResult:
    """The knowledge-base record an instrument mention links to (``id``, ``title`` = its canonical
    title), or no id and the ``candidates`` (ids) when several records fit and none could be chosen
    (or the only ones were adopted after the text was written)."""

    id: Optional[str] = None
    title: Optional[str] = None
    candidates: tuple[str, ...] = attrs.field(default=(), converter=_ids)

    @property
    def linked(self) -> bool:
        return self.id is not None


#: Nothing found in the knowledge base.
NO_LINK = LinkResult()
