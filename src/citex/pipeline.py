"""The extraction pipeline: text → dates, places, candidate names → resolve → link → Result.

``Extractor`` runs the stages directly on a string (the fast path behind
``citex.extract``).  The spaCy components in ``citex.components`` run the very
same stage methods, one component per stage, so ``nlp(text)._.citex`` equals
``citex.extract(text)``.
"""
from __future__ import annotations

import bisect
import datetime as _dt
from typing import Optional

import attrs
import regex

from .grammar.dates import find_dates, parse_published
from .grammar.instruments import Candidate, find_candidates
from .models import Citation, Date, Place, Result
from .resolve import Item, Resolver, merge


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
    """Holds the loaded resources (gazetteer, knowledge base) and runs the stages."""

    def __init__(self, gazetteer=None, linker=None, places: bool = True, ner=None):
        if gazetteer is None and places:
            from .places import Gazetteer
            gazetteer = Gazetteer.load()
        self.gazetteer = gazetteer
        self.linker = linker
        if ner is not None:
            from .ner import load_ner
            ner = load_ner(ner)
        self.ner = ner  # a citex.ner.NerModel, or None: no statistical stage
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
        st.candidates = find_candidates(st.text)
        if self.linker is not None:
            st.acronyms = self.linker.find_acronyms(st.text)
        if st.ner:
            _add_ner(st, self.gazetteer)

    def stage_resolve(self, st: State) -> None:
        cands = _with_acronyms(st.text, st.candidates, st.acronyms, self.linker)
        st.items, st.places, st.candidates = self.resolver.resolve(st.text, cands, st.dates, st.places)
        _alias_mentions(st.text, st.candidates, st.items)
        st.citations = merge(st.text, st.items)

    def stage_link(self, st: State) -> None:
        if self.linker is None:
            return
        # only the publication date rules out later records (years in the text may all be historical)
        self.linker.link_items(st.text, st.items, latest_year=st.published.year if st.published else None)
        st.citations = merge(st.text, st.items)

    STAGES = ("stage_dates", "stage_places", "stage_ner", "stage_instruments", "stage_resolve", "stage_link")

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
    return Result(doc_id=doc_id, citations=st.citations, dates=st.dates, places=st.places)


def _overlaps(spans: list, s: int, e: int) -> bool:
    """Does [s, e) overlap one of ``spans`` ((start, end) pairs sorted by start)?"""
    i = bisect.bisect_left(spans, (e,)) - 1
    while i >= 0:
        if spans[i][1] > s:
            return True
        if spans[i][0] < s - 2000:  # names are never that long
            return False
        i -= 1
    return False


def _add_ner(st: State, gazetteer) -> None:
    """Model spans become candidates and places where no rule found anything: a model span that
    overlaps a rule candidate (weak ones included), a knowledge-base acronym or, for places, a
    gazetteer place or an instrument name is dropped (the rules win)."""
    from .grammar.instruments import HEADS
    rule = sorted([(c.start, c.end) for c in st.candidates] + [(s, e) for s, e, _ in st.acronyms])
    added = []
    for s, e, label in st.ner:
        if label != "INSTRUMENT" or _overlaps(rule, s, e):
            continue
        words = regex.findall(r"[\w\-]+", st.text[s:e])
        head = next((w for w in words if w.lower() in HEADS and (w[:1].isupper() or w.lower() not in
                                                                 ("act", "law", "constitution", "directive", "memorandum"))), None)
        kind = HEADS[head.lower()] if head else "other"
        added.append(Candidate(start=s, end=e, kind=kind, head=head or "#ner", title=st.text[s:e], named=True))
        rule.append((s, e))
        rule.sort()
    if added:
        st.candidates = sorted(st.candidates + added, key=lambda c: c.start)
    taken = sorted([(p.start, p.end) for p in st.places] + [(c.start, c.end) for c in st.candidates])
    extra = []
    for s, e, label in st.ner:
        if label != "PLACE" or _overlaps(taken, s, e):
            continue
        name = st.text[s:e]
        entry = gazetteer.lookup(name) if gazetteer is not None else None
        extra.append(Place(text=name, name=entry[0] if entry else " ".join(name.split()),
                           country=entry[1] if entry else None, start=s, end=e))
        taken.append((s, e))
        taken.sort()
    if extra:
        st.places = sorted(st.places + extra, key=lambda p: p.start)


def _with_acronyms(text: str, cands: list, acronyms: list, linker) -> list:
    """Add stand-alone KB acronyms ("the NPT") as candidates where no name already covers them."""
    if not acronyms:
        return cands
    out = list(cands)
    spans = [(c.start, c.end) for c in cands]
    starts = [s for s, _ in spans]
    for s, e, rid in acronyms:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and spans[i][1] > s:
            continue
        if i + 1 < len(spans) and spans[i + 1][0] < e:
            continue
        kind = linker.kind_of(rid)
        out.append(Candidate(start=s, end=e, kind=kind, head="#acronym", title=text[s:e]))
    out.sort(key=lambda c: c.start)
    return out


def _alias_mentions(text: str, cands: list, items: list[Item]) -> None:
    """A short form defined after a name ("… Weapons (NPT)", "(hereinafter the Convention)") names
    the same instrument from there on: its later occurrences become mentions of that item.
    One scan for all the short forms of the document."""
    defined: dict[str, int] = {}
    first_item = {}
    for i, it in enumerate(items):
        first_item.setdefault(it.cand, i)
    for ci, c in enumerate(cands):
        if c.alias and ci in first_item:
            defined.setdefault(text[c.alias[0]:c.alias[1]].strip(), first_item[ci])
    if not defined:
        return
    by_start = {it.start: i for i, it in enumerate(items)}
    pattern = regex.compile(r"(?<![\w\-])(?:%s)(?![\w\-])" % "|".join(
        regex.escape(a) for a in sorted(defined, key=len, reverse=True)))
    covered = sorted((it.start, it.end) for it in items)
    starts = [s for s, _ in covered]
    for m in pattern.finditer(text):
        src = defined[m.group()]
        s, e = m.span()
        if s <= items[src].end:
            continue  # the definition itself
        if s in by_start:
            items[by_start[s]].alias_of = src
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and covered[k][1] > s:
            continue  # inside another name
        base = items[src]
        items.append(Item(start=s, end=e, kind=base.kind, title=base.title, number=base.number,
                          cand=base.cand, alias_of=src))
