"""``citex evaluate CASES.jsonl…``: score citex against annotated cases."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional

from citex.batch.collections import CollectionError, read_manifest
from citex.evaluate.relations import RelationsFileError, attach_relations, has_relations, load_relations
from citex.models import ACTIONS as MODEL_ACTIONS
from citex.evaluate.score import CATEGORIES, STRICT, CaseFileError, Extract, Report, combine, format_report, load_cases, score

# the model's actions, and the gold's "deratification" for as long as the model lacks it
ACTIONS = tuple(dict.fromkeys((*MODEL_ACTIONS, "deratification")))
# F1 targets, plus the two accuracies of matched treaty actions
TARGETS = (*CATEGORIES, STRICT, "links", "actions", *(f"actions.{a}" for a in ACTIONS), "actions.party", "actions.date")


def _parse_targets(spec: str) -> dict[str, float]:
    targets: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        cat, sep, value = part.partition("=")
        cat = cat.strip()
        if not sep or cat not in TARGETS:
            raise argparse.ArgumentTypeError(
                f"bad target {part!r}: expected NAME=VALUE with NAME in {', '.join(TARGETS)}")
        try:
            f = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"bad value in {part!r}") from None
        if not 0.0 <= f <= 1.0:
            raise argparse.ArgumentTypeError(f"target out of [0, 1] in {part!r}")
        targets[cat] = f
    return targets


def target_value(report: Report, name: str) -> Optional[float]:
    """The figure a ``--min-f1`` target checks (None: nothing to score)."""
    if name in CATEGORIES or name == STRICT:
        return report.category(name).f1
    rel = report.relations
    if name == "links":
        return rel.links.f
    if name == "actions":
        return rel.actions.f
    if name in ("actions.party", "actions.date"):
        return (rel.party if name == "actions.party" else rel.date).accuracy
    counts = rel.by_action.get(name.split(".", 1)[1])
    return None if counts is None else counts.f


def _load(paths: list[str], relations: Optional[str]) -> list[tuple[str, list[dict]]]:
    """The cases of each file, with the relations gold attached by id where the records lack it:
    from ``relations`` when given, else from a ``relations.jsonl`` beside the file."""
    given = load_relations(relations) if relations else None
    out = []
    for p in paths:
        cases = load_cases(p)
        rel = given
        beside = Path(p).with_name("relations.jsonl")
        if rel is None and beside.exists() and Path(p).name != beside.name and not all(map(has_relations, cases)):
            rel = load_relations(beside)
        if rel:
            attach_relations(cases, rel)
        out.append((str(p), cases))
    return out


def date_cases(cases: list[dict], manifests: list[str]) -> int:
    """Give the cases without a ``published`` date the date of the article they were cut from, by
    their ``source`` path and the manifests' rows (matched on the manifest's folder name and the
    row's path: ``corpus/reuters21578/test/15424.txt`` ← ``reuters21578/MANIFEST.tsv`` row
    ``test/15424.txt``); returns how many were dated."""
    dates: dict[str, str] = {}
    for m in manifests:
        folder = Path(m).resolve().parent
        for src in read_manifest(m):
            if src.published and src.path:
                try:
                    rel = Path(src.path).resolve().relative_to(folder)
                except ValueError:   # an absolute path elsewhere: matched as written
                    rel = Path(src.path)
                dates[(Path(folder.name) / rel).as_posix()] = src.published
    n = 0
    for case in cases:
        source = str(case.get("source") or "")
        if case.get("published") or not source:
            continue
        parts = Path(source).parts
        for i in range(len(parts)):
            found = dates.get(Path(*parts[i:]).as_posix())
            if found:
                case["published"] = found
                n += 1
                break
    return n


def _print(reports: list[Report], final: Report, as_json: bool, details: bool) -> None:
    if as_json:
        if len(reports) == 1:
            payload: Any = final.to_dict(details=details)
        else:
            payload = {"files": [r.to_dict(details=details) for r in reports],
                       "combined": final.to_dict(details=False)}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        blocks = [format_report(r, details=details) for r in reports]
        if len(reports) > 1:
            blocks.append(format_report(final))
        print("\n\n".join(blocks))


def main(argv: list[str], extract: Optional[Extract] = None) -> int:
    """``citex evaluate CASES.jsonl [...] [--relations FILE] [--json] [--details] [--min-f1 actions=0.85,...]``.

    Prints a report per file (and a combined one for several files).  Returns 0, or 1
    when a target of ``--min-f1`` is missed or cannot be measured (checked on the combined
    report), or 2 on a usage or input error.
    """
    parser = argparse.ArgumentParser(prog="citex evaluate",
                                     description="Score citex against annotated cases (JSONL).")
    parser.add_argument("cases", nargs="+", help="JSONL case files")
    parser.add_argument("--relations", metavar="FILE",
                        help="links/events gold by case id (default: relations.jsonl beside each case file)")
    parser.add_argument("--manifest", action="append", default=[], metavar="FILE",
                        help="a corpus manifest (CSV/TSV with columns file and date): cases cut from its articles "
                             "(their 'source' path ends with the manifest's folder and file) and without a "
                             "'published' date take the article's date, as a batch run over the corpus would")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--details", action="store_true", help="list every case's misses")
    parser.add_argument("--min-f1", type=_parse_targets, default={}, metavar="NAME=VALUE,...",
                        help="exit 1 unless these targets are reached: F1 of instruments, instruments_strict, dates, places, links, "
                             "actions, actions.ACTION; accuracy of actions.party, actions.date "
                             "(e.g. actions=0.85,actions.party=0.95,actions.date=0.9)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)

    try:
        all_cases = _load(args.cases, args.relations)
    except (OSError, CaseFileError, RelationsFileError) as exc:
        print(f"citex evaluate: {exc}", file=sys.stderr)
        return 2

    try:
        for _, cases in all_cases:
            date_cases(cases, args.manifest)
    except (OSError, CollectionError) as exc:
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
    _print(reports, final, args.json, args.details)

    missed = []
    for name, target in args.min_f1.items():
        value = target_value(final, name)
        if value is None:
            missed.append(f"{name}: nothing to score (target {target:.3f})")
        elif value < target:
            missed.append(f"{name} {value:.3f} < {target:.3f}")
    for m in missed:
        print(f"citex evaluate: target missed: {m}", file=sys.stderr)
    return 1 if missed else 0
