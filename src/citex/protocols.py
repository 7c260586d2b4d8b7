"""The written interfaces of the pluggable stages: what the pipeline asks of a place finder, a linker
and an NER model.  ``citex.pipeline.Extractor`` takes any object that has these methods (the bundled
``Gazetteer``, ``Linker`` and ``NerModel`` are the defaults), so one backed by a user's own gazetteer
or treaty database can replace them.  Standard library only: any module may import this one.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Protocol, Sequence, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from citex.models import Place
    from citex.resolve.items import Item


@runtime_checkable
class PlaceFinder(Protocol):
    """Finds the places in a text (stage ``places``; the NER stage asks it about model places)."""

    def find(self, text: str) -> list["Place"]:
        """Every place named in ``text``, in text order, with its span."""

    def lookup(self, name: str) -> Optional[tuple]:
        """Something (not None) when ``name`` is a place the finder knows, else None."""

    def is_country(self, place: "Place") -> bool:
        """True for a state: the kind of place that can be a party to a treaty."""


@runtime_checkable
class Linker(Protocol):
    """Links resolved instruments to the records of a knowledge base (stages ``instruments``,
    ``resolve`` and ``link``)."""

    def known(self, title: str) -> bool:
        """Does the knowledge base know this name (confirms a weak name: "Kyoto protocol")?"""

    def find_acronyms(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, record id)`` of the acronyms that name an instrument on their own."""

    def kind_of(self, rid: str) -> str:
        """The kind (``convention``, ``treaty``…, see ``citex.models.KINDS``) of a record."""

    def link_items(self, text: str, items: Sequence["Item"], latest_year: Optional[int] = None) -> None:
        """Set ``item.link`` (a :class:`citex.link.result.LinkResult`) on the items it can link; an item
        whose ``link`` is set already is left alone (records after ``latest_year`` ruled out)."""


@runtime_checkable
class NerModel(Protocol):
    """A statistical model that proposes instrument names and places (stage ``ner``)."""

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, "INSTRUMENT" | "PLACE")`` proposals; the rules' guards judge them."""
