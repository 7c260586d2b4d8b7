"""The ``citex`` command: ``extract`` (:mod:`citex.cli.extract`), ``evaluate``, ``kb``, ``report``.

Exit codes: 0 all documents processed, 1 some documents failed (their records say
why), 2 a usage problem (missing input, unwritable output) reported in one line.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Optional

from citex import __version__
from citex.batch.inputs import DEFAULT_GLOBS
from citex.batch.workers import DEFAULT_WATCHDOG
from citex.cli.options import PUBLISHED_FROM, published_ok
from citex.output.writers import FORMATS, LEVELS
from citex.text.read import DEFAULT_MAX_BYTES

# the commands whose own module parses their arguments: ``citex NAME …`` → ``citex.cli.NAME.main``
OWN_PARSERS = ("convert", "evaluate", "kb", "report")


def add_output_options(e: argparse.ArgumentParser) -> None:
    e.add_argument("-o", "--output", help="write here instead of standard output; the format follows the extension "
                                          "(.jsonl .json .csv .parquet; others: jsonl) unless --format says")
    e.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="jsonl (one document per line; the default), json, csv, parquet (rows; needs pyarrow) or "
                        "table (readable; the default on a terminal)")
    e.add_argument("--level", choices=LEVELS, default=None,
                   help="documents (JSON default) or one row per citation (CSV/Parquet default), mention, event, "
                        "date or place, in every format")
    e.add_argument("--spreadsheet", action="store_true",
                   help="CSV for spreadsheets: a byte order mark, cells starting with = + - @ neutralised")


def add_collection_options(e: argparse.ArgumentParser) -> None:
    e.add_argument("--text-field", help="collections: the field with the article's text (default: text, body, …)")
    e.add_argument("--id-field", help="collections: the field with the article's id (default: id; else NAME:N)")
    e.add_argument("--date-field", help="collections: the publication date field (default: published, date, …)")
    e.add_argument("--url-field", help="collections: the article's url field (default: url, link)")
    e.add_argument("--manifest", help="CSV/TSV of article files with their dates and urls (columns file, "
                                      "published, url; paths relative to it)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="citex", description="Find the treaties, conventions and protocols a text cites.")
    p.add_argument("--version", action="version", version=f"citex {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract citations from files, folders or standard input ('-')")
    e.add_argument("inputs", nargs="*", help="files, folders (recursive), collections (.jsonl .ndjson .csv .tsv "
                                             ".parquet: one article per record) or '-' for standard input")
    add_output_options(e)
    e.add_argument("--published", help="reference date (YYYY-MM-DD) for relative dates like 'last year'")
    e.add_argument("--published-from", choices=PUBLISHED_FROM, default="auto",
                   help="per-file reference date: 'sidecar' (FILE.meta.json {\"published\": …}), 'manifest' (a "
                        "MANIFEST.tsv or manifest.csv with columns file and date, in the file's folder or above), "
                        "'mtime' (the file's modification date), 'auto' (the default: a sidecar, else a manifest) "
                        "or 'none'; falls back to --published")
    e.add_argument("--kb", help="CSV of extra treaty records merged over the bundled knowledge base")
    e.add_argument("--scope", choices=("all", "international", "domestic"), default="all",
                   help="keep only international instruments (treaties, conventions …) or only domestic "
                        "ones (Acts, constitutions, codes, national laws); default: all")
    e.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    e.add_argument("--glob", action="append", help=f"file patterns in folders, space-separated "
                                                  f"(default: {' '.join(DEFAULT_GLOBS)})")
    e.add_argument("--no-default-excludes", action="store_true",
                   help="also read README*, SOURCE*, LICENSE* and the like found in folders")
    add_collection_options(e)
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="larger files give an error record")
    e.add_argument("--resume", action="store_true", help="skip documents already in the -o file")
    e.add_argument("--watchdog", type=float, default=DEFAULT_WATCHDOG, metavar="SECONDS",
                   help="a worker process that finishes no document for this long is stopped; its batch "
                        f"gets worker_died records and the run goes on (default {DEFAULT_WATCHDOG:g})")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    e.add_argument("--scheduler", help="run on a Dask cluster (tcp://host:8786); needs dask and distributed")
    e.add_argument("--ner", nargs="?", const="builtin", default=None, metavar="MODEL",
                   help="add the statistical NER stage: the bundled model, or a spaCy pipeline name or path "
                        "(slower; rule matches always win)")
    e.add_argument("--no-ner", dest="ner", action="store_const", const=None, help="no NER stage (the default)")
    sub.add_parser("convert", help="convert citex extract's JSON lines to CSV, Parquet, JSON… (see citex convert -h)",
                   add_help=False)
    sub.add_parser("evaluate", help="precision/recall on annotated cases (see citex evaluate -h)", add_help=False)
    sub.add_parser("kb", help="search or show the treaty knowledge base", add_help=False)
    sub.add_parser("report", help="HTML report of a batch run (see citex report -h)", add_help=False)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    """The ``citex`` command; returns the exit status.  A reader that stops early (``citex … | head``)
    ends the command quietly, with no traceback."""
    try:
        return _main(argv)
    except BrokenPipeError:
        try:  # standard output is gone: point it at /dev/null so the flush at exit cannot fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0


def _main(argv: Optional[list[str]] = None) -> int:
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
