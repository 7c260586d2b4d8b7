"""Batch features: Parquet, per-file reference dates, a real kill -9 and resume, Dask equality."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

EXE = [sys.executable, "-m", "citex.cli"]


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    texts = [
        "Russia denounced the European Convention on Human Rights on 15 March 2022.",
        "Japan will ratify the 1986 International Cocoa Agreement, officials said last year.",
        "Sweden joined the Paris Agreement.",
        "",
        "The Rome Statute entered into force on 1 July 2002.",
    ]
    for i, t in enumerate(texts):
        (d / f"doc{i:02d}.txt").write_text(t, encoding="utf-8")
    return d


def run(*args):
    return subprocess.run(EXE + list(args), capture_output=True, text=True, timeout=300)


def serial_records(folder):
    out = run("extract", str(folder), "--jobs", "1", "-q").stdout
    return [json.loads(x) for x in out.splitlines()]


def test_parquet_levels(folder, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    for level in ("citations", "events", "dates", "places", "mentions"):
        out = tmp_path / f"{level}.parquet"
        r = run("extract", str(folder), "--format", "parquet", "--level", level, "-o", str(out), "-q")
        assert r.returncode == 1, r.stderr  # the empty file is an error record
        table = pq.read_table(out)
        assert "doc_id" in table.column_names and table.num_rows > 0
    t = pq.read_table(tmp_path / "citations.parquet").to_pylist()
    assert {"doc00.txt", "doc03.txt"} <= {r["doc_id"] for r in t}  # the failed document has its row too


def test_published_from_sidecar_and_mtime(folder):
    (folder / "doc01.txt.meta.json").write_text(json.dumps({"published": "1987-06-29"}), encoding="utf-8")
    recs = {x["doc_id"]: x for x in
            (json.loads(line) for line in run("extract", str(folder), "--published-from", "sidecar", "-q").stdout.splitlines())}
    rel = [d for d in recs["doc01.txt"]["dates"] if d.get("relative")]
    assert [(d["text"], d["value"]) for d in rel] == [("last year", "1986")]
    assert recs["doc01.txt"]["meta"]["published"] == "1987-06-29"
    ts = time.mktime((2019, 5, 17, 12, 0, 0, 0, 0, -1))
    os.utime(folder / "doc01.txt", (ts, ts))
    recs = {x["doc_id"]: x for x in
            (json.loads(line) for line in run("extract", str(folder / "doc01.txt"), "--published-from", "mtime", "-q").stdout.splitlines())}
    rel = [d for d in recs["doc01.txt"]["dates"] if d.get("relative")]
    assert [d["value"] for d in rel] == ["2018"]


def test_a_manifest_beside_the_files_dates_them_by_default(folder):
    # a corpus's own manifest (as Reuters-21578 and Wikinews ship one): dates in wire form, a subfolder
    sub = folder / "wire"
    sub.mkdir()
    (sub / "a.txt").write_text("Japan will ratify the Cocoa Agreement, officials said last year.", encoding="utf-8")
    (folder / "MANIFEST.tsv").write_text("file\tdate\ntest/x.txt\t1-JAN-1990\nwire/a.txt\t8-APR-1987 00:38:26.78\n",
                                         encoding="utf-8")
    recs = {x["doc_id"]: x for x in (json.loads(line) for line in run("extract", str(folder), "-q").stdout.splitlines())}
    assert recs["wire/a.txt"]["meta"]["published"] == "1987-04-08"
    assert [d["value"] for d in recs["wire/a.txt"]["dates"] if d.get("relative")] == ["1986"]
    assert "meta" not in recs["doc00.txt"] or "published" not in recs["doc00.txt"]["meta"]  # not listed: no date
    off = {x["doc_id"]: x for x in (json.loads(line) for line in
                                    run("extract", str(folder), "--published-from", "none", "-q").stdout.splitlines())}
    assert not [d for d in off["wire/a.txt"]["dates"] if d.get("relative")]
    fixed = {x["doc_id"]: x for x in (json.loads(line) for line in
                                      run("extract", str(folder), "--published", "2020-01-01", "-q").stdout.splitlines())}
    assert fixed["wire/a.txt"]["meta"]["published"] == "1987-04-08"   # the file's own date wins
    assert "published" not in fixed["doc00.txt"].get("meta", {})      # the fixed date is no per-file source


def _run_until_output(tmp_path, jobs, n_docs, repeat, **popen):
    """Start `citex extract` on n_docs documents and return once it has written 20 kB:
    (process, input folder, output file)."""
    src = tmp_path / "many"
    src.mkdir()
    body = "Russia denounced the European Convention on Human Rights on 15 March 2022. " * repeat
    for i in range(n_docs):
        (src / f"{i:04d}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(EXE + ["extract", str(src), "-o", str(out), "--jobs", jobs, "-q"], **popen)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20000):
        time.sleep(0.02)
    return proc, src, out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_then_resume_gives_every_document_once(tmp_path, jobs):
    proc, src, out = _run_until_output(tmp_path, jobs, 400, 40)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.exists()
    with open(out, "ab") as f:   # a torn last line, as a kill mid-write would leave
        f.write(b'{"doc_id": "00')
    r = run("extract", str(src), "-o", str(out), "--resume", "--jobs", "2", "-q")
    assert r.returncode == 0, r.stderr
    ids = [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == 400 and len(set(ids)) == 400


def test_dask_local_cluster_equals_serial(folder):
    distributed = pytest.importorskip("distributed")
    import citex.dask
    import dask.bag as db
    serial = serial_records(folder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        got = citex.dask.extract_paths([str(folder)], partition_size=2).compute()
        assert got == serial
        texts = [(x["doc_id"], (folder / x["doc_id"]).read_text(encoding="utf-8")) for x in serial if x["doc_id"] != "doc03.txt"]
        bag = citex.dask.extract_bag(db.from_sequence(texts, npartitions=2))
        assert [r["citations"] for r in bag.compute()] == [x["citations"] for x in serial if x["doc_id"] != "doc03.txt"]
        r = run("extract", str(folder), "--scheduler", cluster.scheduler_address, "-q")
        assert [json.loads(x) for x in r.stdout.splitlines()] == serial


# ------------------------------------------------------------------ local worker processes

def _tasks(folder, n, body="Sweden joined the Paris Agreement on 15 March 2022. "):
    from citex.batch.tasks import Task
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(body * 3, encoding="utf-8")
    return [Task(doc_id=f"{i:04d}.txt", path=str(folder / f"{i:04d}.txt"), as_line=True) for i in range(n)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to pass the patched function to helpers")
def test_a_helper_killed_mid_batch_costs_that_batch_only(tmp_path, monkeypatch):
    from citex.batch import workers
    tasks = _tasks(tmp_path, 200)
    parent, real = os.getpid(), workers.run_task

    def deadly(task, stdin_data=None):
        if os.getpid() != parent and task.doc_id == "0002.txt":  # batch 0 always goes to helper 0
            os.kill(os.getpid(), signal.SIGKILL)
        return real(task)

    monkeypatch.setattr(workers, "run_task", deadly)
    with workers.Workers(3) as w:
        outs = list(w.imap(tasks))
    recs = [json.loads(o.line) for o in outs]
    assert [r["doc_id"] for r in recs] == [t.doc_id for t in tasks]   # every document, in order, once
    died = [r["doc_id"] for r in recs if r["error"] and r["error"]["type"] == "worker_died"]
    size = workers.batch_size(len(tasks), 3)
    assert died == [t.doc_id for t in tasks[:size]]                   # only the batch it was working on
    assert "exit code -9" in recs[0]["error"]["message"]
    assert all(r["error"] is None and r["citations"] for r in recs[size:])


def test_every_helper_killed_the_run_still_finishes(tmp_path):
    from citex.batch import workers
    tasks = _tasks(tmp_path, 120)
    with workers.Workers(3) as w:
        for h in w._helpers:
            os.kill(h.proc.pid, signal.SIGKILL)
        outs = list(w.imap(tasks))
    recs = [json.loads(o.line) for o in outs]
    assert [r["doc_id"] for r in recs] == [t.doc_id for t in tasks]
    # the helpers died before taking anything: at most their first batches are lost, the rest
    # was done here
    assert sum(r["error"] is None for r in recs) >= len(tasks) - 2 * workers.batch_size(len(tasks), 3)


def test_three_processes_equal_one(tmp_path):
    from citex.batch import workers
    from citex.batch.workers import run_local
    tasks = _tasks(tmp_path, 150, "Russia denounced the European Convention on Human Rights in 2022. ")
    one = [o.line for o in run_local(tasks, 1)]
    assert [o.line for o in run_local(tasks, 3)] == one
    with workers.Workers(2) as w:
        list(w.imap(tasks[:3]))
        with pytest.raises(RuntimeError):
            list(w.imap(tasks))


def test_helpers_exit_when_the_parent_is_killed(tmp_path):
    # a parent killed by -9 leaves no helper behind (they notice the new parent pid)
    code = ("import os, sys, time\n"
            "from citex.batch.workers import Workers\n"
            "w = Workers(3)\n"
            "print(' '.join(str(h.proc.pid) for h in w._helpers), flush=True)\n"
            "time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 2
    proc.kill()
    proc.wait()
    deadline = time.time() + 20
    def alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        # a zombie waiting for init to reap it counts as gone
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().split(")")[-1].split()[0] != "Z"
        except OSError:
            return False
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)


def _session_processes(sid):
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":   # fields: state ppid pgrp session …
                found.append(int(d))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_parent_killed_mid_run_leaves_no_helper_behind(tmp_path):
    # helpers with results still to send must not hang on a pipe nobody reads
    proc, _, _ = _run_until_output(tmp_path, "3", 600, 60, start_new_session=True)
    proc.kill()
    proc.wait()
    deadline = time.time() + 15
    while time.time() < deadline and _session_processes(proc.pid):
        time.sleep(0.1)
    left = _session_processes(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to pass the patched function to helpers")
def test_one_slow_document_does_not_let_finished_batches_pile_up(tmp_path, monkeypatch):
    from citex.batch import workers
    tasks = _tasks(tmp_path, 1500)
    parent, real, here = os.getpid(), workers.run_task, []

    def slow(task, stdin_data=None):
        if os.getpid() != parent and task.doc_id == "0000.txt":  # batch 0: helper 0's
            time.sleep(2)
        if os.getpid() == parent:
            here.append(task.doc_id)
        return real(task)

    monkeypatch.setattr(workers, "run_task", slow)
    with workers.Workers(3) as w:
        it = w.imap(tasks)
        first = next(it)
        size = workers.batch_size(len(tasks), 3)
        assert len(here) <= workers.WINDOW_PER_PROCESS * 3 * size   # bounded, not "everything else"
        rest = list(it)
    assert [json.loads(o.line)["doc_id"] for o in [first] + rest] == [t.doc_id for t in tasks]


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    proc, _, out = _run_until_output(tmp_path, "2", 400, 40, start_new_session=True,
                                     stderr=subprocess.PIPE, text=True)
    os.killpg(proc.pid, signal.SIGINT)   # as a terminal does: the whole process group
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130 and "Traceback" not in err and "--resume" in err, err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(x)["error"] is None for x in lines)   # whole lines, no false worker deaths


def test_unreachable_dask_scheduler_is_one_line_and_exit_2(folder, tmp_path):
    pytest.importorskip("distributed")
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    r = subprocess.run(EXE + ["extract", str(folder), "-o", str(tmp_path / "o.jsonl"), "--scheduler", "tcp://127.0.0.1:9"],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 2 and "Dask scheduler tcp://127.0.0.1:9" in r.stderr and "Traceback" not in r.stderr, r.stderr
