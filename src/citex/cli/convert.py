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
    from citex.cli.outfile import open_writer_or_say
    opened = open_writer_or_say(a)
    if opened is None:
        return 2
    writer, stream = opened
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


