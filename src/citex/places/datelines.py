"""Wire datelines at line starts: the dateline's city (even when the gazetteer lacks it) and its
state abbreviation.

* Reuters style, with a month and day: ``ST. PETERSBURG, Fla., June 29 -``
* with an agency before the dash: ``VILNIUS, March 6 (Reuters) –``
* wire styles with an agency, a dash, a state or a full date, for a known city or state only:
  ``STRASBOURG (AP) —``, ``WASHINGTON — ``, ``NASHVILLE, Tenn. —``, ``VILNIUS, 5 September 2024 (AFP) –``
"""
from __future__ import annotations

import itertools
import re
from typing import Optional

import regex

from citex import limits
from citex.places.names import Entry, NameTable
from citex.places.runs import Cand
from citex.places.words import AGENCIES

__all__ = ["DATELINE", "has_dash", "dateline_cands"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# an agency in brackets: a known one, or a capitalised name of letters ("(Bernama)", "(Itar-Tass)")
_AGENCY = (r"\((?:" + "|".join(regex.escape(a, literal_spaces=True).replace(" ", "[ ]") for a in AGENCIES)
           + r"|\p{Lu}[\p{L}.\-/ ]{1,30}+)\)")
DATELINE = regex.compile(
    # the city: up to five words in capitals
    rf"^[ \t]*(?P<city>\p{{Lu}}[\p{{Lu}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{Lu}}.'’\-]*){{0,4}})(?:,[ ]+"
    # an optional state ("Fla.", "N.Y."), then the month and day and a dash
    rf"(?:(?P<st>\p{{Lu}}[\p{{L}}.]{{0,6}}(?:[ ]\p{{Lu}}[\p{{L}}.]{{0,4}})?),[ ]+)?"
    rf"{_MONTH}[ ]+\d{{1,2}}(?:[ ]+{_AGENCY})?[ \t]*[-–—]"   # "VILNIUS, March 6 (Reuters) –"
    # wire styles with a known city or state only: "STRASBOURG (AP) —", "WASHINGTON — ", "NASHVILLE, Tenn. —",
    # "VILNIUS, 5 September 2024 (AFP) –"
    # (the state may be written out: "CEBU CITY, Philippines —")
    rf"|(?P<weak>(?:,[ ]+(?P<st2>\p{{Lu}}[\p{{L}}.]{{0,20}}+(?:[ ]\p{{Lu}}[\p{{L}}.]{{0,20}}+){{0,2}}))?"
    rf"(?:,[ ]+(?:\d{{1,2}}[ ]+{_MONTH}|{_MONTH}[ ]+\d{{1,2}},?)[ ]+\d{{4}})?(?:[ ]+{_AGENCY})?[ \t]*[-–—][ \t]))",
    regex.M)


def has_dash(text: str) -> bool:
    """Cheap test before the dateline regex: every dateline form has a dash."""
    return " -" in text or "-\n" in text or "–" in text or "—" in text


def dateline_cands(table: NameTable, text: str) -> list[Cand]:
    """The candidates of every dateline in ``text`` (accepted and supported), in text order."""
    out: list[Cand] = []
    if not has_dash(text):
        return out
    n = len(text)
    # the regex is tried only where a city may begin: the lines that _LINE_OPENING finds (no ASCII
    # lower-case letter in the first two characters after the blanks) are checked as each line was
    first = _TEXT_OPENING.match(text)
    for lm in itertools.chain([first] if first is not None else [], _LINE_OPENING.finditer(text)):
        j = lm.end()
        pos = lm.start() + (text[lm.start()] == "\n")       # the line's start
        nl = text.find("\n", j)
        nl = n if nl < 0 else nl
        if (j < nl and text[j].isupper() and (j + 1 == nl or text[j + 1].isupper() or text[j + 1] in ".'’- ,\t")
                and (text.find("-", j, nl) >= 0 or text.find("–", j, nl) >= 0 or text.find("—", j, nl) >= 0)):
            # (every form holds a dash on the dateline's own line)
            m = DATELINE.match(text, pos, timeout=limits.REGEX_TIMEOUT)
            if m is not None:
                out.extend(_dateline(table, m))
    return out


# a line's start (its newline, but at the text's start) and its blanks, when the two characters after them may open a dateline (neither is
# an ASCII lower-case letter, the first no white space): a superset of the lines the test in
# dateline_cands takes (a capital, then a capital, one of .'’- ,\t, or the line's end)
_OPENING = r"[ \t]*(?=[^\sa-z](?:[^a-z]|\Z))"
_LINE_OPENING = re.compile(r"\n" + _OPENING)
_TEXT_OPENING = re.compile(_OPENING)


def _state(table: NameTable, st: str) -> Optional[Entry]:
    """The state or country a dateline's abbreviation names ("Fla.", "CALIF"), or None."""
    for form in (st, st[:1] + st[1:].lower(), st + ".", st[:1] + st[1:].lower() + "."):
        e = table.names.get(form)
        if e is not None:
            return e if e.kind in ("admin", "country") else None
    return None


def _dateline(table: NameTable, m) -> list[Cand]:
    city = m.group("city")
    cs, ce = m.span("city")
    while city and city[-1] in ".'’-":
        city, ce = city[:-1], ce - 1
    if len(city.replace(" ", "").replace(".", "")) < 2:
        return []
    st_group = "st" if m.group("st") else "st2" if m.group("st2") else None
    st_entry = _state(table, m.group(st_group)) if st_group else None
    key = " ".join(city.split())
    name = table.upper().get(key)
    entry = table.names.get(name) if name else None
    title = " ".join(w[:1] + w[1:].lower() for w in key.split(" "))
    if entry is not None and entry.kind == "block":
        return []
    if m.group("weak") is not None and (entry is None or entry.ambiguous) and st_entry is None:
        return []  # "BREAKING — …": only a known place opens a dateline without a month and day
    if m.group("st2") and st_entry is None:
        return []  # "SMITH, Jones —": no state after the city
    if st_entry is not None:
        cc = st_entry.country
        canon = entry.canonical if entry is not None and entry.country == cc else title
    elif entry is not None:
        canon, cc = entry.canonical, entry.country
    else:
        canon, cc = title, None
    out = [Cand(cs, ce, key, Entry(canon, cc, "city"), True, True, False)]
    if st_entry is not None:
        ss, se = m.span(st_group)
        out.append(Cand(ss, se, m.group(st_group), st_entry, True, True, False))
    return out
