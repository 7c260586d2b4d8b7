#!/usr/bin/env python3
"""How long the bundled treaty KB takes to load (target: < 0.3 s, index building included).

    python benchmarks/kb_load.py [--runs N] [--max SECONDS]

* cold: a fresh interpreter runs ``import citex.kb`` then ``KnowledgeBase.bundled()``;
  reported separately: the ``citex.kb`` import (which also imports the ``citex``
  package) and the KB load (read + gunzip + parse + index).
* warm: in this process, ``KnowledgeBase._from_bytes`` on the already-read file (no I/O).

Exits 1 if the median cold KB load exceeds ``--max``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

CHILD = r"""
import json, time
t0 = time.perf_counter()
import citex.kb as K
t1 = time.perf_counter()
kb = K.KnowledgeBase.bundled()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "records": len(kb)}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--max", type=float, default=0.3, help="max median cold load in seconds")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    cold = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True,
                             check=True).stdout
        cold.append(json.loads(out.strip().splitlines()[-1]))
    sys.path.insert(0, str(SRC))
    import citex.kb as K
    data = (SRC / "citex" / "data" / K.DATA_FILE).read_bytes()
    warm = []
    for _ in range(args.runs):
        t = time.perf_counter()
        K.KnowledgeBase._from_bytes(data)
        warm.append(time.perf_counter() - t)
    med = lambda xs: statistics.median(xs)  # noqa: E731
    load = med([c["load"] for c in cold])
    print(f"file: {len(data):,} bytes, {cold[0]['records']} records")
    print(f"cold: import citex.kb {med([c['import'] for c in cold]):.3f} s, "
          f"KnowledgeBase.bundled() {load:.3f} s (median of {args.runs})")
    print(f"warm: parse + index {med(warm):.3f} s (min {min(warm):.3f} s)")
    if load > args.max:
        print(f"SLOW: {load:.3f} s > {args.max} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
