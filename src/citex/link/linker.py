"""Linking: give each resolved instrument its knowledge-base record.

``Linker`` is the default, backed by a :class:`citex.kb.KnowledgeBase`.  Any object with the
methods of :class:`citex.protocols.Linker` (also importable as ``citex.link.LinkerProtocol``) can replace it, e.g. one backed by a user's own treaty
database: ``citex.extract(text, linker=…)``, ``citex.load(linker=…)`` or
``Extractor(linker=…)``.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Optional, Sequence

import attrs
import regex

from citex.link.names import is_acronym, name_key, normalize, tokens
from citex.link.result import NO_LINK, LinkResult
from citex.link.rewrites import ORDINALS, SMALL, ordinal_before, rewrites
from citex.models import KINDS
from citex.text.lines import caps_line_at
from citex.text.patterns import word_trie
from citex.vocab import entries, lower_words, words

if TYPE_CHECKING:  # pragma: no cover
    from citex.link.kb import KnowledgeBase, Record
    from citex.resolve.items import Item

# a series number written next to the name: "(CETS No. 225)", "ETS No. 126", "ETS 5"
SERIES_NO = regex.compile(r"[ \t]{0,3}[(,]?[ \t]{0,3}(?P<s>C?ETS)[ \t]{1,3}(?:No\.?[ \t]{0,2})?(?P<n>\d{1,3})(?!\d)")
# an ILO convention by its number: "ILO Convention No. 87", "ILO Convention 169", "ILO Convention (No. 189)"
ILO_NO = regex.compile(r"[ \t]{1,3}\(?(?:No\.?|Number)?[ \t]{0,2}(?P<n>\d{1,3})\)?(?![\d.,]\d|[\w\-])")
ILO_NAME = regex.compile(r"\bILO\b|International[ \t]+Labou?r", regex.IGNORECASE)
ILO_TITLE = regex.compile(r"Convention \(No\. (\d{1,3})\)")
# acronyms that name an instrument on their own ("the NPT", "GATT"); checked against the KB
# (with a series number: "START II", "SALT I", "START-2", looked up as a whole name)
_WORD_OR_HYPHEN = re.compile(r"[\w\-]")
ACRONYM = re.compile(r"(?<![\w\-.])(?:[A-Z][A-Z0-9]{2,7}(?:[ \-](?:III|II|I|[1-3])(?![\w\-]|\.\w))?"
                     r"|New[ \t]START|[A-Z]{1,2}[a-z]?[A-Z]{2,5})(?![\w\-])")
SERIES_TAIL = re.compile(r"[ \-](?:III|II|I|[1-3])\Z")
# Acronyms that name an instrument on their own in news text, without being defined there
# (data/vocab/link/standalone_acronyms.txt); each must name exactly one knowledge-base record.
STANDALONE_ACRONYMS = words("link/standalone_acronyms")
# names news gives one instrument, with a head the grammar does not read ("the Iran nuclear deal")
NEWS_NAMES = entries("link/news_names")

# "the ECHR ruled", "the ECHR's judgment": an acronym used for a court (data/vocab/link/court_words.txt)
COURT_AFTER = regex.compile(r"(?:['’]s)?[ \t]{1,3}(?:has[ \t]{1,3}|had[ \t]{1,3}|have[ \t]{1,3})?(?:"
                            + "|".join(sorted(lower_words("link/court_words"), key=lambda w: (-len(w), w)))
                            + r")(?![\w\-])", regex.IGNORECASE)

# "appealed to the ECHR", "judges of the ECHR": the court too (data/vocab/link/court_words_before.txt)
COURT_BEFORE = regex.compile(r"(?<![\w\-])(?:"
                             + "|".join(regex.escape(w).replace(r"\ ", r"[ \t]{1,3}")
                                        for w in sorted(lower_words("link/court_words_before"), key=lambda w: (-len(w), w)))
                             + r")[ \t]{1,3}the[ \t]{1,3}\Z", regex.IGNORECASE)
COURT_BEFORE_REACH = 40
# an acronym defined in brackets after a court's or a body's name is that body's: "the European Court of Human
# Rights (ECHR) ruled"; an acronym before a body's word names the body: "the CEDAW Committee"
BODY_NAME_BEFORE = regex.compile(r"(?:Court|Tribunal|Committee|Commission|Council|Secretariat)"
                                 r"(?:[ \t]{1,3}(?:of|for|on|the|and|\p{Lu}[\w'’\-]*+)){0,8}[ \t]{0,3}\([ \t]{0,2}\Z")
BODY_WORD_AFTER = regex.compile(r"[ \t]{1,3}(?:Committee|Secretariat|Council|Commission|Court|Tribunal|Bureau|Office|Agency|"
                                r"Organi[sz]ation)(?![\w\-])")
BODY_NAME_REACH = 90

PAREN = re.compile(r"\([^()]{1,60}\)")
WORD = re.compile(r"[A-Za-z]{4,}")
# title words that say nothing about a record's subject (data/vocab/link/subject_stop.txt)
SUBJECT_STOP = lower_words("link/subject_stop")
# the head words of instrument names (data/vocab/instruments/heads.txt) and qualifiers before them
HEAD_WORDS = frozenset(w for row in (line.split() for line in entries("instruments/heads"))
                       for w in row[:2] if w != "-")
QUALIFIERS = frozenset({"un", "european", "international", "global", "regional"})


# a law's date designation at the end of its name: " of 1986", " of 17 February 1986", " 1998"
_DATE_TAIL = regex.compile(r"(?:[ \t]+of)?[ \t]+(?:\d{1,2}[ \t]+\p{L}+[ \t]+)?\d{4}\Z")
# the partners after a name ("… with Argentina, Brazil and Uruguay") or a Title Case headline's capitalised
# preposition running on ("Ottawa Treaty On Landmines"): the name before them is tried when the whole names nothing
_PARTNERS_OR_HEADLINE_TAIL = regex.compile(r"[ \t]+(?:with|With|On|For|Against|Between)[ \t]")
# a capitalised plural head ends the name: it names several records together ("the Geneva Conventions")
_PLURAL_PROPER_HEAD = regex.compile(r"(?:Conventions|Treaties|Protocols|Agreements|Covenants)\Z")
# an organisation's qualifier opening a name: "U.N. Arms Trade Treaty", "UN Refugee Convention"
_ORG_QUALIFIER = regex.compile(r"(?:U\.N\.|UN|United[ \t]+Nations|EU|E\.U\.|European[ \t]+Union|Council[ \t]+of[ \t]+Europe)[ \t]+(?=\p{Lu})")
# a lower-case qualifier before a name that another record's title holds: "the *revised* European Social Charter"
# (its title ends "(revised)"), "the *new* START treaty" (New START)
QUALIFIER_BEFORE = regex.compile(r"(?<![\w\-])(revised|new)[ \t]{1,3}\Z")
REVISED_AFTER = re.compile(r"[ \t]{0,2}\([Rr]evised\)")
# the sort of a parent's child cited without its own name, with the descriptor before it
CHILD_HEAD = re.compile(r"(?i)(?:\b(?:optional|additional)\s+)?\b(protocols?|amendments?)\b")
# a plural name of a parent's children ("the Optional Protocols to …"), and how many it may stand for
PLURAL_CHILD = re.compile(r"(?i)\b(?:protocols|amendments)\b")
MAX_PLURAL = 4
# "the *two* Optional Protocols": how many the plural stands for
PLURAL_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
PLURAL_COUNT = re.compile(r"(?<![\w\-])(both|two|three|four|[234])[ \t]{1,3}\Z", re.I)
# how far a year cited with a name may be from its record's adoption (signature, entry into force: "the 1968 NPT",
# "the 1970 NPT"); further, the record is another instrument of the same name ("the Treaty of London of 1839")
CITED_YEAR_MARGIN = 5
# a child named by its year only ("the 1972 Protocol")
DATED_CHILD = re.compile(r"(1[5-9]\d\d|20\d\d)\s+(?:Protocol|Amendment)")
DATED_CHILD_REACH = 120   # … of the instrument named at most this far before it
TECHNICAL = re.compile(r"(?i)\b(?:annex(?:es|ex)?|articles?)\b")
# a long title cited with a slip: at least this many subject words, a fuzzy score this high (1 = every
# word), this far ahead of the next record
NEAR_MIN_WORDS, NEAR_SCORE, NEAR_MARGIN = 6, 0.95, 0.15
# a lower-case generic head inside a description ("… treaty on preventing violence against women") and the heads
# tried in its place
_LOWER_HEAD_INSIDE = regex.compile(r"(?<![\w\-])(treaty|convention|agreement|pact|accord)(?=[ \t]+(?:on|for|against)[ \t])")
_NEAR_HEADS = ("convention", "treaty", "agreement")
NEAR_MAX_SEARCHES = 20   # distinct names searched per text
# how far after the latest year a text names (without a publication date) a record may be adopted
TEXT_YEAR_MARGIN = 5
YEAR = re.compile(r"(?<![\w.\-])(1[89]\d\d|20\d\d)(?![\w\-])")
# (a trie: a month word must be followed by "." or a blank, so at most one of them matches at a place)
_MONTHS = word_trie(lower_words("common/months"))
# a year with its month (and day): "March 3, 1987", "3 March 1987", "March 1987", "Sept. 1987"
DATED_YEAR = re.compile(r"(?i)\b" + _MONTHS + r"\.?[ \t]{1,3}(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]{1,3})?"
                        r"(?P<y>1[89]\d\d|20\d\d)(?![\w\-])")
# a year after a blank, where DATED_YEAR's year may stand
_BLANK_YEAR = re.compile(r"[ \t](?:1[89]\d\d|20\d\d)(?![\w\-])")


# the capitalised name right before a bracketed acronym ("Ceylon Workers Congress (CWC)"), and the head words that
# make it an instrument's ("Treaty on the Non-Proliferation of Nuclear Weapons (NPT)")
_NAME_BEFORE_BRACKET = regex.compile(r"(?:(?:\p{Lu}[\w'’.\-]*+|of|on|the|and|for|to|in|against|de|des|du)\s{1,3}){1,14}+\Z")
_INSTRUMENT_WORD = regex.compile(r"(?i)\b(?:treaty|treaties|convention|agreement|protocol|charter|covenant|statute|pact|"
                                 r"accords?|act|plan|memorandum|amendment|partnership|arrangement)\b")


def defined_as_other(text: str, acronym: str) -> bool:
    """The text defines ``acronym`` in brackets after a name that is no instrument's ("the Ceylon Workers
    Congress (CWC)"): the acronym is that body there, not the instrument it stands for elsewhere."""
    i = text.find("(" + acronym + ")")
    if i < 0:
        return False
    m = _NAME_BEFORE_BRACKET.search(text, max(0, i - 120), i)
    return m is not None and _INSTRUMENT_WORD.search(m.group()) is None


def latest_dated_year(text: str) -> int:
    """The largest year of a ``DATED_YEAR`` match in ``text`` (0: none), without reading the whole text
    with it: the years after a blank, largest first, each tried in a window before it until one is
    dated.  (The matches of a whole-text scan are exactly the dated years: no match can hide another,
    whose month would have to lie inside it.)"""
    years = sorted(((int(m.group()[1:]), m.start() + 1) for m in _BLANK_YEAR.finditer(text)), reverse=True)
    if len(years) * 64 > len(text):        # (a text of years: one scan costs less than the windows)
        return max((int(m.group("y")) for m in DATED_YEAR.finditer(text)), default=0)
    for year, pos in years:
        if any(m.start("y") == pos for m in DATED_YEAR.finditer(text, max(0, pos - 40), pos + 4)):
            return year
    return 0


_EDITION_RE = re.compile(r"(?i),?\s+(?:of\s+)?\(?(?:1[6-9]\d\d|20\d\d)\)?|\b(?:" + "|".join(ORDINALS) + r")\s+")


def ordinal_before_title(title: str) -> bool:
    """The title begins with an ordinal ("Sixth International Tin Agreement")."""
    return title.split(" ", 1)[0].lower() in ORDINALS


def _law_about(items, k: int) -> bool:
    """A law whose name holds an instrument's ("the Act on Ratification of the Treaty on the
    Non-Proliferation of Nuclear Weapons") is a law, not that instrument (items in text order)."""
    it = items[k]
    if it.kind != "other" or it.parent is not None:
        return False   # ("the Kigali Amendment to the Montreal Protocol" amends the instrument it holds)
    for o in items[k + 1:k + 1 + LAW_INNER_SCAN]:
        if o.start >= it.end:
            break
        if o.kind != "other" and it.start <= o.start and o.end <= it.end:
            return True
    return False


LAW_INNER_SCAN = 8


def edition_key(title: str) -> str:
    """A title without its year or ordinal ("International Coffee Agreement, 1983" and "Sixth
    International Tin Agreement" → "International … Agreement")."""
    return normalize(_EDITION_RE.sub(" ", title))


def stem(word: str) -> str:
    """A word without its plural ending, lower case ("currencies" → "currency", "weapons" → "weapon")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w


STEMMED_STOP = frozenset(map(stem, SUBJECT_STOP))


@functools.lru_cache(maxsize=8192)
def content_words(name: str) -> frozenset:
    """The subject words of a name: not its head words, qualifiers or function words; plural -s
    dropped ("refugees" = "refugee")."""
    out = set()
    for t in tokens(name):
        if len(t) < 3 or not t.isalpha() or t in SUBJECT_STOP or t in SMALL or t in HEAD_WORDS or t in QUALIFIERS:
            continue
        out.add(t[:-1] if t.endswith("s") and len(t) > 4 else t)
    return frozenset(out)


# the subject a text gives right after a protocol's name: "…, on the involvement of children in armed conflict"
DESCRIBED = re.compile(r"[ \t]{0,2},?[ \t]{0,3}(?:on|concerning|relating[ \t]+to|regarding|aiming[ \t]+at)[ \t]{1,3}"
                       r"(?:the[ \t]{1,3})?(?P<d>[^,.;:()\n]{3,120})")


ORDINAL_WORD = regex.compile(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b")


def _described(text: str, end: int, recs: list) -> list:
    """The records whose titles hold every subject word of the description after ``end`` (at least two
    words), if any."""
    m = DESCRIBED.match(text, end)
    words = content_words(m.group("d")) if m else frozenset()
    if len(words) < 2:
        return []
    return [r for r in recs if words <= content_words(r.title)]


class Linker:
    """Links items to records of a :class:`citex.kb.KnowledgeBase`."""

    def __init__(self, kb: "KnowledgeBase"):
        self.kb = kb
        self._acronyms = None
        self._acronym_re = None
        self._latest = None
        self._doc_words = None
        self._year_seen = self._bare_year = self._doc_stems = None
        self._near_cache: dict = {}
        self._years = None
        self._ilo_table = None
        self._editions = None
        self._news_re = None
        self._news_table: dict = {}

    def kind_of(self, rid: str) -> str:
        rec = self.kb.get(rid)
        kind = (rec.kind if rec else "") or "other"
        return {"accords": "accord", "articles of agreement": "agreement", "arrangement": "agreement",
                "constitution": "other"}.get(kind, kind if kind in KINDS else "other")

    def known(self, title: str) -> bool:
        """The knowledge base knows the name, as written or without an organisation qualifier before it
        ("U.N. Arms Trade Treaty", "UN Refugee Convention")."""
        if self.kb.lookup(title):
            return True
        m = _ORG_QUALIFIER.match(title)
        return m is not None and bool(self.kb.lookup(title[m.end():]))

    def near_known(self, title: str) -> bool:
        """A long full title the knowledge base knows but for a slip (see :meth:`_near_title`)."""
        if len(content_words(title)) < NEAR_MIN_WORDS:
            return False
        hits = self.kb.scored_search(" ".join(title.split()), 2)
        return bool(hits) and hits[0][1] >= NEAR_SCORE and hits[0][0].matchable and (
            len(hits) == 1 or hits[0][1] - hits[1][1] >= NEAR_MARGIN)

    @property
    def acronyms(self) -> dict[str, str]:
        """Acronym → id for acronyms that name exactly one record and are not ambiguous words."""
        if self._acronyms is None:
            table = {}
            for acr, ids in self.kb.acronyms().items():
                if len(ids) == 1 and acr in STANDALONE_ACRONYMS:
                    table[acr] = ids[0]
            self._acronyms = table
        return self._acronyms

    def _acronym_pattern(self) -> "re.Pattern":
        r"""The acronyms of the table (those ``ACRONYM`` can match) and "New START", longest first: a
        search for them skips every other capitalised word, which ``ACRONYM`` would stop at.  A
        capital word with a series number comes first ("START II", "SALT I", "the NPT I mean").
        Every form begins with a capital: the pattern reads it first and then looks behind it (the
        character before it is no word character, hyphen or full stop), so that ``re`` skips to the
        capitals instead of trying the look-behind at every character; each acronym then reads its
        other letters after a look-behind for its first (grouped by that letter, longest first).
        The same matches as ``(?<![\w\-.])(?:SERIES|KEY|…|New[ \t]START)(?![\w\-])``."""
        if self._acronym_re is None:
            keys = sorted((k for k in self.acronyms if ACRONYM.fullmatch(k)), key=lambda k: (-len(k), k))
            by_first: dict[str, list[str]] = {}
            for k in keys:
                by_first.setdefault(k[0], []).append(re.escape(k[1:]))
            by_first.setdefault("N", []).append(r"ew[ \t]START")
            named = "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in by_first.items())
            # (the second character first: every form goes on with a capital or a digit, or with the
            # second letter of an acronym ("AfCFTA"), or "ew" of "New START"; most capitals of a text
            # open a word in lower case and fail here at once, before the look-behind and the branches)
            second = "".join(sorted({k[1] for k in keys} - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")))
            self._acronym_re = re.compile(r"[A-Z](?=[A-Z0-9" + re.escape(second) + r"]|ew[ \t]START)(?<![\w\-.].)"
                                          r"(?:[A-Z0-9]{2,7}[ \-](?:III|II|I|[1-3])(?![\w\-]|\.\w)|"
                                          + named + r")(?![\w\-])")
        return self._acronym_re

    def find_acronyms(self, text: str) -> list[tuple[int, int, str]]:
        """Stand-alone acronyms of known instruments: (start, end, id).

        The same as reading every ``ACRONYM`` match and keeping those of the table (or a multi-word
        one the knowledge base knows: "New START"): each hit of :meth:`_acronym_pattern` is kept when
        ``ACRONYM`` matches the same span there.  (An ``ACRONYM`` match covering a hit's start would
        have to end in a word character before it, which the hit's look-behind forbids, or be "New
        START" around a key "START", which the table does not hold.)"""
        table = self.acronyms
        out = []
        other: dict[str, bool] = {}   # acronym → the text defines it as something else
        line_end, caps = -1, False  # the current line is judged once (linear on a 1 MB line)
        for k in self._acronym_pattern().finditer(text):
            m = ACRONYM.match(text, k.start())
            if m is None or m.end() != k.end():
                continue
            if m.start() > line_end:
                line_start = text.rfind("\n", max(0, line_end), m.start()) + 1
                line_end = text.find("\n", m.start())
                line_end = len(text) if line_end < 0 else line_end
                caps = caps_line_at(text, line_start, line_end)
            if caps:
                continue  # an all-caps headline: "NPT" there may be any word
            if COURT_AFTER.match(text, m.end()) or COURT_BEFORE.search(text, max(0, m.start() - COURT_BEFORE_REACH), m.start()):
                continue  # "the ECHR ruled", "appealed to the ECHR": the court, not the convention
            if BODY_WORD_AFTER.match(text, m.end()) or (
                    text[m.start() - 1:m.start()] in "( " and BODY_NAME_BEFORE.search(text, max(0, m.start() - BODY_NAME_REACH), m.start())):
                continue  # "the CEDAW Committee", "the European Court of Human Rights (ECHR)": the body
            if m.group() not in other:
                other[m.group()] = defined_as_other(text, m.group())
            if other[m.group()]:
                continue  # "the Ceylon Workers Congress (CWC) … a CWC spokesman": not the convention
            end = m.end()
            rid = table.get(m.group())
            if rid is None and (" " in m.group() or "-" in m.group()):  # "New START", "START II"
                recs = self.kb.lookup(m.group())
                rid = recs[0].id if len(recs) == 1 else None
                if rid is None and m.group()[:3] != "New":   # "the NPT I mean": the acronym alone
                    end = m.start() + len(SERIES_TAIL.sub("", m.group()))
                    rid = table.get(text[m.start():end])
            if rid:
                out.append((m.start(), end, rid))
        return out + self._news_names(text)

    def _news_names(self, text: str) -> list[tuple[int, int, str]]:
        """The names of ``data/vocab/link/news_names.txt`` ("the Iran nuclear deal"): (start, end, id)."""
        if self._news_re is None:
            table = {}
            for name in NEWS_NAMES:
                recs = self.kb.lookup(name)
                if len(recs) == 1:
                    table[name.lower()] = recs[0].id
            forms = [r"[ \t]{1,3}".join(f"(?:{re.escape(w)}|{re.escape(w.upper())})" if w[:1].isupper()
                                      else f"(?i:{re.escape(w)})" for w in n.split())
                     for n in NEWS_NAMES if n.lower() in table]
            self._news_table = table
            # (searched without the look-behind "(?<![\w\-])", which is tested at each hit: re then skips
            # to the names' first letters instead of trying the look-behind at every character)
            self._news_re = re.compile(r"(?:" + "|".join(forms) + r")(?![\w\-])") if forms else False
        if not self._news_re:
            return []
        out = []
        pos = 0
        while (m := self._news_re.search(text, pos)) is not None:
            s = m.start()
            if s and _WORD_OR_HYPHEN.match(text, s - 1):
                pos = s + 1             # no name starts here: the next place after it, as finditer would
                continue
            out.append((s, m.end(), self._news_table[" ".join(m.group().split()).lower()]))
            pos = m.end()
        return out

    def link_items(self, text: str, items: Sequence["Item"], latest_year: Optional[int] = None) -> None:
        """Set ``item.link`` (a :class:`LinkResult`) on every item.

        ``latest_year`` (the publication year) rules out
        records adopted after it: a 1987 "Paris accord" is not the 2015 Paris Agreement."""
        self._doc_words = None
        self._year_seen = self._bare_year = self._doc_stems = None
        self._near_cache = {}
        self._latest = latest_year
        for k, it in enumerate(items):
            if it.link is not None:
                continue
            if it.kind == "protocol" and it.number is not None:
                continue  # numbered protocols link through their parent, below
            it.link = NO_LINK if _law_about(items, k) else self._link_one(text, it)
        for it in items:
            if it.kind == "protocol" and it.number is not None and it.link is None:
                parent = items[it.parent] if it.parent is not None else None
                rec = None
                if parent is not None and parent.link is not None and parent.link.id:
                    rec = self.kb.protocol(parent.link.id, it.number)
                if rec is None:
                    rec = self._protocol_by_name(text, it, parent)
                if rec is None and parent is not None and (it.start > parent.end or it.number == 1):
                    # "the first Optional Protocol, on …" of a parent whose protocols bear no numbers; "the First
                    # Additional Protocol to the Convention on Cybercrime": the one whose title has no ordinal
                    it.link = self._child_of(parent, it, text)
                    continue
                it.link = LinkResult(rec.id, rec.title) if rec else NO_LINK
        last_named = None   # the nearest earlier linked instrument that is no protocol (items in text order)
        for it in items:
            if it.number is None and it.parent is not None and it.link is not None and not it.link.id \
                    and not it.link.candidates:
                it.link = self._child_of(items[it.parent], it, text)
            elif it.parent is None and it.link is not None and not it.link.id and DATED_CHILD.fullmatch(it.title) \
                    and last_named is not None and 0 <= it.start - last_named.end <= DATED_CHILD_REACH:
                it.link = self._child_of(last_named, it, text)   # "… Narcotic Drugs (as amended by the 1972 Protocol)"
            if it.kind != "protocol" and it.link is not None and it.link.id:
                last_named = it
        self._split_plurals(text, items)
        for it in items:
            if it.date is None and it.link is not None and it.link.id:
                self._own_date_from_signing(it)

    def _own_date_from_signing(self, it: "Item") -> None:
        """An instrument's own date (and place) from a signing the text dates in its record's month of adoption
        ("Reagan and Gorbachev signed the INF Treaty at the White House on December 8, 1987"): the signing is
        its conclusion, not a later state's act."""
        rec = self.kb.get(it.link.id)
        if rec is None or not rec.adopted:
            return
        for ev in it.events:
            if ev.action == "signature" and ev.date is not None and not ev.date.relative and len(ev.date.value) >= 7 \
                    and rec.adopted.startswith(ev.date.value[:7]):
                it.date = ev.date
                it.place = it.place or ev.place
                return

    def _split_plurals(self, text: str, items) -> None:
        """"The Optional Protocols to the Convention on the Rights of the Child": a plural name whose
        parent's children of that sort are its candidates is each of them (a list of the items is
        extended at its end, so that the indices the items hold stay valid).  A count before it ("the
        two Optional Protocols") must equal the number of candidates, or they stay candidates."""
        if not isinstance(items, list):
            return
        for i in range(len(items)):
            it = items[i]
            cands = it.link.candidates if it.link is not None and not it.link.id else ()
            if it.parent is None or not 2 <= len(cands) <= MAX_PLURAL or not PLURAL_CHILD.search(it.title):
                continue
            count = PLURAL_COUNT.search(text, max(0, it.start - 12), it.start)
            if count is not None and PLURAL_COUNTS[count.group(1).lower()] != len(cands):
                continue
            recs = [self.kb.get(c) for c in cands]
            it.link, it.number = LinkResult(recs[0].id, recs[0].title), recs[0].protocol_number
            items.extend(attrs.evolve(it, link=LinkResult(r.id, r.title), number=r.protocol_number,
                                      events=list(it.events)) for r in recs[1:])

    def _child_of(self, parent: "Item", it: "Item", text: str = "") -> LinkResult:
        """An unnamed protocol or amendment of a linked parent ("the Optional Protocol to the
        Convention against Torture", "the … Amendment to the Basel Convention"): the parent's one
        child of that sort in the knowledge base, or the one whose title holds the subject the text
        gives after it ("…, on the involvement of children in armed conflict"); several: candidates."""
        if parent.link is None or not parent.link.id:
            return NO_LINK
        head = CHILD_HEAD.search(it.title)
        if head is None:
            return NO_LINK
        sort = head.group(1).lower().rstrip("s")
        words = {stem(w) for w in head.group(0).split()}
        kids = [r for r in self.kb.children(parent.link.id) if r.matchable
                and (r.kind or "").lower() == sort and words <= {stem(w) for w in r.title.split()}
                and (self._latest is None or not r.adopted or int(r.adopted[:4]) <= self._latest)]
        if not TECHNICAL.search(it.title):  # amendments to annexes or articles are named by them
            kids = [r for r in kids if not TECHNICAL.search(r.title)]
        if (y := DATED_CHILD.match(it.title)) is not None:  # "the 1972 Protocol": the one of that year
            kids = [r for r in kids if (r.adopted or "")[:4] == y.group(1)]
        if len(kids) > 1:
            kids = _described(text, it.end, kids) or kids
        cited_ordinal = ORDINAL_WORD.search(it.title)
        if len(kids) > 1 and (cited_ordinal is None or cited_ordinal.group().lower() == "first"):
            # "the ICCPR's Optional Protocol": the one protocol whose title has no ordinal, the others being
            # the "Second …" (the CRC's three, none with an ordinal, stay candidates)
            plain = [r for r in kids if not ORDINAL_WORD.search(r.title.split(" to ", 1)[0])]
            kids = plain if len(plain) == 1 else kids
        if len(kids) == 1:
            return LinkResult(kids[0].id, kids[0].title)
        return LinkResult(candidates=[r.id for r in kids]) if kids else NO_LINK

    def _protocol_by_name(self, text: str, it: "Item", parent: Optional["Item"]) -> Optional["Record"]:
        """A numbered protocol the parent could not give ("Additional Protocols I and II to the Geneva
        Conventions": four parents): by its own name, "Additional" added for a list item, and only a
        record with that number whose title names the parent cited."""
        names = [text[it.start:it.end], it.title]
        if parent is not None and not it.title.lower().startswith("additional"):
            names.append("Additional " + it.title)
        pwords = frozenset(w.lower() for w in WORD.findall(parent.title)) - SUBJECT_STOP if parent else None
        for name in names:
            recs = [r for r in self.kb.lookup(name) if r.protocol_number == it.number]
            if pwords is not None:
                recs = [r for r in recs if pwords and pwords <= {w.lower() for w in WORD.findall(r.title)}]
            if self._latest is not None:
                recs = [r for r in recs if not r.adopted or int(r.adopted[:4]) <= self._latest]
            if len(recs) == 1:
                return recs[0]
        return None

    def _link_one(self, text: str, it: "Item") -> LinkResult:
        m = SERIES_NO.match(text, it.end)
        if m:
            rec = self.kb.get(f"CETS {int(m.group('n'))}")
            if rec:
                return LinkResult(rec.id, rec.title)
        if it.kind == "convention" and (m := ILO_NO.match(text, it.end)) and (
                ILO_NAME.search(it.title) or ILO_NAME.search(text, max(0, it.start - 40), it.start)):
            rec = self._ilo().get(int(m.group("n")))
            if rec is not None:
                return LinkResult(rec.id, rec.title)   # "ILO Convention No. 87"
        recs = self._named(text, it) or self._by_year(it)
        if not recs:
            return NO_LINK
        recs = self._with_editions(recs, it)
        cited = self._cited_year(it, recs)
        if not cited:
            return LinkResult(candidates=[r.id for r in recs])  # the year cited is none of theirs: say so, do not link
        recs = cited
        if self._latest is not None:
            fits = [r for r in recs if not r.adopted or int(r.adopted[:4]) <= self._latest]
            if not fits:
                return LinkResult(candidates=[r.id for r in recs])  # anachronistic: say so, do not link
            recs = fits
        elif (year := self._text_year(text)) is not None:
            # no publication date: nothing adopted well after the latest dated event the text reports
            # (a 1987 newswire's "Paris accord" is no 2015 agreement; an article whose last date is in
            # 2019 may still be from 2023); the refusal keeps the records as candidates.  Among
            # several records the year itself chooses.
            fits = [r for r in recs if not r.adopted or int(r.adopted[:4]) <= year + TEXT_YEAR_MARGIN]
            if not fits:
                return LinkResult(candidates=[r.id for r in recs])
            recs = [r for r in fits if not r.adopted or int(r.adopted[:4]) <= year] or fits
        if len(recs) == 1:
            return LinkResult(recs[0].id, recs[0].title)
        if _PLURAL_PROPER_HEAD.search(it.title):
            return LinkResult(candidates=[r.id for r in recs])   # "the Geneva Conventions": the set, no one of them
        # (editions first: the ordinals of their titles are no subject words — "third" quarter)
        chosen = self._edition(recs, text) or self._settle(recs, it, text) or self._own_title(recs, it, text)
        if chosen is not None:
            return LinkResult(chosen.id, chosen.title)
        return LinkResult(candidates=[r.id for r in recs])

    def _with_editions(self, recs: list["Record"], it: "Item") -> list["Record"]:
        """The one record of a name that other editions share but for a year or an ordinal ("International
        Tin Agreement" of 1954; the Sixth of 1981): all the editions, which the text's time chooses
        between (an ordinal cited with the name has already chosen)."""
        if len(recs) != 1 or recs[0].parent or ordinal_before_title(it.title):
            return recs
        if self._editions is None:
            table: dict[str, list] = {}
            for r in self.kb:
                if r.matchable and not r.parent and r.adopted:
                    table.setdefault(edition_key(r.title), []).append(r)
            self._editions = {k: v for k, v in table.items() if len(v) > 1}
        return self._editions.get(edition_key(recs[0].title), recs) if recs[0].adopted else recs

    def _named(self, text: str, it: "Item") -> list["Record"]:
        """The records the cited name (or another writing of it) names."""
        cited = text[it.start:it.end]
        if REVISED_AFTER.match(text, it.end):  # "European Social Charter (revised)" is another record
            if recs := self.kb.lookup(it.title + " (revised)"):
                return recs
        if (ordinal := ordinal_before(text, it.start)) and (recs := self.kb.lookup(f"{ordinal} {it.title}")):
            return recs  # "the sixth International Tin Agreement"
        if (q := QUALIFIER_BEFORE.search(text, max(0, it.start - 12), it.start)) is not None:
            word = q.group(1).lower()   # "the revised European Social Charter", "the new START treaty"
            recs = self.kb.lookup(it.title + " (revised)" if word == "revised" else f"New {it.title}")
            if recs:
                return recs
        recs = self.kb.lookup(cited) or self.kb.lookup(it.title)
        if not recs and it.kind == "other" and (m := _DATE_TAIL.search(it.title)) is not None:
            recs = self.kb.lookup(it.title[:m.start()])   # "the Single European Act of 1986"
        if not recs and "(" in it.title and it.kind != "other":   # (a law's bracketed part names no record of it)
            # "ABM (Anti-Ballistic Missile) Treaty" → "ABM Treaty"; "… Area (AfCFTA) agreement" → "AfCFTA"
            recs = self.kb.lookup(PAREN.sub(" ", it.title))
            for inner in PAREN.findall(it.title):
                recs = recs or self.kb.lookup(inner.strip("() "))
        if not recs and (m := _PARTNERS_OR_HEADLINE_TAIL.search(it.title)) is not None:
            recs = self.kb.lookup(it.title[:m.start()])   # "Treaty of Asuncion| with Argentina, …", "Ottawa Treaty| On Landmines"
        if not recs and (it.kind != "protocol" or it.number is None):
            swapped: dict[str, "Record"] = {}
            for name, exact in rewrites(it.title) if not recs else ():
                if exact:   # a head swapped after one word: every head's records together must be one
                    swapped.update((r.id, r) for r in self.kb.lookup_exact(name))
                    continue
                if recs := self.kb.lookup(name):
                    break
            if not recs and len(swapped) == 1:
                recs = list(swapped.values())   # "Kyoto climate agreement" → Kyoto Protocol (not "Geneva Accord" →
                #                                 the Geneva Protocol: Geneva names conventions and accords too)
        return recs or self._acronym_inside(it) or self._near_title(it)

    def _near_title(self, it: "Item") -> list["Record"]:
        """A long full title cited with a slip ("… Chemical Weapons and on their Destructions"): the
        best fuzzy match, when it holds nearly every word of the name and no other record comes
        close."""
        n_words = len(content_words(it.title)) if it.kind != "other" else 0
        if n_words < NEAR_MIN_WORDS - 1:
            return []
        titles = [it.title] if n_words >= NEAR_MIN_WORDS else []
        if (m := _LOWER_HEAD_INSIDE.search(it.title)) is not None:   # (one subject word fewer: the head is generic)
            # "the Council of Europe treaty on preventing violence against women": news's generic head word for
            # the record's own ("… Convention on preventing and combating …")
            titles += [it.title[:m.start(1)] + h + it.title[m.end(1):] for h in _NEAR_HEADS if h != m.group(1)]
        for title in titles:
            hits = self._near_cache.get(title)
            if hits is None:
                if len(self._near_cache) >= NEAR_MAX_SEARCHES:
                    return []   # a bounded cost per text, whatever it holds
                hits = self._near_cache[title] = self.kb.scored_search(title, 2)
            if hits and hits[0][1] >= NEAR_SCORE and not (len(hits) > 1 and hits[0][1] - hits[1][1] < NEAR_MARGIN):
                return [hits[0][0]] if hits[0][0].matchable else []
        return []

    def _acronym_inside(self, it: "Item") -> list["Record"]:
        """"Agreement Establishing the AfCFTA": a known acronym in the name, and the name's words
        before it all in that record's title."""
        words = it.title.split()
        for w in words:
            if len(w) < 3 or not is_acronym(w) or w.isdigit():
                continue
            recs = self.kb.lookup(w)
            if len(recs) != 1:
                continue
            title = {x.lower() for x in WORD.findall(recs[0].title)}
            before = it.title[:it.title.index(w)]   # "… the AfCFTA| with the African Union": what follows
            rest = {x.lower() for x in WORD.findall(before)} - SUBJECT_STOP   # the acronym is no part of it
            if rest <= title | SUBJECT_STOP:
                return recs
        return []

    def _by_year(self, it: "Item") -> list["Record"]:
        """A name no record bears, with its own year cited ("the UN Convention on refugees of 1951"):
        the one record adopted that year (on that day, for a full date) whose title holds every
        subject word of the name."""
        if it.date is None or len(it.date.value) < 4 or it.kind == "other":
            return []   # (a law of that year is no treaty of it: "European Union (Withdrawal Agreement) Act 2020")
        subject = content_words(it.title)
        if not subject:
            return []
        # (of its kind: "the Brussels Treaty of 1948" is not the Berne Convention's Brussels Act of 1948)
        hits = [r for r in self._records_of(it.date.value[:4])
                if r.matchable and not r.parent and subject <= content_words(" ".join(r.names))
                and (r.kind or "").lower() == it.kind]
        if len(it.date.value) == 10 and len(hits) > 1:
            hits = [r for r in hits if r.adopted == it.date.value] or hits
        return hits if len(hits) == 1 else []

    def _cited_year(self, it: "Item", recs: list["Record"]) -> list["Record"]:
        """A year cited with the name that none of the records has, but another record of that year
        with the same subject has ("European Social Charter of 3 May 1996" is the revised Charter); a
        year far from every record's ("the Treaty of London of 1839" is not the 1949 Statute of the
        Council of Europe, "the Geneva Accords of 1954" not the 1925 Gas Protocol): none of them."""
        if it.date is None or it.date.value[:1] == "-" or any((r.adopted or "")[:4] == it.date.value[:4] for r in recs):
            return recs
        by_year = self._by_year(it)
        if by_year:
            return by_year
        cited = int(it.date.value[:4])
        return [r for r in recs if not r.adopted or abs(int(r.adopted[:4]) - cited) <= CITED_YEAR_MARGIN]

    def _ilo(self) -> dict[int, "Record"]:
        """The ILO conventions of the knowledge base by number ("Convention (No. 87) concerning …")."""
        if self._ilo_table is None:
            table: dict[int, "Record"] = {}
            for r in self.kb:
                m = ILO_TITLE.match(r.title)
                if m:
                    table.setdefault(int(m.group(1)), r)
            self._ilo_table = table
        return self._ilo_table

    def _records_of(self, year: str) -> list["Record"]:
        if self._years is None:
            table: dict[str, list] = {}
            for r in self.kb:
                if r.adopted:
                    table.setdefault(r.adopted[:4], []).append(r)
            self._years = table
        return self._years.get(year, [])

    def _text_year(self, text: str) -> Optional[int]:
        """The latest year of a dated event the text reports ("March 3, 1987", "in June 2019"): a
        bound on the text's time that a bare year is not ("prices at their lowest since 1975")."""
        if self._year_seen is None:
            self._year_seen = latest_dated_year(text)
        return self._year_seen or None

    def _edition(self, recs: Sequence["Record"], text: str) -> Optional["Record"]:
        """Successive editions of one agreement ("International Coffee Agreement, 1976 / 1983"):
        the latest one adopted by the time of the text (its publication, else the latest year it
        names), when every record bears the name but for a year or an ordinal."""
        if any(r.parent for r in recs) or len({edition_key(r.title) for r in recs}) != 1:
            return None
        year = self._latest if self._latest is not None else self._text_year(text)
        if year is None:
            return None
        fits = [r for r in recs if r.adopted and int(r.adopted[:4]) <= year]
        return max(fits, key=lambda r: r.adopted) if fits else None

    def _settle(self, recs: Sequence["Record"], it: "Item", text: str) -> Optional["Record"]:
        """Pick among same-named records ("the Vienna Convention") by the year cited with the name,
        else by the subject words of their titles, beyond the cited name's, that the document uses
        ("diplomatic", "consular", "treaties"); when neither settles it, no pick: the caller keeps
        the candidates."""
        if it.date is not None:
            year = it.date.value[:4]
            same = [r for r in recs if (r.adopted or "")[:4] == year]
            if len(same) == 1:
                return same[0]
            if same:
                recs = same
        if self._doc_words is None:
            self._doc_words = frozenset(w.lower() for w in WORD.findall(text))
        # the cited name's own words are in the document anyway: they tell nothing
        cited = frozenset(w.lower() for w in WORD.findall(it.title))
        titles = [frozenset(w.lower() for w in WORD.findall(r.title)) - SUBJECT_STOP - cited for r in recs]
        common = frozenset.intersection(*titles) if titles else frozenset()
        scores = [len((t - common) & self._doc_words) for t in titles]
        best = max(scores, default=0)
        if best > 0 and scores.count(best) == 1:
            return recs[scores.index(best)]
        return self._settle_by_names(recs, it)

    def _own_title(self, recs: Sequence["Record"], it: "Item", text: str) -> Optional["Record"]:
        """Still tied (every record fits the text's time, when it is known): the one record whose own
        title the name is ("Paris Agreement": the 2015 agreement, unless dates or words say the 1987
        accord news then called so); a variant of the title ("Paris accord") only in a text whose
        time is known (a publication date or a year it names)."""
        timed = self._latest is not None or self._text_year(text) is not None
        if not timed and not any(r.parent for r in recs) and len({edition_key(r.title) for r in recs}) == 1:
            return None   # editions of one agreement ("International Tin Agreement", 1954 … 1981): time decides
        own = [r for r in recs if normalize(r.title) == normalize(it.title)]
        if not own and timed:
            key = name_key(it.title)   # "Paris accord" = "Paris Agreement", in a text of known time
            own = [r for r in recs if name_key(r.title) == key]
        if len(own) != 1:
            return None
        if self._latest is None and own[0].adopted:
            # a guess, so it must fit every year the text names, bare ones too ("since 1975")
            if self._bare_year is None:   # once per text
                self._bare_year = max((int(y) for y in YEAR.findall(text)), default=0)
            if self._bare_year and int(own[0].adopted[:4]) > self._bare_year + TEXT_YEAR_MARGIN:
                return None
        return own[0]

    def _settle_by_names(self, recs: Sequence["Record"], it: "Item") -> Optional["Record"]:
        """Still tied: the words of every name of each record (aliases too) that the cited name does
        not hold and the document uses ("climate" for the Paris Agreement, "Louvre" for the G-6 accord
        of Paris)."""
        cited = frozenset(stem(w) for w in WORD.findall(it.title))  # (as in _settle)
        names = [frozenset(stem(w) for n in r.names for w in WORD.findall(n)) - STEMMED_STOP - cited for r in recs]
        common = frozenset.intersection(*names) if names else frozenset()
        if self._doc_stems is None:   # once per text
            self._doc_stems = frozenset(map(stem, self._doc_words))
        doc = self._doc_stems
        scores = [len((n - common) & doc) for n in names]
        best = max(scores, default=0)
        if best > 0 and scores.count(best) == 1:
            return recs[scores.index(best)]
        return None
