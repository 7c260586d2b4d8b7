"""Parquet output (``pip install 'citex[parquet]'``): the same flat rows as CSV, written in batches."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from citex.models import Result
from citex.output.writers import rows, rows_fields

INT_FIELDS = {"index", "number", "parent", "start", "end", "mentions", "citation"}
BOOL_FIELDS = {"relative"}


def schema(level: str) -> pa.Schema:
    def typ(name):
        return pa.int64() if name in INT_FIELDS else pa.bool_() if name in BOOL_FIELDS else pa.string()
    return pa.schema([(name, typ(name)) for name in rows_fields(level)])


class ParquetWriter:
    def __init__(self, path: str, level: str = "citations", batch: int = 2000):
        self.level, self.batch = level, batch
        self.schema = schema(level)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[dict] = []

    def write(self, result: Result) -> None:
        self.buffer.extend(rows(result, self.level))
        if len(self.buffer) >= self.batch:
            self._flush()

    def write_line(self, line: str) -> None:  # pragma: no cover - the CLI sends Results for parquet
        raise TypeError("ParquetWriter takes Results")

    def _flush(self) -> None:
        if self.buffer:
            cols = {name: [r.get(name) for r in self.buffer] for name in self.schema.names}
            self.writer.write_table(pa.table(cols, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
