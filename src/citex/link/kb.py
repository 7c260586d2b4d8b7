"""The treaty knowledge base: canonical records for international instruments.

``KnowledgeBase.bundled()`` loads ``data/kb.jsonl.gz`` (built by
``scripts/build_kb.py`` from the shared treaty CSVs).  Records are keyed by a
canonical id:

* Council of Europe: ``CETS 126`` (ETS numbers 1–194 are CETS numbers too;
  no leading zeros; ``CETS 12A`` for the lettered ones);
* UN multilateral treaties deposited with the Secretary-General: ``MTDSG IV-4``;
* UN Treaty Series registration: ``UNTS I-10485``;
* IEA Database: ``IEADB 2589``;
* others: the source id with its first ``-`` turned into a space
  (``PIL HCCH-1``, ``GPTAD EFTA-Chile``; general-knowledge rows ``GK NEWSTART-2010``).

Name matching (``lookup``) works on a *key*: see :func:`normalize`.  Exact keys
come from titles and aliases; *variant* keys from systematic rewrites of them
(see :func:`name_variants`) and are only used when no exact key matches.

Only the standard library and ``attrs`` are used; nothing here touches the network.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from typing import Any, Iterable, Iterator, Optional, Union

import attrs

__all__ = [
    "Record", "KnowledgeBase", "canonical_id", "normalize", "name_variants",
    "get", "lookup", "search",
]

DATA_FILE = "kb.jsonl.gz"
FORMAT = "citex-kb"
FORMAT_VERSION = 1
# Version of the lookup keys stored with each record (``normalize``/``name_variants`` output), so that
# loading the bundled KB does not recompute them.  Bump it whenever those functions change; a test
# recomputes the keys and fails when the stored ones are stale.
INDEX_VERSION = 1


# --------------------------------------------------------------------------- ids

_CETS_RE = re.compile(r"(?i)c?ets\s*[-\s]?\s*(?:no\.?\s*)?0*(\d+)\s*([a-z]?)")
_MTDSG_RE = re.compile(r"(?i)mtdsg\s*[-\s]\s*(?:no\.?\s*)?([ivxlc]+)\s*-\s*0*(\d+)(?:\s*-\s*([a-z]))?")
_UNTS_RE = re.compile(r"(?i)unts\s*[-\s]\s*(?:no\.?\s*)?(i{1,2})\s*-\s*0*(\d+)")
_IEADB_RE = re.compile(r"(?i)ieadb\s*[-\s]\s*(?:no\.?\s*)?0*(\d+)")
_GENERIC_ID_RE = re.compile(r"([A-Za-z]+)[-\s]+(\S.*)")


def canonical_id(raw: str) -> str:
    """The canonical form of a record id given as in the source CSV or canonically.

    >>> canonical_id("CETS-126"), canonical_id("ETS No. 005"), canonical_id("MTDSG-IV-9-b")
    ('CETS 126', 'CETS 5', 'MTDSG IV-9-b')
    >>> canonical_id("UNTS-I-10485"), canonical_id("IEADB-2589"), canonical_id("PIL-HCCH-1")
    ('UNTS I-10485', 'IEADB 2589', 'PIL HCCH-1')
    """
    s = " ".join(str(raw).split())
    if m := _CETS_RE.fullmatch(s):
        return f"CETS {int(m[1])}{m[2].upper()}"
    if m := _MTDSG_RE.fullmatch(s):
        return f"MTDSG {m[1].upper()}-{int(m[2])}" + (f"-{m[3].lower()}" if m[3] else "")
    if m := _UNTS_RE.fullmatch(s):
        return f"UNTS {m[1].upper()}-{int(m[2])}"
    if m := _IEADB_RE.fullmatch(s):
        return f"IEADB {int(m[1])}"
    if m := _GENERIC_ID_RE.fullmatch(s):
        return f"{m[1].upper()} {m[2]}"
    return s


def _id_key(canonical: str) -> str:
    return re.sub(r"[\s\-_.]+", "", canonical.casefold())


def _natural_key(s: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold())
                 for p in re.findall(r"\d+|\D+", s))


# ----------------------------------------------------------------- normalisation

_TRANSLIT = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ß": "ss",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
})
# British -> American, applied to both sides of every comparison (so the direction
# does not matter).  "-ise/-isation" is handled by a rule below.
_SPELLING = {
    "labour": "labor", "labours": "labors", "harbour": "harbor", "harbours": "harbors",
    "neighbour": "neighbor", "neighbours": "neighbors", "neighbouring": "neighboring",
    "favour": "favor", "favourable": "favorable", "behaviour": "behavior", "honour": "honor",
    "colour": "color", "vapour": "vapor", "endeavour": "endeavor", "armour": "armor",
    "rumour": "rumor", "odour": "odor", "tumour": "tumor",
    "centre": "center", "centres": "centers", "metre": "meter", "metres": "meters",
    "kilometre": "kilometer", "litre": "liter", "theatre": "theater", "fibre": "fiber",
    "calibre": "caliber", "manoeuvre": "maneuver",
    "defence": "defense", "offence": "offense", "offences": "offenses", "licence": "license",
    "licences": "licenses", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "catalogue": "catalog",
    "sulphur": "sulfur", "aluminium": "aluminum", "judgement": "judgment",
    "judgements": "judgments", "ageing": "aging", "fulfil": "fulfill", "enrolment": "enrollment",
    "travelling": "traveling", "labelling": "labeling", "modelling": "modeling",
    "counselling": "counseling", "cancelled": "canceled", "jewellery": "jewelry",
    "analyse": "analyze", "paralyse": "paralyze", "catalyse": "catalyze",
    "foetus": "fetus", "paediatric": "pediatric", "anaemia": "anemia", "grey": "gray",
}
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


# --------------------------------------------------------------------- variants

_KIND_WORDS = r"(?:convention|treaty|protocol|agreement|covenant|charter|statute|pact|accords?|amendments?)"
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
    r"(Convention|Protocol|Agreement|Treaty|Statute|Charter|Accords?|Amendment)\b")
_TREATY_WORD_RE = re.compile(rf"(?i)\b{_KIND_WORDS}\b")
_PAREN_NAME_RE = re.compile(
    r"(?!with\b|and\b|including\b)[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,5}\s+"
    r"(?:Convention|Treaty|Agreement|Protocol|Pact|Charter|Statute|Accords?)")


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


# ----------------------------------------------------------------------- record

def _tuple(value) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _opt_int(value) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    s = str(value).strip()
    return int(s) if s.isdigit() else None


@attrs.frozen(slots=True)
class Record:
    """One instrument.  Plain values only, so it pickles and hashes.

    ``other_ids`` holds identifiers in other schemes as ``"SCHEME value"`` strings
    (``"UNTS I-39574"``, ``"UNTS 1168"``, ``"UNTS-vol 2225"``, ``"MTDSG XXVII-7-d"``,
    ``"IEADB 4518"``, ``"pildb 16"``).  ``source`` is a short provenance string: a
    source key (see ``KnowledgeBase.sources`` for the full reference), then
    ``[+general-knowledge: fields]`` for fields added from general knowledge
    upstream and ``[+citex: fields]`` for fields added or fixed in this repository
    (``scripts/kb_aliases.tsv``, ``scripts/kb_overrides.tsv``).  ``matchable`` is
    false for records whose names are not instrument names (e.g. GPTAD's
    "EC - Israel") or that duplicate another record (``same_as`` then names the
    record to use): ``lookup`` never returns them.
    """

    id: str
    title: str
    series: Optional[str] = None
    number: Optional[str] = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    kind: Optional[str] = None
    adopted: Optional[str] = None
    place: Optional[str] = None
    organisation: Optional[str] = None
    parent: Optional[str] = None
    protocol_number: Optional[int] = attrs.field(default=None, converter=_opt_int)
    other_ids: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    source: Optional[str] = None
    wikidata: Optional[str] = None
    entry_into_force: Optional[str] = None
    url: Optional[str] = None
    matchable: bool = True
    same_as: Optional[str] = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def general_knowledge(self) -> bool:
        """True if any part of the record comes from general knowledge rather than a source."""
        s = self.source or ""
        return "general-knowledge" in s or "[+citex" in s

    def to_dict(self) -> dict[str, Any]:
        d = attrs.asdict(self, recurse=False)
        d["aliases"] = list(self.aliases)
        d["other_ids"] = list(self.other_ids)
        return d

    def to_compact(self) -> dict[str, Any]:
        """``to_dict`` without empty fields (the bundled file's line format)."""
        d = self.to_dict()
        return {k: v for k, v in d.items()
                if v not in (None, "", [], ()) and not (k == "matchable" and v is True)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        fields = attrs.fields_dict(cls)
        return cls(**{k: v for k, v in d.items() if k in fields})


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROMANS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_PROTOCOL_NO_RE = re.compile(r"(?i)\bprotocol\s+no\.?\s*(\d+)(?![\w])")
_PROTOCOL_ORD_RE = re.compile(r"(?i)^(first|second|third|fourth|fifth|sixth)\s+(?:additional\s+|optional\s+)?protocol\b")
_PROTOCOL_ROMAN_RE = re.compile(r"\(Protocol\s+(I|II|III|IV|V|VI)\)\s*$")


def protocol_number_from_title(title: str) -> Optional[int]:
    """"Protocol No. 6 to …" -> 6, "Second Optional Protocol …" -> 2, "… (Protocol III)" -> 3."""
    if m := _PROTOCOL_NO_RE.search(title):
        return int(m[1])
    if m := _PROTOCOL_ORD_RE.match(title):
        return _ORDINALS[m[1].casefold()]
    if m := _PROTOCOL_ROMAN_RE.search(title):
        return _ROMANS[m[1]]
    return None


_FALSE = {"0", "false", "no", "n", "f"}


def record_from_row(row: dict[str, str], source: Optional[str] = None) -> Record:
    """A ``Record`` from a row in the columns of ``treaties.csv``.

    ``id`` and ``parent_id`` may be in the CSV form or canonical; a missing
    ``protocol_number`` is taken from the title ("Protocol No. N", "Second
    Optional Protocol", "(Protocol II)") when the row has a parent or is a protocol.
    """
    def cell(*names: str) -> Optional[str]:
        for n in names:
            v = row.get(n)
            if v is not None and str(v).strip():
                return str(v).strip()
        return None

    rid = cell("id")
    title = cell("title")
    if not rid or not title:
        raise ValueError(f"row without id or title: {row!r}")
    aliases = tuple(dict.fromkeys(a.strip() for a in (cell("aliases") or "").split("|") if a.strip()))
    parent = cell("parent_id", "parent")
    pn = _opt_int(cell("protocol_number"))
    if pn is None and (parent or (cell("kind") or "").casefold() == "protocol"):
        pn = protocol_number_from_title(title)
    series = cell("series")
    number = cell("number")
    matchable = cell("matchable")
    return Record(
        id=canonical_id(rid), title=title, series=series, number=number, aliases=aliases,
        kind=cell("kind"), adopted=cell("adopted"), place=cell("place"),
        organisation=cell("organisation", "organization"),
        parent=canonical_id(parent) if parent else None, protocol_number=pn,
        other_ids=tuple(x.strip() for x in (cell("other_ids") or "").split("|") if x.strip()),
        source=cell("source") or source, wikidata=cell("wikidata"),
        entry_into_force=cell("entry_into_force"), url=cell("url"),
        matchable=not (matchable and matchable.casefold() in _FALSE),
        same_as=canonical_id(same_as) if (same_as := cell("same_as")) else None,
    )


# ---------------------------------------------------------------- the knowledge base

_ACRONYM_RE = re.compile(r"[A-Z0-9][A-Za-z0-9+\-]*(?: [A-Z0-9][A-Z0-9+\-]*)*")
_STOP = frozenset("the of on for and to in a an at by with concerning relating relative regarding "
                  "between its their from".split())


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


class KnowledgeBase:
    """A set of ``Record``s with id, name and full-text indexes."""

    def __init__(self, records: Iterable[Record], sources: Optional[dict[str, str]] = None,
                 _keys: Optional[dict[str, tuple]] = None):
        recs: dict[str, Record] = {}
        for r in records:
            recs[r.id] = r
        self._records = {k: recs[k] for k in sorted(recs, key=_natural_key)}
        self.sources: dict[str, str] = dict(sources or {})
        self._search_index: Optional[_SearchIndex] = None
        self._build(_keys)

    # ---- construction

    def _place_words(self) -> frozenset:
        places = set()
        for r in self._records.values():
            if r.place:
                for p in r.place.split(";"):
                    p = p.split(",")[0].strip().casefold()
                    if p:
                        places.add(p)
        return frozenset(places)

    def _build(self, stored: Optional[dict[str, tuple]] = None) -> None:
        """Indexes by id, parent, name and name variant.  ``stored``: rid -> (exact keys, variant keys)
        as written by :meth:`dump` for this very set of records (variants depend on the whole KB's
        places), used instead of recomputing them."""
        by_key: dict[str, str] = {}
        alt: dict[str, str] = {}
        children: dict[str, list[str]] = defaultdict(list)
        exact: dict[str, list[str]] = defaultdict(list)
        variant: dict[str, list[str]] = defaultdict(list)
        places_f = self._place_words() if stored is None else frozenset()
        self._exact_keys: dict[str, frozenset] = {}
        self._variant_keys: dict[str, frozenset] = {}
        for rid, r in self._records.items():
            by_key[_id_key(rid)] = rid
            if r.parent:
                children[r.parent].append(rid)
            if not r.matchable:
                continue
            if stored is not None:
                ek, vk = stored.get(rid, ((), ()))
            else:
                ek = {k for k in map(normalize, r.names) if k}
                vk = {k for k in map(normalize, name_variants(r, places_f)) if k} - ek
            self._exact_keys[rid] = frozenset(ek)
            self._variant_keys[rid] = frozenset(vk)
            for k in ek:
                exact[k].append(rid)
            for k in vk:
                variant[k].append(rid)
        for rid, r in self._records.items():
            for oid in r.other_ids:
                scheme, _, value = oid.partition(" ")
                if scheme in ("UNTS", "MTDSG", "IEADB") and value:
                    k = _id_key(canonical_id(oid))
                    if k not in by_key:
                        alt.setdefault(k, rid)
        self._by_key = by_key
        self._alt = alt
        def child_order(i: str) -> tuple:
            r = self._records[i]
            pn = r.protocol_number if r.protocol_number is not None else 10**6
            return (pn, r.adopted or "9999", _natural_key(i))
        self._children = {p: tuple(sorted(c, key=child_order)) for p, c in children.items()}
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._variant = {k: tuple(v) for k, v in variant.items()}

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "KnowledgeBase":
        """Load a file written by ``dump`` / ``scripts/build_kb.py`` (JSON lines, optionally gzipped)."""
        with open(path, "rb") as f:
            data = f.read()
        return cls._from_bytes(data)

    @classmethod
    def _from_bytes(cls, data: bytes) -> "KnowledgeBase":
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        lines = data.decode("utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("format") != FORMAT:
            raise ValueError("not a citex KB file")
        if header.get("version", 0) > FORMAT_VERSION:
            raise ValueError(f"KB file format {header.get('version')} is newer than this citex")
        from_dict = Record.from_dict
        stored: Optional[dict[str, tuple]] = {} if header.get("index") == INDEX_VERSION else None
        records = []
        for line in lines[1:]:
            if not line:
                continue
            d = json.loads(line)
            keys = (d.pop("_k", ()), d.pop("_v", ()))
            rec = from_dict(d)
            if stored is not None:
                stored[rec.id] = keys
            records.append(rec)
        return cls(records, sources=header.get("sources"), _keys=stored)

    @classmethod
    def bundled(cls) -> "KnowledgeBase":
        """The KB shipped with citex (loaded once, then cached)."""
        global _BUNDLED
        if _BUNDLED is None:
            path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", DATA_FILE)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    data = f.read()
            else:  # e.g. installed as a zip
                from importlib import resources
                data = resources.files("citex").joinpath("data", DATA_FILE).read_bytes()
            _BUNDLED = cls._from_bytes(data)
        return _BUNDLED

    @classmethod
    def from_csv(cls, path: Union[str, os.PathLike], source: Optional[str] = None) -> "KnowledgeBase":
        """Records from a CSV in the columns of the shared ``treaties.csv``
        (``id,series,number,title,aliases,kind,adopted,place,organisation,parent_id,
        protocol_number,wikidata,source``; only ``id`` and ``title`` are required;
        ids in CSV form (``CETS-126``) or canonical (``CETS 126``); an optional
        ``matchable`` column takes true/false)."""
        src = source or f"user:{os.path.basename(os.fspath(path))}"
        with open(path, newline="", encoding="utf-8-sig") as f:
            records = [record_from_row(row, src) for row in csv.DictReader(f)]
        return cls(records, sources={src: os.fspath(path)})

    def merge(self, other: "KnowledgeBase") -> "KnowledgeBase":
        """A new KB with ``other``'s records added; a record with the same id replaces ours."""
        merged = dict(self._records)
        merged.update(other._records)
        return KnowledgeBase(merged.values(), sources={**self.sources, **other.sources})

    def dump(self, path: Union[str, os.PathLike], header: Optional[dict[str, Any]] = None) -> None:
        """Write the KB as gzipped JSON lines (deterministic: sorted, no timestamp)."""
        buf = io.StringIO()
        head = {"format": FORMAT, "version": FORMAT_VERSION, "count": len(self), "index": INDEX_VERSION,
                **(header or {}), "sources": dict(sorted(self.sources.items()))}
        buf.write(json.dumps(head, ensure_ascii=False, sort_keys=True) + "\n")
        for r in self._records.values():
            row = r.to_compact()
            ek, vk = self._exact_keys.get(r.id, ()), self._variant_keys.get(r.id, ())
            if ek:  # the lookup keys, so that loading need not recompute them (see INDEX_VERSION)
                row["_k"] = sorted(ek)
            if vk:
                row["_v"] = sorted(vk)
            buf.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        raw = buf.getvalue().encode("utf-8")
        with open(path, "wb") as f:
            f.write(gzip.compress(raw, compresslevel=9, mtime=0))

    # ---- access

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Record):
            return self._records.get(item.id) == item
        return isinstance(item, str) and self.get(item) is not None

    def __repr__(self) -> str:
        return f"<KnowledgeBase: {len(self)} records>"

    def get(self, id: str) -> Optional[Record]:
        """The record with this id: "CETS 126", "CETS-126", "ETS 126", "ETS No. 126",
        "CETS No. 126", "MTDSG IV-4", "UNTS I-10485", "UNTS-I-10485", …  Identifiers in
        other schemes listed in ``other_ids`` (UNTS registration, MTDSG, IEADB) work too."""
        if not isinstance(id, str) or not id.strip():
            return None
        cid = canonical_id(id)
        k = _id_key(cid)
        rid = self._by_key.get(k) or self._alt.get(k)
        if rid is None and (m := re.fullmatch(r"(?i)unts\s*[-\s]\s*(?:no\.?\s*)?0*(\d+)", cid)):
            rid = self._by_key.get(_id_key(f"UNTS I-{m[1]}")) or self._alt.get(_id_key(f"UNTS {m[1]}"))
        return self._records.get(rid) if rid else None

    def lookup(self, name: str) -> list[Record]:
        """Records whose title or alias equals ``name`` under :func:`normalize`.

        Exact keys (titles, aliases) win; only when none matches are the variant
        keys (see :func:`name_variants`) tried.  Several results mean the name is
        ambiguous ("Vienna Convention").  Records with ``matchable=False`` are
        never returned.
        """
        k = normalize(name)
        if not k:
            return []
        ids = self._exact.get(k) or self._variant.get(k) or ()
        return [self._records[i] for i in ids]

    def lookup_exact(self, name: str) -> list[Record]:
        """Like ``lookup`` but with exact keys only (titles and aliases)."""
        return [self._records[i] for i in self._exact.get(normalize(name), ())]

    def keys(self, id: str) -> tuple[frozenset, frozenset]:
        """The (exact, variant) lookup keys of a record (for debugging)."""
        r = self.get(id)
        if r is None:
            raise KeyError(id)
        return self._exact_keys.get(r.id, frozenset()), self._variant_keys.get(r.id, frozenset())

    def children(self, id: str) -> list[Record]:
        """Protocols, amendments etc. whose parent is ``id``: numbered protocols first (by
        number), then the rest by date of adoption."""
        r = self.get(id)
        if r is None:
            return []
        return [self._records[c] for c in self._children.get(r.id, ())]

    def protocol(self, parent_id: str, number: Union[int, str]) -> Optional[Record]:
        """Protocol No. ``number`` to ``parent_id``: ``protocol("CETS 126", 1)`` -> CETS 151.
        ``number`` may also be a label such as ``"14bis"``."""
        kids = self.children(parent_id)
        n = _opt_int(number)
        if n is not None:
            hits = [c for c in kids if c.protocol_number == n]
            hits.sort(key=lambda c: (c.kind != "protocol",))
            return hits[0] if hits else None
        label = re.escape(str(number).strip())
        rx = re.compile(rf"(?i)\bprotocol\s+no\.?\s*{label}(?![\w])")
        return next((c for c in kids if rx.search(c.title)), None)

    def acronyms(self) -> dict[str, tuple[str, ...]]:
        """Acronym aliases ("NPT", "ECHR", "CAT", "START II" …) -> ids of the matchable
        records that carry them; an acronym shared by several records maps to all of them."""
        out: dict[str, list[str]] = defaultdict(list)
        for r in self._records.values():
            if not r.matchable:
                continue
            for a in r.aliases:
                if is_acronym(a) and r.id not in out[a]:
                    out[a].append(r.id)
        return {a: tuple(ids) for a, ids in sorted(out.items())}

    def search(self, text: str, limit: int = 10) -> list[Record]:
        """Fuzzy token-overlap search over titles and aliases, best first: a list of records, as
        :meth:`lookup` gives (:meth:`scored_search` gives the scores too)."""
        return [r for r, _ in self.scored_search(text, limit)]

    def scored_search(self, text: str, limit: int = 10) -> list[tuple[Record, float]]:
        """:meth:`search` with each record's score, in [0, ~2]: exact name matches get +1, variant
        matches +0.5."""
        if self._search_index is None:
            self._search_index = _SearchIndex(self)
        return self._search_index.search(text, limit)


_BUNDLED: Optional[KnowledgeBase] = None


class _SearchIndex:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.ids: list[str] = list(kb._records)
        self.names: list[list[frozenset]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        for i, rid in enumerate(self.ids):
            r = kb._records[rid]
            per = []
            for n in r.names:
                toks = frozenset(t for t in tokens(n) if t not in _STOP)
                if toks:
                    per.append(toks)
                    for t in toks:
                        postings[t].add(i)
            self.names.append(per)
        self.postings = postings
        self.vocab = sorted(postings)
        n = max(len(self.ids), 1)
        self.idf = {t: math.log(1 + n / len(p)) for t, p in postings.items()}

    def _expand(self, q: str) -> dict[str, float]:
        import difflib
        out: dict[str, float] = {}
        if q in self.postings:
            out[q] = 1.0
        if len(q) >= 4:
            for t in self.vocab:
                if t != q and t.startswith(q):
                    out.setdefault(t, 0.8)
        if not out and len(q) >= 4:
            for t in difflib.get_close_matches(q, self.vocab, n=3, cutoff=0.8):
                out.setdefault(t, 0.7 * difflib.SequenceMatcher(None, q, t).ratio())
        return out

    def search(self, text: str, limit: int) -> list[tuple[Record, float]]:
        qt = [t for t in dict.fromkeys(tokens(text))]
        content = [t for t in qt if t not in _STOP] or qt
        if not content:
            return []
        exp = {q: self._expand(q) for q in content}
        qidf = {q: max((self.idf.get(t, 0.0) for t in e), default=math.log(1 + len(self.ids)))
                for q, e in exp.items()}
        total = sum(qidf.values()) or 1.0
        cands: set[int] = set()
        for e in exp.values():
            for t in e:
                cands |= self.postings[t]
        key = normalize(text)
        kb = self.kb
        results = []
        for i in cands:
            rid = self.ids[i]
            r = kb._records[rid]
            best = 0.0
            for toks in self.names[i]:
                got = 0.0
                matched = set()
                for q, e in exp.items():
                    w = 0.0
                    for t, f in e.items():
                        if f > w and t in toks:
                            w = f
                            matched.add(t)
                    got += w * qidf[q]
                if got:
                    s = (got / total) * (0.7 + 0.3 * len(matched) / len(toks))
                    best = max(best, s)
            if not best:
                continue
            if key in kb._exact_keys.get(rid, ()):
                best += 1.0
            elif key in kb._variant_keys.get(rid, ()):
                best += 0.5
            best += 0.02 * min(len(r.aliases), 5)
            if r.parent:
                best -= 0.05
            if not r.matchable:
                best -= 0.2
            results.append((round(best, 4), rid))
        results.sort(key=lambda x: (-x[0], _natural_key(x[1])))
        return [(kb._records[rid], s) for s, rid in results[:max(limit, 0)]]


# ------------------------------------------------------------- module conveniences

def get(id: str) -> Optional[Record]:
    """``KnowledgeBase.bundled().get(id)``."""
    return KnowledgeBase.bundled().get(id)


def lookup(name: str) -> list[Record]:
    """``KnowledgeBase.bundled().lookup(name)``."""
    return KnowledgeBase.bundled().lookup(name)


def search(text: str, limit: int = 10) -> list[Record]:
    """``KnowledgeBase.bundled().search(text, limit)``."""
    return KnowledgeBase.bundled().search(text, limit)


# --------------------------------------------------------------------------- CLI
