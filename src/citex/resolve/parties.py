"""Who acts: the parties of treaty actions as typed :class:`~citex.models.Party` objects.

A party is a state (or the European Union) named in one of the ways news names a government:

* the state itself, a place the gazetteer knows as a country ("Russia", "the Russian Federation");
* its capital standing for its government ("Washington withdrew", "Moscow ratified");
* a seat or organ of government ("the Kremlin", "the White House", "the Bundestag"), from
  ``data/vocab/parties/organs.tsv``;
* a nationality adjective with a word of government ("the French government", "Hungarian
  lawmakers", "Armenian Foreign Minister …"), from ``demonyms.tsv`` and ``roles.txt``;
* the European Union and its older names (``supranational.tsv``);
* a leader named earlier with the nationality ("French President Emmanuel Macron … Macron
  signed"): the surname stands for the state for the rest of the document;
* a leader the text names without the nationality ("Volodymyr Zelensky signed"), from
  ``leaders.tsv`` (full names in any case; the surnames that name one person alone);
* a state's formal name the gazetteer does not hold ("the Islamic Republic of the Gambia");
* a state written in lower case ("russia withdraws"), unless the name is also an ordinary word
  (``lower_case_stop.txt``: "china", "turkey").

Every party has the state's name and ISO 3166-1 alpha-2 code (``countries.tsv``, from GeoNames)
and a span in the text: ``text == source[start:end]``.
"""
from __future__ import annotations

import functools
import unicodedata
from typing import Iterable, Optional

import regex

from citex import vocab
from citex.grammar.instruments import alternation
from citex.models import Party, Place

# a leader's name after a nationality and a title: "French President Emmanuel Macron"
# a person's name after a title; not a Title Case headline's verb ("Turkish Parliament *Ratifies* Istanbul …")
_NOT_VERB = r"(?!(?:" + alternation(sorted({w.capitalize() for w in vocab.lower_words("instruments/headline_verbs")})) + r")(?![\w\-]))"
_NAME = (r"(?P<name>(?:" + _NOT_VERB + r"\p{Lu}[\p{Ll}'’\-]+[ \t]){0,2}" + _NOT_VERB
         + r"(?P<surname>\p{Lu}[\p{Ll}'’\-]{2,}))")


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → the state's short English name (and ``EU``)."""
    out = {code: name for code, name in vocab.rows("parties/countries")}
    out["EU"] = "European Union"
    return out


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city → the code of the state it is the capital of."""
    return {name: code for name, code in vocab.rows("parties/capitals")}


@functools.lru_cache(maxsize=1)
def _named_pattern() -> regex.Pattern:
    """Organs, supranational parties, and nationality + government word, in one linear pattern."""
    organs = [n for n, _ in vocab.rows("parties/organs")]
    supra = [n for n, _ in vocab.rows("parties/supranational")]
    demonyms = [n for n, _ in vocab.rows("parties/demonyms")]
    roles = vocab.entries("parties/roles")
    role_alt = alternation(sorted(set(roles) | {r.capitalize() for r in roles} | {r.title() for r in roles}))
    return regex.compile(
        r"(?<![\w\-])(?:"
        rf"(?P<organ>{alternation(organs)})"
        rf"|(?P<supra>{alternation(supra)})"
        rf"|(?<!(?:Latin|South|Central|North|Pan)[ \t])(?P<demonym>{alternation(demonyms)})[ \t]{{1,3}}(?:(?:\p{{Ll}}+|\p{{Lu}}\p{{Ll}}+)[ \t]{{1,3}}){{0,2}}?"
        rf"(?P<role>{role_alt})(?:[ \t]{{1,3}}{_NAME})?"
        r")(?![\w\-])")


@functools.lru_cache(maxsize=1)
def _codes() -> dict[str, dict[str, str]]:
    return {"organ": dict(vocab.rows("parties/organs")),
            "supra": dict(vocab.rows("parties/supranational")),
            "demonym": dict(vocab.rows("parties/demonyms"))}


def party_of_place(place: Place, is_country) -> Optional[Party]:
    """The party a place names: a state, or a capital standing for its state's government."""
    if place.country is None:
        return None
    if is_country(place):
        return Party(text=place.text, name=place.name, country=place.country, start=place.start, end=place.end)
    seat = seats().get(place.name)
    if seat is not None:    # "Brussels signed …": the European Union
        return Party(text=place.text, name=seat[0], country=seat[1], start=place.start, end=place.end)
    code = capitals().get(place.name) or _folded_capitals().get(_fold(place.name))   # "Tehrān" is "Tehran"
    if code is not None and code == place.country:
        return Party(text=place.text, name=countries().get(code, place.name), country=code,
                     start=place.start, end=place.end)
    return None


@functools.lru_cache(maxsize=1)
def seats() -> dict[str, tuple[str, str]]:
    """Capital → (party name, code) of the union it stands for (``parties/seats.tsv``)."""
    return {row[0]: (row[1], row[2]) for row in vocab.rows("parties/seats")}


def _fold(name: str) -> str:
    """``name`` without its accents ("Bogotá" → "Bogota"), as the capitals table spells most names."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _folded_capitals() -> dict[str, str]:
    """The capitals table keyed without accents (the gazetteer's names keep theirs: "Kābul", "Tehrān")."""
    return {_fold(name): code for name, code in capitals().items()}


@functools.lru_cache(maxsize=1)
def _known_leaders() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    """Leaders by full name (any case) and by distinctive surname (capitalised): two patterns and
    name → code (full names lower-cased)."""
    full: dict[str, str] = {}
    alone: dict[str, str] = {}
    for row in vocab.rows("parties/leaders"):
        full[row[0].lower()] = row[1]
        if len(row) > 2 and row[2]:
            alone[row[2]] = row[1]
    codes = {**full, **alone}
    return (regex.compile(r"(?<![\w\-])(?:" + alternation(full) + r")(?![\w\-])", regex.IGNORECASE),
            regex.compile(r"(?<![\w\-])(?:" + alternation(alone) + r")(?![\w\-])"), codes)


@functools.lru_cache(maxsize=1)
def _lower_states() -> tuple[regex.Pattern, dict[str, str]]:
    """States written in lower case ("russia"), but not those that are ordinary words ("turkey")."""
    stop = vocab.lower_words("parties/lower_case_stop")
    names = {n.lower(): c for c, n in countries().items() if n.lower() not in stop and c != "EU"}
    return regex.compile(r"(?<![\w\-])(?:" + alternation(names) + r")(?![\w\-])"), names


@functools.lru_cache(maxsize=1)
def _state_form_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """ "the Islamic Republic of the Gambia": qualifiers, a form of state, "of", a state's name."""
    words = vocab.entries("parties/state_forms")
    forms = [w[1:] for w in words if w.startswith("=")]
    quals = [w for w in words if not w.startswith("=")]
    names = {n: c for c, n in countries().items() if c != "EU"}
    return regex.compile(
        rf"(?<![\w\-])(?:(?:{alternation(quals)})[ \t]{{1,3}}){{0,3}}(?:{alternation(forms)})[ \t]{{1,3}}of"
        rf"[ \t]{{1,3}}(?:the[ \t]{{1,3}})?(?P<state>{alternation(names)})(?![\w\-])"), names


def state_forms(text: str, windows: Iterable[tuple[int, int]], timeout: Optional[float] = None) -> list[Party]:
    """States by a formal name ("the Islamic Republic of the Gambia"): for the names the gazetteer
    does not hold (the caller lets a place that starts at the same position win)."""
    rx, names = _state_form_pattern()
    full = countries()
    return [Party(text=m.group(), name=full[names[m.group("state")]], country=names[m.group("state")],
                  start=m.start(), end=m.end())
            for lo, hi in windows for m in rx.finditer(text, lo, hi, timeout=timeout)]


_OF_AFTER = regex.compile(r"[ \t]{1,3}of[ \t]")


def _known_mentions(text: str, windows, timeout) -> list[Party]:
    """Leaders the table knows and states written in lower case."""
    full_rx, alone_rx, codes = _known_leaders()
    lower_rx, lower = _lower_states()
    names = countries()
    out = []
    for lo, hi in windows:
        for rx, table, fold in ((full_rx, codes, True), (alone_rx, codes, False), (lower_rx, lower, False)):
            for m in rx.finditer(text, lo, hi, timeout=timeout):
                if _OF_AFTER.match(text, m.end()):
                    continue  # "Muhammadu Buhari of Nigeria": the state is named
                code = table[m.group().lower() if fold else m.group()]
                out.append(Party(text=m.group(), name=names.get(code, code), country=code,
                                 start=m.start(), end=m.end()))
    return out


def named_parties(text: str, windows: Iterable[tuple[int, int]], timeout: Optional[float] = None) -> list[Party]:
    """Parties named by an organ, the EU, or a nationality with a word of government, inside
    ``windows`` (sorted, non-overlapping ``(start, end)``), leaders' surnames after such a mention
    ("Armenian Foreign Minister Ararat Mirzoyan … Mirzoyan signed"), leaders the table knows and
    states written in lower case."""
    rx, codes, names = _named_pattern(), _codes(), countries()
    windows = list(windows)
    out: list[Party] = _known_mentions(text, windows, timeout)
    leaders: dict[str, str] = {}
    for lo, hi in windows:
        for m in rx.finditer(text, lo, hi, timeout=timeout):
            kind = m.lastgroup if m.lastgroup in ("organ", "supra") else "demonym"
            code = codes[kind].get(m.group(kind))
            if code is None:
                continue
            if kind == "demonym" and m.group("surname"):
                leaders[m.group("surname")] = code
                s, e = m.start(), m.end()
            else:
                s, e = m.span()
            out.append(Party(text=text[s:e], name=names.get(code, m.group(kind)), country=code, start=s, end=e))
    if leaders:
        out += _leader_mentions(text, windows, leaders, timeout)
    out.sort(key=lambda p: (p.start, -p.end))
    return _outermost(out)


# a government named without its state: "the Cabinet", "Parliament", "President Volodymyr Zelensky"
_UNNAMED_ORGAN = regex.compile(
    r"(?<![\w\-])(?:(?:[Tt]he[ \t]{1,3})?(?:Cabinet|cabinet|[Gg]overnment|[Pp]arliament|National[ \t]Assembly|Senate|"
    r"Congress|[Ll]egislature|[Ll]awmakers|Council[ \t]of[ \t]Ministers)"
    r"|(?:President|Prime[ \t]Minister|Premier|Chancellor)(?:[ \t]{1,3}\p{Lu}[\p{Ll}'’\-]+){1,3})(?![\w\-])")
# the dominant country needs this many places and this share of them
DOMINANT_MIN, DOMINANT_SHARE = 3, 0.5


def dominant_country(places: Iterable[Place]) -> Optional[str]:
    """The country most of the document's places are in, when it is most of them (ISO code)."""
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    total = sum(counts.values())
    return code if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * total else None


def unnamed_organs(text: str, windows: Iterable[tuple[int, int]], code: str,
                   timeout: Optional[float] = None) -> list[Party]:
    """Governments named without their state ("the Cabinet approved …", "President Zelensky signed"),
    taken to be the government of ``code``, the document's dominant country."""
    name = countries().get(code, code)
    return [Party(text=m.group(), name=name, country=code, start=m.start(), end=m.end())
            for lo, hi in windows for m in _UNNAMED_ORGAN.finditer(text, lo, hi, timeout=timeout)]


def _leader_mentions(text: str, windows, leaders: dict[str, str], timeout) -> list[Party]:
    rx = regex.compile(r"(?<![\w\-])(?:" + alternation(leaders) + r")(?![\w\-])")
    names = countries()
    out = []
    for lo, hi in windows:
        for m in rx.finditer(text, lo, hi, timeout=timeout):
            code = leaders[m.group()]
            out.append(Party(text=m.group(), name=names.get(code, code), country=code, start=m.start(), end=m.end()))
    return out


def _outermost(parties: list[Party]) -> list[Party]:
    """Drop parties inside another (sorted by start, longest first)."""
    out: list[Party] = []
    for p in parties:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out
