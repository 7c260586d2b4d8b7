"""Fourth and fifth speed passes (issue 14): each fast path finds what the code it replaces found, on
generated texts (property-style, fixed seeds) and on the corpus when it is there."""
from __future__ import annotations

import calendar
import random
import re
from pathlib import Path

import regex

from citex.api import default_extractor
from citex.grammar import dates, instruments
from citex.places import clubs, datelines, finder

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_valid_equals_calendar_monthrange():
    """_valid reads a table of month lengths (and isleap for 29 February) instead of monthrange."""
    for y in list(range(1500, 2101)) + [1, 4, 100, 400, 9999]:
        for m in range(-1, 15):
            for d in range(-1, 33):
                old = 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]
                assert dates._valid(y, m, d) == old, (y, m, d)


def test_quantity_before_backwards_equals_forwards():
    """QUANTITY_BEFORE is searched backwards ("(?r)"): a match exactly where the forward search has one."""
    forward = regex.compile(dates.QUANTITY_BEFORE.pattern.replace("(?r)", "", 1), regex.IGNORECASE)
    pieces = ["about", "ABOUT", "some", "total", "of", "up", "to", "#", "no.", "No.", "number", "nearly", " ",
              "  ", "   ", "    ", "\t", "\n", "x", "the", "ſome", "least", "at", ",", "1"]
    rng = random.Random(3)
    for _ in range(20000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))[-25:]
        assert bool(dates.QUANTITY_BEFORE.search(window)) == bool(forward.search(window)), repr(window)


def _plain_dateline(table, m):
    """The dateline reading before it was remembered (the code the memo replaces)."""
    from citex.places.names import Entry
    from citex.places.runs import Cand
    city = m.group("city")
    cs, ce = m.span("city")
    while city and city[-1] in ".'’-":
        city, ce = city[:-1], ce - 1
    if len(city.replace(" ", "").replace(".", "")) < 2:
        return []
    st_group = "st" if m.group("st") else "st2" if m.group("st2") else None
    st_entry = datelines._state(table, m.group(st_group)) if st_group else None
    key = " ".join(city.split())
    name = table.upper().get(key)
    entry = table.names.get(name) if name else None
    title = " ".join(w[:1] + w[1:].lower() for w in key.split(" "))
    if entry is not None and entry.kind == "block":
        return []
    if m.group("weak") is not None and (entry is None or entry.ambiguous) and st_entry is None:
        return []
    if m.group("st2") and st_entry is None:
        return []
    if st_entry is not None:
        cc = st_entry.country
        canon = entry.canonical if entry is not None and entry.country == cc else title
    elif entry is not None:
        canon, cc = entry.canonical, entry.country
    else:
        canon, cc = title, None
    out = [Cand(cs, ce, key, Entry(canon, cc, "city"), True, True, False)]
    if st_entry is not None:
        ss, se = m.span(st_group)
        out.append(Cand(ss, se, m.group(st_group), st_entry, True, True, False))
    return out


def _cands(cands):
    return [(c.start, c.end, c.name, c.entry, c.ok, c.supported, c.name_part) for c in cands]


def test_remembered_dateline_readings_equal_the_plain_reading():
    """A dateline read through the memo gives the candidates the plain reading gives, the first time
    and when read again (generated datelines, then the corpus's)."""
    table = default_extractor().gazetteer.table
    cities = ["NEW YORK", "PARIS", "ST. PETERSBURG", "SMITH", "BREAKING", "VILNIUS", "GENEVA", "X", "A.", "LONDON-"]
    states = ["", ", Fla.", ", N.Y.", ", Jones", ", Philippines", ", CALIF"]
    tails = [", March 6 -", ", June 29 (Reuters) –", " —", " (AP) — ", ", 5 September 2024 (AFP) – ", " - "]
    rng = random.Random(5)
    texts = ["".join((rng.choice(cities), rng.choice(states), rng.choice(tails), "The text.")) for _ in range(600)]
    if CORPUS.is_dir():
        texts += [f.read_text(encoding="utf-8", errors="replace")[:3000] for f in sorted(CORPUS.rglob("*.txt"))[::7]]
    for _ in range(2):
        for text in texts:
            for m in datelines.DATELINE.finditer(text):
                assert _cands(datelines._dateline(table, m)) == _cands(_plain_dateline(table, m)), text[:80]


# -- fifth speed pass ---------------------------------------------------------------------------------

def _corpus_texts(step: int, limit: int = 0) -> list[str]:
    if not CORPUS.is_dir():
        return []
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in sorted(CORPUS.rglob("*.txt"))[::step]]
    return [t[:limit] for t in texts] if limit else texts


def _line_texts(seed: int, n: int) -> list[str]:
    """Generated texts of short lines that open in every way a dateline's test meets."""
    pieces = ["NEW YORK", "PARIS", "ÉVIAN", "ŁÓDŹ", "A", "Ab", "ab", "1", "(", " ", "\t", "\xa0", "’", "'", ".",
              "-", " - ", " — ", "–", ",", ", March 6", " (Reuters) ", "\r", "\n", "\n\n", "Fla.", "x", "Q"]
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(n)]


def test_dateline_line_opening_keeps_every_line_the_test_takes(monkeypatch):
    """The narrower line opening of dateline_cands (ASCII capitals) gives the datelines the former
    one (no lower-case letter in the first two characters) gave."""
    table = default_extractor().gazetteer.table
    old = r"[ \t]*(?=[^\sa-z](?:[^a-z]|\Z))"
    texts = _line_texts(11, 6000) + _corpus_texts(5)
    new = [_cands(datelines.dateline_cands(table, t)) for t in texts]
    monkeypatch.setattr(datelines, "_LINE_OPENING", re.compile(r"\n" + old))
    monkeypatch.setattr(datelines, "_TEXT_OPENING", re.compile(old))
    for t, got in zip(texts, new):
        assert got == _cands(datelines.dateline_cands(table, t)), t[:80]


def _plain_sport_text(text: str, needed: int) -> bool:
    """clubs._sport_text before its cues were grouped (the code the groups replace)."""
    n = 0
    for cue in clubs._CUES:
        if cue in text:
            n += 1
            if n == needed:
                return True
    return False


def test_grouped_sport_cues_count_as_each_cue():
    """The sport cues looked for by group ("Cup", "half") count as each cue looked for alone, on
    texts of the cues' words and their pieces."""
    pieces = [w for cue in clubs._CUES for w in (cue, *cue.replace("-", " - ").split())] + [" ", "-", "x", "Cup"]
    rng = random.Random(13)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += _corpus_texts(9)
    for text in texts:
        for needed in (1, 2, 3):
            assert clubs._sport_text(text, needed) == _plain_sport_text(text, needed), (text[:80], needed)


def test_premods_from_the_window_tail_equal_the_whole_window(monkeypatch):
    """_premods reads the tokens of the window's last characters first (from a space no bracket
    spans), the whole window's only when the scan reads on: the same start and words as when it
    tokenised the whole window, on generated texts (brackets with spaces, unclosed ones, long
    names) and at every head of the corpus."""
    pieces = ["the", "The", " ", "  ", "\n", "United", "Nations", "Framework", "of", "and", "for", "Russia's",
              "Women's", "(", ")", "(Anti-Ballistic Missile)", "(Asylum and Immigration)", "1987", "No.", "U.S.",
              "peace", "nuclear", "Non-Proliferation", "Best", "Dance", ",", "X", "Áland", "US", "February"]
    rng = random.Random(17)
    cases = []
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) + " " + rng.choice(["Treaty", "accord"])
        cases.append((text, len(text) - 6, rng.randint(0, 40)))         # (both heads: six letters)
    for text in _corpus_texts(3):
        cases += [(text, m.start(), 0) for m in instruments.HEAD.finditer(text)]
    new = [instruments._premods(text, hs, lower, floor) for text, hs, floor in cases for lower in (False, True)]
    monkeypatch.setattr(instruments, "_tail_start", lambda text, lo, hi: lo)
    old = [instruments._premods(text, hs, lower, floor) for text, hs, floor in cases for lower in (False, True)]
    assert new == old


def _places(texts):
    finder_table = default_extractor().gazetteer.table
    return [[(p.start, p.end, p.name, p.country) for p in finder.find(finder_table, t)] for t in texts]


def test_run_plans_in_capitals_equal_the_live_look_up(monkeypatch):
    """The longest names in capitals remembered in a run's plan ("NEW YORK", "REUTER") give the
    places that looking each up at every occurrence gives (headlines, capitals after "<", lines in
    capitals, and the corpus)."""
    pieces = ["NEW YORK", "PARIS", "NEW", "YORK", "REUTER", "U.S.", "NATO", "FRANCE", "SOUTH KOREA", "KOREA", "<",
              "<BCE>", "UNIT", "AIR", "NEW ZEALAND", "SEA", "ARBITRATION", "Paris", "in", "of", "the", ", ", " ",
              "\n", ". ", "-", "LONDON-BASED", "Texas", "TEXAS", "said", "BELL CANADA", "ST. LOUIS"]
    rng = random.Random(19)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    texts += _corpus_texts(7)
    new = _places(texts)
    plain_run = finder._run
    monkeypatch.setattr(finder, "_run", lambda *a: plain_run(*a[:9]))      # (no plan: every name looked up)
    assert _places(texts) == new


class _WholeGrammar:
    """YEAR_FIRST's stand-in: the whole grammar searched from the year (the code it replaces)."""

    @staticmethod
    def match(text, pos, endpos):
        return dates.PATTERN.search(text, pos, endpos)


def _date_rows(texts):
    return [[(d.start, d.end, d.value) for d in dates.find_dates(t)] for t in texts]


def test_year_first_forms_equal_the_whole_grammar(monkeypatch):
    """Where only the year may open a date in its window, matching the three forms that open at a
    year's digit (ISO date, span of years, year) finds what the whole grammar finds from there."""
    pieces = ["1987", "2024", "1500", "2099", "-", "–", "/", ".", ",", " ", "  ", "\n", "07", "21", "2018-2019", "2024-07-21", "2019-20",
              "March", "May", "mid-", "No.", "vol.", "%", "GMT", "people", "in", "(", ")", "$", "a", "3", "12/05/",
              "about", "the", "number", "is", "late", "and", "9"]
    rng = random.Random(23)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(6000)]
    texts += _corpus_texts(3)
    new = _date_rows(texts)
    monkeypatch.setattr(dates, "YEAR_FIRST", _WholeGrammar)
    assert _date_rows(texts) == new


def _plain_continuation(text, name, ctx):
    """instruments._continuation as it was (always a new Name), the code its fast path replaces."""
    import attrs
    if len(name.numbers) > 1 or name.head.low == "amendment":
        return name
    h, end = name.head, name.end
    title_end, from_cont = instruments._title_continuation(text, name, ctx.get("gazetteer"))
    if h.kind == "other":
        cont_end = title_end
        title_end = instruments._law_tail(text, title_end, h.word)
        if h.low == "law" and title_end == cont_end and not instruments.LAW_SUBJECT.match(text, end):
            if from_cont:
                ctx["law_to"] = cont_end
            return None
        if h.low == "decree" and title_end == cont_end:
            return None
    elif h.upper and not name.pre and title_end == end:
        title_end = instruments._title_line(text, name)
    return attrs.evolve(name, end=title_end, has_cont=title_end > end)


def test_continuation_without_a_tail_is_the_same_name(monkeypatch):
    """A name that nothing continues after its head is returned as it is, equal to the new Name the
    plain code built: the same candidates on the corpus and on generated names."""
    heads = ["Treaty", "Convention", "Law", "Decree", "Act", "TREATY", "accord", "Protocol", "Agreement"]
    tails = ["", " on Cybercrime", " of 1990", " No. 5", " 2024", " in Paris", " of the Sea", ".", " (1987)"]
    rng = random.Random(29)
    texts = [f"The {rng.choice(['Paris', 'Kyoto', 'Rome', 'UN', 'Federal'])} {rng.choice(heads)}{rng.choice(tails)} "
             f"was {rng.choice(['signed', 'cited'])}." for _ in range(3000)] + _corpus_texts(4)
    gaz = default_extractor().gazetteer
    new = [instruments.find_candidates(t, gaz) for t in texts]
    monkeypatch.setattr(instruments, "_continuation", _plain_continuation)
    assert [instruments.find_candidates(t, gaz) for t in texts] == new


def test_date_guard_of_whole_lower_case_months_finds_every_date():
    """PATTERN's guard admits a lower-case letter only where a whole month name in lower case
    begins (the lmy form's): the same matches as the guard of the months' first letters."""
    old = regex.compile(r"(?=[\dADFJMNOSadfjmnos])(?:" + dates.compose(dates.PATTERN_SRC, dates.F) + ")",
                        regex.VERBOSE | regex.VERSION1)
    pieces = ["in", "between", "from", "september", "march", "may", "mayor", "june", "Jun", "1986", "2024", "and",
              "of", " ", "  ", "\n", ",", "3", "21st", "-", "Sept.", "MARCH", "jan", "december", "decembers", "x",
              "to", "ſeptember", "mid-", "8-APR-", "2018-2019", "the"]
    rng = random.Random(31)
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\t"]) for _ in range(rng.randint(1, 24)))
             for _ in range(8000)]
    texts += _corpus_texts(3)
    for text in texts:
        assert [(m.span(), m.lastgroup) for m in dates.PATTERN.finditer(text)] == \
            [(m.span(), m.lastgroup) for m in old.finditer(text)], text[:80]


def test_last_word_test_passes_every_quantity_and_count_before_a_year(monkeypatch):
    """_may_end_with is False only where QUANTITY_BEFORE and COUNT_IS_BEFORE cannot match (their last
    words, kept in step with the patterns): generated tails of their words in any case, with white
    space and foldable letters ("ſome"), and the dates of generated texts and of the corpus."""
    words = ["about", "Some", "OVER", "nearly", "approximately", "total of", "up  to", "#", "No.", "number", "is", "WAS",
             "reached", "rose to", "stands at", "the", "toll", "count", "ſome", "Ks", "this", "moreover", "x", "."]
    rng = random.Random(37)
    for _ in range(30000):
        window = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) + rng.choice([" ", "  ", "\t", "\n ", "", "   "])
        text = window + "1987"
        start = len(window)
        if dates.QUANTITY_BEFORE.search(text[max(0, start - 25):start]):
            assert dates._may_end_with(text, start, dates._QUANTITY_LAST), window
        if dates.COUNT_IS_BEFORE.search(text[max(0, start - 96):start]):
            assert dates._may_end_with(text, start, dates._COUNT_IS_LAST), window
    texts = [" ".join(rng.choice(words + ["1987", "in", "2001", ","]) for _ in range(12)) for _ in range(4000)]
    texts += _corpus_texts(3)
    new = _date_rows(texts)
    monkeypatch.setattr(dates, "_may_end_with", lambda text, start, words: True)
    assert _date_rows(texts) == new


def test_ascii_word_texts_split_and_anchor_as_the_full_patterns(monkeypatch):
    """A text whose characters outside ASCII are no letters, marks, digits, word characters or "’"
    (ascii_words: "£", "—", "“") is split into runs and anchored on months by the ASCII patterns as
    by the full ones; texts with "é", "’", "²", "‿", a joiner or a combining mark are not taken."""
    from citex.places import runs
    from citex.text.patterns import ascii_words
    pieces = ["New", "York", "O'Hare", "Saint-Denis", "U.S.", "of", "de", "March", "May", "june", "said", " ", "  ",
              "\n", "\t", ",", ".", "-", "'", "_", "1", "£", "—", "“", "”", "€", "°", "•", "\xa0", "\u2028", "é", "É",
              "’", "²", "‿", "\u200d", "e\u0301", "क", "ª", "Ⅻ", "\u0301M"]
    rng = random.Random(41)
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 20)))
             for _ in range(20000)] + _corpus_texts(1)
    taken = 0
    for text in texts:
        if not ascii_words(text):
            continue
        taken += not text.isascii()
        for run_re in (runs.RUN, runs.RUN_HARD):
            full, ascii_only = runs._SPLITS[run_re.pattern]
            assert ascii_only.split(text) == full.split(text), text
        assert [m.span() for m in dates.MONTH_ANCHOR_ASCII.finditer(text)] == \
            [m.span() for m in dates.MONTH_ANCHOR.finditer(text)], text
    assert taken > 1000
    assert not any(ascii_words(c) for c in ("é", "’", "²", "‿", "\u200d", "\u0301", "क", "Ⅻ", "ª"))
