"""Place names that the scan of capitalised runs cannot see because (part of) them is written in
lower case:

* a state in lower case, unless its name is an ordinary word (``parties/lower_case_stop``:
  "turkey", "china") or an initialism ("us"), and never inside an address, a file name, a hashtag or
  a hyphenated word: every state in a text written in lower case ("venezuela has obtained credits
  from … france"), and in other texts the states that some news writes in lower case on purpose
  (``places/lowered_states``: "the aggressor state of russia");
* a gazetteer feature whose head noun is written in lower case ("the Korean peninsula", "the
  Indian ocean"), when the capitalised words alone are no place.

Both are cheap on ordinary text: a look at the text's first sentences, a substring test per listed
state and one scan for the head nouns.
"""
from __future__ import annotations

import functools
import re

from citex.places.names import NameTable
from citex.places.runs import Cand
from citex.places.words import FEATURE_SUFFIX, LOWER_CASE_STOP, LOWERED_STATES
from citex.text.patterns import word_trie

__all__ = ["lower_case_cands"]

# the head nouns that news writes in lower case after a name ("the Korean peninsula", "the Indian
# ocean"; each costs a search of every text)
_NOUNS = tuple(w for w in (n.lower() for n in FEATURE_SUFFIX) if w in ("peninsula", "ocean"))
_WORDS_BEFORE = re.compile(r"(?:[A-Z][^\W\d_]*+ ){1,3}\Z")
# sentence openings in a text's first characters: their first letters
_OPENING = re.compile(r"(?:[.!?][\"')’”]?[ \t]+|\n[ \t]*\n[ \t]*)([A-Za-z])")
_SAMPLE = 1500


def lower_case_cands(table: NameTable, text: str) -> list[Cand]:
    """The candidates of states written in lower case and of features with a lower-case head noun."""
    out: list[Cand] = []
    if _lower_case_text(text):
        rx, names = _lower_states(table, False)
    else:
        rx, names = _lower_states(table, True)
        if not any(map(text.__contains__, _listed_keys(table))):
            rx = None
    if rx is not None:
        for m in rx.finditer(text):
            name = names[m.group()]
            out.append(Cand(m.start(), m.end(), name, table.names[name], True, True, False))
    for noun in _NOUNS:
        i = text.find(" " + noun)
        while i >= 0:
            _feature(table, text, i + 1, noun, out)
            i = text.find(" " + noun, i + 1)
    return out


def _lower_case_text(text: str) -> bool:
    """The text opens its sentences in lower case (wire copy or posts written in lower case)."""
    i = text.find(". ", 0, _SAMPLE)
    if i >= 0 and text[i + 2:i + 3].isupper():
        return False                        # (most texts: the second sentence opens in capitals)
    first = _OPENING.search(text, 0, _SAMPLE)
    if first is None or first.group(1).isupper():
        return False                        # (most texts: the first sentence after the first opens in capitals)
    firsts = _OPENING.findall(text, 0, _SAMPLE)
    low = sum(map(str.islower, firsts))
    return low >= 2 and 2 * low > len(firsts)


def _feature(table: NameTable, text: str, ns: int, noun: str, out: list[Cand]) -> None:
    """The name "<Capitalised words> <Noun>" that ends with the lower-case ``noun`` at ``ns``."""
    end = ns + len(noun)
    if text[end:end + 1].isalnum() or not text[ns - 2:ns - 1].isalpha():
        return
    before = _WORDS_BEFORE.search(text, max(0, ns - 50), ns)
    if before is None or text[before.start() - 1:before.start()].isalnum():
        return
    start = before.start()
    words = text[start:ns - 1].split(" ")
    for k in range(len(words)):             # the longest name first
        head = " ".join(words[k:])
        name = f"{head} {noun.capitalize()}"
        entry = table.names.get(name)
        if entry is not None and entry.kind != "block" and head not in table.names:
            s = start + len(" ".join(words[:k])) + (1 if k else 0)
            out.append(Cand(s, end, name, entry, True, True, False))
            return


@functools.lru_cache(maxsize=8)
def _listed_keys(table: NameTable) -> tuple[str, ...]:
    """The listed states' lower-case names that no other of them contains ("russia", not "russian
    federation"): a text without any of them holds none."""
    names = _lower_states(table, True)[1]
    return tuple(n for n in names if not any(o != n and o in n for o in names))


@functools.lru_cache(maxsize=8)
def _lower_states(table: NameTable, listed: bool):
    """A pattern of the states' names in lower case (``listed``: only those of
    ``places/lowered_states``) and lower-case name → the table's name."""
    stop = LOWER_CASE_STOP
    only = LOWERED_STATES if listed else None
    names: dict[str, str] = {}
    for name, e in table.names.items():
        low = name.lower()
        if (e.kind == "country" and not e.ambiguous and not e.abbreviation and len(name) >= 4
                and "." not in name and not name.isupper() and low not in stop and low != name
                and (only is None or low in only)):
            names.setdefault(low, name)
    if not names:
        return None, names
    return re.compile(r"(?<![\w\-/.@#'’])" + word_trie(names) + r"(?![\w\-/@'’]|\.\w)"), names
