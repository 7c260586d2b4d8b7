"""The extraction pipeline: text → dates, places, candidate names → resolve → link → Result.

``Extractor`` runs the stages directly on a string (the fast path behind
``citex.extract``).  The spaCy components in ``citex.components`` run the very
same stage methods, one component per stage, so ``nlp(text)._.citex`` equals
``citex.extract(text)``.
"""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import attrs

from citex.grammar.dates import find_dates, parse_published
from citex.grammar.instruments import find_candidates
from citex.link.proposals import known_boundaries, with_acronyms
from citex.models import Result
from citex.ner.proposals import add_ner
from citex.pipeline.stages import METHODS
from citex.protocols import Linker, NerModel, PlaceFinder
from citex.resolve import Resolver, merge
from citex.resolve.actions import document_actions


@attrs.define(slots=True)
class State:
    """What the stages have found so far in one text."""

    text: str
    published: Optional[_dt.date] = None
    dates: list = attrs.Factory(list)
    places: list = attrs.Factory(list)
    candidates: list = attrs.Factory(list)
    acronyms: list = attrs.Factory(list)
    items: list = attrs.Factory(list)
    citations: list = attrs.Factory(list)
    ner: list = attrs.Factory(list)   # (start, end, "INSTRUMENT" | "PLACE") proposed by the NER stage


class Extractor:
    """Holds the loaded resources and runs the stages of ``citex.pipeline.stages.STAGES`` in order.

    ``gazetteer``: a :class:`~citex.protocols.PlaceFinder` (default: the bundled gazetteer, unless
    ``places`` is false); ``linker``: a :class:`~citex.protocols.Linker` (None: no knowledge base);
    ``ner``: a :class:`~citex.protocols.NerModel` or a spec for :func:`citex.ner.load_ner`."""

    def __init__(self, gazetteer: Optional[PlaceFinder] = None, linker: Optional[Linker] = None,
                 places: bool = True, ner=None):
        if gazetteer is None and places:
            from citex.places.gazetteer import Gazetteer
            gazetteer = Gazetteer.load()
        self.gazetteer = gazetteer
        self.linker = linker
        if ner is not None:
            from citex.ner.model import load_ner
            ner = load_ner(ner)
        self.ner: Optional[NerModel] = ner  # None: no statistical stage
        self.resolver = Resolver(known=linker.known if linker is not None else None,
                                 countries=getattr(gazetteer, "is_country", None))

    # -- stages ------------------------------------------------------------------------------
    def stage_dates(self, st: State) -> None:
        st.dates = find_dates(st.text, st.published)

    def stage_places(self, st: State) -> None:
        st.places = list(self.gazetteer.find(st.text)) if self.gazetteer is not None else []

    def stage_ner(self, st: State) -> None:
        if self.ner is not None:
            st.ner = self.ner.spans(st.text)

    def stage_instruments(self, st: State) -> None:
        st.candidates = find_candidates(st.text, self.gazetteer)
        if self.linker is not None:
            st.acronyms = self.linker.find_acronyms(st.text)
            st.candidates = known_boundaries(st.text, st.candidates, self.linker)
        if st.ner:
            st.candidates, st.places = add_ner(st.text, st.ner, st.candidates, st.acronyms, st.dates, st.places,
                                               self.gazetteer, self.linker)

    def stage_resolve(self, st: State) -> None:
        cands = with_acronyms(st.text, st.candidates, st.acronyms, self.linker)
        st.items, st.places, st.candidates = self.resolver.resolve(st.text, cands, st.dates, st.places)
        st.citations = merge(st.text, st.items) if st.items else []

    def stage_link(self, st: State) -> None:
        if self.linker is None:
            return
        # only the publication date rules out later records (years in the text may all be historical)
        if not st.items:
            return
        self.linker.link_items(st.text, st.items, latest_year=st.published.year if st.published else None)
        st.citations = merge(st.text, st.items)

    STAGES = METHODS  # the stage table's order (citex.pipeline.stages)

    # -- whole runs ----------------------------------------------------------------------------
    def run(self, text: str, published=None) -> State:
        st = State(text=text, published=parse_published(published))
        if text:
            for name in self.STAGES:
                getattr(self, name)(st)
        return st

    def extract(self, text: str, doc_id: Optional[str] = None, published=None) -> Result:
        st = self.run(text, published)
        return to_result(st, doc_id)


def to_result(st: State, doc_id: Optional[str]) -> Result:
    return Result(doc_id=doc_id, citations=st.citations, dates=st.dates, places=st.places,
                  actions=document_actions(st.citations))
