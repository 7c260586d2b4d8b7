"""Other ways of writing a cited name, tried in order when the name as cited names no record:
"the" after a preposition dropped or added ("Rome Statute of International Criminal Court"), "for"
and "on" after the head word exchanged ("Convention for the Rights of the Child"), the
word order of "X Treaty" / "Treaty on X" turned ("Collective Security Treaty" ↔ "Treaty on Collective
Security"), and the head word changed for one of its synonyms with the lower-case words before it
dropped ("International Cocoa Pact" → "… Agreement", "Kyoto climate agreement" → "Kyoto Protocol").

Every rewrite is general; the linker takes a rewrite's records only when they are few (one record, or
editions of one name) and refuses records adopted after the text."""
from __future__ import annotations

import re
from typing import Iterator

from citex.vocab import entries, lower_words

__all__ = ["rewrites", "ordinal_before", "ORDINALS"]

# head words that name the same sort of instrument in news ("the Louvre accord / pact / agreement")
_SYNONYM_HEADS = ("agreement", "accord", "accords", "pact", "treaty", "protocol", "convention")
_DEAL_HEADS = ("agreement", "accord", "accords", "pact", "treaty")
_HEAD_RE = re.compile(r"(?i)^(.*?)\s+(agreements?|accords?|pacts?|treaty|treaties|protocol|convention)$")
_TREATY_ON_RE = re.compile(r"(?i)^(?:(?:international|united\s+nations|un|european)\s+)?(treaty|convention|agreement)"
                           r"\s+on\s+(?:the\s+)?(.+)$")
_FOR_ON_RE = re.compile(r"(?i)\b(convention|treaty|agreement|protocol|charter|covenant)\s+(for|on)\s")
_THE_AFTER_PREP_RE = re.compile(r"(?i)\b(of|on|for|to|against)\s+the\s+")
_PREP_CAPS_RE = re.compile(r"\b(of|on|for|to|against)\s+(?!the\b)(?=[A-Z])")
SMALL = lower_words("instruments/title_small_words")
# an acronym (with a series number) before a generic head: "SALT II treaty", "START I accord"
_ACRONYM_STEM_RE = re.compile(r"^[A-Z][A-Z0-9\-]{1,9}(?:\s(?:III|II|I|IV|[1-4]))?$")
# "first" … "twelfth": an ordinal written before a name is part of it ("the sixth International Tin
# Agreement" is the Sixth International Tin Agreement)
ORDINALS = tuple(entries("common/ordinals")[:12])
_ORDINAL_BEFORE_RE = re.compile(r"(?i)\b(" + "|".join(ORDINALS) + r")\s{1,3}$")


def ordinal_before(text: str, start: int) -> str:
    """The ordinal word right before ``start`` ("sixth "), or ""."""
    m = _ORDINAL_BEFORE_RE.search(text, max(0, start - 14), start)
    return m.group(1) if m else ""


def _heads_swapped(name: str) -> Iterator[tuple[str, bool]]:
    """The name with each synonym head; exact-only when one word is left ("Kyoto … agreement")."""
    m = _HEAD_RE.match(name)
    if not m:
        return
    words = m.group(1).split()
    kept = [w for w in words if w[:1].isupper() or not w[:1].isalpha() or w.lower() in SMALL]
    while kept and kept[-1].lower() in SMALL:
        kept.pop()
    if not kept or not any(w[:1].isupper() for w in kept):
        return
    stem = " ".join(kept)
    if _ACRONYM_STEM_RE.match(stem):
        yield stem, True   # "the SALT II treaty" is SALT II
    # a capitalised head is a proper name's own word: "the Geneva Accord" is no Geneva Protocol (a lower-case
    # one describes: "the Kyoto climate agreement", "the Kyoto treaty" are the Kyoto Protocol)
    heads = _SYNONYM_HEADS if m.group(2)[:1].islower() else _DEAL_HEADS
    for head in heads:
        yield f"{stem} {head}", len(kept) == 1


def rewrites(name: str) -> Iterator[tuple[str, bool]]:
    """Other writings of ``name``, most faithful first (see the module), each with whether only a
    record's own title or alias may match it (a head word swapped: no looser variant keys)."""
    name = " ".join(name.split())
    seen = {name.casefold()}
    out = []
    if _THE_AFTER_PREP_RE.search(name):
        out.append(_THE_AFTER_PREP_RE.sub(r"\1 ", name))
    if _PREP_CAPS_RE.search(name):
        out.append(_PREP_CAPS_RE.sub(r"\1 the ", name))
    if m := _FOR_ON_RE.search(name):   # "Convention for the Rights of the Child" / "… on the …"
        out.append(name[:m.start(2)] + ("on" if m.group(2).lower() == "for" else "for") + name[m.end(2):])
    m = _TREATY_ON_RE.match(name)
    if m:
        out.append(f"{m.group(2)} {m.group(1)}")
    m = _HEAD_RE.match(name)
    if m and m.group(2).lower() in ("treaty", "convention", "agreement"):
        out.append(f"{m.group(2)} on {m.group(1)}")
        out.append(f"{m.group(2)} on the {m.group(1)}")
    out = [(n, False) for n in out] + list(_heads_swapped(name))
    for n, exact in out:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            yield n, exact
