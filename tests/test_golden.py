"""The golden quote: exactly the citations, dates, places, events and actions of quote.actions.expected.json
(the contract with party objects, status and document-level actions),
through the Python API, the CLI and the spaCy pipeline."""
import json
import subprocess
import sys

import citex
from conftest import GOLDEN, check_spans, needs

pytestmark = needs(GOLDEN / "quote.txt")


def expected(linked: bool = True):
    want = json.loads((GOLDEN / "quote.actions.expected.json").read_text(encoding="utf-8"))
    if not linked:
        for c in want["citations"]:
            c["id"] = c["canonical_title"] = None
        for a in want["actions"]:
            a["id"] = None
    return want


def quote():
    return (GOLDEN / "quote.txt").read_text(encoding="utf-8")


def test_api_gives_exactly_the_expected_output():
    got = citex.extract(quote(), doc_id="quote.txt").to_dict()
    assert got == expected()


def test_spans_point_into_the_text():
    text = quote()
    check_spans(text, citex.extract(text))


def test_round_trip_and_pickle():
    import pickle
    res = citex.extract(quote(), doc_id="quote.txt")
    assert citex.Result.from_dict(res.to_dict()) == res
    assert pickle.loads(pickle.dumps(res)) == res


def test_schema(schema_validator):
    schema_validator.validate(citex.extract(quote(), doc_id="quote.txt").to_dict())


def test_cli_jsonl():
    out = subprocess.run([sys.executable, "-m", "citex.cli", "extract", str(GOLDEN / "quote.txt"), "--format", "jsonl"],
                         capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == expected()


def test_spacy_pipeline_same_result():
    nlp = citex.load()
    doc = nlp(quote())
    got = doc._.citex.to_dict()
    got["doc_id"] = "quote.txt"
    assert got == expected()
    assert [s.text for s in doc.spans["citex_dates"]] == ["26 November 1987", "4 November 1993", "28 February 1996"]
