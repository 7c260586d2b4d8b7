"""The scan of a text for place names, in one pass over its capitalised runs.

1. Datelines (:mod:`citex.places.datelines`) at line starts give their city and state.
2. One regex finds the runs of capitalised tokens (:mod:`citex.places.runs`).  Inside a run the
   longest gazetteer name is looked up token by token in a dict (no per-name regex).  Case
   matters: ALL-CAPS forms are looked up only in ALL-CAPS lines (headlines) and only for
   unambiguous names.
3. Each name found in mixed case is judged in its context (:mod:`citex.places.judge`).
4. One sense per text: a small city name that was rejected as part of a longer name ("Centurion
   Savings and Loan", "Bill Clinton") is not accepted elsewhere in the same text without support.
5. Beside the runs: datelines without a dash (:func:`~citex.places.datelines.strong_datelines`),
   names in lower case (:mod:`citex.places.lower`) and, in a run that ends in a feature's or a
   square's head noun, places the gazetteer lacks (:mod:`citex.places.landmarks`).
"""
from __future__ import annotations

import bisect
import collections
import itertools
import operator
from typing import Optional

import regex

from citex import limits
from citex.models import Place
from citex.places.datelines import dateline_cands, strong_datelines
from citex.places.lower import lower_case_cands
from citex.places.districts import district_cands
from citex.places.party_states import party_state_cands
from citex.places.clubs import club_towns
from citex.places.landmarks import landmark_run, unknown_landmark
from citex.places.words import CAPS_NAME_HEADS, CAPS_NAME_PREFIXES, DEMONYMS, DIRECTIONS, FUNCTION_WORDS
from citex.places.judge import NEXT_COMMA, Context, in_line_up, judge, prev_words, sport_cue_at
from citex.places.names import Entry, NameTable
from citex.places.runs import RUN, RUN_HARD, Cand, Tok, next_run, split_runs, tokens
from citex.places.words import COMPANY_SUFFIXES, CONTINENTS, FEATURE_SUFFIX, HYPHEN_PARTNERS, HYPHEN_SUFFIXES, ORG_HEADS, TITLES
from citex.text.lines import LineFlags, soft_line_breaks
from citex.vocab import entries, words

__all__ = ["find"]

def find(table: NameTable, text: str) -> list[Place]:
    """Every place named in ``text``, in text order, without overlaps."""
    if not text:
        return []
    cands = dateline_cands(table, text)
    cands += strong_datelines(table, text, cands)
    datelines = sorted((c.start, c.end) for c in cands)
    lines = LineFlags(text)
    run_re = RUN if soft_line_breaks(text) else RUN_HARD
    dl_iter = iter(datelines)
    dl = next(dl_iter, None)
    for rs, re_, s, plan in _runs_to_read(table, text, run_re, datelines):
        if text[rs - 3:rs - 1] in ("'s", "’s") and rs >= 3:
            _possessive_names(table, text, rs, re_, cands)
        while dl is not None and dl[1] <= rs:
            dl = next(dl_iter, None)
        if dl is not None and dl[0] < re_ and rs < dl[1]:
            _dateline_run(table, text, rs, re_, dl, run_re, cands, lines)
            continue
        if plan is True and not (re_ < len(text) and text[re_] == ","):
            continue                                # no name in the run
        _one_run(table, text, rs, re_, s, plan, run_re, cands, lines)
    cands += lower_case_cands(table, text)      # "russia", "the Korean peninsula"
    cands += district_cands(table, text, cands)  # "in Salaheddin district"
    cands += party_state_cands(table, text)      # "Senator Proxmire (D-Wis)"
    return _finish(table, text, cands)


def _runs_to_read(table: NameTable, text: str, run_re, datelines: list[tuple[int, int]]):
    """``(start, end, run, plan)`` of the runs of ``text`` that may give a candidate, in text order:
    a run whose plan (:func:`_plan`) is not inert, or that a comma follows, or that follows a
    possessive, or that meets a dateline.  The runs come from one split of the text, and the
    choice is made over whole lists (most runs are inert: "The", "Mr", "Monday")."""
    # no timeout: the run pattern is linear by construction (each repeat reads a class of its own),
    # and the check costs a clock reading per run, a sixth of the place stage on news
    parts = split_runs(run_re, text)
    runs = parts[1::2]
    gaps_after = parts[2::2]
    offs = list(itertools.accumulate(map(len, parts)))   # run k: offs[2k] .. offs[2k + 1]
    plans = table.run_plans
    found = list(map(plans.get, runs))
    if None in found:
        if len(plans) >= _MAX_PLANS:
            plans.clear()
        for k, p in enumerate(found):
            if p is None:
                found[k] = plans[runs[k]] = _plan(table, runs[k])
    # (the choice runs in C: map, compress)
    active = map(operator.is_not, found, itertools.repeat(True))
    comma = map(str.startswith, gaps_after, itertools.repeat(","))
    pick = list(itertools.compress(range(len(runs)), map(operator.or_, active, comma)))
    extra = []
    if "'s" in text or "’s" in text:
        ends = map(operator.getitem, parts[0:-1:2], itertools.repeat(_BEFORE_SPACE))   # (in C, as above)
        extra += itertools.compress(itertools.count(), map(_POSSESSIVE.__contains__, ends))
    if datelines:
        starts = offs[0:-1:2]
        for ds, de in datelines:                     # the runs that meet a dateline
            k = max(0, bisect.bisect_right(starts, ds) - 1)
            while k < len(runs) and starts[k] < de:
                extra.append(k)
                k += 1
    if extra:
        pick = sorted(set(pick).union(extra))
    for k in pick:
        yield offs[2 * k], offs[2 * k + 1], runs[k], found[k]


_BEFORE_SPACE = slice(-3, -1)      # a gap's possessive: "'s" before its last character
_POSSESSIVE = frozenset(("'s", "’s"))
_MAX_PLANS = 200_000  # run strings remembered per table (then the memory starts afresh)


class Plan:
    """What reading a run string needs whatever its context: its tokens and the longest name at
    each (offsets from the run's start), and at each word in capitals the longest name in capitals
    (``upper``: "REUTER", "NATO" … are looked up once per run string, not at each occurrence)."""

    __slots__ = ("toks", "bests", "landmark", "upper")

    def __init__(self, toks: list[Tok], bests: list, landmark: bool = False, upper: Optional[list] = None):
        self.toks, self.bests = toks, bests
        self.landmark = landmark    # the run may name a place the gazetteer lacks ("into False Bay")
        self.upper = upper

    def tokens(self, rs: int) -> list[Tok]:
        if len(self.toks) == 1:                     # (most runs: one word)
            t = self.toks[0]
            return [Tok(rs + t.start, rs + t.end, t.text, t.conn)]
        return [Tok(rs + t.start, rs + t.end, t.text, t.conn) for t in self.toks]


def _plan(table: NameTable, s: str):
    """``True`` when reading the run ``s`` gives no candidate whatever its context, unless a comma
    follows it (then a name the gazetteer lacks may stand before ", <country>"): no word of it
    begins a name, or every name in it is a blocked one ("June"), and no hyphenated word gives a
    place.  Otherwise its :class:`Plan`.  It depends on ``s`` alone, so the finder remembers it per
    run string (news repeats its runs)."""
    names = table.names
    landmark = landmark_run(s)
    if " " not in s and "\n" not in s and "\t" not in s:
        if s in names or (s[-1] == "." and s[:-1] in names):
            toks = [Tok(0, len(s), s, False)]
        elif "-" in s:
            found: list[Cand] = []
            _hyphen(table, 0, s, found)
            return not found or Plan([], [])
        elif len(s) > 2 and s.rstrip(".").isupper():
            toks = [Tok(0, len(s), s, False)]
        else:
            return True
    elif not _may_name(table, s) and not landmark:
        return True
    else:
        toks = tokens(s, 0, len(s))
    if _inert_tokens(table, toks) and not landmark:
        return True
    return _new_plan(table, toks, landmark)


def _new_plan(table: NameTable, toks: list[Tok], landmark: bool = False) -> Plan:
    """The :class:`Plan` of a run of ``toks``: the longest name at each token, in mixed case, and in
    capitals at each word that :func:`_run` looks up in capitals (three letters or more)."""
    return Plan(toks, [None if t.conn else table.longest(toks, i, False) for i, t in enumerate(toks)], landmark,
                [table.longest(toks, i, True) if not t.conn and _caps_word(t.text) else None
                 for i, t in enumerate(toks)])


def _caps_word(word: str) -> bool:
    """A word in capitals of three letters or more ("NATO", "U.S." is not)."""
    w = word.rstrip(".")
    return len(w) > 2 and w.isupper()


def _inert_tokens(table: NameTable, toks: list[Tok]) -> bool:
    """:func:`_run`'s walk over the tokens, without context: True when it would find no name
    other than blocked ones, no name in capitals and no place in a hyphenated word."""
    n, i, free = len(toks), 0, 0
    while i < n:
        tok = toks[i]
        if tok.conn:
            i += 1
            continue
        best = table.longest(toks, i, False)
        if best is None:
            t = tok.text.rstrip(".")
            if len(t) > 2 and t.isupper() and table.longest(toks, i, True) is not None:
                return False                        # in capitals: depends on the line
            if "-" in tok.text:
                found: list[Cand] = []
                if not _hyphen_after_words(table, toks, free, i, found):
                    _hyphen(table, tok.start, tok.text.rstrip("."), found)
                if found:
                    return False
            i += 1
            continue
        if table.names[best[2]].kind != "block":
            return False                            # a name to judge
        i = free = best[0] + 1
    return True


def _possessive_names(table: NameTable, text: str, rs: int, re_: int, cands: list[Cand]) -> None:
    """"the People's Republic of China": the whole name, not its tail "Republic of China" (TW),
    for a run that follows "'s " (runs stop at a possessive)."""
    if not table.may_hold_possessive(text, max(0, rs - 48), re_):
        return
    for m in table.possessive().finditer(text, max(0, rs - 48), re_, timeout=limits.REGEX_TIMEOUT):
        name = " ".join(m.group().replace("’", "'").split())
        e = table.names.get(name)
        if e is not None:
            cands.append(Cand(m.start(), m.end(), name, e, True, True, False))


def _dateline_run(table: NameTable, text: str, rs: int, re_: int, dl: tuple[int, int], run_re,
                  cands: list[Cand], lines: LineFlags) -> None:
    """A run that reaches into a dateline ("… SIGN MACAO DEAL\nPEKING, April 13 -" when soft
    line breaks join the headline to it): keep the part before the dateline."""
    cut = text[rs:dl[0]].rstrip()
    if not cut or "\n" not in text[rs + len(cut):dl[0] + 1]:
        return
    key = "\0" + cut                    # (no run holds a NUL: these keys stay apart from runs')
    plan = table.run_plans.get(key)
    if plan is None:
        toks = tokens(cut, 0, len(cut))
        plan = table.run_plans[key] = True if _inert_tokens(table, toks) else _new_plan(table, toks)
    if plan is not True:                # (no comma follows the cut: an inert part gives nothing)
        _run(table, text, plan.tokens(rs), rs, rs + len(cut), run_re, re_, cands, lines, plan)


def _one_run(table: NameTable, text: str, rs: int, re_: int, s: str, plan, run_re, cands: list[Cand],
             lines: LineFlags) -> None:
    """Read one run: its names (judged), hyphenated words, or an unknown place before a comma;
    ``plan``: its :class:`Plan` (tokens and names), or True for an inert run."""
    if plan is not True:                            # its words were read once for the plan
        if not plan.toks:
            _hyphen(table, rs, s, cands)            # one hyphenated word, no name: "London-based"
        else:
            n_before = len(cands)
            _run(table, text, plan.tokens(rs), rs, re_, run_re, re_, cands, lines, plan)
            if plan.landmark:
                unknown_landmark(table, text, plan.tokens(rs), cands, n_before)   # "into False Bay"
        return
    if prev_words(text, rs)[0] not in _UNKNOWN_PLACE_PREPS and " of " not in s and " in " not in s:
        return      # an inert run (a comma follows) could only be an unknown place, which needs these
                    # (or inside it: "Acme Inc of Lincolnwood, Ill.", "Lover Fest in Foxborough, Mass.")
    comma = re_ < len(text) and text[re_] == ","
    if " " not in s and "\n" not in s and "\t" not in s:
        # fast path: a one-token run
        if s in table.names or (s[-1] == "." and s[:-1] in table.names):
            toks = [Tok(rs, re_, s, False)]
        elif "-" in s:
            _hyphen(table, rs, s, cands)
            return
        elif len(s) > 2 and s.rstrip(".").isupper():
            toks = [Tok(rs, re_, s, False)]
        else:
            if comma:
                _unknown_place(table, text, [Tok(rs, re_, s, False)], rs, re_, run_re, re_, cands)
            return
    elif not comma and not _may_name(table, s):
        return                                      # no word of the run can begin a name
    else:
        toks = tokens(text, rs, re_)
    _run(table, text, toks, rs, re_, run_re, re_, cands, lines)


def _may_name(table: NameTable, run: str) -> bool:
    """Some word of the run may begin a gazetteer name (in mixed case or in capitals) or is
    hyphenated: the words that :func:`_run` looks up."""
    first = table.first_words
    for w in run.split():
        if "’" in w:
            w = w.replace("’", "'")
        if w in first or "-" in w or w[-1] == "." and w[:-1] in first:
            return True
        if len(w) > 2 and w.isupper():
            return True
    return False


def _hyphen_after_words(table: NameTable, toks: list[Tok], free: int, i: int, cands: list[Cand]) -> bool:
    """A name that ends in the first part of a hyphenated token: 'New York-born', 'Hong Kong-based'
    (the words before it in the run, from ``free`` on, are no other name's)."""
    tok = toks[i]
    parts = tok.text.rstrip(".").split("-")
    if len(parts) > 4 or i == free:
        return False
    rest = parts[1:]
    if not (len(rest) == 1 and rest[0] in HYPHEN_SUFFIXES or all(table.major(q) for q in rest)):
        return False
    for m in range(max(free, i - 3), i):
        key = " ".join(t.text for t in toks[m:i]) + " " + parts[0]
        e = table.names.get(key)
        if e is not None and e.kind != "block" and not e.ambiguous and not e.abbreviation:
            cands.append(Cand(toks[m].start, tok.start + len(parts[0]), key, e, True, False, False))
            pos = tok.start + len(parts[0]) + 1
            for q in rest:                          # 'South Korea-US talks': the others too
                if not (len(rest) == 1 and q in HYPHEN_SUFFIXES):
                    cands.append(Cand(pos, pos + len(q), q, table.names[q], True, False, False))
                pos += len(q) + 1
            return True
    return False


def _longer_before_hyphen(table: NameTable, toks: list[Tok], i: int, j: int) -> bool:
    """The name on tokens i..j runs on into the first part of the hyphenated token after it."""
    key = " ".join(t.text for t in toks[i:j + 1]) + " " + toks[j + 1].text.split("-", 1)[0]
    e = table.names.get(key)
    return e is not None and e.kind != "block"


def _hyphen(table: NameTable, start: int, tok: str, cands: list[Cand]) -> None:
    """A hyphenated token that is not a name: 'London-based', 'Egypt-Israel', 'US-German', 'Kyoto-lite'."""
    parts = tok.split("-")
    if len(parts) > 4:
        return
    spans = []
    pos = start
    for p in parts:
        spans.append((pos, pos + len(p), p))
        pos += len(p) + 1
    for k, (ps, pe, p) in enumerate(spans):
        e = table.names.get(p)
        if e is None or e.kind == "block" or e.ambiguous or e.abbreviation:
            continue
        others = [q for kk, (_, _, q) in enumerate(spans) if kk != k]
        if (all(table.major(q) or q in DEMONYMS and e.major or q in HYPHEN_PARTNERS and e.kind == "country" for q in others)
                or (k == len(spans) - 2 and spans[-1][2] in HYPHEN_SUFFIXES)):
            cands.append(Cand(ps, pe, p, e, True, False, False))
        elif len(spans) == 2 and k == 1 and spans[0][2] in DIRECTIONS and e.kind in ("admin", "country", "region"):
            whole = table.names.get(f"{spans[0][2]} {p}")          # "North-Korea" is North Korea's
            e = whole if whole is not None and whole.kind != "block" else e
            cands.append(Cand(start, pe, tok, e, True, False, False))   # "Mid-Bedfordshire", "Mid-Wales"


def _run(table: NameTable, text: str, toks: list[Tok], rs: int, re_: int, run_re, run_end: int,
         cands: list[Cand], lines: LineFlags, plan: Optional[Plan] = None) -> None:
    """The names of one run, each judged (or, in capitals, taken when unambiguous); ``plan``: the
    run's :class:`Plan` (the longest names at its tokens, offsets from ``rs``), else looked up."""
    bests = plan.bests if plan is not None else None
    n = len(toks)
    i = 0
    n_before = len(cands)
    free = 0             # the first token that no name took
    prev_place_end = -1  # token index just after the previous gazetteer match in this run
    while i < n:
        tok = toks[i]
        if tok.conn:
            i += 1
            continue
        if bests is None:
            best = table.longest(toks, i, False)
        else:
            best = bests[i]
            if best is not None:
                best = (best[0], best[1] + rs, best[2])
        upper = False
        if best is None:
            t = tok.text.rstrip(".")
            if len(t) > 2 and t.isupper() and text[tok.start - 1:tok.start] != "<":
                if plan is None:                        # (the line's test costs more than the look-up)
                    best = table.longest(toks, i, True)
                else:
                    best = plan.upper[i]
                    if best is not None:
                        best = (best[0], best[1] + rs, best[2])
                if best is not None and not lines.caps(tok.start):
                    best = None
                upper = best is not None
            if best is None:
                if "-" in tok.text and not _hyphen_after_words(table, toks, free, i, cands):
                    _hyphen(table, tok.start, tok.text.rstrip("."), cands)
                i += 1
                continue
        j, end, name = best
        if j + 1 < n and "-" in toks[j + 1].text and _longer_before_hyphen(table, toks, i, j):
            i += 1                                  # "San Francisco-based": not "San" (Mali)
            continue
        entry = table.names[name]
        if entry.kind == "block":
            i = free = j + 1
            prev_place_end = -1
            continue
        if upper:
            ok = (not entry.ambiguous and not entry.abbreviation
                  and (entry.kind != "city" or entry.population >= 100_000) and len(name) > 2
                  and not (j + 1 < n and _caps_head(toks[j + 1].text))     # "SOUTH CHINA SEA ARBITRATION"
                  and not (i > 0 and toks[i - 1].text.capitalize() in CAPS_NAME_PREFIXES)    # "AIR NEW ZEALAND"
                  and _TICKER_AFTER.match(text, run_end) is None     # "BELL CANADA <BCE> UNIT": a company
                  and not _named_in_mixed_case(table, text, toks, i, j))  # "TEXAS INSTRUMENTS SETS …" / "Texas Instruments"
            cands.append(Cand(tok.start, end, name, entry, ok, False, False))
            i = free = j + 1
            continue
        v = judge(Context(text, toks, i, j, end, entry, table, run_re, run_end, cands, lines, prev_place_end))
        cands.append(Cand(v.start, v.end, name, entry, v.accepted, v.supported, v.name_part, v.person, v.surname,
                          v.instrument, v.team))
        prev_place_end = j + 1
        i = free = j + 1
    if len(cands) == n_before and n <= 5 and re_ < len(text) and text[re_] == ",":
        _unknown_place(table, text, toks, rs, re_, run_re, run_end, cands)


def _named_in_mixed_case(table: NameTable, text: str, toks: list[Tok], i: int, j: int) -> bool:
    """The name in capitals at ``toks[i..j]`` with the word after it or the two before it is a longer
    name that the text writes in mixed case ("TEXAS INSTRUMENTS" and "Texas Instruments", "BANK OF
    AMERICA" and "Bank of America"): a company's or body's name, not the place."""
    def written(ts: list[Tok]) -> bool:
        form = " ".join(t.text.lower() if t.conn or t.text == "OF" else t.text.capitalize() for t in ts)
        at = text.find(form)
        while at >= 0:                              # (a whole word: not "Singapore Petrol" in "… Petroleum")
            if not text[at + len(form):at + len(form) + 1].isalpha():
                return True
            at = text.find(form, at + 1)
        return False
    if (j + 1 < len(toks) and not toks[j + 1].conn and toks[j + 1].text != "OF"
            and toks[j + 1].text.capitalize() not in FEATURE_SUFFIX and written(toks[i:j + 2])):
        return True                                 # (but "PARIS BASIN" is the place's feature)
    before = toks[i - 1].text.capitalize() if i >= 1 else ""
    if (i >= 1 and not toks[i - 1].conn and toks[i - 1].text != "OF" and before.lower() not in _PLAIN_WORDS and f"{before} {toks[i].text.capitalize()}" not in table.names
            and written(toks[i - 1:j + 1])):
        return True                                 # "CONTINENTAL ILLINOIS" / "Continental Illinois Corp"
    return i >= 2 and toks[i - 1].text in ("of", "OF") and written(toks[i - 2:j + 1])


# words before a name in capitals that make no longer name of it ("TWO UTAH BANKS", "THE TEXAS …")
_PLAIN_WORDS = frozenset(w.lower() for w in FUNCTION_WORDS) | frozenset(
    "one two three four five six seven eight nine ten new old greater upper lower central el la le north south east "
    "west northern southern eastern western northeast northwest southeast southwest".split())


# a stock ticker in angle brackets right after a run: the run is a company's name ("BELL CANADA <BCE>")
_TICKER_AFTER = regex.compile(r"[ \t]{0,2}<[A-Z][A-Z0-9.]{0,9}+>")


def _caps_head(word: str) -> bool:
    """A word in capitals that ends a name in a headline ("ARBITRATION", "AIRLINES"; places/caps_name_heads)."""
    w = word.rstrip(".")
    return w.isupper() and w.capitalize() in CAPS_NAME_HEADS


_UNKNOWN_PLACE_PREPS = ("in", "at", "near", "from", "outside", "to", "via", "of")
_WEAK_PREPS = ("to", "via", "of")  # ... also a recipient's, a source's or an owner's: the place then closes its clause


def _closed_after(text: str, pos: int, words: list[str]) -> bool:
    """The state's ``words``, read from ``pos``, end the clause: punctuation or a line end follows ("to
    West Point, New York, with", "to Janesville, Wis.")."""
    for w in words:
        pos = text.find(w, pos) + len(w)
    return words[-1][-1] == "." or pos >= len(text) or text[pos] in ",.;:)\r\n"


def _unknown_place(table: NameTable, text: str, toks: list[Tok], rs: int, re_: int, run_re, run_end: int,
                   cands: list[Cand]) -> None:
    """'in Bala Cynwyd, Pa.', 'in Punta del Este, Uruguay': a capitalized name that the
    gazetteer lacks, after a location preposition and before ', <country or state>'."""
    if toks[-1].conn or toks[-1].text[-1] == ".":
        return
    nxt = next_run(text, run_re, run_end)
    if nxt is None:
        return
    cm = NEXT_COMMA.match(text, re_)
    if cm is None or cm.end() != nxt.start():
        return
    words = nxt.group().split()
    e2 = None
    for k in (2, 1):
        if len(words) >= k:
            e2 = table.names.get(" ".join(words[:k]))
            if e2 is None and words[k - 1][-1] == ".":
                e2 = table.names.get(" ".join(words[:k])[:-1])
            if e2 is not None:
                break
    if e2 is None or e2.kind not in ("country", "admin") or e2.ambiguous:
        return
    inner = _place_after_link(toks)
    if inner is not None:                       # "Schmid Laboratories of Little Falls, N.J.": the firm's seat;
        toks, rs, prep = toks[inner + 1:], toks[inner + 1].start, toks[inner].text  # "Lover Fest in Foxborough, Mass."
    else:
        prep = prev_words(text, rs)[0]
    if any(t.text.rstrip(".") in ORG_HEADS or t.text in TITLES for t in toks):
        return
    if any(t.text[-1] == "." and n.text in FUNCTION_WORDS for t, n in zip(toks, toks[1:])):
        return                                  # "at Warner Bros. However, US critics": a new sentence
    if prep not in _UNKNOWN_PLACE_PREPS:
        return
    if prep in _WEAK_PREPS and not _closed_after(text, nxt.start(), words[:k]):
        return                                  # "then to Rosneft, Russia is", "according to CNN, Turkey has"
    surface = " ".join(text[rs:re_].split())
    known = table.names.get(surface)
    if known is not None and known.kind == "block":
        return                                  # "from Monday, Syria …": known to be no place
    cands.append(Cand(rs, re_, surface, Entry(surface, e2.country, "city"), True, True, False))


_FIRM_WORDS = words("places/firm_words")


def _place_after_link(toks: list[Tok]) -> Optional[int]:
    """The index of the "in" or the firm's "of" inside the run before one or two capitalised words that
    may be an unknown place ("Lover Fest in Foxborough", "Schmid Laboratories of Little Falls", "Acme
    Inc of Lincolnwood"), or None."""
    for k in range(len(toks) - 2, 0, -1):
        if toks[k].conn:
            if toks[k].text not in ("of", "in") or len(toks) - k - 1 > 2 or any(t.conn for t in toks[k + 1:]):
                return None
            if toks[k].text == "in":
                return k
            head = toks[k - 1].text.rstrip(".,")
            return k if head in COMPANY_SUFFIXES or head in _FIRM_WORDS else None
    return None


# a name standing alone as a person's surname: "Hamilton said", "said Hamilton", "Mr Hamilton"
_REPORT = r"(?:said|says|told|added|explained|insisted|warned)"
_NAME = r"\p{Lu}[\p{L}\p{M}'’\-]*+"
_SURNAME_USES = regex.compile(rf"(?<![\w.'’-])(?P<s>{_NAME})[ \t]+{_REPORT}\b|\b{_REPORT}[ \t]+(?P<s>{_NAME})"
                              rf"|\b(?P<t>Mr|Mrs|Ms|Dr)\.?[ \t]+(?P<s>{_NAME})", regex.VERSION1)


def _surnames_in_use(text: str) -> tuple[set[str], set[str]]:
    """The words used alone as surnames in ``text``: (any use, after a title), in one pass."""
    said, titled = set(), set()
    for m in _SURNAME_USES.finditer(text, timeout=limits.REGEX_TIMEOUT):
        (titled if m.group("t") else said).add(m.group("s"))
    return said | titled, titled


_VERBS = _REPORT[3:-1].split("|")
_TITLES = ("Mr", "Mrs", "Ms", "Dr")


def _used_as_surname(text: str, name: str, titled_only: bool) -> bool:
    """``name`` stands alone in ``text`` after a title, or (unless ``titled_only``) before or after
    a reporting verb ("Mr Hamilton", "Hamilton said", "said Hamilton"): each occurrence of the name
    is tried with the words around it, for the few names that need it."""
    i = text.find(name)
    while i >= 0:
        e = i + len(name)
        for t in _TITLE_FORMS:
            s = i - len(t)
            if s >= 0 and text.startswith(t, s) and _stands_alone(text, s, e):
                return True
        if not titled_only:
            for v in _VERBS:
                if text.startswith(v, e + 1) and text[e:e + 1] == " " and _stands_alone(text, i, e + 1 + len(v)):
                    return True
                s = i - len(v) - 1
                if s >= 0 and text.startswith(v, s) and text[i - 1:i] == " " and _stands_alone(text, s, e):
                    return True
        i = text.find(name, i + 1)
    return False


_TITLE_FORMS = tuple(f"{t}{dot} " for t in _TITLES for dot in ("", "."))


def _stands_alone(text: str, s: int, e: int) -> bool:
    """text[s:e] is not part of a longer word (nor at the text's very start or end)."""
    before = text[s - 1:s]
    after = text[e:e + 1]
    return not (before.isalnum() or before in "'’-.") and not (after.isalnum() or after in "'’-")


def _banned(cands: list[Cand], text: str = "") -> set[str]:
    """One sense per text: a smaller place name rejected as part of a longer name, any name
    rejected as a person's surname, an instrument's name or (in a text that names two teams) a
    team's, is not accepted elsewhere in the same text without support.
    A name rejected after another capitalised word ("Lewis Hamilton") is a surname when the text
    uses it alone as one ("Hamilton said"); other than a city only after a title ("Britain said" is
    the state speaking, "Union Texas said" a company)."""
    out = {c.name for c in cands if c.instrument}    # "the Kyoto treaty … withdraw from Kyoto"
    teams = [c.name for c in cands if c.team]
    clubs = {c.name for c in cands if c.ok and c.entry.kind != "country"          # (a country: the national side)
             and "(" in text[max(0, c.start - 48):c.start] and in_line_up(text, c.start, c.end)}
    if clubs:                                        # a team's line-up: "K Morgan (Newport-Gwent)"
        out.update(clubs)
        teams.extend(clubs)
    if len(teams) >= 2:                              # a text about clubs: "Liverpool boss … talks
        out.update(teams)                            # with Liverpool" (one use alone bans nothing)
    parts = [c for c in cands if c.name_part]
    if not parts:
        return out
    surnames = {(c.name, c.entry.kind != "city") for c in parts if c.surname and not c.person}
    if len(surnames) > 20:                               # one pass over the text for all of them
        uses = _surnames_in_use(text)
        used = {k for k in surnames if k[0] in uses[1 if k[1] else 0]}
    else:
        used = {k for k in surnames if _used_as_surname(text, k[0], k[1])}
    for c in parts:
        e = c.entry
        if (c.person or c.surname and (c.name, e.kind != "city") in used
                or e.kind == "city" and e.population < 500_000 or e.ambiguous
                or e.kind in ("feature", "region") and e.canonical not in CONTINENTS):
            out.add(c.name)
    return out


def _finish(table: NameTable, text: str, cands: list[Cand]) -> list[Place]:
    if not cands:
        return []
    banned = _banned(cands, text)
    named = {c.name for c in cands if c.instrument}
    persons = {c.name for c in cands if c.person}
    kept: list[Cand] = []
    last_end = -1
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if not c.ok or c.start < last_end:
            continue
        if (c.name in banned and not c.supported and not (c.name in named and _DATE_AFTER.match(text, c.end))
                and not (c.entry.kind == "country" and _athlete_after(text, c.end))):
            continue                        # (but "Rome Statute … Rome, 17 July 1998": a place and date;
                                            #  "Russia's Olga Fedorova": an athlete's country, not its side)
        if (c.name in persons and text[c.end:c.end + 2] in _POSSESSIVE and c.name in banned
                and c.entry.kind != "country"):
            continue                        # "John Wayne … toward Wayne's earlier films": the person's
        kept.append(c)
        last_end = c.end
    kept = [c for c in kept if not (c.entry.kind == "city" and not c.supported and _in_list_of_names(table, text, c))]
    clubs = club_towns(text, kept, cands)
    if clubs:                               # "a move to Southampton", "expected of Madrid to get through"
        kept = [c for k, c in enumerate(kept) if k not in clubs]
    alternatives = table.alternatives()
    dominant = _dominant_readings(kept)
    out = []
    for k, c in enumerate(kept):
        e = c.entry
        alt = alternatives.get(e.canonical) if e.kind == "country" else None
        if alt is not None and (_among(text, kept, k, alt.country) or _state_cue(text, c)):
            e = alt
        elif (e.kind == "city" or e.also) and (st := _in_other_state(table, text, kept, k)):
            e = Entry(e.canonical, st, e.kind, e.population)                # "Salem, Ore."
        elif e.also and c.name in dominant:
            e = dominant[c.name]
        out.append(Place(text=text[c.start:c.end], name=e.canonical, country=e.country, start=c.start, end=c.end))
    return out


_ATHLETE_AFTER = regex.compile(r"['’]s[ ]\p{Lu}\p{Ll}++[ ]\p{Lu}")     # a possessive before a person's name
def _athlete_after(text: str, end: int) -> bool:
    """A possessive and a person's name after a country ("Russia's Olga Fedorova"), not an event's
    ("England's Six Nations camp", "England's World Cup triumph": words of sport)."""
    m = _ATHLETE_AFTER.match(text, end)
    return m is not None and not sport_cue_at(text, end + 3)


_WORLD_CITY = 500_000  # a city this large keeps its own reading ("Athens" in a text about US athletes)


# one capitalised word and a comma (or "and"), as in a list of surnames
_NAME_ITEMS_BEFORE = regex.compile(r"(?r)(?:(?<![\p{L}'’\-])(\p{Lu}\p{Ll}++)[ ]?,[ ]{1,2}){2,}\Z")
_NAME_ITEMS_AFTER = regex.compile(r"(?:[ ]?,[ ]{1,2}(?:and[ ]{1,2})?(\p{Lu}\p{Ll}++)(?![\p{L}'’\-]|[ ]\p{Lu})){1,}")


def _in_list_of_names(table: NameTable, text: str, c: Cand) -> bool:
    """The town ``c`` is one word in a comma list of at least four single capitalised words that
    are no places ("Gordon, Webster, Miller, Hartley, Neilson": a team's surnames; a list with other
    places is one of places: "Carrascal, Cantilan, Madrid, Carmen, Lanuza")."""
    if text[c.end:c.end + 1] != "," or text[c.start - 2:c.start] != ", " or " " in text[c.start:c.end]:
        return False
    before = _NAME_ITEMS_BEFORE.search(text, max(0, c.start - 80), c.start)
    after = _NAME_ITEMS_AFTER.match(text, c.end, c.end + 80)
    if before is None or after is None:
        return False
    items = before.captures(1) + after.captures(1)
    return len(items) >= 3 and not any(w in table.names for w in items)


def _dominant_readings(kept: list[Cand]) -> dict[str, Entry]:
    """The names that the text's other places read in another country: a name that is also a
    country's, state's or big city's elsewhere ("San Juan": AR, also PR) takes the one of those
    countries that the text's other places name most (at least twice) when they never name its own
    (a city of _WORLD_CITY inhabitants keeps its reading).  A country's name ("Georgia") becomes a state only when the text's other places are all of that
    country and one of them is another of its states."""
    named = {c.name: c.entry for c in kept if c.entry.also}
    if not named:
        return {}
    counts = collections.Counter(c.entry.country for c in kept if c.entry.country)
    own = collections.Counter(c.name for c in kept if c.name in named)
    out = {}
    for name, e in named.items():
        if counts[e.country] > own[name] or e.population >= _WORLD_CITY:
            continue                    # the text names its own country elsewhere; "Athens", "London"
        best = max(e.also, key=counts.__getitem__)
        if counts[best] < 2:
            continue
        if e.kind == "country":
            if (len(counts) > 2 or len(counts) == 2 and counts[e.country] == 0
                    or not any(x.entry.country == best and x.entry.kind == "admin" and x.name != name for x in kept)):
                continue                # another country named: "Russia invaded Georgia"
            out[name] = Entry(e.canonical, best, "admin")
        else:
            out[name] = Entry(e.canonical, best, e.kind, e.population)
    return out


# ", 17 July 1998", ", July 17": a date right after a name makes it a place (where something was signed)
_DATE_AFTER = regex.compile(r",[ \t]*+(?:\d{1,2}(?:st|nd|rd|th)?[ \t]++)?(?:%s)(?![\w])" % "|".join(
    sorted(set(entries("dates/months")) | set(entries("dates/month_abbreviations")), key=len, reverse=True)))

_LIST_GAPS = frozenset({",", "and", ", and", "or", "/"})


def _state_after(text: str, kept: list[Cand], k: int) -> str:
    """The country of the state or country right after the place ``kept[k]`` and a comma, "in" or an
    apposition ("Salem, Ore.", "Salem, Oregon", "Cordoba in Spain", "Victoria, the capital of British
    Columbia"), or ""."""
    if k + 1 >= len(kept):
        return ""
    n = kept[k + 1]
    gap = text[kept[k].end:n.start].strip()
    if n.entry.kind in ("admin", "country") and n.entry.country and (gap in (",", "in") or _CAPITAL_OF.fullmatch(gap)):
        return n.entry.country
    return ""


# "Victoria, the capital of British Columbia": the town's state or country in an apposition
_CAPITAL_OF = regex.compile(r",[ \t\n]{1,3}(?:the[ \t\n]{1,3})?(?:(?:provincial|state|regional)[ \t\n]{1,3})?"
                            r"(?:capital|largest[ \t\n]{1,3}city|second[ \t\n]{1,3}city|county[ \t\n]{1,3}seat)"
                            r"[ \t\n]{1,3}(?:of|in)(?:[ \t\n]{1,3}the)?")


_LIST_GOES_ON = regex.compile(r"[ ,]{0,3}(?:and|or)[ ]{1,2}\p{Lu}")     # ", and Ohio"; not ", and along"
_CLAUSE_CLOSES = regex.compile(r"[ \t]*+(?:[,.;:)]|\r?\n|\Z)")


def _in_other_state(table: NameTable, text: str, kept: list[Cand], k: int) -> str:
    """The country where ", <state>" places the town ``kept[k]`` when it is not its reading's: one
    of its other readings ("Salem, Ore."; "Athens, Georgia": the state that a country's name also
    is), or a smaller namesake the gazetteer lacks when the town and its state or country are no
    list's ("Kimberley, B.C., fell": Canada's, not South Africa's; "Perth, Scotland"; but not "Lagos,
    Texas and Ohio", nor "Europe, Peking, DPRK"); else ""."""
    c = kept[k]
    st = _state_after(text, kept, k)
    if not st or st == c.entry.country:
        return ""
    alt = table.alternatives().get(kept[k + 1].entry.canonical) if kept[k + 1].entry.kind == "country" else None
    if alt is not None and alt.country == c.entry.country:
        return ""                           # "Atlanta, Georgia": the town's own state
    if alt is not None and alt.country in c.entry.also:
        return alt.country
    if st in c.entry.also:
        return st
    gap = text[c.end:kept[k + 1].start].strip()
    if c.entry.kind != "city" or not (gap == "," or gap == "in" and c.entry.population < 100_000):
        return ""                           # ("Water firm Suez in Argentina row"; but "La Palma in Spain's")
    if gap == "," and kept[k + 1].entry.kind == "country" and _CLAUSE_CLOSES.match(text, kept[k + 1].end) is None:
        return ""                           # "the draw in Paris, Ireland face …": a new clause
    if k > 0 and text[kept[k - 1].end:c.start].strip() in _LIST_GAPS:
        return ""                           # "Europe, Peking, DPRK": a list of places
    if (k + 3 < len(kept) and kept[k + 2].entry.kind == "city" and _state_after(text, kept, k + 2)
            and text[kept[k + 1].end:kept[k + 2].start].strip() in (",", ", and")):
        return st                           # "Newport, Rhode Island, and Troy, New York": town and state pairs
    if k + 2 < len(kept) and text[kept[k + 1].end:kept[k + 2].start].strip() in _LIST_GAPS:
        return ""
    return "" if _LIST_GOES_ON.match(text, kept[k + 1].end) is not None else st


_STATE_CUES = entries("places/state_cues")
_STATE_CUE_AFTER = regex.compile(r"(?:['’]s)?[ ]{1,2}(?:" + "|".join(_STATE_CUES) + r")(?![\p{L}])")
_STATE_CUE_BEFORE = regex.compile(r"(?r)(?<![\p{L}])(?:" + "|".join(_STATE_CUES) + r")[ ]{1,2}(?:of|in)[ ]{1,2}\Z")


def _state_cue(text: str, c: Cand) -> bool:
    """A US state's politics around a country's name that is also a state's ("Georgia's governor",
    "the Georgia runoff", "the primary in Georgia"; places/state_cues)."""
    return (_STATE_CUE_AFTER.match(text, c.end, c.end + 30) is not None
            or _STATE_CUE_BEFORE.search(text, max(0, c.start - 30), c.start) is not None)


def _among(text: str, kept: list[Cand], k: int, country: str) -> bool:
    """The place ``kept[k]`` stands next to places of ``country`` below the level of a state: after
    "<city>, " ("Atlanta, Georgia") or in a list of its states ("Georgia, Alabama and Texas")."""
    c = kept[k]
    if k > 0:
        p = kept[k - 1]
        gap = text[p.end:c.start].strip()
        if p.entry.country == country and p.entry.kind in ("city", "admin") and (
                gap == "," or gap in _LIST_GAPS and p.entry.kind == "admin"):
            return True
        if gap == "," and p.entry.kind == "city" and country in p.entry.also:
            return True                     # "Athens, Georgia": a town of that country too
    if k + 1 < len(kept):
        n = kept[k + 1]
        if n.entry.country == country and n.entry.kind == "admin" and text[c.end:n.start].strip() in _LIST_GAPS:
            return True
    return False
