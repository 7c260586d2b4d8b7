"""Places and dates of ordinary news judged by hand: precision and recall of citex against them.

    python benchmarks/places_judged.py [SAMPLE ...] [--corpus DIR] [--errors]

Each sample (``benchmarks/places_judged/<name>/``) holds 45 articles of ``../shared/corpus`` drawn at
random (20 BBC, four per topic; 12 Reuters-21578; 13 Wikinews), by path and publication date only
(``meta.tsv``: the articles' text stays in the corpus, whose licences keep it out of the repository),
and the gold judged by hand under ``RULES.md``: every place mention with its country
(``gold_places.tsv``) and every absolute date with its value (``gold_dates.tsv``), as character
offsets into the article read as UTF-8 (undecodable bytes replaced).

Scoring: a place found counts when it overlaps a gold mention with the same country (one to one);
precision and recall are over mentions.  Date recall counts the gold dates that a found date
overlaps with the same value, over all articles and over those with a publication date (given to
``citex.extract(published=…)``).  ``--errors`` lists the misses and false places.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

import citex

HERE = Path(__file__).resolve().parent / "places_judged"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def by_article(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["id"]].append(dict(r, start=int(r["start"]), end=int(r["end"])))
    return out


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


class Tally:
    """Counts of one sample (or of several added up)."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.dates = self.dates_found = self.dated = self.dated_found = 0

    def add(self, other: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def line(self, name: str) -> str:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        f = 2 * p * r / max(1e-9, p + r)
        return (f"{name:10s} places P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})   "
                f"dates recall {self.dates_found}/{self.dates} = {self.dates_found / max(1, self.dates):.3f}, "
                f"with a publication date {self.dated_found}/{self.dated} = {self.dated_found / max(1, self.dated):.3f}")


def score_article(text: str, published, gold_places: list[dict], gold_dates: list[dict], show) -> Tally:
    t = Tally()
    result = citex.extract(text, published=published)
    found = [dict(start=p.start, end=p.end, text=p.text, country=p.country) for p in result.places]
    used: set[int] = set()
    for p in found:
        hit = next((k for k, g in enumerate(gold_places) if k not in used and overlaps(p, g)
                    and (g["country"] or None) == p["country"]), None)
        if hit is None:
            t.fp += 1
            show("FP", p["text"], p["country"], p["start"], text)
        else:
            t.tp += 1
            used.add(hit)
    for k, g in enumerate(gold_places):
        if k not in used:
            t.fn += 1
            show("FN", g["surface"], g["country"], g["start"], text)
    for g in gold_dates:
        ok = any(d.start < g["end"] and g["start"] < d.end and d.value == g["value"] for d in result.dates)
        t.dates += 1
        t.dates_found += ok
        if published:
            t.dated += 1
            t.dated_found += ok
        if not ok:
            show("DATE", g["surface"], g["value"], g["start"], text)
    return t


def score_sample(folder: Path, corpus: Path, errors: bool) -> Tally:
    gold_places = by_article(read_tsv(folder / "gold_places.tsv"))
    gold_dates = by_article(read_tsv(folder / "gold_dates.tsv"))
    total = Tally()
    for row in read_tsv(folder / "meta.tsv"):
        text = (corpus / row["path"]).read_text(encoding="utf-8", errors="replace")

        def show(kind, surface, value, start, text, _id=row["id"]):
            if errors:
                print(f"  {kind:4s} {_id} {surface!r} {value} | {text[max(0, start - 50):start + 40]!r}")

        total.add(score_article(text, row["published"] or None, gold_places.get(row["id"], []),
                                gold_dates.get(row["id"], []), show))
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("samples", nargs="*", help="sample names (default: all)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    if not a.corpus.is_dir():
        sys.exit(f"no corpus at {a.corpus}")
    names = a.samples or sorted(p.name for p in HERE.iterdir() if (p / "meta.tsv").exists())
    total = Tally()
    for name in names:
        t = score_sample(HERE / name, a.corpus, a.errors)
        print(t.line(name))
        total.add(t)
    if len(names) > 1:
        print(total.line("all"))


if __name__ == "__main__":
    main()
