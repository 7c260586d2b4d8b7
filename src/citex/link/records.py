"""Knowledge-base records: :class:`Record`, and records from rows in the columns of the shared
``treaties.csv``."""
from __future__ import annotations

import re
from typing import Any, Optional

import attrs

from citex.link.ids import canonical_id
from citex.vocab import entries

__all__ = ["Record", "record_from_row", "protocol_number_from_title", "opt_int"]


def _tuple(value) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def opt_int(value) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    s = str(value).strip()
    return int(s) if s.isdigit() else None


@attrs.frozen(slots=True)
class Record:
    """One instrument.  Plain values only, so it pickles and hashes.

    ``other_ids`` holds identifiers in other schemes as ``"SCHEME value"`` strings
    (``"UNTS I-39574"``, ``"UNTS 1168"``, ``"UNTS-vol 2225"``, ``"MTDSG XXVII-7-d"``,
    ``"IEADB 4518"``, ``"pildb 16"``).  ``source`` is a short provenance string: a
    source key (see ``KnowledgeBase.sources`` for the full reference), then
    ``[+general-knowledge: fields]`` for fields added from general knowledge
    upstream and ``[+citex: fields]`` for fields added or fixed in this repository
    (``scripts/kb_aliases.tsv``, ``scripts/kb_overrides.tsv``).  ``matchable`` is
    false for records whose names are not instrument names (e.g. GPTAD's
    "EC - Israel") or that duplicate another record (``same_as`` then names the
    record to use): ``lookup`` never returns them.
    """

    id: str
    title: str
    series: Optional[str] = None
    number: Optional[str] = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    kind: Optional[str] = None
    adopted: Optional[str] = None
    place: Optional[str] = None
    organisation: Optional[str] = None
    parent: Optional[str] = None
    protocol_number: Optional[int] = attrs.field(default=None, converter=opt_int)
    other_ids: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    source: Optional[str] = None
    wikidata: Optional[str] = None
    entry_into_force: Optional[str] = None
    url: Optional[str] = None
    matchable: bool = True
    same_as: Optional[str] = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def general_knowledge(self) -> bool:
        """True if any part of the record comes from general knowledge rather than a source."""
        s = self.source or ""
        return "general-knowledge" in s or "[+citex" in s or s == "citex-gk"

    def to_dict(self) -> dict[str, Any]:
        d = attrs.asdict(self, recurse=False)
        d["aliases"] = list(self.aliases)
        d["other_ids"] = list(self.other_ids)
        return d

    def to_compact(self) -> dict[str, Any]:
        """``to_dict`` without empty fields (the bundled file's line format)."""
        d = self.to_dict()
        return {k: v for k, v in d.items()
                if v not in (None, "", [], ()) and not (k == "matchable" and v is True)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        fields = attrs.fields_dict(cls)
        return cls(**{k: v for k, v in d.items() if k in fields})



_ORDINAL_WORDS = entries("common/ordinals")[:6]   # "first" … "sixth": the protocols' ordinals in titles
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
_ROMANS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_PROTOCOL_NO_RE = re.compile(r"(?i)\bprotocol\s+no\.?\s*(\d+)(?![\w])")
_PROTOCOL_ORD_RE = re.compile(rf"(?i)^({'|'.join(_ORDINAL_WORDS)})\s+(?:additional\s+|optional\s+)?protocol\b")
_PROTOCOL_ROMAN_RE = re.compile(r"\(Protocol\s+(I|II|III|IV|V|VI)\)\s*$")


def protocol_number_from_title(title: str) -> Optional[int]:
    """"Protocol No. 6 to …" -> 6, "Second Optional Protocol …" -> 2, "… (Protocol III)" -> 3."""
    if m := _PROTOCOL_NO_RE.search(title):
        return int(m[1])
    if m := _PROTOCOL_ORD_RE.match(title):
        return _ORDINALS[m[1].casefold()]
    if m := _PROTOCOL_ROMAN_RE.search(title):
        return _ROMANS[m[1]]
    return None


_FALSE = {"0", "false", "no", "n", "f"}


def record_from_row(row: dict[str, str], source: Optional[str] = None) -> Record:
    """A ``Record`` from a row in the columns of ``treaties.csv``.

    ``id`` and ``parent_id`` may be in the CSV form or canonical; a missing
    ``protocol_number`` is taken from the title ("Protocol No. N", "Second
    Optional Protocol", "(Protocol II)") when the row has a parent or is a protocol.
    """
    def cell(*names: str) -> Optional[str]:
        for n in names:
            v = row.get(n)
            if v is not None and str(v).strip():
                return str(v).strip()
        return None

    rid = cell("id")
    title = cell("title")
    if not rid or not title:
        raise ValueError(f"row without id or title: {row!r}")
    aliases = tuple(dict.fromkeys(a.strip() for a in (cell("aliases") or "").split("|") if a.strip()))
    parent = cell("parent_id", "parent")
    pn = opt_int(cell("protocol_number"))
    if pn is None and (parent or (cell("kind") or "").casefold() == "protocol"):
        pn = protocol_number_from_title(title)
    series = cell("series")
    number = cell("number")
    matchable = cell("matchable")
    return Record(
        id=canonical_id(rid), title=title, series=series, number=number, aliases=aliases,
        kind=cell("kind"), adopted=cell("adopted"), place=cell("place"),
        organisation=cell("organisation", "organization"),
        parent=canonical_id(parent) if parent else None, protocol_number=pn,
        other_ids=tuple(x.strip() for x in (cell("other_ids") or "").split("|") if x.strip()),
        source=cell("source") or source, wikidata=cell("wikidata"),
        entry_into_force=cell("entry_into_force"), url=cell("url"),
        matchable=not (matchable and matchable.casefold() in _FALSE),
        same_as=canonical_id(same_as) if (same_as := cell("same_as")) else None,
    )


