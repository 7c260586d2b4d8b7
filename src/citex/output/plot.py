"""A timeline of treaty actions (``pip install "citex-treaties[plot]"``): one row per instrument, one marker
per action (signature, ratification, denunciation, withdrawal…) at its date.

    >>> citex.plot_events(results)                         # matplotlib Axes
    >>> citex.plot_events(results, published="2025-10-02")  # undated events at the publication date

An event without a date is drawn at its document's publication date when one is known
(``published``: one date for all, or a ``{doc_id: date}`` mapping; or a ``published``
entry in the result's ``meta``); otherwise it is left out and counted in the title.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Mapping, Optional, Union

from citex.output.frames import as_results
from citex.models import ACTIONS
from citex.output.rows import rows

MARKERS = dict(zip(ACTIONS, "o^sXDv*P"))


def _day(value) -> Optional[dt.date]:
    """An ISO date at any precision (``1987``, ``1987-11``, ``1987-11-26``) → its first day."""
    if not value:
        return None
    s = str(value)[:10]
    try:
        parts = [int(x) for x in s.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def event_points(results, published: Union[None, str, Mapping] = None):
    """``(points, undated)``: ``points`` counts ``(instrument label, action, date, estimated, party)``
    over the documents' treaty actions (restatements merged; proposed acts left out); ``undated`` is
    the number of actions left out for want of a date."""
    points: Counter = Counter()
    undated = 0
    for r in as_results(results):
        pub = published.get(r.doc_id) if isinstance(published, Mapping) else published
        pub = pub or dict(r.meta).get("published")
        for e in rows(r, "actions"):
            if e["status"] == "proposed":
                continue
            day, estimated = _day(e["date"]), False
            if day is None:
                day, estimated = _day(pub), True
            if day is None:
                undated += 1
                continue
            title = e["title"] if len(e["title"]) <= 45 else e["title"][:44] + "…"
            label = f"{e['id']} · {title}" if e["id"] else title
            points[(label, e["action"], day, estimated, e["party_country"] or e["party"] or "")] += 1
    return points, undated


def draw(ax, points: Counter, undated: int = 0, max_instruments: int = 40):
    """Draw ``event_points`` on a matplotlib Axes; the most eventful ``max_instruments`` get a row."""
    per = Counter()
    for (label, *_), n in points.items():
        per[label] += n
    keep = sorted(label for label, _ in per.most_common(max_instruments))
    y = {label: i for i, label in enumerate(reversed(keep))}
    colours = {a: f"C{i}" for i, a in enumerate(ACTIONS)}
    seen = set()
    for (label, action, day, estimated, party), n in sorted(points.items(), key=lambda kv: kv[0][1:3]):
        if label not in y:
            continue
        ax.scatter([day], [y[label]], s=40 + 25 * min(n - 1, 8), marker=MARKERS.get(action, "o"),
                   facecolors="none" if estimated else colours.get(action, "k"),
                   edgecolors=colours.get(action, "k"), alpha=0.85, zorder=3)
        if party:  # the acting party beside its marker
            ax.annotate(party, (day, y[label]), xytext=(5, 4), textcoords="offset points", fontsize=7, alpha=0.8)
        seen.add(action)
    ax.set_yticks(range(len(y)))
    ax.set_yticklabels(list(y))
    ax.grid(axis="x", alpha=0.3)
    if points:
        import matplotlib.dates as mdates
        days = [k[2] for k in points]
        lo, hi = min(days), max(days)
        # some room around the markers; at least half a year, or one date alone gives a range of
        # microseconds that no date locator can tick
        pad = max((hi - lo) * 0.05, dt.timedelta(days=180))
        ax.set_xlim(lo - pad, hi + pad)
        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylim(-0.7, max(len(y), 1) - 0.3)
    n_events = sum(points.values())
    title = f"Treaty actions: {n_events} action{'s' * (n_events != 1)}"
    if any(k[3] for k in points):
        title += " (hollow: dated by publication)"
    if undated:
        title += f"; {undated} without a date left out"
    if len(per) > len(keep):
        title += f"; {len(per) - len(keep)} more instruments not shown"
    ax.set_title(title, fontsize=10)
    if seen:
        from matplotlib.lines import Line2D
        handles = [Line2D([], [], linestyle="", marker=MARKERS.get(a, "o"), color=colours.get(a, "k"),
                          label=a.replace("_", " ")) for a in ACTIONS if a in seen]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax


def figsize(points: Counter, max_instruments: int = 40) -> tuple[float, float]:
    n = min(len({k[0] for k in points}), max_instruments)
    return 10.0, 1.2 + 0.35 * max(n, 2)


def plot_events(results, ax=None, published: Union[None, str, Mapping] = None, max_instruments: int = 40):
    """Draw the treaty actions of ``results`` (a ``Result``, dicts or an iterable of them) over time;
    returns the matplotlib Axes (a new figure when ``ax`` is not given)."""
    points, undated = event_points(results, published)
    if ax is None:
        try:
            import matplotlib.pyplot as plt
        except ImportError as exc:  # pragma: no cover
            raise ImportError('citex.plot_events needs matplotlib: pip install matplotlib') from exc
        _, ax = plt.subplots(figsize=figsize(points, max_instruments), layout="constrained")
    return draw(ax, points, undated, max_instruments)
