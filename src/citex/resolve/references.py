"""Step 5 of resolution: short forms and defined aliases refer back to a name cited before
("the convention", "the 1987 treaty", "… Weapons (NPT) … the NPT")."""
from __future__ import annotations

import bisect
import itertools
from typing import Optional

import regex

from citex import limits
from citex.grammar.instruments import DOCUMENT_HEAD, Candidate
from citex.models import Date
from citex.resolve.items import Item

STOPWORDS = {"the", "of", "on", "for", "and", "or", "to", "in", "a", "an", "against", "between", "with", "by",
             "at", "from", "concerning", "relating", "un", "u.n.", "united", "nations"}


GENERIC_KINDS = {"treaty", "pact", "accord", "agreement"}
GENERIC_HEADS = {"treaty", "treaties", "pact", "pacts", "accord", "accords", "agreement", "agreements", "deal"}


def _words(title: str) -> frozenset:
    return frozenset(w for w in title.lower().replace("-", " ").split() if w not in STOPWORDS)


def _year(d: Optional[Date]) -> Optional[str]:
    return d.value[:4] if d is not None else None


# At most this many distinct earlier names are tried as the antecedent of a short form or partial name
# (repeats of one name count once): bounded work per reference, so a document with 40,000 names stays linear.
MAX_ANTECEDENTS = 100


# "the 1972 Protocol": a capitalised protocol with its year is a name of its own when no protocol was
# named before (the linker finds the protocol of that year of the instrument named just before it)
DATED_PROTOCOL = regex.compile(r"(?:1[5-9]\d\d|20\d\d)[ \t]{1,3}Protocol\Z")


def _dated_protocol(it: Item) -> bool:
    return it.kind == "protocol" and DATED_PROTOCOL.match(it.title) is not None


_PLURAL_HEADS = frozenset({"conventions", "treaties", "protocols", "agreements", "accords", "pacts", "covenants",
                           "charters", "statutes"})


def plural_name(title: str) -> bool:
    """A name whose head is plural: "Geneva Conventions", "Oslo Accords"."""
    words = title.split()
    return bool(words) and words[-1].lower() in _PLURAL_HEADS


def _root(items: list[Item], k: int) -> tuple:
    """What the item ``k`` names, through the short forms resolved so far: its title and number."""
    for _ in range(MAX_ANTECEDENTS):
        if items[k].alias_of is None:
            break
        k = items[k].alias_of
    return items[k].title, items[k].number


def back_references(items: list[Item], whole: frozenset = frozenset()) -> None:
    """Short forms and partial names refer back to the nearest compatible earlier name:
    "the convention", "The European Convention of 1987" → the full title cited before.
    A year must agree when both sides have one; a short form with no antecedent is dropped later.
    Only the latest of identical earlier names (same title, kind, number and year) is kept as a
    candidate: it is the one the nearest-first search would pick.
    ``whole``: the indices of items that are a knowledge-base name as they stand (a stand-alone acronym
    or news name): never a partial form of a longer name ("the Trans-Pacific Partnership" after the
    "Comprehensive and Progressive Agreement for Trans-Pacific Partnership" is the earlier pact)."""
    # (title, kind, number, year) → (item index, title words), oldest first
    named: dict[tuple, tuple[int, frozenset]] = {}
    order = sorted(range(len(items)), key=lambda k: (items[k].start, -items[k].end))
    inner, reach = set(), -1   # names inside another ("the Covenant" in "Second Optional Protocol to the Covenant")
    for i in order:
        if items[i].end <= reach:
            inner.add(i)
        reach = max(reach, items[i].end)
    for i in order:
        it = items[i]
        if it.alias_of is not None:
            continue
        if it.short:
            want = it.kind
            anything = it.title.lower().endswith(DOCUMENT_HEAD)   # "the document": the nearest name of any kind
            for j, _ in itertools.islice(reversed(named.values()), MAX_ANTECEDENTS):
                ante = items[j]
                if ante.number is not None and it.number is None and want != "protocol" and not anything:
                    continue
                if not (anything or ante.kind == want or want == "treaty" and ante.kind != "protocol"):
                    continue
                if anything and j in inner:
                    continue
                if it.parent is not None and ante.parent is not None and \
                        _root(items, it.parent) != _root(items, ante.parent):
                    continue   # "the Refugee Convention and its 1967 Protocol" after the Torture Convention's protocol
                if it.date and _year(ante.date) and _year(ante.date) != _year(it.date):
                    continue
                it.alias_of = j
                break
            if it.alias_of is None and _dated_protocol(it):
                it.short = False   # "… (as amended by the 1972 Protocol)": a name of its own, which later
            else:                  # short forms may refer back to ("its 1967 Protocol … its Protocol")
                continue
        own_words = _words(it.title)
        if it.number is None and it.kind != "protocol" and i not in whole:
            words = own_words
            generic = it.kind in GENERIC_KINDS
            if generic:  # "Kyoto treaty" after "Kyoto Protocol", "Louvre pact" after "Louvre Accord"
                words = words - GENERIC_HEADS
            for j, ante_words in itertools.islice(reversed(named.values()), MAX_ANTECEDENTS if words else 0):
                ante = items[j]
                if ante.number is not None or len(ante.title) <= len(it.title) and not generic:
                    continue
                if ante.start <= it.start and it.end <= ante.end:
                    continue   # a name inside another ("the Act on Ratification of the Treaty on …"): not its repeat
                if ante.kind != it.kind and not generic:
                    continue
                if plural_name(it.title) and not plural_name(ante.title):
                    continue   # "the Geneva Conventions" after "the Third Geneva Convention": all four, not the third
                if words <= ante_words and (
                        not (it.date and ante.date) or _year(it.date) == _year(ante.date)):
                    it.alias_of = j
                    break
        sig = (it.title, it.kind, it.number, _year(it.date))
        named.pop(sig, None)
        named[sig] = (i, own_words)


def alias_items(text: str, cands: list, items: list[Item]) -> tuple[list, list[Item]]:
    """A short form defined after a name ("… Weapons (NPT)", "(hereinafter the Convention)") names the
    same instrument from there on: each later occurrence becomes an item (with a candidate of its own,
    so relations and events attach to it like to any name) that refers to the defining item.
    One scan for all the short forms of the document; items come back in text order."""
    defined: dict[str, int] = {}
    first_item: dict[int, int] = {}
    for i, it in enumerate(items):
        first_item.setdefault(it.cand, i)
    # end → the outermost item ending there ("Optional Protocol to the …"), an instrument before a law
    # that names it ("the Act on Ratification of the Treaty on … Weapons (NPT)": the NPT is the treaty)
    outer: dict[int, int] = {}
    for i, it in enumerate(items):
        j = outer.get(it.end)
        if j is None or (items[j].kind == "other") > (it.kind == "other") or (
                (items[j].kind == "other") == (it.kind == "other") and it.start < items[j].start):
            outer[it.end] = i
    for ci, c in enumerate(cands):
        if c.alias and ci in first_item:
            src = first_item[ci]
            defined.setdefault(text[c.alias[0]:c.alias[1]].strip(), outer.get(items[src].end, src))
    if not defined:
        return cands, items
    by_start = {it.start: i for i, it in enumerate(items)}
    pattern = regex.compile(r"(?<![\w\-])(?:%s)(?![\w\-])" % "|".join(
        regex.escape(a) for a in sorted(defined, key=len, reverse=True)))
    covered = sorted((it.start, it.end) for it in items)
    starts = [s for s, _ in covered]
    cands = list(cands)
    for m in pattern.finditer(text, timeout=limits.REGEX_TIMEOUT):
        src = defined[m.group()]
        s, e = m.span()
        if s <= items[src].start:
            continue
        if s in by_start:
            if by_start[s] != src:
                items[by_start[s]].alias_of = src
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and covered[k][1] > s:
            continue  # inside another name
        base = items[src]
        cands.append(Candidate(start=s, end=e, kind=base.kind, head="", origin="alias", title=base.title))
        items.append(Item(start=s, end=e, kind=base.kind, title=base.title, number=base.number,
                          cand=len(cands) - 1, alias_of=src))
    order = sorted(range(len(items)), key=lambda i: (items[i].start, i))
    new_index = {old: new for new, old in enumerate(order)}
    items = [items[i] for i in order]
    for it in items:
        if it.alias_of is not None:
            it.alias_of = new_index[it.alias_of]
        if it.parent is not None:
            it.parent = new_index[it.parent]
    return cands, items
