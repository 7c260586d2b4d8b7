"""``citex report DIR|results.jsonl -o report.html``: a self-contained HTML report of a batch run."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from citex.cli.options import PUBLISHED_FROM, published_ok
from citex.output.report import build, collect


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="citex report", description="A self-contained HTML report of a batch run.")
    p.add_argument("inputs", nargs="+", help="folders or files of articles to extract, or results .jsonl files")
    p.add_argument("-o", "--output", help="the HTML file to write (default: standard output)")
    p.add_argument("--published", help="publication date (YYYY-MM-DD): relative dates, and undated actions "
                                       "on the timeline")
    p.add_argument("--published-from", choices=PUBLISHED_FROM, default="auto",
                   help="per-file reference date: 'sidecar' (FILE.meta.json {\"published\": …}), 'manifest' (a "
                        "MANIFEST.tsv or manifest.csv with columns file and date, in the file's folder or above), "
                        "'mtime' (the file's modification date), 'auto' (the default: a sidecar, else a manifest) "
                        "or 'none'; falls back to --published")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for extraction")
    p.add_argument("--kb", help="CSV of extra treaty records merged over the bundled knowledge base")
    p.add_argument("--title", default="citex report")
    a = p.parse_args(argv)
    missing = [i for i in a.inputs if not Path(i).exists()]
    if missing:
        print(f"citex: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    if not published_ok(a.published):
        return 2
    from citex.cli.inputs import check_resources
    problem = check_resources(a.kb, None)
    if problem:  # a usage error before any work
        print(f"citex: {problem}", file=sys.stderr)
        return 2
    problems: list[str] = []
    try:
        results = collect(a.inputs, a.published, a.kb, a.published_from, a.jobs, problems)
    except OSError as exc:
        print(f"citex: cannot read results: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for line in problems:  # one line per bad record; the others are in the report
        print(f"citex: skipped {line}", file=sys.stderr)
    html = build(results, a.title, a.published)
    if not a.output:
        sys.stdout.write(html)
        return 1 if problems else 0
    try:
        Path(a.output).write_text(html, encoding="utf-8")
    except OSError as exc:
        print(f"citex: cannot write {a.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"citex: report of {len(results)} documents written to {a.output}"
          + (f" ({len(problems)} bad records skipped)" if problems else ""), file=sys.stderr)
    return 1 if problems else 0
