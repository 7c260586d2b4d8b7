"""Small places the gazetteer lacks, named before a lower-case noun of a town's part after a
location word or "the" ("in Salaheddin district", "from the Karrada neighbourhood", "the
Sedgefield constituency"; places/area_nouns) or after an elected member's title and "for" ("MP for
Sedgefield"; places/member_titles) or an area's noun and "of" ("the electoral district of Groom";
places/district_of_nouns), and the same name again after a location word ("in
Salaheddin").  The country is the one the text's
other places name most; without one, none is found.

Cheap on ordinary text: a substring test per noun (and " for " before the titles' pattern), and a
short look back from each hit.
"""
from __future__ import annotations

import collections

import regex

from citex.places.judge import prev_words
from citex.places.names import Entry, NameTable
from citex.places.runs import Cand
from citex.places.words import DEMONYMS, FUNCTION_WORDS, GIVEN_NAMES, GOVERNMENT_HEADS, OFFICES, ORG_HEADS, SUPPORT_PREPS, TIME_WORDS, TITLES
from citex.vocab import entries

__all__ = ["district_cands"]

_NOUNS = entries("places/area_nouns")
_NOUN = regex.compile(r" (?:" + "|".join(sorted(_NOUNS, key=len, reverse=True)) + r")(?![\p{L}])")
_PROBES = tuple(sorted({" " + (w[:7] if len(w) > 7 else w) for w in _NOUNS}))
# one to three capitalised words right before the noun (the look-back window's end)
# (a possessive ends the name before it: "Seattle's Capitol Hill neighborhood")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{N}'’\-])((?:\p{Lu}\p{Ll}++(?:['’](?!s[ ])\p{L}\p{Ll}*+)?+(?:-\p{Lu}\p{Ll}++)?+[ ]){1,3})\Z")
_BACK = 64
_ADJECTIVE_ENDINGS = ("ean", "ian", "ese", "ish")
_MAX_NAMES = 20   # names per text whose other mentions are looked for (the search stays linear)
# an elected member's title, "for" and the constituency's name: "MP for Sedgefield", "AM for Aberavon"
# (the titles' last letters and " for ": two substring tests for MP, MSP, MEP and AM)
_MEMBER_PROBES = tuple(sorted({f"{t[-1]} for " for t in entries("places/member_titles")}))
_MEMBER_FOR = regex.compile(r"(?<![\p{L}])(?:" + "|".join(entries("places/member_titles")) + r")[ ]for[ ]"
                            r"(\p{Lu}\p{Ll}++(?:[ ]\p{Lu}\p{Ll}++){0,2}+)(?![\p{L}'’\-])")

# an area's noun, "of" and its name: "the electoral district of Groom", "the seat of Wentworth"
_OF_NOUNS = entries("places/district_of_nouns")
_OF_PROBES = tuple(f"{w} of " for w in _OF_NOUNS)
_NOUN_OF = regex.compile(r"(?<![\p{L}])(?:" + "|".join(_OF_NOUNS) + r")[ ]of[ ]"
                         r"(\p{Lu}\p{Ll}++(?:[ ]\p{Lu}\p{Ll}++){0,2}+)(?![\p{L}'’\-])")


def district_cands(table: NameTable, text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates of the small places named before an area noun or after an elected member's
    title and "for", and of their other mentions after a location word (``cands``: those found so
    far, for the country)."""
    names: dict[str, list[int]] = {}
    for i in _noun_hits(text):
        m = _NAME_BEFORE.search(text, max(0, i - _BACK), i + 1)
        if m is not None:
            surface = m.group(1).strip()
            if _may_be_place(table, text, m.start(1), surface, True):
                names.setdefault(surface, [])
    for m in _member_for(text) + _noun_of(text):
        surface = m.group(1)
        if _may_be_place(table, text, m.start(1), surface, False):
            names.setdefault(surface, []).append(m.start(1))          # "MP for Sedgefield"
    if not names:
        return []
    if len(names) > _MAX_NAMES:                     # each name's mentions cost a search of the text
        names = dict(list(names.items())[:_MAX_NAMES])
    country = _text_country(cands)
    if not country:
        return []
    return _mentions(text, names, country)


def _member_for(text: str) -> list[regex.Match]:
    """The matches of "<member's title> for <Name>" (each title looked for as a substring first)."""
    out = []
    for probe in _MEMBER_PROBES:
        i = text.find(probe)
        while i >= 0:
            m = _MEMBER_FOR.search(text, max(0, i - 3), i + len(probe) + 64)
            if m is not None and m.start() <= i:
                out.append(m)
            i = text.find(probe, i + 1)
    return out


def _noun_of(text: str) -> list[regex.Match]:
    """The matches of "<area noun> of <Name>" (each noun and " of " looked for as a substring first)."""
    out = []
    for probe in _OF_PROBES:
        i = text.find(probe)
        while i >= 0:
            m = _NOUN_OF.match(text, i, i + len(probe) + 64)
            if m is not None:
                out.append(m)
            i = text.find(probe, i + 1)
    return out


def _noun_hits(text: str) -> list[int]:
    """The positions of the area nouns in ``text`` (whole words; one substring test per probe, the
    nouns' common beginnings: " neighbo" for both spellings)."""
    hits = []
    for probe in _PROBES:
        i = text.find(probe)
        while i >= 0:
            m = _NOUN.match(text, i)
            if m is not None:
                hits.append(i)
            i = text.find(probe, i + len(probe))
    return hits


def _may_be_place(table: NameTable, text: str, start: int, surface: str, after_location: bool) -> bool:
    """A name of no person, organisation or time; the gazetteer's own names are left to the finder,
    and, before an area noun, the name follows a location word or "the" ("in Salaheddin district",
    "the Sedgefield constituency")."""
    words = surface.split()
    if surface in table.names or words[0] in TITLES or words[0] in GIVEN_NAMES:
        return False
    if any(w in ORG_HEADS or w in FUNCTION_WORDS or w in TIME_WORDS or w in GOVERNMENT_HEADS or w in OFFICES
           or w in DEMONYMS for w in words):
        return False
    if len(words) == 1 and surface.endswith(_ADJECTIVE_ENDINGS):
        return False                                # an adjective the lists lack ("a seat of European power")
    if not after_location:
        return True
    return prev_words(text, start)[0] in SUPPORT_PREPS or text[max(0, start - 4):start].lower() == "the "


def _text_country(cands: list[Cand]) -> str:
    """The country the accepted candidates name most ("" when none)."""
    counts = collections.Counter(c.entry.country for c in cands if c.ok and c.entry.country)
    return counts.most_common(1)[0][0] if counts else ""


def _mentions(text: str, names: dict[str, list[int]], country: str) -> list[Cand]:
    """Each name's mentions after a location word, and where it was found after a member's title."""
    out = []
    for surface, found in names.items():
        i = text.find(surface)
        while i >= 0:
            e = i + len(surface)
            alone = not text[i - 1:i].isalpha() and not text[e:e + 1].isalpha() and text[e:e + 1] != "-"
            if alone and (i in found or prev_words(text, i)[0] in SUPPORT_PREPS):
                out.append(Cand(i, e, surface, Entry(surface, country, "city"), True, True, False))
            i = text.find(surface, e)
    return out
