"""Writers: results to JSON lines, one JSON array, or CSV (one row per citation, date, place or mention)."""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterable

from citex.models import Result

CSV_LEVELS = ("citations", "mentions", "events", "dates", "places")


def to_json_line(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def rows(result: Result, level: str = "citations") -> list[dict]:
    """Flat rows for CSV and DataFrames, each with ``doc_id`` and offsets."""
    d = result.doc_id
    err = result.error.type if result.error else ""
    out: list[dict] = []
    if level == "citations":
        for i, c in enumerate(result.citations):
            out.append({"doc_id": d, "index": i, "kind": c.kind, "title": c.title, "number": c.number,
                        "parent": c.parent, "id": c.id, "canonical_title": c.canonical_title,
                        "date": c.date.value if c.date else None, "place": c.place.name if c.place else None,
                        "start": c.start, "end": c.end, "text": c.text, "mentions": len(c.mentions),
                        "events": ";".join(sorted({e.action for e in c.events})), "error": err})
    elif level == "mentions":
        for i, c in enumerate(result.citations):
            for m in c.mentions:
                out.append({"doc_id": d, "citation": i, "id": c.id, "title": c.title,
                            "start": m.start, "end": m.end, "text": m.text})
    elif level == "events":
        for i, c in enumerate(result.citations):
            for e in c.events:
                out.append({"doc_id": d, "citation": i, "id": c.id, "title": c.title, "action": e.action,
                            "party": e.party, "date": e.date.value if e.date else None,
                            "place": e.place.name if e.place else None, "start": e.start, "end": e.end,
                            "text": e.text})
    elif level == "dates":
        for x in result.dates:
            out.append({"doc_id": d, "value": x.value, "relative": x.relative, "start": x.start, "end": x.end,
                        "text": x.text})
    elif level == "places":
        for x in result.places:
            out.append({"doc_id": d, "name": x.name, "country": x.country, "start": x.start, "end": x.end,
                        "text": x.text})
    else:
        raise ValueError(f"level must be one of {', '.join(CSV_LEVELS)}, not {level!r}")
    if not out and level == "citations" and result.error:
        out.append({"doc_id": d, "error": err})
    return out


class CsvWriter:
    def __init__(self, stream: IO[str], level: str = "citations"):
        self.stream, self.level = stream, level
        self.writer = None

    def write(self, result: Result) -> None:
        for row in rows(result, self.level):
            if self.writer is None:
                fields = list(rows_fields(self.level))
                self.writer = csv.DictWriter(self.stream, fieldnames=fields, extrasaction="ignore")
                self.writer.writeheader()
            self.writer.writerow(row)
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


def rows_fields(level: str) -> Iterable[str]:
    return {
        "citations": ["doc_id", "index", "kind", "title", "number", "parent", "id", "canonical_title", "date",
                      "place", "start", "end", "text", "mentions", "events", "error"],
        "mentions": ["doc_id", "citation", "id", "title", "start", "end", "text"],
        "events": ["doc_id", "citation", "id", "title", "action", "party", "date", "place", "start", "end", "text"],
        "dates": ["doc_id", "value", "relative", "start", "end", "text"],
        "places": ["doc_id", "name", "country", "start", "end", "text"],
    }[level]


class JsonLinesWriter:
    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, result: Result) -> None:
        self.write_line(to_json_line(result))

    def write_line(self, line: str) -> None:
        self.stream.write(line + "\n")   # a whole line at a time, flushed
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    def __init__(self, stream: IO[str]):
        self.stream, self.first = stream, True

    def write(self, result: Result) -> None:
        self.stream.write(("[\n" if self.first else ",\n") + to_json_line(result))
        self.first = False

    def close(self) -> None:
        self.stream.write("[]\n" if self.first else "\n]\n")
        self.stream.flush()


def make_writer(fmt: str, stream: IO[str], level: str = "citations"):
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, level)
    if fmt == "parquet":
        raise ValueError("parquet writes to a path: use citex.writers.parquet.ParquetWriter")
    raise ValueError(f"unknown format {fmt!r}")


def dumps_csv(results: Iterable[Result], level: str = "citations") -> str:
    buf = io.StringIO()
    w = CsvWriter(buf, level)
    for r in results:
        w.write(r)
    return buf.getvalue()
