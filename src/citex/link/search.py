"""Fuzzy search over the knowledge base's titles and aliases (for notebooks and ``citex kb search``)."""
from __future__ import annotations

import difflib
import math
from collections import defaultdict
from typing import TYPE_CHECKING

from citex.link.ids import natural_key
from citex.link.names import normalize, tokens
from citex.vocab import lower_words

if TYPE_CHECKING:  # pragma: no cover
    from citex.link.records import Record

__all__ = ["SearchIndex"]

# function words left out of the index (data/vocab/link/search_stop.txt)
STOP = lower_words("link/search_stop")


class SearchIndex:
    """Token postings of every record's names, with idf weights; built on the first search."""

    def __init__(self, kb):
        """``kb``: a :class:`citex.link.kb.KnowledgeBase` (its records, ``keys`` and ``get``)."""
        self.kb = kb
        self.records: list["Record"] = list(kb)
        self.ids: list[str] = [r.id for r in self.records]
        self.names: list[list[frozenset]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(self.records):
            per = []
            for n in r.names:
                toks = frozenset(t for t in tokens(n) if t not in STOP)
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

    def search(self, text: str, limit: int) -> list[tuple["Record", float]]:
        """Records whose names share (prefixes of, or close spellings of) the query's content words,
        best first: idf-weighted overlap, +1 for an exact name match, +0.5 for a variant match."""
        qt = list(dict.fromkeys(tokens(text)))
        content = [t for t in qt if t not in STOP] or qt
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
            r = self.records[i]
            rid = r.id
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
            exact, variant = kb.keys(rid)
            if key in exact:
                best += 1.0
            elif key in variant:
                best += 0.5
            best += 0.02 * min(len(r.aliases), 5)
            if r.parent:
                best -= 0.05
            if not r.matchable:
                best -= 0.2
            results.append((round(best, 4), rid))
        results.sort(key=lambda x: (-x[0], natural_key(x[1])))
        return [(kb.get(rid), s) for s, rid in results[:max(limit, 0)]]

