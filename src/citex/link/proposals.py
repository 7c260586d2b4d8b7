"""Names the knowledge base proposes or confirms before resolution: stand-alone acronyms of known
instruments ("the NPT") as candidates, and headline names cut back to the longest known beginning."""
from __future__ import annotations

import bisect

import attrs
import regex

from citex.grammar.instruments import Candidate

__all__ = ["trim_headline_titles", "with_acronyms"]

_WORD_END = regex.compile(r"[\w'’.\-]+")


def trim_headline_titles(text: str, cands: list, linker) -> list:
    """In a Title Case headline every word is capitalised, so a name runs on into the rest of the
    line ("Treaty On Open Skies As Tensions With West Mount"): keep the longest beginning of it that
    the knowledge base knows, if the whole is unknown."""
    from citex.places.gazetteer import headline_at
    out = []
    for c in cands:
        if c.numbers:
            out.append(c)
            continue
        # the line, looked for no further than a headline is long (a 1 MB line is not re-read per name)
        lo, hi = max(0, c.start - 170), min(len(text), c.end + 170)
        ls = text.rfind("\n", lo, c.start)
        ls = ls + 1 if ls >= 0 else (0 if lo == 0 else -1)
        le = text.find("\n", c.end, hi)
        le = le if le >= 0 else (len(text) if hi == len(text) else -1)
        if ls < 0 or le < 0 or not headline_at(text, ls, le) or linker.known(c.title):
            out.append(c)
            continue
        ends = [m.end() for m in _WORD_END.finditer(text, c.start, c.end)]
        cut = next((e for e in reversed(ends[:-1]) if linker.known(text[c.start:e])), None)
        if cut is None:
            out.append(c)
        else:
            out.append(attrs.evolve(c, end=cut, title=" ".join(text[c.start:cut].split()), alias=None))
    return out


def with_acronyms(text: str, cands: list, acronyms: list, linker) -> list:
    """Add stand-alone KB acronyms ("the NPT"; ``(start, end, id)``) as candidates where no name
    already covers them."""
    if not acronyms:
        return cands
    out = list(cands)
    spans = [(c.start, c.end) for c in cands]
    starts = [s for s, _ in spans]
    for s, e, rid in acronyms:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and spans[i][1] > s:
            continue
        if i + 1 < len(spans) and spans[i + 1][0] < e:
            continue
        kind = linker.kind_of(rid)
        out.append(Candidate(start=s, end=e, kind=kind, head="", title=text[s:e], origin="acronym"))
    out.sort(key=lambda c: c.start)
    return out
