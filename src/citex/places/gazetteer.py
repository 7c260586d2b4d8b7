"""The place gazetteer: the bundled table of names and the finder that uses it.

``Gazetteer.load()`` reads the bundled ``data/places.tsv.gz`` (built by
``scripts/build_gazetteer.py`` from pycountry, GeoNames and a hand-written extras file; see
``data/PLACES_SOURCES.md``) and ``Gazetteer.find(text)`` returns :class:`citex.models.Place`
objects with ``text == source[start:end]`` (how: :mod:`citex.places.finder`).
"""
from __future__ import annotations

import gzip
import importlib.resources
import threading
from typing import Optional

from citex import vocab
from citex.models import Place
from citex.places import finder
from citex.places.names import Entry, NameTable, parse_entries
from citex.places.words import AGENCIES

__all__ = ["Gazetteer", "find_places"]

_LOCK = threading.Lock()
_CACHE: dict[str, "Gazetteer"] = {}


class Gazetteer:
    """The place-name table (name → :class:`~citex.places.names.Entry`) and the finder over it.
    Implements :class:`citex.places.protocol.PlaceFinder`."""

    def __init__(self, entries: dict[str, Entry]):
        self.table = NameTable(bodies_blocked(entries))

    @classmethod
    def load(cls, path: Optional[str] = None) -> "Gazetteer":
        """The gazetteer in ``path`` (default: the bundled file), read once and cached."""
        key = str(path) if path is not None else ""
        gaz = _CACHE.get(key)
        if gaz is not None:
            return gaz
        with _LOCK:
            gaz = _CACHE.get(key)
            if gaz is None:
                if path is None:
                    res = importlib.resources.files("citex").joinpath("data", "places.tsv.gz")
                    with res.open("rb") as fh:
                        raw = fh.read()
                else:
                    with open(path, "rb") as fh:
                        raw = fh.read()
                gaz = cls(cls._parse(gzip.decompress(raw).decode("utf-8")))
                _CACHE[key] = gaz
        return gaz

    @staticmethod
    def _parse(data: str) -> dict[str, Entry]:
        return parse_entries(data)

    def __len__(self) -> int:
        return len(self.table.names)

    def __contains__(self, name: str) -> bool:
        return name in self.table.names

    def lookup(self, name: str) -> Optional[Entry]:
        """The entry for an exact name (spaces normalised), else None."""
        return self.table.names.get(" ".join(name.split()))

    def is_country(self, place: Place) -> bool:
        """True for a state (a country, not a city or region): the kind of place that can be a treaty party."""
        entry = self.lookup(place.text) or self.lookup(place.name)
        return entry is not None and entry.kind == "country"

    def find(self, text: str) -> list[Place]:
        """Every place named in ``text``, in text order, without overlaps."""
        return finder.find(self.table, text)


def bodies_blocked(entries: dict[str, Entry]) -> dict[str, Entry]:
    """A name that is a news agency's (``places/agencies``) or a state organ's (``parties/organs``)
    is that body, not the town of the same name: "Xinhua reported", "the Duma ratified", "in
    the Kremlin" read as a block (no place), whatever town GeoNames has by that name; but a district
    that stands for a parliament (places/organ_places: "Westminster") stays a place."""
    bodies = set(AGENCIES).union(row[0] for row in vocab.rows("parties/organs")) - set(vocab.words("places/organ_places"))
    out = dict(entries)
    for name in bodies:
        e = out.get(name)
        if e is not None and e.kind != "block":
            out[name] = Entry(name, None, "block")
    return out


def find_places(text: str, gazetteer: Optional[Gazetteer] = None) -> list[Place]:
    """Convenience wrapper: ``Gazetteer.load().find(text)``."""
    return (gazetteer or Gazetteer.load()).find(text)
