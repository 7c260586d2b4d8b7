"""Resolution: from candidate names, dates and places to linked citations.

Steps, in order (each one reads spans already found; nothing rescans the document
per citation):

1. split protocol lists into one item per number ("Protocols No. 1 and No. 2");
2. drop places inside instrument names ("Rome Statute") and organisation names;
3. attach protocols to their parent ("thereto", "to the …", "amending the …");
4. attach each name's own date and place ("of 26 November 1987", "Rome, 17 July 1998");
5. find treaty actions (signature, ratification, denunciation, …) with party, date, place;
6. merge repeated names and defined short forms into one citation per instrument.
"""
from __future__ import annotations

import bisect
import itertools
from typing import Callable, Iterable, Optional, Sequence

import attrs
import regex

from citex import limits
from citex.grammar import relations as R
from citex.grammar.dates import PATTERN
from citex.grammar.instruments import Candidate, find_short_forms
from citex.models import Citation, Date, Event, Mention, Place


@attrs.define(slots=True)
class Item:
    """One instrument mention being resolved (mutable while resolution runs)."""

    start: int
    end: int
    kind: str
    title: str
    number: Optional[int] = None
    cand: int = -1                 # index of the candidate it comes from
    parent: Optional[int] = None   # index into items
    date: Optional[Date] = None
    place: Optional[Place] = None
    events: list = attrs.Factory(list)
    key: str = ""                  # merge key: mentions with one key are one instrument
    alias_spans: list = attrs.Factory(list)
    link: Optional[tuple] = None   # (id, canonical title, candidates) set by the linker
    alias_of: Optional[int] = None # index of the item whose defined short form this is
    short: bool = False            # a short form ("the convention"): kept only with an antecedent


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


def _norm(s: str) -> str:
    return " ".join(s.split())


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of sentences (0 first)."""
    return [0] + [m.end() for m in R.SENTENCE_END.finditer(text, timeout=limits.REGEX_TIMEOUT)]


def _unknown(title: str) -> bool:
    return False


def _has_country(place: Place) -> bool:
    return place.country is not None


class Resolver:
    """Turns candidates, dates and places into citations.  ``known(title) -> bool`` tells
    whether the knowledge base confirms a weak name ("Kyoto protocol")."""

    def __init__(self, known: Optional[Callable[[str], bool]] = None, countries: Optional[Callable[[Place], bool]] = None):
        self.known = known or _unknown
        self.is_country = countries or _has_country

    # -- 1. items ---------------------------------------------------------------------------
    def items(self, text: str, cands: Sequence[Candidate]) -> list[Item]:
        items: list[Item] = []
        for ci, c in enumerate(cands):
            if c.weak and not self.known(c.title):
                continue
            if c.numbers:
                digits = text[c.start:c.end]
                numeric = any(ch.isdigit() for ch in digits)
                for n, s, e in c.numbers:
                    title = f"Protocol No. {n}" if numeric else (
                        c.title if len(c.numbers) == 1 else f"Protocol {_roman(n)}")
                    items.append(Item(start=s, end=e, kind="protocol", title=title, number=n, cand=ci))
                if len(c.numbers) == 1 and not numeric:
                    items[-1].end = c.end
            else:
                items.append(Item(start=c.start, end=c.end, kind=c.kind, title=c.title, cand=ci, short=c.short))
        return items

    # -- 2. places -------------------------------------------------------------------------
    @staticmethod
    def outside_names(places: Iterable[Place], cands: Sequence[Candidate]) -> list[Place]:
        idx = SpanIndex(cands)
        out = []
        for p in places:
            i = bisect.bisect_left(idx.starts, p.end) - 1   # last name starting before the place ends
            if i >= 0 and idx.spans[i].end > p.start:
                continue  # inside (or overlapping) a name: "Rome Statute", "Istanbul Convention"
            out.append(p)
        return out

    # -- the whole run -----------------------------------------------------------------------
    def resolve(self, text: str, cands: Sequence[Candidate], dates: Sequence[Date],
                places: Sequence[Place]) -> tuple[list[Item], list[Place], list[Candidate]]:
        """Items (one per mention) with their relations, the places outside names, and the candidates
        the items index into (the names plus the short forms)."""
        cands = list(cands)
        names = [c for c in cands if not c.weak or self.known(c.title)]
        places = self.outside_names(places, names)
        if names:  # short forms only matter where a name was cited
            cands = sorted(cands + find_short_forms(text, names), key=lambda c: c.start)
        items = self.items(text, cands)
        self._parents(text, cands, items)
        cands, items = alias_items(text, cands, items)  # after the parents: a protocol's span is whole
        date_idx = SpanIndex([d for d in dates if not d.relative] + [d for d in dates if d.relative])
        place_idx = SpanIndex(places)
        groups = self._groups(text, cands, items)
        self._own_dates(text, cands, items, groups, date_idx, place_idx)
        self._own_acts(text, items, date_idx, place_idx)
        back_references(items)
        self._events(text, items, groups, date_idx, place_idx)
        return items, places, cands

    # groups: items of one candidate, and candidates coordinated into one list
    def _groups(self, text: str, cands: Sequence[Candidate], items: list[Item]) -> list[list[int]]:
        by_cand: dict[int, list[int]] = {}
        for i, it in enumerate(items):
            by_cand.setdefault(it.cand, []).append(i)
        order = sorted(by_cand)
        groups: list[list[int]] = []
        prev_ci = None
        for ci in order:
            if prev_ci is not None and groups:
                gap_start = cands[prev_ci].end
                gap = text[gap_start:cands[ci].start]
                gap = _strip_date_qualifier(gap)
                if len(gap) <= 40 and R.COORD_GAP.match(gap) and R.COORD_GAP.match(gap).end() == len(gap):
                    groups[-1].extend(by_cand[ci])
                    prev_ci = ci
                    continue
            groups.append(list(by_cand[ci]))
            prev_ci = ci
        return groups

    def _parents(self, text, cands, items: list[Item]) -> None:
        item_of_cand = {}
        for i, it in enumerate(items):
            item_of_cand.setdefault(it.cand, i)
        starts = {cands[it.cand].start: i for i, it in enumerate(items) if it.kind != "protocol" or it.number is None}
        by_cand: dict[int, list[int]] = {}
        for i, it in enumerate(items):
            by_cand.setdefault(it.cand, []).append(i)
        last_other = None  # the nearest earlier non-protocol item (one pass: linear in the items)
        for i, it in enumerate(items):
            if it.kind != "protocol":
                last_other = i
                continue
            if it.parent is not None:
                continue
            c = cands[it.cand]
            after = _skip_date_qualifier(text, c.end)
            if R.THERETO.match(text, after):
                # the nearest earlier non-protocol name
                it.parent = last_other
                continue
            m = R.PARENT_LINK.match(text, c.end)
            if m and m.end() in starts:
                it.parent = starts[m.end()]
            if it.parent is not None and len(c.numbers) <= 1:
                it.end = max(it.end, items[it.parent].end)
                for j in by_cand[it.cand]:
                    items[j].end = max(items[j].end, items[it.parent].end)

    def _own_dates(self, text, cands, items: list[Item], groups, date_idx: SpanIndex, place_idx: SpanIndex) -> None:
        for g in groups:
            # the members of one candidate share what follows the candidate
            by_cand: dict[int, list[int]] = {}
            for i in g:
                by_cand.setdefault(items[i].cand, []).append(i)
            for ci, members in by_cand.items():
                c = cands[ci]
                if c.kind == "other" or c.short:
                    # a law designation carries its date: "Act of 8 July 2005", "Law … dated July 13, 1999";
                    # so does a short form: "the 1988 Convention"
                    d = date_idx.first_after(c.start, c.end - 1)
                    if d is not None and d.end <= c.end:
                        for i in members:
                            items[i].date = d
                        continue
                # "… of 26 November 1987"
                d = date_idx.first_after(c.end, c.end + 12)
                if d is not None and R.OWN_DATE_GAP.match(text[c.end:d.start]):
                    for i in members:
                        items[i].date = items[i].date or d
                    continue
                # "the 1994 Energy Charter Treaty"
                d = date_idx.last_before(c.start, c.start - 30)
                if d is not None and R.PREMOD_DATE_GAP.match(text[d.end:c.start]):
                    for i in members:
                        items[i].date = items[i].date or d
                # "Rome Statute …\nRome, 17 July 1998" / "(Minsk, 05/09/2014)"
                p = place_idx.first_after(c.end, c.end + 12)
                if p is not None and R.PLACE_DATE_LINE_GAP.match(text[c.end:p.start]):
                    d = date_idx.first_after(p.end, p.end + 4)
                    if d is not None and R.PLACE_DATE_SEP.match(text[p.end:d.start]):
                        for i in members:
                            items[i].place = items[i].place or p
                            items[i].date = d

    def _own_acts(self, text, items: list[Item], date_idx: SpanIndex, place_idx: SpanIndex) -> None:
        """ "…, signed in Washington on November 18, 1997", "The convention was adopted on 30 May 2008 in
        Dublin, and was opened for signature on 3 December 2008 in Oslo": the instrument's own date and
        place, when no state acts ("on behalf of …" makes it a state's signature: an event)."""
        sents = semis = None
        for it in items:
            pos = _skip_date_qualifier(text, it.end)
            pm = R.PAREN_AFTER.match(text, pos)  # "… Rights (ICCPR) was adopted …"
            if pm:
                pos = pm.end()
            best = 0
            for _ in range(3):
                m = R.OWN_ACT.match(text, pos)
                if not m:
                    break
                rank = R.OWN_ACT_RANK[" ".join(m.group("act").split())]
                pos = m.end()
                by = R.OWN_ACT_BY.match(text, pos)
                if by:
                    pos = by.start() + len(by.group().rstrip())  # "by the General Assembly| in New York"
                if sents is None:
                    sents, semis = sentence_bounds(text), _semicolons(text)
                end = _clause_end(text, pos, sents, semis)
                party, place, date, pos = self._tail(text, pos, end, date_idx, place_idx, party_ok=True)
                if party is not None:
                    break  # a state's act: left to the events
                if rank >= best and (date or place):
                    best = rank
                    if date:
                        it.date = date
                    if place:
                        it.place = place

    def _tail(self, text, pos, end, date_idx, place_idx, party_ok=False):
        """Party, place and date right after a trigger: "on behalf of X", "in P", "on D" (any order)."""
        party = place = date = None
        for _ in range(4):
            p = place_idx.first_after(pos, min(end, pos + 60))
            d = date_idx.first_after(pos, min(end, pos + 60))
            nxt = min([x for x in (p, d) if x is not None], key=lambda x: x.start, default=None)
            if nxt is None:
                break
            gap = text[pos:nxt.start]
            if nxt is p:
                if party_ok and party is None and R.PARTY_AFTER.match(gap) and self.is_country(p):
                    party = p
                elif place is None and R.EVENT_PLACE_GAP.match(gap):
                    place = p
                elif place is not None and place.end == pos and R.PLACE_DATE_SEP.match(gap) and self.is_country(p):
                    pass  # "at Montego Bay, Jamaica, on …": the place's country, then go on
                else:
                    break
            else:
                if date is None and R.EVENT_DATE_GAP.match(gap):
                    date = d
                else:
                    break
            pos = nxt.end
        return party, place, date, pos

    def _events(self, text, items: list[Item], groups, date_idx: SpanIndex, place_idx: SpanIndex) -> None:
        if not items:
            return
        sents = sentence_bounds(text)
        semis = _semicolons(text)
        group_of = {}
        for gi, g in enumerate(groups):
            for i in g:
                group_of[i] = gi
        first_start = [min(items[i].start for i in g) for g in groups]
        last_end = [max(items[i].end for i in g) for g in groups]
        gstarts = sorted((s, gi) for gi, s in enumerate(first_start))
        gs_keys = [s for s, _ in gstarts]
        gends = sorted((e, gi) for gi, e in enumerate(last_end))
        ge_keys = [e for e, _ in gends]
        lo_item = min(first_start)
        hi_item = max(last_end)

        def last_group_before(pos: int) -> tuple:
            """(end, group) of the last group ending at or before ``pos``; of names ending together
            the outer one ("Protocol No. 15 amending the Convention … Freedoms| entered into force"
            is the protocol's act, not its parent's)."""
            k = bisect.bisect_right(ge_keys, pos) - 1
            if k < 0:
                return -1, None
            ge, gi = gends[k]
            while k > 0 and gends[k - 1][0] == ge:
                k -= 1
                if first_start[gends[k][1]] < first_start[gi]:
                    gi = gends[k][1]
            return ge, gi
        for m in R.TRIGGERS.finditer(text, max(0, lo_item - 200), min(len(text), hi_item + 200),
                                     timeout=limits.REGEX_TIMEOUT):
            action = m.lastgroup
            ts, te = m.span()
            sent_start = sents[bisect.bisect_right(sents, ts) - 1]
            neg = R.NEGATION_BEFORE.search(text[max(sent_start, ts - 40):ts]) or \
                R.NONE_OF_BEFORE.search(text, max(sent_start, ts - 100), ts)
            if neg:
                continue
            targets: list[int] = []
            party: Optional[Place] = None
            # object after the trigger: "denounce the …", "withdrawal from the …"
            k = bisect.bisect_left(gs_keys, te)
            if k < len(gstarts) and gstarts[k][0] - te <= 150:
                gs, gi = gstarts[k]
                gap = text[te:gs]
                if R.OBJECT_GAP.fullmatch(gap) or R.OBJECT_GAP.fullmatch(_strip_date_qualifier(gap, pre=True)):
                    targets = groups[gi]
                else:
                    nm = R.NOMINAL_PARTY_GAP.fullmatch(gap)
                    if nm:
                        targets = groups[gi]
                        party = place_idx.first_after(te + nm.start("party"), te + nm.end("party"))
            post = False
            pm = None if targets else R.PRONOUN_OBJECT.match(text, te)
            if pm:
                # "… and ratified it": the last instrument named before the trigger in its sentence
                ge, gi = last_group_before(ts)
                if gi is not None and ge > sent_start and first_start[gi] >= sent_start:
                    targets = groups[gi]
            if not targets and action in R.PARTICIPLE_ACTIONS:
                # a participle after its object: "… thereto, signed on behalf of …"
                ge, gi = last_group_before(ts)
                if gi is not None and ts - ge <= 40:
                    gap = text[ge:ts]
                    if R.PARTICIPLE_GAP.fullmatch(gap) or R.PARTICIPLE_GAP.fullmatch(_strip_date_qualifier(gap)):
                        targets = groups[gi]
                        post = True
            if not targets:
                continue
            if not post and R.ATTRIBUTIVE_AFTER.match(text, max(items[i].end for i in targets)):
                continue  # "… ended the Paris Agreement row": the action is on the row
            clause_end = min(len(text), _clause_end(text, te, sents, semis))
            obj_end = max(items[i].end for i in targets)
            if post:
                tail_from = te
            elif pm and targets:
                tail_from = pm.end()
            else:  # after the object and its own qualifiers ("of 4 November 1993 thereto", "(CWC)")
                tail_from = _skip_date_qualifier(text, max(te, obj_end))
                tm = R.THERETO.match(text, tail_from) or R.PAREN_AFTER.match(text, tail_from)
                tail_from = tm.end() if tm else tail_from
            # the next trigger ends this event's clause
            nxt = R.TRIGGERS.search(text, tail_from, clause_end)
            if nxt:
                clause_end = nxt.start()
            nominal = m.group().lower().endswith(("tion", "sion", "al", "ature"))  # "the denunciation of X by Y"
            tparty, place, date, _ = self._tail(text, tail_from, clause_end, date_idx, place_idx,
                                                party_ok=post or nominal)
            if date is None and not post:
                # "In 2019 Ukraine ended the treaty": a date opening the sentence dates its act
                d = date_idx.last_before(ts, sent_start)
                if d is not None and ts - d.end <= 200 and R.LEADING_DATE.fullmatch(text, sent_start, d.start) \
                        and not R.TRIGGERS.search(text, d.end, ts):
                    date = d
            party = party or tparty
            if action == "denunciation" and not post and not nominal and party is None and (
                    R.CONDEMN_AS.match(text, obj_end)
                    or R.NON_STATE_SUBJECT.search(text, max(sent_start, ts - 60), ts)):
                continue  # "critics denounced the pact as weak": a condemnation, not a treaty action
            parties = [party] if party is not None else []
            if tparty is not None and party is tparty:
                parties = self._coordinated_after(text, place_idx, tparty, clause_end)  # "by Belgium, France and …"
            if party is None and not post:
                party = self._subject(text, place_idx, sent_start, ts)
                parties = self._coordinated(text, place_idx, party, sent_start) if party is not None else []
            if post and action == "signature" and party is None:
                continue  # "signed in Washington on …": the instrument's own signature (see _own_acts)
            for p in parties or [None]:  # "Estonia, Latvia and Lithuania denounced …": one event each
                ev = Event(action=action, party=p.text if p else None, date=date, place=place,
                           start=ts, end=te, text=text[ts:te])
                for i in targets:
                    items[i].events.append(ev)

    def _coordinated(self, text: str, place_idx: SpanIndex, last: Place, sent_start: int) -> list[Place]:
        """The subject and the states listed with it: "Estonia, Latvia and Lithuania" (in text order)."""
        out = [last]
        p = last
        for _ in range(12):
            prev = place_idx.last_before(p.start, sent_start)
            if prev is None or not self.is_country(prev) or not R.PARTY_LIST_GAP.fullmatch(text[prev.end:p.start]):
                break
            out.insert(0, prev)
            p = prev
        return out

    def _coordinated_after(self, text: str, place_idx: SpanIndex, first: Place, limit: int) -> list[Place]:
        """The state after "by"/"on behalf of" and the states listed after it (at most 50)."""
        out = [first]
        p = first
        for _ in range(50):
            nxt = place_idx.first_after(p.end, min(limit, p.end + 30))
            if nxt is None or not self.is_country(nxt) or not R.PARTY_LIST_GAP.fullmatch(text[p.end:nxt.start]):
                break
            out.append(nxt)
            p = nxt
        return out

    def _subject(self, text: str, place_idx: SpanIndex, sent_start: int, ts: int) -> Optional[Place]:
        """The acting state: the nearest country named before the trigger in its sentence (among the
        last ``MAX_SUBJECT_PLACES`` places: a 1 MB "sentence" of cities is not walked per trigger)."""
        p = place_idx.last_before(ts, sent_start)
        for _ in range(MAX_SUBJECT_PLACES):
            if p is None:
                break
            before = text[max(sent_start, p.start - 12):p.start]
            if self.is_country(p) and not before.rstrip().endswith((" in", " from", " to", " with", " at", " of")) \
                    and not R.RELATIVE_CLAUSE.search(text, max(sent_start, p.start - 60), p.start):
                return p
            p = place_idx.last_before(p.start, sent_start)
        return None


STOPWORDS = {"the", "of", "on", "for", "and", "or", "to", "in", "a", "an", "against", "between", "with", "by",
             "at", "from", "concerning", "relating", "un", "u.n.", "united", "nations"}


GENERIC_KINDS = {"treaty", "pact", "accord", "agreement"}
GENERIC_HEADS = {"treaty", "treaties", "pact", "pacts", "accord", "accords", "agreement", "agreements", "deal"}


def _words(title: str) -> frozenset:
    return frozenset(w for w in title.lower().replace("-", " ").split() if w not in STOPWORDS)


def _year(d: Optional[Date]) -> Optional[str]:
    return d.value[:4] if d is not None else None


# The acting state of a trigger is looked for among at most this many places before it in its sentence.
MAX_SUBJECT_PLACES = 30
# At most this many distinct earlier names are tried as the antecedent of a short form or partial name
# (repeats of one name count once): bounded work per reference, so a document with 40,000 names stays linear.
MAX_ANTECEDENTS = 100


def back_references(items: list[Item]) -> None:
    """Short forms and partial names refer back to the nearest compatible earlier name:
    "the convention", "The European Convention of 1987" → the full title cited before.
    A year must agree when both sides have one; a short form with no antecedent is dropped later.
    Only the latest of identical earlier names (same title, kind, number and year) is kept as a
    candidate: it is the one the nearest-first search would pick."""
    # (title, kind, number, year) → (item index, title words), oldest first
    named: dict[tuple, tuple[int, frozenset]] = {}
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    for i in order:
        it = items[i]
        if it.alias_of is not None:
            continue
        if it.short:
            want = it.kind
            for j, _ in itertools.islice(reversed(named.values()), MAX_ANTECEDENTS):
                ante = items[j]
                if ante.number is not None and it.number is None and want != "protocol":
                    continue
                if not (ante.kind == want or want == "treaty" and ante.kind != "protocol"):
                    continue
                if it.date and _year(ante.date) and _year(ante.date) != _year(it.date):
                    continue
                it.alias_of = j
                break
            continue
        own_words = _words(it.title)
        if it.number is None and it.kind != "protocol":
            words = own_words
            generic = it.kind in GENERIC_KINDS
            if generic:  # "Kyoto treaty" after "Kyoto Protocol", "Louvre pact" after "Louvre Accord"
                words = words - GENERIC_HEADS
            for j, ante_words in itertools.islice(reversed(named.values()), MAX_ANTECEDENTS if words else 0):
                ante = items[j]
                if ante.number is not None or len(ante.title) <= len(it.title) and not generic:
                    continue
                if ante.kind != it.kind and not generic:
                    continue
                if words <= ante_words and (
                        not (it.date and ante.date) or _year(it.date) == _year(ante.date)):
                    it.alias_of = j
                    break
        sig = (it.title, it.kind, it.number, _year(it.date))
        named.pop(sig, None)
        named[sig] = (i, own_words)


def alias_items(text: str, cands: list, items: list[Item]) -> tuple[list, list[Item]]:
    """A short form defined after a name ("… Weapons (NPT)", "(hereinafter the Convention)") names the
    same instrument from there on: each later occurrence becomes an item (with a candidate of its own,
    so relations and events attach to it like to any name) that refers to the defining item.
    One scan for all the short forms of the document; items come back in text order."""
    defined: dict[str, int] = {}
    first_item: dict[int, int] = {}
    for i, it in enumerate(items):
        first_item.setdefault(it.cand, i)
    outer: dict[int, int] = {}  # end → the outermost item ending there ("Optional Protocol to the …")
    for i, it in enumerate(items):
        if it.end not in outer or it.start < items[outer[it.end]].start:
            outer[it.end] = i
    for ci, c in enumerate(cands):
        if c.alias and ci in first_item:
            src = first_item[ci]
            defined.setdefault(text[c.alias[0]:c.alias[1]].strip(), outer.get(items[src].end, src))
    if not defined:
        return cands, items
    by_start = {it.start: i for i, it in enumerate(items)}
    pattern = regex.compile(r"(?<![\w\-])(?:%s)(?![\w\-])" % "|".join(
        regex.escape(a) for a in sorted(defined, key=len, reverse=True)))
    covered = sorted((it.start, it.end) for it in items)
    starts = [s for s, _ in covered]
    cands = list(cands)
    for m in pattern.finditer(text, timeout=limits.REGEX_TIMEOUT):
        src = defined[m.group()]
        s, e = m.span()
        if s <= items[src].start:
            continue
        if s in by_start:
            if by_start[s] != src:
                items[by_start[s]].alias_of = src
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and covered[k][1] > s:
            continue  # inside another name
        base = items[src]
        cands.append(Candidate(start=s, end=e, kind=base.kind, head="#alias", title=base.title))
        items.append(Item(start=s, end=e, kind=base.kind, title=base.title, number=base.number,
                          cand=len(cands) - 1, alias_of=src))
    order = sorted(range(len(items)), key=lambda i: (items[i].start, i))
    new_index = {old: new for new, old in enumerate(order)}
    items = [items[i] for i in order]
    for it in items:
        if it.alias_of is not None:
            it.alias_of = new_index[it.alias_of]
        if it.parent is not None:
            it.parent = new_index[it.parent]
    return cands, items


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _strip_date_qualifier(gap: str, pre: bool = False) -> str:
    """Remove a date between two things: " of 26 November 1987 and " → " and ";
    with ``pre``, a date before a name: " the 1986 " → " the "."""
    m = PATTERN.search(gap, timeout=limits.REGEX_TIMEOUT)
    if not m:
        return gap
    if pre:
        return gap[:m.start()].rstrip(" \t") + " " if not gap[m.end():].strip() else gap
    head = gap[:m.start()].rstrip()
    for w in ("of", "dated", "from"):
        if head.endswith(w):
            head = head[: -len(w)]
    return head.rstrip(" \t,") + gap[m.end():]


def _skip_date_qualifier(text: str, pos: int) -> int:
    m = R.DATE_QUALIFIER.match(text, pos)
    return m.end() if m else pos


def _semicolons(text: str) -> list[int]:
    """Offsets of every ";" (for _clause_end: a look-up, not a scan to the sentence end per trigger)."""
    out, i = [], text.find(";")
    while i >= 0:
        out.append(i)
        i = text.find(";", i + 1)
    return out


def _clause_end(text: str, pos: int, sents: list[int], semis: Optional[list[int]] = None) -> int:
    i = bisect.bisect_right(sents, pos)
    end = sents[i] if i < len(sents) else len(text)
    if semis is not None:
        k = bisect.bisect_left(semis, pos)
        return semis[k] if k < len(semis) and semis[k] < end else end
    semi = text.find(";", pos, end)
    return semi if semi >= 0 else end


def _keys(items: list[Item]) -> list[str]:
    """Merge keys: the linked id if any, else the normalised title, with number and parent."""
    keys: list[Optional[str]] = [None] * len(items)

    def key(i: int, depth: int = 0) -> str:
        if keys[i] is not None:
            return keys[i]
        it = items[i]
        if it.alias_of is not None and depth < 8:
            k = key(it.alias_of, depth + 1)
        elif it.link and it.link[0]:
            k = f"id:{it.link[0]}"
        else:
            parent = key(it.parent, depth + 1) if it.parent is not None and depth < 8 else ""
            k = f"t:{_norm(it.title).lower()}|{it.number}|{parent}"
        keys[i] = k
        return k

    return [key(i) for i in range(len(items))]


def _root(items: list[Item], i: int) -> int:
    for _ in range(8):
        if items[i].alias_of is None:
            return i
        i = items[i].alias_of
    return i


def merge(text: str, items: list[Item]) -> list[Citation]:
    """One citation per instrument: same id, title or defined short form → one citation with every
    mention; citations are ordered by first mention."""
    keys = _keys(items)
    order = sorted((i for i in range(len(items)) if not (items[i].short and _root(items, i) == i)),
                   key=lambda i: items[i].start)
    key_of: dict[str, int] = {}
    cites: list[dict] = []
    index_of_item: dict[int, int] = {}
    for i in order:
        ci = key_of.get(keys[i])
        if ci is None:
            ci = key_of[keys[i]] = len(cites)
            cites.append({"items": [i]})
        else:
            cites[ci]["items"].append(i)
        index_of_item[i] = ci
    out: list[Citation] = []
    for ci, c in enumerate(cites):
        first = items[c["items"][0]]
        mentions = []
        events: list[Event] = []
        seen_ev = set()
        date = place = None
        for i in c["items"]:
            it = items[i]
            mentions.append(Mention(start=it.start, end=it.end, text=text[it.start:it.end]))
            date = date or it.date
            place = place or it.place
            for ev in it.events:
                k = (ev.action, ev.start, ev.party)
                if k not in seen_ev:
                    seen_ev.add(k)
                    events.append(ev)
        named = [items[i] for i in c["items"] if items[i].alias_of is None] or [first]
        title = max(named, key=lambda it: (len(it.title), -it.start)).title
        parent = next((index_of_item[items[i].parent] for i in c["items"] if items[i].parent is not None), None)
        if parent == ci:
            parent = None
        link = next((items[i].link for i in c["items"] if items[i].link and items[i].link[0]), None) \
            or first.link or (None, None, ())
        out.append(Citation(kind=first.kind, title=title, start=first.start, end=first.end,
                            text=text[first.start:first.end], number=first.number, parent=parent,
                            date=date, place=place, id=link[0], canonical_title=link[1],
                            mentions=sorted(mentions, key=lambda m: m.start),
                            events=sorted(events, key=lambda e: e.start), candidates=link[2] or ()))
    return out
