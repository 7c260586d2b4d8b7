"""The treaty knowledge base (citex.kb): ids, name lookup, protocols, merge, search, CLI."""
import csv
import gzip
import json
import pickle
import re
from pathlib import Path

import pytest

from citex import kb as kbmod
from citex.cli.kb import main as kb_cli
from citex.kb import KnowledgeBase, Record, canonical_id, is_acronym, normalize

ROOT = Path(__file__).resolve().parents[1]
SHARED_TREATIES = ROOT.parent / "shared" / "data" / "treaties"


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.bundled()


def ids(records):
    return [r.id for r in records]


# ------------------------------------------------------------------ ids

@pytest.mark.parametrize("raw, canonical", [
    ("CETS-126", "CETS 126"),
    ("CETS 126", "CETS 126"),
    ("ETS 126", "CETS 126"),
    ("ETS No. 126", "CETS 126"),
    ("CETS No. 126", "CETS 126"),
    ("cets-126", "CETS 126"),
    ("CETS-005", "CETS 5"),
    ("ETS 005", "CETS 5"),
    ("CETS-012A", "CETS 12A"),
    ("MTDSG-IV-4", "MTDSG IV-4"),
    ("MTDSG IV-9-b", "MTDSG IV-9-b"),
    ("mtdsg-xxvii-7-a", "MTDSG XXVII-7-a"),
    ("UNTS-I-10485", "UNTS I-10485"),
    ("UNTS-II-102", "UNTS II-102"),
    ("IEADB-2589", "IEADB 2589"),
    ("PIL-HCCH-27", "PIL HCCH-27"),
    ("GPTAD-EC-Israel", "GPTAD EC-Israel"),
    ("GK-NEWSTART-2010", "GK NEWSTART-2010"),
])
def test_canonical_id(raw, canonical):
    assert canonical_id(raw) == canonical
    assert canonical_id(canonical) == canonical  # idempotent


@pytest.mark.parametrize("query, expected", [
    ("CETS 126", "CETS 126"),
    ("CETS-126", "CETS 126"),
    ("ETS 126", "CETS 126"),
    ("CETS No. 126", "CETS 126"),
    ("ETS No. 126", "CETS 126"),
    ("ets no 126", "CETS 126"),
    ("ETS 005", "CETS 5"),
    ("CETS 151", "CETS 151"),
    ("CETS 230", "CETS 230"),
    ("MTDSG-IV-4", "MTDSG IV-4"),
    ("MTDSG IV-9", "MTDSG IV-9"),
    ("UNTS I-10485", "UNTS I-10485"),
    ("UNTS-I-10485", "UNTS I-10485"),
    ("UNTS 10485", "UNTS I-10485"),       # part I assumed when the part is missing
    ("IEADB 2589", "IEADB 2589"),
    ("PIL-HCCH-27", "PIL HCCH-27"),
    ("gptad ec-israel", "GPTAD EC-Israel"),
    ("GK-NEWSTART-2010", "GK NEWSTART-2010"),
    # identifiers from xref.csv (other_ids)
    ("MTDSG XXVII-7-d", "UNTS I-54113"),   # Paris Agreement's MTDSG number
    ("UNTS 2889", "CETS 5"),               # ECHR's UN registration number
])
def test_get_id_forms(kb, query, expected):
    r = kb.get(query)
    assert r is not None, query
    assert r.id == expected
    assert query in kb


@pytest.mark.parametrize("query", ["CETS 9999", "MTDSG XC-1", "NOPE 1", "", "   "])
def test_get_unknown(kb, query):
    assert kb.get(query) is None
    assert query not in kb


def test_module_conveniences():
    assert kbmod.get("ETS 126").id == "CETS 126"
    assert ids(kbmod.lookup("ECHR")) == ["CETS 5"]
    assert kbmod.search("torture", limit=2)[0].id in ("CETS 126", "MTDSG IV-9")  # records, as lookup gives


# ------------------------------------------------------------------ normalisation

@pytest.mark.parametrize("a, b", [
    ("European Anti-Torture Convention", "european anti torture convention"),
    ("Anti-Torture Convention", "Antitorture Convention"),
    ("The Antarctic Treaty", "Antarctic Treaty"),
    ("U.N. Charter", "UN Charter"),
    ("United Nations Charter", "UN Charter"),
    ("International Labour Organisation", "International Labor Organization"),
    ("Arab Centre", "Arab Center"),
    ("Programme Exchanges", "Program Exchanges"),
    ("Defence", "defense"),
    ("Human & Peoples' Rights", "Human and Peoples Rights"),
    ("Tromsø Convention", "Tromso Convention"),
    ("Escazú", "Escazu"),
    ("Protocol No. 6", "Protocol 6"),
    ("criminalisation", "criminalization"),
])
def test_normalize_equal(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize("a, b", [
    ("Convention 108", "Convention 108+"),
    ("Bern Convention", "Berne Convention"),
    ("Protocol No. 1", "Protocol No. 11"),
    ("Treaty", "The Treaty of"),
])
def test_normalize_different(a, b):
    assert normalize(a) != normalize(b)


# ------------------------------------------------------------------ lookup

@pytest.mark.parametrize("name, expected", [
    # titles and aliases, with case / punctuation / hyphen / "the" / spelling / diacritics changes
    ("European Convention for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment",
     "CETS 126"),
    ("the european convention for the prevention of torture", "CETS 126"),
    ("ECPT", "CETS 126"),
    ("European Convention Against Torture", "CETS 126"),
    ("European Anti-Torture Convention", "CETS 126"),
    ("EUROPEAN ANTI TORTURE CONVENTION", "CETS 126"),
    ("ECHR", "CETS 5"),
    ("European Convention on Human Rights", "CETS 5"),
    ("NPT", "UNTS I-10485"),
    ("Nuclear Non-Proliferation Treaty", "UNTS I-10485"),
    ("CTBT", "MTDSG XXVI-4"),
    ("UNCLOS", "MTDSG XXI-6"),
    ("ICCPR", "MTDSG IV-4"),
    ("ICESCR", "MTDSG IV-3"),
    ("CEDAW", "MTDSG IV-8"),
    ("CRC", "MTDSG IV-11"),
    ("Chemical Weapons Convention", "MTDSG XXVI-3"),
    ("CWC", "MTDSG XXVI-3"),
    ("Biological Weapons Convention", "UNTS I-14860"),
    ("BWC", "UNTS I-14860"),
    ("Istanbul Convention", "CETS 210"),
    ("Budapest Convention", "CETS 185"),
    ("Lanzarote Convention", "CETS 201"),
    ("Rome Statute", "MTDSG XVIII-10"),
    ("Ottawa Treaty", "MTDSG XXVI-5"),
    ("Mine Ban Treaty", "MTDSG XXVI-5"),
    ("Paris climate agreement", "UNTS I-54113"),
    ("Paris Climate Accord", "UNTS I-54113"),
    ("Kyoto Protocol", "MTDSG XXVII-7-a"),
    ("Montreal Protocol", "MTDSG XXVII-2-a"),
    ("GATT", "MTDSG X-1"),
    ("General Agreement on Tariffs and Trade", "MTDSG X-1"),
    ("New START", "GK NEWSTART-2010"),
    ("INF Treaty", "GK INF-1987"),
    ("Intermediate-Range Nuclear Forces Treaty", "GK INF-1987"),
    ("Open Skies Treaty", "GK OPENSKIES-1992"),
    ("ABM Treaty", "GK ABM-1972"),
    ("Treaty of Amsterdam", "GK EU-AMSTERDAM-1997"),
    ("Maastricht Treaty", "GK EU-TEU-1992"),
    ("Lisbon Treaty", "UNTS I-47938"),
    ("Treaty of Lisbon", "UNTS I-47938"),
    ("Energy Charter Treaty", "UNTS I-36116"),
    ("European Patent Convention", "UNTS I-16208"),
    ("Refugee Convention", "MTDSG V-2"),
    ("1951 Refugee Convention", "MTDSG V-2"),
    ("UN Charter", "MTDSG I-1"),
    ("U.N. Charter", "MTDSG I-1"),
    ("United Nations Charter", "MTDSG I-1"),
    ("Charter of the United Nations", "MTDSG I-1"),
    ("Vienna Convention on Diplomatic Relations", "MTDSG III-3"),
    ("Vienna Convention on Consular Relations", "MTDSG III-6"),
    ("Vienna Convention on the Law of Treaties", "MTDSG XXIII-1"),
    ("1969 Vienna Convention", "MTDSG XXIII-1"),
    ("Convention 108", "CETS 108"),
    ("Convention 108+", "CETS 223"),
    ("Tromso Convention", "CETS 205"),
    ("Pact of San Jose", "UNTS I-17955"),
    ("European Agreement concerning Program Exchanges by means of Television Films", "CETS 27"),
    ("Constitution of the Food and Agriculture Organisation of the UN", "IEADB 2617"),
    ("Agreement for the Establishment for Arab Center for the Studies of Dry and Barren Land", "IEADB 2768"),
    ("Protocol No 6 to the ECHR", "CETS 114"),
])
def test_lookup_exact(kb, name, expected):
    assert ids(kb.lookup(name)) == [expected]


@pytest.mark.parametrize("name, expected", [
    # "X for the Prevention of Y" <-> "X against Y"
    ("European Convention against Torture and Inhuman or Degrading Treatment or Punishment", "CETS 126"),
    ("Convention for the Prevention of Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
     "MTDSG IV-9"),
    # missing qualifier
    ("Convention for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment", "CETS 126"),
    ("Convention on the Law of the Sea", "MTDSG XXI-6"),
    ("Covenant on Civil and Political Rights", "MTDSG IV-4"),
    ("Framework Convention on Climate Change", "MTDSG XXVII-7"),
    # added qualifier
    ("European Convention for the Protection of Human Rights and Fundamental Freedoms", "CETS 5"),
    ("Council of Europe Convention on Cybercrime", "CETS 185"),
    ("UN Convention on the Rights of Persons with Disabilities", "MTDSG IV-15"),
    ("Hague Convention on the Civil Aspects of International Child Abduction", "PIL HCCH-27"),
    # date in the title dropped, trailing year / parenthetical dropped
    ("Convention on the Civil Aspects of International Child Abduction", "PIL HCCH-27"),
    ("International Convention on Arrest of Ships", "MTDSG XII-8"),
    ("Convention on the Grant of European Patents", "UNTS I-16208"),
])
def test_lookup_variants(kb, name, expected):
    assert ids(kb.lookup(name)) == [expected]
    assert not kb.lookup_exact(name)


def test_variant_never_shadows_exact(kb):
    # "Convention against Torture" is a variant of CETS 126 (its alias minus "European")
    # but an exact alias of the UN convention: the exact match wins.
    key = normalize("Convention against Torture")
    exact, variants = kb.keys("CETS 126")
    assert key in variants and key not in exact
    assert ids(kb.lookup("Convention against Torture")) == ["MTDSG IV-9"]
    # with no exact key, both variant matches come back (ambiguous)
    assert set(ids(kb.lookup("Convention for the Prevention of Torture"))) == {"CETS 126", "MTDSG IV-9"}


@pytest.mark.parametrize("name, must_include, at_least", [
    ("Vienna Convention", {"MTDSG III-3", "MTDSG III-6", "MTDSG XXIII-1"}, 3),
    ("the Vienna Convention", {"MTDSG III-3", "MTDSG III-6", "MTDSG XXIII-1"}, 3),
    ("Geneva Conventions", {"UNTS I-970", "UNTS I-971", "UNTS I-972", "UNTS I-973"}, 4),
    ("Geneva Convention", {"UNTS I-970", "UNTS I-973"}, 4),
    ("International Opium Convention", {"MTDSG VI-2"}, 2),
    ("International Convention for the Safety of Life at Sea", {"UNTS I-2163", "UNTS I-18961"}, 2),
    ("Instrument for the Amendment of the Constitution of the International Labor Organization",
     {"UNTS I-18"}, 3),
])
def test_lookup_ambiguous(kb, name, must_include, at_least):
    got = set(ids(kb.lookup(name)))
    assert must_include <= got
    assert len(got) >= at_least


@pytest.mark.parametrize("name", [
    "EC - Israel",               # GPTAD party-list name, not a title
    "Cybercrime",                # topic phrases dropped from the aliases
    "Artificial Intelligence",
    "Protocol",                  # bare sub-entry titles
    "Convention",                # not a variant of the ECHR's alias "European Convention"
    "the Charter",               # not a variant of "UN Charter"
    "Protocol I",                # generic; only "Additional Protocol I" names AP I
    "with Final Protocol and Detailed Regulations",
    "",
    "   ",
])
def test_lookup_nothing(kb, name):
    assert kb.lookup(name) == []


def test_unmatchable_records_still_reachable(kb):
    r = kb.get("GPTAD EC-Israel")
    assert r is not None and r.title == "EC - Israel" and not r.matchable
    dup = kb.get("IEADB 3149")          # CWC duplicate
    assert not dup.matchable and dup.same_as == "MTDSG XXVI-3"
    assert "IEADB 3149" in kb.get("MTDSG XXVI-3").other_ids
    assert ids(kb.lookup(dup.title)) == ["MTDSG XXVI-3"]


def test_no_gptad_record_is_matchable(kb):
    """GPTAD rows are named by their parties; only one given its title by hand (overrides) is
    matchable."""
    titled = {"GPTAD SAFTA"}
    assert all(not r.matchable for r in kb if r.series == "GPTAD" and r.id not in titled)
    assert all("[+citex: title" in kb.get(i).source for i in titled)


# ------------------------------------------------------------------ protocols

@pytest.mark.parametrize("parent, number, expected", [
    ("CETS 126", 1, "CETS 151"),
    ("CETS 126", 2, "CETS 152"),
    ("ETS No. 126", 2, "CETS 152"),
    ("CETS 126", 3, None),
    ("CETS 5", 1, "CETS 9"),
    ("CETS 5", 2, "CETS 44"),
    ("CETS 5", 4, "CETS 46"),
    ("CETS 5", 6, "CETS 114"),
    ("CETS 5", 7, "CETS 117"),
    ("CETS 5", 11, "CETS 155"),
    ("CETS 5", 12, "CETS 177"),
    ("CETS 5", 13, "CETS 187"),
    ("CETS 5", 14, "CETS 194"),
    ("CETS 5", "14bis", "CETS 204"),
    ("CETS 5", 15, "CETS 213"),
    ("CETS 5", 16, "CETS 214"),
    ("CETS 5", 17, None),
    ("MTDSG IV-4", 1, "MTDSG IV-5"),
    ("MTDSG IV-4", 2, "MTDSG IV-12"),
    ("UNKNOWN 1", 1, None),
])
def test_protocol(kb, parent, number, expected):
    r = kb.protocol(parent, number)
    assert (r.id if r else None) == expected


def test_children(kb):
    assert ids(kb.children("CETS 126")) == ["CETS 151", "CETS 152"]
    assert ids(kb.children("CETS 151")) == []
    echr = kb.children("ETS 5")
    assert ids(echr)[:3] == ["CETS 9", "CETS 44", "CETS 45"]
    assert all(c.parent == "CETS 5" for c in echr)
    montreal = ids(kb.children("MTDSG XXVII-2-a"))
    assert {"MTDSG XXVII-2-b", "MTDSG XXVII-2-e", "IEADB 8509"} <= set(montreal)


def test_protocol_numbers_match_titles(kb):
    """Every "Protocol No. N" of a Council of Europe treaty carries N."""
    rx = re.compile(r"\bProtocol No\. ?(\d+)(?![\w])")
    checked = 0
    for r in kb:
        if r.series in ("ETS", "CETS") and (m := rx.search(r.title)):
            assert r.protocol_number == int(m[1]), r.id
            checked += 1
    assert checked >= 15


# ------------------------------------------------------------------ acronyms

def test_acronyms(kb):
    acr = kb.acronyms()
    assert acr["NPT"] == ("UNTS I-10485",)
    assert acr["ECHR"] == ("CETS 5",)
    assert acr["ECPT"] == ("CETS 126",)
    assert "CMR" in acr and acr["CMR"] == ("PIL UN-PIL-56",)
    assert all(is_acronym(a) for a in acr)
    assert not any(i.startswith("GPTAD") and i != "GPTAD SAFTA" for v in acr.values() for i in v)


@pytest.mark.parametrize("s, yes", [
    ("NPT", True), ("ICCPR-OP1", True), ("START II", True), ("AfCFTA", True), ("GATT 1947", True),
    ("Paris Agreement", False), ("1967 Protocol", False), ("IHR (2005)", False), ("Start", False),
])
def test_is_acronym(s, yes):
    assert is_acronym(s) is yes


# ------------------------------------------------------------------ search

@pytest.mark.parametrize("query, top, within", [
    ("torture", {"CETS 126", "MTDSG IV-9"}, 2),
    ("tortur", {"CETS 126", "MTDSG IV-9"}, 2),          # prefix
    ("tortue", {"CETS 126", "MTDSG IV-9"}, 2),          # typo
    ("chemical weapons", {"MTDSG XXVI-3"}, 1),
    ("Paris climate agreement", {"UNTS I-54113"}, 1),
    ("law of the sea", {"MTDSG XXI-6"}, 1),
    ("ECHR", {"CETS 5"}, 1),
    ("child abduction", {"PIL HCCH-27"}, 1),
])
def test_search_ranking(kb, query, top, within):
    hits = kb.scored_search(query, limit=10)
    assert top <= set(ids(r for r, _ in hits[:within])), [(r.id, s) for r, s in hits]
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_limit_and_nothing(kb):
    assert len(kb.search("convention", limit=5)) == 5
    assert kb.search("", limit=5) == []
    assert kb.search("qwxzv", limit=5) == []


# ------------------------------------------------------------------ records

def test_record_plain_and_picklable(kb):
    r = kb.get("CETS 126")
    assert pickle.loads(pickle.dumps(r)) == r
    hash(r)
    d = r.to_dict()
    assert d["id"] == "CETS 126" and d["parent"] is None and isinstance(d["aliases"], list)
    assert json.loads(json.dumps(d)) == d
    assert Record.from_dict(d) == r
    assert r.adopted == "1987-11-26" and r.place == "Strasbourg"
    assert kb.get("CETS 151").parent == "CETS 126" and kb.get("CETS 151").protocol_number == 1


def test_iteration_and_len(kb):
    recs = list(kb)
    assert len(recs) == len(kb) > 2900
    assert len({r.id for r in recs}) == len(recs)
    assert kb.get("CETS 126") in kb


def test_data_integrity(kb):
    for r in kb:
        assert r.id == canonical_id(r.id)
        assert r.title.strip() == r.title and r.title
        if r.parent:
            assert r.parent in kb, r.id
        if r.same_as:
            assert r.same_as in kb and not r.matchable, r.id
        assert r.protocol_number is None or isinstance(r.protocol_number, int)
        assert r.source
        if r.adopted:
            assert re.fullmatch(r"\d{4}(-\d\d-\d\d)?", r.adopted), r.id
    gk = [r for r in kb if r.id.startswith("GK ")]
    assert gk and all("general-knowledge" in r.source or r.source == "citex-gk" for r in gk)
    assert all(r.general_knowledge for r in gk)


def test_bundled_file_header():
    path = ROOT / "src" / "citex" / "data" / "kb.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
    assert header["format"] == "citex-kb" and header["count"] == len(KnowledgeBase.bundled())
    assert "coe" in header["sources"] and "general-knowledge" in header["sources"]
    assert path.stat().st_size < 1_000_000


@pytest.mark.skipif(not (SHARED_TREATIES / "treaties.csv").exists(), reason="shared treaty data not here")
def test_build_is_deterministic_and_current(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    build_kb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_kb)
    a, b = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    build_kb.build(SHARED_TREATIES, a, verbose=False)
    build_kb.build(SHARED_TREATIES, b, verbose=False)
    assert a.read_bytes() == b.read_bytes()
    bundled = ROOT / "src" / "citex" / "data" / "kb.jsonl.gz"
    assert a.read_bytes() == bundled.read_bytes(), "bundled KB is stale: run scripts/build_kb.py"


# ------------------------------------------------------------------ user CSV + merge

COLUMNS = ["id", "series", "number", "title", "aliases", "kind", "adopted", "place", "organisation",
           "parent_id", "protocol_number", "wikidata", "source"]


@pytest.fixture
def user_kb(tmp_path):
    rows = [
        # override a bundled record (CSV id form): new alias, corrected place
        {"id": "CETS-126", "series": "ETS", "number": "126",
         "title": "European Convention for the Prevention of Torture and Inhuman or Degrading "
                  "Treatment or Punishment",
         "aliases": "ECPT|Torture Prevention Pact", "kind": "convention", "adopted": "1987-11-26",
         "place": "Strasbourg (user)", "organisation": "Council of Europe"},
        # a new protocol in canonical id form; protocol number from the title
        {"id": "CETS 999", "series": "CETS", "number": "999",
         "title": "Protocol No. 3 to the European Convention for the Prevention of Torture and Inhuman "
                  "or Degrading Treatment or Punishment",
         "kind": "protocol", "adopted": "2030-01-01", "parent_id": "CETS-126"},
        # a new record outside the known series
        {"id": "LOCAL-1", "title": "Treaty of Nowhere", "aliases": "TON", "kind": "treaty",
         "adopted": "2031", "protocol_number": ""},
    ]
    path = tmp_path / "user.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for row in rows:
            w.writerow(row)
    return KnowledgeBase.from_csv(path)


def test_from_csv(user_kb):
    assert len(user_kb) == 3
    assert user_kb.get("LOCAL 1").title == "Treaty of Nowhere"
    assert user_kb.get("LOCAL-1").source == "user:user.csv"
    assert user_kb.get("CETS 999").protocol_number == 3
    assert user_kb.get("CETS 999").parent == "CETS 126"


def test_merge(kb, user_kb):
    merged = kb.merge(user_kb)
    assert len(merged) == len(kb) + 2
    assert merged.get("ETS 126").place == "Strasbourg (user)"
    assert ids(merged.lookup("Torture Prevention Pact")) == ["CETS 126"]
    assert ids(merged.lookup("treaty of nowhere")) == ["LOCAL 1"]
    assert merged.protocol("CETS 126", 3).id == "CETS 999"
    assert ids(merged.children("CETS 126")) == ["CETS 151", "CETS 152", "CETS 999"]
    assert merged.acronyms()["TON"] == ("LOCAL 1",)
    # the bundled KB is untouched
    assert kb.get("CETS 126").place == "Strasbourg"
    assert kb.lookup("Torture Prevention Pact") == []
    assert kb.protocol("CETS 126", 3) is None


# ------------------------------------------------------------------ CLI

def test_cli_show(capsys):
    assert kb_cli(["show", "ETS No. 126"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CETS 126  European Convention for the Prevention of Torture")
    assert "1987-11-26" in out and "Strasbourg" in out
    assert "CETS 151" in out and "CETS 152" in out


def test_cli_show_json(capsys):
    assert kb_cli(["show", "CETS-126", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["id"] == "CETS 126" and d["children"] == ["CETS 151", "CETS 152"]


def test_cli_show_unknown(capsys):
    assert kb_cli(["show", "CETS 9999"]) == 2
    cap = capsys.readouterr()
    assert cap.out == ""
    assert cap.err.strip().count("\n") == 0 and "CETS 9999" in cap.err


def test_cli_search(capsys):
    assert kb_cli(["search", "torture", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert "CETS 126" in "".join(lines[:2]) and "MTDSG IV-9" in "".join(lines[:2])


def test_cli_search_json(capsys):
    assert kb_cli(["search", "Paris", "climate", "--json", "--limit", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2 and hits[0]["id"] == "UNTS I-54113" and "score" in hits[0]


def test_cli_bad_usage(capsys):
    assert kb_cli([]) == 2
    assert kb_cli(["frobnicate"]) == 2
    capsys.readouterr()


def test_stored_lookup_keys_match_recomputed_ones(tmp_path):
    # The bundled file carries each record's lookup keys (INDEX_VERSION) so loading skips computing
    # them; after any change to normalize/name_variants the stored keys must be rebuilt.
    bundled = KnowledgeBase.bundled()
    fresh = KnowledgeBase(list(bundled), sources=bundled.sources)
    assert fresh._exact_keys == bundled._exact_keys, "stale keys: bump kb.INDEX_VERSION and rebuild"
    assert fresh._variant_keys == bundled._variant_keys, "stale keys: bump kb.INDEX_VERSION and rebuild"
    assert fresh._exact == bundled._exact and fresh._variant == bundled._variant
    # a file written with another index version is re-indexed on load, not trusted
    path = tmp_path / "kb.jsonl.gz"
    fresh.dump(path)
    import gzip, json as _json
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    head = _json.loads(lines[0])
    head["index"] = -1
    rows = [_json.loads(x) for x in lines[1:]]
    for r in rows:
        r["_k"] = ["bogus"]
    path.write_bytes(gzip.compress(("\n".join([_json.dumps(head)] + [_json.dumps(r) for r in rows]) + "\n").encode()))
    again = KnowledgeBase.load(path)
    assert "bogus" not in again._exact and again._exact == bundled._exact


def test_paris_agreement_names_two_records(kb):
    """1987 newswires call the G-6 Louvre accord "the Paris agreement": the name is ambiguous and the
    linker chooses by dates and words (tests/test_link_forms.py)."""
    assert ids(kb.lookup("Paris Agreement")) == ["GK LOUVRE-1987", "UNTS I-54113"]
    assert ids(kb.lookup("Paris climate agreement")) == ["UNTS I-54113"]
