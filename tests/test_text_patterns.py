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
