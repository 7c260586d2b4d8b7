"""Cost per megabyte against document size: one large document against the same text as articles.

    python benchmarks/size_scaling.py [--size 20000000] [--passes 2]

The corpus articles (``../shared/corpus``) are extracted one by one (about 10 kB each), then joined
(blank lines between them, repeated to SIZE characters) and extracted as one document.  The script
prints the process time per MB of both and their ratio (issue 12 target: at most 1.2), and the time of
the resolution step (treaty actions included) per MB in both cases, from the extractor's stages.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000


def articles(n: int) -> list[str]:
    """Corpus articles in sorted order, repeated until they hold ``n`` characters."""
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files if f.name != "SOURCE.md"]
    if not texts:
        sys.exit(f"no corpus at {CORPUS}")
    out, size, i = [], 0, 0
    while size < n:
        t = texts[i % len(texts)]
        out.append(t)
        size += len(t) + 2
        i += 1
    return out


def _timed_stages(ex, text: str, stages: dict) -> None:
    from citex.grammar.dates import parse_published
    from citex.pipeline.extractor import State
    st = State(text=text, published=parse_published(None))
    for name in ex.STAGES:
        t0 = time.process_time()
        getattr(ex, name)(st)
        stages[name] = stages.get(name, 0.0) + time.process_time() - t0


def run(texts: list[str], passes: int) -> tuple[float, dict]:
    from citex.api import default_extractor
    ex = default_extractor()
    best, best_stages = float("inf"), {}
    for _ in range(passes):
        stages: dict = {}
        t0 = time.process_time()
        for t in texts:
            _timed_stages(ex, t, stages)
        secs = time.process_time() - t0
        if secs < best:
            best, best_stages = secs, stages
    return best, best_stages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=20 * MB)
    ap.add_argument("--passes", type=int, default=2)
    a = ap.parse_args()
    arts = articles(a.size)
    big = "\n\n".join(arts)
    import citex
    citex.extract("warm up: the Treaty on Open Skies was signed in Helsinki on 24 March 1992.")
    small_secs, small_stages = run(arts, a.passes)
    big_secs, big_stages = run([big], a.passes)
    mb = len(big) / MB
    print(f"text: {mb:.1f} MB; {len(arts)} articles")
    print(f"articles one by one: {small_secs / mb * 1000:.0f} ms per MB")
    print(f"one document:        {big_secs / mb * 1000:.0f} ms per MB")
    print(f"ratio (one document / articles): {big_secs / small_secs:.2f}")
    for name in small_stages:
        print(f"  {name:18s} {small_stages[name] / mb * 1000:6.0f} ms/MB  vs {big_stages.get(name, 0) / mb * 1000:6.0f} ms/MB")


if __name__ == "__main__":
    main()
