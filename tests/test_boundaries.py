"""Issue 13 (a): names end where the name ends: datelines, relative dates, closing quotes, lower-case
title words, amendments as instruments of their own (table-driven)."""
from __future__ import annotations

import pytest

import citex

CASES = [
    # (text, [(first mention, kind, parent's first mention or None)])
    ("Lithuania withdrew from the Convention on Cluster Munitions on Thursday, officials said.",
     [("Convention on Cluster Munitions", "convention", None)]),
    ("Russia left the Treaty on Open Skies on Monday.", [("Treaty on Open Skies", "treaty", None)]),
    ("a breach of the Paris Agreement Today, he said", [("Paris Agreement", "agreement", None)]),
    ("quit the Convention on Cluster Munitions\nVILNIUS, March 6 (Reuters) - Lithuania",
     [("Convention on Cluster Munitions", "convention", None)]),
    ("quit the Convention on Cluster Munitions\nVILNIUS (Reuters) - Lithuania",
     [("Convention on Cluster Munitions", "convention", None)]),
    ("the Rome Statute of the International Criminal Court\nRome, 17 July 1998",
     [("Rome Statute of the International Criminal Court", "statute", None)]),
    ('He said: "We will leave the Ottawa Treaty." Then', [("Ottawa Treaty", "treaty", None)]),
    ("withdrew from the “Convention on Cluster Munitions”, adding",
     [("Convention on Cluster Munitions", "convention", None)]),
    ("Turkey left the Council of Europe Convention on preventing and combating violence against women and "
     "domestic violence in 2021.",
     [("Council of Europe Convention on preventing and combating violence against women and domestic violence",
       "convention", None)]),
    ("the UN Convention on refugees and said", [("UN Convention on refugees", "convention", None)]),
    ("India ratified the Kigali Amendment to the Montreal Protocol on Substances that Deplete the Ozone Layer.",
     [("Kigali Amendment to the Montreal Protocol on Substances that Deplete the Ozone Layer", "other",
       "Montreal Protocol on Substances that Deplete the Ozone Layer"),
      ("Montreal Protocol on Substances that Deplete the Ozone Layer", "protocol", None)]),
    ("the Doha Amendment to the Kyoto Protocol", [("Doha Amendment to the Kyoto Protocol", "other", "Kyoto Protocol"),
                                                  ("Kyoto Protocol", "protocol", None)]),
    ("the Vienna Convention on the Law of Treaties of 1969 applies",
     [("Vienna Convention on the Law of Treaties", "convention", None)]),
    # not instruments
    ("defending his Second Amendment freedom", []),
    ("an Amendment to the Treaty was tabled", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[t[:50] for t, _ in CASES])
def test_names_end_where_the_name_ends(text, expected):
    cits = citex.extract(text).citations
    got = [(c.text, c.kind, cits[c.parent].text if c.parent is not None else None) for c in cits]
    assert got == expected


def test_an_amendment_does_not_swallow_the_instrument_it_amends():
    text = "could take over via the 25th Amendment of the US Constitution."
    assert [c.text for c in citex.extract(text).citations] == ["US Constitution"]
