"""citex on a folder of articles: one result per file, tables, a timeline and an HTML report.

    python3 examples/batch_example.py [FOLDER]     # default: examples/articles; writes into the current folder

The command line does the same: ``citex extract FOLDER -o results.jsonl`` then
``citex report results.jsonl -o report.html``.
"""
import json
import sys
from pathlib import Path

import citex
from citex.output.report import build

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "articles"
files = sorted(folder.rglob("*.txt"))   # `citex extract` also reads .md and .html, and survives bad files
# Wikinews file names start with the publication date: it resolves "last year" and dates undated actions
published = {p.name: p.name[9:19] for p in files if p.name.startswith("wikinews-")}
results = [citex.extract(p.read_text(encoding="utf-8", errors="replace"), doc_id=p.name,
                         published=published.get(p.name)) for p in files]

with open("results.jsonl", "w", encoding="utf-8") as f:          # the `citex extract` format
    for r in results:
        f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
print(f"{len(results)} documents, {sum(len(r.citations) for r in results)} citations → results.jsonl")

try:   # pip install "citex-treaties[pandas]"
    citations = citex.to_dataframe("results.jsonl")                # a JSON lines file works too
    print(citations.groupby(["id", "title"], dropna=False).size().sort_values(ascending=False).head(10))
    events = citex.to_dataframe(results, level="events")
    print(events.groupby("action").size())
except ImportError as exc:
    print(exc)

try:   # pip install "citex-treaties[plot]"
    import matplotlib
    matplotlib.use("Agg")
    ax = citex.plot_events(results, published=published)
    ax.figure.savefig("timeline.png", dpi=100)
    print("timeline → timeline.png")
except ImportError as exc:
    print(exc)

Path("report.html").write_text(build(results, f"citex report: {folder.name}", published), encoding="utf-8")
print("report → report.html")
