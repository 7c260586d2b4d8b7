"""Place names that the scan of capitalised runs cannot see because (part of) them is written in
lower case:

* a state in lower case ("the aggressor state of russia", "the russian federation"), unless its name
  is an ordinary word (``parties/lower_case_stop``: "turkey", "china") or an initialism ("us");
  never inside an address, a file name, a hashtag or a hyphenated word;
* a gazetteer feature whose head noun is written in lower case ("the Korean peninsula", "the
  Arabian peninsula"), when the capitalised words alone are no place.
"""
from __future__ import annotations

import functools

import regex

from citex import limits, vocab
from citex.places.names import NameTable
from citex.places.runs import Cand
from citex.places.words import FEATURE_SUFFIX
from citex.text.patterns import word_trie

__all__ = ["lower_case_cands"]

_FEATURE_WORDS = tuple(sorted({w.lower() for w in FEATURE_SUFFIX}))
# up to three capitalised words ending right before the lower-case head noun
_CAPS_BEFORE = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'’\-]*+[ ]){1,3}+\Z")


def lower_case_cands(table: NameTable, text: str) -> list[Cand]:
    """The candidates of states written in lower case and of features with a lower-case head noun."""
    out: list[Cand] = []
    rx, names = _lower_states(table)
    if rx is not None:
        for m in rx.finditer(text, timeout=limits.REGEX_TIMEOUT):
            name = names[m.group()]
            out.append(Cand(m.start(), m.end(), name, table.names[name], True, True, False))
    for w in _FEATURE_WORDS:
        i = text.find(" " + w)
        while i >= 0:
            _feature_before(table, text, i, w, out)
            i = text.find(" " + w, i + 1)
    return out


def _feature_before(table: NameTable, text: str, i: int, w: str, out: list[Cand]) -> None:
    """The name "<Capitalised words> <Noun>" that ends with the lower-case noun ``w`` at ``i + 1``."""
    e = i + 1 + len(w)
    if i == 0 or not text[i - 1].isalpha() or text[e:e + 1].isalnum():
        return
    m = _CAPS_BEFORE.search(text, max(0, i - 60), i + 1)
    if m is None:
        return
    words = text[m.start():i].split(" ")
    for k in range(len(words)):             # the longest name first
        head = " ".join(words[k:])
        entry = table.names.get(f"{head} {w.capitalize()}")
        if entry is not None and entry.kind != "block" and head not in table.names:
            start = m.start() + len(" ".join(words[:k])) + (1 if k else 0)
            out.append(Cand(start, e, f"{head} {w.capitalize()}", entry, True, True, False))
            return


@functools.lru_cache(maxsize=4)
def _lower_states(table: NameTable):
    """A pattern of the states' names in lower case and lower-case name → the table's name."""
    stop = vocab.lower_words("parties/lower_case_stop")
    names: dict[str, str] = {}
    for name, e in table.names.items():
        low = name.lower()
        if (e.kind == "country" and not e.ambiguous and not e.abbreviation and len(name) >= 4
                and "." not in name and not name.isupper() and low not in stop and low != name):
            names.setdefault(low, name)
    if not names:
        return None, names
    return regex.compile(r"(?<![\w\-/.@#'’])" + word_trie(names) + r"(?![\w\-/@'’]|\.\w)"), names
