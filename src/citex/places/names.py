"""The gazetteer's table of names: typed entries and the look-ups the finder makes.

An :class:`Entry` is one line of ``data/places.tsv.gz`` (see ``scripts/build_gazetteer.py``);
a :class:`NameTable` maps every name (tokens joined by single spaces) to its entry and finds the
longest name starting at a token, in mixed case or in capitals (headlines, datelines).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

import attrs

__all__ = ["Entry", "KINDS", "NameTable", "parse_entries"]

# country | region | admin (a state, province, oblast…) | city | feature (sea, gulf, river…) |
# block (a name that contains a place name but is no place: "Union Pacific"; stops a look-up)
KINDS = ("country", "region", "admin", "city", "feature", "block")
_RANK = {"country": 5, "admin": 4, "region": 4, "feature": 3, "city": 2, "block": 1}

_MAXLEN = 9  # tokens in the longest gazetteer name we try


@attrs.frozen(slots=True)
class Entry:
    """What the gazetteer knows about one name.

    ``ambiguous``: the name is also an ordinary word or a person's name ("Nice", "Reading",
    "Jordan"); it needs support from its context.  ``abbreviation``: a state's abbreviation used in
    datelines ("Fla.", "Calif."), a place only right after "<City>, ".
    """

    canonical: str
    country: Optional[str]
    kind: str
    population: int = 0
    ambiguous: bool = False
    abbreviation: bool = False
    also: tuple = ()    # other countries where the name is a country, a state or a big city ("San Juan": PR)

    @property
    def major(self) -> bool:
        """An unambiguous country, region, state or big city."""
        return (not self.ambiguous and not self.abbreviation
                and (self.kind in ("country", "region", "admin", "feature") or self.population >= 100_000))

    @property
    def rank(self) -> tuple[int, int]:
        """Which reading of an all-caps form wins: a country over a state over a city, then the larger."""
        return (_RANK.get(self.kind, 0), self.population)


def parse_entries(data: str) -> dict[str, Entry]:
    """The entries of a gazetteer file's text (tab-separated: name, canonical, country, kind,
    population, flags ``a``/``d``, and optionally the other countries of the name, comma-separated)."""
    entries: dict[str, Entry] = {}
    for line in data.split("\n"):
        if not line or line[0] == "#":
            continue
        name, canonical, cc, kind, pop, flags, *also = line.split("\t")
        entries[name] = Entry(canonical or name, cc or None, kind, int(pop), "a" in flags, "d" in flags,
                              tuple(also[0].split(",")) if also and also[0] else ())
    return entries


def word_prefixes(names: Iterable[str]) -> frozenset:
    """Every proper word prefix of the multi-word names ("New", "New York" for "New York City")."""
    out = set()
    for name in names:
        toks = name.split(" ")
        for k in range(1, len(toks)):
            out.add(" ".join(toks[:k]))
    return frozenset(out)


class NameTable:
    """Names → entries, with the prefix sets that let a look-up stop early."""

    def __init__(self, entries: dict[str, Entry]):
        self.names = entries
        self.prefixes = word_prefixes(entries)
        # every word a name can begin with (one-word names, first words of the others)
        self.first_words = frozenset(n.split(" ", 1)[0] for n in entries)
        self._upper: Optional[dict[str, str]] = None
        self._upper_prefixes: frozenset = frozenset()
        self._possessive = False    # not built yet
        self._possessive_tail = None
        self._alternatives: Optional[dict[str, Entry]] = None
        # run string → its reading gives no candidate (citex.places.finder remembers it here)
        self.run_plans: dict[str, bool] = {}
        # (city, state, state group, weak form) of a dateline → its reading (citex.places.datelines)
        self.dateline_readings: dict[tuple, tuple] = {}

    def possessive(self):
        """A regex of the names with a possessive inside ("People's Republic of China", "Cox's
        Bazar"): runs stop at "'s", so the scan finds only their tails ("Republic of China")."""
        if self._possessive is False:
            import regex
            names = sorted((n for n, e in self.names.items() if "'s " in n and not e.ambiguous
                            and (e.kind in ("country", "admin") or e.population >= 100_000)), key=len, reverse=True)
            alts = "|".join(regex.escape(n).replace("'", "['’]").replace(r"\ ", "[ \t]+") for n in names)
            self._possessive = regex.compile(rf"(?<![\w'’-])(?:{alts})(?![\w'’-])") if names else None
            # what every match holds: the possessive and the first word after it ("'s Republic")
            tails = sorted({n.split("'s ", 1)[1].split(" ", 1)[0] for n in names})
            self._possessive_tail = re.compile("['’]s[ \t]+(?:" + "|".join(map(re.escape, tails)) + ")")
        return self._possessive

    def may_hold_possessive(self, text: str, start: int, end: int) -> bool:
        """text[start:end] holds what a match of :meth:`possessive` holds (a cheap test before it)."""
        return self.possessive() is not None and self._possessive_tail.search(text, start, end) is not None

    def alternatives(self) -> dict[str, Entry]:
        """Second readings of a name, as a state of another country: "Georgia" (the country) is
        also the US state that "Ga." abbreviates."""
        if self._alternatives is None:
            alt: dict[str, Entry] = {}
            for name, e in self.names.items():
                main = self.names.get(e.canonical)
                if (e.kind == "admin" and e.canonical != name and main is not None
                        and main.country != e.country and main.kind == "country"):
                    alt.setdefault(e.canonical, Entry(e.canonical, e.country, "admin"))
            self._alternatives = alt
        return self._alternatives

    def get(self, name: str) -> Optional[Entry]:
        return self.names.get(name)

    def upper(self) -> dict[str, str]:
        """ALL-CAPS form → name (of several names with one all-caps form, the best ranked)."""
        if self._upper is None:
            up: dict[str, str] = {}
            for name, e in self.names.items():
                u = name.upper()
                old = up.get(u)
                if old is None or e.rank > self.names[old].rank:
                    up[u] = name
            self._upper_prefixes = word_prefixes(up)
            self._upper = up
        return self._upper

    def major(self, name: str) -> bool:
        """An unambiguous country, region, state or big city: 'Egypt' in 'Egypt-Israel'."""
        e = self.names.get(name)
        return e is not None and e.major

    def longest(self, toks: Sequence, i: int, upper: bool):
        """Longest name starting at token i: (last token index, end offset, name) or None.
        ``toks`` have ``text`` and ``end``; ``upper`` looks up the ALL-CAPS forms."""
        if upper:
            names, prefixes = self.upper(), self._upper_prefixes
        else:
            names, prefixes = self.names, self.prefixes
        best = None
        key = None
        n = len(toks)
        for j in range(i, min(n, i + _MAXLEN)):
            tok = toks[j]
            t = tok.text
            if "’" in t:
                t = t.replace("’", "'")
            kf = t if key is None else key + " " + t
            if kf in names:
                best = (j, tok.end, kf)
            if t[-1] == ".":
                kn = kf[:-1]
                if (best is None or best[0] < j) and kn in names:
                    best = (j, tok.end - 1, kn)
            if kf in prefixes:
                key = kf
                continue
            break
        if best is not None and upper:
            best = (best[0], best[1], self._upper[best[2]])
        return best
