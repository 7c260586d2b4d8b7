"""The treaty knowledge base: canonical records for international instruments.

``KnowledgeBase.bundled()`` loads ``data/kb.jsonl.gz`` (built by
``scripts/build_kb.py`` from the shared treaty CSVs).  Records are keyed by a
canonical id:

* Council of Europe: ``CETS 126`` (ETS numbers 1–194 are CETS numbers too;
  no leading zeros; ``CETS 12A`` for the lettered ones);
* UN multilateral treaties deposited with the Secretary-General: ``MTDSG IV-4``;
* UN Treaty Series registration: ``UNTS I-10485``;
* IEA Database: ``IEADB 2589``;
* others: the source id with its first ``-`` turned into a space
  (``PIL HCCH-1``, ``GPTAD EFTA-Chile``; general-knowledge rows ``GK NEWSTART-2010``).

Name matching (``lookup``) works on a *key*: see :func:`normalize`.  Exact keys
come from titles and aliases; *variant* keys from systematic rewrites of them
(see :func:`name_variants`) and are only used when no exact key matches.

The knowledge base is split by concern: ids (:mod:`citex.link.ids`), names and their variants
(:mod:`citex.link.names`), records (:mod:`citex.link.records`), the search index
(:mod:`citex.link.search`) and, here, the :class:`KnowledgeBase` itself, which this module
re-exports with everything documented as ``citex.kb.X``.

Only the standard library and ``attrs`` are used; nothing here touches the network.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from collections import defaultdict
from typing import Any, Iterable, Iterator, Optional, Union

from citex.link.ids import canonical_id, id_key, natural_key
from citex.link.names import is_acronym, name_variants, normalize, tokens
from citex.link.records import Record, opt_int, protocol_number_from_title, record_from_row
from citex.link.search import SearchIndex

__all__ = [
    "Record", "KnowledgeBase", "canonical_id", "normalize", "name_variants", "tokens", "is_acronym",
    "record_from_row", "protocol_number_from_title", "get", "lookup", "search",
]

DATA_FILE = "kb.jsonl.gz"
FORMAT = "citex-kb"
FORMAT_VERSION = 1
# Version of the lookup keys stored with each record (``normalize``/``name_variants`` output), so that
# loading the bundled KB does not recompute them.  Bump it whenever those functions change; a test
# recomputes the keys and fails when the stored ones are stale.
INDEX_VERSION = 1


class KnowledgeBase:
    """A set of ``Record``s with id, name and full-text indexes."""

    def __init__(self, records: Iterable[Record], sources: Optional[dict[str, str]] = None,
                 _keys: Optional[dict[str, tuple]] = None):
        recs: dict[str, Record] = {}
        for r in records:
            recs[r.id] = r
        self._records = {k: recs[k] for k in sorted(recs, key=natural_key)}
        self.sources: dict[str, str] = dict(sources or {})
        self._search_index: Optional[SearchIndex] = None
        self._build(_keys)

    # ---- construction

    def _place_words(self) -> frozenset:
        places = set()
        for r in self._records.values():
            if r.place:
                for p in r.place.split(";"):
                    p = p.split(",")[0].strip().casefold()
                    if p:
                        places.add(p)
        return frozenset(places)

    def _build(self, stored: Optional[dict[str, tuple]] = None) -> None:
        """Indexes by id, parent, name and name variant.  ``stored``: rid -> (exact keys, variant keys)
        as written by :meth:`dump` for this very set of records (variants depend on the whole KB's
        places), used instead of recomputing them."""
        by_key: dict[str, str] = {}
        alt: dict[str, str] = {}
        children: dict[str, list[str]] = defaultdict(list)
        exact: dict[str, list[str]] = defaultdict(list)
        variant: dict[str, list[str]] = defaultdict(list)
        places_f = self._place_words() if stored is None else frozenset()
        self._exact_keys: dict[str, frozenset] = {}
        self._variant_keys: dict[str, frozenset] = {}
        for rid, r in self._records.items():
            by_key[id_key(rid)] = rid
            if r.parent:
                children[r.parent].append(rid)
            if not r.matchable:
                continue
            if stored is not None:
                ek, vk = stored.get(rid, ((), ()))
            else:
                ek = {k for k in map(normalize, r.names) if k}
                vk = {k for k in map(normalize, name_variants(r, places_f)) if k} - ek
            self._exact_keys[rid] = frozenset(ek)
            self._variant_keys[rid] = frozenset(vk)
            for k in ek:
                exact[k].append(rid)
            for k in vk:
                variant[k].append(rid)
        for rid, r in self._records.items():
            for oid in r.other_ids:
                scheme, _, value = oid.partition(" ")
                if scheme in ("UNTS", "MTDSG", "IEADB") and value:
                    k = id_key(canonical_id(oid))
                    if k not in by_key:
                        alt.setdefault(k, rid)
        self._by_key = by_key
        self._alt = alt
        def child_order(i: str) -> tuple:
            r = self._records[i]
            pn = r.protocol_number if r.protocol_number is not None else 10**6
            return (pn, r.adopted or "9999", natural_key(i))
        self._children = {p: tuple(sorted(c, key=child_order)) for p, c in children.items()}
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._variant = {k: tuple(v) for k, v in variant.items()}

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "KnowledgeBase":
        """Load a file written by ``dump`` / ``scripts/build_kb.py`` (JSON lines, optionally gzipped)."""
        with open(path, "rb") as f:
            data = f.read()
        return cls._from_bytes(data)

    @classmethod
    def _from_bytes(cls, data: bytes) -> "KnowledgeBase":
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        lines = data.decode("utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("format") != FORMAT:
            raise ValueError("not a citex KB file")
        if header.get("version", 0) > FORMAT_VERSION:
            raise ValueError(f"KB file format {header.get('version')} is newer than this citex")
        from_dict = Record.from_dict
        stored: Optional[dict[str, tuple]] = {} if header.get("index") == INDEX_VERSION else None
        records = []
        for line in lines[1:]:
            if not line:
                continue
            d = json.loads(line)
            keys = (d.pop("_k", ()), d.pop("_v", ()))
            rec = from_dict(d)
            if stored is not None:
                stored[rec.id] = keys
            records.append(rec)
        return cls(records, sources=header.get("sources"), _keys=stored)

    @classmethod
    def bundled(cls) -> "KnowledgeBase":
        """The KB shipped with citex (loaded once, then cached)."""
        global _BUNDLED
        if _BUNDLED is None:
            path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", DATA_FILE)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    data = f.read()
            else:  # e.g. installed as a zip
                from importlib import resources
                data = resources.files("citex").joinpath("data", DATA_FILE).read_bytes()
            _BUNDLED = cls._from_bytes(data)
        return _BUNDLED

    @classmethod
    def from_csv(cls, path: Union[str, os.PathLike], source: Optional[str] = None) -> "KnowledgeBase":
        """Records from a CSV in the columns of the shared ``treaties.csv``
        (``id,series,number,title,aliases,kind,adopted,place,organisation,parent_id,
        protocol_number,wikidata,source``; only ``id`` and ``title`` are required;
        ids in CSV form (``CETS-126``) or canonical (``CETS 126``); an optional
        ``matchable`` column takes true/false)."""
        src = source or f"user:{os.path.basename(os.fspath(path))}"
        with open(path, newline="", encoding="utf-8-sig") as f:
            records = [record_from_row(row, src) for row in csv.DictReader(f)]
        return cls(records, sources={src: os.fspath(path)})

    def merge(self, other: "KnowledgeBase") -> "KnowledgeBase":
        """A new KB with ``other``'s records added; a record with the same id replaces ours."""
        merged = dict(self._records)
        merged.update(other._records)
        return KnowledgeBase(merged.values(), sources={**self.sources, **other.sources})

    def dump(self, path: Union[str, os.PathLike], header: Optional[dict[str, Any]] = None) -> None:
        """Write the KB as gzipped JSON lines (deterministic: sorted, no timestamp)."""
        buf = io.StringIO()
        head = {"format": FORMAT, "version": FORMAT_VERSION, "count": len(self), "index": INDEX_VERSION,
                **(header or {}), "sources": dict(sorted(self.sources.items()))}
        buf.write(json.dumps(head, ensure_ascii=False, sort_keys=True) + "\n")
        for r in self._records.values():
            row = r.to_compact()
            ek, vk = self._exact_keys.get(r.id, ()), self._variant_keys.get(r.id, ())
            if ek:  # the lookup keys, so that loading need not recompute them (see INDEX_VERSION)
                row["_k"] = sorted(ek)
            if vk:
                row["_v"] = sorted(vk)
            buf.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        raw = buf.getvalue().encode("utf-8")
        with open(path, "wb") as f:
            f.write(gzip.compress(raw, compresslevel=9, mtime=0))

    # ---- access

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Record):
            return self._records.get(item.id) == item
        return isinstance(item, str) and self.get(item) is not None

    def __repr__(self) -> str:
        return f"<KnowledgeBase: {len(self)} records>"

    def get(self, id: str) -> Optional[Record]:
        """The record with this id: "CETS 126", "CETS-126", "ETS 126", "ETS No. 126",
        "CETS No. 126", "MTDSG IV-4", "UNTS I-10485", "UNTS-I-10485", …  Identifiers in
        other schemes listed in ``other_ids`` (UNTS registration, MTDSG, IEADB) work too."""
        if not isinstance(id, str) or not id.strip():
            return None
        cid = canonical_id(id)
        k = id_key(cid)
        rid = self._by_key.get(k) or self._alt.get(k)
        if rid is None and (m := re.fullmatch(r"(?i)unts\s*[-\s]\s*(?:no\.?\s*)?0*(\d+)", cid)):
            rid = self._by_key.get(id_key(f"UNTS I-{m[1]}")) or self._alt.get(id_key(f"UNTS {m[1]}"))
        return self._records.get(rid) if rid else None

    def lookup(self, name: str) -> list[Record]:
        """Records whose title or alias equals ``name`` under :func:`normalize`.

        Exact keys (titles, aliases) win; only when none matches are the variant
        keys (see :func:`name_variants`) tried.  Several results mean the name is
        ambiguous ("Vienna Convention").  Records with ``matchable=False`` are
        never returned.
        """
        k = normalize(name)
        if not k:
            return []
        ids = self._exact.get(k) or self._variant.get(k) or ()
        return [self._records[i] for i in ids]

    def lookup_exact(self, name: str) -> list[Record]:
        """Like ``lookup`` but with exact keys only (titles and aliases)."""
        return [self._records[i] for i in self._exact.get(normalize(name), ())]

    def keys(self, id: str) -> tuple[frozenset, frozenset]:
        """The (exact, variant) lookup keys of a record (for debugging)."""
        r = self.get(id)
        if r is None:
            raise KeyError(id)
        return self._exact_keys.get(r.id, frozenset()), self._variant_keys.get(r.id, frozenset())

    def children(self, id: str) -> list[Record]:
        """Protocols, amendments etc. whose parent is ``id``: numbered protocols first (by
        number), then the rest by date of adoption."""
        r = self.get(id)
        if r is None:
            return []
        return [self._records[c] for c in self._children.get(r.id, ())]

    def protocol(self, parent_id: str, number: Union[int, str]) -> Optional[Record]:
        """Protocol No. ``number`` to ``parent_id``: ``protocol("CETS 126", 1)`` -> CETS 151.
        ``number`` may also be a label such as ``"14bis"``."""
        kids = self.children(parent_id)
        n = opt_int(number)
        if n is not None:
            hits = [c for c in kids if c.protocol_number == n]
            hits.sort(key=lambda c: (c.kind != "protocol",))
            return hits[0] if hits else None
        label = re.escape(str(number).strip())
        rx = re.compile(rf"(?i)\bprotocol\s+no\.?\s*{label}(?![\w])")
        return next((c for c in kids if rx.search(c.title)), None)

    def acronyms(self) -> dict[str, tuple[str, ...]]:
        """Acronym aliases ("NPT", "ECHR", "CAT", "START II" …) -> ids of the matchable
        records that carry them; an acronym shared by several records maps to all of them."""
        out: dict[str, list[str]] = defaultdict(list)
        for r in self._records.values():
            if not r.matchable:
                continue
            for a in r.aliases:
                if is_acronym(a) and r.id not in out[a]:
                    out[a].append(r.id)
        return {a: tuple(ids) for a, ids in sorted(out.items())}

    def search(self, text: str, limit: int = 10) -> list[Record]:
        """Fuzzy token-overlap search over titles and aliases, best first: a list of records, as
        :meth:`lookup` gives (:meth:`scored_search` gives the scores too)."""
        return [r for r, _ in self.scored_search(text, limit)]

    def scored_search(self, text: str, limit: int = 10) -> list[tuple[Record, float]]:
        """:meth:`search` with each record's score, in [0, ~2]: exact name matches get +1, variant
        matches +0.5."""
        if self._search_index is None:
            self._search_index = SearchIndex(self)
        return self._search_index.search(text, limit)


_BUNDLED: Optional[KnowledgeBase] = None


# ------------------------------------------------------------- module conveniences

def get(id: str) -> Optional[Record]:
    """``KnowledgeBase.bundled().get(id)``."""
    return KnowledgeBase.bundled().get(id)


def lookup(name: str) -> list[Record]:
    """``KnowledgeBase.bundled().lookup(name)``."""
    return KnowledgeBase.bundled().lookup(name)


def search(text: str, limit: int = 10) -> list[Record]:
    """``KnowledgeBase.bundled().search(text, limit)``."""
    return KnowledgeBase.bundled().search(text, limit)

