"""Results as pandas DataFrames (``pip install "citex-treaties[pandas]"``).

    >>> df = citex.to_dataframe(results, level="events")
    >>> df.groupby(["id", "action"]).size()

The rows are those of the CSV writer (:func:`citex.output.rows.rows`): one per citation,
mention, event, date or place, each with ``doc_id`` and offsets, and with ``id``
(the knowledge-base id) wherever there is one, so tables join on ``doc_id`` and ``id``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Union

from citex.models import Result
from citex.output.rows import ROW_LEVELS, column_types, rows, rows_fields


def as_results(results) -> list[Result]:
    """One ``Result``, one result dict (a parsed JSON line), a JSON lines file path, or an iterable of
    ``Result``\\ s and dicts → a list of ``Result``."""
    if isinstance(results, (str, os.PathLike)):
        with open(Path(results), encoding="utf-8") as f:
            return [Result.from_dict(json.loads(line)) for line in f if line.strip()]
    if isinstance(results, (Result, dict)):
        results = [results]
    out = []
    for r in results:
        if isinstance(r, dict):
            r = Result.from_dict(r)
        if not isinstance(r, Result):
            raise TypeError(f"expected a citex Result or a result dict, not {type(r).__name__}")
        out.append(r)
    return out


def to_dataframe(results: Union[Result, dict, Iterable], level: str = "citations"):
    """A DataFrame with one row per item at ``level`` (``citations``, ``mentions``, ``events``,
    ``actions`` — one per treaty action of a document, restatements merged —, ``dates`` or ``places``) of every result; columns as in ``citex extract --format csv --level …``."""
    if level not in ROW_LEVELS:
        raise ValueError(f"level must be one of {', '.join(ROW_LEVELS)}, not {level!r}")
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover
        raise ImportError('citex.to_dataframe needs pandas: pip install pandas') from exc
    from citex.output.render import text_of  # results of citex.extract remember their text: sentences
    data = [row for r in as_results(results) for row in rows(r, level, text=text_of(r))]
    df = pd.DataFrame(data, columns=list(rows_fields(level)))
    for col, typ in column_types(level).items():
        if typ == "int":  # integers that may be empty: nullable Int64 instead of float with NaN
            df[col] = df[col].astype("Int64")
    return df
