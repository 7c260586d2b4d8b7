"""The invariants every fuzz target checks on one result (an AssertionError says which one broke)."""
from __future__ import annotations

import json
from pathlib import Path

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "citex" / "schema" / "result.schema.json"
_VALIDATOR = None


def validator():
    global _VALIDATOR
    if _VALIDATOR is None:
        import jsonschema
        _VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    return _VALIDATOR


def spans(result):
    """Every object of a result that points into the text."""
    for c in result.citations:
        yield c
        yield from c.mentions
        for e in c.events:
            yield e
            if e.date:
                yield e.date
            if e.place:
                yield e.place
        if c.date:
            yield c.date
        if c.place:
            yield c.place
    yield from result.dates
    yield from result.places


def check(text: str, result) -> None:
    """No error on text that is small enough; spans inside the text and equal to their ``text``;
    the JSON form valid against the schema and read back unchanged; parents point at citations."""
    assert result.error is None, result.error
    n = len(text)
    for o in spans(result):
        assert 0 <= o.start <= o.end <= n, (type(o).__name__, o.start, o.end, n)
        assert text[o.start:o.end] == o.text, (type(o).__name__, o.start, o.end, o.text, text[o.start:o.end])
    for i, c in enumerate(result.citations):
        assert c.parent is None or (0 <= c.parent < len(result.citations) and c.parent != i), (i, c.parent)
    d = result.to_dict()
    errors = sorted(validator().iter_errors(d), key=lambda e: list(e.path))
    assert not errors, errors[0].message
    assert type(result).from_dict(d).to_dict() == d, "to_dict/from_dict round trip"
    json.dumps(d, ensure_ascii=False)
