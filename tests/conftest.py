import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLDEN = SHARED / "golden"
DEV = SHARED / "eval" / "dev"
SCHEMA = ROOT / "src" / "citex" / "schema" / "result.schema.json"


def needs(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not here (../shared beside the repo)")


@pytest.fixture(scope="session")
def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_spans(text, result):
    """text[start:end] == .text for every object that points into the text."""
    def ok(o):
        assert text[o.start:o.end] == o.text, (o.start, o.end, o.text)
    for c in result.citations:
        ok(c)
        for m in c.mentions:
            ok(m)
        for e in c.events:
            ok(e)
            if e.date:
                ok(e.date)
            if e.place:
                ok(e.place)
        if c.date:
            ok(c.date)
        if c.place:
            ok(c.place)
    for d in result.dates:
        ok(d)
    for p in result.places:
        ok(p)
