"""Find geographic names (countries, cities, regions, states, seas) in news text.

``Gazetteer.load()`` reads the bundled ``data/places.tsv.gz`` (built by
``scripts/build_gazetteer.py`` from pycountry, GeoNames and a hand-written
extras file; see ``data/PLACES_SOURCES.md``) and ``Gazetteer.find(text)``
returns :class:`citex.models.Place` objects with ``text == source[start:end]``.

How it works, in one pass over the text:

1. Reuters-style datelines (``ST. PETERSBURG, Fla., June 29 -``) at line
   starts give the dateline city (even when the gazetteer lacks it) and the
   state abbreviation.
2. One regex finds runs of capitalized tokens, joined by whitespace (line breaks
   included) and the lower-case connectors that occur inside place names (of,
   the, and, de, del ...).  Inside a run the longest gazetteer name is looked up
   token by token in a dict (no per-name regex).  Case matters: ALL-CAPS forms
   are looked up only in ALL-CAPS lines (headlines) and only for unambiguous
   names.
3. Context rules drop names that are part of a longer proper name: a place
   followed by another capitalized word that is not an office word ("Texas
   Haunters Convention", "Paris Hilton", but "U.S. Agriculture Department",
   "US President" count), preceded by a capitalized non-place word ("Tony
   Blair", "Mr Howard") or inside "Bank of ...", "Club of ...", "University of
   ..." (but "Minister of Foreign Affairs of the Russian Federation" counts),
   or followed by an instrument noun ("Kyoto treaty", "Punta del Este round").
   Names flagged ambiguous in the gazetteer (ordinary words and person names:
   Nice, Reading, Jordan ...) need support: a preceding in/at/from/near ...,
   a following ", <country/state>", a list of places, or a dateline.
4. One sense per text: a small city name that was rejected as part of a
   longer name ("Centurion Savings and Loan", "Bill Clinton") is not accepted
   elsewhere in the same text without such support.
"""
from __future__ import annotations

import gzip
import importlib.resources
import threading
from typing import Optional

import regex

from citex import limits
from citex.models import Place

__all__ = ["Gazetteer", "find_places"]

# ----------------------------------------------------------------------------- lexicons

# lower-case words that occur inside multi-word place names
CONNECTORS = (
    "of", "the", "and", "for", "in", "on", "upon", "de", "del", "do", "da", "dos", "das", "di",
    "du", "des", "la", "las", "los", "le", "les", "el", "al", "am", "an", "der", "den", "van",
    "von", "y", "sur", "en", "et", "ash", "ad", "na", "nad", "pri", "ob", "aan", "bei", "bin",
    "ibn",
)
_LINK = frozenset({"of", "for"})                       # "Minister of X": compositional
_TRANSPARENT = frozenset({"the"})
_BOUNDARY = frozenset({"in", "on", "upon", "and", "at", "from", "to", "near"})

FUNCTION_WORDS = frozenset("""
The A An In At On From To For Of By With And But Or If When While As After Before Since
Under Over Both Neither Like Unlike Without Within Across Outside Inside Throughout During
Although Though Yet So Also Then Now Even Only Last Next This That These Those Its Their
Our His Her Many Some All Most Much Meanwhile However Here There It He She They We I You
Such Other Another Each Every No Not Why How What Which Who Where Between Among Against
Despite Following Including Until Unless Whether Because Instead Elsewhere Once Near Via
Into Towards Toward Around Beyond Behind Amid Along Through Upon Per Than Whereas Indeed
""".split())

TITLES = frozenset("""
Mr Mrs Ms Miss Mx Dr Sir Lord Lady Dame Sen Senator Rep Representative Gov Governor Judge
Justice Gen General Col Colonel Capt Captain Lt Lieutenant Sgt Sergeant Prof Professor Rev
Reverend Father Brother Sister Pope King Queen Prince Princess Duke Duchess Earl Count
Countess Baron Baroness Emperor Empress Sheikh Sheik Emir Ayatollah Imam Rabbi Mayor
President Premier Chancellor Minister Secretary Ambassador Chairman Chairwoman Coach
Manager Detective Inspector Officer Agent Commissioner Commander Admiral Marshal Chief
Speaker Spokesman Spokeswoman Mister Madame Mme Mlle Herr Archbishop Bishop Cardinal
Marquess Viscount Dean Lt.-Gen Maj Major Pte Private Cpl Corporal St Ste Saint
""".split())
NOBLE = frozenset("""
Duke Duchess Earl Count Countess Baron Baroness Lord Lady Archbishop Bishop Prince Princess
Marquess Viscount Cardinal Dean
""".split())
# office / institution words: "<office> of <place>" and "<place> <office>" are places
OFFICES = frozenset("""
Government Governments Parliament Parliaments Ministry Ministries Department Departments
Embassy Embassies Consulate Cabinet Senate Congress Assembly Presidency Administration
Constitution Law Laws Legislation People Peoples Citizens Capital Territory Territories
Republic Kingdom State States Federation Commonwealth Principality Sultanate Emirate Duchy
Province City County Region District Islands Island Mayor Governor Prime President
Presidents Minister Ministers Secretary Secretaries Ambassador Ambassadors Consul Envoy
Treasury Army Navy Force Forces Guard Police Parliamentary Senator Congressman
Congresswoman Chancellor Premier Leader Leaders Official Officials Spokesman Spokeswoman
Delegation Delegate Authorities Office Cabinet King Queen Emir Sultan Representative
Representatives Team Squad Coach Captain
""".split())
# words that may sit between a place and its office word: "U.S. Agriculture Department"
GOV_MODIFIERS = frozenset("""
Foreign Finance Trade Agriculture Commerce Defense Defence Energy Interior Justice Labor
Labour Health Education Transport Transportation Economy Economic Environment Industry
Home State Federal National Supreme High Deputy Vice Acting Chief General Attorney Prime
Securities Fiscal Monetary Budget Customs Immigration Intelligence Security Special Armed
Air Naval Military Coast Border Public Social Culture Sports Water Development Planning
Information Communications Interior Emergency Commerce Revenue Cabinet Navy Army
""".split())
ORG_HEADS = frozenset("""
Bank Banks Club University College School Academy Institute Institution Museum Gallery
Library Hospital Church Cathedral Abbey Mosque Council Committee Commission Association
Union Organization Organisation League Society Foundation Fund Trust Agency Authority Board
Corporation Corp Company Co Inc Ltd Plc PLC Group Holdings Airlines Airways Air Airport
Party Regiment Brigade Battalion Corps Festival Games Olympics Cup Championship
Championships Open Marathon Grand Prix Tournament Trophy Series Conference Summit
Symposium Forum Expo Exhibition Fair Show Awards Award Prize Tower Palace Castle Bridge
Hall House Centre Center Stadium Arena Park Square Street Road Avenue Station Wall Gate
Building Hotel Zoo Times Post Herald Journal Tribune Gazette Chronicle Telegraph Observer
Guardian Independent Express Mail Mirror Star News Review Daily Weekly Magazine Globe
Standard Record Courier Press Radio TV Television Broadcasting Network Records Studios
Pictures Theatre Theater Opera Orchestra Philharmonic Ballet Rangers Rovers United
Wanderers Athletic Albion Hotspur FC AFC RFC Symphony Declaration Treaty Treaties
Convention Conventions Protocol Protocols Agreement Agreements Accord Accords Pact Statute
Charter Memorandum Act Round War Wars Battle Siege Revolution Uprising Massacre Rebellion
Spring Consensus Exchange Stock Bourse Index Court Tribunal Gardens Motors Energy Oil
Petroleum Steel Electric Telecom Financial Savings Securities Capital Partners Bancorp Industries
Resources Mining Insurance Life Group Ventures Systems Technologies Airline Shipping Lines
Railways Railway Rail Monitor Watch Initiative Plan Process Talks Accords
Framework Code Rules Principles Clause Report Mission Declaration Memorial Cemetery Prison
Jail Base Camp Barracks Dam Mall Market Markets Bay
""".split()) - {"Bay"}
# heads that take "for": "Commission for Africa", "Minister for Europe" (but "Square for the UK")
FOR_HEADS = frozenset("""
Council Committee Commission Organization Organisation Association Centre Center Institute
Fund Agency Foundation Society League Union Federation Trust Campaign Alliance Coalition
Office Board Authority Bank Conference Forum Network Partnership Programme Program
""".split())
# adjectives that may precede a country name inside a capitalized run: "New U.S. data"
ADJ_BEFORE = frozenset("""
New Old Modern Ancient Medieval Colonial Communist Nazi Imperial Mainland Independent Free
Occupied Postwar Post-war Pre-war Wartime Democratic Greek Turkish
""".split())
INSTRUMENT_NOUNS = frozenset("""
treaty treaties convention conventions protocol protocols accord accords agreement
agreements pact statute charter memorandum declaration round
""".split())
FEATURE_SUFFIX = frozenset("""
Sea Ocean Bay Gulf River Lake Strait Straits Valley Island Islands Peninsula Mountains
Mountain Hills Desert Coast Basin Delta Canal Channel Harbour Harbor Falls Heights Plain
Plains Region Province Oblast Prefecture Governorate Area Estuary Sound Fjord Highlands
""".split())
FEATURE_PREFIX = frozenset("""
River Lake Mount Mt Cape Isle Gulf Bay Sea Strait Straits Port Lac Rio
""".split())
DIRECTIONS = frozenset("""
North South East West Northern Southern Eastern Western Central Greater Upper Lower Inner
Outer Mid Middle Far Northeast Northwest Southeast Southwest North-East North-West
South-East South-West Downtown Mainland Continental Metropolitan Coastal Rural
""".split())
TIME_WORDS = frozenset("""
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
Saturday Sunday
""".split())
SUPPORT_PREPS = frozenset("""
in at from near outside across around throughout into via towards toward inside within
visit visited visiting
""".split())
PLACE_NOUNS = frozenset("""
city town village capital state province region county district suburb suburbs outskirts
north south east west centre center port island islands area part parts people government
citizens residents streets mayor borough kingdom republic coast shores heart
""".split())
HYPHEN_SUFFIXES = frozenset("""
based born bred bound registered listed headquartered made built owned controlled led
backed brokered run style area wide era
""".split())
ABBREV_TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Ste.", "Mt.", "Ft.", "Gen.",
                           "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Prof.", "Rev.",
                           "Sgt.", "Maj.", "Messrs."})

# ----------------------------------------------------------------------------- regexes

_CAP = r"(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}]*(?:['’](?!s\b)[\p{L}\p{M}]+|-[\p{L}\p{M}]+)*\.?"
_WS = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)"
_WS_HARD = r"[ \t]+"
_CONN = "(?:" + "|".join(sorted(CONNECTORS, key=len, reverse=True)) + ")"
_RUN = regex.compile(rf"(?<![\w'’])(?:{_CAP})(?:{_WS}(?:{_CONN}{_WS}){{0,3}}(?:{_CAP}))*")
# the same without line breaks, for texts whose line breaks end lines (titles, fields)
_RUN_HARD = regex.compile(rf"(?<![\w'’])(?:{_CAP})(?:{_WS_HARD}(?:{_CONN}{_WS_HARD}){{0,3}}(?:{_CAP}))*")
_TOK = regex.compile(rf"{_CAP}|\p{{Ll}}+")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = (r"\((?:AP|AFP|Reuters|REUTERS|UPI|dpa|DPA|Xinhua|TASS|Tass|ANSA|EFE|Bloomberg|Interfax|IANS|PTI|"
           r"Kyodo|Yonhap|Anadolu|ANI|Sputnik|RIA[ ]Novosti|RFE/RL|CNN|BBC|AA)\)")
_DATELINE = regex.compile(
    rf"^[ \t]*(?P<city>\p{{Lu}}[\p{{Lu}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{Lu}}.'’\-]*){{0,4}})(?:,[ ]+"
    rf"(?:(?P<st>\p{{Lu}}[\p{{L}}.]{{0,6}}(?:[ ]\p{{Lu}}[\p{{L}}.]{{0,4}})?),[ ]+)?"
    rf"{_MONTH}[ ]+\d{{1,2}}[ \t]*[-–—]"
    # wire styles with a known city only: "STRASBOURG (AP) —", "WASHINGTON — ", "VILNIUS, 5 September 2024 (AFP) –"
    rf"|(?P<weak>(?:,[ ]+(?:\d{{1,2}}[ ]+{_MONTH}|{_MONTH}[ ]+\d{{1,2}},?)[ ]+\d{{4}})?(?:[ ]+{_AGENCY})?[ \t]*[-–—][ \t]))",
    regex.M)
_WORDS_BACK = regex.compile(r"\p{L}+|[^\p{L}\s]+")
_NEXT_LOWER = regex.compile(r"[ \t]*\r?\n?[ \t]*(\p{Ll}+)")
_NEXT_COMMA = regex.compile(r",[ \t]*\r?\n?[ \t]*")
_SENT_PUNCT = frozenset('.!?:;"“”‘’\'([{•*–—-')

_MAXLEN = 9  # tokens in the longest gazetteer name we try
_MAX_SCAN = 12  # tokens looked at before / after a name for context


def _soft_line_breaks(text: str) -> bool:
    """True when the text is hard-wrapped (wire copy, PDF text): its line breaks may fall
    inside a name ("Aegean\\nSea").  Otherwise a line break ends a title or a field."""
    if "\n" not in text:
        return False
    lengths = [len(line.strip()) for line in text.split("\n")]
    lengths = [x for x in lengths if x]
    if len(lengths) < 3:
        return False
    lengths.sort()
    return lengths[-1] <= 90 and lengths[len(lengths) // 2] >= 40


class _Tok:
    __slots__ = ("start", "end", "text", "conn")

    def __init__(self, start: int, end: int, text: str, conn: bool):
        self.start, self.end, self.text, self.conn = start, end, text, conn


class _Cand:
    __slots__ = ("start", "end", "name", "entry", "ok", "supported", "name_part")

    def __init__(self, start, end, name, entry, ok, supported, name_part):
        self.start, self.end, self.name, self.entry = start, end, name, entry
        self.ok, self.supported, self.name_part = ok, supported, name_part


# ----------------------------------------------------------------------------- gazetteer

_LOCK = threading.Lock()
_CACHE: dict[str, "Gazetteer"] = {}


def _word_prefixes(names) -> frozenset:
    """Every proper word prefix of the multi-word names ("New", "New York" for "New York City")."""
    out = set()
    for name in names:
        toks = name.split(" ")
        for k in range(1, len(toks)):
            out.add(" ".join(toks[:k]))
    return frozenset(out)


class Gazetteer:
    """The place-name table and the finder that uses it.

    ``entries`` maps a name (tokens joined by single spaces) to a tuple
    ``(canonical, country, kind, population, flags)``.
    """

    def __init__(self, entries: dict[str, tuple]):
        self._names = entries
        self._prefixes = _word_prefixes(entries)
        self._upper: Optional[dict[str, str]] = None
        self._upper_prefixes: frozenset = frozenset()

    # -- loading ------------------------------------------------------------------
    @classmethod
    def load(cls, path: Optional[str] = None) -> "Gazetteer":
        """The gazetteer in ``path`` (default: the bundled file), read once and cached."""
        key = str(path) if path is not None else ""
        gaz = _CACHE.get(key)
        if gaz is not None:
            return gaz
        with _LOCK:
            gaz = _CACHE.get(key)
            if gaz is None:
                if path is None:
                    res = importlib.resources.files("citex").joinpath("data", "places.tsv.gz")
                    with res.open("rb") as fh:
                        raw = fh.read()
                else:
                    with open(path, "rb") as fh:
                        raw = fh.read()
                gaz = cls(cls._parse(gzip.decompress(raw).decode("utf-8")))
                _CACHE[key] = gaz
        return gaz

    @staticmethod
    def _parse(data: str) -> dict[str, tuple]:
        entries: dict[str, tuple] = {}
        for line in data.split("\n"):
            if not line or line[0] == "#":
                continue
            name, canonical, cc, kind, pop, flags = line.split("\t")
            entries[name] = (canonical or name, cc or None, kind, int(pop), flags)
        return entries

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def lookup(self, name: str) -> Optional[tuple]:
        """``(canonical, country, kind, population, flags)`` for an exact name, else None."""
        return self._names.get(" ".join(name.split()))

    def is_country(self, place: Place) -> bool:
        """True for a state (a country, not a city or region): the kind of place that can be a treaty party."""
        entry = self.lookup(place.text) or self.lookup(place.name)
        return entry is not None and entry[2] == "country"

    def _upper_index(self) -> dict[str, str]:
        if self._upper is None:
            up: dict[str, str] = {}
            for name, e in self._names.items():
                u = name.upper()
                old = up.get(u)
                if old is None or self._rank(e) > self._rank(self._names[old]):
                    up[u] = name
            self._upper_prefixes = _word_prefixes(up)
            self._upper = up
        return self._upper

    @staticmethod
    def _rank(e: tuple) -> tuple:
        order = {"country": 5, "admin": 4, "region": 4, "feature": 3, "city": 2, "block": 1}
        return (order.get(e[2], 0), e[3])

    # -- matching -----------------------------------------------------------------
    def _longest(self, toks: list, i: int, upper: bool):
        """Longest name starting at token i: (last token index, end offset, name) or None."""
        if upper:
            index = self._upper_index()
            names, prefixes = index, self._upper_prefixes
        else:
            names, prefixes = self._names, self._prefixes
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

    def find(self, text: str) -> list[Place]:
        """Every place named in ``text``, in text order, without overlaps."""
        if not text:
            return []
        cands: list[_Cand] = []
        dateline_spans = []
        if " -" in text or "-\n" in text or "–" in text or "—" in text:
            for m in _DATELINE.finditer(text, timeout=limits.REGEX_TIMEOUT):
                dateline_spans.extend(self._dateline(text, m, cands))
        dl_iter = iter(sorted(dateline_spans))
        dl = next(dl_iter, None)
        caps_lines: dict = {}  # line flags (see _line_flag)
        names = self._names
        run_re = _RUN if _soft_line_breaks(text) else _RUN_HARD
        run_matches = list(run_re.finditer(text, timeout=limits.REGEX_TIMEOUT))
        for ri, m in enumerate(run_matches):
            rs, re_ = m.span()
            while dl is not None and dl[1] <= rs:
                dl = next(dl_iter, None)
            if dl is not None and dl[0] < re_ and rs < dl[1]:
                # a run that reaches into a dateline ("… SIGN MACAO DEAL\nPEKING, April 13 -" when
                # soft line breaks join the headline to it): keep the part before the dateline
                cut = text[rs:dl[0]].rstrip()
                if not cut or "\n" not in text[rs + len(cut):dl[0] + 1]:
                    continue
                re_ = rs + len(cut)
                toks = [_Tok(tm.start(), tm.end(), tm.group(), tm.group()[0].islower())
                        for tm in _TOK.finditer(text, rs, re_)]
                if toks:
                    self._run(text, toks, rs, re_, run_matches, ri, cands, caps_lines)
                continue
            s = m.group()
            if " " not in s and "\n" not in s and "\t" not in s:
                # fast path: a one-token run
                if s in names or (s[-1] == "." and s[:-1] in names):
                    toks = [_Tok(rs, re_, s, False)]
                elif "-" in s:
                    self._hyphen(text, rs, s, cands)
                    continue
                elif len(s) > 2 and s.rstrip(".").isupper():
                    toks = [_Tok(rs, re_, s, False)]
                else:
                    if re_ < len(text) and text[re_] == ",":
                        self._unknown_place(text, [_Tok(rs, re_, s, False)], rs, re_, run_matches, ri, cands)
                    continue
            else:
                toks = [_Tok(tm.start(), tm.end(), tm.group(), tm.group()[0].islower())
                        for tm in _TOK.finditer(text, rs, re_)]
            self._run(text, toks, rs, re_, run_matches, ri, cands, caps_lines)
        return self._finish(text, cands)

    # -- pieces of find -------------------------------------------------------------
    def _dateline(self, text, m, cands):
        spans = []
        city = m.group("city")
        cs, ce = m.span("city")
        while city and city[-1] in ".'’-":
            city, ce = city[:-1], ce - 1
        if len(city.replace(" ", "").replace(".", "")) < 2:
            return spans
        st_entry = None
        if m.group("st"):
            st = m.group("st")
            for form in (st, st[:1] + st[1:].lower(), st + ".", st[:1] + st[1:].lower() + "."):
                st_entry = self._names.get(form)
                if st_entry is not None:
                    break
            if st_entry is None or st_entry[2] not in ("admin", "country"):
                st_entry = None
        up = self._upper_index()
        key = " ".join(city.split())
        name = up.get(key)
        entry = self._names.get(name) if name else None
        title = " ".join(w[:1] + w[1:].lower() for w in key.split(" "))
        if entry is not None and entry[2] == "block":
            return spans
        if m.group("weak") is not None and (entry is None or "a" in entry[4]):
            return spans  # "BREAKING — …": only a known place opens a dateline without a month and day
        if st_entry is not None:
            cc = st_entry[1]
            canon = entry[0] if entry is not None and entry[1] == cc else title
        elif entry is not None:
            canon, cc = entry[0], entry[1]
        else:
            canon, cc = title, None
        cands.append(_Cand(cs, ce, key, (canon, cc, "city", 0, ""), True, True, False))
        spans.append((cs, ce))
        if st_entry is not None:
            ss, se = m.span("st")
            cands.append(_Cand(ss, se, m.group("st"), st_entry, True, True, False))
            spans.append((ss, se))
        return spans

    def _hyphen(self, text, start, tok, cands):
        """A hyphenated token that is not a name: 'London-based', 'Egypt-Israel', 'Kyoto-lite'."""
        parts = tok.split("-")
        if len(parts) > 4:
            return
        spans = []
        pos = start
        for p in parts:
            spans.append((pos, pos + len(p), p))
            pos += len(p) + 1
        for k, (ps, pe, p) in enumerate(spans):
            e = self._names.get(p)
            if e is None or e[2] == "block" or "a" in e[4] or "d" in e[4]:
                continue
            others = [q for kk, (_, _, q) in enumerate(spans) if kk != k]
            if all(self._major(q) for q in others) or (k == len(spans) - 2 and spans[-1][2] in HYPHEN_SUFFIXES):
                cands.append(_Cand(ps, pe, p, e, True, False, False))

    def _major(self, name: str) -> bool:
        """An unambiguous country, region, state or big city: 'Egypt' in 'Egypt-Israel'."""
        e = self._names.get(name)
        return (e is not None and "a" not in e[4] and "d" not in e[4]
                and (e[2] in ("country", "region", "admin", "feature") or e[3] >= 100_000))

    @staticmethod
    def _line_flag(text, pos, cache, kind, test):
        """``test(text, ls, le)`` for the line around ``pos``, remembered per kind: the line of the
        previous call (no look-back per token on a 1 MB line) and every line already judged."""
        last = cache.get(kind)
        if last is not None and last[0] <= pos <= last[1]:
            return last[2]
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        le = len(text) if le < 0 else le
        v = cache.get((kind, ls))
        if v is None:
            v = cache[(kind, ls)] = test(text, ls, le)
        cache[kind] = (ls, le, v)
        return v

    def _is_title_line(self, text, pos, cache):
        return self._line_flag(text, pos, cache, "title", headline_at)

    def _is_caps_line(self, text, pos, cache):
        return self._line_flag(text, pos, cache, "caps", _caps_line_at)

    def _run(self, text, toks, rs, re_, runs, ri, cands, caps_lines):
        n = len(toks)
        names = self._names
        first_start = self._sentence_start(text, rs)
        i = 0
        n_before = len(cands)
        prev_place_end = -1  # token index just after the previous gazetteer match in this run
        while i < n:
            tok = toks[i]
            if tok.conn:
                i += 1
                continue
            best = self._longest(toks, i, False)
            upper = False
            if best is None:
                t = tok.text.rstrip(".")
                if (len(t) > 2 and t.isupper() and text[tok.start - 1:tok.start] != "<"
                        and self._is_caps_line(text, tok.start, caps_lines)):
                    best = self._longest(toks, i, True)
                    upper = best is not None
                if best is None:
                    if "-" in tok.text:
                        self._hyphen(text, tok.start, tok.text.rstrip("."), cands)
                    i += 1
                    continue
            j, end, name = best
            entry = names[name]
            start = tok.start
            if entry[2] == "block":
                i = j + 1
                prev_place_end = -1
                continue
            if upper:
                ok = ("a" not in entry[4] and "d" not in entry[4] and
                      (entry[2] != "city" or entry[3] >= 100_000) and len(name) > 2)
                cands.append(_Cand(start, end, name, entry, ok, False, False))
                i = j + 1
                continue
            ok, supported, name_part, start, end = self._judge(
                text, toks, i, j, end, entry, first_start, prev_place_end, runs, ri, cands, caps_lines)
            cands.append(_Cand(start, end, name, entry, ok, supported, name_part))
            prev_place_end = j + 1
            i = j + 1
        if len(cands) == n_before and n <= 5 and re_ < len(text) and text[re_] == ",":
            self._unknown_place(text, toks, rs, re_, runs, ri, cands)

    def _unknown_place(self, text, toks, rs, re_, runs, ri, cands):
        """'in Bala Cynwyd, Pa.', 'in Punta del Este, Uruguay': a capitalized name that the
        gazetteer lacks, after a location preposition and before ', <country or state>'."""
        if ri + 1 >= len(runs) or toks[-1].conn or toks[-1].text[-1] == ".":
            return
        nxt = runs[ri + 1]
        cm = _NEXT_COMMA.match(text, re_)
        if cm is None or cm.end() != nxt.start():
            return
        words = nxt.group().split()
        e2 = None
        for k in (2, 1):
            if len(words) >= k:
                e2 = self._names.get(" ".join(words[:k]))
                if e2 is None and words[k - 1][-1] == ".":
                    e2 = self._names.get(" ".join(words[:k])[:-1])
                if e2 is not None:
                    break
        if e2 is None or e2[2] not in ("country", "admin") or "a" in e2[4]:
            return
        if any(t.text.rstrip(".") in ORG_HEADS or t.text in TITLES for t in toks):
            return
        pw = self._prev_words(text, rs)
        if pw[0] not in ("in", "at", "near", "from", "outside"):
            return
        surface = " ".join(text[rs:re_].split())
        cands.append(_Cand(rs, re_, surface, (surface, e2[1], "city", 0, ""), True, True, False))

    def _sentence_start(self, text: str, pos: int) -> bool:
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

    def _judge(self, text, toks, i, j, end, entry, first_start, prev_place_end, runs, ri, cands, caps_lines):
        """Decide on the match toks[i..j] (ending at ``end``).

        Returns ``(accepted, supported, name_part, start, end)``: ``supported`` when the
        context says "place" (in/at/from ..., ", <state>", a list of places), ``name_part``
        when the name was rejected as part of a longer proper name; ``start``/``end`` may
        grow to take in a direction word or a feature word ("South Wales", "Guantanamo Bay").
        """
        names = self._names
        n = len(toks)
        flags = entry[4]
        start = toks[i].start
        supported = False
        # ---- support from the words before
        if i == 0:
            pw = self._prev_words(text, toks[0].start)
        else:
            k = i - 1
            while k >= 0 and toks[k].text in _TRANSPARENT:
                k -= 1
            pw = (toks[k].text.lower(), toks[k - 1].text.lower() if k > 0 else "") if k >= 0 else ("", "")
        if pw[0] in SUPPORT_PREPS or (pw[0] == "of" and pw[1] in PLACE_NOUNS):
            supported = True
        # list of places: "Germany, Britain and France"
        if not supported and cands:
            last = cands[-1]
            if last.ok and 0 < start - last.end <= 6 and self._major(last.name):
                if text[last.end:start].strip() in (",", "and", ", and", "or", "/"):
                    supported = True
        # ---- support from the words after: ", <country/state>"
        if not supported and j == n - 1 and ri + 1 < len(runs):
            nxt = runs[ri + 1]
            cm = _NEXT_COMMA.match(text, end)
            if cm is not None and cm.end() == nxt.start():
                words = nxt.group().split()
                e2 = names.get(words[0]) or names.get(words[0].rstrip("."))
                if e2 is None and len(words) > 1:
                    e2 = names.get(" ".join(words[:2]))
                if e2 is not None and e2[2] in ("country", "admin") and "a" not in e2[4]:
                    supported = True
        if "d" in flags:
            # state abbreviation: only right after "<Capitalized name>, "
            ok = (i == 0 and ri > 0 and text[runs[ri - 1].end():start].strip() == ","
                  and start - runs[ri - 1].end() <= 3)
            return ok, ok, False, start, end

        # ---- a bracketed place inside a company name: "Sumitomo Finance (Asia) Ltd"
        if (i == 0 and j == n - 1 and text[start - 1:start] == "(" and text[end:end + 1] == ")"
                and ri + 1 < len(runs) and runs[ri + 1].start() - end <= 2
                and runs[ri + 1].group().split()[0].rstrip(".,") in COMPANY_SUFFIXES):
            return False, False, True, start, end

        # ---- "Voice of America", "Writers Guild of America": an organisation's name
        if (i >= 2 and toks[i].text in OF_NAME_TAILS and toks[i - 1].text == "of" and not toks[i - 2].conn
                and toks[i - 2].text.rstrip(".") not in TITLES and toks[i - 2].text.rstrip(".") not in OFFICES):
            return False, supported, True, start, end

        # ---- backward: what precedes the name inside the capitalized run
        if i > 0:
            decision = None
            name_part = False
            linked = crossed = False
            link_word = ""
            k = i - 1
            while k >= max(0, i - _MAX_SCAN):
                tk = toks[k]
                w = tk.text
                if tk.conn:
                    crossed = True
                    if w in _LINK:
                        linked = True
                        link_word = w
                    elif w in _TRANSPARENT:
                        pass
                    elif w in _BOUNDARY:
                        decision = True
                        break
                    elif not linked:
                        decision, name_part = False, True       # "Perez de Cuellar"
                        break
                    k -= 1
                    continue
                ws = w.rstrip(".")
                adjacent = k == i - 1
                if ws in TITLES:
                    if linked:
                        decision = ws not in NOBLE              # "President of X", not "Duke of X"
                    else:
                        decision, name_part = False, True       # "Mr Howard", "President Obama"
                    break
                if w[-1] == "." and w not in ABBREV_TITLES and adjacent:
                    decision = True                             # sentence boundary
                    break
                if ws in OFFICES:
                    decision = True                             # "Parliament of the Republic of X"
                    break
                if ws in ORG_HEADS:
                    if link_word == "for" and ws not in FOR_HEADS:
                        decision = True                         # "Square for the UK"
                    else:
                        decision, name_part = False, not linked  # "Bank of England"
                    break
                if tk.end + 2 >= start and (ws in DIRECTIONS or ws in FEATURE_PREFIX) and not linked:
                    start = tk.start                            # "South Wales", "River Thames"
                    decision = True                             # (scan on: "Association of
                    k -= 1                                      #  Upper East Tennessee")
                    continue
                if (adjacent and ws in ADJ_BEFORE
                        and (entry[2] in ("country", "region") or toks[j].text[-1] == ".")):
                    pk = toks[k - 1] if k > 0 else None
                    if (pk is not None and not pk.conn and pk.text[-1] != "."
                            and pk.text not in FUNCTION_WORDS and pk.text not in TIME_WORDS):
                        decision, name_part = False, True       # "Radio Free Europe": a name
                    else:
                        decision = True                         # "New U.S. data", "Free Europe"
                    break
                if adjacent and prev_place_end == i:
                    decision, name_part = False, True           # "Norman Baker", "Moscow Helsinki"
                    break
                if ws in FUNCTION_WORDS or ws in TIME_WORDS:
                    decision = True                             # "In Paris", "Monday Paris"
                    break
                if not linked:
                    if crossed:
                        decision = True                         # "Should the United Kingdom"
                    else:
                        decision, name_part = False, True       # "Tony Blair", "Crystal Harmony"
                    break
                k -= 1                                          # "... Affairs of the X": go on
            if decision is False:
                return False, supported, name_part, start, end
            # decision None: the chain "X of Y of <place>" has no head word: "Buhari of Nigeria"

        # ---- forward: what follows the name inside the run
        k = j + 1
        saw_place = False
        while k < min(n, j + 1 + _MAX_SCAN):
            tk = toks[k]
            w = tk.text
            if tk.conn:
                break
            if toks[k - 1].text[-1] == "." and toks[k - 1].text not in ABBREV_TITLES:
                break                                           # "U.S. Treasury", sentence end
            ws = w.rstrip(".")
            if len(ws) == 1:
                return False, supported, True, start, end      # "Pool A"
            if ws in FEATURE_SUFFIX and not saw_place and entry[2] != "country":
                end = tk.end if w[-1] != "." else tk.end - 1    # "Guantanamo Bay"
                k += 1
                continue
            if ws in OFFICES:
                break                                           # "U.S. President", "UK Government"
            if ws in GOV_MODIFIERS:
                k += 1                                          # "U.S. Agriculture Department"
                continue
            if ws in ORG_HEADS:
                return False, supported, True, start, end      # "Texas Air Corp", "Berlin Wall"
            if ws in TIME_WORDS or ws in FUNCTION_WORDS:
                break
            if (k == j + 1 and _ACRONYM_AFTER.fullmatch(ws) and ws not in names and ws not in NAME_ACRONYMS
                    and (entry[2] in ("country", "admin", "region") or entry[3] >= 100_000)
                    and not self._is_caps_line(text, tk.start, caps_lines)):
                break                                           # "London BBC staff", "New York DJs"
            nb = self._longest(toks, k, False)
            if nb is not None and names[nb[2]][2] != "block":
                saw_place = True                                # "Moscow Helsinki Group"
                k = nb[0] + 1
                continue
            if (k == j + 1 and not saw_place and "a" not in flags and "d" not in flags
                    and (entry[2] in ("country", "admin", "region") or entry[3] >= 500_000)
                    and self._is_title_line(text, tk.start, caps_lines)):
                break                                           # "Russia Denounces Treaty", "Moscow Quits …"
            return False, supported, True, start, end          # "Paris Hilton", "Texas Haunters"
        else:
            if saw_place:
                return False, supported, True, start, end      # "Norman Baker"
        # ---- instrument / event noun right after: "Kyoto treaty", "Punta del Este round"
        if k >= n and toks[n - 1].end == end:
            nm = _NEXT_LOWER.match(text, end)
            if nm is not None and nm.group(1) in INSTRUMENT_NOUNS:
                return False, supported, False, start, end
        # ---- ambiguous names need support
        if "a" in flags and not supported:
            return False, False, False, start, end
        # a small town opening a sentence on its own is more often a surname ("Napier, a ...")
        if (not supported and i == 0 and j == 0 and n == 1 and first_start
                and entry[2] == "city" and entry[3] < 100_000):
            return False, False, False, start, end
        return True, supported, False, start, end

    @staticmethod
    def _prev_words(text, pos) -> tuple[str, str]:
        """The two words before ``pos`` (lower case, nearest first), skipping one 'the';
        punctuation in between ends the look-back."""
        words = _WORDS_BACK.findall(text[max(0, pos - 40):pos])
        out = []
        for w in reversed(words):
            if not w[0].isalpha():
                break
            w = w.lower()
            if w == "the" and not out:
                continue
            out.append(w)
            if len(out) == 2:
                break
        while len(out) < 2:
            out.append("")
        return out[0], out[1]

    def _finish(self, text, cands) -> list[Place]:
        # one sense per text: a smaller place name rejected as part of a longer name
        # is not accepted elsewhere in the same text without support
        banned = {c.name for c in cands if c.name_part and
                  (c.entry[2] == "city" and c.entry[3] < 500_000 or "a" in c.entry[4]
                   or c.entry[2] in ("feature", "region") and c.entry[0] not in CONTINENTS)}
        out = []
        last_end = -1
        for c in sorted(cands, key=lambda c: (c.start, -c.end)):
            if not c.ok or c.start < last_end:
                continue
            if c.name in banned and not c.supported:
                continue
            canon, cc, _kind, _pop, _flags = c.entry
            out.append(Place(text=text[c.start:c.end], name=canon, country=cc, start=c.start, end=c.end))
            last_end = c.end
        return out


# an acronym right after a well-known place is another body, not the rest of the place's name
# ("London BBC staff"), unless it is the kind of acronym that ends a club's or company's own name
_ACRONYM_AFTER = regex.compile(r"(?![IVXLC]+\b)[A-Z]{2,6}s?")  # not a roman numeral ("Metro III", "Wales XV")
NAME_ACRONYMS = frozenset("""
SA NV AG BV AB AS ASA SpA SRL SARL GmbH KG LLC LLP LP PLC PTY BHD NL
AC AAC FC AFC CF SC SV RFC RC CC HC BC AK IF FK SK BK TT GP FA RFU RU
""".split())

# after "<Capitalised words> of", these end an organisation's name far more often than they name a
# place on their own ("Voice of America", "Confederate States of America", "Communications Workers of America")
OF_NAME_TAILS = frozenset({"America"})

COMPANY_SUFFIXES = frozenset("Ltd Limited Inc Incorporated Corp Corporation Co Plc PLC LLC GmbH AG SA NV BV Pty Bhd".split())

# Continent-scale names keep their sense in the rest of a text after one of them was found inside a
# name ("Gas Infrastructure Europe", "Radio Free Europe" … "Europe imported more gas"): unlike a
# sea, a gulf or a small town ("Union Pacific", "Gulf" the oil company) they are not what companies
# and people are commonly named after on their own.
CONTINENTS = frozenset({"Europe", "Asia", "Africa", "North America", "South America", "Latin America",
                        "Central America", "Middle East", "Oceania", "Antarctica"})


_LINE_WORD = regex.compile(r"[^\W\d_][\w'’\-]*")


def _caps_line_at(text: str, ls: int, le: int) -> bool:
    letters = [c for c in text[ls:le] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def headline_at(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] is a Title Case headline standing on its own (see below)."""
    return le - ls <= 160 and standalone_line(text, ls, le) and title_case_line(text[ls:le])


def standalone_line(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] stands alone, as a headline does: a blank line (or the text's start)
    before, a blank line and more text after.  A short line of wrapped text ("Texas American Bancshares Inc") does not.
    Looks at a few characters only."""
    def blank_before(p: int) -> bool:  # p: the start of the line
        if p == 0:
            return True
        q = p - 2  # text[p - 1] is the newline ending the previous line
        while q >= 0 and p - q <= 5 and text[q] in " \t\r":
            q -= 1
        return q < 0 or text[q] == "\n"

    def blank_after(p: int) -> bool:  # p: the end of the line (its newline, or the text's end)
        if p >= len(text):
            return False  # a headline has a body after it; a lone short text is not a headline
        q = p + 1
        while q < len(text) and q - p <= 5 and text[q] in " \t\r":
            q += 1
        return q >= len(text) or text[q] == "\n"

    return blank_before(ls) and blank_after(le)


def title_case_line(line: str) -> bool:
    """A headline in Title Case ("Moscow Quits Treaty On Open Skies"): short, most of its longer
    words capitalised, not all in capitals."""
    line = line.strip()
    if len(line) > 160 or line.isupper() or line.endswith((".", ",", ";", ":")):
        return False
    words = _LINE_WORD.findall(line)
    longer = [w for w in words if len(w) >= 4]
    return 3 <= len(words) <= 20 and len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.85 * len(longer)


def find_places(text: str, gazetteer: Optional[Gazetteer] = None) -> list[Place]:
    """Convenience wrapper: ``Gazetteer.load().find(text)``."""
    return (gazetteer or Gazetteer.load()).find(text)
