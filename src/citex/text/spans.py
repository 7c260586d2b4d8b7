"""Span look-ups shared by the resolution steps: sorted spans, sentence and clause bounds.

Every step reads spans that earlier stages found (dates, places, names); these helpers answer
"what starts here", "what is the last one before", "where does this clause end" with a bisect,
so no step rescans the document per name or per trigger.
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

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


def semicolons(text: str) -> list[int]:
    """Offsets of every ";" (for :func:`clause_end`: a look-up, not a scan to the sentence end per trigger)."""
    out, i = [], text.find(";")
    while i >= 0:
        out.append(i)
        i = text.find(";", i + 1)
    return out


def sentence_start(sents: list[int], pos: int) -> int:
    return sents[bisect.bisect_right(sents, pos) - 1]


def sentence_end(text: str, sents: list[int], pos: int) -> int:
    i = bisect.bisect_right(sents, pos)
    return sents[i] if i < len(sents) else len(text)


def clause_end(text: str, pos: int, sents: list[int], semis: Optional[list[int]] = None) -> int:
    """Where the clause holding ``pos`` ends: the next ";" or the sentence end."""
    end = sentence_end(text, sents, pos)
    if semis is not None:
        k = bisect.bisect_left(semis, pos)
        return semis[k] if k < len(semis) and semis[k] < end else end
    semi = text.find(";", pos, end)
    return semi if semi >= 0 else end
