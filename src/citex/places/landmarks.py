"""Places the gazetteer lacks, named by a feature or square with a head noun: "into False Bay", "at
Seal Island", "to Trafalgar Square", "in Plaza Independencia", "South Africa's False Bay".

A run (or a part of a run between its connectors or up to a sentence's end) of two to four
capitalised words that ends in a head noun of ``places/landmark_heads`` (or opens with one of
``places/landmark_prefixes``), overlaps no accepted place, holds no title and no organisation's head
other than its own, and follows a location word (``places/support_preps``, "to", "on", "off", "along"; not
after a capitalised word, as in a title: "Escape from Butcher Bay") or a known place's possessive
("London's Leicester Square"), is a place.  Its country is the possessive's, else the text's dominant country so far
(the country of most of its accepted places, at least two of them and more than half), else none.
"""
from __future__ import annotations

import collections
from typing import Optional

from citex.places.judge import prev_words
from citex.places.names import Entry, NameTable
from citex.places.runs import Cand, Tok
from citex.places.words import (ABBREV_TITLES, FUNCTION_WORDS, GIVEN_NAMES, LANDMARK_HEADS, LANDMARK_PREFIXES,
                                ORG_HEADS, SUPPORT_PREPS, TITLES, TRANSPARENT)

__all__ = ["landmark_run", "unknown_landmark"]

HEADS, PREFIXES = LANDMARK_HEADS, LANDMARK_PREFIXES
_PREPS = SUPPORT_PREPS | {"to", "on", "off", "along"}
_MAX_TOKENS = 4
_BACK = 400  # candidates looked back at for the text's dominant country


def landmark_run(run: str) -> bool:
    """The run string may name a landmark (a word after its first is a head noun, or a word is a
    prefix): it must be read even when it holds no gazetteer name."""
    parts = run.split()
    return len(parts) >= 2 and (any(w.rstrip(".") in HEADS for w in parts[1:])
                                or any(w in PREFIXES for w in parts[:-1]))


def unknown_landmark(table: NameTable, text: str, toks: list[Tok], cands: list[Cand], n_before: int) -> None:
    """Add the landmarks that the run ``toks`` names (see the module's docstring); ``cands[n_before:]``
    are the run's own candidates.  The run is read in parts: between its connectors ("from Canada
    House to Trafalgar Square") and up to a sentence's end ("into False Bay. South Africa")."""
    own = cands[n_before:]
    part: list[Tok] = []
    prep: Optional[str] = None          # the connector before the part, or None at the run's start
    for k, t in enumerate(toks + [None]):
        if t is not None and not t.conn:
            part.append(t)
            if t.text[-1] != "." or t.text.rstrip(".") in ABBREV_TITLES:
                continue
        if part and not any(c.ok and c.start < part[-1].end and part[0].start < c.end for c in own):
            _landmark(table, text, part, prep, cands)
        if t is not None and t.conn:
            if not (t.text in TRANSPARENT and prep):
                prep = t.text           # ("in the": "in")
        elif t is not None:
            prep = ""                   # a sentence ends: the next part has no location word
        part = []


def _landmark(table: NameTable, text: str, toks: list[Tok], prep: Optional[str], cands: list[Cand]) -> None:
    """The landmark of the run's part ``toks`` after ``prep`` (None: read the words before the run)."""
    while toks and toks[0].text in FUNCTION_WORDS:
        toks = toks[1:]                                 # "The Trafalgar Square"
    if not 2 <= len(toks) <= _MAX_TOKENS:
        return
    head, first = toks[-1].text.rstrip("."), toks[0].text
    if not (head in HEADS or first in PREFIXES):
        return
    if any(t.text in TITLES or t.text.isupper() or t.text[-1] == "." for t in toks[:-1]) or first in GIVEN_NAMES:
        return                                          # "Mr Bay", "USS Island", "John Island"
    if any(t.text in ORG_HEADS and t.text not in HEADS and t.text not in PREFIXES for t in toks):
        return                                          # "Bay Hotel Square"
    country = _possessive_country(table, text, toks[0].start) if prep is None else None
    if country is None:
        if prep is None:
            if prev_words(text, toks[0].start)[0] not in _PREPS or _after_title_case(table, text, toks[0].start):
                return
        elif prep not in _PREPS:
            return
        country = _dominant_country(cands)
    end = toks[-1].end - (toks[-1].text[-1] == ".")      # (a full stop ends the sentence)
    name = " ".join(text[toks[0].start:end].split())
    cands.append(Cand(toks[0].start, end, name, Entry(name, country, "feature"), True, True, False))


def _after_title_case(table: NameTable, text: str, start: int) -> bool:
    """The location word before ``start`` follows a capitalised word that is no place and no
    building, after a lower-case word or a colon, as in a title ("the film Escape from Alcatraz",
    "Riddick: Escape from Butcher Bay"; not "from London to Seal Island", "from Canada House to")."""
    before = text[max(0, start - 40):start].split()
    if len(before) < 3 or not before[-2][:1].isupper():
        return False
    word = before[-2].rstrip(".,;:")
    if word in table.names or word in ORG_HEADS:
        return False
    return before[-3][:1].islower() or before[-3].endswith(":")


def _possessive_country(table: NameTable, text: str, start: int) -> Optional[str]:
    """The country of the place whose possessive stands right before ``start`` ("South Africa's
    False Bay", "London's Leicester Square")."""
    if text[start - 3:start - 1] not in ("'s", "’s"):
        return None
    for k in (3, 2, 1):                                 # the longest name first
        words_before = text[max(0, start - 40):start - 3].split()[-k:]
        e = table.names.get(" ".join(words_before))
        if (e is not None and len(words_before) == k and not e.ambiguous
                and (e.kind in ("country", "admin") or e.population >= 100_000)):
            return e.country
    return None


def _dominant_country(cands: list[Cand]) -> Optional[str]:
    """The country of most of the accepted places so far (at least two, more than half)."""
    counts = collections.Counter(c.entry.country for c in cands[-_BACK:] if c.ok)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if code is not None and n >= 2 and 2 * n > sum(counts.values()) else None
