"""Writers: results to JSON lines, one JSON array, CSV or a readable table on a terminal.

JSON outputs write one record per document (level ``documents``, their default) or, at a row level
(``citations``, ``mentions``, ``events``, ``dates``, ``places``: :mod:`citex.output.rows`), one
object per row; CSV and Parquet write rows (default ``citations``) and always their header.
Every writer takes a ``Result`` (``write``), rows made elsewhere (``write_rows``, e.g. by a worker
that had the text) or, for JSON lines of documents, a finished line (``write_line``).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Iterable, Optional

from citex.models import Result
from citex.output.rows import ROW_LEVELS, rows, rows_fields

DOCUMENTS = "documents"
CSV_LEVELS = ROW_LEVELS                      # the row levels (CSV, Parquet, DataFrames)
LEVELS = (DOCUMENTS,) + ROW_LEVELS           # every level of the JSON outputs
FORMATS = ("jsonl", "json", "csv", "parquet", "table")
# the format an output file's extension asks for (``-o x.csv`` → csv) unless --format says otherwise
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
              ".pq": "parquet"}
# cells a spreadsheet would read as a formula (OWASP "CSV injection"): neutralised with a leading '
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_for(path: Optional[str], fmt: Optional[str] = None, default: str = "jsonl") -> str:
    """``fmt`` when given, else the format of ``path``'s extension, else ``default``."""
    if fmt:
        return fmt
    if path:
        return EXTENSIONS.get(Path(path).suffix.lower(), default)
    return default


def default_level(fmt: str) -> str:
    return DOCUMENTS if fmt in ("jsonl", "json", "table") else "citations"


def to_json_line(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def csv_cell(value, safe: bool = False):
    """A CSV cell: line breaks become spaces; with ``safe``, text a spreadsheet would run as a
    formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    if "\n" in value or "\r" in value:
        value = " ".join(value.splitlines())
    if safe and value.startswith(FORMULA_START):
        value = "'" + value
    return value


class _Writer:
    level: str

    def __init__(self, stream: IO[str], level: Optional[str] = None):
        self.stream = stream
        self.level = level or DOCUMENTS

    def write(self, result: Result, text: Optional[str] = None, kb=None, published: Optional[str] = None) -> None:
        if self.level == DOCUMENTS:
            self.write_line(to_json_line(result))
        else:
            self.write_rows(rows(result, self.level, text=text, kb=kb, published=published))

    def write_line(self, line: str) -> None:  # pragma: no cover - overridden
        raise TypeError(f"{type(self).__name__} does not take document lines")

    def write_rows(self, rs: Iterable[dict]) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class JsonLinesWriter(_Writer):
    """One JSON object per line: a document record, or a row at a row level."""

    def write_line(self, line: str) -> None:
        self.stream.write(line + "\n")   # a whole line at a time, flushed
        self.stream.flush()

    def write_rows(self, rs: Iterable[dict]) -> None:
        for r in rs:
            self.stream.write(json.dumps(r, ensure_ascii=False) + "\n")
        self.stream.flush()


class JsonArrayWriter(_Writer):
    def __init__(self, stream: IO[str], level: Optional[str] = None):
        super().__init__(stream, level)
        self.first = True

    def write_line(self, line: str) -> None:
        self.stream.write(("[\n" if self.first else ",\n") + line)
        self.first = False

    def write_rows(self, rs: Iterable[dict]) -> None:
        for r in rs:
            self.write_line(json.dumps(r, ensure_ascii=False))

    def close(self) -> None:
        self.stream.write("[]\n" if self.first else "\n]\n")
        self.stream.flush()


class CsvWriter(_Writer):
    """Rows with their header, written at once (an empty run gives the header alone).  ``safe``: a
    spreadsheet-safe file (a UTF-8 byte order mark for Excel, formula-like cells neutralised)."""

    def __init__(self, stream: IO[str], level: Optional[str] = "citations", safe: bool = False):
        super().__init__(stream, level if level and level != DOCUMENTS else "citations")
        self.safe = safe
        if safe:
            stream.write("\ufeff")
        self.writer = csv.DictWriter(stream, fieldnames=list(rows_fields(self.level)), extrasaction="ignore")
        self.writer.writeheader()
        stream.flush()

    def write_rows(self, rs: Iterable[dict]) -> None:
        for r in rs:
            self.writer.writerow({k: csv_cell(v, self.safe) for k, v in r.items()})
        self.stream.flush()


def make_writer(fmt: str, stream: IO[str], level: Optional[str] = None, safe: bool = False):
    if fmt == "jsonl":
        return JsonLinesWriter(stream, level)
    if fmt == "json":
        return JsonArrayWriter(stream, level)
    if fmt == "csv":
        return CsvWriter(stream, level, safe=safe)
    if fmt == "table":
        from citex.output.table import TableWriter
        return TableWriter(stream, level)
    if fmt == "parquet":
        raise ValueError("parquet writes to a path: use citex.output.parquet.ParquetWriter")
    raise ValueError(f"unknown format {fmt!r}")


def dumps_csv(results: Iterable[Result], level: str = "citations", safe: bool = False) -> str:
    buf = io.StringIO()
    w = CsvWriter(buf, level, safe=safe)
    for r in results:
        w.write(r)
    return buf.getvalue()
