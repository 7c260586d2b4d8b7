"""A readable plain-text view of results, for a terminal: per document a line, then a table of its
instruments (id, date, place) and their treaty actions.  ``citex extract`` writes it when standard
output is a terminal and no format or output file is given (``--format table`` asks for it)."""
from __future__ import annotations

import shutil
from typing import IO, Iterable, Optional

from citex.models import Result
from citex.output.rows import rows


def _cut(s: Optional[str], n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: max(n - 1, 0)] + "…"


def _actions(result: Result, index: int) -> str:
    out = []
    for e in rows(result, "events", kb=False):
        if e["citation"] == index:
            what = ", ".join(x for x in (e["party"], e["date"], e["place"]) if x)
            out.append(e["action"].replace("_", " ") + (f" ({what})" if what else ""))
    return "; ".join(dict.fromkeys(out))


def format_result(result: Result, width: Optional[int] = None) -> str:
    """The plain-text table of one result."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    n = len(result.citations)
    head = f"{result.doc_id or 'document'}: {n} citation{'s' * (n != 1)}"
    if result.error:
        return f"{head}; error {result.error.type}: {_cut(result.error.message, width - len(head) - 10)}\n"
    if not n:
        return head + "\n"
    title_w = max(24, min(60, width - 62))
    lines = [head, f"  {'#':>2}  {'title':<{title_w}}  {'id':<14}  {'date':<10}  {'place':<12}  actions"]
    for i, c in enumerate(result.citations):
        num = f" (No. {c.number} of #{c.parent})" if c.parent is not None else ""
        lines.append(f"  {i:>2}  {_cut(c.title + num, title_w):<{title_w}}  {_cut(c.id or '—', 14):<14}  "
                     f"{_cut(c.date and c.date.value, 10):<10}  {_cut(c.place and c.place.name, 12):<12}  "
                     f"{_actions(result, i)}")
    return "\n".join(lines) + "\n"


class TableWriter:
    """Writes :func:`format_result` for each result, a blank line between documents."""

    def __init__(self, stream: IO[str], level: Optional[str] = None):
        self.stream, self.level, self.first = stream, level, True

    def write(self, result: Result, text=None, kb=None, published=None) -> None:
        self.stream.write(("" if self.first else "\n") + format_result(result))
        self.first = False
        self.stream.flush()

    def write_rows(self, rs: Iterable[dict]) -> None:  # pragma: no cover - the CLI sends Results
        raise TypeError("TableWriter takes Results")

    def write_line(self, line: str) -> None:  # pragma: no cover
        raise TypeError("TableWriter takes Results")

    def close(self) -> None:
        self.stream.flush()
