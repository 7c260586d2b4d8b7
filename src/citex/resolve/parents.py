"""Steps 2-3 of resolution: lists of names (groups) and the parent of each protocol
("Protocols No. 1 and No. 2 … thereto", "Protocol No. 14 to the Convention …")."""
from __future__ import annotations

from citex.grammar import relations as R
from citex.grammar.instruments import DESCRIPTOR_WORDS
from citex.resolve.context import DocContext


def find_groups(doc: DocContext) -> list[list[int]]:
    """Items of one candidate, and candidates coordinated into one list ("… 1987 and Protocols …")."""
    text, cands, items = doc.text, doc.cands, doc.items
    by_cand: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_cand.setdefault(it.cand, []).append(i)
    groups: list[list[int]] = []
    prev_ci = None
    for ci in sorted(by_cand):
        if prev_ci is not None and groups:
            raw_end = cands[ci].start
            # (a gap longer than any date qualifier plus a conjunction joins nothing: not read at all)
            gap = R.strip_date_qualifier(text[cands[prev_ci].end:raw_end]) if raw_end - cands[prev_ci].end <= 120 else ""
            m = R.COORD_GAP.match(gap) if gap and len(gap) <= 40 else None
            if m and m.end() == len(gap):
                groups[-1].extend(by_cand[ci])
                prev_ci = ci
                continue
        groups.append(list(by_cand[ci]))
        prev_ci = ci
    return groups


def takes_parent(it) -> bool:
    """A protocol, or an amendment ("Kigali Amendment to the Montreal Protocol"): an instrument attached
    to the one it supplements or amends."""
    return it.kind == "protocol" or it.title.endswith((" Amendment", " AMENDMENT"))


def attach_parents(doc: DocContext) -> None:
    """A protocol's parent: the nearest earlier non-protocol name for "thereto", the name right
    after "to the / amending the"; a single protocol's span then runs through its parent."""
    text, cands, items = doc.text, doc.cands, doc.items
    starts = {cands[it.cand].start: i for i, it in enumerate(items) if not takes_parent(it) or it.number is None}
    by_cand: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_cand.setdefault(it.cand, []).append(i)
    last_other = None  # the nearest earlier non-protocol item (one pass: linear in the items)
    for i, it in enumerate(items):
        if not takes_parent(it):
            last_other = i
            continue
        if it.parent is not None:
            continue
        c = cands[it.cand]
        if R.THERETO.match(text, R.skip_date_qualifier(text, c.end)):
            it.parent = last_other
            continue
        m = R.PARENT_LINK.match(text, c.end)
        if m and m.end() in starts:
            it.parent = starts[m.end()]
        if it.parent is not None and len(c.numbers) <= 1:
            it.end = max(it.end, items[it.parent].end)
            for j in by_cand[it.cand]:
                items[j].end = max(items[j].end, items[it.parent].end)
    _possessive_parents(doc)
    _inherit_parents(doc)


def _possessive_parents(doc: DocContext) -> None:
    """ "the European Convention on Human Rights' Protocol No. 6", "the Montreal Protocol's Kigali
    Amendment", "the Refugee Convention and its 1967 Protocol": a protocol or amendment right after its
    parent's possessive."""
    text, cands, items = doc.text, doc.cands, doc.items
    for i in range(1, len(items)):
        it, prev = items[i], items[i - 1]
        if it.parent is None and takes_parent(it) and prev.cand != it.cand \
                and R.POSSESSIVE_GAP.fullmatch(text, prev.end, cands[it.cand].start):
            it.parent = i - 1


# how far back an unattached protocol looks for the protocols of one parent it continues
INHERIT_REACH = 3000


def _inherit_parents(doc: DocContext) -> None:
    """A protocol with no name or parent of its own continues the text's talk of one parent's protocols:
    "… ratified the two Optional Protocols to the Convention on the Rights of the Child. The first
    Optional Protocol, on …" takes the parent of the nearest earlier protocol (at most
    ``INHERIT_REACH`` characters back) whose descriptor it shares."""
    cands, items = doc.cands, doc.items
    last: dict[str, int] = {}    # descriptor → the nearest earlier protocol with a parent
    for i, it in enumerate(items):
        if it.kind != "protocol" or it.short:
            continue
        c = cands[it.cand]
        key = _descriptor(c.title)
        if it.parent is not None:
            last[key] = i
        elif not c.named and not c.of_parent and key in last \
                and it.start - items[last[key]].end <= INHERIT_REACH:
            it.parent = items[last[key]].parent


def _descriptor(title: str) -> str:
    """ "optional" for "the first Optional Protocol" and "optional protocols to …"; "" for "Protocol 6"."""
    words = title.lower().split()
    return next((w for w in words if w in DESCRIPTOR_WORDS), "")
