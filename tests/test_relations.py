"""Relations, table-driven: an instrument's own date and place, and treaty actions with party, date, place."""
import pytest

import citex
from conftest import check_spans


def name(party):
    """The name of an event's party (a Party object) or None."""
    return party.name if party is not None else None


def first(text, **kw):
    res = citex.extract(text, **kw)
    check_spans(text, res)
    assert res.citations, text
    return res.citations[0]


@pytest.mark.parametrize("text,date,place", [
    ("the Convention on Cluster Munitions of 30 May 2008 bans", "2008-05-30", None),
    ("the Collective Security Treaty dated May 15, 1992", "1992-05-15", None),
    ("the 1987 Convention for the Prevention of Torture", "1987", None),
    ("the September 1985 Plaza agreement was", "1985-09", None),
    ("the Convention on Road Traffic, done at Vienna on 8 November 1968", "1968-11-08", "Vienna"),
    ("the Convention for the Protection of Human Rights and Fundamental Freedoms, signed at Rome on 4 November 1950",
     "1950-11-04", "Rome"),
    ("Rome Statute of the International Criminal Court\nRome, 17 July 1998\n", "1998-07-17", "Rome"),
    ("PROTOCOL on the results of consultations of the Trilateral Contact Group (Minsk, 05/09/2014)", "2014-09-05", "Minsk"),
    ("The Treaty on Open Skies was signed in Helsinki on 24 March 1992.", "1992-03-24", "Helsinki"),
])
def test_own_date_and_place(text, date, place):
    c = first(text)
    assert (c.date.value if c.date else None) == date
    assert (c.place.name if c.place else None) == place


@pytest.mark.parametrize("text,action,party,date,place", [
    ("Russia will officially denounce the European Convention on Human Rights.", "denunciation", "Russia", None, None),
    ("To denounce the European Convention on Human Rights", "denunciation", None, None, None),
    ("the denunciation of the Treaty on Open Skies by Russia", "denunciation", "Russia", None, None),
    ("Japan will ratify the 1986 International Cocoa Agreement.", "ratification", "Japan", None, None),
    # a date opening the sentence dates its act
    ("On 12 March 2012, Turkey became the first country to ratify the Istanbul Convention.", "ratification", "Turkey",
     "2012-03-12", None),
    ("Burundi decided to withdraw from the Rome Statute on 27 October 2017.", "withdrawal", "Burundi", "2017-10-27", None),
    # a withdrawal with no dated notification is dated by the day it takes effect
    ("the withdrawal of Hungary, effective as of 2 June 2026, from the Rome Statute", "withdrawal", "Hungary",
     "2026-06-02", None),
    ("Sweden acceded to the Paris Agreement on 13 October 2016.", "accession", "Sweden", "2016-10-13", None),
    ("Russia suspended the Treaty on Conventional Armed Forces in Europe in 2007.", "suspension", "Russia", "2007", None),
    ("the Treaty on the Non-Proliferation of Nuclear Weapons, signed on behalf of Kazakhstan in London on 14 February 1994",
     "signature", "Kazakhstan", "1994-02-14", "London"),
    ("The Convention on Cluster Munitions entered into force on 1 August 2010.", "entry_into_force", None, "2010-08-01", None),
    # the act's own date: an opening date with its weekday, a later date of the clause, an enacting law's date
    ("On Friday, September 19, 2025, Morocco signed and ratified the Paris Agreement.", "ratification", "Morocco",
     "2025-09-19", None),
    ("Sri Lanka deposited the instrument of ratification of the Paris Agreement with the UN Office of Legal Affairs "
     "on July 25, 2023.", "ratification", "Sri Lanka", "2023-07-25", None),
    ("In October 2022, France became the fourth country this year to announce its exit from the Energy Charter Treaty.",
     "withdrawal", "France", "2022-10", None),
    # a date after a reporting verb is the report's; a cleft "It was on …" dates its act
    ("Kazakhstan deposited the instrument of ratification of the Paris Agreement, the agency reported on "
     "25 March 2022.", "ratification", "Kazakhstan", None, None),
    ("It was on 2 January 2021 that Kazakhstan ratified the Paris Agreement.", "ratification", "Kazakhstan",
     "2021-01-02", None),
    # a law that does the act dates it by the day the law takes effect
    ("Ukraine announced that the law abolishing the Treaty of Friendship between Russia and Ukraine was signed and "
     "will come into effect from April 1, 2019.", "termination", "Ukraine", "2019-04-01", None),
    # an absolute date in apposition to a day word ("today, 5th December, 2020"), with or without a reference date
    ("Nigeria deposited the Instrument of Ratification of the Paris Agreement with the depository, today, "
     "5th December, 2020, the ministry said.", "ratification", "Nigeria", "2020-12-05", None),
])
def test_events(text, action, party, date, place):
    c = first(text)
    evs = [e for e in c.events if e.action == action]
    assert evs, [e.action for e in c.events]
    e = evs[0]
    assert name(e.party) == party
    assert (e.date.value if e.date else None) == date
    assert (e.place.name if e.place else None) == place


@pytest.mark.parametrize("text", [
    "The United States has refused to sign the Kyoto Protocol.",
    "Israel has not ratified the Rome Statute.",
    "Putin signed a law on the Rome Statute.",
])
def test_no_event(text):
    c = first(text)
    assert [e.action for e in c.events if e.action in ("signature", "ratification")] == []


def test_state_signature_is_not_the_instruments_date():
    c = first("the Convention on Cluster Munitions, signed on behalf of Norway in Oslo on 3 December 2008")
    assert c.date is None and c.place is None
    assert name(c.events[0].party) == "Norway" and c.events[0].date.value == "2008-12-03"


def test_places_inside_names_are_not_places():
    res = citex.extract("Russia quit the Rome Statute and the Istanbul Convention; the Council of Europe regrets it.")
    assert [p.text for p in res.places] == ["Russia"]


@pytest.mark.parametrize("text,action,parties", [
    ("Estonia, Latvia and Lithuania denounced the Ottawa Convention.", "denunciation", ["Estonia", "Latvia", "Lithuania"]),
    ("Russia and Belarus signed the Treaty on Open Skies.", "signature", ["Russia", "Belarus"]),
    ("Moscow said Russia suspended its participation in the New START treaty in February 2023.", "suspension", ["Russia"]),
    ("Russia, which borders Finland, signed the Treaty on Open Skies.", "signature", ["Russia"]),
])
def test_one_event_per_acting_state(text, action, parties):
    c = first(text)
    assert [name(e.party) for e in c.events if e.action == action] == parties


def test_event_after_a_defined_acronym():
    c = first("The Treaty on the Prohibition of Nuclear Weapons (TPNW) entered into force on 22 January 2021.")
    assert [(e.action, e.date.value) for e in c.events] == [("entry_into_force", "2021-01-22")]


def test_denounce_as_condemnation_is_no_treaty_action():
    import citex
    for text in ("Critics denounced the Paris Agreement as weak.",
                 "Human rights groups denounced the Istanbul Convention withdrawal.",
                 "Cairo summit denounces Turkish-Libyan maritime agreement"):
        # (the nominal "… Convention withdrawal" is an act of its own; no denunciation)
        assert all(e.action != "denunciation" for c in citex.extract(text).citations for e in c.events), text
    ev = citex.extract("Russia denounced the European Convention on Human Rights in 2022.").citations[0].events
    assert [(e.action, name(e.party)) for e in ev] == [("denunciation", "Russia")]


def test_pronoun_objects_brackets_and_negations():
    import citex
    def events(text):
        return [(c.title, e.action, name(e.party), e.date.value if e.date else None, e.place.text if e.place else None)
                for c in citex.extract(text).citations for e in c.events]
    assert events("France signed the Paris Agreement in 2016 and ratified it in 2017.") == [
        ("Paris Agreement", "signature", "France", "2016", None),
        ("Paris Agreement", "ratification", "France", "2017", None)]
    assert events("Syria acceded to the Chemical Weapons Convention (CWC) in September 2013.") == [
        ("Chemical Weapons Convention", "accession", "Syria", "2013-09", None)]
    assert ("Convention on Cybercrime", "signature", "Andorra", "2013-04-23", "Strasbourg") in events(
        "Andorra signed the Convention on Cybercrime (ETS No. 185) in Strasbourg on 23 April 2013.")
    assert events("India has yet to ratify the ICCPR.") == []
    assert events("None of the nine nuclear-armed states has joined the TPNW.") == []
    # "it" with no instrument before it in its sentence is left alone
    # a pronoun refers back to the last instrument named, in its sentence or the one before
    assert events("The Kyoto Protocol expired. Canada ratified it later.") == [
        ("Kyoto Protocol", "ratification", "Canada", None, None)]


def test_own_date_after_a_bracketed_acronym_and_a_place_with_its_country():
    import citex
    c = citex.extract("The International Covenant on Civil and Political Rights (ICCPR) was adopted by the "
                      "UN General Assembly on 16 December 1966.").citations[0]
    assert c.date.value == "1966-12-16"
    c = citex.extract("UNCLOS was opened for signature at Montego Bay, Jamaica, on 10 December 1982.").citations[0]
    assert (c.date.value, c.place.text) == ("1982-12-10", "Montego Bay")


def test_a_protocol_amending_its_parent_is_the_one_that_acts():
    import citex
    cites = citex.extract("Protocol No. 15 amending the Convention for the Protection of Human Rights and "
                          "Fundamental Freedoms entered into force on 1 August 2021 after Italy became the "
                          "last state to ratify it.").citations
    assert [(e.action, name(e.party), e.date.value if e.date else None) for e in cites[0].events] == [
        ("entry_into_force", None, "2021-08-01"), ("ratification", "Italy", None)]
    assert cites[0].title == "Protocol No. 15" and cites[1].events == ()


def test_more_termination_words_and_a_leading_date():
    import citex
    def events(text):
        return [(e.action, name(e.party), e.date.value if e.date else None)
                for c in citex.extract(text).citations for e in c.events]
    assert events("In 2019 Ukraine ended the Treaty on Friendship with Russia.") == [("termination", "Ukraine", "2019")]
    assert events("Egypt abrogated the Anglo-Egyptian Treaty in 1951.") == [("termination", "Egypt", "1951")]
    assert events("Russia and Belarus suspended their own obligations under the CFE Treaty in 2007.") == [
        ("suspension", "Russia", "2007"), ("suspension", "Belarus", "2007")]
    assert events("The deal ends the Paris Agreement row.") == []       # the row ends, not the agreement
    assert events("Japan ended the Kyoto Protocol talks.") == []


def test_a_list_of_states_after_by():
    import citex
    ev = citex.extract("The Treaty of Rome, signed in 1957 by Belgium, France, Italy, Luxembourg, the Netherlands "
                       "and West Germany, created the European Economic Community.").citations[0].events
    assert [(e.action, name(e.party), e.date.value) for e in ev] == [
        ("signature", p, "1957") for p in ("Belgium", "France", "Italy", "Luxembourg", "Netherlands", "West Germany")]


def test_an_enacting_laws_date_dates_its_act():
    res = citex.extract("Act of 8 July 2005, regarding the ratification of the Optional Protocol to the "
                        "Convention against Torture")
    assert [(a.action, res.citations[a.citation].title, a.date.value) for a in res.actions] == [
        ("ratification", "Optional Protocol", "2005-07-08")]


def test_an_effective_date_dates_an_act_notified_on_a_relative_day():
    r = citex.extract("Bolivia notified the Secretary General of its withdrawal from the Single Convention on "
                      "Narcotic Drugs yesterday. The withdrawal will enter into effect on 1 January 2012.",
                      published="2011-06-30")
    assert [(a.action, a.status, a.party.country, a.date.value) for a in r.actions] == [
        ("withdrawal", "done", "BO", "2012-01-01")]   # one act; "will enter into effect" is no entry into force


def test_the_document_refers_back_and_a_laws_taking_effect_is_not_the_treatys():
    r = citex.extract("KIEV - The law abolishing the Treaty of Friendship between Russia and Ukraine was signed and "
                      "will come into effect from April 1, 2019. The 10-year document entered into force on "
                      "1 April 1999.")
    assert [(a.action, a.date.value) for a in r.actions] == [("termination", "2019-04-01"),
                                                             ("entry_into_force", "1999-04-01")]


def test_a_nominal_acts_taking_effect_dates_it_and_is_no_entry_into_force():
    r = citex.extract("The Philippines' withdrawal from the Rome Statute took effect on March 17, 2019.")
    assert [(a.action, a.party.country, a.date.value) for a in r.actions] == [("withdrawal", "PH", "2019-03-17")]


def test_a_relative_date_holding_its_preposition_dates_the_act():
    r = citex.extract("Russia's parliament voted on Wednesday to revoke the country's ratification of the "
                      "Comprehensive Nuclear-Test-Ban Treaty.", published="2023-10-18")
    assert [(a.action, a.date.value, a.date.relative) for a in r.actions] == [("deratification", "2023-10-18", True)]
