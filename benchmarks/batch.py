"""Batch throughput and memory of `citex extract` on a folder of articles, 1 job vs N jobs.

    python benchmarks/batch.py [CORPUS_DIR] [--jobs 2] [--repeat 3] [--ceiling]

For each run: wall time, documents/s, MB/s and the peak RSS of the whole process tree
(parent + workers, from getrusage of the children).  The speed-up is jobs=N over jobs=1 (the issue's
target: >= 1.7 with 2 jobs on 2 cores).  Memory is reported for the full corpus and for its first
eighth, to show that it does not grow with the number of documents (results are streamed).
Then, in the same run, the yardstick: spaCy's blank English tokenizer over the same texts (it only
tokenises texts already in memory, while the citex figures are whole commands: start-up, reading,
extraction, linking, writing).  Best of --repeat runs, the 1-job and N-job runs alternating.  Run on an otherwise idle machine.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(folder: Path, jobs: int, limit_files=None) -> tuple[float, float]:
    out = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False).name
    cmd = [sys.executable, "-m", "citex.cli", "extract", "-q", "--jobs", str(jobs), "-o", out]
    cmd += [str(p) for p in limit_files] if limit_files else [str(folder)]
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter(); subprocess.run(sys.argv[1:]); dt = time.perf_counter() - t\n"
            "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(dt, r)\n")
    res = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True)
    dt, rss = res.stdout.split()
    os.unlink(out)
    return float(dt), int(rss) / 1024


def tokenizer_seconds(files: list) -> float:
    """The yardstick: spaCy's blank English tokenizer over the same texts (read outside the timing)."""
    import spacy
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    nlp = spacy.blank("en")
    t = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t


def ceiling(files: list, jobs: int) -> None:
    """How well extraction alone scales on this machine: the pipeline preloaded, the texts in memory,
    ``jobs`` forked processes each extracting an equal share, no files, no messages, no output."""
    import multiprocessing as mp
    from citex.api import default_extractor
    global _TEXTS, _EX
    _TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    _EX = default_extractor(None, None)
    for _ in range(3):
        t = time.perf_counter()
        _extract_share((0, 1))
        serial = time.perf_counter() - t
        t = time.perf_counter()
        with mp.get_context("fork").Pool(jobs) as pool:
            pool.map(_extract_share, [(i, jobs) for i in range(jobs)])
        par = time.perf_counter() - t
        print(f"ceiling: extraction alone {serial:.2f} s serial, {par:.2f} s on {jobs} processes: {serial / par:.2f}x")


def _extract_share(arg) -> None:
    i, n = arg
    for text in _TEXTS[i::n]:
        _EX.extract(text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ceiling", action="store_true",
                    help="also measure how extraction alone scales (texts in memory, no I/O)")
    a = ap.parse_args()
    folder = Path(a.corpus)
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm"))
    mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"{folder}: {len(files)} files, {mb:.2f} MB, {os.cpu_count()} cores")
    # jobs=1 and jobs=N runs alternate, so that a drift in the machine's speed (other tenants on a
    # shared host) hits both alike; the speed-up is reported from the best runs and per pair.
    times: dict[int, list] = {1: [], a.jobs: []}
    for _ in range(a.repeat):
        for jobs in (1, a.jobs):
            times[jobs].append(run(folder, jobs))
    for jobs, runs in times.items():
        dt = min(t for t, _ in runs)
        print(f"jobs={jobs}: {dt:6.2f} s  {len(files) / dt:7.0f} docs/s  {mb / dt:5.2f} MB/s  "
              f"peak RSS (largest process) {max(r for _, r in runs):.0f} MB   (runs: "
              + " ".join(f"{t:.2f}" for t, _ in runs) + ")")
    best = min(t for t, _ in times[1]) / min(t for t, _ in times[a.jobs])
    pairs = sorted(t1 / tn for (t1, _), (tn, _) in zip(times[1], times[a.jobs]))
    print(f"speed-up jobs={a.jobs} over jobs=1: {best:.2f}x (best runs); "
          f"per pair: median {pairs[len(pairs) // 2]:.2f}x, range {pairs[0]:.2f}-{pairs[-1]:.2f}x")
    tok = tokenizer_seconds(files)
    print(f"yardstick, spaCy blank English tokenizer alone (1 process, texts in memory): {mb / tok:5.2f} MB/s; "
          f"the whole citex command is {tok / min(t for t, _ in times[1]):.2f}x as fast with 1 job and "
          f"{tok / min(t for t, _ in times[a.jobs]):.2f}x with {a.jobs}")
    eighth = files[: max(1, len(files) // 8)]
    dt, rss = run(folder, 1, eighth)
    print(f"memory, 1/8 of the corpus ({len(eighth)} files), jobs=1: peak RSS {rss:.0f} MB")
    if a.ceiling:
        ceiling(files, a.jobs)


if __name__ == "__main__":
    main()
