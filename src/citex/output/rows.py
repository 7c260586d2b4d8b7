"""Flat rows of results, one per citation, mention, event, action, date or place: what CSV, Parquet, the
row-level JSON outputs and DataFrames are made of.

The levels and their columns are one declarative table, :data:`LEVELS`: a level is the items it
has a row for (``items``) and its columns, each a name, a type and how to get the value from an
:class:`Item`.  Adding a level or a column is one entry there; every writer, the Parquet schema and
the DataFrame types follow.

Every row has ``doc_id`` and, at the end, the document's ``published`` date and ``doc_url`` (from
a collection, a manifest or a sidecar: the result's ``meta``).  ``url`` is the knowledge-base
record's page of the cited instrument; ``sentence`` is the sentence around the item when the text
is known (``rows(result, level, text=…)``; ``citex extract`` always knows it, ``citex convert``
does not).
"""
from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

import attrs

from citex.models import Citation, Result

SENTENCE_MAX = 600  # characters of ``sentence`` at most (a "sentence" of hostile text may be 1 MB)


class Context:
    """What rows may need beyond the result: its text (for ``sentence``), the knowledge base (for
    ``url``; the bundled one unless given, ``False`` for none) and a fallback publication date."""

    def __init__(self, text: Optional[str] = None, kb=None, published: Optional[str] = None):
        self.text, self._kb, self.published = text, kb, published
        self._bounds = None   # citex.text.spans.Sentences, made when a sentence is asked for

    @property
    def kb(self):
        if self._kb is None:
            from citex.link.kb import KnowledgeBase
            self._kb = KnowledgeBase.bundled()
        return self._kb

    def record_url(self, rid: Optional[str]) -> Optional[str]:
        if not rid or self._kb is False:
            return None
        record = self.kb.get(rid)
        return record.url if record is not None and record.url else None

    def sentence(self, start: Optional[int], end: Optional[int]) -> Optional[str]:
        """The sentence(s) from the one holding ``start`` to the one holding ``end``, white space
        collapsed to single spaces, cut around the span when over ``SENTENCE_MAX``."""
        text = self.text
        if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
            return None
        if self._bounds is None:
            from citex.text.spans import Sentences
            self._bounds = Sentences(text)
        lo = self._bounds.start(start)
        hi = self._bounds.end(end - 1) if end > 0 else self._bounds.end(0)
        lo, hi = max(lo, start - SENTENCE_MAX // 2), min(hi, max(end, start + SENTENCE_MAX // 2))
        return " ".join(text[lo:hi].split()) or None


@attrs.frozen
class Item:
    """One row's source: the document, the object of the row, and its citation (index) if any."""

    doc: Result
    obj: Any
    ctx: Context
    citation: Optional[Citation] = None
    index: Optional[int] = None


@attrs.frozen
class Column:
    name: str
    get: Callable[[Item], Any]
    type: str = "str"      # "str" | "int" | "bool": the Parquet and DataFrame type


@attrs.frozen
class Level:
    items: Callable[[Result], Iterator[tuple[Any, Optional[Citation], Optional[int]]]]
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _value(x) -> Optional[str]:
    return x.value if x is not None else None


def _name(x) -> Optional[str]:
    """A place's or party's name (a party may be a string or an object with ``name``/``text``)."""
    if x is None or isinstance(x, str):
        return x
    return getattr(x, "name", None) or getattr(x, "text", None)


def _meta(key: str) -> Callable[[Item], Optional[str]]:
    return lambda it: dict(it.doc.meta).get(key) or (it.ctx.published if key == "published" else None)


# columns shared by levels
DOC_ID = Column("doc_id", lambda it: it.doc.doc_id)
DOC = (Column("published", _meta("published")), Column("doc_url", _meta("url")))
CITATION = (Column("citation", lambda it: it.index, "int"), Column("id", lambda it: it.citation.id),
            Column("title", lambda it: it.citation.title),
            Column("canonical_title", lambda it: it.citation.canonical_title),
            Column("url", lambda it: it.ctx.record_url(it.citation.id)))
SPAN = (Column("start", lambda it: it.obj.start, "int"), Column("end", lambda it: it.obj.end, "int"),
        Column("text", lambda it: it.obj.text), Column("sentence", lambda it: it.ctx.sentence(it.obj.start, it.obj.end)))


def _citations(r: Result):
    for i, c in enumerate(r.citations):
        yield c, c, i


def _mentions(r: Result):
    for i, c in enumerate(r.citations):
        for m in c.mentions:
            yield m, c, i


def _events(r: Result):
    for i, c in enumerate(r.citations):
        for e in c.events:
            yield e, c, i


def _actions(r: Result):
    for a in r.actions:
        c = r.citations[a.citation] if 0 <= a.citation < len(r.citations) else None
        yield a, c, a.citation


def _country(x) -> Optional[str]:
    return getattr(x, "country", None) if x is not None and not isinstance(x, str) else None


def _first(it: Item, attr: str):
    """An action's first evidence (its first mention in the text): ``start``, ``end`` or ``text``."""
    ev = it.obj.evidence
    return getattr(ev[0], attr) if ev else None


def _own(attr: str):
    return lambda r: ((x, None, None) for x in getattr(r, attr))


LEVELS: dict[str, Level] = {
    "citations": Level(_citations, (
        DOC_ID, Column("index", lambda it: it.index, "int"), Column("kind", lambda it: it.obj.kind),
        Column("title", lambda it: it.obj.title), Column("number", lambda it: it.obj.number, "int"),
        Column("parent", lambda it: it.obj.parent, "int"), Column("id", lambda it: it.obj.id),
        Column("canonical_title", lambda it: it.obj.canonical_title),
        Column("url", lambda it: it.ctx.record_url(it.obj.id)),
        Column("date", lambda it: _value(it.obj.date)), Column("place", lambda it: _name(it.obj.place)),
        *SPAN, Column("mentions", lambda it: len(it.obj.mentions), "int"),
        Column("events", lambda it: ";".join(sorted({e.action for e in it.obj.events}))),
        Column("error", lambda it: it.doc.error.type if it.doc.error else ""), *DOC)),
    "mentions": Level(_mentions, (DOC_ID, *CITATION, *SPAN, *DOC)),
    "events": Level(_events, (
        DOC_ID, *CITATION, Column("action", lambda it: it.obj.action), Column("status", lambda it: it.obj.status),
        Column("party", lambda it: _name(it.obj.party)), Column("party_country", lambda it: _country(it.obj.party)),
        Column("date", lambda it: _value(it.obj.date)),
        Column("place", lambda it: _name(it.obj.place)), *SPAN, *DOC)),
    "actions": Level(_actions, (
        DOC_ID, *CITATION, Column("action", lambda it: it.obj.action), Column("status", lambda it: it.obj.status),
        Column("party", lambda it: _name(it.obj.party)), Column("party_country", lambda it: _country(it.obj.party)),
        Column("date", lambda it: _value(it.obj.date)), Column("place", lambda it: _name(it.obj.place)),
        Column("mentions", lambda it: len(it.obj.evidence), "int"),
        Column("start", lambda it: _first(it, "start"), "int"), Column("end", lambda it: _first(it, "end"), "int"),
        Column("text", lambda it: _first(it, "text")),
        Column("sentence", lambda it: it.ctx.sentence(_first(it, "start"), _first(it, "end"))), *DOC)),
    "dates": Level(_own("dates"), (
        DOC_ID, Column("value", lambda it: it.obj.value), Column("relative", lambda it: it.obj.relative, "bool"),
        *SPAN, *DOC)),
    "places": Level(_own("places"), (
        DOC_ID, Column("name", lambda it: it.obj.name), Column("country", lambda it: it.obj.country),
        *SPAN, *DOC)),
}
ROW_LEVELS = tuple(LEVELS)


def level_of(level: str) -> Level:
    try:
        return LEVELS[level]
    except KeyError:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}") from None


def rows_fields(level: str) -> tuple[str, ...]:
    """The column names of ``level``, in order."""
    return level_of(level).names


def column_types(level: str) -> dict[str, str]:
    return {c.name: c.type for c in level_of(level).columns}


def rows(result: Result, level: str = "citations", text: Optional[str] = None, kb=None,
         published: Optional[str] = None, ctx: Optional[Context] = None) -> list[dict]:
    """Flat rows of one result at ``level``, each a dict in column order.  ``text`` (the document's
    text) fills ``sentence``; a failed document gives one row with its ``error`` at level
    ``citations``."""
    lv = level_of(level)
    ctx = ctx or Context(text, kb, published)
    out = [{c.name: c.get(it) for c in lv.columns}
           for it in (Item(result, obj, ctx, cit, i) for obj, cit, i in lv.items(result))]
    if not out and result.error and "error" in lv.names:
        row = dict.fromkeys(lv.names)
        row.update({"doc_id": result.doc_id, "error": result.error.type, "published": _meta("published")(
            Item(result, None, ctx)), "doc_url": dict(result.meta).get("url")})
        out.append(row)
    return out

