"""Step 6 of resolution: treaty actions (signature, ratification, denunciation, withdrawal, …) on
the names, with the acting party, the act's date and place."""
from __future__ import annotations

import bisect
from typing import Optional

import attrs

from citex import limits
from citex.grammar import relations as R
from citex.models import Event, Place
from citex.resolve.context import DocContext
from citex.resolve.own import tail

# The acting state of a trigger is looked for among at most this many places before it in its sentence.
MAX_SUBJECT_PLACES = 30
# how far around the names triggers are looked for
SCAN_MARGIN = 200
# how far after a trigger its object may start, and how far before a participle its object may end
OBJECT_REACH = 150
PARTICIPLE_REACH = 40
# how far back a negation or "none of" is looked for
NEGATION_BACK = 40
NONE_OF_BACK = 100
# how far back a date opening the sentence may date the act, and a non-state subject be seen
LEADING_DATE_BACK = 200
SUBJECT_BACK = 60


class GroupIndex:
    """The groups of items (one name, or a list of names) by where they start and end."""

    def __init__(self, doc: DocContext):
        items, groups = doc.items, doc.groups
        self.groups = groups
        self.first_start = [min(items[i].start for i in g) for g in groups]
        self.last_end = [max(items[i].end for i in g) for g in groups]
        self.gstarts = sorted((s, gi) for gi, s in enumerate(self.first_start))
        self.gs_keys = [s for s, _ in self.gstarts]
        self.gends = sorted((e, gi) for gi, e in enumerate(self.last_end))
        self.ge_keys = [e for e, _ in self.gends]

    def first_after(self, pos: int) -> tuple:
        """(start, group) of the first group starting at or after ``pos``."""
        k = bisect.bisect_left(self.gs_keys, pos)
        return self.gstarts[k] if k < len(self.gstarts) else (-1, None)

    def last_before(self, pos: int) -> tuple:
        """(end, group) of the last group ending at or before ``pos``; of names ending together
        the outer one ("Protocol No. 15 amending the Convention … Freedoms| entered into force"
        is the protocol's act, not its parent's)."""
        k = bisect.bisect_right(self.ge_keys, pos) - 1
        if k < 0:
            return -1, None
        ge, gi = self.gends[k]
        while k > 0 and self.gends[k - 1][0] == ge:
            k -= 1
            if self.first_start[self.gends[k][1]] < self.first_start[gi]:
                gi = self.gends[k][1]
        return ge, gi


@attrs.define(slots=True)
class Attachment:
    """The items a trigger acts on, and how they were found."""

    targets: list
    party: Optional[Place] = None   # a party inside a nominal gap ("the withdrawal of Hungary from the")
    post: bool = False              # a participle after its object ("… thereto, signed on behalf of")
    pronoun_end: Optional[int] = None


def _negated(doc: DocContext, ts: int, sent_start: int) -> bool:
    text = doc.text
    return bool(R.NEGATION_BEFORE.search(text[max(sent_start, ts - NEGATION_BACK):ts])
                or R.NONE_OF_BEFORE.search(text, max(sent_start, ts - NONE_OF_BACK), ts))


def _attach(doc: DocContext, gx: GroupIndex, m, sent_start: int) -> Attachment:
    """What a trigger acts on: the name after it, a pronoun's antecedent, or the name before a participle."""
    text = doc.text
    ts, te = m.span()
    gs, gi = gx.first_after(te)
    if gi is not None and gs - te <= OBJECT_REACH:
        gap = text[te:gs]
        if R.OBJECT_GAP.fullmatch(gap) or R.OBJECT_GAP.fullmatch(R.strip_date_qualifier(gap, pre=True)):
            return Attachment(gx.groups[gi])
        nm = R.NOMINAL_PARTY_GAP.fullmatch(gap)
        if nm:
            party = doc.places.first_after(te + nm.start("party"), te + nm.end("party"))
            return Attachment(gx.groups[gi], party=party)
    pm = R.PRONOUN_OBJECT.match(text, te)
    if pm:  # "… and ratified it": the last instrument named before the trigger in its sentence
        ge, gi = gx.last_before(ts)
        if gi is not None and ge > sent_start and gx.first_start[gi] >= sent_start:
            return Attachment(gx.groups[gi], pronoun_end=pm.end())
    if m.lastgroup in R.PARTICIPLE_ACTIONS:  # a participle after its object: "… thereto, signed on behalf of …"
        ge, gi = gx.last_before(ts)
        if gi is not None and ts - ge <= PARTICIPLE_REACH:
            gap = text[ge:ts]
            if R.PARTICIPLE_GAP.fullmatch(gap) or R.PARTICIPLE_GAP.fullmatch(R.strip_date_qualifier(gap)):
                return Attachment(gx.groups[gi], post=True)
    return Attachment([])


def _tail_start(doc: DocContext, te: int, att: Attachment, obj_end: int) -> int:
    if att.post:
        return te
    if att.pronoun_end is not None:
        return att.pronoun_end
    # after the object and its own qualifiers ("of 4 November 1993 thereto", "(CWC)")
    pos = R.skip_date_qualifier(doc.text, max(te, obj_end))
    tm = R.THERETO.match(doc.text, pos) or R.PAREN_AFTER.match(doc.text, pos)
    return tm.end() if tm else pos


def _leading_date(doc: DocContext, ts: int, sent_start: int):
    """ "In 2019 Ukraine ended the treaty": a date opening the sentence dates its act."""
    d = doc.dates.last_before(ts, sent_start)
    if d is not None and ts - d.end <= LEADING_DATE_BACK and R.LEADING_DATE.fullmatch(doc.text, sent_start, d.start) \
            and not R.TRIGGERS.search(doc.text, d.end, ts):
        return d
    return None


def _event_for(doc: DocContext, gx: GroupIndex, m) -> Optional[tuple[list, list, Event]]:
    """(targets, parties, event without party) for one trigger, or None when it is no act on a name."""
    text, action = doc.text, m.lastgroup
    ts, te = m.span()
    sent_start = doc.sentence_start(ts)
    if _negated(doc, ts, sent_start):
        return None
    att = _attach(doc, gx, m, sent_start)
    if not att.targets:
        return None
    obj_end = max(doc.items[i].end for i in att.targets)
    if not att.post and R.ATTRIBUTIVE_AFTER.match(text, obj_end):
        return None  # "… ended the Paris Agreement row": the action is on the row
    clause_end = min(len(text), doc.clause_end(te))
    tail_from = _tail_start(doc, te, att, obj_end)
    nxt = R.TRIGGERS.search(text, tail_from, clause_end)  # the next trigger ends this event's clause
    if nxt:
        clause_end = nxt.start()
    nominal = m.group().lower().endswith(("tion", "sion", "al", "ature"))  # "the denunciation of X by Y"
    t = tail(doc, tail_from, clause_end, party_ok=att.post or nominal)
    date = t.date
    if date is None and not att.post:
        date = _leading_date(doc, ts, sent_start)
    party = att.party or t.party
    if action == "denunciation" and not att.post and not nominal and party is None and (
            R.CONDEMN_AS.match(text, obj_end)
            or R.NON_STATE_SUBJECT.search(text, max(sent_start, ts - SUBJECT_BACK), ts)):
        return None  # "critics denounced the pact as weak": a condemnation, not a treaty action
    parties = [party] if party is not None else []
    if t.party is not None and party is t.party:
        parties = coordinated_after(doc, t.party, clause_end)  # "by Belgium, France and …"
    if party is None and not att.post:
        party = subject(doc, sent_start, ts)
        parties = coordinated(doc, party, sent_start) if party is not None else []
    if att.post and action == "signature" and party is None:
        return None  # "signed in Washington on …": the instrument's own signature (see own_acts)
    ev = Event(action=action, party=None, date=date, place=t.place, start=ts, end=te, text=text[ts:te])
    return att.targets, parties, ev


def find_events(doc: DocContext) -> None:
    """Every treaty action on the names, appended to the items' ``events`` (one per acting state)."""
    items, text = doc.items, doc.text
    if not items:
        return
    gx = GroupIndex(doc)
    lo, hi = min(gx.first_start), max(gx.last_end)
    for m in R.TRIGGERS.finditer(text, max(0, lo - SCAN_MARGIN), min(len(text), hi + SCAN_MARGIN),
                                 timeout=limits.REGEX_TIMEOUT):
        found = _event_for(doc, gx, m)
        if found is None:
            continue
        targets, parties, ev = found
        for p in parties or [None]:  # "Estonia, Latvia and Lithuania denounced …": one event each
            e = attrs.evolve(ev, party=p.text if p else None)
            for i in targets:
                items[i].events.append(e)


def coordinated(doc: DocContext, last: Place, sent_start: int) -> list[Place]:
    """The subject and the states listed with it: "Estonia, Latvia and Lithuania" (in text order)."""
    out = [last]
    p = last
    for _ in range(12):
        prev = doc.places.last_before(p.start, sent_start)
        if prev is None or not doc.is_country(prev) or not R.PARTY_LIST_GAP.fullmatch(doc.text[prev.end:p.start]):
            break
        out.insert(0, prev)
        p = prev
    return out


def coordinated_after(doc: DocContext, first: Place, limit: int) -> list[Place]:
    """The state after "by"/"on behalf of" and the states listed after it (at most 50)."""
    out = [first]
    p = first
    for _ in range(50):
        nxt = doc.places.first_after(p.end, min(limit, p.end + 30))
        if nxt is None or not doc.is_country(nxt) or not R.PARTY_LIST_GAP.fullmatch(doc.text[p.end:nxt.start]):
            break
        out.append(nxt)
        p = nxt
    return out


def subject(doc: DocContext, sent_start: int, ts: int) -> Optional[Place]:
    """The acting state: the nearest country named before the trigger in its sentence (among the
    last ``MAX_SUBJECT_PLACES`` places: a 1 MB "sentence" of cities is not walked per trigger)."""
    text = doc.text
    p = doc.places.last_before(ts, sent_start)
    for _ in range(MAX_SUBJECT_PLACES):
        if p is None:
            break
        before = text[max(sent_start, p.start - 12):p.start]
        if doc.is_country(p) and not before.rstrip().endswith((" in", " from", " to", " with", " at", " of")) \
                and not R.RELATIVE_CLAUSE.search(text, max(sent_start, p.start - 60), p.start):
            return p
        p = doc.places.last_before(p.start, sent_start)
    return None
