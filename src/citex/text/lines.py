"""Lines of a text: is this line a headline, a line in capitals, is the text hard-wrapped.

Stages ask these questions about the line around a name: the place finder (an all-caps or Title
Case headline changes what a capitalised word means), the instrument grammar (a Title Case
headline runs a name on into the rest of the line) and the linker (an acronym in an all-caps
headline may be any word).  A line is found from a position with two ``find`` calls, and
:class:`LineFlags` remembers the answers, so a 1 MB line is judged once, not once per name.

One "is this line in capitals" test (:func:`caps_line_at`: at least 4 letters, 80 % of them
capitals) serves both the place finder (a short all-caps line, "PARIS", "RIGA —", is a headline or
a dateline, where names are looked up in their all-caps form) and the linker (in an all-caps
headline an acronym may be any word).  The linker used to ask for more than 12 letters; on the
corpus, the examples and the dev sets the one test gives the same output.
"""
from __future__ import annotations

import bisect
from typing import Callable

import regex

__all__ = ["soft_line_breaks", "unwrapped", "caps_line_at", "headline_at",
           "standalone_line", "title_case_line", "line_bounds", "LineFlags"]

_LINE_WORD = regex.compile(r"[^\W\d_][\w'’\-]*")


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding ``pos``; the end is its newline or the text's end."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, (len(text) if le < 0 else le)


def soft_line_breaks(text: str) -> bool:
    """True when the text is hard-wrapped (wire copy, PDF text): its line breaks may fall
    inside a name ("Aegean\\nSea").  Otherwise a line break ends a title or a field."""
    if "\n" not in text:
        return False
    lines = text.split("\n")
    if max(map(len, lines)) > 90 and any(len(line.strip()) > 90 for line in lines if len(line) > 90):
        return False        # a line over 90 characters: no wrap (however many lines it has)
    lengths = sorted(map(len, map(str.strip, lines)))
    del lengths[:bisect.bisect_right(lengths, 0)]      # the blank lines
    if len(lengths) < 3:
        return False
    return lengths[-1] <= 90 and lengths[len(lengths) // 2] >= 40


# a line break inside a paragraph of hard-wrapped text: text on both sides, no indent after it
_WRAP = regex.compile(r"(?<=\S)\n(?=[^\s])")


def unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs (see :func:`soft_line_breaks`) read as
    spaces, same length (every offset holds): "the accord has been\nterminated" is one clause.  A
    text that is not hard-wrapped comes back as it is."""
    if not soft_line_breaks(text):
        return text
    return _WRAP.sub(" ", text)


def caps_line_at(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] is in capitals: at least 4 letters, 80 % of them capitals (a
    headline or a dateline, however short)."""
    line = text[ls:le]
    if line.isascii():                          # counted by deleting the letters of each case
        b = line.encode("ascii")
        upper = len(b) - len(b.translate(None, _ASCII_UPPER))
        n = upper + len(b) - len(b.translate(None, _ASCII_LOWER))
        return n >= 4 and upper >= 0.8 * n
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def headline_at(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] is a Title Case headline standing on its own (see below)."""
    return le - ls <= 160 and standalone_line(text, ls, le) and title_case_line(text[ls:le])


def standalone_line(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] stands alone, as a headline does: a blank line (or the text's start)
    before, a blank line and more text after.  A short line of wrapped text ("Texas American
    Bancshares Inc") does not.  Looks at a few characters only."""
    def blank_before(p: int) -> bool:  # p: the start of the line
        if p == 0:
            return True
        q = p - 2  # text[p - 1] is the newline ending the previous line
        while q >= 0 and p - q <= 5 and text[q] in " \t\r":
            q -= 1
        return q < 0 or text[q] == "\n"

    def blank_after(p: int) -> bool:  # p: the end of the line (its newline, or the text's end)
        if p >= len(text):
            return False  # a headline has a body after it; a lone short text is not a headline
        q = p + 1
        while q < len(text) and q - p <= 5 and text[q] in " \t\r":
            q += 1
        return q >= len(text) or text[q] == "\n"

    return blank_before(ls) and blank_after(le)


def title_case_line(line: str) -> bool:
    """A headline in Title Case ("Moscow Quits Treaty On Open Skies"): short, most of its longer
    words capitalised, not all in capitals."""
    line = line.strip()
    if len(line) > 160 or line.isupper() or line.endswith((".", ",", ";", ":")):
        return False
    words = _LINE_WORD.findall(line)
    longer = [w for w in words if len(w) >= 4]
    return 3 <= len(words) <= 20 and len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.85 * len(longer)


class LineFlags:
    """Answers about the line around a position of one text, remembered: the line of the previous
    question (no look-back per token on a 1 MB line) and every line already judged."""

    __slots__ = ("text", "_last", "_seen")

    def __init__(self, text: str):
        self.text = text
        self._last: dict[str, tuple[int, int, bool]] = {}
        self._seen: dict[tuple[str, int], bool] = {}

    def _flag(self, pos: int, kind: str, test: Callable[[str, int, int], bool]) -> bool:
        last = self._last.get(kind)
        if last is not None and last[0] <= pos <= last[1]:
            return last[2]
        ls, le = line_bounds(self.text, pos)
        v = self._seen.get((kind, ls))
        if v is None:
            v = self._seen[(kind, ls)] = test(self.text, ls, le)
        self._last[kind] = (ls, le, v)
        return v

    def caps(self, pos: int) -> bool:
        """:func:`caps_line_at` for the line holding ``pos``."""
        return self._flag(pos, "caps", caps_line_at)

    def headline(self, pos: int) -> bool:
        """:func:`headline_at` for the line holding ``pos``."""
        return self._flag(pos, "title", headline_at)
