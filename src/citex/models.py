"""The result objects: what citex gives back.

Every object that points into the text has ``start``, ``end`` and ``text`` with
``text == source[start:end]``: one span meaning for every class.  All classes are
frozen, slotted attrs classes holding plain values (str, int, tuples, other
result objects), so they pickle and cross process boundaries.  ``to_dict`` gives
the JSON contract (see ``schema/result.schema.json``) and ``from_dict`` reads it
back.
"""
from __future__ import annotations

from typing import Any, Optional

import attrs

KINDS = (
    "convention", "treaty", "protocol", "agreement", "charter", "covenant",
    "statute", "pact", "accord", "other",
)
ACTIONS = (
    "signature", "ratification", "accession", "denunciation", "withdrawal",
    "suspension", "entry_into_force", "termination", "deratification",
)
# what the text says of an act: it happened (or was formally enacted, or is scheduled with a date),
# a state announced it as a decision, or it was only threatened, planned, called for or drafted
STATUSES = ("done", "announced", "proposed")


# How a Result and a Citation show themselves in a notebook: display belongs to the output layer,
# which registers its renderers here when it is imported (``import citex`` does), so this module
# imports nothing from it.
HTML_RENDERERS: dict[str, Any] = {}


def _tuple(value) -> tuple:
    return tuple(value) if value is not None else ()


@attrs.frozen(slots=True)
class Mention:
    """One place in the text where an instrument is named."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(start=d["start"], end=d["end"], text=d["text"])


@attrs.frozen(slots=True)
class Date:
    """An absolute date, or a relative one resolved against ``published``.

    ``value`` is ISO 8601 at the precision the text gives: ``YYYY-MM-DD``,
    ``YYYY-MM`` or ``YYYY``; a date without a year and no reference date to give it one has a
    partial value, ``--MM-DD`` or ``--MM`` (``relative`` is true).
    """

    text: str
    value: str
    start: int
    end: int
    relative: bool = False

    @property
    def precision(self) -> str:
        if self.value.startswith("--"):  # a partial value, no year: --MM-DD or --MM
            return "day" if len(self.value) == 7 else "month"
        return {4: "year", 7: "month"}.get(len(self.value), "day")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "value": self.value, "start": self.start, "end": self.end}
        if self.relative:
            d["relative"] = True
        return d

    @classmethod
    def from_dict(cls, d: Optional[dict[str, Any]]) -> Optional["Date"]:
        if d is None:
            return None
        return cls(text=d["text"], value=d["value"], start=d["start"], end=d["end"],
                   relative=bool(d.get("relative", False)))


@attrs.frozen(slots=True)
class Place:
    """A geographic name: ``name`` is the gazetteer's name, ``country`` its ISO 3166-1 alpha-2 code."""

    text: str
    name: str
    country: Optional[str]
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Optional[dict[str, Any]]) -> Optional["Place"]:
        if d is None:
            return None
        return cls(text=d["text"], name=d["name"], country=d.get("country"),
                   start=d["start"], end=d["end"])


@attrs.frozen(slots=True)
class Party:
    """The state (or the European Union) that acts, as the text names it: ``text`` is what the text
    says ("Moscow", "the French government", "Russia"), ``name`` the state's name, ``country`` its
    ISO 3166-1 alpha-2 code (``"EU"`` for the European Union)."""

    text: str
    name: str
    country: Optional[str]
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Optional[dict[str, Any]]) -> Optional["Party"]:
        if d is None:
            return None
        return cls(text=d["text"], name=d["name"], country=d.get("country"), start=d["start"], end=d["end"])


@attrs.frozen(slots=True)
class Event:
    """One mention of a treaty action on an instrument: ``action`` is one of ``ACTIONS``,
    ``status`` one of ``STATUSES``.

    The span is the trigger (``denounce``, ``signed``, ``withdrawal``); ``party`` is the state
    that acts, when the text says; ``date`` the act's own date (never the instrument's).
    """

    action: str
    party: Optional[Party]
    date: Optional[Date]
    place: Optional[Place]
    start: int
    end: int
    text: str
    status: str = "done"
    # the text says unnamed states acted ("signed by 46 countries"): no party is to be inferred for it
    # (read by the document-level merge; not part of the JSON contract nor of equality)
    anonymous: bool = attrs.field(default=False, eq=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "status": self.status,
                "party": self.party.to_dict() if self.party else None,
                "date": self.date.to_dict() if self.date else None,
                "place": self.place.to_dict() if self.place else None,
                "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(action=d["action"], status=d.get("status", "done"), party=Party.from_dict(d.get("party")),
                   date=Date.from_dict(d.get("date")), place=Place.from_dict(d.get("place")),
                   start=d["start"], end=d["end"], text=d["text"])


@attrs.frozen(slots=True)
class Actor:
    """The state of a document-level action, without a span (the action merges several mentions)."""

    name: str
    country: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, d: Optional[dict[str, Any]]) -> Optional["Actor"]:
        return None if d is None else cls(name=d["name"], country=d.get("country"))


@attrs.frozen(slots=True)
class Action:
    """One treaty action of a document: one per (citation, action, party, status), merging every
    restatement of it (headline, body, quote); ``evidence`` holds the trigger of each mention."""

    citation: int
    id: Optional[str]
    action: str
    status: str
    party: Optional[Actor]
    date: Optional[Date]
    place: Optional[Place]
    evidence: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"citation": self.citation, "id": self.id, "action": self.action, "status": self.status,
                "party": self.party.to_dict() if self.party else None,
                "date": self.date.to_dict() if self.date else None,
                "place": self.place.to_dict() if self.place else None,
                "evidence": [m.to_dict() for m in self.evidence]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Action":
        return cls(citation=d["citation"], id=d.get("id"), action=d["action"], status=d["status"],
                   party=Actor.from_dict(d.get("party")), date=Date.from_dict(d.get("date")),
                   place=Place.from_dict(d.get("place")),
                   evidence=[Mention.from_dict(m) for m in d.get("evidence", ())])


@attrs.frozen(slots=True)
class Citation:
    """One instrument cited in a document, with every mention of it."""

    kind: str
    title: str
    start: int
    end: int
    text: str
    number: Optional[int] = None
    parent: Optional[int] = None
    date: Optional[Date] = None
    place: Optional[Place] = None
    id: Optional[str] = None
    canonical_title: Optional[str] = None
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)
    # knowledge-base candidates when a link could not be settled (not part of the JSON core)
    candidates: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def record(self, kb=None):
        """The full knowledge-base record of this citation (``None`` when it is not linked);
        ``kb`` is the knowledge base it was linked with, the bundled one by default."""
        if self.id is None:
            return None
        if kb is None:
            from citex.link.kb import KnowledgeBase
            kb = KnowledgeBase.bundled()
        return kb.get(self.id)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "kind": self.kind, "title": self.title, "number": self.number, "parent": self.parent,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "id": self.id, "canonical_title": self.canonical_title,
            "start": self.start, "end": self.end, "text": self.text,
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
        }
        if self.candidates:
            d["candidates"] = list(self.candidates)
        return d

    def __repr__(self) -> str:  # short and useful in a terminal
        title = self.title if len(self.title) < 50 else self.title[:47] + "…"
        bits = [x for x in (self.id, self.date and self.date.value, self.place and self.place.name) if x]
        return (f"<Citation {title!r}{' ' + ', '.join(bits) if bits else ''}: {len(self.mentions)} mentions, "
                f"{len(self.events)} events>")

    def _repr_html_(self) -> Optional[str]:  # Jupyter
        show = HTML_RENDERERS.get("Citation")
        return show(self) if show else None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Citation":
        return cls(
            kind=d["kind"], title=d["title"], start=d["start"], end=d["end"], text=d["text"],
            number=d.get("number"), parent=d.get("parent"), date=Date.from_dict(d.get("date")),
            place=Place.from_dict(d.get("place")), id=d.get("id"),
            canonical_title=d.get("canonical_title"),
            mentions=[Mention.from_dict(m) for m in d.get("mentions", ())],
            events=[Event.from_dict(e) for e in d.get("events", ())],
            candidates=d.get("candidates", ()),
        )


@attrs.frozen(slots=True)
class Error:
    """Why a document gave no result: ``type`` is a short machine-readable word."""

    type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "message": self.message}

    @classmethod
    def from_dict(cls, d: Optional[dict[str, Any]]) -> Optional["Error"]:
        return None if d is None else cls(type=d["type"], message=d["message"])


@attrs.frozen(slots=True)
class Result:
    """Everything citex found in one document."""

    doc_id: Optional[str] = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)
    dates: tuple[Date, ...] = attrs.field(default=(), converter=_tuple)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_tuple)
    error: Optional[Error] = None
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_tuple)
    # extra facts about the input (encoding used, "offsets refer to cleaned text", …)
    meta: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        d = {
            "doc_id": self.doc_id,
            "citations": [c.to_dict() for c in self.citations],
            "dates": [x.to_dict() for x in self.dates],
            "places": [x.to_dict() for x in self.places],
            "error": self.error.to_dict() if self.error else None,
            "actions": [a.to_dict() for a in self.actions],
        }
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Result":
        return cls(
            doc_id=d.get("doc_id"),
            citations=[Citation.from_dict(c) for c in d.get("citations", ())],
            dates=[Date.from_dict(x) for x in d.get("dates", ())],
            places=[Place.from_dict(x) for x in d.get("places", ())],
            error=Error.from_dict(d.get("error")),
            actions=[Action.from_dict(a) for a in d.get("actions", ())],
            meta=tuple(sorted((d.get("meta") or {}).items())),
        )

    def __repr__(self) -> str:  # short and useful in a terminal
        titles = ", ".join(c.title if len(c.title) < 50 else c.title[:47] + "…" for c in self.citations[:4])
        more = f", +{len(self.citations) - 4}" if len(self.citations) > 4 else ""
        err = f" error={self.error.type}" if self.error else ""
        return (f"<Result {self.doc_id!r}: {len(self.citations)} citations [{titles}{more}], "
                f"{len(self.dates)} dates, {len(self.places)} places{err}>")

    def _repr_html_(self) -> Optional[str]:  # Jupyter: the citations table (citex.render(result, text) highlights the text)
        show = HTML_RENDERERS.get("Result")
        return show(self) if show else None
