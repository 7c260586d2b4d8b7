"""Issue 13 (b): ordinary senses of head words are no instruments (table-driven)."""
from __future__ import annotations

import pytest

import citex

NOT_INSTRUMENTS = [
    "He drove a Honda Accord to work.",
    "The City Charter requires a vote.",
    "the Houston City Charter was amended",
    "signed a Merger Agreement with the buyer",
    "the club's Membership Agreement",
    "the Statute of Limitations had run out",
    "the Labour-Liberal Democrat Pact collapsed",
    "the Coalition Agreement between the CDU and SPD",
    "the ECHR ruled on Tuesday that Russia violated",
    "the ECHR's judges found",
    "the Complementary Protocols were published",
]
STILL_INSTRUMENTS = [
    ("Russia withdrew from the ECHR in 2022", "ECHR"),
    ("Article 3 of the ECHR prohibits torture", "ECHR"),
    ("the EU–Mexico Partnership Agreement was signed", "EU–Mexico Partnership Agreement"),
    ("the European Union's Stability and Growth Pact rules", "Stability and Growth Pact"),
    ("the Camp David Accords in 1978", "Camp David Accords"),
    ("the Charter of the United Nations", "Charter of the United Nations"),
]


@pytest.mark.parametrize("text", NOT_INSTRUMENTS)
def test_ordinary_senses_are_no_instruments(text):
    assert list(citex.extract(text).citations) == []


@pytest.mark.parametrize("text,name", STILL_INSTRUMENTS)
def test_instruments_stay(text, name):
    assert [c.text for c in citex.extract(text).citations] == [name]
