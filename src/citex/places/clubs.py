"""Clubs named by their town in a text about club sport (issue 14, fifth pass).

* A text that holds three words of club sport (places/sport_cues: "Premiership", "striker"; two when
  a team was found by its context) is about clubs, when it names at least two towns that no location
  word names as places (a lone town is left as read: the cues cost a search of the text): a town there (not a state's capital) is its club unless a strong location word precedes it
  ("in", "near": places/strong_location_words), ", <state>" follows it, or a place noun ("city
  centre") or a hyphen ("Liverpool-born") follows it: "a move to Southampton", "Liverpool's leading
  scorer", "Arsenal or Chelsea".
* A town after a club's prefix (places/club_prefixes: "Real Madrid", "Inter Milan") or in a list
  with a club that is no place (places/club_names: "Chelsea, Everton and Arsenal") is no place, and
  the same town alone elsewhere in the text is the club too ("expected of Madrid to get through"),
  without a strong location word, capital or not; either lowers the cues needed to two.

Cheap: the text is read for the cue words only when two towns (or a prefixed or listed one) call for it.
"""
from __future__ import annotations

import regex

from citex.places.judge import prev_words
from citex.places.runs import Cand
from citex.places.sport import cue_groups, enough_cues
from citex.places.words import CAPITALS, PLACE_NOUNS
from citex.vocab import entries, words

__all__ = ["club_towns"]

SPORT_CUES = entries("places/sport_cues")
CLUB_PREFIXES = entries("places/club_prefixes")
CLUB_NAMES = words("places/club_names")
STRONG_LOCATION_WORDS = words("places/strong_location_words")
_PREFIXES = frozenset(CLUB_PREFIXES)
_CUES = tuple(SPORT_CUES) + tuple(sorted(CLUB_NAMES))     # a club that is no place is a cue too ("Juventus")
_NEXT_WORD = regex.compile(r"[ \t]{1,3}(\p{Ll}++)")
_LIST_GAPS = (",", "and", "or", ", and", ", or")


def club_towns(text: str, kept: list[Cand], cands: list[Cand]) -> set[int]:
    """The indices in ``kept`` (accepted candidates, in text order) of the towns that are clubs
    (``cands``: every candidate, for the teams found by their context: "Liverpool boss")."""
    cities = [k for k, c in enumerate(kept) if c.entry.kind == "city"]
    if not cities:
        return set()
    prefixed = {c.name for c in cands if c.name_part and c.entry.kind == "city" and _after_prefix(text, c.start)}
    if not prefixed and all(kept[k].name in CAPITALS for k in cities):
        return set()   # (before the costlier test of each town's context: the same answer for the towns among them)
    towns = [k for k in cities if not _named_as_place(text, kept, k)]
    if not towns:
        return set()
    if not prefixed and all(kept[k].name in CAPITALS for k in towns):
        return set()
    listed = _listed_towns(text, [kept[k] for k in towns])
    teams = any(c.team for c in cands)
    sport = (len(towns) >= 2 or prefixed or listed or teams) and _sport_text(  # (one town alone: left as it is read,
        text, 2 if prefixed or listed or teams else 3)                          #  unless a team was found by its context)
    out = set()
    for k in towns:
        c = kept[k]
        if c.name in prefixed or c.name in listed or sport and c.name not in CAPITALS:
            out.add(k)                               # "expected of Madrid", "a move to Southampton"
    return out


_CLUB_AFTER = regex.compile(r"[ ]?(?:,[ ]{1,2}(?:and|or)|,|and|or|v|&)[ ]{1,2}(\p{Lu}\p{Ll}++)")
_CLUB_BEFORE = regex.compile(r"(?<![\p{L}'’\-])(\p{Lu}\p{Ll}++)[ ]?(?:,[ ]{1,2}(?:and|or)|,|and|or|v|&)[ ]{1,2}\Z")


def _listed_towns(text: str, towns: list[Cand]) -> set[str]:
    """The names of the towns joined in a list to a club: one that is no place (places/club_names),
    a town right after a club's prefix ("Real Madrid, Barcelona"), or a town found so ("Real Madrid,
    Barcelona and Valencia": Valencia through Barcelona; one pass each way along the text)."""
    listed: set[str] = set()
    for order in (towns, towns[::-1]):
        for c in order:
            if c.name not in listed and _listed_with_club(text, c, listed):
                listed.add(c.name)
    return listed


def _listed_with_club(text: str, c: Cand, clubs: set[str]) -> bool:
    """The town ``c`` is joined in a list to a club: a word of places/club_names ("Chelsea, Everton
    and Arsenal", "Arsenal or Chelsea"), a club's prefix or a town right after one ("Real Madrid"),
    or a town of ``clubs``."""
    after = text[c.end:c.end + 5]
    if "," in after or " and" in after or " or" in after or " v " in after or "&" in after:
        m = _CLUB_AFTER.match(text, c.end)
        if m is not None and _club_word(text, m, clubs):
            return True
    before = text[max(0, c.start - 6):c.start]
    if "," in before or "and " in before or "or " in before or " v " in before or "&" in before:
        m = _CLUB_BEFORE.search(text, max(0, c.start - 20), c.start)
        return m is not None and _club_word(text, m, clubs)
    return False


def _club_word(text: str, m: regex.Match, clubs: set[str]) -> bool:
    """The word of ``m`` (group 1) names a club: no place, a town after a club's prefix, or in ``clubs``."""
    w = m.group(1)
    return w in CLUB_NAMES or w in clubs or w in _PREFIXES or _after_prefix(text, m.start(1))


def _after_prefix(text: str, start: int) -> bool:
    """A club's prefix and one space right before ``start`` ("Real Madrid")."""
    if text[start - 1:start] != " ":
        return False
    lo = max(0, start - 16)
    words = text[lo:start - 1].split()
    return bool(words) and words[-1] in _PREFIXES and (len(words) > 1 or lo == 0 or text[lo].isspace())


_CUE_GROUPS = cue_groups(_CUES)


def _sport_text(text: str, needed: int) -> bool:
    """``needed`` of the words of club sport or the clubs that are no places (places/club_names)
    occur in ``text`` (two when a team was found by its context, else three: "the Everton striker
    signed the singer" is about music)."""
    return enough_cues(text, _CUE_GROUPS, needed)


def _named_as_place(text: str, kept: list[Cand], k: int) -> bool:
    """The town ``kept[k]`` is named as a place: after a strong location word, before ", <state>",
    a place noun or a hyphen."""
    c = kept[k]
    if text[c.end:c.end + 1] == "-" or c.supported and prev_words(text, c.start)[0] in STRONG_LOCATION_WORDS:
        return True                                  # (the strong words are location words: supported)
    if k + 1 < len(kept):
        n = kept[k + 1]
        if n.entry.kind in ("admin", "country") and text[c.end:n.start].strip() == ",":
            return True
    if k > 0 and text[kept[k - 1].end:c.start].strip() in _LIST_GAPS and _named_as_place(text, kept, k - 1):
        return True                                  # "defeats in Bloemfontein and Cape Town"
    if text[c.end:c.end + 1] != " " or not text[c.end + 1:c.end + 2].islower():
        return False
    m = _NEXT_WORD.match(text, c.end)
    return m is not None and m.group(1) in PLACE_NOUNS
