"""Regular-expression pieces shared by the grammars."""
from __future__ import annotations

from typing import Iterable

import regex

__all__ = ["word_trie"]


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
