"""Step 4 of resolution: each name's own date and place ("… Punishment of 26 November 1987",
"the 1994 Energy Charter Treaty", "Rome Statute …\\nRome, 17 July 1998", "…, signed in Washington
on November 18, 1997"), and :func:`tail`, the party/place/date reader shared with the events."""
from __future__ import annotations

from typing import Optional

import attrs

from citex.grammar import relations as R
from citex.models import Date, Place
from citex.resolve.context import DocContext

# how far after a name its own date or place may start, and how far before it a year may stand
OWN_DATE_AFTER = 12
PREMOD_DATE_BEFORE = 30
PLACE_DATE_SEP = 4
# how far after an act the next place or date of its tail may start
TAIL_REACH = 60


@attrs.frozen(slots=True)
class Tail:
    """What follows a trigger or an own act: "on behalf of X", "in P", "on D" (any order)."""

    party: Optional[Place]
    place: Optional[Place]
    date: Optional[Date]
    end: int


def tail(doc: DocContext, pos: int, end: int, party_ok: bool = False) -> Tail:
    """Party, place and date right after ``pos`` (up to ``end``)."""
    text = doc.text
    party = place = date = None
    for _ in range(4):
        p = doc.places.first_after(pos, min(end, pos + TAIL_REACH))
        d = doc.dates.first_after(pos, min(end, pos + TAIL_REACH))
        nxt = min([x for x in (p, d) if x is not None], key=lambda x: x.start, default=None)
        if nxt is None:
            break
        gap = text[pos:nxt.start]
        if nxt is p:
            if party_ok and party is None and R.PARTY_AFTER.match(gap) and doc.is_country(p):
                party = p
            elif place is None and R.EVENT_PLACE_GAP.match(gap):
                place = p
            elif place is not None and place.end == pos and R.PLACE_DATE_SEP.match(gap) and doc.is_country(p):
                pass  # "at Montego Bay, Jamaica, on …": the place's country, then go on
            else:
                break
        else:
            if date is None and R.EVENT_DATE_GAP.match(gap):
                date = d
            else:
                break
        pos = nxt.end
    return Tail(party, place, date, pos)


def _date_inside(doc: DocContext, c, members: list[int]) -> bool:
    """A law designation carries its date ("Act of 8 July 2005"); so does a short form ("the 1988
    Convention")."""
    d = doc.dates.first_after(c.start, c.end - 1)
    if d is not None and d.end <= c.end:
        for i in members:
            doc.items[i].date = d
        return True
    return False


def _date_around(doc: DocContext, c, members: list[int]) -> None:
    text, items = doc.text, doc.items
    d = doc.dates.first_after(c.end, c.end + OWN_DATE_AFTER)  # "… of 26 November 1987"
    if d is not None and R.OWN_DATE_GAP.match(text[c.end:d.start]):
        for i in members:
            items[i].date = items[i].date or d
        return
    d = doc.dates.last_before(c.start, c.start - PREMOD_DATE_BEFORE)  # "the 1994 Energy Charter Treaty"
    if d is not None and R.PREMOD_DATE_GAP.match(text[d.end:c.start]):
        for i in members:
            items[i].date = items[i].date or d
    p = doc.places.first_after(c.end, c.end + OWN_DATE_AFTER)  # "Rome Statute …\nRome, 17 July 1998"
    if p is not None and R.PLACE_DATE_LINE_GAP.match(text[c.end:p.start]):
        d = doc.dates.first_after(p.end, p.end + PLACE_DATE_SEP)
        if d is not None and R.PLACE_DATE_SEP.match(text[p.end:d.start]):
            for i in members:
                items[i].place = items[i].place or p
                items[i].date = d


def own_dates(doc: DocContext) -> None:
    """The date (and place) written with each name; the members of one candidate share it."""
    for g in doc.groups:
        by_cand: dict[int, list[int]] = {}
        for i in g:
            by_cand.setdefault(doc.items[i].cand, []).append(i)
        for ci, members in by_cand.items():
            c = doc.cands[ci]
            if (c.kind == "other" or c.short) and _date_inside(doc, c, members):
                continue
            _date_around(doc, c, members)


def own_acts(doc: DocContext) -> None:
    """ "…, signed in Washington on November 18, 1997", "The convention was adopted on 30 May 2008 in
    Dublin, and was opened for signature on 3 December 2008 in Oslo": the instrument's own date and
    place, when no state acts ("on behalf of …" makes it a state's signature: an event)."""
    text = doc.text
    for it in doc.items:
        pos = R.skip_date_qualifier(text, it.end)
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
            t = tail(doc, pos, doc.clause_end(pos), party_ok=True)
            pos = t.end
            if t.party is not None:
                break  # a state's act: left to the events
            if rank >= best and (t.date or t.place):
                best = rank
                if t.date:
                    it.date = t.date
                if t.place:
                    it.place = t.place
