"""Wire datelines at line starts: the dateline's city (even when the gazetteer lacks it) and its
state abbreviation.

* Reuters style, with a month and day: ``ST. PETERSBURG, Fla., June 29 -``
* with an agency before the dash: ``VILNIUS, March 6 (Reuters) –``
* wire styles with an agency, a dash, a state or a full date, for a known city or state only:
  ``STRASBOURG (AP) —``, ``WASHINGTON — ``, ``NASHVILLE, Tenn. —``, ``VILNIUS, 5 September 2024 (AFP) –``
* without a dash, for a known place in capitals only (:data:`STRONG`): a day and a month in any case
  (``YEREVAN, JUNE 7, ARMENPRESS.``, ``NEW DELHI, July 26. /tass/.``), an agency and a date in
  brackets (``MEXICO CITY (UrduPoint News / Sputnik - 23rd January, 2021) Mexico …``), a date and a
  bar before the city or a double hyphen after it (``2 JULY 2004 | GENEVA -- The …``); several
  cities joined by slashes (``GENEVA/BRUSSELS (Reuters) -``, ``KYIV/MOSCOW, March 5 (Reuters) -``)
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

__all__ = ["DATELINE", "STRONG", "has_dash", "dateline_cands", "strong_datelines"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# an agency in brackets: a known one, or a capitalised name of letters ("(Bernama)", "(Itar-Tass)")
_AGENCY = (r"\((?:" + "|".join(regex.escape(a, literal_spaces=True).replace(" ", "[ ]") for a in AGENCIES)
           + r"|\p{Lu}[\p{L}.\-/ ]{1,30}+)\)")
DATELINE = regex.compile(
    # the city: up to five words in capitals
    rf"^[ \t]*(?P<city>\p{{Lu}}[\p{{Lu}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{Lu}}.'’\-]*){{0,4}})(?:,[ ]+"
    # an optional state ("Fla.", "N.Y.", "British Columbia"), then the month and day and a dash
    rf"(?:(?P<st>\p{{Lu}}[\p{{L}}.]{{0,12}}+(?:[ ]\p{{Lu}}[\p{{L}}.]{{0,12}}+){{0,2}}+),[ ]+)?"
    rf"{_MONTH}[ ]+\d{{1,2}}(?:[ ]+{_AGENCY})?[ \t]*[-–—]"   # "VILNIUS, March 6 (Reuters) –"
    # wire styles with a known city or state only: "STRASBOURG (AP) —", "WASHINGTON — ", "NASHVILLE, Tenn. —",
    # "VILNIUS, 5 September 2024 (AFP) –", "LAGOS, Nigeria (Reuters)—Oil …" (a long dash may touch the text)
    # (the state may be written out: "CEBU CITY, Philippines —")
    rf"|(?P<weak>(?:,[ ]+(?P<st2>\p{{Lu}}[\p{{L}}.]{{0,20}}+(?:[ ]\p{{Lu}}[\p{{L}}.]{{0,20}}+){{0,2}}))?"
    rf"(?:,[ ]+(?:\d{{1,2}}[ ]+{_MONTH}|{_MONTH}[ ]+\d{{1,2}},?)[ ]+\d{{4}})?(?:[ ]+{_AGENCY})?[ \t]*(?:[-–—][ \t]|[–—](?=\p{{Lu}}))))",
    regex.M)


_MONTH_ANY = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}{0,6}+\.?"
# a known place in capitals at a line start, after an optional "<day> <month> <year> | ", before a day
# and a month, a bracket, or a dash
STRONG = regex.compile(
    rf"^[ \t]*+(?:\d{{1,2}}[ \t]+{_MONTH_ANY}[ \t]+\d{{4}}[ \t]*+[|/][ \t]*+)?"
    rf"(?P<city>(?:\p{{Lu}}[\p{{Lu}}.'’\-]*+(?:[ ]\p{{Lu}}[\p{{Lu}}.'’\-]*+){{0,4}}+)(?:/\p{{Lu}}[\p{{Lu}}.'’\-]*+(?:[ ]\p{{Lu}}[\p{{Lu}}.'’\-]*+){{0,4}}+){{0,3}}+)"
    rf"(?:,[ \t]+(?P<date>{_MONTH_ANY}[ \t]+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH_ANY})(?![\p{{L}}\d])"
    rf"|[ \t]*+\([^()\n]{{2,80}}+\)|[ \t]*+(?:--|[-–—])[ \t])",
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


# a line's start (its newline, but at the text's start) and its blanks, when the two characters after them may open a
# dateline: a superset of the lines the test in dateline_cands takes (a capital, then a capital, one of .'’- ,\t, or
# the line's end), read in ASCII (any other character may be a capital): most lines that open with a digit, a
# bracket or a capital before a lower-case letter are left in C
_OPENING = r"[ \t]*(?=[A-Z\x80-\U0010ffff](?:[A-Z.'\- ,\t\n\x80-\U0010ffff]|\Z))"
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
    """The candidates of one dateline match: its city and state, read once per (city, state, form)
    (wire datelines repeat: "NEW YORK, March 3 -") and placed at the match."""
    st_group = "st" if m.group("st") else "st2" if m.group("st2") else None
    key = (m.group("city"), m.group(st_group) if st_group else None, st_group, m.group("weak") is not None)
    memo = table.dateline_readings
    reading = memo.get(key)
    if reading is None:
        if len(memo) >= _MAX_READINGS:
            memo.clear()
        reading = memo[key] = _reading(table, *key)
    if not reading:
        return []
    trim, name, entry, st_entry = reading
    cs, ce = m.span("city")
    out = [Cand(cs, ce - trim, name, entry, True, True, False)]
    if st_entry is not None:
        ss, se = m.span(st_group)
        out.append(Cand(ss, se, m.group(st_group), st_entry, True, True, False))
    return out


_MAX_READINGS = 20_000  # dateline readings remembered per table (then the memory starts afresh)


def _reading(table: NameTable, city: str, st: Optional[str], st_group: Optional[str], weak: bool) -> tuple:
    """What a dateline says whatever its place in a text: (characters cut off the city's end, the
    city's key, its entry, the state's entry or None), or () for no place."""
    trim = 0
    while city and city[-1] in ".'’-":
        city, trim = city[:-1], trim + 1
    if len(city.replace(" ", "").replace(".", "")) < 2:
        return ()
    st_entry = _state(table, st) if st_group else None
    key = " ".join(city.split())
    name = table.upper().get(key)
    entry = table.names.get(name) if name else None
    title = " ".join(w[:1] + w[1:].lower() for w in key.split(" "))
    if entry is not None and entry.kind == "block":
        return ()
    if weak and (entry is None or entry.ambiguous) and st_entry is None:
        return ()  # "BREAKING — …": only a known place opens a dateline without a month and day
    if st_group == "st2" and st_entry is None:
        return ()  # "SMITH, Jones —": no state after the city
    if st_entry is not None:
        cc = st_entry.country
        canon = entry.canonical if entry is not None and entry.country == cc else title
    elif entry is not None:
        canon, cc = entry.canonical, entry.country
    else:
        canon, cc = title, None
    return trim, key, Entry(canon, cc, "city"), st_entry


def strong_datelines(table: NameTable, text: str, found: list[Cand]) -> list[Cand]:
    """The candidates of the datelines of :data:`STRONG` in ``text`` that ``found`` (the
    :func:`dateline_cands`) lacks, in text order."""
    out: list[Cand] = []
    starts = {c.start for c in found} if found else ()
    first = _STRONG_TEXT.match(text)
    for lm in itertools.chain((first,), _STRONG_LINE.finditer(text)) if first is not None else _STRONG_LINE.finditer(text):
        if lm.end() in starts:
            continue                    # a dateline with a dash, found
        m = STRONG.match(text, lm.start() + (text[lm.start()] == "\n"), timeout=limits.REGEX_TIMEOUT)
        if m is not None and m.start("city") not in starts:
            out.extend(_strong(table, m))
    return out


# a line's start (its newline, but at the text's start) and its blanks, when what follows may open
# a STRONG dateline: in ASCII, STRONG's own form (an optional date and bar, words in capitals, then a
# comma, a bracket or a dash); any line that opens with a non-ASCII character
_STRONG_OPENING = (r"[ \t]*(?=(?:\d{1,2}[ \t]+[A-Za-z]+\.?[ \t]+\d{4}[ \t]*[|/][ \t]*)?"
                   r"(?:[A-Z][A-Z.'\-\x80-\uffff]*(?:[ /][A-Z][A-Z.'\-\x80-\uffff]*){0,7}(?:,[ \t]|[ \t]*\(|[ \t]*(?:--|-|–|—)[ \t])|[^\x00-\x7f]))")
_STRONG_LINE = re.compile(r"\n" + _STRONG_OPENING)
_STRONG_TEXT = re.compile(_STRONG_OPENING)


def _strong(table: NameTable, m) -> list[Cand]:
    """A dateline of :data:`STRONG`: places the gazetteer knows in capitals (one, or several joined
    by slashes: "GENEVA/BRUSSELS (Reuters) -"), no abbreviation, unambiguous unless a day and a month
    follow them."""
    out = []
    pos = m.start("city")
    for part in m.group("city").split("/"):
        key = " ".join(part.split())
        name = table.upper().get(key)
        if name is None or len(key.replace(" ", "").replace(".", "")) < 2:
            return []
        entry = table.names[name]
        if entry.kind == "block" or entry.abbreviation or entry.ambiguous and m.group("date") is None:
            return []
        out.append(Cand(pos, pos + len(part), key, entry, True, True, False))
        pos += len(part) + 1
    return out
