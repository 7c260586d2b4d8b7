"""Step 4 of resolution: each name's own date and place ("… Punishment of 26 November 1987",
"the 1994 Energy Charter Treaty", "Rome Statute …\\nRome, 17 July 1998", "…, signed in Washington
on November 18, 1997"), and :func:`tail`, the party/place/date reader shared with the events."""
from __future__ import annotations

import re
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
# how many names and dates a tail reads at most ("by Russia, Ukraine, France and Germany on …")
TAIL_ITEMS = 8


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
    listing = False   # the last name read was the party or another state of its list
    for _ in range(TAIL_ITEMS):
        p = doc.places.first_after(pos, min(end, pos + TAIL_REACH))
        d = doc.dates.first_after(pos, min(end, pos + TAIL_REACH))
        nxt = min([x for x in (p, d) if x is not None], key=lambda x: x.start, default=None)
        if nxt is None:
            break
        gap = text[pos:nxt.start]
        if nxt is p:
            if party_ok and party is None and R.PARTY_AFTER.match(gap) and doc.is_country(p):
                party, listing = p, True
                pos = nxt.end
                continue
            if listing and R.PARTY_LIST_GAP.fullmatch(gap) and doc.is_country(p):
                pos = nxt.end     # "signed by Russia *and China* in 2001": the list's others (read as parties later)
                continue
            if place is None and R.EVENT_PLACE_GAP.match(gap):
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
        listing = False
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
    if d is not None and not d.relative and (R.OWN_DATE_GAP.match(text[c.end:d.start]) or (
            c.kind == "convention" and (ty := R.TITLE_YEAR.match(text, c.end)) and ty.start("y") == d.start)):
        for i in members:
            items[i].date = items[i].date or d
        return
    # "the 1994 Energy Charter Treaty"; not a day without its year ("the September 19 … Agreement" is
    # a name, and the publication date only guessed the year)
    d = doc.dates.last_before(c.start, c.start - PREMOD_DATE_BEFORE)
    if d is not None and not d.relative and R.PREMOD_DATE_GAP.match(text[d.end:c.start]):
        for i in members:
            items[i].date = items[i].date or d
    p = doc.places.first_after(c.end, c.end + OWN_DATE_AFTER)  # "Rome Statute …\nRome, 17 July 1998"
    if p is not None and R.PLACE_DATE_LINE_GAP.match(text[c.end:p.start]):
        d = doc.dates.first_after(p.end, p.end + PLACE_DATE_SEP)
        # (a full date: "NEW DELHI, July 26." under a headline that ends with the name is a dateline)
        if d is not None and not d.relative and R.PLACE_DATE_SEP.match(text[p.end:d.start]):
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
    children: dict[int, list[int]] = {}
    for k, c in enumerate(doc.items):
        if c.parent is not None:
            children.setdefault(c.parent, []).append(k)
    for i, it in enumerate(doc.items):
        if any(o.start <= it.start and it.end <= o.end and (o.start, o.end) != (it.start, it.end) for o in doc.items[max(0, i - 3):i]):
            continue   # a parent named inside a child's title ("Protocol No. 14 to the European Convention …,
            #            adopted in 2004"): the act is the child's
        if it.date is None and _ADOPTED_BEFORE.search(text, max(0, it.start - 30), it.start):
            t = tail(doc, R.skip_date_qualifier(text, it.end), doc.clause_end(it.end))
            if t.date or t.place:   # "WHO member states adopted the Pandemic Agreement in Geneva on 20 May 2025"
                it.date, it.place = t.date, it.place or t.place
                continue
        pos = R.skip_date_qualifier(text, it.end)
        pm = R.PAREN_AFTER.match(text, pos) or _DESCRIBED_BEFORE_ACT.match(text, pos)
        if pm:   # "… Rights (ICCPR) was adopted …", "The Ottawa Treaty banning landmines was signed …"
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
                for k in _acting_items(doc, i, children, m.group()):
                    if t.date:
                        doc.items[k].date = t.date
                    if t.place:
                        doc.items[k].place = t.place


# the instrument's adoption in the active voice right before its name: "member states *adopted the* Pandemic Agreement"
_ADOPTED_BEFORE = re.compile(r"(?<![\w\-])(?:adopted|concluded)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# a description or an aside between a name and its own passive act: "The Istanbul Convention *on violence against
# women* was opened for signature …", "The Minamata Convention on Mercury*, named after the Japanese city,* was …"
_DESCRIBED_BEFORE_ACT = re.compile(r"(?:[ \t]{1,3}(?:on|banning|against|for|to|governing|covering)[ \t][^,.;:()\n\"“”]{1,60}?"
                                   r"|[ \t]{0,2},[^,.;:()\n\"“”]{1,60}?,)(?=[ \t]{1,3}(?:was|were|had[ \t]+been|has[ \t]+been)[ \t])")


def _acting_items(doc: DocContext, i: int, children: dict[int, list[int]], act: str) -> list[int]:
    """The items an own act after item ``i`` dates: the protocols named before it when ``i`` is only their
    parent ("Protocols I and II additional to the Geneva Conventions were adopted in 1977"), the names
    coordinated with it before a plural verb ("The Convention … and its Optional Protocol were adopted"),
    else ``i`` itself."""
    it = doc.items[i]
    before = [k for k in children.get(i, ()) if doc.items[k].end <= it.start and it.start - doc.items[k].end <= 60]
    if before:
        return before
    if not _PLURAL_ACT.match(act):
        return [i]
    out = [i]
    k = i   # the names joined to it before the plural verb: "X and its Optional Protocol", "X, Y and Z"
    while k > 0 and len(out) < 20:
        prev = doc.items[k - 1]
        gap = doc.text[prev.end:doc.items[k].start]
        if prev.end > doc.items[k].start or not _JOINED.fullmatch(gap):
            break
        out.insert(0, k - 1)
        k -= 1
    return out


_JOINED = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:(?:and|or|as[ \t]+well[ \t]+as)[ \t]{1,3})?(?:its[ \t]{1,3}|the[ \t]{1,3}|their[ \t]{1,3})?")


_PLURAL_ACT = re.compile(r"[ \t,]*(?:\[\d{1,3}\][ \t]*)?(?:and[ \t]+)?(?:(?:which|that)[ \t]+)?were\b")


# "Signed on Nov 15, 2020, the 15-member RCEP …": a participle opening the sentence, its date, then
# the name as the subject of the main clause (a few words before it: "the 15-member")
FRONTED_ACT = re.compile(r"(?:First[ \t]{1,3}|Originally[ \t]{1,3})?(?:Signed|Adopted|Concluded|Agreed)(?![\w])")
FRONTED_SUBJECT = re.compile(r",[ \t]{1,3}(?:the[ \t]{1,3}|a[ \t]{1,3})?(?:[\w\-]{1,20}[ \t]{1,3}){0,3}\Z")
# "… Treaty. It was signed in November 1990": the next sentence's subject is the name (a short form
# there, "The convention was adopted …", is an item of its own: see own_acts)
PRONOUN_ACT = re.compile(
    r"(?:It|This)[ \t]{1,3}"
    r"(?:was|had[ \t]{1,3}been)[ \t]{1,3}(?:first[ \t]{1,3}|originally[ \t]{1,3})?"
    r"(?:signed|adopted|concluded|agreed)(?![\w])")
FRONTED_MAX = 90
BY_TO = re.compile(r"[ \t]{1,3}(?:to|of)[ \t]{1,3}(?:the[ \t]{1,3})?[A-Z][\w'’.\-]{0,30}(?:[ \t]{1,3}[A-Z][\w'’.\-]{0,30}){0,5}")


def own_nearby(doc: DocContext) -> None:
    """A date written next to the name rather than with it: a fronted participle ("Signed on …,
    the … pact") or the next sentence about it ("It was signed in November 1990"); only for an
    instrument without a date yet, and only the one instrument its sentence names."""
    text, items = doc.text, doc.items
    for i, it in enumerate(items):
        if it.date is not None or it.short:
            continue
        s = doc.sentence_start(it.start)
        if it.start - s <= FRONTED_MAX and FRONTED_ACT.match(text, s) and FRONTED_SUBJECT.search(text[s:it.start]):
            t = tail(doc, FRONTED_ACT.match(text, s).end(), it.start)
            if t.party is None and (t.date or t.place):
                it.date, it.place = t.date, it.place or t.place
                continue
        end = doc.sentence_end(it.end)
        if any(o.start >= it.end and o.start < end for o in items[i + 1:i + 4]):
            continue  # another name follows in the sentence: "it" may be either
        j = end
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        m = PRONOUN_ACT.match(text, j)
        if m and _other_name_before(items, i, s):
            continue
        if m:
            pos = m.end()
            if by := R.OWN_ACT_BY.match(text, pos):  # "This was adopted by the Parties … in October 2016"
                pos = by.start() + len(by.group().rstrip())
                if to := BY_TO.match(text, pos):  # "… to the Montreal Protocol"
                    pos = to.end()
            t = tail(doc, pos, doc.clause_end(pos))
            if t.party is None and t.date is not None:
                it.date, it.place = t.date, it.place or t.place


# "X[, better known as Y,] is a human rights treaty … which was opened for signature on 11 May 2011":
# a sentence that defines the name it opens, and the own act in its relative clause
DEFINES = re.compile(r"[^.;]{0,80}?[ \t](?:is|was)[ \t]{1,3}(?:a|an|the)[ \t]")
DEFINITION_REACH = 300
# (a passive: "which was opened …", or a participle with its agent: "created by the United Nations"; not
# "a treaty that Freedonia signed")
_ACTS = r"(?:signed|adopted|concluded|opened[ \t]+for[ \t]+signature|created)(?![\w])"
DEFINITION_ACT = re.compile(
    r"(?<![\w])(?:(?:which|that)[ \t]{1,3}(?:was|were|had[ \t]+been|has[ \t]+been)[ \t]{1,3}" + _ACTS
    + r"|" + _ACTS + r"(?=[ \t]{1,3}by[ \t]))")
# the agent of a participle, up to its date ("by United Nations| on December 10 1984")
AGENT = re.compile(r"[ \t]{1,3}by[ \t]{1,3}(?:the[ \t]{1,3})?[A-Z][\w'’.\-]*+(?:[ \t]{1,3}(?:of[ \t]{1,3}(?:the[ \t]{1,3})?)?[A-Z][\w'’.\-]*+){0,6}")


# "…, better known as the Istanbul Convention, is …": another name of the same instrument
ALSO_KNOWN = re.compile(r"(?:(?:also|better|commonly|widely)[ \t]{1,3})?known[ \t]{1,3}as[ \t]{1,3}(?:the[ \t]{1,3})?\Z")


def _also_known(text: str, start: int) -> bool:
    return ALSO_KNOWN.search(text, max(0, start - 30), start) is not None


def own_definitions(doc: DocContext) -> None:
    """The own date of a name that opens a sentence defining it ("The X is a treaty … which was opened
    for signature on 11 May 2011, in Istanbul", "X is a treaty … created by the United Nations on
    December 10 1984"); only when no other instrument is named before the act, and no state acts."""
    text, items = doc.text, doc.items
    for i, it in enumerate(items):
        if it.date is not None or it.short or it.alias_of is not None:
            continue
        s = doc.sentence_start(it.start)
        if it.start - s > 4 or not DEFINES.match(text, it.end):
            continue
        end = min(doc.clause_end(it.end), it.end + DEFINITION_REACH)
        m = DEFINITION_ACT.search(text, it.end, end)
        if m is None or any(it.end < o.start < m.start() and o.title != it.title and not _also_known(text, o.start)
                            and (o.alias_of is None or items[o.alias_of].title != it.title) for o in items[i + 1:i + 6]):
            continue
        pos = m.end()
        if by := AGENT.match(text, pos):
            p = doc.places.first_after(by.start(), by.end())
            if p is not None and p.end <= by.end() and doc.is_country(p):
                continue   # "signed by Freedonia on …": a state's act, left to the events
            pos = by.end()
        t = tail(doc, pos, end, party_ok=True)
        if t.party is None and t.date is not None:
            it.date, it.place = t.date, it.place or t.place


def _other_name_before(items, i: int, start: int) -> bool:
    """Another instrument named in the sentence (from ``start``) before item ``i`` (items are in text
    order: looked for backwards, no further than the sentence)."""
    it = items[i]
    for j in range(i - 1, -1, -1):
        o = items[j]
        if o.start < start:
            return False
        if o.start < it.start and o.title != it.title:
            return True
    return False
