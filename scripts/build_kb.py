#!/usr/bin/env python3
"""Build the bundled treaty knowledge base ``src/citex/data/kb.jsonl.gz``.

Inputs (read-only):

* ``treaties.csv`` and ``xref.csv`` from the shared treaty data directory
  (default ``../shared/data/treaties`` relative to the repository root; see its
  ``SOURCES.md`` for provenance and licences);
* ``scripts/kb_aliases.tsv``: hand-checked aliases that news uses and the CSV lacks;
* ``scripts/kb_overrides.tsv``: hand-checked fixes (field values, aliases to drop,
  records that must not be matched by name, a few rows the CSV lacks).

Derived: a title that opens with the place of adoption ("Marrakesh Agreement establishing the World
Trade Organization") also gets the alias without that place, when the place is in the bundled
gazetteer and the shorter name is no other record's (``derive_placeless_aliases``).

Output: gzipped JSON lines, a header line (format, version, record count, the
sha256 of each input, the full provenance string of each source key) and one
compact record per line (``citex.kb.Record.to_compact``), sorted by id.  No
timestamps, so rebuilding from the same inputs gives the same bytes.

Usage::

    python scripts/build_kb.py [--data DIR] [--out FILE] [--check]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from citex.kb import (  # noqa: E402
    KnowledgeBase, Record, canonical_id, normalize, record_from_row,
)

DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "treaties"
DEFAULT_OUT = ROOT / "src" / "citex" / "data" / "kb.jsonl.gz"
ALIASES_FILE = ROOT / "scripts" / "kb_aliases.tsv"
OVERRIDES_FILE = ROOT / "scripts" / "kb_overrides.tsv"

# Source strings of the CSV (without their "[+general-knowledge: …]" suffix) -> short key.
SOURCE_KEYS = {
    "github:StianOby/claude-legal-tools@12e2a4827b8a:skills/ets/data/index.json": "coe",
    "github:StianOby/claude-legal-tools@12e2a4827b8a:skills/untc/cache/index.json": "untc-2026",
    "github:zmjones/untreaties@003ce1309cc2:index.csv": "untc-2015",
    "github:zhiyzuo/UNTC-scraper@565d1862d2d1:data/UNTC-*.csv": "unts-2017",
    "github:alexeyosipov88/pildb.org@11c1d63e09b4:server/db/seeds/haugue/hague-treaties.sql": "pildb-hcch",
    "github:alexeyosipov88/pildb.org@11c1d63e09b4:server/db/seeds/un-treaties/un-treaties.sql": "pildb-un",
    "github:alexeyosipov88/pildb.org@11c1d63e09b4:server/db/seeds/unidroit/unidroit-treaties.sql": "pildb-unidroit",
    "github:alexeyosipov88/pildb.org@11c1d63e09b4:server/db/seeds/icao/icao-treaties.sql": "pildb-icao",
    "github:alexeyosipov88/pildb.org@11c1d63e09b4:server/db/seeds/copyright/seeds/copyright-treaties.sql": "pildb-wipo",
    "github:globalgov/manytreaties@4bf79f94c78a:data-raw/agreements/IEADB/treaties.csv": "ieadb",
    "github:globalgov/manytreaties@4bf79f94c78a:data-raw/agreements/GPTAD/GPTAD.csv": "gptad",
    "general-knowledge": "general-knowledge",
}
HUGGO = "github:globalgov/manytreaties@4bf79f94c78a:data-raw/agreements/GGO/HUGGO_clean.csv"
CITEX_GK = "citex-gk"
CITEX_GK_DESC = ("general knowledge added in this repository (scripts/kb_overrides.tsv, "
                 "scripts/kb_aliases.tsv), checked by hand")

# xref schemes that are identifiers -> prefix in Record.other_ids
ID_SCHEMES = {
    "UNTS-registration": "UNTS",
    "UNTS-volume": "UNTS-vol",
    "MTDSG-number": "MTDSG",
    "IEADB-id": "IEADB",
    "pildb-id": "pildb",
}
URL_SCHEMES = ("CoE-treaty-page", "UNTC-MTDSG-page")


# ------------------------------------------------------------------ provenance

class Sources:
    """Maps the long CSV source strings to short keys and remembers the full text."""

    _GK_RE = re.compile(r"\s*\[\+general-knowledge:\s*([^\]]*)\]")

    def __init__(self) -> None:
        self.full: dict[str, str] = {}

    def shorten(self, source: str) -> str:
        gk = self._GK_RE.search(source)
        base = self._GK_RE.sub("", source).strip()
        key = None
        for prefix, k in SOURCE_KEYS.items():
            if base.startswith(prefix):
                key = k
                break
        if key is None:
            raise ValueError(f"unknown source: {source!r}")
        if HUGGO in base:
            key += "+huggo-place"
        self.full[key] = base
        return f"{key} [+general-knowledge: {gk[1].strip()}]" if gk else key


def add_citex_mark(source: str | None, field: str) -> str:
    """Append ``field`` to the ``[+citex: …]`` part of a short source string."""
    source = source or CITEX_GK
    if source == CITEX_GK:
        return source
    m = re.search(r"\[\+citex: ([^\]]*)\]", source)
    if not m:
        return f"{source} [+citex: {field}]"
    fields = m[1].split(",")
    if field in fields:
        return source
    return source[:m.start()] + f"[+citex: {','.join(fields + [field])}]" + source[m.end():]


# ------------------------------------------------------------------ per series

def fix_coe(rec: Record) -> Record:
    """ETS/CETS: the number without leading zeros ("005" -> "5", "012A" -> "12A")."""
    number = rec.id.split(" ", 1)[1]
    return rec_replace(rec, number=number)


def fix_gptad(rec: Record) -> Record:
    """GPTAD rows are named by party list ("EC - Israel"), not by title, and their
    aliases are fragments of those names ("CAN", "10", "English", "now APTA").
    Keep the records (for ``get`` and ``search``) but never match them by name."""
    title = " ".join(rec.title.split())
    return rec_replace(rec, title=title, aliases=(), matchable=False)


def fix_generic(rec: Record) -> Record:
    title = " ".join(rec.title.split())
    aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in rec.aliases))
    return rec_replace(rec, title=title, aliases=aliases)


SERIES_FIXES = {"ETS": fix_coe, "CETS": fix_coe, "GPTAD": fix_gptad}


def rec_replace(rec: Record, **changes) -> Record:
    return attrs.evolve(rec, **changes)


# ------------------------------------------------------------------ readers

def read_treaties(path: Path, sources: Sources) -> dict[str, Record]:
    records: dict[str, Record] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rec = record_from_row(row)
            rec = rec_replace(rec, source=sources.shorten(row["source"]))
            rec = fix_generic(rec)
            fix = SERIES_FIXES.get(rec.series or "")
            if fix:
                rec = fix(rec)
            if rec.id in records:
                raise ValueError(f"duplicate id {rec.id} ({row['id']})")
            records[rec.id] = rec
    return records


def read_xref(path: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pair = (row["scheme"].strip(), row["value"].strip())
            rid = canonical_id(row["id"])
            if pair not in out[rid]:  # the file repeats a few rows
                out[rid].append(pair)
    return out


def apply_xref(rec: Record, xrefs: list[tuple[str, str]]) -> Record:
    other, eif, url = list(rec.other_ids), rec.entry_into_force, rec.url
    for scheme, value in xrefs:
        if scheme in ID_SCHEMES:
            oid = f"{ID_SCHEMES[scheme]} {value}"
            if canonical_id(oid) != rec.id and oid not in other:
                other.append(oid)
        elif scheme == "entry-into-force":
            eif = eif or value
        elif scheme in URL_SCHEMES:
            url = url or value
        # adopted-by-Committee-of-Ministers, depositary(HUGGO), GPTAD-name, MTDSG-note and
        # wikidata-source are facts about the row, not identifiers: not bundled.
    return rec_replace(rec, other_ids=tuple(other), entry_into_force=eif, url=url)


def read_tsv(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    """Non-comment, non-blank lines of a TSV, split into at least ``ncols`` cells."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < ncols or not all(cells[:ncols]):
            raise ValueError(f"{path.name}:{lineno}: need {ncols} tab-separated cells: {line!r}")
        rows.append((lineno, cells))
    return rows


# ------------------------------------------------------------------ hand-checked edits

OVERRIDE_FIELDS = {"title", "series", "number", "kind", "adopted", "place", "organisation",
                   "parent", "protocol_number", "wikidata", "entry_into_force", "url", "matchable",
                   "same_as"}


def apply_overrides(records: dict[str, Record], path: Path) -> list[str]:
    """``id  field  value  note`` lines.  ``field`` is a Record field, ``-alias`` (drop
    that alias) or ``+other_id``.  An unknown id with a ``title`` line creates a
    general-knowledge record.  ``same_as OTHER`` marks a duplicate: it becomes
    unmatchable and OTHER gets its id in ``other_ids``."""
    log = []
    pending_new: dict[str, dict[str, str]] = defaultdict(dict)
    edits = []
    for lineno, (rid, field, value, *note) in read_tsv(path, 3):
        rid = canonical_id(rid)
        if rid not in records:
            if field not in OVERRIDE_FIELDS:
                raise ValueError(f"{path.name}:{lineno}: {field} on unknown id {rid}")
            pending_new[rid][field] = value
            continue
        edits.append((lineno, rid, field, value))
    for rid, fields in pending_new.items():
        if "title" not in fields:
            raise ValueError(f"{path.name}: new record {rid} has no title")
        row = {"id": rid, **{("parent_id" if k == "parent" else k): v for k, v in fields.items()}}
        records[rid] = rec_replace(record_from_row(row), source=CITEX_GK)
        log.append(f"new {rid}")
    for lineno, rid, field, value in edits:
        rec = records[rid]
        if field == "-alias":
            if value not in rec.aliases:
                raise ValueError(f"{path.name}:{lineno}: {rid} has no alias {value!r}")
            rec = rec_replace(rec, aliases=tuple(a for a in rec.aliases if a != value),
                              source=add_citex_mark(rec.source, "-aliases"))
        elif field == "+other_id":
            rec = rec_replace(rec, other_ids=rec.other_ids + (value,),
                              source=add_citex_mark(rec.source, "other_ids"))
        elif field in OVERRIDE_FIELDS:
            if field in ("parent", "same_as"):
                value = canonical_id(value)
                if value not in records:
                    raise ValueError(f"{path.name}:{lineno}: unknown id {value}")
            if field == "same_as":
                rec = rec_replace(rec, matchable=False)
                other = records[value]
                if rid not in other.other_ids:
                    records[value] = rec_replace(other, other_ids=other.other_ids + (rid,),
                                                 source=add_citex_mark(other.source, "other_ids"))
            if field == "matchable":
                value = value.casefold() in ("1", "true", "yes")
            rec = rec_replace(rec, **{field: value})
            if field not in ("matchable", "same_as"):
                rec = rec_replace(rec, source=add_citex_mark(rec.source, field))
        else:
            raise ValueError(f"{path.name}:{lineno}: unknown field {field!r}")
        records[rid] = rec
        log.append(f"{rid} {field} {value}")
    return log


def apply_aliases(records: dict[str, Record], path: Path) -> int:
    """``id  alias  [note]`` lines: add the alias unless the record already has it
    (under ``normalize``)."""
    added = 0
    for lineno, (rid, alias, *_) in read_tsv(path, 2):
        rid = canonical_id(rid)
        if rid not in records:
            raise ValueError(f"{path.name}:{lineno}: unknown id {rid}")
        rec = records[rid]
        if normalize(alias) in {normalize(n) for n in rec.names}:
            continue
        records[rid] = rec_replace(rec, aliases=rec.aliases + (alias,),
                                   source=add_citex_mark(rec.source, "aliases"))
        added += 1
    return added


# ------------------------------------------------------------------ generic rules

# a title opening with the place where it was adopted ("Marrakesh Agreement establishing the World Trade
# Organization", "Vienna Convention on Diplomatic Relations"): news often drops the place
_PLACE_FIRST = re.compile(r"^(\S+) ((?:Agreement|Convention|Treaty|Charter|Covenant|Statute|Accord)\s+"
                          r"(?:on|for|establishing|relating|concerning|relative|against|between|of)\s.{12,})$", re.I)


def derive_placeless_aliases(records: dict[str, Record]) -> int:
    """The title without its leading place ("Agreement Establishing the World Trade Organization") as an
    alias, when that place is in the gazetteer and no other record has or would get that name."""
    from citex.places import Gazetteer
    gaz = Gazetteer.load()
    taken = {normalize(n) for r in records.values() if r.matchable for n in r.names}
    found: dict[str, list[tuple[str, str]]] = {}
    for rid, r in records.items():
        m = _PLACE_FIRST.match(r.title) if r.matchable else None
        if m and m[1][:1].isupper() and gaz.lookup(m[1]) is not None:
            found.setdefault(normalize(m[2]), []).append((rid, m[2]))
    added = 0
    for key, hits in found.items():
        if len(hits) == 1 and key not in taken:
            rid, alias = hits[0]
            rec = records[rid]
            records[rid] = rec_replace(rec, aliases=rec.aliases + (alias,), source=add_citex_mark(rec.source, "aliases"))
            added += 1
    return added

_BARE_TITLES = {normalize(t) for t in (
    "Protocol", "Protocol of Signature", "Final Protocol", "Additional Protocol", "Amendment",
    "Amendments", "Agreement", "Convention", "Treaty", "Final Act", "Procès-verbal")}


def flag_unmatchable(records: dict[str, Record]) -> list[str]:
    """Records whose title cannot identify them: a bare "Protocol"/"Protocol of
    Signature", or a sub-entry carrying its parent's title and date (MTDSG's lettered
    entries in the 2015 scrape, e.g. X-1-a "General Agreement on Tariffs and Trade")."""
    flagged = []
    for rid, r in records.items():
        if not r.matchable:
            continue
        key = normalize(r.title)
        parent = records.get(r.parent) if r.parent else None
        if key in _BARE_TITLES or (
                parent and key == normalize(parent.title) and r.adopted == parent.adopted):
            records[rid] = rec_replace(r, matchable=False)
            flagged.append(rid)
    return flagged


# ------------------------------------------------------------------ checks

def check(kb: KnowledgeBase) -> list[str]:
    """Problems worth a look: dangling parents, names shared by several records."""
    msgs = []
    for r in kb:
        if r.parent and r.parent not in kb:
            msgs.append(f"dangling parent: {r.id} -> {r.parent}")
        if r.same_as and r.same_as not in kb:
            msgs.append(f"dangling same_as: {r.id} -> {r.same_as}")
    shared: dict[str, list[str]] = defaultdict(list)
    for r in kb:
        if r.matchable:
            for k in {normalize(n) for n in r.names}:
                shared[k].append(r.id)
    for k, ids in sorted(shared.items()):
        if len(ids) > 1:
            msgs.append(f"name shared by {len(ids)} records: {k!r}: {', '.join(ids)}")
    return msgs


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(data: Path, out: Path, verbose: bool = True) -> KnowledgeBase:
    sources = Sources()
    records = read_treaties(data / "treaties.csv", sources)
    xref = read_xref(data / "xref.csv")
    for rid, pairs in xref.items():
        if rid not in records:
            raise ValueError(f"xref for unknown id {rid}")
        records[rid] = apply_xref(records[rid], pairs)
    override_log = apply_overrides(records, OVERRIDES_FILE)
    n_aliases = apply_aliases(records, ALIASES_FILE)
    n_aliases += derive_placeless_aliases(records)
    flagged = flag_unmatchable(records)
    src_map = dict(sources.full)
    src_map[CITEX_GK] = CITEX_GK_DESC
    src_map["citex"] = ("[+citex: fields] marks fields added or fixed in this repository from general "
                        "knowledge (scripts/kb_aliases.tsv, scripts/kb_overrides.tsv)")
    kb = KnowledgeBase(records.values(), sources=src_map)
    inputs = {p.name: sha256(p) for p in (data / "treaties.csv", data / "xref.csv",
                                          ALIASES_FILE, OVERRIDES_FILE)}
    out.parent.mkdir(parents=True, exist_ok=True)
    kb.dump(out, header={"inputs": inputs})
    if verbose:
        by_series = Counter((r.series or "GK") for r in kb)
        print(f"wrote {out} ({out.stat().st_size:,} bytes): {len(kb)} records "
              f"({', '.join(f'{k} {v}' for k, v in sorted(by_series.items()))})")
        print(f"  {sum(not r.matchable for r in kb)} not matchable by name "
              f"({sum(r.series == 'GPTAD' for r in kb)} GPTAD, {len(flagged)} untitled sub-entries, "
              f"{sum(r.same_as is not None for r in kb)} duplicates); "
              f"{n_aliases} aliases added; {len(override_log)} overrides applied; "
              f"{len(kb.acronyms())} acronyms")
    return kb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="directory with treaties.csv and xref.csv (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="also list shared names and dangling parents")
    args = ap.parse_args(argv)
    kb = build(args.data.resolve(), args.out)
    if args.check:
        for m in check(kb):
            print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
