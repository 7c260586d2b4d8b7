"""Command line: formats, folders, bad files, exit codes, resume."""
import json
import os
import subprocess
import sys

import pytest

EXE = [sys.executable, "-m", "citex.cli"]


def run(*args, input=None):
    return subprocess.run(EXE + list(args), capture_output=True, text=input is None or isinstance(input, str),
                          input=input, timeout=300)


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Russia denounced the European Convention on Human Rights in 2022.", encoding="utf-8")
    (d / "sub" / "b.txt").write_text("Japan will ratify the 1986 International Cocoa Agreement.", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02 Treaty \x00")
    (d / "latin.txt").write_bytes("Signed at Montr\xe9al on 4 November 1950.".encode("cp1252"))
    (d / "bom16.txt").write_bytes("the Kyoto Protocol".encode("utf-16"))
    (d / "page.html").write_text("<html><body><script>var Treaty=1;</script><p>The Rome Statute &amp; more</p></body></html>",
                                 encoding="utf-8")
    (d / "skip.csv").write_text("not read", encoding="utf-8")
    return d


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def test_folder_recursive_sorted_with_errors(folder):
    r = run("extract", str(folder), "--jobs", "1")
    assert r.returncode == 1  # some documents failed
    recs = records(r.stdout)
    ids = [x["doc_id"] for x in recs]
    assert ids == sorted(ids) and "skip.csv" not in ids and "sub/b.txt" in ids
    by = {x["doc_id"]: x for x in recs}
    assert by["empty.txt"]["error"]["type"] == "empty"
    assert by["binary.txt"]["error"]["type"] == "binary"
    assert by["latin.txt"]["error"] is None and by["latin.txt"]["meta"]["encoding"] == "cp1252"
    assert "warning" in by["latin.txt"]["meta"]
    assert by["bom16.txt"]["citations"][0]["title"] == "Kyoto Protocol"
    assert by["page.html"]["meta"]["offsets"] == "cleaned-text"
    assert [c["title"] for c in by["page.html"]["citations"]] == ["Rome Statute"]
    assert "documents" in r.stderr and "errors" in r.stderr


def test_jobs_two_same_output(folder):
    one = run("extract", str(folder), "--jobs", "1", "-q").stdout
    two = run("extract", str(folder), "--jobs", "2", "-q").stdout
    assert one == two


def test_missing_path_exit_2(tmp_path):
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "nope.txt" in r.stderr and "Traceback" not in r.stderr


def test_unwritable_output_exit_2(folder, tmp_path):
    r = run("extract", str(folder / "a.txt"), "-o", str(tmp_path / "no" / "such" / "dir" / "out.jsonl"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_failing_mid_run_exit_2(folder, jobs):
    # a disk that fills up during the run: one line, exit 2, no traceback
    r = run("extract", str(folder), "--jobs", jobs, "-o", "/dev/full")
    assert r.returncode == 2 and "No space left" in r.stderr and "Traceback" not in r.stderr


def test_missing_kb_file_exit_2(folder, tmp_path):
    r = run("extract", str(folder), "--kb", str(tmp_path / "none.csv"))
    assert r.returncode == 2 and "none.csv" in r.stderr and "Traceback" not in r.stderr


def test_stdin_and_formats(tmp_path):
    r = run("extract", "-", input="the Treaty of Amsterdam and the Rome Statute")
    assert r.returncode == 0 and len(records(r.stdout)) == 1
    r = run("extract", "-", "--format", "csv", input="the Treaty of Amsterdam and the Rome Statute")
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("doc_id,") and len(lines) == 3
    r = run("extract", "-", "--format", "json", input="the Rome Statute")
    assert json.loads(r.stdout)[0]["citations"][0]["title"] == "Rome Statute"
    r = run("extract", "-", "--format", "csv", "--level", "dates", input="on 4 November 1950")
    assert "1950-11-04" in r.stdout


def test_resume_after_torn_line(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    full = run("extract", str(folder), "-o", str(out), "--jobs", "1", "-q")
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # simulate a run killed mid-write: two whole lines and half of the third
    out.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf-8")
    run("extract", str(folder), "-o", str(out), "--resume", "--jobs", "1", "-q")
    again = [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(again) == sorted(json.loads(x)["doc_id"] for x in lines) and len(again) == len(set(again))
    assert full.returncode == 1


def test_evaluate_and_kb_subcommands(tmp_path):
    cases = tmp_path / "c.jsonl"
    cases.write_text(json.dumps({"id": "x", "text": "Sweden joined the Paris Agreement in 2016.",
                                 "instruments": [{"surface": "Paris Agreement", "kind": "agreement", "number": None,
                                                  "parent": None, "date": None, "place": None}],
                                 "dates": [{"surface": "2016", "value": "2016"}],
                                 "places": [{"surface": "Sweden"}]}) + "\n", encoding="utf-8")
    r = run("evaluate", str(cases))
    assert r.returncode == 0 and "instruments" in r.stdout
    r = run("kb", "show", "CETS 126")
    assert r.returncode == 0 and "Torture" in r.stdout


def test_several_folders_keep_their_names_and_each_document_once(tmp_path):
    for year, text in (("2024", "Russia denounced the Kyoto Protocol."), ("2025", "Japan ratified the Paris Agreement.")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "a.txt").write_text(text, encoding="utf-8")
    r = subprocess.run(EXE + ["extract", "2024", "2025/", "2024/a.txt", "--jobs", "1", "-q"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=300)
    recs = records(r.stdout)
    assert [x["doc_id"] for x in recs] == ["2024/a.txt", "2025/a.txt"]   # apart, and the repeat listed once
    assert [c["title"] for x in recs for c in x["citations"]] == ["Kyoto Protocol", "Paris Agreement"]
    one = records(subprocess.run(EXE + ["extract", "2024", "-q"], cwd=tmp_path, capture_output=True,
                                 text=True, timeout=300).stdout)
    assert [x["doc_id"] for x in one] == ["a.txt"]                        # one folder: relative to it


def test_a_folder_that_cannot_be_listed_gives_an_error_record(tmp_path, monkeypatch):
    # (chmod does not stop root, so the refusal is simulated)
    from citex.batch import inputs as io
    from citex.batch import tasks as batch
    root = tmp_path / "in"
    (root / "open").mkdir(parents=True)
    (root / "locked").mkdir()
    (root / "open" / "a.txt").write_text("Japan ratified the Paris Agreement.", encoding="utf-8")
    (root / "locked" / "b.txt").write_text("never listed", encoding="utf-8")
    real = io.os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(io.os, "scandir", scandir)
    items = list(io.iter_inputs([str(root)]))
    assert [d for d, _ in items] == ["locked", "open/a.txt"]
    recs = [batch.run_task(t) for t in batch.tasks_for(items)]
    assert recs[0].error.type == "unreadable" and "Permission denied" in recs[0].error.message
    assert recs[1].error is None and recs[1].citations
    # the root itself
    monkeypatch.setattr(io.os, "scandir", lambda path=".": (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    items = list(io.iter_inputs([str(root)]))
    assert len(items) == 1 and batch.run_task(batch.tasks_for(items)[0]).error.type == "unreadable"


def test_file_names_that_are_not_utf8(tmp_path):
    d = tmp_path / "names"
    d.mkdir()
    try:
        with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "wb") as f:
            f.write(b"Russia denounced the Kyoto Protocol.")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (d / "new\nline.txt").write_text("the Rome Statute", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for jobs in ("1", "2"):
        r = run("extract", str(d), "-o", str(out), "--jobs", jobs)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert [x["doc_id"] for x in recs] == ["caf\\xe9.txt", "new\nline.txt"]
        assert recs[0]["citations"][0]["title"] == "Kyoto Protocol"
    r = run("extract", str(d), "-o", str(out), "--resume")   # the printable ids are found again
    assert r.returncode == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2
    r = run("extract", str(d), "--format", "csv")
    assert r.returncode == 0 and "caf\\xe9.txt" in r.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_or_pipe_is_read_up_to_the_limit():
    r = run("extract", "/dev/zero", "--max-bytes", "100000")
    rec = records(r.stdout)[0]
    assert r.returncode == 1 and rec["error"]["type"] == "too_large" and "pipe or device" in rec["error"]["message"]
    r = subprocess.run(["bash", "-c", __import__("shlex").join(EXE) + " extract <(echo 'Russia denounced the Kyoto Protocol.')"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and records(r.stdout)[0]["citations"][0]["title"] == "Kyoto Protocol"


def test_the_output_file_is_never_read_as_input(folder):
    out = folder / "results.txt"   # matches the default *.txt, inside the folder being read
    out.write_text("left from an earlier run", encoding="utf-8")
    r = run("extract", str(folder), "-o", str(out), "--jobs", "1", "-q")
    # issue 15: refused before anything is touched (it would be read as an input, or overwrite one)
    assert r.returncode == 2 and "inside the input folder" in r.stderr
    assert out.read_text(encoding="utf-8") == "left from an earlier run"


def test_resume_runs_worker_deaths_again_and_keeps_one_record_each(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    run("extract", str(folder), "-o", str(out), "--jobs", "1", "-q")
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    # as a run whose worker was killed would have left it: a.txt lost with its batch, then a torn line
    lost = {"doc_id": "a.txt", "citations": [], "dates": [], "places": [],
            "error": {"type": "worker_died", "message": "the worker process died (exit code -9)"}}
    kept = [x for x in recs if x["doc_id"] != "a.txt"]
    out.write_text("".join(json.dumps(x) + "\n" for x in [lost] + kept) + '{"doc_id": "zz', encoding="utf-8")
    run("extract", str(folder), "-o", str(out), "--resume", "--jobs", "2", "-q")
    again = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["doc_id"] for x in again) == sorted(x["doc_id"] for x in recs)   # each once
    a = next(x for x in again if x["doc_id"] == "a.txt")
    assert a["error"] is None and a["citations"][0]["title"] == "European Convention on Human Rights"
    assert not list(tmp_path.glob("*.citex-resume"))
