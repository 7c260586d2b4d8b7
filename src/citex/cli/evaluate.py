"""``citex evaluate CASES.jsonl…``: score citex against annotated cases."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Optional

from citex.evaluate.score import CATEGORIES, CaseFileError, Extract, combine, format_report, load_cases, score


def _parse_targets(spec: str) -> dict[str, float]:
    targets: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        cat, sep, value = part.partition("=")
        cat = cat.strip()
        if not sep or cat not in CATEGORIES:
            raise argparse.ArgumentTypeError(
                f"bad target {part!r}: expected CATEGORY=F1 with CATEGORY in {', '.join(CATEGORIES)}")
        try:
            f = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"bad F1 value in {part!r}") from None
        if not 0.0 <= f <= 1.0:
            raise argparse.ArgumentTypeError(f"F1 target out of [0, 1] in {part!r}")
        targets[cat] = f
    return targets


def main(argv: list[str], extract: Optional[Extract] = None) -> int:
    """``citex evaluate CASES.jsonl [...] [--json] [--details] [--min-f1 instruments=0.9,...]``.

    Prints a report per file (and a combined one for several files).  Returns 0, or 1
    when an F1 target of ``--min-f1`` is missed (checked on the combined report), or 2
    on a usage or input error.
    """
    parser = argparse.ArgumentParser(prog="citex evaluate",
                                     description="Score citex against annotated cases (JSONL).")
    parser.add_argument("cases", nargs="+", help="JSONL case files")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--details", action="store_true", help="list every case's misses")
    parser.add_argument("--min-f1", type=_parse_targets, default={}, metavar="CAT=F1,...",
                        help="exit 1 unless F1 reaches these targets, e.g. instruments=0.9,dates=0.95")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)

    try:
        all_cases = [(str(p), load_cases(p)) for p in args.cases]
    except (OSError, CaseFileError) as exc:
        print(f"citex evaluate: {exc}", file=sys.stderr)
        return 2

    if extract is None:
        try:
            from citex import extract as default_extract  # lazy: heavy, and may not exist yet
        except ImportError as exc:
            print(f"citex evaluate: cannot import citex.extract: {exc}", file=sys.stderr)
            return 2
        extract = default_extract

    reports = [score(cases, extract, name=name) for name, cases in all_cases]
    final = reports[0] if len(reports) == 1 else combine(reports)

    if args.json:
        if len(reports) == 1:
            payload: Any = final.to_dict(details=args.details)
        else:
            payload = {"files": [r.to_dict(details=args.details) for r in reports],
                       "combined": final.to_dict(details=False)}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        blocks = [format_report(r, details=args.details) for r in reports]
        if len(reports) > 1:
            blocks.append(format_report(final))
        print("\n\n".join(blocks))

    missed = [f"{cat} F1 {final.category(cat).f1:.3f} < {target:.3f}"
              for cat, target in args.min_f1.items() if final.category(cat).f1 < target]
    for m in missed:
        print(f"citex evaluate: target missed: {m}", file=sys.stderr)
    return 1 if missed else 0
