"""``citex report``: a self-contained HTML report of a batch run.

    citex report examples/articles -o report.html      # extract, then report
    citex report results.jsonl -o report.html          # report on `citex extract` output

The report has the counts per instrument (documents, mentions, treaty actions), the
timeline of treaty actions as an embedded PNG (when matplotlib is installed:
``pip install "citex-treaties[plot]"``), the documents and the documents with errors.
Exit code 0 when the report is written (documents with errors are listed in it), 1 when it
is written but some lines of a results file were not citex records (one line each on standard
error; the other records are in the report), 2 for a usage problem.
"""
from __future__ import annotations

import base64
import io
import re
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import Optional

from citex.link.names import name_key
from citex.models import Result
from citex.output.records import read_records
from citex.output.rows import rows

_CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 14px; margin: 24px; color: #222; }
table { border-collapse: collapse; margin: 8px 0 20px; }
th, td { text-align: left; vertical-align: top; padding: 3px 10px; border-bottom: 1px solid #e5e5e5; }
th { border-bottom: 1px solid #999; }
td.n { text-align: right; }
.muted { color: #666; }
h2 { margin-top: 28px; font-size: 17px; }
"""


def collect(inputs: list[str], published: Optional[str] = None, kb: Optional[str] = None,
            published_from: Optional[str] = None, jobs: int = 1, problems: Optional[list] = None) -> list[Result]:
    """Results for ``inputs``: ``.jsonl`` files are read, other files and folders are extracted
    (as by ``citex extract``).  A line of a ``.jsonl`` file that is not a whole citex record is
    skipped; ``"FILE:LINE: why"`` goes to ``problems`` (a ``ValueError`` without it)."""
    strict = problems is None
    problems = [] if strict else problems
    from citex.batch.tasks import tasks_for
    from citex.batch.workers import run_local
    from citex.batch.inputs import DEFAULT_GLOBS, iter_inputs
    results: list[Result] = []
    for inp in inputs:
        if inp.endswith(".jsonl") and Path(inp).is_file():
            results += read_records(inp, problems)
            if strict and problems:
                raise ValueError(problems[0])
        else:
            todo = [(d, p) for d, p in iter_inputs([inp], DEFAULT_GLOBS) if p is not None]
            tasks = tasks_for(todo, published=published, published_from=published_from, kb=kb)
            results += run_local(tasks, jobs)
    return results


def timeline_png(results: list[Result], published=None) -> Optional[str]:
    """The events timeline as base64 PNG, or None when there is nothing to draw or no matplotlib."""
    from citex.output.plot import draw, event_points, figsize
    try:
        from matplotlib.figure import Figure
    except ImportError:
        return None
    points, undated = event_points(results, published)
    if not points:
        return None
    fig = Figure(figsize=figsize(points), layout="constrained")
    draw(fig.subplots(), points, undated)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def no_timeline_reason(results: list[Result], n_events: int, published=None) -> str:
    """Why there is no timeline, in words: no treaty actions, no matplotlib, or no dates."""
    if not n_events:
        return "no treaty actions found, so no timeline"
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return ('no timeline: matplotlib is not installed (pip install matplotlib)')
    from citex.output.plot import event_points
    _, undated = event_points(results, published)
    return (f"no timeline: none of the {undated} treaty actions has a date in the text, and no publication "
            f"date is known to place them (citex report --published YYYY-MM-DD, or --published-from "
            f"sidecar|mtime, or a collection's date field)")


def _table(head: list[str], body: list[list[str]], numeric=()) -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                   for i, c in enumerate(r)) + "</tr>" for r in body)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>"


def _party_label(row: dict) -> str:
    return row["party"] + (f" ({row['party_country']})" if row.get("party_country") else "") if row["party"] else "—"


def _action_table(acts: dict) -> str:
    """One row per act across documents: instrument, action, party, status, first date, documents."""
    body = [[escape(k[1]), escape(k[2].replace("_", " ")), escape(k[3]), escape(k[4]), escape(v["date"] or "—"),
             str(len(v["docs"]))]
            for k, v in sorted(acts.items(), key=lambda kv: (kv[1]["date"] or "9999", kv[0][1], kv[0][2], kv[0][3]))]
    return (_table(["instrument", "action", "party", "status", "date", "documents"], body, numeric=(5,))
            if body else '<p class="muted">no treaty actions found</p>')


def build(results: list[Result], title: str = "citex report", published=None) -> str:
    """The report as one HTML string (no external files, scripts or fonts).  ``published`` (a date or
    ``{doc_id: date}``) places undated treaty actions on the timeline.  Treaty actions are the
    documents' ``actions`` (restatements merged), labelled with their party; proposed acts (threats,
    plans, bills) are counted apart."""
    docs, mentions, titles, actions = defaultdict(set), Counter(), defaultdict(Counter), defaultdict(Counter)
    acts: dict = {}
    ids, scopes, undecided = set(), {}, defaultdict(set)
    same = _same_unlinked(results)
    for r in results:
        for c in rows(r, "citations"):
            if c.get("title") is None:
                continue   # the row of a failed document
            key = c["id"] or same.get(name_key(c["title"]), name_key(c["title"]))   # variants of one unlinked name: one row
            if c["id"]:
                ids.add(key)
            elif cands := r.citations[c["index"]].candidates:   # undecided between records: say so
                undecided[key].update(cands)
            scopes[key] = c.get("scope") or "international"
            docs[key].add(r.doc_id)
            mentions[key] += c["mentions"]
            titles[key][c["canonical_title"] or c["title"]] += 1
        for a in rows(r, "actions"):
            key = a["id"] or same.get(name_key(a["title"]), name_key(a["title"]))
            label = a["action"].replace("_", " ") + (f" by {a['party']}" if a["party"] else "")
            actions[key][label if a["status"] != "proposed" else f"{label} (proposed)"] += 1
            entry = acts.setdefault((key, a["canonical_title"] or a["title"], a["action"], _party_label(a), a["status"]),
                                    {"docs": set(), "date": None})
            entry["docs"].add(r.doc_id)
            if a["date"] and (entry["date"] is None or a["date"] < entry["date"]):
                entry["date"] = a["date"]
    n_cites = sum(len(r.citations) for r in results)
    n_events = sum(n for a in actions.values() for label, n in a.items() if not label.endswith("(proposed)"))
    n_proposed = sum(n for a in actions.values() for label, n in a.items() if label.endswith("(proposed)"))
    errors = [r for r in results if r.error]
    n_citing = sum(bool(r.citations) for r in results)
    parts = [f"<h1>{escape(title)}</h1>",
             (f"<p>{len(results)} documents ({n_citing} citing an instrument), {n_cites} citations of "
              f"{len(docs)} instruments, {n_events} treaty actions ({n_proposed} more only proposed), "
              f"{len(errors)} documents with errors.</p>")]

    parts.append("<h2>Instruments</h2>")
    # international instruments first, then domestic law (Acts, constitutions …)
    order = sorted(docs, key=lambda k: (scopes[k] != "international", -len(docs[k]), -mentions[k], str(k)))
    body = [[escape(k) if k in ids else escape(_undecided(undecided[k])) if undecided[k] else "—",
             escape(titles[k].most_common(1)[0][0]), scopes[k], str(len(docs[k])), str(mentions[k]),
             escape(", ".join(f"{a} ×{n}" for a, n in actions[k].most_common()))]
            for k in order]
    parts.append(_table(["id", "title", "scope", "documents", "mentions", "treaty actions"], body, numeric=(3, 4))
                 if body else '<p class="muted">no instruments found</p>')

    parts.append("<h2>Treaty actions</h2>")
    parts.append(_action_table(acts))
    parts.append("<h2>Treaty actions over time</h2>")
    png = timeline_png(results, published)
    if png:
        parts.append(f'<img alt="timeline of treaty actions" style="max-width:100%" src="data:image/png;base64,{png}">')
    else:
        parts.append(f'<p class="muted">{escape(no_timeline_reason(results, n_events, published))}</p>')

    parts.append("<h2>Documents with errors</h2>")
    parts.append(_table(["document", "error", "message"],
                        [[escape(str(r.doc_id)), escape(r.error.type), escape(r.error.message)] for r in errors])
                 if errors else '<p class="muted">none</p>')

    parts.append("<h2>Documents citing an instrument</h2>")
    citing = [r for r in results if r.citations]
    parts.append(_table(["document", "citations", "instruments"],
                        [[escape(str(r.doc_id)), str(len(r.citations)),
                          escape("; ".join(dict.fromkeys(c.id or c.title for c in by_scope(r.citations))))]
                         for r in citing], numeric=(1,)) if citing else '<p class="muted">none</p>')
    if len(citing) < len(results):
        n = len(results) - len(citing)
        parts.append(f'<p class="muted">{n} document{"s" * (n != 1)} citing nothing not listed.</p>')
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>\n")


_YEAR_TAIL = re.compile(r"(?: of)? (?:1[6-9]\d\d|20\d\d)$")
_STATE_HEAD = re.compile(r"^(?:us|uk) ")


def _same_unlinked(results: list[Result]) -> dict[str, str]:
    """Unlinked names of the collection that differ only by a year after them or a state before them
    ("Human Rights Act" / "Human Rights Act 1998", "Glass-Steagall Act" / "U.S. Glass-Steagall Act"):
    one row, under the key of the fullest name, when at most one year is cited with it ("Parliament
    Act 1911" and "Parliament Act 1949" stay apart)."""
    groups: dict[str, set] = defaultdict(set)
    for r in results:
        for c in r.citations:
            if not c.id and not c.candidates:
                key = name_key(c.title)
                groups[_STATE_HEAD.sub("", _YEAR_TAIL.sub("", key))].add(key)
    out = {}
    for keys in groups.values():
        if len(keys) > 1 and sum(bool(_YEAR_TAIL.search(k)) for k in keys) <= 1:
            full = max(keys, key=lambda k: (len(k), k))
            out.update((k, full) for k in keys)
    return out


def _undecided(ids: set) -> str:
    """The records an unlinked instrument may be (at most three shown): "A or B?"."""
    shown = sorted(ids)
    return " or ".join(shown[:3]) + (" or …?" if len(shown) > 3 else "?")


def by_scope(citations) -> list:
    """International instruments first, then domestic ones, each in document order."""
    return sorted(citations, key=lambda c: getattr(c, "scope", "international") != "international")
