"""The instrument grammar's examples: names come out whole; bodies, meetings and generic words do not."""
import pytest

from citex.grammar.instruments import EXAMPLES, find_candidates


def names(text):
    """Names as the pipeline keeps them: weak ones ("Kyoto Protocol", "the Elvis convention") only when
    the knowledge base knows them."""
    from citex.kb import lookup
    out = []
    for c in find_candidates(text):
        if c.weak and not lookup(c.title):
            continue
        numeric = any(ch.isdigit() for ch in text[c.start:c.end])
        if c.numbers and numeric:
            out += [f"Protocol No. {n}" for n, _, _ in c.numbers]
        else:
            out.append(text[c.start:c.end] if "\n" in text[c.start:c.end] else c.title)
    return out


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[t[:60] for t, _ in EXAMPLES])
def test_examples(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,numbers", [
    ("Protocols No. 1 and No. 2 thereto", [1, 2]),
    ("Protocols Nos. 1, 4 and 6", [1, 4, 6]),
    ("Protocols I and II additional to the Geneva Conventions", [1, 2]),
    ("Protocol III", [3]),
    ("the Second Optional Protocol", [2]),
    ("the First Additional Protocol", [1]),
    ("Protocol 6", [6]),
])
def test_protocol_numbers(text, numbers):
    c = [x for x in find_candidates(text) if x.kind == "protocol"][0]
    assert [n for n, _, _ in c.numbers] == numbers


def test_each_protocol_item_has_its_own_span():
    text = "Protocols No. 1 and No. 2 of 4 November 1993"
    c = find_candidates(text)[0]
    assert [text[s:e] for _, s, e in c.numbers] == ["Protocols No. 1", "No. 2"]


def test_title_stops_before_date_and_parenthesis():
    text = "the Convention for the Protection of Human Rights and Fundamental Freedoms of 1950 (hereinafter the Convention)"
    c = find_candidates(text)[0]
    assert c.title == "Convention for the Protection of Human Rights and Fundamental Freedoms"
    assert text[c.alias[0]:c.alias[1]] == "Convention"


def test_acronym_definition():
    text = "the Convention on Cluster Munitions (CCM) is a treaty"
    c = find_candidates(text)[0]
    assert text[c.alias[0]:c.alias[1]] == "CCM"


def test_headline_caps_are_weak():
    assert all(c.weak for c in find_candidates("JAPAN SETS CHIP PACT WITH U.S."))


def test_linear_on_repetition():
    import time
    text = "Convention for the " * 20000
    t = time.perf_counter()
    find_candidates(text)
    assert time.perf_counter() - t < 10
