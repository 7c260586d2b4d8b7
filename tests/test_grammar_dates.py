"""The date grammar's own examples, and the published-date rules."""
import pytest

from citex.grammar.dates import EXAMPLES, RELATIVE_EXAMPLES, find_dates, parse_published


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_absolute_examples(text, expected):
    got = [(d.text, d.value) for d in find_dates(text) if not d.relative]
    assert got == expected
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text,published,expected", RELATIVE_EXAMPLES, ids=[t for t, _, _ in RELATIVE_EXAMPLES])
def test_relative_examples(text, published, expected):
    got = [(d.text, d.value) for d in find_dates(text, parse_published(published)) if d.relative]
    assert got == expected


def test_relative_with_and_without_reference_date():
    text = "At the end of September, the law was signed; last year it was debated."
    assert [(d.text, d.value, d.relative) for d in find_dates(text)] == [("September", "--09", True)]
    rel = find_dates(text, parse_published("2025-10-02"))
    assert [d.value for d in rel] == ["2025-09", "2024"] and all(d.relative for d in rel)
    for d in rel:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("value,precision", [("1987", "year"), ("1987-11", "month"), ("1987-11-26", "day"),
                                             ("--11-26", "day"), ("--11", "month")])
def test_precision(value, precision):
    from citex.models import Date
    assert Date(text="x", value=value, start=0, end=1).precision == precision


def test_bad_published():
    with pytest.raises(ValueError):
        parse_published("yesterday")
    with pytest.raises(TypeError):
        parse_published(3.5)
