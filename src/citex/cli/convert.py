"""``citex convert results.jsonl -o events.csv --level events``: the JSON lines of ``citex extract``
to another format or level (CSV, Parquet, JSON, JSON lines of rows, a table) without extracting
again.  The format follows ``-o``'s extension unless ``--format`` says; ``sentence`` stays empty
(the results do not carry their text)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

from citex.models import Result


def _parser() -> argparse.ArgumentParser:
    from citex.cli.main import add_output_options
    p = argparse.ArgumentParser(prog="citex convert", description="Convert citex extract's JSON lines to "
                                "CSV, Parquet, JSON or JSON lines, at any level.")
    p.add_argument("inputs", nargs="+", help="JSON lines files written by citex extract ('-': standard input)")
    add_output_options(p)
    return p


def _results(paths: list[str], bad: list[str]):
    for path in paths:
        f = sys.stdin if path == "-" else open(path, encoding="utf-8")
        with f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield Result.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError, AttributeError):
                    bad.append(f"{path}:{n}")


def main(argv: Optional[list[str]] = None) -> int:
    a = _parser().parse_args(argv)
    a.resume = False
    from citex.cli.inputs import settle_output
    problem = settle_output(a)
    missing = [i for i in a.inputs if i != "-" and not _is_file(i)]
    if problem or missing:
        print(f"citex: {problem or f'no such file: {missing[0]}'}", file=sys.stderr)
        return 2
    try:
        writer, stream = _open(a)
    except ImportError:
        print("citex: --format parquet needs pyarrow (pip install pyarrow)", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"citex: cannot write {a.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    bad: list[str] = []
    n = 0
    try:
        for r in _results(a.inputs, bad):
            writer.write(r)
            n += 1
        writer.close()
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    if bad:
        print(f"citex: {len(bad)} lines are not citex results (first: {bad[0]})", file=sys.stderr)
    if a.output:
        print(f"citex: {n} documents written to {a.output} ({a.format}, level {a.level})", file=sys.stderr)
    return 1 if bad else 0


def _is_file(path: str) -> bool:
    import os
    return os.path.isfile(path)


def _open(a):
    if a.format == "parquet":
        from citex.output.parquet import ParquetWriter
        return ParquetWriter(a.output, a.level), None
    from citex.output.writers import make_writer
    stream = open(a.output, "w", encoding="utf-8", newline="") if a.output else sys.stdout
    return make_writer(a.format, stream, a.level, safe=a.spreadsheet), stream
