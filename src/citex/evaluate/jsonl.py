"""Reading the evaluation's JSONL files: one record per non-blank line, bad JSON named by line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator


def json_records(path: Path, error: type) -> Iterator[tuple[int, object]]:
    """``(line number, record)`` for each non-blank line of ``path``; invalid JSON raises ``error``."""
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
