"""Collections of articles as scrapers and datasets deliver them, and manifests of files.

* A **collection** is one file of many articles: JSON lines (``.jsonl``, ``.ndjson``), CSV
  (``.csv``, ``.tsv``) or Parquet (``.parquet``), one article per record.  The fields are found by
  name (``--text-field``, ``--id-field``, ``--date-field``, ``--url-field``), by default the first
  of :data:`DEFAULTS` present.  Each record becomes a :class:`Source`: ``doc_id`` from the id field
  (else ``NAME:N``, the record's line or row number from 1), the text, and the record's date and
  url, which every output keeps (the result's ``meta``, the rows' ``published`` and ``doc_url``).
* A **manifest** (``--manifest FILE``, CSV or TSV) lists article files with their dates and urls
  (columns ``file``, ``published``, ``url``, optionally ``id``), instead of one sidecar per file;
  relative paths are relative to the manifest's folder.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any, Iterator, Optional

import attrs

COLLECTION_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")
DEFAULTS = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "id": ("id", "doc_id", "uuid", "guid"),
    "date": ("published", "date", "published_at", "publish_date", "date_publish", "pubdate", "datetime"),
    "url": ("url", "link", "source_url"),
    "file": ("file", "path", "filename"),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class CollectionError(ValueError):
    """A collection or manifest that cannot be used at all (unreadable, no text column): a usage error."""


@attrs.frozen
class Fields:
    """Field names chosen on the command line; ``None``: the first of :data:`DEFAULTS` present."""

    text: Optional[str] = None
    id: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None


@attrs.frozen
class Source:
    """One document of a collection or manifest: its text (a collection) or path (a manifest)."""

    doc_id: str
    text: Optional[str] = None
    path: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    error: Optional[tuple[str, str]] = None   # (type, message): a record that could not be read

    @property
    def meta(self) -> tuple:
        return tuple((k, v) for k, v in (("published", self.published), ("url", self.url)) if v)


def is_collection(path: str) -> bool:
    p = Path(path)
    return p.suffix.lower() in COLLECTION_SUFFIXES and p.is_file()


def day(value: Any) -> Optional[str]:
    """A record's date as ``YYYY-MM-DD``: ISO strings with a time, ``date``/``datetime`` values,
    pandas timestamps, and a full date the date grammar reads at the start of the value ("8-APR-1987
    00:38:26.78", "Mon, 04 Jan 2019 10:00 GMT", "April 8, 1987"); anything else is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)) or hasattr(value, "isoformat"):
        value = value.isoformat()
    text = str(value).strip()[:64]
    m = _ISO_DAY.match(text)
    if m:
        return m[0]
    from citex.grammar.dates import find_absolute
    first = next(iter(find_absolute(text)), None)
    # a whole day near the start (after a weekday at most), never a year or month alone
    return first.value if first and first.start <= 5 and len(first.value or "") == 10 else None


def _pick(kind: str, chosen: Optional[str], available, where: str, required: bool = False) -> Optional[str]:
    if chosen:
        if chosen not in available:
            raise CollectionError(f"{where}: no field {chosen!r} (fields: {', '.join(map(str, available))})")
        return chosen
    found = next((f for f in DEFAULTS[kind] if f in available), None)
    if found is None and required:
        hint = (f"a column named {' or '.join(DEFAULTS[kind][:3])}" if kind == "file"
                else f"say which with --{kind}-field" + ("; a list of files? use --manifest" if kind == "text" else ""))
        raise CollectionError(f"{where}: no {kind} field among {', '.join(map(str, available)) or 'none'} ({hint})")
    return found


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _source(rec: dict, n: int, name: str, f: dict) -> Source:
    doc_id = rec.get(f["id"]) if f["id"] else None
    doc_id = f"{name}:{n}" if doc_id in (None, "") else str(doc_id)
    return Source(doc_id=doc_id, text=_text(rec.get(f["text"])), published=day(rec.get(f["date"])) if f["date"] else None,
                  url=(_text(rec.get(f["url"])) or None) if f["url"] else None)


def _fields(fields: Fields, available, where: str) -> dict:
    return {"text": _pick("text", fields.text, available, where, required=True),
            "id": _pick("id", fields.id, available, where), "date": _pick("date", fields.date, available, where),
            "url": _pick("url", fields.url, available, where)}


def read_collection(path: str, fields: Fields = Fields(), name: Optional[str] = None) -> Iterator[Source]:
    """The records of a collection file as :class:`Source`\\ s, in file order.  ``name`` (default: the
    file's name) prefixes the numbered ids of records without an id.  Raises
    :class:`CollectionError` when the file cannot be used at all; a bad line of JSON lines gives a
    source with ``error``."""
    p = Path(path)
    name = name or p.name
    try:
        if p.suffix.lower() == ".parquet":
            yield from _parquet(p, fields, name)
        elif p.suffix.lower() in (".csv", ".tsv"):
            yield from _csv(p, fields, name)
        else:
            yield from _jsonl(p, fields, name)
    except OSError as exc:
        raise CollectionError(f"cannot read {path}: {exc.strerror or exc}") from None


def _jsonl(p: Path, fields: Fields, name: str) -> Iterator[Source]:
    f = None
    with open(p, encoding="utf-8-sig", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield Source(doc_id=f"{name}:{n}", error=("bad_record", f"line {n} of {name}: {exc}"[:300]))
                continue
            if f is None:
                f = _fields(fields, list(rec), f"{name} (line {n})")
            yield _source(rec, n, name, f)


def _csv(p: Path, fields: Fields, name: str) -> Iterator[Source]:
    csv.field_size_limit(1 << 30)
    with open(p, encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t" if p.suffix.lower() == ".tsv" else ",")
        f = _fields(fields, reader.fieldnames or [], name)
        for n, rec in enumerate(reader, 1):
            yield _source(rec, n, name, f)


def _parquet(p: Path, fields: Fields, name: str) -> Iterator[Source]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CollectionError(f"{name}: reading Parquet needs pyarrow (pip install pyarrow)") from None
    try:
        pf = pq.ParquetFile(p)
    except Exception as exc:  # pyarrow raises its own types for a file that is not Parquet
        raise CollectionError(f"{name}: not a Parquet file ({exc})") from None
    f = _fields(fields, pf.schema_arrow.names, name)
    cols = [c for c in dict.fromkeys(f.values()) if c]
    n = 0
    for batch in pf.iter_batches(columns=cols, batch_size=1000):
        for rec in batch.to_pylist():
            n += 1
            yield _source(rec, n, name, f)


def read_manifest(path: str) -> Iterator[Source]:
    """The files a manifest lists (paths relative to its folder), with their dates and urls."""
    p = Path(path)
    try:
        with open(p, encoding="utf-8-sig", errors="replace", newline="") as fh:
            sample = fh.read(4096)
            fh.seek(0)
            delim = "\t" if p.suffix.lower() == ".tsv" or sample.count("\t") > sample.count(",") else ","
            reader = csv.DictReader(fh, delimiter=delim)
            cols = reader.fieldnames or []
            fcol = _pick("file", None, cols, f"manifest {p.name}", required=True)
            dcol, ucol, icol = (_pick(k, None, cols, p.name) for k in ("date", "url", "id"))
            for rec in reader:
                rel = (rec.get(fcol) or "").strip()
                if not rel:
                    continue
                file = Path(rel) if Path(rel).is_absolute() else p.parent / rel
                yield Source(doc_id=(rec.get(icol) or "").strip() or rel if icol else rel, path=str(file),
                             published=day(rec.get(dcol)) if dcol else None,
                             url=(rec.get(ucol) or "").strip() or None if ucol else None)
    except OSError as exc:
        raise CollectionError(f"cannot read manifest {path}: {exc.strerror or exc}") from None
