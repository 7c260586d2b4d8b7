"""The ``citex`` command: ``extract`` (:mod:`citex.cli.extract`), ``evaluate``, ``kb``, ``report``.

Exit codes: 0 all documents processed, 1 some documents failed (their records say
why), 2 a usage problem (missing input, unwritable output) reported in one line.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional

from citex import __version__
from citex.batch.inputs import DEFAULT_GLOBS
from citex.batch.workers import DEFAULT_WATCHDOG
from citex.cli.options import published_ok
from citex.output.writers import CSV_LEVELS
from citex.text.read import DEFAULT_MAX_BYTES

# the commands whose own module parses their arguments: ``citex NAME …`` → ``citex.cli.NAME.main``
OWN_PARSERS = ("evaluate", "kb", "report")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="citex", description="Find the treaties, conventions and protocols a text cites.")
    p.add_argument("--version", action="version", version=f"citex {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract citations from files, folders or standard input ('-')")
    e.add_argument("inputs", nargs="+", help="files, folders (recursive) or '-' for standard input")
    e.add_argument("-o", "--output", help="write here instead of standard output")
    e.add_argument("-f", "--format", choices=("jsonl", "json", "csv", "parquet"), default="jsonl",
                   help="jsonl (default: one document per line), json, csv or parquet (rows; needs pyarrow)")
    e.add_argument("--level", choices=CSV_LEVELS, default="citations", help="rows of the CSV/Parquet output")
    e.add_argument("--published", help="reference date (YYYY-MM-DD) for relative dates like 'last year'")
    e.add_argument("--published-from", choices=("sidecar", "mtime"),
                   help="per-file reference date: FILE.meta.json {\"published\": …} or the file's mtime "
                        "(falls back to --published)")
    e.add_argument("--kb", help="CSV of extra treaty records merged over the bundled knowledge base")
    e.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    e.add_argument("--glob", action="append", help=f"file patterns in folders (default: {' '.join(DEFAULT_GLOBS)})")
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="larger files give an error record")
    e.add_argument("--resume", action="store_true", help="skip documents already in the -o file")
    e.add_argument("--watchdog", type=float, default=DEFAULT_WATCHDOG, metavar="SECONDS",
                   help="a worker process that finishes no document for this long is stopped; its batch "
                        f"gets worker_died records and the run goes on (default {DEFAULT_WATCHDOG:g})")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    e.add_argument("--scheduler", help="run on a Dask cluster (tcp://host:8786); needs citex[dask]")
    e.add_argument("--ner", nargs="?", const="builtin", default=None, metavar="MODEL",
                   help="add the statistical NER stage: the bundled model, or a spaCy pipeline name or path "
                        "(slower; rule matches always win)")
    e.add_argument("--no-ner", dest="ner", action="store_const", const=None, help="no NER stage (the default)")
    sub.add_parser("evaluate", help="precision/recall on annotated cases (see citex evaluate -h)", add_help=False)
    sub.add_parser("kb", help="search or show the treaty knowledge base", add_help=False)
    sub.add_parser("report", help="HTML report of a batch run (see citex report -h)", add_help=False)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in OWN_PARSERS:
        return importlib.import_module(f"citex.cli.{argv[0]}").main(argv[1:])
    a = build_parser().parse_args(argv)
    from citex.cli.extract import cmd_extract
    if not published_ok(a.published):
        return 2
    try:
        return cmd_extract(a)
    except KeyboardInterrupt:  # before the run started (listing, loading)
        print("citex: interrupted", file=sys.stderr)
        return 130
