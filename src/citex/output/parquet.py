"""Parquet output (``pip install 'citex-treaties[parquet]'``): the same flat rows as CSV (columns and
types from :data:`citex.output.rows.LEVELS`), written in batches; the file always has the schema."""
from __future__ import annotations

from typing import Iterable, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from citex.models import Result
from citex.output.rows import column_types, rows

TYPES = {"int": pa.int64(), "bool": pa.bool_(), "str": pa.string()}


def schema(level: str) -> pa.Schema:
    return pa.schema([(name, TYPES[t]) for name, t in column_types(level).items()])


class ParquetWriter:
    def __init__(self, path: str, level: Optional[str] = "citations", batch: int = 2000):
        self.level = level if level and level != "documents" else "citations"
        self.batch = batch
        self.schema = schema(self.level)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[dict] = []

    def write(self, result: Result, text=None, kb=None, published=None) -> None:
        self.write_rows(rows(result, self.level, text=text, kb=kb, published=published))

    def write_rows(self, rs: Iterable[dict]) -> None:
        self.buffer.extend(rs)
        if len(self.buffer) >= self.batch:
            self._flush()

    def write_line(self, line: str) -> None:  # pragma: no cover - the CLI sends Results for parquet
        raise TypeError("ParquetWriter takes Results")

    def _flush(self, force: bool = False) -> None:
        if self.buffer or force:
            cols = {name: [r.get(name) for r in self.buffer] for name in self.schema.names}
            self.writer.write_table(pa.table(cols, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        self._flush(force=True)
        self.writer.close()
