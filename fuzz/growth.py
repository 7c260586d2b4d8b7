"""Complexity fuzzer: look for inputs whose extraction time grows faster than their length.

A random short pattern built from the grammar's pieces (``fuzz/pieces.py``) is repeated to SIZE and
to 4 × SIZE characters; linear code takes about 4 × as long on the longer text, quadratic code 16 ×.
A pattern whose growth is over ``--ratio`` (and whose long run takes over ``--min-seconds``) is
measured again at 16 × SIZE to confirm, and reported.

    python fuzz/growth.py --minutes 10 [--size 100000] [--seed 1] [--ratio 8]

Prints one line per suspicious pattern and a summary (patterns tried, worst growth); exit code 1 if
a confirmed super-linear pattern was found.  Timings are wall-clock: run it on a quiet machine.
Below ~160 kB the time per character itself grows up to 2 x with size (caches, garbage collector), so
small sizes give "noise" lines; the 16 x confirmation tells them from real super-linear growth.
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pieces import ALL, GROUPS, SEPARATORS  # noqa: E402


def pattern(rnd: random.Random) -> str:
    k = rnd.randint(1, 7)
    out = []
    for _ in range(k):
        group = rnd.choice(list(GROUPS.values())) if rnd.random() < 0.7 else ALL
        out.append(rnd.choice(group))
        out.append(rnd.choice(SEPARATORS))
    if rnd.random() < 0.3:
        out = out[:-1]  # no separator at the end: "ConventionConvention…", "1.1.1."
    return "".join(out)


def repeat(unit: str, n: int) -> str:
    return (unit * (n // max(1, len(unit)) + 1))[:n]


def timed(extract, text: str) -> float:
    gc.collect()
    t = time.perf_counter()
    extract(text)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ratio", type=float, default=8.0, help="growth (4 x size) that counts as suspicious")
    ap.add_argument("--min-seconds", type=float, default=0.15, help="ignore patterns faster than this at 4 x size")
    a = ap.parse_args(argv)

    import citex
    from citex.api import default_extractor
    ex = default_extractor(None)
    citex.extract("warm up: the Paris Agreement of 12 December 2015 in Paris")
    extract = ex.extract
    rnd = random.Random(a.seed)
    deadline = time.monotonic() + a.minutes * 60
    tried = found = 0
    worst = (0.0, "")
    while time.monotonic() < deadline:
        unit = pattern(rnd)
        tried += 1
        t1 = timed(extract, repeat(unit, a.size))
        t4 = timed(extract, repeat(unit, 4 * a.size))
        growth = t4 / max(t1, 1e-3)
        if t4 > a.min_seconds and growth > worst[0]:
            worst = (growth, unit)
        if growth > a.ratio and t4 > a.min_seconds:
            # confirm at 16 x: quadratic code gives ~16 x the 4 x time
            t16 = timed(extract, repeat(unit, 16 * a.size))
            g2 = t16 / max(t4, 1e-3)
            verdict = "SUPER-LINEAR" if g2 > a.ratio else "noise"
            print(f"{verdict}: {unit!r}: {t1:.3f}s -> {t4:.3f}s -> {t16:.3f}s (x{growth:.1f}, x{g2:.1f})", flush=True)
            if g2 > a.ratio:
                found += 1
    print(f"{tried} patterns tried in {a.minutes:g} min, {found} super-linear; worst 4x growth "
          f"x{worst[0]:.1f} for {worst[1]!r}", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
