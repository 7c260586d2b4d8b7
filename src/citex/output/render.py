"""HTML views of results: the text with instruments, dates, places and treaty actions highlighted,
and a compact table of the citations.

    >>> html = citex.render(result, text)      # a str; shows itself in Jupyter
    >>> citex.render(nlp(text))                # a spaCy Doc from the citex pipeline

Results do not carry their text: ``render(result, text)`` highlights ``text``; a result of
``citex.extract``/``extract_many`` shows its text by itself (``result`` in a notebook), the text of
recent results being remembered (:func:`remember_text`).  Ids link to the record's page.  Spans may overlap or nest
(a place inside a title, a date inside an event's reach): the text is cut at every
span boundary and marks are nested, a span crossing another is split into pieces
that share its ``data-span`` number, so no text is dropped or repeated.  Every
piece of text is HTML-escaped.  Only the standard library is used.
"""
from __future__ import annotations

import weakref
from collections import Counter, OrderedDict, defaultdict
from html import escape
from typing import Any, Optional

from citex.models import HTML_RENDERERS, Citation, Result
from citex.output.rows import rows

# kind → (background, underline colour, legend label); also the nesting order at equal offsets
COLOURS = {
    "instrument": ("#dbeafe", "#2563eb", "instrument"),
    "event": ("#fce7f3", "#db2777", "treaty action"),
    "place": ("#ffedd5", "#ea580c", "place"),
    "date": ("#dcfce7", "#16a34a", "date"),
}
_ORDER = {k: i for i, k in enumerate(COLOURS)}
_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 14px;"


# The text of recent results (those of citex.extract and extract_many), so that a result shown in a
# notebook shows its text highlighted.  Results do not carry their text; this remembers it for the
# last REMEMBER results still alive (by identity: an equal result from another text is not confused).
REMEMBER = 1000
_TEXTS: "OrderedDict[int, tuple[weakref.ref, str]]" = OrderedDict()


def remember_text(result: Result, text: str) -> None:
    key = id(result)

    def forget(_ref, key=key) -> None:
        entry = _TEXTS.get(key)
        if entry is not None and entry[0] is _ref:
            del _TEXTS[key]

    try:
        _TEXTS[key] = (weakref.ref(result, forget), text)
    except TypeError:  # pragma: no cover - not weak-referenceable
        return
    _TEXTS.move_to_end(key)
    while len(_TEXTS) > REMEMBER:
        _TEXTS.popitem(last=False)


def text_of(result: Result) -> Optional[str]:
    """The text ``result`` came from, when it is one of the recent results remembered."""
    entry = _TEXTS.get(id(result))
    return entry[1] if entry is not None and entry[0]() is result else None


class HTML(str):
    """A ``str`` of HTML that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def _short(s: Optional[str], n: int = 60) -> str:
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def _cite_name(i: int, c: Citation) -> str:
    return f"#{i} {_short(c.title, 40)}" + (f" ({c.id})" if c.id else "")


def spans(result: Result) -> list[tuple[int, int, str, str, str]]:
    """Every span to highlight as ``(start, end, kind, text, title)``; the title says id, value and role.

    A span found several times (a date that is both in ``dates`` and a citation's date) is listed once
    with all its roles.
    """
    info: dict[tuple[int, int, str], dict[str, Any]] = {}

    def add(o, kind: str, head: str, role: Optional[str] = None) -> None:
        d = info.setdefault((o.start, o.end, kind), {"text": o.text, "head": head, "roles": []})
        if role and role not in d["roles"]:
            d["roles"].append(role)

    for i, c in enumerate(result.citations):
        name = _cite_name(i, c)
        head = f"{c.id or 'no id'}: {c.canonical_title or c.title} ({c.kind})"
        extra = None if c.number is None else f"No. {c.number}" + (f" of #{c.parent}" if c.parent is not None else "")
        for m in c.mentions or (c,):
            add(m, "instrument", head, f"citation #{i}" + (f", {extra}" if extra else ""))
        if c.date:
            add(c.date, "date", c.date.value, f"date of {name}")
        if c.place:
            add(c.place, "place", _place(c.place), f"place of {name}")
        for e in c.events:
            what = ", ".join(x for x in (e.party and e.party.name, e.date and e.date.value, e.place and e.place.name,
                                         e.status if e.status != "done" else None) if x)
            add(e, "event", e.action + (f" ({what})" if what else ""), f"{e.action} of {name}")
            if e.date:
                add(e.date, "date", e.date.value, f"{e.action} date of {name}")
            if e.place:
                add(e.place, "place", _place(e.place), f"{e.action} place of {name}")
            if e.party is not None:
                add(e.party, "place", e.party.name + (f" ({e.party.country})" if e.party.country else ""),
                    f"party to the {e.action} of {name}")
    for x in result.dates:
        add(x, "date", x.value + (" (relative)" if x.relative else ""))
    for p in result.places:
        add(p, "place", _place(p))
    out = []
    for (s, e, kind), d in info.items():
        title = "\n".join([f"{COLOURS[kind][2]}: {d['head']}"] + [f"role: {r}" for r in d["roles"]])
        out.append((s, e, kind, d["text"], title))
    return sorted(out, key=lambda x: (x[0], -x[1], _ORDER[x[2]]))


def _place(p) -> str:
    return p.name + (f", {p.country}" if p.country else "")


def highlight(text: str, items) -> tuple[str, int]:
    """``text`` as HTML with ``items`` ``(start, end, kind, text_or_None, title)`` marked.

    Items whose offsets fall outside the text, or whose text differs from ``text[start:end]``,
    are left out; the second value is how many.  Marks nest; a mark that crosses another is
    closed and reopened around it (pieces share ``data-span``), so every character is written once.
    """
    good, bad = [], 0
    for it in items:
        s, e, t = it[0], it[1], it[3]
        if 0 <= s < e <= len(text) and (t is None or text[s:e] == t):
            good.append(it)
        else:
            bad += 1
    good.sort(key=lambda x: (x[0], -x[1], _ORDER.get(x[2], 9)))
    starts = defaultdict(list)
    for n, it in enumerate(good):
        starts[it[0]].append(n)
    points = sorted({0, len(text)} | {it[0] for it in good} | {it[1] for it in good})
    out: list[str] = []
    stack: list[int] = []

    def open_(n: int) -> None:
        s, e, kind, _, title = good[n][:5]
        bg, line, _label = COLOURS.get(kind, ("#eee", "#999", kind))
        out.append(f'<mark class="cx-{escape(kind)}" data-span="{n}" data-start="{s}" data-end="{e}" '
                   f'title="{escape(title)}" style="background:{bg};border-bottom:2px solid {line};'
                   f'padding:0.1em 0.1em;border-radius:3px;color:inherit">')
        stack.append(n)

    for k, p in enumerate(points):
        if any(good[n][1] == p for n in stack):
            reopen = []
            while any(good[n][1] == p for n in stack):
                n = stack.pop()
                out.append("</mark>")
                if good[n][1] != p:
                    reopen.append(n)
            for n in reversed(reopen):
                open_(n)
        for n in starts.get(p, ()):
            open_(n)
        if k + 1 < len(points):
            out.append(escape(text[p:points[k + 1]]))
    return "".join(out), bad


def _legend() -> str:
    return " ".join(f'<span style="background:{bg};border-bottom:2px solid {line};padding:0.1em 0.3em;'
                    f'border-radius:3px">{label}</span>' for bg, line, label in COLOURS.values())


def table(result: Result) -> str:
    """The citations as a compact HTML table (title, id, number/parent, date, place, treaty actions:
    one per act, with its party, date and status when not done, ×N for its mentions)."""
    if not result.citations:
        return '<p style="color:#666">no citations</p>'
    events = defaultdict(list)
    for a in rows(result, "actions"):
        party = a["party"] and a["party"] + (f" {a['party_country']}" if a["party_country"] else "")
        what = ", ".join(str(x) for x in (party, a["date"], a["place"], a["status"] if a["status"] != "done" else None) if x)
        events[a["citation"]].extend([a["action"].replace("_", " ") + (f" ({what})" if what else "")] * a["mentions"])
    th = "".join(f'<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999">{h}</th>'
                 for h in ("#", "title", "id", "No. / parent", "date", "place", "treaty actions"))
    body = []
    for r in rows(result, "citations"):
        title = escape(r["title"] or "")
        if r["canonical_title"] and r["canonical_title"] != r["title"]:
            title += f'<br><span style="color:#666;font-size:0.9em">{escape(r["canonical_title"])}</span>'
        num = "" if r["number"] is None else f"No. {r['number']}"
        if r["parent"] is not None:
            num += f" of #{r['parent']}"
        acts = "<br>".join(escape(x) + (f" ×{n}" if n > 1 else "") for x, n in Counter(events[r["index"]]).items())
        nowrap = '<span style="white-space:nowrap">{}</span>'.format
        rid = nowrap(escape(r["id"] or "—"))
        if r["id"] and r["url"] and r["url"].startswith(("https://", "http://")):
            rid = f'<a href="{escape(r["url"])}" target="_blank" rel="noopener">{rid}</a>'
        cells = (str(r["index"]), title, rid, escape(num.strip()),
                 nowrap(escape(r["date"] or "")), escape(r["place"] or ""), acts)
        body.append("<tr>" + "".join(f'<td style="text-align:left;vertical-align:top;padding:2px 8px;'
                                     f'border-bottom:1px solid #eee">{c}</td>' for c in cells) + "</tr>")
    return (f'<table style="border-collapse:collapse;margin-top:8px;{_FONT}"><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _box(inner: str) -> str:
    return f'<div class="citex-render" style="{_FONT}">{inner}</div>'


def _text_box(body: str) -> str:
    return (f'<div style="white-space:pre-wrap;line-height:2;border:1px solid #ddd;border-radius:4px;'
            f'padding:8px 12px;margin:6px 0;max-height:40em;overflow:auto">{body}</div>')


def render_result(result: Result, text: Optional[str] = None) -> HTML:
    text = text if text is not None else text_of(result)
    n = len(result.citations)
    head = (f'<div><b>{escape(str(result.doc_id or "document"))}</b>: {n} citation{"s" * (n != 1)}, '
            f'{len(result.dates)} dates, {len(result.places)} places</div>')
    parts = [head]
    if result.error:
        parts.append(f'<div style="color:#b91c1c">error {escape(result.error.type)}: '
                     f'{escape(result.error.message)}</div>')
    if text is not None:
        body, bad = highlight(text, spans(result))
        parts += [f"<div>{_legend()}</div>", _text_box(body)]
        if bad:
            parts.append(f'<div style="color:#b45309">{bad} spans do not match this text and are not shown '
                         f'(is it the text the result came from?)</div>')
    elif result.citations or result.dates or result.places:
        parts.append('<div style="color:#666">citex.render(result, text) shows the highlighted text</div>')
    parts.append(table(result))
    return HTML(_box("".join(parts)))


def render_citation(c: Citation) -> HTML:
    """One citation: its text with its own date, place and events inside it highlighted, and its row."""
    inner = [(s - c.start, e - c.start, kind, t, title) for s, e, kind, t, title in spans(Result(citations=(c,)))
             if c.start <= s and e <= c.end]
    body, _ = highlight(c.text, inner)
    return HTML(_box(_text_box(body) + table(Result(citations=(c,)))))


def render_doc(doc) -> HTML:
    """A spaCy ``Doc`` from the citex pipeline: ``doc._.citex`` with ``doc.text``, or, when only some
    components ran, the spans in ``doc.spans["citex_instruments" | "citex_dates" | "citex_places"]``."""
    result = doc._.citex if doc.has_extension("citex") else None
    if result is not None:
        return render_result(result, doc.text)
    kinds = {"citex_instruments": "instrument", "citex_dates": "date", "citex_places": "place"}
    items = [(sp.start_char, sp.end_char, kind, None, f"{kind}: {sp.label_}")
             for key, kind in kinds.items() if key in doc.spans for sp in doc.spans[key]]
    body, _ = highlight(doc.text, items)
    return HTML(_box(f"<div>{_legend()}</div>" + _text_box(body)))


def render(obj, text: Optional[str] = None) -> HTML:
    """HTML for a ``Result`` (with ``text``: highlighted), a result dict, a ``Citation`` or a spaCy ``Doc``.

    The value is a ``str`` (write it to a file) that Jupyter displays as HTML.
    """
    if isinstance(obj, dict):
        obj = Result.from_dict(obj)
    if isinstance(obj, Result):
        return render_result(obj, text)
    if isinstance(obj, Citation):
        return render_citation(obj)
    if hasattr(obj, "spans") and hasattr(obj, "char_span"):
        return render_doc(obj)
    raise TypeError(f"citex.render needs a Result, a result dict, a Citation or a spaCy Doc, "
                    f"not {type(obj).__name__}")


HTML_RENDERERS.update(Result=render_result, Citation=render_citation)
