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
    # commercial contracts (the last words, a plural possessive, two or three words together)
    "the firm entered into a Credit Agreement with its lenders",
    "the deal is subject to a Standstill Agreement until June",
    "they signed a Joint Venture Agreement to build the plant",
    "the oil firm signed a Production Sharing Agreement with the ministry",
    "the board adopted a Shareholder Rights Agreement",
    "the airline's Codeshare Agreement with its partner starts in May",
    "prosecutors offered him a Plea Agreement",
    "under a Pfizer agreement the doses arrive in May",
    "the firm signed an IBM agreement last year",
    "the share purchase would violate an ACME agreement with its creditors",
    # clubs and sport
    "the Premier League's Owners' Charter sets the rules",
    "the Olympic Charter bans protests at the Games",
    "the Football League's Financial Fair Play Agreement was criticised",
    "the Ryder Cup Agreement between the tours was extended",
    "the FIFA Statutes forbid government interference",
    "the Star Trek Convention was sold out",
    "the National Rifle Association Convention opened on Friday",
    # cities and institutions
    "the council approved a Home Rule Charter",
    "the Baltimore Charter was amended by voters",
    "the University Charter was signed by the king",
    # parties
    "the Labour-SNP pact was ruled out",
    "the Tory-DUP agreement cost a billion",
    "the Liberal-NDP accord kept the government in power",
    "the Brexit Party pact with the Conservatives was rejected",
    "the Lib Dems' pact with the Greens was announced",
    "the Liberal Democrats' Confidence and Supply Agreement with Labour ended",
    # labour, pay, property and corporate deals
    "the Teachers' Pay Agreement was accepted by the union",
    "the Wage Agreement was signed at the factory",
    "the Kit Agreement with the sportswear maker runs for five years",
    "the Naming Rights Agreement for the stadium is worth $400m",
    "the Development Agreement for the site was approved by the council",
    "the Purchase and Sale Agreement was filed",
    "the Definitive Agreement was signed on Friday",
    "the Premier League Agreement with the broadcaster",
    "the Customer Charter promises refunds",
    "the Progressive Pact won 20 seats in the election",
    # a private body's own rules
    "the Constitution of the Labour Party was amended",
    "the Charter of the Company was revoked",
    "the Covenant of the Wildcat Club was signed by its members",
    # a state alone before a capitalised head (wire copy capitalises after "U.K.")
    "A U.K. Agreement with the regulator was signed last year",
    # courts
    "lawyers took the case to the ECHR, which ruled in May",
    "he appealed to the ECHR last year",
    "the judges of the ECHR in Strasbourg agreed",
    "the ECHR in Strasbourg will hear the case",
    # stage acts and idioms
    "Sister Act opened on Broadway",
    "the Class Act won the talent show",
    "she read them the Riot Act",
    # a venue named after the place of a convention (lower case after the head, or a venue word)
    "Protesters gathered outside the Ottawa convention centre on Friday.",
    "Delegates met in the Strasbourg convention hall.",
    "The rally filled the Chicago convention center.",
    "They dined at the Treaty of Versailles restaurant.",
    "The Lisbon Treaty Club met on Tuesday.",
    # one deal or meeting among others: a city's lower-case agreement after "a", a convention of members
    "Renault and Nissan reached a Paris accord on cross-shareholdings.",
    "The carmakers signed a Geneva agreement on Tuesday.",
    "The Chicago convention of the Democratic Party nominated its candidate.",
    "At the Montreal convention of dentists, vendors showed new tools.",
    "The Antarctic Treaty Consultative Meeting opened in Berlin.",
]
STILL_INSTRUMENTS = [
    ("Russia withdrew from the ECHR in 2022", "ECHR"),
    ("Article 3 of the ECHR prohibits torture", "ECHR"),
    ("the EU–Mexico Partnership Agreement was signed", "EU–Mexico Partnership Agreement"),
    ("the European Union's Stability and Growth Pact rules", "Stability and Growth Pact"),
    ("the Camp David Accords in 1978", "Camp David Accords"),
    ("the Charter of the United Nations", "Charter of the United Nations"),
    ("Britain breached its obligations under the ECHR", "ECHR"),
    ("the Open Skies Agreement was signed by both states", "Open Skies Agreement"),
    ("the Philippines signed a Visiting Forces Agreement with Japan", "Visiting Forces Agreement"),
    ("the Grain Supply Agreement was extended for a year", "Grain Supply Agreement"),
    ("the Anglo-Irish Agreement was signed in 1985", "Anglo-Irish Agreement"),
    ("the U.S.-Japan Agreement on chips was signed in 1986", "U.S.-Japan Agreement"),
    ("May's negotiated Brexit agreement was rejected", "Brexit agreement"),
    ("Egypt may buy wheat under an existing PL-480 agreement", "PL-480 agreement"),
    ("missiles excluded from an East-West accord", "East-West accord"),
    ("the Plaza agreement of 1985 weakened the dollar", "Plaza agreement"),
    ("the Escazu environmental agreement will enter into force", "Escazu environmental agreement"),
    ("ministers reaffirmed the Venice pact on Friday", "Venice pact"),
    ("the Child Support Act was amended", "Child Support Act"),
    ("the Stability and Growth Pact limits deficits", "Stability and Growth Pact"),
    ("the Pact on Migration and Asylum was adopted by the EU", "Pact on Migration and Asylum"),
    ("the Convention on Biological Diversity was signed", "Convention on Biological Diversity"),
    ("the Arab League Pact was signed in 1945", "Arab League Pact"),
    ("Peru joined the Pacific Alliance Agreement", "Pacific Alliance Agreement"),
    ("the Statute of the International Atomic Energy Agency was approved", "Statute of the International Atomic Energy Agency"),
    ("the Agreement Establishing the World Trade Organization", "Agreement Establishing the World Trade Organization"),
]


@pytest.mark.parametrize("text", NOT_INSTRUMENTS)
def test_ordinary_senses_are_no_instruments(text):
    assert list(citex.extract(text).citations) == []


@pytest.mark.parametrize("text,name", STILL_INSTRUMENTS)
def test_instruments_stay(text, name):
    assert [c.text for c in citex.extract(text).citations] == [name]


@pytest.mark.parametrize("text", [
    "Microsoft and Activision signed a Merger Agreement and a Voting Agreement.",
    "The airline's Codeshare Agreement with Delta starts in May.",
    "The club signed a Kit Agreement with Adidas.",
])
def test_model_proposals_obey_the_ordinary_senses(text):
    """The optional NER stage's proposals pass the same judgement of pre-modifiers as the rules' names."""
    from citex.grammar.instruments import ORDINARY_HEADS, ordinary_premods
    from citex.ner.proposals import ner_instrument
    words = text.rstrip(".").split()
    for i, w in enumerate(words):
        if w.lower() in ORDINARY_HEADS and ordinary_premods([x.lower() for x in words[:i]]):
            s = text.index(words[i - 1])
            assert ner_instrument(text, s, s + len(words[i - 1]) + 1 + len(w), [], None) is None
