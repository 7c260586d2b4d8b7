"""citex.text.patterns: word tries match what the plain alternation matches."""
import random

import regex

from citex.grammar import dates
from citex.places.words import CONNECTORS
from citex.text.patterns import word_trie

MONTHS = ("January February March April May June July August September October November December "
          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JANUARY MAY JUNE").split()


def test_word_trie_matches_the_alternation_between_boundaries():
    rng = random.Random(11)
    for words, after in ((sorted(CONNECTORS), r"[ \t]"), (MONTHS, r"\b"), (["a", "ab", "abc", "b", "ba"], r"\b")):
        plain = regex.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")" + after)
        trie = regex.compile(r"(?<!\w)" + word_trie(words) + after)
        pieces = list(words) + [" ", "\t", "x", "s", ".", "\n", "e"]
        for _ in range(5000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_month_anchor_is_every_month_word():
    for w in MONTHS + ["Sept", "DECEMBER", "Dec"]:
        assert dates.MONTH_ANCHOR.fullmatch(w)
    for w in ["Ma", "Mays", "JUNe", "Septe", "july"]:
        assert not dates.MONTH_ANCHOR.fullmatch(w)


def test_ascii_run_split_equals_the_regex_split():
    """The place finder splits an ASCII text at its runs with ``re`` (narrowed classes, the first
    capital read before the look-behind): the same parts as the ``regex`` pattern, on both run
    patterns, with initialisms, possessives, apostrophes, hyphens, connectors and line breaks."""
    from citex.places import runs

    pieces = ["U.S.", "A.", "New", "York", "O'Hare", "Obama's", "s", "Saint-Denis", "de", "of", "the", "la", "x",
              "IBM", "9", "_", "'", "-", ".", ",", " ", "  ", "\t", "\n", "\r\n", " \n ", "Isle", "Man", "Rio", "a"]
    rng = random.Random(5)
    for run_re in (runs.RUN, runs.RUN_HARD):
        full = regex.compile(f"({run_re.pattern})")
        for _ in range(6000):
            text = "".join(rng.choice(pieces) + rng.choice(["", " ", ""]) for _ in range(rng.randint(1, 14)))
            assert runs.split_runs(run_re, text) == full.split(text), (run_re is runs.RUN, text)


def test_dateline_lines_are_those_of_the_line_loop(monkeypatch):
    """dateline_cands tries the dateline pattern only on the lines its opening pattern finds: the
    same lines that the test of every line finds (blanks, a capital, then a capital, one of
    .'’- ,\\t or the line's end, and a dash on the line)."""
    from citex.places import datelines

    def by_lines(text):
        out, n, pos = [], len(text), 0
        while pos < n:
            nl = text.find("\n", pos)
            nl = n if nl < 0 else nl
            j = pos
            while j < nl and text[j] in " \t":
                j += 1
            if (j < nl and text[j].isupper() and (j + 1 == nl or text[j + 1].isupper() or text[j + 1] in ".'’- ,\t")
                    and any(text.find(d, j, nl) >= 0 for d in "-–—")):
                out.append(pos)
            pos = nl + 1
        return out

    seen = []

    class Spy:
        def match(self, text, pos, timeout=None):
            seen.append(pos)

    pieces = ["PARIS", "A", "a", "É", "é", "Ǆ", "1", " ", "\t", "\n", "\r\n", "-", "–", "—", ".", ",", "'", "’", "x"]
    rng = random.Random(3)
    monkeypatch.setattr(datelines, "DATELINE", Spy())
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        seen.clear()
        datelines.dateline_cands(None, text)
        want = by_lines(text) if datelines.has_dash(text) else []
        assert seen == want, text


def test_prev_words_reads_the_last_chunks_as_every_chunk():
    """prev_words splits only the last three chunks of its window: the same two words as reading
    every chunk (runs of "the", punctuation, separators, short windows)."""
    from citex.places import judge

    pieces = ["the", "The", "in", "of", "(in", "in)", "a-b", "x", "Paris", ",", ".", "—", "é", "1", "\x1c", "\u2028",
              "in,", "e\u0301", "ʰ", "(ǅa", "Ⅻ", "St.Louis"]     # (a chunk's last letters read only when it ends in one)
    rng = random.Random(9)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", "\n", ""]) for _ in range(rng.randint(0, 16)))
        pos = rng.randint(0, len(text))
        window = text[max(0, pos - 40):pos]
        want = judge._prev_words_scan(window) if any(c in window for c in "\x1c\x1d\x1e\x1f") else \
            judge._prev_words_split(window)
        assert judge.prev_words(text, pos) == want, (text, pos)


def test_ascii_month_anchor_equals_the_month_anchor():
    """On a text of ASCII characters only, the month words are found with ``re`` (the first letter
    read before the boundary look-behind): the same matches as MONTH_ANCHOR."""
    pieces = MONTHS + ["Mays", "JUNe", "x", "1", "_", " ", ".", "-", "Septe", "May1", "aMay", "Dec.", "\n"]
    rng = random.Random(13)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ""]) for _ in range(rng.randint(1, 10)))
        assert ([m.span() for m in dates.MONTH_ANCHOR_ASCII.finditer(text)]
                == [m.span() for m in dates.MONTH_ANCHOR.finditer(text)]), text
