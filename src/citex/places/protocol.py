"""The interface of a place finder, for code that takes one (the extractor, the instrument grammar,
the resolver's party test): :class:`citex.places.gazetteer.Gazetteer` implements it; a finder
backed by another gazetteer or a statistical model can replace it."""
from __future__ import annotations

from typing import Optional, Protocol, runtime_checkable

from citex.models import Place
from citex.places.names import Entry

__all__ = ["PlaceFinder"]


@runtime_checkable
class PlaceFinder(Protocol):
    """Finds the places of a text and answers questions about names.

    * ``find(text)``: every place named in ``text``, in text order, without overlaps, each with
      ``text == source[start:end]``, ``name`` (the canonical name) and ``country`` (ISO 3166-1
      alpha-2, or None for a region that is no country's).
    * ``lookup(name)``: what the finder knows about an exact name (its
      :class:`~citex.places.names.Entry`: canonical name, country, kind, population, ambiguity),
      or None.
    * ``is_country(place)``: the place is a state (a possible treaty party), not a city or a region.
    """

    def find(self, text: str) -> list[Place]: ...

    def lookup(self, name: str) -> Optional[Entry]: ...

    def is_country(self, place: Place) -> bool: ...
