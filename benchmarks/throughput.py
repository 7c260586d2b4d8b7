"""Throughput of citex extraction vs spaCy's blank English tokenizer on the same texts.

    python benchmarks/throughput.py [CORPUS_DIR] [--limit N] [--passes 3] [--ner builtin|MODEL]

Both are measured warm: one untimed pass each first (loading, caches), then ``--passes`` timed
passes of each, interleaved (tokenizer, citex, tokenizer, citex, …) so that a busy machine slows
both alike; the best pass of each counts.  Prints MB/s and docs/s for the spaCy blank English
tokenizer (the yardstick) and citex.extract, their ratio (target >= 2.0), and peak RSS.
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
    ap.add_argument("--passes", type=int, default=3, help="timed passes of each (best counts)")
    ap.add_argument("--ner", default=None, help="with the statistical NER stage (citex.extract(ner=…))")
    a = ap.parse_args()
    files = sorted(Path(a.corpus).rglob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.2f} MB, {a.passes} warm passes each, interleaved")

    import spacy
    import citex
    nlp = spacy.blank("en")

    def tokenize() -> int:
        n = 0
        for doc in nlp.tokenizer.pipe(texts, batch_size=64):
            n += len(doc)
        return n

    def extract() -> int:
        return sum(len(citex.extract(text, ner=a.ner).citations) for text in texts)

    tokenize()                                   # warm: vocabulary, caches
    extract()                                    # warm: gazetteer, knowledge base, regexes
    tok = ext = float("inf")
    n = 0
    for _ in range(a.passes):
        t = time.perf_counter()
        tokenize()
        tok = min(tok, time.perf_counter() - t)
        t = time.perf_counter()
        n = extract()
        ext = min(ext, time.perf_counter() - t)
    print(f"spaCy blank English tokenizer: {mb / tok:6.2f} MB/s  {len(texts) / tok:7.1f} docs/s  (best of {a.passes}, warm)")
    print(f"citex.extract:                 {mb / ext:6.2f} MB/s  {len(texts) / ext:7.1f} docs/s  ({n} citations; best of {a.passes}, warm)")
    print(f"ratio citex / tokenizer:       {tok / ext:6.2f}  (target >= 2.0)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
