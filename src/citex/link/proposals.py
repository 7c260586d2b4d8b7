"""Names the knowledge base proposes or confirms before resolution: stand-alone acronyms of known
instruments ("the NPT") as candidates, and headline names cut back to the longest known beginning."""
from __future__ import annotations

import bisect
import itertools

import attrs
import regex

from citex.grammar.instruments import Candidate, alias_after
from citex.vocab import lower_words

SMALL_WORDS = lower_words("instruments/title_small_words")

__all__ = ["known_boundaries", "extend_known_names", "extend_known_left", "trim_headline_titles",
           "with_acronyms"]

_WORD_END = regex.compile(r"[\w'’.\-]+")
# the words after a name, on its line, up to a sentence or clause mark or a number (the name's date,
# "… Treaties *of 1969*", is not part of it): where a longer known name may end
_NEXT_WORD = regex.compile(r",?+[ \t]{1,3}(?![\w'’\-]*\d)[\w'’\-]++")
MAX_EXTRA_WORDS = 14


def known_boundaries(text: str, cands: list, linker) -> list:
    """Names cut or extended to what the knowledge base knows (see the three steps)."""
    if not cands:  # most news: nothing to cut or extend
        return cands
    cands = extend_known_names(text, trim_headline_titles(text, cands, linker), linker)
    return extend_known_left(text, cands, linker)


# the word before a name, on its line: where a longer known name may start ("*Conventional Forces in*
# Europe treaty")
_PREV_WORD = regex.compile(r"[\w'’\-]++[ \t]{1,3}$")
MAX_LEFT_WORDS = 6


def extend_known_left(text: str, cands: list, linker) -> list:
    """A name the grammar began late, after a lower-case word of its title ("Conventional Forces *in*
    Europe treaty"), starts at the start of the longest name the knowledge base knows that ends
    where it ends (at most ``MAX_LEFT_WORDS`` more words, from a capitalised one, never into the
    previous name)."""
    out = []
    for i, c in enumerate(cands):
        if c.numbers or c.short:
            out.append(c)
            continue
        floor = cands[i - 1].end if i else 0
        starts, pos = [], c.start
        for _ in range(MAX_LEFT_WORDS):
            m = _PREV_WORD.search(text, max(floor, pos - 40), pos)
            if m is None:
                break
            pos = m.start()
            if text[pos].isupper() and m.group().split()[0].lower() not in SMALL_WORDS:
                starts.append(pos)   # not from "The", "An" …
        best = next((s for s in reversed(starts) if linker.known(text[s:c.end])), None)
        if best is None or any(ch in text[best:c.start] for ch in "\n.;:"):
            out.append(c)
        else:
            out.append(attrs.evolve(c, start=best, title=" ".join(text[best:c.end].split())))
    return out


def extend_known_names(text: str, cands: list, linker) -> list:
    """A name the grammar ended early, at a lower-case word of its title ("Montreal Protocol on
    Substances *that Deplete the Ozone Layer*"), runs on to the end of the longest name the knowledge
    base knows that starts where it starts (at most ``MAX_EXTRA_WORDS`` more words, never into the next
    name)."""
    out = []
    for i, c in enumerate(cands):
        if c.numbers or c.short:
            out.append(c)
            continue
        limit = cands[i + 1].start if i + 1 < len(cands) else len(text)
        ends = []
        pos = c.end
        for _ in range(MAX_EXTRA_WORDS):
            m = _NEXT_WORD.match(text, pos, limit)
            if m is None:
                break
            pos = m.end()
            word = m.group().strip()
            if word.lower() not in SMALL_WORDS and word[-1:].isalnum():   # a name never ends on "of", "the", "-" …
                ends.append(pos)
        best = next((e for e in reversed(ends) if linker.known(text[c.start:e])), None)
        if best is None and text.startswith(",", c.end):
            best = _near_known_end(text, c.start, ends, linker)
        if best is None:
            out.append(c)
        else:
            out.append(attrs.evolve(c, end=best, title=" ".join(text[c.start:best].split()),
                                    alias=alias_after(text, best)))
    return out


# where a long title cited with a slip may end: before a clause mark, a bracket or the line's end
_TITLE_STOP = regex.compile(r"[ \t]*+(?:[,.;:(]|\r?\n|$)")
MAX_NEAR_TRIES = 2


def _near_known_end(text: str, start: int, ends: list[int], linker) -> int | None:
    """A long full title cut at a comma of its own that the knowledge base knows with a slip ("…
    Development, Production, Stockpiling and Use of Chemical Weapons and on their Destructions"): the
    farthest end before a clause mark whose name the linker matches nearly word for word (at most
    ``MAX_NEAR_TRIES`` searches; a linker without ``near_known`` is not asked)."""
    near = getattr(linker, "near_known", None)
    if near is None:
        return None
    tries = 0
    for e in reversed(ends):
        if not text[e - 1:e].isalpha() or not _TITLE_STOP.match(text, e) or not _title_words(text, ends[0], e):
            continue
        tries += 1
        if near(text[start:e]):
            return e
        if tries >= MAX_NEAR_TRIES:
            break
    return None


def _title_words(text: str, start: int, end: int) -> bool:
    """Every word of ``text[start:end]`` but the small ones is capitalised (a title, not a clause)."""
    return all(w[:1].isupper() for w in text[start:end].replace(",", " ").split() if w.lower() not in SMALL_WORDS)


def trim_headline_titles(text: str, cands: list, linker) -> list:
    """In a Title Case headline every word is capitalised, so a name runs on into the rest of the
    line ("Treaty On Open Skies As Tensions With West Mount"): keep the longest beginning of it that
    the knowledge base knows, if the whole is unknown."""
    from citex.text.lines import headline_at
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
    dropped = set()
    for s, e, rid in acronyms:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and spans[i][1] > s:
            continue
        if i + 1 < len(spans) and spans[i + 1][0] < e:
            # a known name over a domestic-law reading that starts inside it: "the Helsinki Final| Act of 1975|"
            inside = list(itertools.takewhile(lambda k: spans[k][0] < e, range(i + 1, len(spans))))
            if not all(cands[k].kind == "other" for k in inside):
                continue
            dropped.update(inside)
        kind = linker.kind_of(rid)
        out.append(Candidate(start=s, end=e, kind=kind, head="", title=text[s:e], origin="acronym"))
    if dropped:
        gone = {id(cands[k]) for k in dropped}
        out = [c for c in out if id(c) not in gone]
    out.sort(key=lambda c: c.start)
    return out
