"""Regular-expression pieces shared by the grammars."""
from __future__ import annotations

import functools
import re
from typing import Iterable

import regex

__all__ = ["word_trie", "ascii_words"]


def word_trie(words: Iterable[str]) -> str:
    """An alternation of literal ``words`` as a trie ("d(?:e(?:l|s)?|u)" for de, del, des, du): the
    engine reads each letter once instead of trying every word in turn.  Alternatives are tried
    longest first along each branch; where a word must be followed by a character no word continues
    with (white space, a word boundary), at most one word can match at a place, and the trie matches
    exactly what the plain alternation does."""
    heads: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        if not w:
            raise ValueError("word_trie: an empty word")
        heads.setdefault(w[0], []).append(w[1:])
    parts = []
    for c, rests in heads.items():
        tails = [r for r in rests if r]
        if not tails:
            parts.append(regex.escape(c))
            continue
        body = word_trie(tails)
        parts.append(regex.escape(c) + (f"(?:{body})?" if "" in rests else body))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORDISH = regex.compile(r"[\w'’\p{L}\p{M}\p{N}\p{Pc}\p{Join_Control}]")


def ascii_words(text: str) -> bool:
    """Every character of ``text`` that a word pattern reads or looks at is ASCII: the others, if
    any ("£", "—", "“"), are no letters, marks, digits, word characters or "’" in either engine's
    sense, so that a pattern whose classes are narrowed to ASCII ([A-Za-z], [A-Za-z0-9_]) reads it
    as the full one does (a text of the corpus's BBC news with a pound sign, not one with "é")."""
    if text.isascii():
        return True
    return not any(map(_wordish, map(re.Match.group, _NON_ASCII.finditer(text))))    # (stops at the first)


@functools.lru_cache(maxsize=4096)
def _wordish(c: str) -> bool:
    return _WORDISH.match(c) is not None or c.isalnum()
