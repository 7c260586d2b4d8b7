"""Runs of capitalised tokens, the units the place finder reads, and the candidates it keeps.

A run is capitalised tokens joined by spaces (and line breaks in hard-wrapped text) and by the
lower-case connectors that occur inside place names ("Isle of Man", "Rio de Janeiro").
"""
from __future__ import annotations

import re

import regex

from citex.places.names import Entry
from citex.places.words import CONNECTORS
from citex.text.patterns import ascii_words, word_trie

__all__ = ["RUN", "RUN_HARD", "split_runs", "Tok", "Cand", "tokens", "segment", "next_run", "run_ends_at", "sentence_start"]

# a capitalised token: an initialism ("U.S."), or a capital and letters, with inner apostrophes
# and hyphens ("O'Hare", "Saint-Denis") but not a possessive 's, and an optional full stop; an
# initialism may lack its last full stop ("the U.S would")
# (the capital is read once for both forms: "(?:\p{Lu}\.){2,}|\p{Lu}…" tried in the same order)
CAP = r"\p{Lu}(?:\.(?:\p{Lu}\.)*\p{Lu}(?:\.|(?![\p{L}\p{M}]))|[\p{L}\p{M}]*(?:['’](?!s\b)[\p{L}\p{M}]+|-[\p{L}\p{M}]+)*\.?)"
_WS = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)"   # spaces, at most one line break
_WS_HARD = r"[ \t]+"                                # spaces only

# (a trie: a connector must be followed by white space, so at most one can match at a place)
_CONN = word_trie(CONNECTORS)
# capitalised tokens joined by spaces and at most three connectors in a row
RUN = regex.compile(rf"(?<![\w'’])(?:{CAP})(?:{_WS}(?:{_CONN}{_WS}){{0,3}}(?:{CAP}))*")
# the same without line breaks, for texts whose line breaks end lines (titles, fields)
RUN_HARD = regex.compile(rf"(?<![\w'’])(?:{CAP})(?:{_WS_HARD}(?:{_CONN}{_WS_HARD}){{0,3}}(?:{CAP}))*")
_TOK = regex.compile(rf"{CAP}|\p{{Ll}}+")

# The same two patterns for a text whose word characters are all ASCII (ascii_words: ASCII text, or
# one whose other characters are such as "£" and "—"), in ``re`` (the split of such a text, the place
# finder's first step, is twice as fast): the classes narrowed to ASCII (all the letters, digits and
# apostrophes such a text holds), and the first capital read before the look-behind, so that the
# engine skips to the capitals.
_CAP_ASCII = CAP.replace(r"\p{Lu}", "[A-Z]").replace(r"[\p{L}\p{M}]", "[A-Za-z]").replace("['’]", "'")
_FIRST_ASCII = r"[A-Z](?<![A-Za-z0-9_'].)" + _CAP_ASCII[len("[A-Z]"):]
_SPLITS = {
    RUN.pattern: (regex.compile(f"({RUN.pattern})"),
                  re.compile(rf"({_FIRST_ASCII}(?:{_WS}(?:{_CONN}{_WS}){{0,3}}(?:{_CAP_ASCII}))*)")),
    RUN_HARD.pattern: (regex.compile(f"({RUN_HARD.pattern})"),
                       re.compile(rf"({_FIRST_ASCII}(?:{_WS_HARD}(?:{_CONN}{_WS_HARD}){{0,3}}(?:{_CAP_ASCII}))*)")),
}


def split_runs(run_re, text: str) -> list[str]:
    """``text`` split at the runs of ``run_re`` (``RUN`` or ``RUN_HARD``): the gaps and the runs in
    turn, as ``regex.split`` with the run pattern in a group gives them (by the ASCII pattern when
    the text's word characters are all ASCII: :func:`~citex.text.patterns.ascii_words`)."""
    full, ascii_only = _SPLITS[run_re.pattern]
    return (ascii_only if ascii_words(text) else full).split(text)


class Tok:
    """A token of a run; ``conn`` for a lower-case connector."""

    __slots__ = ("start", "end", "text", "conn")

    def __init__(self, start: int, end: int, text: str, conn: bool):
        self.start, self.end, self.text, self.conn = start, end, text, conn


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of the run text[start:end]."""
    return [Tok(tm.start(), tm.end(), tm.group(), tm.group()[0].islower())
            for tm in _TOK.finditer(text, start, end)]


class Cand:
    """A gazetteer name found in the text and the finder's decision on it.

    ``ok``: accepted; ``supported``: its context says "place" (in/at/from…, ", <state>", a list
    of places, a dateline); ``name_part``: rejected as part of a longer proper name ("Paris
    Hilton"), which bans the name elsewhere in the text unless supported (one sense per text);
    ``person``: rejected as a person's surname ("Michael Jordan"), which bans it whatever its kind;
    ``instrument``: rejected as an instrument's name ("Kyoto Protocol"), which bans it too;
    ``team``: rejected as a club or team named by its city ("Liverpool boss"), which bans it too.
    """

    __slots__ = ("start", "end", "name", "entry", "ok", "supported", "name_part", "person", "surname",
                 "instrument", "team")

    def __init__(self, start: int, end: int, name: str, entry: Entry, ok: bool, supported: bool,
                 name_part: bool, person: bool = False, surname: bool = False, instrument: bool = False,
                 team: bool = False):
        self.start, self.end, self.name, self.entry = start, end, name, entry
        self.ok, self.supported, self.name_part, self.person = ok, supported, name_part, person
        self.surname, self.instrument, self.team = surname, instrument, team


# a character that no run holds (a run is letters, marks, apostrophes, hyphens, full stops and
# white space): runs never cross one, so the text between two of them can be scanned on its own
_BREAKER = r"[^\p{L}\p{M}'’.\- \t\r\n]"
_BREAK_BACK = regex.compile(r"(?r)" + _BREAKER)
_BREAK_FWD = regex.compile(_BREAKER)


def segment(text: str, pos: int) -> tuple[int, int]:
    """The stretch of text around ``pos`` between two characters that no run holds: the runs in
    it are the same whether the scan starts at the text's start or at the stretch's."""
    b = _BREAK_BACK.search(text, 0, pos)
    f = _BREAK_FWD.search(text, pos)
    return (b.end() if b is not None else 0), (f.start() if f is not None else len(text))


def next_run(text: str, run_re, end: int):
    """The run after the one ending at ``end`` (a match), or None: what the whole-text scan finds next."""
    return run_re.search(text, end)


def run_ends_at(text: str, run_re, q: int) -> bool:
    """Some run of the text ends at ``q`` (the scan from the start of its stretch finds it)."""
    if q <= 0 or _BREAK_FWD.match(text, q - 1):
        return False
    for m in run_re.finditer(text, segment(text, q - 1)[0]):
        if m.start() >= q:
            break
        if m.end() == q:
            return True
    return False


_SENT_PUNCT = frozenset('.!?:;"“”‘’\'([{•*–—-')


def sentence_start(text: str, pos: int) -> bool:
    """The run at ``pos`` opens a sentence, a line after a blank line, or an indented paragraph."""
    p = pos - 1
    while p >= 0 and text[p] in " \t":
        p -= 1
    if p < 0:
        return True
    c = text[p]
    if c == "\n":
        if pos - p - 1 >= 2:      # indented line: a new paragraph
            return True
        q = p - 1
        while q >= 0 and text[q] in " \t\r":
            q -= 1
        if q < 0 or text[q] == "\n":
            return True
        c = text[q]
    return c in _SENT_PUNCT
