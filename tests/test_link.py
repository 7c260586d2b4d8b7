"""Linking across module borders: typed link results, the linker protocol and its injection, the
candidate's origin, the knowledge base split by concern (issue 11)."""
from __future__ import annotations

import pickle

import pytest

import citex
from citex import limits
from citex.api import default_extractor
from citex.grammar.instruments import Candidate, find_candidates
from citex.link import LinkerProtocol, LinkResult
from citex.link.kb import KnowledgeBase
from citex.link.linker import ACRONYM, Linker


def test_link_result_is_typed_frozen_and_pickles():
    r = LinkResult("CETS 126", "European Convention …")
    assert r.linked and r.candidates == ()
    assert LinkResult(candidates=["A", "B"]).candidates == ("A", "B")
    with pytest.raises(Exception):
        r.id = "x"
    assert pickle.loads(pickle.dumps(r)) == r


def test_items_carry_link_results():
    ex = default_extractor()
    st = ex.run("Russia quit the European Convention on Human Rights.")
    assert st.items and all(isinstance(it.link, LinkResult) for it in st.items)
    assert st.items[0].link.id == "ETS 5" or st.items[0].link.id.startswith("CETS")


@pytest.mark.parametrize("text,origin", [
    ("the Chemical Weapons Convention bans", "grammar"),
    ("States parties to the NPT met.", "acronym"),
])
def test_candidate_origin_is_a_typed_field(text, origin):
    st = default_extractor().run(text)
    assert {c.origin for c in st.candidates} == {origin}
    assert all(not c.head.startswith("#") for c in st.candidates)


def test_alias_candidates_have_origin_alias():
    text = "the Convention on Cluster Munitions (CCM) was signed. The CCM holds."
    st = default_extractor().run(text)
    assert "alias" in {c.origin for c in st.candidates}


class FixedLinker:
    """A user's linker: every name links to one record of their own database."""

    def known(self, title):
        return False

    def kind_of(self, rid):
        return "treaty"

    def find_acronyms(self, text):
        return []

    def link_items(self, text, items, latest_year=None):
        for it in items:
            it.link = LinkResult("MY 1", "My Treaty")


def test_the_default_linker_satisfies_the_protocol():
    assert isinstance(Linker(KnowledgeBase.bundled()), LinkerProtocol)
    assert isinstance(FixedLinker(), LinkerProtocol)


def test_a_linker_can_be_injected_into_extract_and_load():
    text = "Sweden joined the Paris Agreement in 2016."
    linker = FixedLinker()
    res = citex.extract(text, linker=linker)
    assert [c.id for c in res.citations] == ["MY 1"]
    assert [c.canonical_title for c in res.citations] == ["My Treaty"]
    nlp = citex.load(linker=linker)
    assert [c.id for c in nlp(text)._.citex.citations] == ["MY 1"]
    assert [c.id for c in citex.extract(text).citations] != ["MY 1"]   # the default is untouched


def test_bytes_error_points_to_functions_that_exist():
    with pytest.raises(TypeError) as exc:
        citex.extract(b"the Paris Agreement")
    from citex import io
    assert "citex.io.decode" in str(exc.value) and hasattr(io, "decode")
    assert "citex.io.read_bytes" in str(exc.value) and hasattr(io, "read_bytes")


class NoPlaces:
    """A gazetteer that knows no place at all."""

    def lookup(self, name):
        return None


def test_the_grammar_uses_the_injected_gazetteer():
    text = "incorporated the European Convention on Human Rights into UK law"
    assert find_candidates(text)[0].title == "European Convention on Human Rights"
    # without the gazetteer's word that the UK is a country, "into UK" is read as part of the title
    assert find_candidates(text, NoPlaces())[0].title == "European Convention on Human Rights into UK"


def test_max_protocol_numbers_is_read_by_the_grammar(monkeypatch):
    text = "Protocols Nos. " + ", ".join(str(i) for i in range(1, 40)) + " and 40 thereto"
    assert len(find_candidates(text)[0].numbers) == 40
    monkeypatch.setattr(limits, "MAX_PROTOCOL_NUMBERS", 5)
    assert len(find_candidates(text)[0].numbers) == 5


@pytest.mark.parametrize("name", ["get", "lookup", "search", "KnowledgeBase", "Record", "canonical_id",
                                  "normalize", "name_variants", "is_acronym", "tokens", "record_from_row",
                                  "protocol_number_from_title", "INDEX_VERSION", "DATA_FILE"])
def test_citex_kb_keeps_its_public_names(name):
    import citex.kb
    assert hasattr(citex.kb, name)


def test_candidate_default_origin():
    assert Candidate(start=0, end=1, kind="treaty", head="Treaty", title="T").origin == "grammar"


def test_vocabulary_lists_of_these_rooms_load_without_duplicates():
    from importlib import resources
    from citex.vocab import entries
    root = resources.files("citex").joinpath("data", "vocab")
    for area in ("instruments", "link", "ner", "common"):
        for f in root.joinpath(area).iterdir():
            if f.name.endswith(".txt"):
                lines = [x.strip() for x in f.read_text(encoding="utf-8").splitlines()
                         if x.strip() and not x.strip().startswith("#")]
                assert lines and len(lines) == len(set(lines)) == len(entries(f"{area}/{f.name[:-4]}")), f.name


def test_latest_dated_year_equals_the_whole_text_scan():
    """linker.latest_dated_year tries the years largest first, each in a window: the same year as the
    largest of a whole-text DATED_YEAR scan."""
    import random

    from citex.link.linker import DATED_YEAR, latest_dated_year
    pieces = ["March", "Sept.", "sep", "May", "xMay", "3", "19th", ",", "1987", "2001", "1899", "20011", "-",
              "\t", " ", "   ", "    ", "\n", "x", "1987-", "2030", "of", "December"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10)))
        years = [int(m.group("y")) for m in DATED_YEAR.finditer(text)]
        assert latest_dated_year(text) == (max(years) if years else 0), text



def test_acronym_pattern_equals_the_plain_alternation():
    """find_acronyms searches a pattern that reads a capital first and looks behind it, each acronym
    after a look-behind for its first letter: the same matches as the plain alternation with the
    look-behind first, also where forms overlap or touch ("New START II", "NPT-II", "SALT I.5")."""
    import random
    import re

    linker = default_extractor().linker
    keys = sorted((k for k in linker.acronyms if ACRONYM.fullmatch(k)), key=lambda k: (-len(k), k))
    plain = re.compile(r"(?<![\w\-.])(?:[A-Z][A-Z0-9]{2,7}[ \-](?:III|II|I|[1-3])(?![\w\-]|\.\w)|"
                       + "".join(re.escape(k) + "|" for k in keys) + r"New[ \t]START)(?![\w\-])")
    fast = linker._acronym_pattern()
    words = ["NPT", "New", "START", "SALT", "I", "II", "III", "1", "2", "4", "NAFTA", "ICCPR", "CTBT", "ABCD",
             "ABCDEFGHI", "x", "the", "-", ".", ".5", " ", "  ", "\t", "\n", "_", "TPNW", "GATT", "É", "aNPT"]
    words += keys
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "-", "."]) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_news_names_equal_the_scan_with_the_look_behind():
    """_news_names searches its names without the leading look-behind and tests it at each hit: the
    same matches as the pattern with it, also inside words and where names touch."""
    import random
    import re

    linker = default_extractor().linker
    linker._news_names("")
    plain = re.compile(r"(?<![\w\-])" + linker._news_re.pattern)
    pieces = ["Iran", "IRAN", "nuclear", "NUCLEAR", "deal", "Paris", "climate", "xIran", "-", " ", "  ", "\t", "a", "é"]
    rng = random.Random(17)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "", "-"]) for _ in range(rng.randint(1, 10)))
        assert [m[:2] for m in linker._news_names(text)] == [m.span() for m in plain.finditer(text)], text
