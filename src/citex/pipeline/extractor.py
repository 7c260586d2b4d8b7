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

from citex.grammar.dates import find_dates, parse_published
from citex.grammar.instruments import Candidate, find_candidates
from citex.models import Place, Result
from citex.pipeline.stages import METHODS
from citex.protocols import Linker, NerModel, PlaceFinder
from citex.resolve import Resolver, merge


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
        st.candidates = find_candidates(st.text)
        if self.linker is not None:
            st.acronyms = self.linker.find_acronyms(st.text)
            st.candidates = _trim_headline_titles(st.text, st.candidates, self.linker)
        if st.ner:
            _add_ner(st, self.gazetteer, self.linker)

    def stage_resolve(self, st: State) -> None:
        cands = _with_acronyms(st.text, st.candidates, st.acronyms, self.linker)
        st.items, st.places, st.candidates = self.resolver.resolve(st.text, cands, st.dates, st.places)
        st.citations = merge(st.text, st.items)

    def stage_link(self, st: State) -> None:
        if self.linker is None:
            return
        # only the publication date rules out later records (years in the text may all be historical)
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


_WORD_END = regex.compile(r"[\w'’.\-]+")


def _trim_headline_titles(text: str, cands: list, linker) -> list:
    """In a Title Case headline every word is capitalised, so a name runs on into the rest of the
    line ("Treaty On Open Skies As Tensions With West Mount"): keep the longest beginning of it that
    the knowledge base knows, if the whole is unknown."""
    from citex.text.lines import headline_at
    out = []
    for c in cands:
        if c.numbers:
            out.append(c)
            continue
        # the line, looked for no further than a headline is long (a 1 MB line is not re-read per name)
        lo, hi = max(0, c.start - 170), min(len(text), c.end + 170)
        ls = text.rfind("\n", lo, c.start)
        ls = ls + 1 if ls >= 0 else (0 if lo == 0 else -1)
        le = text.find("\n", c.end, hi)
        le = le if le >= 0 else (len(text) if hi == len(text) else -1)
        if ls < 0 or le < 0 or not headline_at(text, ls, le) or linker.known(c.title):
            out.append(c)
            continue
        ends = [m.end() for m in _WORD_END.finditer(text, c.start, c.end)]
        cut = next((e for e in reversed(ends[:-1]) if linker.known(text[c.start:e])), None)
        if cut is None:
            out.append(c)
        else:
            out.append(attrs.evolve(c, end=cut, title=" ".join(text[c.start:cut].split()), alias=None))
    return out


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


# Model spans are only proposals: the rules' own guards validate them.
_SMALL = frozenset("of the and or for on in to against a an with between concerning from into by at its their "
                   "de la du des upon under over among & relating regarding establishing amending no".split())
# words of bodies, meetings and states: a span with one of them and no head word before it is not an instrument
_BODY = regex.compile(r"(?:Organi[sz]ations?|Cent(?:er|re)s?|Party|Parties|Secretariat|Council|Committee|"
                      r"Commission|Bureau|Office|Court|Tribunal|Bank|Fund|Authority|Agency|Institute|Society|"
                      r"Group|Association|Coalition|League|Union|Assembly|Alliance|Forces?|Republic|Kingdom|States|"
                      r"Federation|Nations|Ministry|Government|Parliament|Conference|Summit|Session|Meeting)")
# instrument words the grammar has no head for: a model span without a head word needs one of them
# (or a knowledge-base entry): "Wassenaar Arrangement", "Global Biodiversity Framework"
_OTHER_HEADS = frozenset("arrangement arrangements declaration declarations framework compact understanding "
                         "code principles regulations amendment amendments partnership deal".split())
_TRAIL = regex.compile(r"[ \t,]+(?:in|at|of|on|signed[ \t]+in)[ \t]+(?:the[ \t]+)?$")
# a model place needs a locative word before it or a known place after it ("Calicut, India")
_LOCATIVE = regex.compile(r"(?:\b(?:in|near|outside)(?:[ \t]+the)?)[ \t]+$")


def _ner_instrument(text: str, s: int, e: int, dates, linker) -> Optional[tuple[str, str]]:
    """``(kind, head)`` when a model span may be an instrument name, else None."""
    from citex.grammar.instruments import AWARD_WORDS, BODY_AFTER, EVENT_PREMODS, HEADS, NEGATIVE_NAMES
    name = text[s:e]
    if linker is not None and linker.known(name):
        words = regex.findall(r"[\w\-]+", name)
        head = next((w for w in words if w.lower() in HEADS), None)
        return (HEADS[head.lower()] if head else "other"), head or "#ner"
    if _overlaps(dates, s, e) or regex.search(r"[\[\]{};:\n]", name) or "\n" in name:
        return None
    words = regex.findall(r"[\w\-’'.]+", name.split("(")[0])
    if not words or " ".join(w.lower() for w in words) in NEGATIVE_NAMES or words[0].lower() in AWARD_WORDS:
        return None
    head_i = None
    for i, w in enumerate(words):
        if w.lower() in _SMALL:
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return None  # not a title: "Convention entered into force"
        if head_i is None and w.lower() in HEADS:
            head_i = i
        if _BODY.fullmatch(w) and (head_i is None or i == head_i + 1 or i == len(words) - 1):
            return None  # "Assembly of States Parties", "North Atlantic Treaty Organisation"
    other = head_i is None
    if other:
        head_i = next((i for i, w in enumerate(words) if i and w.lower() in _OTHER_HEADS), None)
        if head_i is None:
            return None  # too little to go on: "Gulf of Suez", "Vienna State Opera"
    pre = words[head_i - 1].lower() if head_i > 0 else ""
    if pre in EVENT_PREMODS or pre.endswith(("ers", "ists", "ians")) and not pre.endswith("powers"):
        return None  # "Democratic National Convention", "Texas Haunters Convention"
    hs = s + name.index(words[head_i]) + len(words[head_i])
    if BODY_AFTER.match(text, hs):
        return None
    return ("other", "#ner") if other else (HEADS[words[head_i].lower()], words[head_i])


def _add_ner(st: State, gazetteer, linker=None) -> None:
    """Model spans become candidates and places where no rule found anything: a model span that
    overlaps a rule candidate (weak ones included) or a knowledge-base acronym is dropped (the rules
    win), and so is one the rules' guards reject (a body, a meeting, no title).  A model place must
    not overlap a gazetteer place or an instrument name, nor be a name the gazetteer knows (its
    finder left it out on purpose: "Real Madrid")."""
    rule = sorted([(c.start, c.end) for c in st.candidates] + [(s, e) for s, e, _ in st.acronyms])
    dates = sorted((d.start, d.end) for d in st.dates)
    ends = {x.end: x.start for x in list(st.places) + list(st.dates)}
    added = []
    for s, e, label in st.ner:
        if label != "INSTRUMENT":
            continue
        if e in ends and ends[e] > s:  # "… Export Controls in Vienna", "… Wind Safety of 2031": the name ends before
            m = _TRAIL.search(st.text, s, ends[e])
            if m:
                e = m.start()
        if _overlaps(rule, s, e):
            continue
        ok = _ner_instrument(st.text, s, e, dates, linker)
        if ok is None:
            continue
        added.append(Candidate(start=s, end=e, kind=ok[0], head=ok[1], title=st.text[s:e], named=True))
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
        if not name[:1].isupper() or name.isupper() or gazetteer is not None and (
                gazetteer.lookup(name) is not None or gazetteer.lookup(name.title()) is not None):
            continue
        nxt = bisect.bisect_left(st.places, e, key=lambda p: p.start)
        after_known = nxt < len(st.places) and st.text[e:st.places[nxt].start] in (", ", " ,", ",")
        if not (after_known or _LOCATIVE.search(st.text, max(0, s - 12), s)):
            continue  # no sign that it is a place: "Garza said", "Lycos"
        extra.append(Place(text=name, name=" ".join(name.split()), country=None, start=s, end=e))
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
