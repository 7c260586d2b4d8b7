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
    # a sentence that defines the name it opens: the act of its relative clause or participle
    ("The Convention on Peace is a treaty of the Council of Europe which was opened for signature on "
     "11 May 2011, in Istanbul.", None, "Convention on Peace", "2011-05-11"),
    ("Convention against Torture is a treaty of human rights law created by United Nations on December "
     "10 1984 that prohibits torture.", None, "Torture", "1984-12-10"),
    ("The Convention on Peace, better known as the Lake Convention, is a treaty which was adopted on "
     "3 May 2001.", None, "Convention on Peace", "2001-05-03"),
    # a state's act there is no own date
    ("The Convention on Peace is a treaty that Slovenia signed on 3 May 2001.", None, "Convention on Peace", None),
    ("The Convention on Peace is a treaty which was signed by France on 3 May 2001.", None, "Convention on Peace",
     None),
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


@pytest.mark.parametrize("text, published, title, place", [
    # a place and a full date on the line after the name: where and when it was done
    ("Rome Statute of the International Criminal Court\nRome, 17 July 1998\n\nThe States Parties agree.",
     None, "Rome Statute", "Rome"),
    # a wire's dateline under a headline that ends with the name is no place of the instrument
    ("Sri Lanka has ratified the Comprehensive Nuclear-Test-Ban Treaty\nNEW DELHI, July 26. /tass/. "
     "Sri Lanka has ratified it.", "2023-07-27", "Comprehensive", None),
])
def test_own_place_line(text, published, title, place):
    cits = [c for c in citex.extract(text, published=published).citations if title in c.title]
    assert cits, text
    got = cits[0].place.text if cits[0].place else None
    assert got == place


def test_own_act_across_a_wire_line_break():
    """Hard-wrapped wire copy: a line break inside the paragraph is a space ("signed in\\nParis in 1990")."""
    text = ("MOSCOW, March 3 - The Soviet Union said on Tuesday it would\nabide by the CFE treaty signed in\n"
            "Paris in 1990 and the START treaty signed in Moscow in\nJuly 1991, officials said.\n")
    cs = citex.extract(text).citations
    assert [(c.text, c.date.value, c.place.text) for c in cs] == [("CFE treaty", "1990", "Paris"),
                                                                   ("START treaty", "1991-07", "Moscow")]


@pytest.mark.parametrize("text,dates", [
    # a parent named inside a child's title takes none of the child's own date
    ("Protocol No. 14 to the European Convention on Human Rights, adopted in 2004, reformed the court.",
     [("Protocol No. 14 to the European Convention on Human Rights", "2004"), ("European Convention on Human Rights", None)]),
    ("The Kigali Amendment to the Montreal Protocol, adopted in 2016, phases down HFCs.",
     [("Kigali Amendment to the Montreal Protocol", "2016"), ("Montreal Protocol", None)]),
    # protocols named before their parent: the act after the parent is theirs
    ("Protocols I and II additional to the Geneva Conventions were adopted in 1977.",
     [("Protocols I", "1977"), ("II", "1977"), ("Geneva Conventions", None)]),
    # a signing the text dates in the record's month of adoption is the instrument's conclusion
    ("Obama and Medvedev signed the New START treaty in Prague on 8 April 2010.", [("New START treaty", "2010-04-08")]),
    # a later state's signature is not
    ("France signed the Paris Agreement on 22 April 2016.", [("Paris Agreement", None)]),
    # a description or an aside between the name and its own act
    ("The Ottawa Treaty banning landmines was signed in December 1997.", [("Ottawa Treaty", "1997-12")]),
    ("The Minamata Convention on Mercury, named after the Japanese city, was adopted in October 2013.",
     [("Minamata Convention on Mercury", "2013-10")]),
    # the adoption in the active voice
    ("WHO member states adopted the Pandemic Agreement in Geneva on 20 May 2025.", [("Pandemic Agreement", "2025-05-20")]),
    # an ILO convention's title year
    ("The Philippines ratified the Domestic Workers Convention, 2011 (No. 189).", [("Domestic Workers Convention", "2011")]),
    # names joined before a plural verb share it
    ("The Convention on the Rights of Persons with Disabilities and its Optional Protocol were adopted on "
     "13 December 2006 in New York.",
     [("Convention on the Rights of Persons with Disabilities", "2006-12-13"), ("Optional Protocol", "2006-12-13")]),
])
def test_own_act_goes_to_the_named_instrument(text, dates):
    cs = citex.extract(text).citations
    assert [(c.text, c.date.value if c.date else None) for c in cs] == dates
