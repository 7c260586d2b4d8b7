"""Resolution: from candidate names, dates and places to items with their relations.

Steps, in order (each one reads spans already found; nothing rescans the document
per citation), one module each:

1. ``items``: split protocol lists into one item per number ("Protocols No. 1 and No. 2"), and
   drop places inside instrument names ("Rome Statute");
2. ``parents``: group coordinated names and attach protocols to their parent ("thereto",
   "to the …", "amending the …");
3. ``references``: defined short forms ("… (NPT) … the NPT") and back references ("the convention");
4. ``own``: each name's own date and place ("of 26 November 1987", "Rome, 17 July 1998");
5. ``events``: treaty actions (signature, ratification, denunciation, …) with party, date, place;
6. ``merge`` (run by the pipeline after linking): one citation per instrument.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

import attrs

from citex.grammar.instruments import Candidate, find_short_forms
from citex.models import Date, Place
from citex.resolve.context import DocContext
from citex.resolve.events import find_events
from citex.resolve.items import Item, make_items, outside_names
from citex.resolve.own import own_acts, own_dates, own_definitions, own_nearby
from citex.resolve.parents import attach_parents, find_groups
from citex.resolve.references import alias_items, back_references
from citex.text.lines import unwrapped
from citex.text.spans import SpanIndex


def _unknown(title: str) -> bool:
    return False


def _has_country(place: Place) -> bool:
    return place.country is not None


class Resolver:
    """Turns candidates, dates and places into items.  ``known(title) -> bool`` tells whether the
    knowledge base confirms a weak name ("Kyoto protocol"); ``countries(place) -> bool`` whether a
    place is a state (one that can act on a treaty)."""

    def __init__(self, known: Optional[Callable[[str], bool]] = None,
                 countries: Optional[Callable[[Place], bool]] = None):
        self.known = known or _unknown
        self.is_country = countries or _has_country

    def resolve(self, text: str, cands: Sequence[Candidate], dates: Sequence[Date],
                places: Sequence[Place]) -> tuple[list[Item], list[Place], list[Candidate]]:
        """Items (one per mention) with their relations, the places outside names, and the candidates
        the items index into (the names plus the short forms)."""
        if not cands:  # most news: no instrument, so nothing to relate (every step would do nothing)
            return [], list(places), []
        cands = list(cands)
        names = [c for c in cands if not c.weak or self.known(c.title)]
        places = outside_names(places, names)
        if names:  # short forms only matter where a name was cited
            cands = sorted(cands + find_short_forms(text, names), key=lambda c: c.start)
        doc = DocContext(text=text, cands=cands, items=make_items(text, cands, self.known),
                         # a date without a year (partial value "--07-21") dates no instrument or act
                         dates=SpanIndex([d for d in dates if not d.relative]
                                         + [d for d in dates if d.relative and d.value[0] != "-"]),
                         places=SpanIndex(places), is_country=self.is_country)
        attach_parents(doc)
        doc.cands, doc.items = alias_items(text, doc.cands, doc.items)  # after the parents: a protocol's span is whole
        doc.groups = find_groups(doc)
        # (in hard-wrapped wire copy a line break inside a paragraph is a space: "the CFE treaty signed in\nParis
        # in 1990"; the unwrapped text has the same offsets, and the items are shared)
        flat = unwrapped(text)
        own_doc = doc if flat is text else attrs.evolve(doc, text=flat, sents=None, semis=None)
        own_dates(own_doc)
        own_acts(own_doc)
        own_nearby(own_doc)
        back_references(doc.items, frozenset(i for i, it in enumerate(doc.items) if doc.cands[it.cand].origin == "acronym"))
        own_definitions(doc)   # (after the back references: the defining sentence may name it again)
        find_events(doc)
        return doc.items, places, doc.cands
