"""Property tests over arbitrary Unicode text and over text built from the grammar's own pieces.

For every text: no exception; every citation, mention, event, date and place lies inside the text
with ``text[start:end] == .text``; the JSON validates against the schema and reads back unchanged;
the result is deterministic and the same through ``citex.extract``, ``citex.extract_many``, the spaCy
pipeline (``citex.load()``), the command line on standard input and the command line over a folder
with one and with two jobs.

Hypothesis runs derandomized (the same examples on every run, so CI is reproducible) with small
``max_examples``: the whole file takes well under a minute on 2 cores.  ``fuzz/`` runs the same
checks for as long as one likes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citex
from citex.text.clean import looks_like_html
from citex.output.writers import to_json_line
from conftest import check_spans

ROOT = Path(__file__).resolve().parents[1]
QUICK = settings(max_examples=2500, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=4, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- the grammar's own pieces ------------------------------------------------------------------
HEADS = ["Convention", "Conventions", "Treaty", "Treaties", "Protocol", "Protocols", "Agreement", "Charter",
         "Covenant", "Statute", "Pact", "Accord", "Accords", "Act", "Law", "Constitution", "Memorandum",
         "CONVENTION", "TREATY", "PROTOCOL", "convention", "treaty", "protocol", "agreement", "pact", "accord"]
TITLES = ["European Convention on Human Rights", "Convention for the Prevention of Torture and Inhuman or "
          "Degrading Treatment or Punishment", "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)",
          "Kyoto Protocol", "Paris Agreement", "Rome Statute of the International Criminal Court",
          "Vienna Convention on the Law of Treaties", "Energy Charter Treaty", "INF treaty", "Optional Protocol",
          "Second Optional Protocol", "Additional Protocol I", "Treaty of Amsterdam", "UN Convention on refugees",
          "General Agreement on Tariffs\nand Trade (GATT)", "Federal Law On the Termination of International "
          "Treaties", "U.S. Securities Act of 1933", "Egypt–Israel peace treaty", "Camp David Accords",
          "Law of the Republic of Kazakhstan dated July 13, 1999 No. 420-1"]
WORDS = ["the", "of", "for", "on", "and", "or", "to", "by", "at", "in", "a", "The", "This", "its", "European",
         "International", "United Nations", "Council of Europe", "Human", "Rights", "Torture", "Cruel,", "Sea",
         "Non-Proliferation", "Seafarers'", "Russia's", "Best", "National", "Organisation", "Center",
         "hereinafter", "referred to as", "thereto", "to it", "amending", "additional to", "as well as",
         "which was", "has been", "officially", "not", "refused to", "on behalf of", "Mr", "President",
         "U.S.", "U.N.", "UN", "NPT", "GATT", "ECHR", "New START", "CETS No. 126", "(CETS No. 225)", "Elvis"]
NUMBERS = ["No.", "Nos.", "no.", "n°", "#", "1", "2", "6", "14", "999", "1000", "I", "II", "III", "XV", "IV",
           "1, 2", "1, 4 and 6", "No. 1 and No. 2", "12,", "3.", "1.2.3", "2024.5"]
DATES = ["26 November 1987", "November 26, 1987", "26th of November 1987", "Nov. 26, 1987", "26.11.1987",
         "05/09/2014", "1987-11-26", "5.IX.2024", "November 1987", "1996", "2099", "1499", "January of 1987",
         "30 February 2001", "June 29", "last year", "yesterday", "two years ago", "At the end of September",
         "on Tuesday", "in December", "January of this year", "July 13", "March", "May", "1530 GMT", "2000 people"]
PLACES = ["Strasbourg", "Paris", "Rome", "Geneva", "Vienna", "Moscow", "Washington", "Minsk", "Russian Federation",
          "Russia", "France", "United States", "Texas", "Nice", "Jordan", "Kyoto", "Istanbul", "Lyon",
          "Bala Cynwyd, Pa.", "ST. PETERSBURG, Fla., June 29 -", "PARIS, June 29 -", "South Wales",
          "Guantanamo Bay", "Egypt-Israel", "London-based", "Paris Hilton", "Tony Blair", "Bank of England"]
ACTIONS = ["signed", "signature", "ratified", "ratification", "acceded", "joined", "denounce", "denounced",
           "denunciation", "withdrew", "withdrawal", "pulled out", "quit", "left", "suspended", "terminated",
           "entered into force", "took effect", "done", "adopted", "opened for signature"]
PUNCT = [".", ",", ";", ":", "?", "!", "-", "–", "—", "'", "’", '"', "“", "”", "«", "»", "(", ")", "[", "]",
         "/", "&", "…", "\n", "\n\n", "\r\n", "\t", " ", "  ", "\u00a0", "\u2028", "\u200b", "İ", "ß", "ﬁ",
         "e\u0301", "🇫🇷", "\ufeff"]
SEPARATORS = [" ", " ", " ", ", ", "\n", "", " (", ") ", " of ", " and ", ". "]

piece = st.one_of(*(st.sampled_from(x) for x in (HEADS, TITLES, WORDS, NUMBERS, DATES, PLACES, ACTIONS, PUNCT)))
grammar_text = st.lists(st.one_of(piece, piece, st.sampled_from(SEPARATORS), st.text(max_size=3)),
                        max_size=60).map("".join)
# arbitrary Unicode (surrogates included: a Python str may hold them) and mostly-ASCII noise
unicode_text = st.text(st.characters(exclude_categories=()), max_size=300)
noise_text = st.text(st.sampled_from(list("Aa1. ,;:()[]\"'\n\t-–#°No")), max_size=200)
any_text = st.one_of(grammar_text, grammar_text, unicode_text, noise_text)
published = st.sampled_from([None, "2025-10-02", "1987-06-29"])


def check_all(text, res, validator):
    assert res.error is None, res.error
    check_spans(text, res)
    for i, c in enumerate(res.citations):
        assert 0 <= c.start <= c.end <= len(text)
        assert c.parent is None or (0 <= c.parent < len(res.citations) and c.parent != i)
        for m in c.mentions:
            assert 0 <= m.start <= m.end <= len(text)
    for x in list(res.dates) + list(res.places):
        assert 0 <= x.start <= x.end <= len(text)
    d = res.to_dict()
    validator.validate(d)
    assert citex.Result.from_dict(d).to_dict() == d
    json.dumps(d, ensure_ascii=False)


@QUICK
@given(text=any_text, pub=published)
def test_api_invariants(text, pub, schema_validator):
    res = citex.extract(text, doc_id="d", published=pub)
    check_all(text, res, schema_validator)
    assert citex.extract(text, doc_id="d", published=pub) == res  # deterministic
    (many,) = list(citex.extract_many([("d", text)], published=pub))
    assert many == res


@settings(QUICK, max_examples=150)
@given(parts=st.lists(grammar_text, min_size=1, max_size=6), pub=published)
def test_many_documents_in_one_batch(parts, pub):
    """extract_many over several texts equals extract on each, in order (no state leaks across)."""
    pairs = [(f"doc{i}", t) for i, t in enumerate(parts)]
    got = list(citex.extract_many(pairs, published=pub))
    assert [r.doc_id for r in got] == [d for d, _ in pairs]
    assert got == [citex.extract(t, doc_id=d, published=pub) for d, t in pairs]


@pytest.fixture(scope="module")
def nlp():
    return citex.load()


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@settings(QUICK, max_examples=300)
@given(text=any_text.filter(_encodable))
def test_spacy_pipeline_same_result(text, nlp):
    """``nlp(text)._.citex`` equals ``citex.extract(text)`` (spaCy itself cannot hold a lone surrogate:
    its string store is UTF-8, so ``nlp("\ud800")`` fails in the tokenizer, before any citex component)."""
    doc = nlp(text)
    assert doc._.citex.to_dict() == citex.extract(text).to_dict()


@settings(QUICK, max_examples=300)
@given(text=st.one_of(any_text, st.text(st.sampled_from(list("()[]\"“«a.-/: ")), min_size=20, max_size=120))
           .filter(_encodable))
def test_safe_tokenizer_keeps_spacy_tokens(text, nlp):
    """``citex.load()`` tokenizes like spaCy's blank English tokenizer, except long runs of punctuation
    (which spaCy tokenizes in quadratic time): those are cut into short tokens; the text is unchanged."""
    from citex.components.tokenizer import _RUN, _hostile
    doc = nlp.make_doc(text)
    assert doc.text == text
    if not any(_hostile(m.group()) for m in _RUN.finditer(text)):
        assert [t.text for t in doc] == [t.text for t in _blank().tokenizer(text)]


_BLANK = []


def _blank():
    if not _BLANK:
        import spacy
        _BLANK.append(spacy.blank("en"))
    return _BLANK[0]


LAW_WORDS = ["Law", "LAW", "Law", "of", "of", "on", "On", "for", "against", "the", "The", "Ukraine", "Russian",
             "Federation", "European", "UN", "United Nations", "Act", "and", "all", "1999", "of 1999",
             "dated July 13, 1999", "No. 5", "“On Sanctions”", '"X"', "Treaty", "Treaties", ",", "Of",
             "Regarding", "regarding", "refugees", "Xyz", "U.S.", "O'Law", "International", "Against", "\n"]


@settings(QUICK, max_examples=500)
@given(words=st.lists(st.sampled_from(LAW_WORDS), max_size=40), sep=st.sampled_from([" ", "  ", "\n"]))
def test_byline_law_skip_changes_nothing(words, sep):
    """Skipping the heads inside a rejected "Law of …" byline (what keeps "Law of Law of …" linear)
    finds exactly the names that reading every head would."""
    from citex.grammar import instruments as I
    text = sep.join(words)
    try:
        I.SKIP_BYLINE_LAWS = False
        slow = I.find_candidates(text)
    finally:
        I.SKIP_BYLINE_LAWS = True
    assert I.find_candidates(text) == slow


def _cli_safe(text: str) -> bool:
    """Texts the command line reads back unchanged from a UTF-8 file: no surrogates, no NUL (binary),
    no leading BOM (stripped), not blank (an "empty" record), not HTML-looking (cleaned first)."""
    return _encodable(text) and bool(text.strip()) and "\x00" not in text and not text.startswith("\ufeff") and not looks_like_html(text)


def _cli(args, stdin=None):
    env = dict(os.environ, PYTHONHASHSEED="random")
    return subprocess.run([sys.executable, "-m", "citex.cli", "extract", *args, "-q"], input=stdin,
                          capture_output=True, timeout=120, env=env)


cli_text = st.one_of(grammar_text, grammar_text, noise_text).filter(_cli_safe)


@SLOW
@given(texts=st.lists(cli_text, min_size=4, max_size=8))
def test_cli_folder_one_and_two_jobs(texts):
    """``citex extract DIR`` gives, line by line, the JSON of ``citex.extract`` on each file,
    with one job and with two worker processes (each with its own hash seed)."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"doc{i:02d}.txt").write_bytes(t.encode("utf-8"))
        want = [to_json_line(citex.extract(t, doc_id=f"doc{i:02d}.txt")) for i, t in enumerate(texts)]
        for jobs in ("1", "2"):
            out = _cli([tmp, "--jobs", jobs])
            assert out.returncode == 0, out.stderr.decode()
            assert out.stdout.decode("utf-8").splitlines() == want, f"--jobs {jobs}"


@SLOW
@given(text=cli_text)
def test_cli_stdin(text):
    out = _cli(["-"], stdin=text.encode("utf-8"))
    assert out.returncode == 0, out.stderr.decode()
    line = out.stdout.decode("utf-8").rstrip("\n")
    assert line == to_json_line(citex.extract(text, doc_id="-"))
