"""What the resolution steps share about one document: a typed bundle, not a dozen parameters."""
from __future__ import annotations

import bisect
import datetime as _dt
from typing import Callable, Optional

import attrs

from citex.grammar.instruments import Candidate
from citex.models import Place
from citex.resolve.items import Item
from citex.text.spans import Sentences, SpanIndex, semicolons


@attrs.define(slots=True)
class DocContext:
    """One document under resolution: its text, names, items and the spans found by the stages."""

    text: str
    cands: list[Candidate]
    items: list[Item]
    dates: SpanIndex
    places: SpanIndex
    is_country: Callable[[Place], bool]
    groups: list[list[int]] = attrs.Factory(list)
    published: Optional[_dt.date] = None
    _sents: Optional[Sentences] = None
    _semis: Optional[list[int]] = None

    @property
    def sentences(self) -> Sentences:
        if self._sents is None:
            self._sents = Sentences(self.text)
        return self._sents

    @property
    def semis(self) -> list[int]:
        if self._semis is None:
            self._semis = semicolons(self.text)
        return self._semis

    def sentence_start(self, pos: int) -> int:
        return self.sentences.start(pos)

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (the next one's start)."""
        return self.sentences.end(pos)

    def clause_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends: the next ";" or the sentence end."""
        end = self.sentence_end(pos)
        k = bisect.bisect_left(self.semis, pos)
        return self.semis[k] if k < len(self.semis) and self.semis[k] < end else end
