"""Throughput of citex extraction vs spaCy's blank English tokenizer on the same texts.

    python benchmarks/throughput.py [CORPUS_DIR] [--limit N] [--ner builtin|MODEL]

Prints MB/s and docs/s for: the spaCy blank English tokenizer alone (the yardstick), the citex
extraction (citex.extract), and their ratio (target >= 1.0), plus peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--ner", default=None, help="with the statistical NER stage (citex.extract(ner=…))")
    a = ap.parse_args()
    files = sorted(Path(a.corpus).rglob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.2f} MB")

    import spacy
    nlp = spacy.blank("en")
    t = time.perf_counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    tok = time.perf_counter() - t
    print(f"spaCy blank English tokenizer: {mb / tok:6.2f} MB/s  {len(texts) / tok:7.1f} docs/s")

    import citex
    citex.extract("warm up the Paris Agreement", ner=a.ner)  # load resources outside the timing
    t = time.perf_counter()
    n = 0
    for text in texts:
        n += len(citex.extract(text, ner=a.ner).citations)
    ext = time.perf_counter() - t
    print(f"citex.extract:                 {mb / ext:6.2f} MB/s  {len(texts) / ext:7.1f} docs/s  ({n} citations)")
    print(f"ratio citex / tokenizer:       {tok / ext:6.2f}  (target >= 1.0)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
