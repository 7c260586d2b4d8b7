"""In-document resolution and linking (one citation per instrument, never merge distinct ones)."""
import pytest

import citex
from conftest import GOLDEN, check_spans, needs


def name(party):
    """The name of an event's party (a Party object) or None."""
    return party.name if party is not None else None


def cites(text, **kw):
    res = citex.extract(text, **kw)
    check_spans(text, res)
    return res.citations


@needs(GOLDEN / "article.txt")
def test_seed_article_one_citation_per_instrument():
    text = (GOLDEN / "article.txt").read_text(encoding="utf-8")
    cs = cites(text)
    assert [c.id for c in cs] == ["CETS 126", "CETS 151", "CETS 152"]
    conv = cs[0]
    mention_texts = [m.text for m in conv.mentions]
    assert "European Convention Against Torture" in mention_texts            # the headline alias
    i = text.index("The European Convention of 1987")
    assert any(m.start <= i + 4 < m.end for m in conv.mentions)              # "The European Convention of 1987"
    assert "Committee" not in " ".join(mention_texts)                        # not the European Committee …
    assert cs[1].parent == 0 and cs[2].parent == 0
    assert {e.action for e in conv.events} >= {"denunciation", "signature", "withdrawal"}


@pytest.mark.parametrize("text,ids", [
    ("Parties to the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) met; the NPT review failed.",
     [("UNTS I-10485", 3)]),
    ("Russia left the ECHR. The European Convention on Human Rights protects speech.", [("CETS 5", 2)]),
    ("It joined the Istanbul Convention.", [("CETS 210", 1)]),
    ("the Council of Europe Convention on Cybercrime (CETS No. 185) and", [("CETS 185", 1)]),
    ("as the Kyoto protocol requires; the Kyoto treaty failed", [("MTDSG XXVII-7-a", 2)]),
    ("New START expires in 2026.", [("GK NEWSTART-2010", 1)]),
    # a news name inside a longer title is still its own pact
    ("Peru joined the Comprehensive and Progressive Agreement for Trans-Pacific Partnership; the US had left the "
     "Trans-Pacific Partnership.", [("GK CPTPP-2018", 1), ("GK TPP-2016", 1)]),
    ("Iran accepted the Joint Comprehensive Plan of Action; the Iran nuclear deal later collapsed.",
     [("GK JCPOA-2015", 2)]),
])
def test_aliases_acronyms_series_numbers(text, ids):
    assert [(c.id, len(c.mentions)) for c in cites(text)] == ids


def test_protocols_link_through_parent_and_never_merge():
    text = ("Russia denounced the European Convention for the Prevention of Torture and Inhuman or Degrading "
            "Treatment or Punishment and Protocols No. 1 and No. 2 thereto.")
    cs = cites(text)
    assert [(c.id, c.number, c.parent) for c in cs] == [("CETS 126", None, None), ("CETS 151", 1, 0), ("CETS 152", 2, 0)]


def test_protocol_to_named_parent():
    cs = cites("Protocol No. 13 to the European Convention on Human Rights abolished the death penalty.")
    prot = [c for c in cs if c.kind == "protocol"][0]
    assert prot.number == 13 and cs[prot.parent].id == "CETS 5"
    assert prot.id == "CETS 187"


@pytest.mark.parametrize("text,expected", [
    # a protocol whose parent is known refers back only to a protocol of that parent
    ("Peru ratified the Convention against Torture and its Optional Protocol. It also acceded to the 1951 "
     "Refugee Convention and its 1967 Protocol.",
     [("MTDSG IV-9", None, 1), ("MTDSG IV-9-b", 0, 1), ("MTDSG V-2", None, 1), ("MTDSG V-5", 2, 1)]),
    # a dated protocol named on its own is an antecedent for a later short form of the same parent
    ("Chile ratified the Refugee Convention and its 1967 Protocol. The Convention against Torture and its "
     "Optional Protocol followed; the Refugee Convention and its Protocol remain the core.",
     [("MTDSG V-2", None, 2), ("MTDSG V-5", 0, 2), ("MTDSG IV-9", None, 1), ("MTDSG IV-9-b", 2, 1)]),
])
def test_protocol_short_forms_keep_their_parent(text, expected):
    assert [(c.id, c.parent, len(c.mentions)) for c in cites(text)] == expected


def test_four_geneva_conventions_stay_apart():
    cs = cites("the First Geneva Convention and the Fourth Geneva Convention")
    assert len(cs) == 2


def test_two_paris_agreements_of_different_years_stay_apart():
    cs = cites("the 1973 Paris Agreement on Vietnam and the 2015 Paris Agreement on climate")
    assert len(cs) == 2


@pytest.mark.parametrize("text,expected", [
    ("Diplomats enjoy immunity under the Vienna Convention, which protects diplomatic agents.", "MTDSG III-3"),
    ("Consular access is guaranteed by the Vienna Convention; consular officers must be told.", "MTDSG III-6"),
    ("the Vienna Convention of 1969 on treaties", "MTDSG XXIII-1"),
])
def test_ambiguous_vienna_convention_settled_by_context(text, expected):
    assert cites(text)[0].id == expected


def test_ambiguous_vienna_convention_unsettled_leaves_candidates():
    c = cites("He cited the Vienna Convention.")[0]
    assert c.id is None and len(c.candidates) >= 3
    assert "candidates" in citex.extract("He cited the Vienna Convention.").to_dict()["citations"][0]


def test_short_forms_refer_back():
    text = ("The Convention on Cluster Munitions (CCM) bans cluster bombs. The convention was adopted on "
            "30 May 2008 in Dublin, and was opened for signature on 3 December 2008 in Oslo.")
    cs = cites(text)
    assert len(cs) == 1
    c = cs[0]
    assert c.date.value == "2008-12-03" and c.place.name == "Oslo"
    assert [m.text for m in c.mentions] == ["Convention on Cluster Munitions", "CCM", "convention"]


def test_short_form_without_antecedent_is_dropped():
    assert cites("The treaty was signed yesterday.") == ()


def test_year_must_agree_for_short_forms():
    text = "the 1961 Single Convention on Narcotic Drugs and, later, the 1988 Convention"
    cs = cites(text)
    assert len(cs) == 1 and len(cs[0].mentions) == 1


def test_publication_date_rules_out_later_records():
    text = "Finance ministers reaffirmed the Paris accord."
    assert citex.extract(text, published="2016-03-02").citations[0].id == "UNTS I-54113"
    old = citex.extract(text, published="1987-03-02").citations[0]
    assert old.id == "GK LOUVRE-1987"          # the G-6 accord of Paris, February 1987
    older = citex.extract(text, published="1986-03-02").citations[0]
    assert older.id is None and older.candidates == ("GK LOUVRE-1987", "UNTS I-54113")
    # undated: the words the document uses choose ("currencies": the 1987 currency accord)
    assert citex.extract(text + " Currencies held.").citations[0].id == "GK LOUVRE-1987"


def test_full_record_from_a_citation():
    c = citex.extract("Russia left the European Convention on Human Rights.").citations[0]
    rec = c.record()
    assert rec.id == "CETS 5" and rec.adopted.startswith("1950") and rec.place == "Rome"


USER_CSV = ("id,series,number,title,aliases,kind,adopted,place,organisation,parent_id,protocol_number,wikidata,source\n"
            "MY-1,MY,1,Treaty of Friendship of Freedonia and Sylvania,Freedonia Pact,treaty,2031-05-01,Freedonia,,,,,"
            "my office\n")


def test_user_knowledge_base_merged_over_bundled(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    text = "Sylvania withdrew from the Freedonia Pact and the Paris Agreement."
    res = citex.extract(text, kb=str(path))
    assert [c.id for c in res.citations] == ["MY 1", "UNTS I-54113"]
    nlp = citex.load(kb=str(path))
    assert nlp(text)._.citex == res
    assert [c.id for c in citex.extract(text).citations] == [None, "UNTS I-54113"]


def test_numbered_protocols_of_a_many_parent_name_link_by_name():
    import citex
    got = [(c.title, c.id) for c in citex.extract(
        "Additional Protocols I and II to the Geneva Conventions of 12 August 1949 were adopted in 1977.").citations]
    assert got[:2] == [("Protocol I", "UNTS I-17512"), ("Protocol II", "UNTS I-17513")]
    # a bare "Protocol I" names too many things to link
    assert citex.extract("Protocol I was cited.").citations[0].id is None
    assert citex.extract("the European Social Charter (revised) entered").citations[0].id == "CETS 163"


def test_a_title_case_headline_name_is_cut_to_what_the_kb_knows():
    import citex
    r = citex.extract("Moscow Quits Treaty On Open Skies As Tensions With West Mount\n\nThe decision was announced.")
    assert [(c.title, c.id) for c in r.citations] == [("Treaty On Open Skies", "GK OPENSKIES-1992")]
    r = citex.extract("Russia Denounces European Convention Against Torture, Ending Monitoring\n\nMoscow said so.")
    assert [(e.action, name(e.party)) for e in r.citations[0].events] == [("denunciation", "Russia")]


@pytest.mark.parametrize("text, n_cites", [
    # issue 13 (2): variants of one name are one citation (written for this test)
    ("The Louvre Accord held. The Louvre accord, the Louvre pact, the Louvre agreement, the Louvre accords.", 1),
    ("The US Constitution and the U.S. Constitution.", 1),
    ("The Constitution of the United States of America and the U.S. Constitution.", 1),
    ("The United States Constitution and the US Constitution.", 1),
    ("The Constitution of the Russian Federation and the Russia Constitution.", 1),
    ("The Smith Accord and the Smith accords and the Smith pact.", 1),
    ("The Rome Statute of International Criminal Court and the Rome Statute of the International Criminal Court.", 1),
    # a headline's shorter name that the text spells out (written for this test)
    ("Freedonia Scraps Pact of Amity with Sylvania\n\nThe Pact of Amity, Trade and Navigation between Sylvania "
     "and Freedonia was signed in 1931.", 1),
    # … but two different instruments that share their first words stay apart
    ("The Treaty of Friendship with Sylvania and the Treaty of Friendship with Freedonia.", 2),
    ("The Agreement on Trade and the Agreement on Investment Protection.", 2),
])
def test_name_variants_merge(text, n_cites):
    import citex
    assert len(citex.extract(text).citations) == n_cites


@pytest.mark.parametrize("text, law, inner, inner_id", [
    # a law named by the instrument it ratifies holds that name, and is neither linked nor merged with it
    ("\"Signed! Law on Ratification of the Istanbul Convention.", "Law on Ratification of the Istanbul Convention",
     "Istanbul Convention", "CETS 210"),
    ("He signed the Law on the Ratification of the Convention on Cluster Munitions.",
     "Law on the Ratification of the Convention on Cluster Munitions", "Convention on Cluster Munitions", "MTDSG XXVI-6"),
    ("The Act on Ratification of the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) passed. The NPT holds.",
     "Act on Ratification of the Treaty on the Non-Proliferation of Nuclear Weapons",
     "Treaty on the Non-Proliferation of Nuclear Weapons", "UNTS I-10485"),
])
def test_a_law_on_an_instrument_names_it_whole(text, law, inner, inner_id):
    import citex
    by_title = {c.title: c for c in citex.extract(text).citations}
    assert by_title[law].id is None and by_title[law].scope == "domestic"
    assert by_title[inner].id == inner_id


@pytest.mark.parametrize("text,names", [
    ("Britain has not ratified Protocol No. 4 to the Convention.", ["Protocol No. 4 to the Convention"]),
    ("The Optional Protocol to the Convention was adopted.", ["Optional Protocol to the Convention"]),
    ("Malta ratified the Convention and Protocol No. 1 to the Convention in 1967.", ["Protocol No. 1 to the Convention"]),
])
def test_protocol_of_an_unnamed_parent_keeps_the_document(text, names):
    """A protocol "to the Convention" with no convention named before: its parent (a short form with no
    antecedent) is dropped, the protocol is kept, and the document is not lost to an error."""
    res = citex.extract(text)
    assert res.error is None
    assert [(c.text, c.parent) for c in res.citations] == [(n, None) for n in names]


@pytest.mark.parametrize("text,expected", [
    # a capitalised plural names the set: not the one of them named before
    ("The Third Geneva Convention protects prisoners of war. The Geneva Conventions bind all states.",
     [("Third Geneva Convention", "UNTS I-972"), ("Geneva Conventions", None)]),
    # a dash after a name is no part of it (the knowledge base's name does not run on into punctuation)
    ("The treaty - the Treaty on European Union - was signed in 1992.", [("Treaty on European Union", "GK EU-TEU-1992")]),
    # a law's date designation: the name without it is the record's
    ("The Single European Act of 1986 created the single market.", [("Single European Act of 1986", "GK EU-SEA-1986")]),
])
def test_names_sets_and_designations(text, expected):
    assert [(c.text, c.id) for c in cites(text)] == expected
