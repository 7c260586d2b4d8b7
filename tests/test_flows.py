"""Issue 16: inputs as people have them (collections, manifests, what a folder walk leaves out), the
output that was asked for (format from the extension, --level everywhere, CSV columns, convert, a
table on a terminal), usage errors before any work, the Python conveniences, Dask in chunks."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import citex

EXE = [sys.executable, "-m", "citex.cli"]
ROOT = Path(__file__).resolve().parents[1]
SENT = "Russia denounced the European Convention on Human Rights in 2022."
TEXT_B = "Japan signed the Paris Agreement\nin New York on 22 April 2016."


def run(*args, input=None, env=None, cwd=None):
    return subprocess.run(EXE + [str(a) for a in args], capture_output=True, text=True, input=input,
                          timeout=300, env=env, cwd=cwd)


def lines(text):
    return [json.loads(x) for x in text.splitlines() if x.strip()]


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SENT, encoding="utf-8")
    (d / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (d / "README.md").write_text("Protocol No. 0 of this corpus", encoding="utf-8")
    (d / "SOURCE.md").write_text("the Kyoto Protocol", encoding="utf-8")
    (d / "LICENSE").write_text("the Kyoto Protocol", encoding="utf-8")
    (d / "report.pdf").write_bytes(b"%PDF-1.4")
    return d


# ------------------------------------------------------------------ inputs

def test_folder_leaves_out_docs_files_and_names_what_it_skipped(folder):
    r = run("extract", folder, "-f", "jsonl")
    assert r.returncode == 0, r.stderr
    assert [x["doc_id"] for x in lines(r.stdout)] == ["a.txt", "b.txt"]
    assert "report.pdf" in r.stderr and "converted to text first" in r.stderr
    assert "README.md" in r.stderr and "SOURCE.md" in r.stderr and "--no-default-excludes" in r.stderr
    r = run("extract", folder, "-f", "jsonl", "--no-default-excludes", "-q")
    assert "README.md" in [x["doc_id"] for x in lines(r.stdout)]


def test_nothing_to_read_is_exit_2_and_says_why(tmp_path):
    d = tmp_path / "pdfs"
    d.mkdir()
    (d / "x.pdf").write_bytes(b"%PDF")
    r = run("extract", d)
    assert r.returncode == 2 and "x.pdf" in r.stderr and "no documents" in r.stderr
    (tmp_path / "empty").mkdir()
    assert run("extract", tmp_path / "empty").returncode == 2


def test_space_separated_globs(folder):
    (folder / "c.htm").write_text("<p>the Rome Statute</p>", encoding="utf-8")
    r = run("extract", folder, "--glob", "*.txt *.htm", "-f", "jsonl", "-q")
    assert [x["doc_id"] for x in lines(r.stdout)] == ["a.txt", "b.txt", "c.htm"]


def test_jsonl_collection_with_default_and_chosen_fields(tmp_path):
    coll = tmp_path / "articles.jsonl"
    coll.write_text("\n".join([
        json.dumps({"id": "n1", "text": SENT, "published": "2024-05-01T10:00:00Z", "url": "https://news/1"}),
        "{not json",
        json.dumps({"id": "n3", "text": TEXT_B}),
    ]) + "\n", encoding="utf-8")
    r = run("extract", coll, "-f", "jsonl", "-q")
    recs = lines(r.stdout)
    assert [x["doc_id"] for x in recs] == ["n1", "articles.jsonl:2", "n3"]
    assert recs[0]["meta"] == {"published": "2024-05-01", "url": "https://news/1"}
    assert recs[0]["citations"][0]["id"] == "CETS 5" and recs[1]["error"]["type"] == "bad_record"
    assert r.returncode == 1
    # rows keep the article's url and date
    r = run("extract", coll, "-f", "csv", "--level", "citations", "-q")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0]["doc_url"] == "https://news/1" and rows[0]["published"] == "2024-05-01"
    # chosen field names; a missing one is a usage error before any work
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"key": "k", "body_text": SENT, "day": "2024-01-02", "link": "u"}) + "\n")
    r = run("extract", other, "--text-field", "body_text", "--id-field", "key", "--date-field", "day",
            "-f", "jsonl", "-q")
    assert lines(r.stdout)[0]["doc_id"] == "k" and lines(r.stdout)[0]["meta"] == {"published": "2024-01-02", "url": "u"}
    r = run("extract", other, "--text-field", "nope")
    assert r.returncode == 2 and "nope" in r.stderr and "Traceback" not in r.stderr


def test_csv_and_parquet_collections_equal_the_jsonl_one(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    recs = [{"id": "n1", "text": SENT, "date": "2024-05-01"}, {"id": "n2", "text": TEXT_B, "date": None}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with open(tmp_path / "c.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["id", "text", "date"])
        w.writeheader()
        w.writerows(recs)
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "c.parquet")
    outs = [run("extract", tmp_path / f"c.{ext}", "-f", "jsonl", "-q").stdout for ext in ("jsonl", "csv", "parquet")]
    assert outs[0] == outs[1] == outs[2] and len(lines(outs[0])) == 2
    assert lines(outs[0])[0]["citations"]


def test_manifest_gives_dates_and_urls(tmp_path):
    (tmp_path / "a.txt").write_text("Russia denounced the Convention on Cybercrime last year.", encoding="utf-8")
    (tmp_path / "m.tsv").write_text("file\tpublished\turl\na.txt\t2025-10-02\thttps://x/a\n", encoding="utf-8")
    r = run("extract", "--manifest", tmp_path / "m.tsv", "-f", "jsonl", "-q")
    (rec,) = lines(r.stdout)
    assert rec["doc_id"] == "a.txt" and rec["meta"] == {"published": "2025-10-02", "url": "https://x/a"}
    assert any(d.get("relative") and d["value"] == "2024" for d in rec["dates"])


# ------------------------------------------------------------------ outputs

def test_format_follows_the_extension_and_level_is_honoured_everywhere(folder, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    run("extract", folder, "-o", tmp_path / "r.csv", "-q")
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("doc_id,index,kind,title")
    run("extract", folder, "-o", tmp_path / "r.parquet", "--level", "events", "-q")
    t = pq.read_table(tmp_path / "r.parquet")
    assert "action" in t.column_names and t.num_rows >= 2
    run("extract", folder, "-o", tmp_path / "e.jsonl", "--level", "events", "-q")
    ev = lines((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert {e["action"] for e in ev} >= {"denunciation", "signature"} and all("sentence" in e for e in ev)
    run("extract", folder, "-o", tmp_path / "p.json", "--level", "places", "-q")
    assert {p["name"] for p in json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))} >= {"Russia", "Japan"}
    run("extract", folder, "-o", tmp_path / "forced.csv", "--format", "jsonl", "-q")   # --format wins
    assert lines((tmp_path / "forced.csv").read_text(encoding="utf-8"))[0]["doc_id"] == "a.txt"


def test_csv_rows_a_person_can_check(folder, tmp_path):
    (folder / "=cmd.txt").write_text("-the Paris Agreement\r\nwas signed.", encoding="utf-8")
    out = tmp_path / "e.csv"
    r = run("extract", folder, "-o", out, "--level", "events", "--published", "2025-01-01", "-q")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    b = next(x for x in rows if x["doc_id"] == "b.txt")
    assert b["sentence"] == "Japan signed the Paris Agreement in New York on 22 April 2016."   # newline normalised
    assert b["canonical_title"] == "Paris Agreement" and b["published"] == "2025-01-01"
    a = next(x for x in rows if x["doc_id"] == "a.txt")
    assert a["url"].startswith("https://www.coe.int/")   # the record's page (when the record has one)
    safe = tmp_path / "safe.csv"
    run("extract", folder, "-o", safe, "--spreadsheet", "-q")
    data = safe.read_text(encoding="utf-8")
    assert data.startswith("\ufeffdoc_id,")
    assert "'=cmd.txt" in data and "\n=cmd.txt" not in data


def test_empty_csv_has_its_header(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("nothing here", encoding="utf-8")
    r = run("extract", d, "-f", "csv", "--level", "events", "-q")
    assert r.stdout.splitlines() == ["doc_id,citation,id,title,canonical_title,url,action,status,party,party_country,date,place,start,end,"
                                     "text,sentence,published,doc_url"]


def test_convert_changes_format_and_level_without_extracting(folder, tmp_path):
    res = tmp_path / "results.jsonl"
    run("extract", folder, "-o", res, "-q")
    r = run("convert", res, "-f", "csv", "--level", "events")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["action"] for x in rows} >= {"denunciation", "signature"}
    direct = list(csv.DictReader(io.StringIO(run("extract", folder, "-f", "csv", "--level", "events", "-q").stdout)))
    drop = lambda rs: [{k: v for k, v in x.items() if k != "sentence"} for x in rs]   # convert has no text
    assert drop(rows) == drop(direct)
    run("convert", res, "-o", tmp_path / "c.json")
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8")) == lines(res.read_text(encoding="utf-8"))


def test_terminal_gets_a_table(tmp_path):
    import pty
    master, slave = pty.openpty()   # standard output is a terminal
    (tmp_path / "a.txt").write_text(SENT, encoding="utf-8")
    p = subprocess.Popen(EXE + ["extract", str(tmp_path / "a.txt")], stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert p.wait(timeout=120) == 0
    assert out.startswith(b"a.txt: 1 citation") and b"CETS 5" in out, out


def test_table_format_reads_well(folder):
    r = run("extract", folder, "-f", "table", "-q")
    assert r.stdout.startswith("a.txt: 1 citation") and "CETS 5" in r.stdout and "denunciation (Russia" in r.stdout


def test_broken_kb_or_ner_is_one_usage_error_before_any_work(folder, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    for args in (["--kb", bad], ["--kb", tmp_path / "missing.csv"], ["--ner", tmp_path / "no-model"]):
        r = run("extract", folder, "-o", tmp_path / "o.jsonl", *args)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert not (tmp_path / "o.jsonl").exists()


def test_no_broken_pipe_tracebacks(folder):
    many = "\n".join(["the Paris Agreement"] * 20000)
    for cmd in ([*EXE, "extract", "-", "--level", "mentions", "-f", "csv"], [*EXE, "kb", "search", "convention", "--limit", "500"]):
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if cmd[3] == "extract":
            p.stdin.write(many.encode())
        p.stdin.close()
        p.stdout.read(10)
        p.stdout.close()
        err = p.stderr.read().decode()
        p.wait(timeout=120)
        assert "Traceback" not in err and "BrokenPipe" not in err, err


# ------------------------------------------------------------------ Python

def test_modules_reachable_right_after_import():
    code = ("import sys, citex; assert 'citex.api' not in sys.modules and 'citex.link.kb' not in sys.modules\n"
            "print(citex.kb.get('cets 126').id, citex.limits.MAX_CHARS, citex.io.read_path.__name__)\n"
            "assert 'citex.grammar.instruments' not in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.split() == ["CETS", "126", "20000000", "read_path"], r.stderr


def test_kb_case_shapes_and_show_by_name():
    assert citex.kb.get("cets 126") == citex.kb.get("CETS 126") == citex.kb.get("Cets No. 126")
    looked, found = citex.kb.lookup("ECHR"), citex.kb.search("torture", limit=3)
    assert all(type(x).__name__ == "Record" for x in looked + found)
    r = run("kb", "show", "ECHR")
    assert r.returncode == 0 and r.stdout.startswith("CETS 5 ")
    r = run("kb", "show", "Vienna Convention")
    assert r.returncode == 2 and "records are named" in r.stderr


def test_extract_many_is_a_list_and_results_show_their_text():
    out = citex.extract_many(["the Paris Agreement", ("b", SENT)])
    assert isinstance(out, list) and [r.doc_id for r in out] == ["0", "b"]
    html = out[1]._repr_html_()
    assert 'class="cx-instrument"' in html and "European Convention on Human Rights" in html
    assert '<a href="https://' in html   # the id links to the record's page
    again = citex.models.Result.from_dict(out[1].to_dict())   # read back: no text, the table only
    assert 'class="cx-instrument"' not in again._repr_html_()


def test_report_lists_citing_documents_and_says_why_no_timeline(tmp_path):
    from citex.output.report import build
    rs = [citex.extract("Russia denounced the Convention on Cybercrime.", doc_id="x"),
          citex.extract("nothing", doc_id="empty-doc")]
    html = build(rs)
    assert "empty-doc" not in html and "1 document citing nothing" in html
    assert "no publication date" in html


def test_writers_are_one_table():
    from citex.output.rows import LEVELS, column_types, rows_fields
    for name, level in LEVELS.items():
        assert rows_fields(name)[0] == "doc_id" and rows_fields(name)[-2:] == ("published", "doc_url")
        assert set(column_types(name).values()) <= {"str", "int", "bool"}


# ------------------------------------------------------------------ Dask

def test_dask_cli_is_chunked_and_equals_the_local_run_byte_for_byte(tmp_path):
    distributed = pytest.importorskip("distributed")
    d = tmp_path / "many"
    d.mkdir()
    for i in range(60):
        (d / f"doc{i:02}.txt").write_text(f"Item {i}. " + (SENT if i % 2 else TEXT_B), encoding="utf-8")
    local = run("extract", d, "-o", tmp_path / "local.jsonl", "--jobs", "2", "-q")
    assert local.returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        r = run("extract", d, "-o", tmp_path / "dask.jsonl", "--scheduler", cluster.scheduler_address, "-q")
        assert r.returncode == 0, r.stderr
        r = run("extract", d, "-o", tmp_path / "dask.csv", "--level", "events", "--scheduler",
                cluster.scheduler_address, "-q")
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    run("extract", d, "-o", tmp_path / "local.csv", "--level", "events", "-q")
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()


def test_run_dask_chunks_in_order(monkeypatch):
    from citex.batch import tasks as T
    assert T.dask_chunk_size(8000, 2) == 64 and T.dask_chunk_size(10, 2) == 1


def test_extract_many_progress_bar(capsys):
    citex.extract_many(["the Paris Agreement", "the Kyoto Protocol"], progress=True)
    assert "2/2" in capsys.readouterr().err
    citex.extract_many(["the Paris Agreement"])   # outside a notebook: no bar by default
    assert capsys.readouterr().err == ""
