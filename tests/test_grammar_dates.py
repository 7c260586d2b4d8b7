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


def test_windowed_scan_equals_a_whole_text_scan():
    """find_absolute runs the grammar only in windows around four-digit years, from the first digit or
    month name there: the same dates as a scan of the whole text; a match's form is its last group."""
    import random

    from citex.grammar.dates import PATTERN, _find_anchored, _value
    forms = ["iso", "num", "roman", "dd", "dmy", "mdy", "mm", "my", "yr", "y"]
    pieces = ["26", "3", "19th", "November", "Nov.", "Sept", "MARCH", "May", "June", "of", "and", "-", "–", "/",
              ".", ",", "1987", "2024", "1987-11-26", "05/09/2014", "5.IX.2024", "2018-2019", "No.", "people",
              "GMT", "The", "Jan", "x", "A", "\n", "  ", "%", "(", ")", "12"]
    rng = random.Random(13)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 16)))
        want = []
        for m in PATTERN.finditer(text):
            assert m.lastgroup == next(f for f in forms if m.group(f)), text
            if m.lastgroup == "yr":
                want += [(m.start("yr_a"), m.end("yr_a")), (m.start("yr_b"), m.end("yr_b"))]
            elif _value(m, text) is not None:
                want.append(m.span())
        assert [(d.start, d.end) for d in _find_anchored(text)] == want, text


@pytest.mark.parametrize("text,published,expected", [
    # a numeric date that reads both ways takes the order another numeric date of the text fixes
    ("Reported 04/09/87 and 04/13/87.", None, [("04/09/87", "1987-04-09"), ("04/13/87", "1987-04-13")]),
    ("Reported 04/09/87 and 13/04/87.", None, [("04/09/87", "1987-09-04"), ("13/04/87", "1987-04-13")]),
    # ... else the reading nearer the publication date (a wire report of 13 April 1987: April 9)
    ("Stocks as of 04/09/87 and 03/09/87.", "1987-04-13", [("04/09/87", "1987-04-09"), ("03/09/87", "1987-03-09")]),
    ("Stocks as of 04/09/87.", "1987-09-10", [("04/09/87", "1987-09-04")]),
    # ... else day first, as for dotted dates whatever the reference date
    ("Stocks as of 04/09/87.", None, [("04/09/87", "1987-09-04")]),
    ("Signed 04.09.1987.", "1987-04-13", [("04.09.1987", "1987-09-04")]),
    # a text that writes both orders is left as read
    ("Held 04/09/87, 04/13/87 and 13/04/87.", "1987-04-20",
     [("04/09/87", "1987-09-04"), ("04/13/87", "1987-04-13"), ("13/04/87", "1987-04-13")]),
])
def test_numeric_dates_take_the_text_order(text, published, expected):
    assert [(d.text, d.value) for d in find_dates(text, parse_published(published))] == expected
