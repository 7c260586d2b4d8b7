"""Step 1 of resolution: candidate names → items, one per instrument mention (a protocol list
gives one item per number), and the places that are not inside a name."""
from __future__ import annotations

import bisect
from typing import Callable, Iterable, Optional, Sequence

import attrs

from citex.grammar.instruments import Candidate
from citex.link.result import LinkResult
from citex.models import Date, Place
from citex.text.spans import SpanIndex


@attrs.define(slots=True)
class Item:
    """One instrument mention being resolved (mutable while resolution runs)."""

    start: int
    end: int
    kind: str
    title: str
    number: Optional[int] = None
    cand: int = -1                 # index of the candidate it comes from
    parent: Optional[int] = None   # index into items
    date: Optional[Date] = None
    place: Optional[Place] = None
    events: list = attrs.Factory(list)
    key: str = ""                  # merge key: mentions with one key are one instrument
    alias_spans: list = attrs.Factory(list)
    link: Optional[LinkResult] = None  # set by the linker
    alias_of: Optional[int] = None # index of the item whose defined short form this is
    short: bool = False            # a short form ("the convention"): kept only with an antecedent


def roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def make_items(text: str, cands: Sequence[Candidate], known: Callable[[str], bool]) -> list[Item]:
    """One item per name, and per protocol of a list ("Protocols No. 1 and No. 2"); a weak name
    counts only when the knowledge base knows it."""
    items: list[Item] = []
    for ci, c in enumerate(cands):
        if c.weak and not known(c.title):
            continue
        if c.numbers:
            digits = text[c.start:c.end]
            numeric = any(ch.isdigit() for ch in digits)
            for n, s, e in c.numbers:
                title = f"Protocol No. {n}" if numeric else (
                    c.title if len(c.numbers) == 1 else f"Protocol {roman(n)}")
                items.append(Item(start=s, end=e, kind="protocol", title=title, number=n, cand=ci))
            if len(c.numbers) == 1 and not numeric:
                items[-1].end = c.end
        else:
            items.append(Item(start=c.start, end=c.end, kind=c.kind, title=c.title, cand=ci, short=c.short))
    return items


def outside_names(places: Iterable[Place], cands: Sequence[Candidate]) -> list[Place]:
    """The places not inside (or overlapping) a name: "Rome Statute", "Istanbul Convention" hold none."""
    idx = SpanIndex(cands)
    out = []
    for p in places:
        i = bisect.bisect_left(idx.starts, p.end) - 1   # last name starting before the place ends
        if i >= 0 and idx.spans[i].end > p.start:
            continue
        out.append(p)
    return out
