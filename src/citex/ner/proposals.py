"""The NER model's spans as proposals: instrument names and places the rules did not find.

The model's spans are only proposals: the rules' own guards validate them (a body, a meeting, a
span that is not a title is dropped), a span overlapping a rule candidate or a knowledge-base
acronym is dropped (the rules win), and a model place needs a sign that it is a place.
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

import regex

from citex.grammar.instruments import (AWARD_WORDS, BODY_AFTER, EVENT_PREMODS, HEADS, NEGATIVE_NAMES, ORDINARY_HEADS,
                                      Candidate, ordinary_premods)
from citex.models import Place
from citex.vocab import entries, lower_words

__all__ = ["add_ner", "ner_instrument", "overlaps"]


def overlaps(spans: list, s: int, e: int) -> bool:
    """Does [s, e) overlap one of ``spans`` ((start, end) pairs sorted by start)?"""
    i = bisect.bisect_left(spans, (e,)) - 1
    while i >= 0:
        if spans[i][1] > s:
            return True
        if spans[i][0] < s - 2000:  # names are never that long
            return False
        i -= 1
    return False


# small words a title may hold in lower case (data/vocab/ner/small_words.txt)
SMALL = lower_words("ner/small_words")
# words of bodies, meetings and states: a span with one of them and no head word before it is not an instrument
BODY_WORDS = frozenset(entries("ner/body_words"))
# instrument words the grammar has no head for: a model span without a head word needs one of them
# (or a knowledge-base entry): "Wassenaar Arrangement", "Global Biodiversity Framework"
OTHER_HEADS = lower_words("ner/other_heads")
# "… Export Controls *in* Vienna", "… Wind Safety *of* 2031": a place or date the span ends with
TRAIL = regex.compile(r"[ \t,]+(?:in|at|of|on|signed[ \t]+in)[ \t]+(?:the[ \t]+)?$")
# a model place needs a locative word before it or a known place after it ("Calicut, India")
LOCATIVE = regex.compile(r"(?:\b(?:in|near|outside)(?:[ \t]+the)?)[ \t]+$")
_WORDS = regex.compile(r"[\w\-’'.]+")


def ner_instrument(text: str, s: int, e: int, dates: list, linker) -> Optional[tuple[str, str]]:
    """``(kind, head word)`` when a model span may be an instrument name (head ``""``: no head word),
    else None."""
    name = text[s:e]
    if linker is not None and linker.known(name):
        words = regex.findall(r"[\w\-]+", name)
        head = next((w for w in words if w.lower() in HEADS), None)
        return (HEADS[head.lower()] if head else "other"), head or ""
    if overlaps(dates, s, e) or regex.search(r"[\[\]{};:\n]", name) or "\n" in name:
        return None
    words = _WORDS.findall(name.split("(")[0])
    if not words or " ".join(w.lower() for w in words) in NEGATIVE_NAMES or words[0].lower() in AWARD_WORDS:
        return None
    head_i = _head_index(words)
    if head_i is None:
        return None
    other = head_i < 0
    if other:
        head_i = next((i for i, w in enumerate(words) if i and w.lower() in OTHER_HEADS), None)
        if head_i is None:
            return None  # too little to go on: "Gulf of Suez", "Vienna State Opera"
    pre = words[head_i - 1].lower() if head_i > 0 else ""
    if pre in EVENT_PREMODS or pre.endswith(("ers", "ists", "ians")) and not pre.endswith("powers"):
        return None  # "Democratic National Convention", "Texas Haunters Convention"
    if words[head_i].lower() in ORDINARY_HEADS and ordinary_premods([w.lower() for w in words[:head_i]]):
        return None  # "Merger Agreement", "Kit Agreement with …": a contract, not an instrument
    hs = s + name.index(words[head_i]) + len(words[head_i])
    if BODY_AFTER.match(text, hs):
        return None
    return ("other", "") if other else (HEADS[words[head_i].lower()], words[head_i])


def _head_index(words: list[str]) -> Optional[int]:
    """The index of the first head word (-1: none), or None when the words are no title or name a body."""
    head_i = None
    for i, w in enumerate(words):
        if w.lower() in SMALL:
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return None  # not a title: "Convention entered into force"
        if head_i is None and w.lower() in HEADS:
            head_i = i
        if w in BODY_WORDS and (head_i is None or i == head_i + 1 or i == len(words) - 1):
            return None  # "Assembly of States Parties", "North Atlantic Treaty Organisation"
    return -1 if head_i is None else head_i


def add_ner(text: str, spans: Sequence[tuple[int, int, str]], candidates: list, acronyms: list,
            dates: list, places: list, gazetteer, linker=None) -> tuple[list, list]:
    """Model spans ``(start, end, "INSTRUMENT" | "PLACE")`` become candidates and places where no rule
    found anything; returns the candidates and places, with the model's added."""
    candidates = _ner_candidates(text, spans, candidates, acronyms, dates, places, linker)
    return candidates, _ner_places(text, spans, candidates, places, gazetteer)


def _ner_candidates(text, spans, candidates, acronyms, dates, places, linker) -> list:
    """A model span that overlaps a rule candidate (weak ones included) or a knowledge-base acronym is
    dropped (the rules win), and so is one the rules' guards reject (a body, a meeting, no title)."""
    rule = sorted([(c.start, c.end) for c in candidates] + [(s, e) for s, e, _ in acronyms])
    date_spans = sorted((d.start, d.end) for d in dates)
    ends = {x.end: x.start for x in list(places) + list(dates)}
    added = []
    for s, e, label in spans:
        if label != "INSTRUMENT":
            continue
        if e in ends and ends[e] > s:  # "… Export Controls in Vienna", "… Wind Safety of 2031": the name ends before
            m = TRAIL.search(text, s, ends[e])
            if m:
                e = m.start()
        if overlaps(rule, s, e):
            continue
        ok = ner_instrument(text, s, e, date_spans, linker)
        if ok is None:
            continue
        added.append(Candidate(start=s, end=e, kind=ok[0], head=ok[1], title=text[s:e], named=True, origin="ner"))
        rule.append((s, e))
        rule.sort()
    return sorted(candidates + added, key=lambda c: c.start) if added else candidates


def _ner_places(text, spans, candidates, places, gazetteer) -> list:
    """A model place must not overlap a gazetteer place or an instrument name, nor be a name the
    gazetteer knows (its finder left it out on purpose: "Real Madrid")."""
    taken = sorted([(p.start, p.end) for p in places] + [(c.start, c.end) for c in candidates])
    extra = []
    for s, e, label in spans:
        if label != "PLACE" or overlaps(taken, s, e):
            continue
        name = text[s:e]
        if not name[:1].isupper() or name.isupper() or gazetteer is not None and (
                gazetteer.lookup(name) is not None or gazetteer.lookup(name.title()) is not None):
            continue
        nxt = bisect.bisect_left(places, e, key=lambda p: p.start)
        after_known = nxt < len(places) and text[e:places[nxt].start] in (", ", " ,", ",")
        if not (after_known or LOCATIVE.search(text, max(0, s - 12), s)):
            continue  # no sign that it is a place: "Garza said", "Lycos"
        extra.append(Place(text=name, name=" ".join(name.split()), country=None, start=s, end=e))
        taken.append((s, e))
        taken.sort()
    return sorted(places + extra, key=lambda p: p.start) if extra else places
