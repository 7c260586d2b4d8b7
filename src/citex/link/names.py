"""Names of instruments: the lookup key of a name (:func:`normalize`), the ways news text names a
record besides its title and aliases (:func:`name_variants`), and what counts as an acronym.

Changing anything here changes the lookup keys stored in the bundled knowledge base: bump
``citex.link.kb.INDEX_VERSION`` and rebuild it (``scripts/build_kb.py``); a test recomputes the keys.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from citex.vocab import entries

if TYPE_CHECKING:  # pragma: no cover
    from citex.link.records import Record

__all__ = ["tokens", "normalize", "name_key", "name_variants", "is_acronym"]

_TRANSLIT = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ß": "ss",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
})
# British -> American, applied to both sides of every comparison (so the direction
# does not matter): data/vocab/link/spelling.txt.  "-ise/-isation" is handled by a rule below.
_SPELLING = dict(line.split() for line in entries("link/spelling"))
_ISE_RE = re.compile(r"^(\w\w+?)is(e|es|ed|ing|ation|ations|er|ers)$")
_TOKEN_RE = re.compile(r"[^\W_]+")
_DOTS_RE = re.compile(r"[.']")
_NUMBERISH_RE = re.compile(r"\d+[a-z]*$")


def _token(tok: str) -> str:
    tok = _SPELLING.get(tok, tok)
    if len(tok) > 5 and "is" in tok:
        m = _ISE_RE.match(tok)
        if m:
            tok = f"{m[1]}iz{m[2]}"
    return tok


def tokens(text: str) -> list[str]:
    """The normalised tokens of ``text`` (see :func:`normalize`), in order."""
    s = text
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_TRANSLIT))
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    s = _DOTS_RE.sub("", s.replace("&", " and ").replace("+", " plus "))  # "U.N." -> "un", "Women's" -> "womens"
    raw = _TOKEN_RE.findall(s)
    out: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        t = raw[i]
        if t == "united" and i + 1 < n and raw[i + 1] == "nations":
            out.append("un")
            i += 2
            continue
        if t in ("no", "nr", "number", "nos") and i + 1 < n and _NUMBERISH_RE.match(raw[i + 1]):
            i += 1  # "Protocol No. 6" == "Protocol 6"
            continue
        out.append(_token(t))
        i += 1
    if len(out) > 1 and out[0] == "the":
        out = out[1:]
    return out


def normalize(name: str) -> str:
    """The lookup key of a name.

    Ignores case, diacritics, punctuation, the difference between hyphen, space
    and nothing ("Anti-Torture" == "anti torture" == "antitorture"), a leading
    "the", "No." before a number, British/American spelling
    ("organisation"/"organization", "labour"/"labor", "centre"/"center",
    "defence"/"defense" …), "&"/"and", and "U.N."/"UN"/"United Nations".
    "+" is kept as "plus" ("Convention 108+" is not "Convention 108").
    """
    return "".join(tokens(name))

# head words that name one instrument in news ("the Louvre accord / Accord / pact / agreement / accords")
_SAME_HEAD = {"accord": "agreement", "accords": "agreement", "agreements": "agreement", "pact": "agreement",
              "pacts": "agreement", "deal": "agreement", "treaties": "treaty", "conventions": "convention",
              "charters": "charter", "statutes": "statute", "covenants": "covenant"}


# a state's long names, as tokens, and the short key they merge under
_STATE_KEYS = {("united", "states", "of", "america"): "us", ("united", "states"): "us", ("usa",): "us",
               ("united", "kingdom"): "uk", ("russian", "federation"): "russia"}
# heads whose "<head> of <state>" is "<state> <head>" ("Constitution of the United States" = "US Constitution")
_OF_STATE_HEADS = ("constitution",)


def _state_keys(toks: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(toks):
        for words, key in _STATE_KEYS.items():
            if tuple(toks[i:i + len(words)]) == words:
                out.append(key)
                i += len(words)
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def name_key(title: str) -> str:
    """The key under which variants of one name merge: case, punctuation, spelling ("U.S." = "US",
    British/American), a plural head and accord/agreement/pact ignored, a state's long name ("United
    States of America" = "US"), "Constitution of the United States" = "US Constitution"."""
    toks = _state_keys(tokens(title))
    if len(toks) > 2 and toks[0] in _OF_STATE_HEADS and toks[1] == "of":
        rest = toks[2:][1:] if toks[2] == "the" else toks[2:]
        toks = rest + [toks[0]]
    if toks:
        toks[-1] = _SAME_HEAD.get(toks[-1], toks[-1])
    return " ".join(toks)


# --------------------------------------------------------------------- variants

# The treaty head words (data/vocab/instruments/heads.txt, kind other than "other") and "amendment":
# the words a knowledge-base title is named by.
_TREATY_HEADS = [w for row in (line.split() for line in entries("instruments/heads")) if row[2] != "other"
                 for w in row[:2] if w != "-"] + ["amendment", "amendments"]
_KIND_WORDS = "(?:" + "|".join(sorted(_TREATY_HEADS, key=lambda w: (-len(w), w))) + ")"
# Titles a qualifier ("European", "UN" …) is added to or dropped from: not protocols, pacts or
# accords ("European Protocol to …" is no name news uses; merging with _KIND_WORDS would add such keys).
_KIND_START_RE = re.compile(r"(?i)(?:framework\s+)?(?:convention|treaty|charter|agreement|covenant|statute)\b")
_QUALIFIER_RE = re.compile(
    r"(?i)^(?:the\s+)?(?:council\s+of\s+europe|european|international|united\s+nations|u\.\s?n\.|un)\s+")
_PREVENTION_RE = re.compile(rf"(?i)^(.*?\b{_KIND_WORDS})\s+(?:for|on)\s+the\s+prevention\s+of\s+(.+)$")
_AGAINST_RE = re.compile(rf"(?i)^(.*?\b{_KIND_WORDS})\s+against\s+(.+)$")
_SHORT_OBJECT_RE = re.compile(r"(?i)\s+(?:and|or)\s+|\s*[,;(]")
_TRAILING_PAREN_RE = re.compile(r"^(.*\S)\s*[(\"“]([^()\"“”]+)[)\"”]$")
_TRAILING_YEAR_RE = re.compile(r"(?i)^(.*\S),?\s+(?:of\s+)?\(?(1[6-9]\d\d|20\d\d)\)?$")
_DATE_IN_TITLE_RE = re.compile(
    r"(?i)\s+(?:of|done\s+at\s+\w+\s+on|signed\s+at\s+\w+\s+on)\s+\d{1,2}\s+[a-z]+\s+\d{4},?(?=\s)")
_PLACE_PREFIX_RE = re.compile(
    r"^(?:[Tt]he\s+)?([A-Z][\w'\-]+(?:[ \-][A-Z][\w'\-]+)?)\s+"
    rf"({_KIND_WORDS.title()})\b")
_TREATY_WORD_RE = re.compile(rf"(?i)\b{_KIND_WORDS}\b")
_PAREN_NAME_RE = re.compile(
    r"(?!with\b|and\b|including\b)[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,5}\s+"
    rf"{_KIND_WORDS.title()}")


def _org_qualifiers(rec: "Record") -> tuple[str, ...]:
    org = (rec.organisation or "").casefold()
    if rec.series in ("ETS", "CETS") or org.startswith("council of europe"):
        return ("European", "Council of Europe")
    if rec.series == "MTDSG" or org.startswith("united nations"):
        return ("UN",)
    if org.startswith("hague conference"):
        return ("Hague",)
    return ()


def name_variants(rec: "Record", places: frozenset = frozenset()) -> set[str]:
    """Common ways news text names ``rec`` that are not literally its title or an alias.

    * a trailing parenthetical, quoted part or year dropped, or the parenthetical alone
      when it is itself a treaty name ("… (European Patent Convention)");
    * a date in the title dropped ("Convention of 25 October 1980 on …" -> "Convention on …");
    * "X for the Prevention of Y" <-> "X against Y", also with Y cut at its first "and"/"or";
    * a leading "European"/"International"/"United Nations"/"UN"/"Council of Europe"
      dropped, or the record's own qualifier added ("European …" for Council of Europe
      treaties, "UN …" for UN ones, "Hague …" for HCCH ones);
    * "<Place> Convention" for titles starting with a place that occurs as a treaty
      place in the KB ("Vienna Convention on Consular Relations" -> "Vienna Convention").
    """
    names = [rec.title, *rec.aliases]
    stage = set(names)
    for n in names:
        if m := _TRAILING_PAREN_RE.match(n):
            stage.add(m[1])
            if _PAREN_NAME_RE.fullmatch(m[2]):
                stage.add(m[2])  # "European Patent Convention", not "Protocol I" or "with Final Protocol"
        if (m := _TRAILING_YEAR_RE.match(n)) and m[1]:
            stage.add(m[1].rstrip(" ,"))
        if _DATE_IN_TITLE_RE.search(n):
            stage.add(_DATE_IN_TITLE_RE.sub("", n))
    for n in list(stage):
        for rx, repl in ((_PREVENTION_RE, "against"), (_AGAINST_RE, "for the prevention of")):
            if m := rx.match(n):
                head, obj = m[1], m[2]
                short = _SHORT_OBJECT_RE.split(obj, 1)[0]
                stage.add(f"{head} {repl} {obj}")
                if short and short != obj:
                    stage.add(f"{head} against {short}")
                    stage.add(f"{head} for the prevention of {short}")
    quals = _org_qualifiers(rec)
    for n in list(stage):
        if m := _QUALIFIER_RE.match(n):
            rest = n[m.end():]
            if _KIND_START_RE.match(rest):
                stage.add(rest)
        elif quals and _KIND_START_RE.match(n):
            stage.update(f"{q} {n}" for q in quals)
    if places:
        for n in names:
            if (m := _PLACE_PREFIX_RE.match(n)) and m[1].casefold() in places:
                stage.add(f"{m[1]} {m[2]}")
    stage.difference_update(names)
    # a variant must still name something: not "Convention" (from "European Convention")
    return {v for v in stage if len(tokens(v)) >= 2}




_ACRONYM_RE = re.compile(r"[A-Z0-9][A-Za-z0-9+\-]*(?: [A-Z0-9][A-Z0-9+\-]*)*")


def is_acronym(alias: str) -> bool:
    """"NPT", "ICCPR-OP1", "START II", "AfCFTA" yes; "Paris Agreement", "1967 Protocol" no."""
    if len(alias) > 16 or not _ACRONYM_RE.fullmatch(alias):
        return False
    letters = [c for c in alias if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper < 2:
        return False
    if " " in alias and any(c.islower() for c in letters):
        return False
    return upper / len(letters) >= 0.6

