"""Issue 13 (3): an instrument's own date from the sentence around its name, one row per form.
The sentences are written for these tests (no dev text)."""
import pytest

import citex


@pytest.mark.parametrize("text, published, title, want", [
    # a fronted participle, then the name as subject
    ("Signed on Nov 15, 2020, the 15-member RCEP trade pact covers Asia.", None, "RCEP", "2020-11-15"),
    ("Adopted in Vienna in May 1969, the Vienna Convention on the Law of Treaties codifies custom.",
     None, "Vienna Convention", "1969-05"),
    # the next sentence is about the name
    ("Russia left the Treaty on Open Skies. It was signed in March 1992 in Helsinki.", None, "Open Skies",
     "1992-03"),
    ("India will ratify the Kigali Amendment. This was adopted by the Parties to the Montreal Protocol "
     "in October 2016.", None, "Kigali", "2016-10"),
    # a day without its year, dated by the publication only: a name, not the instrument's date
    ("Seoul may scrap the September 19 Inter-Korean Military Agreement.", "2023-10-02", "Inter-Korean", None),
    ("Seoul may scrap the September 19 Inter-Korean Military Agreement.", None, "Inter-Korean", None),
])
def test_own_date_forms(text, published, title, want):
    cits = [c for c in citex.extract(text, published=published).citations if title in c.title]
    assert cits, text
    got = cits[0].date.value if cits[0].date else None
    assert got == want


def test_it_refers_only_to_a_lone_name():
    """Two names in the sentence: "It was signed …" may be either; neither gets the date."""
    r = citex.extract("Russia left the Open Skies Treaty, then the Paris Agreement. It was signed in 1992.")
    assert len(r.citations) == 2
    assert all(c.date is None for c in r.citations)
