"""`citex extract --scheduler` against the local run and `citex.dask.extract_paths`, on a local Dask
cluster (2 worker processes, 1 thread each, as `dask worker --nthreads 1 --nworkers 2`).

    python benchmarks/dask_batch.py [CORPUS_DIR] [--workers 2] [--repeat 3]

For each way: wall time of the whole job (best of --repeat), and whether the output equals the local
run's byte for byte.  The cluster is started once and warmed up (each worker has loaded the pipeline)
before any timing, so the figures compare the ways of running, not the start-up of the cluster.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus"


def cli(args: list[str]) -> tuple[float, bytes]:
    out = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False).name
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "citex.cli", "extract", "-q", "-o", out, *args], check=False)
    dt = time.perf_counter() - t
    data = Path(out).read_bytes()
    os.unlink(out)
    return dt, data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from distributed import Client, LocalCluster
    import citex.dask
    with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        citex.dask.extract_paths([a.corpus]).compute()  # warm-up: every worker loads the pipeline
        best = {}
        outputs = {}
        for _ in range(a.repeat):
            for name, args in (("local --jobs %d" % a.workers, ["--jobs", str(a.workers), a.corpus]),
                               ("--scheduler", ["--scheduler", cluster.scheduler_address, a.corpus])):
                dt, data = cli(args)
                best[name] = min(best.get(name, dt), dt)
                outputs[name] = data
            t = time.perf_counter()
            recs = citex.dask.extract_paths([a.corpus]).compute()
            dt = time.perf_counter() - t
            best["citex.dask.extract_paths"] = min(best.get("citex.dask.extract_paths", dt), dt)
            outputs["citex.dask.extract_paths"] = "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                          for r in recs).encode("utf-8")
        local = outputs["local --jobs %d" % a.workers]
        n = local.count(b"\n")
        print(f"{n} documents, {sum(f.stat().st_size for f in Path(a.corpus).rglob('*') if f.is_file()) / 1e6:.1f} MB, "
              f"{a.workers} workers, best of {a.repeat}")
        for name, dt in best.items():
            same = "same bytes as local" if outputs[name] == local else "DIFFERS from local"
            print(f"  {name:<28} {dt:6.2f} s   {same}")


if __name__ == "__main__":
    main()
