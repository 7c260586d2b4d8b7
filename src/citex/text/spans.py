"""Span look-ups shared by the resolution steps: sorted spans, sentence and clause bounds.

Every step reads spans that earlier stages found (dates, places, names); these helpers answer
"what starts here", "what is the last one before", "where does this clause end" with a bisect,
so no step rescans the document per name or per trigger.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from citex import limits
from citex.grammar import relations as R


class SpanIndex:
    """Spans sorted by start, for "what starts/ends exactly here" and "what overlaps" queries."""

    def __init__(self, spans: Sequence):
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        self.by_end = {}
        for s in self.spans:
            self.by_end.setdefault(s.end, s)

    def starting_at(self, pos: int):
        i = bisect.bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) and self.starts[i] == pos else None

    def first_after(self, pos: int, limit: int):
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.spans) and self.starts[i] <= limit:
            return self.spans[i]
        return None

    def last_before(self, pos: int, limit: int):
        """The span ending last at or before ``pos`` and starting after ``limit``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.spans[i].start >= limit:
            if self.spans[i].end <= pos:
                return self.spans[i]
            i -= 1
        return None

    def between(self, start: int, end: int) -> list:
        """The spans starting in [start, end), in order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of sentences (0 first)."""
    return [0] + [m.end() for m in R.SENTENCE_END.finditer(text, timeout=limits.REGEX_TIMEOUT)]


class Sentences:
    """Sentence starts of a text, found block by block when asked for: a step that looks at a few
    places of a 20 MB document does not scan all of it (cost per MB stays flat with document size).
    Same bounds as :func:`sentence_bounds`."""

    BLOCK = 1 << 15
    OVERLAP = 64   # a sentence end is short: a scan this far back and ahead of a block finds its bounds

    def __init__(self, text: str):
        self.text = text
        self._blocks: dict[int, list[int]] = {}

    def _block(self, b: int) -> list[int]:
        got = self._blocks.get(b)
        if got is None:
            n, lo = len(self.text), b * self.BLOCK
            hi = min(n, lo + self.BLOCK)
            got = [m.end() for m in R.SENTENCE_END.finditer(self.text, max(0, lo - self.OVERLAP),
                                                            min(n, hi + self.OVERLAP), timeout=limits.REGEX_TIMEOUT)
                   if lo <= m.end() < hi or (hi == n and m.end() == n)]
            if b == 0:
                got = [0] + [x for x in got if x > 0]
            self._blocks[b] = got
        return got

    def start(self, pos: int) -> int:
        """The start of the sentence holding ``pos``."""
        b = min(pos, len(self.text)) // self.BLOCK
        while b >= 0:
            starts = self._block(b)
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0:
                return starts[i]
            b -= 1
        return 0

    def end(self, pos: int) -> int:
        """The start of the next sentence after ``pos`` (the text's length at the end)."""
        last = len(self.text) // self.BLOCK
        b = pos // self.BLOCK
        while b <= last:
            starts = self._block(b)
            i = bisect.bisect_right(starts, pos)
            if i < len(starts):
                return starts[i]
            b += 1
        return len(self.text)


def semicolons(text: str) -> list[int]:
    """Offsets of every ";" (for :func:`clause_end`: a look-up, not a scan to the sentence end per trigger)."""
    out, i = [], text.find(";")
    while i >= 0:
        out.append(i)
        i = text.find(";", i + 1)
    return out


def merge_spans(spans) -> list[tuple[int, int]]:
    """``(start, end)`` spans sorted, overlapping or touching ones merged: the windows a step reads."""
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(a, b) for a, b in out]
