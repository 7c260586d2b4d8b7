"""Score an extraction function against hand-annotated cases.

A case is one JSON object per line (see the development set's README)::

    {"id": "...", "text": "...",
     "instruments": [{"surface": "...", "kind": "...", "number": 15, "parent": "...",
                      "date": "1987-11-26", "place": "Strasbourg", "aliases": ["..."]}],
     "dates": [{"surface": "26 November 1987", "value": "1987-11-26"}],
     "places": [{"surface": "Strasbourg"}]}

Gold items carry no offsets: a gold item is located at *every* occurrence of its
surface in ``text``.  The scoring rules (see :func:`score`):

* **instruments** - a predicted citation matches a gold instrument when one of its
  spans (every mention plus its own ``start``/``end``) overlaps an occurrence of the
  gold ``surface`` *or of one of its* ``aliases`` and ``citation.number ==
  gold["number"]`` (``None == None`` agrees).  An alias names the same instrument, so
  a prediction found only on an alias both counts for recall and is no false
  positive.  Predictions are taken in order of their first span; each takes the best
  overlapping (Jaccard of spans) gold instrument not yet matched; when every
  compatible gold instrument is already matched, the prediction is a *duplicate*
  (neither TP nor FP).  A predicted citation that another predicted citation names
  as its ``parent`` and all of whose spans lie strictly inside that child's spans is
  not scored at all (the gold lists an instrument named only inside another's title
  under ``parent`` only).
* **dates** - predictions with ``relative=True`` are ignored; the others are grouped by
  ``(text, value)``; a group is a TP when one of its spans overlaps an occurrence of a
  gold date surface with the same ``value``.
* **places** - predictions are grouped by their surface text (case-sensitive); a group
  is a TP when one of its spans overlaps an occurrence of a gold place surface.
* Every gold item can be matched once; recall is matched gold / all gold, precision
  TP / (TP + FP).  With no prediction precision is 1, with no gold recall is 1.
* **attributes** are compared over matched instrument pairs: ``date`` (value),
  ``place`` (``place.text`` or ``place.name``), ``parent`` (see :func:`_parent_ok`).
"""
from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from citex.evaluate.counts import AttrCounts, Counts, fmt_rate
from citex.evaluate.relations import (InstrumentMatch, RelationCase, RelationCounts, format_relation_details,
                                      format_relations, has_relations, score_relations)
from citex.evaluate.jsonl import json_records
from citex.models import Citation, Result

CATEGORIES = ("instruments", "dates", "places")
STRICT = "instruments_strict"  # instruments, a match counting only when a span equals the gold name
ATTRIBUTES = ("date", "place", "parent")

Span = tuple[int, int]
Extract = Callable[[str], Result]


# --------------------------------------------------------------------------- loading

class CaseFileError(ValueError):
    """A cases file that cannot be read: names the file and the line."""


def load_cases(path) -> list[dict]:
    """Read a JSONL file of cases; blank lines are skipped.

    Raises :class:`CaseFileError` (a ``ValueError``) naming the line of bad JSON or of
    a record that is not an object with a ``text`` string.
    """
    path = Path(path)
    cases: list[dict] = []
    for lineno, record in json_records(path, CaseFileError):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise CaseFileError(f"{path}:{lineno}: a case must be a JSON object with a 'text' string")
        record.setdefault("id", f"{path.name}:{lineno}")
        cases.append(record)
    return cases


# --------------------------------------------------------------------------- counts

def _new_counts() -> dict[str, Counts]:
    return {c: Counts() for c in (*CATEGORIES, STRICT)}


def _new_attrs() -> dict[str, AttrCounts]:
    return {a: AttrCounts() for a in ATTRIBUTES}


@dataclass
class CaseResult:
    """Scores and misses of one case.

    ``false_positives`` / ``duplicates``: ``{"category", "text", "start", "note"?}``;
    ``false_negatives``: ``{"category", "surface", "value"?}``;
    ``wrong_attributes``: ``{"surface", "attribute", "gold", "predicted"}``.
    """

    id: str
    counts: dict[str, Counts] = field(default_factory=_new_counts)
    attributes: dict[str, AttrCounts] = field(default_factory=_new_attrs)
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    wrong_attributes: list[dict] = field(default_factory=list)
    boundaries: list[dict] = field(default_factory=list)  # matched instruments whose name ends elsewhere
    warnings: list[str] = field(default_factory=list)
    relations: Optional[RelationCase] = None  # links and treaty actions, when the case has that gold

    @property
    def has_issues(self) -> bool:
        return bool(self.false_positives or self.false_negatives or self.duplicates
                    or self.wrong_attributes or self.boundaries or self.warnings
                    or (self.relations is not None and self.relations.has_issues))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id,
                "counts": {k: v.to_dict() for k, v in self.counts.items()},
                "false_positives": self.false_positives, "false_negatives": self.false_negatives,
                "duplicates": self.duplicates, "wrong_attributes": self.wrong_attributes,
                "boundaries": self.boundaries, "warnings": self.warnings,
                "relations": None if self.relations is None else self.relations.to_dict()}


@dataclass
class Report:
    """Totals over a set of cases, with every case's result in ``cases``."""

    name: str = ""
    instruments: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    places: Counts = field(default_factory=Counts)
    instruments_strict: Counts = field(default_factory=Counts)
    attributes: dict[str, AttrCounts] = field(default_factory=_new_attrs)
    relations: RelationCounts = field(default_factory=RelationCounts)
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def n_cases(self) -> int:
        return len(self.cases)

    def category(self, name: str) -> Counts:
        if name not in CATEGORIES and name != STRICT:
            raise KeyError(name)
        return getattr(self, name)

    def add_case(self, case: CaseResult) -> None:
        for cat in (*CATEGORIES, STRICT):
            self.category(cat).add(case.counts[cat])
        for attr in ATTRIBUTES:
            self.attributes[attr].add(case.attributes[attr])
        if case.relations is not None:
            self.relations.add(case.relations.counts)
        self.cases.append(case)

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "n_cases": self.n_cases}
        for cat in (*CATEGORIES, STRICT):
            d[cat] = self.category(cat).to_dict()
        d["attributes"] = {k: v.to_dict() for k, v in self.attributes.items()}
        d.update(self.relations.to_dict())
        if details:
            d["case_results"] = [c.to_dict() for c in self.cases]
        return d


def combine(reports: Iterable[Report], name: str = "combined") -> Report:
    """One report over the cases of several."""
    total = Report(name=name)
    for report in reports:
        for case in report.cases:
            total.add_case(case)
    return total


# --------------------------------------------------------------------------- spans

def _occurrences(text: str, surface: Optional[str]) -> list[Span]:
    """Every (possibly overlapping) occurrence of ``surface`` in ``text``."""
    out: list[Span] = []
    if not surface:
        return out
    i = text.find(surface)
    while i != -1:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _jaccard(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _citation_spans(c: Citation) -> list[Span]:
    spans = [(m.start, m.end) for m in c.mentions]
    if (c.start, c.end) not in spans:
        spans.append((c.start, c.end))
    return spans


def _norm(s: Optional[str]) -> str:
    return " ".join((s or "").split()).casefold()


def _greedy(pred_spans: Sequence[list[Span]], gold_occs: Sequence[list[Span]],
            compatible: Callable[[int, int], bool]):
    """Greedy one-to-one matching in order of the predictions' first span.

    Returns ``(assign, duplicates, unmatched, clashes)``: ``assign`` maps a prediction to
    its gold item; ``duplicates`` are predictions whose every compatible overlapping gold
    item was already taken; ``unmatched`` overlap no compatible gold item; ``clashes``
    maps an unmatched prediction to an incompatible gold item it overlaps (for notes).
    """
    order = sorted(range(len(pred_spans)), key=lambda p: (min((s[0] for s in pred_spans[p]), default=0), p))
    assign: dict[int, int] = {}
    taken: set[int] = set()
    duplicates: dict[int, int] = {}  # prediction -> the best compatible gold item it duplicates
    unmatched: list[int] = []
    clashes: dict[int, int] = {}
    for p in order:
        cands: list[tuple[float, int]] = []
        for g, occs in enumerate(gold_occs):
            q = max((_jaccard(s, o) for s in pred_spans[p] for o in occs if _overlap(s, o)), default=0.0)
            if q <= 0:
                continue
            if compatible(p, g):
                cands.append((q, g))
            else:
                clashes.setdefault(p, g)
        free = [c for c in cands if c[1] not in taken]
        if free:
            g = max(free, key=lambda c: (c[0], -c[1]))[1]
            assign[p] = g
            taken.add(g)
        elif cands:
            duplicates[p] = max(cands, key=lambda c: (c[0], -c[1]))[1]
        else:
            unmatched.append(p)
    return assign, duplicates, unmatched, clashes


# --------------------------------------------------------------------------- scoring

def _gold_occurrences(text: str, item: dict, case: CaseResult, category: str, aliases: bool = False) -> list[Span]:
    occs = _occurrences(text, item.get("surface"))
    if not occs:
        case.warnings.append(f"{category}: gold surface {item.get('surface')!r} not found in text")
    if aliases:
        for alias in item.get("aliases") or ():
            a_occs = _occurrences(text, alias)
            if not a_occs:
                case.warnings.append(f"{category}: gold alias {alias!r} not found in text")
            occs.extend(o for o in a_occs if o not in occs)
    return occs


def _nested_parents(preds: Sequence[Citation], spans: Sequence[list[Span]]) -> set[int]:
    """Predicted citations named only inside the spans of the citations that name them as parent."""
    children: dict[int, list[int]] = {}
    for j, c in enumerate(preds):
        if c.parent is not None and 0 <= c.parent < len(preds) and c.parent != j:
            children.setdefault(c.parent, []).append(j)
    excluded = set()
    for i, kids in children.items():
        kid_spans = [k for kid in kids for k in spans[kid]]
        if all(any(k[0] <= s[0] and s[1] <= k[1] and k != s for k in kid_spans) for s in spans[i]):
            excluded.add(i)
    return excluded


def _parent_ok(text: str, gold_parent: Optional[str], preds: Sequence[Citation], pred: Citation) -> bool:
    """Parent agreement: both null, or the predicted parent names the gold parent.

    The predicted parent citation's title or any mention text, whitespace-normalised and
    case-folded, equals the gold parent or one contains the other; or one of its spans
    overlaps an occurrence of the gold parent in the text (whitespace-flexible).
    """
    if not gold_parent:
        return pred.parent is None
    if pred.parent is None or not (0 <= pred.parent < len(preds)):
        return False
    parent = preds[pred.parent]
    gold = _norm(gold_parent)
    for name in [parent.title, parent.text, *(m.text for m in parent.mentions)]:
        n = _norm(name)
        if n and (n == gold or n in gold or gold in n):
            return True
    pattern = r"\s+".join(re.escape(w) for w in gold_parent.split())
    occs = [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return any(_overlap(s, o) for s in _citation_spans(parent) for o in occs)


def _place_value(place) -> Optional[str]:
    return None if place is None else place.text


def _check_offsets(text: str, result: Result, case: CaseResult) -> None:
    objs: list[Any] = [*result.dates, *result.places]
    for c in result.citations:
        objs.append(c)
        objs.extend(c.mentions)
        for extra in (c.date, c.place):
            if extra is not None:
                objs.append(extra)
    bad = [o for o in objs if text[o.start:o.end] != o.text]
    if bad:
        o = bad[0]
        case.warnings.append(f"{len(bad)} span(s) with text != source[start:end], e.g. "
                             f"{o.text!r} at {o.start}:{o.end} vs {text[o.start:o.end]!r}")


def _score_instruments(text: str, gold: list[dict], result: Result, case: CaseResult) -> InstrumentMatch:
    counts = case.counts["instruments"]
    preds = list(result.citations)
    spans = [_citation_spans(c) for c in preds]
    excluded = _nested_parents(preds, spans)
    counts.ignored += len(excluded)
    scored = [i for i in range(len(preds)) if i not in excluded]
    gold_occs = [_gold_occurrences(text, g, case, "instruments", aliases=True) for g in gold]

    def compatible(p: int, g: int) -> bool:
        return preds[scored[p]].number == gold[g].get("number")

    assign, dups, unmatched, clashes = _greedy([spans[i] for i in scored], gold_occs, compatible)
    counts.tp += len(assign)
    counts.duplicates += len(dups)
    counts.fp += len(unmatched)
    counts.fn += len(gold) - len(assign)
    for p in unmatched:
        c = preds[scored[p]]
        rec = {"category": "instruments", "text": c.text, "start": c.start, "title": c.title}
        if p in clashes:
            g = gold[clashes[p]]
            rec["note"] = f"number {c.number!r} != gold {g.get('number')!r} for {g.get('surface')!r}"
        case.false_positives.append(rec)
    for p in dups:
        c = preds[scored[p]]
        case.duplicates.append({"category": "instruments", "text": c.text, "start": c.start, "title": c.title})
    _score_strict(text, gold, gold_occs, {g: spans[scored[p]] for p, g in assign.items()}, case)
    matched = set(assign.values())
    for g, item in enumerate(gold):
        if g not in matched:
            case.false_negatives.append({"category": "instruments", "surface": item.get("surface"),
                                         "number": item.get("number")})
    _score_attributes(text, gold, preds, {g: scored[p] for p, g in assign.items()}, case)
    return InstrumentMatch(assigned={g: scored[p] for p, g in assign.items()},
                           duplicates={scored[p]: g for p, g in dups.items()},
                           unmatched=[scored[p] for p in unmatched], ignored=sorted(excluded))


def _score_strict(text: str, gold: list[dict], gold_occs: list[list[Span]], matched: dict[int, list[Span]],
                  case: CaseResult) -> None:
    """Strict boundaries: a matched gold instrument counts only when a span of its citation is exactly
    an occurrence of its surface or of an alias; otherwise the match is both a FP and a FN.  The items
    of a protocol list (gold instruments sharing one surface) count when their spans lie inside one
    occurrence and, all items of the list together, begin and end where it does ("Protocols No. 1
    and No. 2": "Protocols No. 1" + "No. 2")."""
    strict = case.counts[STRICT]
    n_unmatched = len(gold) - len(matched)
    strict.fn += n_unmatched
    strict.fp += case.counts["instruments"].fp
    by_surface: dict[str, list[int]] = {}
    for g, item in enumerate(gold):
        by_surface.setdefault(item.get("surface") or "", []).append(g)
    for g, pspans in matched.items():
        listed = [k for k in by_surface.get(gold[g].get("surface") or "", []) if k in matched]
        exact = any(s in gold_occs[g] for s in pspans)
        if not exact and len(by_surface.get(gold[g].get("surface") or "", [])) > 1:
            for occ in gold_occs[g]:
                inside = [s for k in listed for s in matched[k] if occ[0] <= s[0] and s[1] <= occ[1]]
                if any(occ[0] <= s[0] and s[1] <= occ[1] for s in pspans) and \
                        min(s[0] for s in inside) == occ[0] and max(s[1] for s in inside) == occ[1]:
                    exact = True
                    break
        if exact:
            strict.tp += 1
        else:
            strict.fp += 1
            strict.fn += 1
            case.boundaries.append({"surface": gold[g].get("surface"), "number": gold[g].get("number"),
                                    "predicted": [text[s[0]:s[1]] for s in pspans]})


def _score_attributes(text: str, gold: list[dict], preds: Sequence[Citation], assigned: dict[int, int],
                      case: CaseResult) -> None:
    """Date, place and parent of each matched (gold instrument, citation) pair."""
    for g, p in sorted(assigned.items()):
        c, item = preds[p], gold[g]
        checks = {
            "date": (item.get("date"), c.date.value if c.date else None,
                     (c.date.value if c.date else None) == item.get("date")),
            "place": (item.get("place"), _place_value(c.place),
                      (not item.get("place") and c.place is None)
                      or (bool(item.get("place")) and c.place is not None
                          and _norm(item["place"]) in (_norm(c.place.text), _norm(c.place.name)))),
            "parent": (item.get("parent"),
                       preds[c.parent].title if c.parent is not None and 0 <= c.parent < len(preds)
                       else c.parent,
                       _parent_ok(text, item.get("parent"), preds, c)),
        }
        for attr, (gval, pval, ok) in checks.items():
            case.attributes[attr].record(bool(ok), gval is not None and gval != "")
            if not ok:
                case.wrong_attributes.append({"surface": item.get("surface"), "attribute": attr,
                                              "gold": gval, "predicted": pval})


def _group(items: Iterable[Any], key: Callable[[Any], Any]) -> list[tuple[Any, list[Span], Any]]:
    groups: dict[Any, tuple[Any, list[Span], Any]] = {}
    for it in items:
        k = key(it)
        if k not in groups:
            groups[k] = (k, [], it)
        groups[k][1].append((it.start, it.end))
    return list(groups.values())


def _score_simple(category: str, text: str, gold: list[dict], groups, case: CaseResult,
                  with_value: bool) -> None:
    counts = case.counts[category]
    gold_occs = [_gold_occurrences(text, g, case, category) for g in gold]

    def compatible(p: int, g: int) -> bool:
        return not with_value or groups[p][2].value == gold[g].get("value")

    assign, dups, unmatched, clashes = _greedy([grp[1] for grp in groups], gold_occs, compatible)
    counts.tp += len(assign)
    counts.duplicates += len(dups)
    counts.fp += len(unmatched)
    counts.fn += len(gold) - len(assign)
    for p in unmatched:
        obj = groups[p][2]
        rec = {"category": category, "text": obj.text, "start": obj.start}
        if with_value:
            rec["value"] = obj.value
            if p in clashes:
                g = gold[clashes[p]]
                rec["note"] = f"value {obj.value!r} != gold {g.get('value')!r} for {g.get('surface')!r}"
        case.false_positives.append(rec)
    for p in dups:
        obj = groups[p][2]
        case.duplicates.append({"category": category, "text": obj.text, "start": obj.start})
    matched = set(assign.values())
    for g, item in enumerate(gold):
        if g not in matched:
            rec = {"category": category, "surface": item.get("surface")}
            if with_value:
                rec["value"] = item.get("value")
            case.false_negatives.append(rec)


def _wants_published(case: dict, extract: Extract) -> bool:
    """The case gives a publication date and ``extract`` takes ``published=`` (as citex.extract does)."""
    if not case.get("published"):
        return False
    try:
        params = inspect.signature(extract).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "published" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def score_case(case: dict, extract: Extract) -> CaseResult:
    """Score one case (see the module docstring for the rules)."""
    text = case["text"]
    res = CaseResult(id=str(case.get("id", "")))
    try:
        result = extract(text, published=case["published"]) if _wants_published(case, extract) else extract(text)
    except Exception as exc:  # a crash is a miss of everything, reported, not fatal
        res.warnings.append(f"extract raised {type(exc).__name__}: {exc}")
        result = Result()
    if result.error is not None:
        res.warnings.append(f"result error {result.error.type}: {result.error.message}")
    _check_offsets(text, result, res)
    instruments = list(case.get("instruments") or ())
    match = _score_instruments(text, instruments, result, res)
    if has_relations(case):
        res.relations = score_relations(case, instruments, result, match)
        res.warnings.extend(res.relations.warnings)

    dates = [d for d in result.dates if not d.relative]
    res.counts["dates"].ignored += len(result.dates) - len(dates)
    _score_simple("dates", text, list(case.get("dates") or ()),
                  _group(dates, lambda d: (d.text, d.value)), res, with_value=True)
    _score_simple("places", text, list(case.get("places") or ()),
                  _group(result.places, lambda p: p.text), res, with_value=False)
    return res


def score(cases: Iterable[dict], extract: Extract, name: str = "") -> Report:
    """Run ``extract`` on every case's text and score it against the gold."""
    report = Report(name=name)
    for case in cases:
        report.add_case(score_case(case, extract))
    return report


# --------------------------------------------------------------------------- output

def _show(s: Any) -> str:
    return json.dumps(s, ensure_ascii=False) if isinstance(s, str) else repr(s)


def format_report(report: Report, details: bool = False) -> str:
    """A compact table ("–" where there is nothing to score); with ``details`` every case's misses follow."""
    lines = [f"{report.name or 'evaluation'}: {report.n_cases} cases",
             f"{'':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'dup':>5}"]
    for cat in CATEGORIES:
        c = report.category(cat)
        lines.append(f"{cat:<12} {fmt_rate(c.p)} {fmt_rate(c.r)} {fmt_rate(c.f)} "
                     f"{c.tp:>5} {c.fp:>5} {c.fn:>5} {c.duplicates:>5}")
        if cat == "instruments":
            c = report.category(STRICT)
            lines.append(f"{'  strict':<12} {fmt_rate(c.p)} {fmt_rate(c.r)} {fmt_rate(c.f)} "
                         f"{c.tp:>5} {c.fp:>5} {c.fn:>5}   (exact name boundaries)")
    lines.append(f"{'attribute':<12} {'acc':>6} {'n':>5}   {'acc*':>6} {'n*':>5}   "
                 "(* = gold value set; over matched instruments)")
    for attr in ATTRIBUTES:
        a = report.attributes[attr]
        lines.append(f"{attr:<12} {fmt_rate(a.accuracy)} {a.n:>5}   {fmt_rate(a.accuracy_gold)} {a.n_gold:>5}")
    lines.extend(format_relations(report.relations))
    if details:
        for case in report.cases:
            if case.has_issues:
                lines.extend(_case_details(case))
    return "\n".join(lines)


def _case_details(case: CaseResult) -> list[str]:
    lines = [f"- {case.id}"]
    for w in case.warnings:
        lines.append(f"    warning: {w}")
    for fn in case.false_negatives:
        extra = f" = {fn['value']}" if fn.get("value") else ""
        extra += f" No. {fn['number']}" if fn.get("number") is not None else ""
        lines.append(f"    FN {fn['category']:<11} {_show(fn['surface'])}{extra}")
    for fp in case.false_positives:
        extra = f" = {fp['value']}" if fp.get("value") else ""
        extra += f"  ({fp['note']})" if fp.get("note") else ""
        lines.append(f"    FP {fp['category']:<11} {_show(fp['text'])}@{fp['start']}{extra}")
    for d in case.duplicates:
        lines.append(f"    dup {d['category']:<10} {_show(d['text'])}@{d['start']}")
    for b in case.boundaries:
        number = f" No. {b['number']}" if b.get("number") is not None else ""
        lines.append(f"    bound {_show(b['surface'])}{number}: got {' | '.join(_show(t) for t in b['predicted'])}")
    for w in case.wrong_attributes:
        lines.append(f"    attr {w['attribute']:<9} {_show(w['surface'])}: gold {_show(w['gold'])}, "
                     f"got {_show(w['predicted'])}")
    if case.relations is not None:
        lines.extend(format_relation_details(case.relations))
    return lines


# --------------------------------------------------------------------------- CLI
