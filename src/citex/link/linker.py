"""Linking: give each resolved instrument its knowledge-base record.

``Linker`` is the default, backed by a :class:`citex.kb.KnowledgeBase`.  Any object with the
methods of :class:`citex.protocols.Linker` (also importable as ``citex.link.LinkerProtocol``) can replace it, e.g. one backed by a user's own treaty
database: ``citex.extract(text, linker=…)``, ``citex.load(linker=…)`` or
``Extractor(linker=…)``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

import regex

from citex.link.result import NO_LINK, LinkResult
from citex.models import KINDS
from citex.text.lines import caps_line_at
from citex.vocab import lower_words, words

if TYPE_CHECKING:  # pragma: no cover
    from citex.link.kb import KnowledgeBase, Record
    from citex.resolve.items import Item

# a series number written next to the name: "(CETS No. 225)", "ETS No. 126", "ETS 5"
SERIES_NO = regex.compile(r"[ \t]{0,3}[(,]?[ \t]{0,3}(?P<s>C?ETS)[ \t]{1,3}(?:No\.?[ \t]{0,2})?(?P<n>\d{1,3})(?!\d)")
# acronyms that name an instrument on their own ("the NPT", "GATT"); checked against the KB
ACRONYM = re.compile(r"(?<![\w\-.])(?:[A-Z][A-Z0-9]{2,7}|New[ \t]START|[A-Z]{2}[a-z]?[A-Z]{2,5})(?![\w\-])")
# Acronyms that name an instrument on their own in news text, without being defined there
# (data/vocab/link/standalone_acronyms.txt); each must name exactly one knowledge-base record.
STANDALONE_ACRONYMS = words("link/standalone_acronyms")

# "the ECHR ruled", "the ECHR's judgment": an acronym used for a court (data/vocab/link/court_words.txt)
COURT_AFTER = regex.compile(r"(?:['’]s)?[ \t]{1,3}(?:has[ \t]{1,3}|had[ \t]{1,3}|have[ \t]{1,3})?(?:"
                            + "|".join(sorted(lower_words("link/court_words"), key=lambda w: (-len(w), w)))
                            + r")(?![\w\-])", regex.IGNORECASE)

PAREN = re.compile(r"\([^()]{1,60}\)")
WORD = re.compile(r"[A-Za-z]{4,}")
# title words that say nothing about a record's subject (data/vocab/link/subject_stop.txt)
SUBJECT_STOP = lower_words("link/subject_stop")


REVISED_AFTER = re.compile(r"[ \t]{0,2}\([Rr]evised\)")


class Linker:
    """Links items to records of a :class:`citex.kb.KnowledgeBase`."""

    def __init__(self, kb: "KnowledgeBase"):
        self.kb = kb
        self._acronyms = None
        self._latest = None
        self._doc_words = None

    def kind_of(self, rid: str) -> str:
        rec = self.kb.get(rid)
        kind = (rec.kind if rec else "") or "other"
        return {"accords": "accord", "articles of agreement": "agreement", "arrangement": "agreement",
                "constitution": "other"}.get(kind, kind if kind in KINDS else "other")

    def known(self, title: str) -> bool:
        return bool(self.kb.lookup(title))

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

    def find_acronyms(self, text: str) -> list[tuple[int, int, str]]:
        """Stand-alone acronyms of known instruments: (start, end, id)."""
        table = self.acronyms
        out = []
        line_end, caps = -1, False  # the current line is judged once (linear on a 1 MB line)
        for m in ACRONYM.finditer(text):
            if m.start() > line_end:
                line_start = text.rfind("\n", max(0, line_end), m.start()) + 1
                line_end = text.find("\n", m.start())
                line_end = len(text) if line_end < 0 else line_end
                caps = caps_line_at(text, line_start, line_end)
            if caps:
                continue  # an all-caps headline: "NPT" there may be any word
            if COURT_AFTER.match(text, m.end()):
                continue  # "the ECHR ruled": the court, not the convention
            rid = table.get(m.group())
            if rid is None and " " in m.group():  # "New START"
                recs = self.kb.lookup(m.group())
                rid = recs[0].id if len(recs) == 1 else None
            if rid:
                out.append((m.start(), m.end(), rid))
        return out

    def link_items(self, text: str, items: Sequence["Item"], latest_year: Optional[int] = None) -> None:
        """Set ``item.link`` (a :class:`LinkResult`) on every item.

        ``latest_year`` (the publication year) rules out
        records adopted after it: a 1987 "Paris accord" is not the 2015 Paris Agreement."""
        self._doc_words = None
        self._latest = latest_year
        for it in items:
            if it.link is not None:
                continue
            if it.kind == "protocol" and it.number is not None:
                continue  # numbered protocols link through their parent, below
            it.link = self._link_one(text, it)
        for it in items:
            if it.kind == "protocol" and it.number is not None and it.link is None:
                parent = items[it.parent] if it.parent is not None else None
                rec = None
                if parent is not None and parent.link is not None and parent.link.id:
                    rec = self.kb.protocol(parent.link.id, it.number)
                if rec is None:
                    rec = self._protocol_by_name(text, it, parent)
                it.link = LinkResult(rec.id, rec.title) if rec else NO_LINK

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
        recs = []
        if REVISED_AFTER.match(text, it.end):  # "European Social Charter (revised)" is another record
            recs = self.kb.lookup(it.title + " (revised)")
        recs = recs or self.kb.lookup(text[it.start:it.end]) or self.kb.lookup(it.title)
        if not recs and "(" in it.title:
            # "ABM (Anti-Ballistic Missile) Treaty" → "ABM Treaty"; "… Area (AfCFTA) agreement" → "AfCFTA"
            recs = self.kb.lookup(PAREN.sub(" ", it.title))
            for inner in PAREN.findall(it.title):
                recs = recs or self.kb.lookup(inner.strip("() "))
        if not recs:
            return NO_LINK
        if self._latest is not None:
            fits = [r for r in recs if not r.adopted or int(r.adopted[:4]) <= self._latest]
            if not fits:
                return LinkResult(candidates=[r.id for r in recs])  # anachronistic: say so, do not link
            recs = fits
        if len(recs) == 1:
            return LinkResult(recs[0].id, recs[0].title)
        chosen = self._settle(recs, it, text)
        if chosen is not None:
            return LinkResult(chosen.id, chosen.title)
        return LinkResult(candidates=[r.id for r in recs])

    def _settle(self, recs: Sequence["Record"], it: "Item", text: str) -> Optional["Record"]:
        """Pick among same-named records ("the Vienna Convention") by the year cited with the name,
        else by the subject words of their titles that the document uses ("diplomatic", "consular",
        "treaties"); when neither settles it, no pick: the caller keeps the candidates."""
        if it.date is not None:
            year = it.date.value[:4]
            same = [r for r in recs if (r.adopted or "")[:4] == year]
            if len(same) == 1:
                return same[0]
            if same:
                recs = same
        if self._doc_words is None:
            self._doc_words = frozenset(w.lower() for w in WORD.findall(text))
        titles = [frozenset(w.lower() for w in WORD.findall(r.title)) - SUBJECT_STOP for r in recs]
        common = frozenset.intersection(*titles) if titles else frozenset()
        scores = [len((t - common) & self._doc_words) for t in titles]
        best = max(scores, default=0)
        if best > 0 and scores.count(best) == 1:
            return recs[scores.index(best)]
        return None
