"""Issue 13 (5): every citation has a scope, "international" or "domestic"; filters on the API and
the command line; the report and tables put international instruments first.  Sentences written for
these tests (no dev text)."""
import json
import subprocess
import sys

import pytest

import citex
from citex.output.report import build
from citex.output.rows import rows

TEXT = ("The U.S. Constitution and the Civil Rights Act of 1964 were cited beside the Paris Agreement, "
        "the Single European Act and the Convention on Cluster Munitions.")


@pytest.mark.parametrize("name, scope", [
    ("U.S. Constitution", "domestic"),
    ("Civil Rights Act of 1964", "domestic"),
    ("Paris Agreement", "international"),
    ("Single European Act", "international"),   # an "Act" the knowledge base holds: a treaty
    ("Convention on Cluster Munitions", "international"),
])
def test_scope_of_each_form(name, scope):
    got = {c.title: c.scope for c in citex.extract(TEXT).citations}
    assert got[name] == scope


@pytest.mark.parametrize("title, kind, linked, scope", [
    ("Freedom of Information Act", "other", False, "domestic"),     # head last, "of" inside
    ("Tenure of Office Act of 1867", "other", False, "domestic"),   # a year after the head
    ("Criminal Code of Canada", "other", False, "domestic"),        # a national code
    ("Schengen Borders Code", "other", True, "international"),     # a code the knowledge base holds
    ("Act of Settlement", "other", False, "domestic"),             # head before the complement
    ("Federal Law No. 101-FZ dated July 15, 1995, On International Treaties", "other", False, "domestic"),
    ("Constitution of the United States of America", "other", False, "domestic"),
    ("Helsinki Final Act", "other", True, "international"),         # the knowledge base knows it
    ("Directive on the Patentability of Computer-Implemented Inventions", "other", False, "international"),
    ("Treaty on Open Skies", "treaty", False, "international"),
])
def test_scope_of_titles(title, kind, linked, scope):
    from citex.resolve.scope import scope_of
    assert scope_of(title, kind, linked) == scope


@pytest.mark.parametrize("scope, want", [
    (None, 5), ("all", 5), ("international", 3), ("domestic", 2),
])
def test_scope_filter_api(scope, want):
    res = citex.extract(TEXT, scope=scope)
    assert len(res.citations) == want
    assert all(scope in (None, "all") or c.scope == scope for c in res.citations)
    assert len(citex.extract_many([TEXT], scope=scope)[0].citations) == want


def test_scope_filter_renumbers_parents():
    text = "The Convention on Human Rights and Protocol No. 6 thereto, and the U.S. Constitution."
    res = citex.extract(text, scope="international")
    assert all(c.parent is None or 0 <= c.parent < len(res.citations) for c in res.citations)


def test_bad_scope_is_refused():
    with pytest.raises(ValueError):
        citex.extract(TEXT, scope="national")


def test_scope_in_json_schema_and_rows(schema_validator):
    d = citex.extract(TEXT).to_dict()
    schema_validator.validate(d)
    assert {c["scope"] for c in d["citations"]} == {"international", "domestic"}
    assert citex.Result.from_dict(d) == citex.extract(TEXT)
    assert all(r["scope"] in ("international", "domestic") for r in rows(citex.extract(TEXT), "citations"))


def test_cli_scope(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "citex.cli", "extract", str(f), "-f", "jsonl", "-q",
                          "--scope", "domestic"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert {c["scope"] for c in json.loads(out.stdout)["citations"]} == {"domestic"}


def test_report_puts_international_first():
    html = build([citex.extract(TEXT, doc_id="a"), citex.extract("The U.S. Constitution, again.", doc_id="b")])
    table = html.split("<h2>Instruments</h2>", 1)[1].split("</table>", 1)[0]
    assert table.index("Paris Agreement") < table.index("U.S. Constitution")


def test_report_names_undecided_records():
    """An instrument linked to no record but to candidates is listed once, with them."""
    res = citex.extract("Dealers said the dollar held after the Paris accord.", doc_id="a")
    assert res.citations[0].id is None and res.citations[0].candidates
    table = build([res]).split("<h2>Instruments</h2>", 1)[1].split("</table>", 1)[0]
    assert "GK LOUVRE-1987 or UNTS I-54113?" in table


def test_amendment_of_domestic_law_is_domestic():
    cits = citex.extract("The Fourteenth Amendment to the U.S. Constitution applies.").citations
    assert {c.title: c.scope for c in cits} == {"Fourteenth Amendment": "domestic", "U.S. Constitution": "domestic"}


def test_title_in_ordinary_case_rather_than_a_headlines_capitals():
    cits = citex.extract("LOUVRE ACCORD HOLDS\nThe Louvre accord held, dealers said.").citations
    assert [c.title for c in cits] == ["Louvre accord"]


@pytest.mark.parametrize("texts, rows", [
    # a year or a state written with an unlinked name in one document only: one row
    (["Police used the Hunting Act.", "The Hunting Act 2004 bans it."], 1),
    (["It broke the Glass-Steagall Act.", "Japan copied the U.S. Glass-Steagall Act."], 1),
    # two years: two laws
    (["The Parliament Act 1911 applies.", "The Parliament Act 1949 applies."], 2),
])
def test_report_lists_an_unlinked_name_once(texts, rows):
    html = build([citex.extract(t, doc_id=str(i)) for i, t in enumerate(texts)])
    table = html.split("<h2>Instruments</h2>", 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") - 1 == rows
