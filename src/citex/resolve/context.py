"""What the resolution steps share about one document: a typed bundle, not a dozen parameters."""
from __future__ import annotations

import datetime as _dt
from typing import Callable, Optional

import attrs

from citex.grammar.instruments import Candidate
from citex.models import Place
from citex.resolve.items import Item
from citex.text.spans import SpanIndex, clause_end, semicolons, sentence_bounds, sentence_start


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
    _sents: Optional[list[int]] = None
    _semis: Optional[list[int]] = None

    @property
    def sents(self) -> list[int]:
        if self._sents is None:
            self._sents = sentence_bounds(self.text)
        return self._sents

    @property
    def semis(self) -> list[int]:
        if self._semis is None:
            self._semis = semicolons(self.text)
        return self._semis

    def sentence_start(self, pos: int) -> int:
        return sentence_start(self.sents, pos)

    def clause_end(self, pos: int) -> int:
        return clause_end(self.text, pos, self.sents, self.semis)
