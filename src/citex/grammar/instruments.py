"""Instrument grammar: where a treaty-like name starts and ends.

A name is built around a *head word* (Convention, Treaty, Protocol, …):

    [pre-modifiers] HEAD [numbers] [continuation]
     "Chemical Weapons" Convention
     "European"        Convention  "for the Prevention of Torture and … Punishment"
                       Protocols   "No. 1 and No. 2"
     "Second Optional" Protocol    (number 2)

The fragments below are named and commented; their word lists are data
(``data/vocab/instruments/``, ``data/vocab/common/``).  ``EXAMPLES`` lists names that must
come out whole and phrases that must not give an instrument, and the tests run
them.  Quantifiers are possessive or bounded so that scanning stays linear.

:func:`find_candidates` runs, for every head word, the steps of :func:`_candidate`: the
pre-modifiers (:func:`_premods`), protocol numbers (:func:`_protocol_numbers`), the continuation
(:func:`_continuation`), the acceptance guards (:func:`_rejected`), weakness (:func:`_is_weak`) and
the alias defined after the name (:func:`alias_after`).
"""
from __future__ import annotations

import bisect
import functools
from typing import Literal, Optional

import attrs
import re
import regex

from citex import limits
from citex.grammar.dates import F as DATE_F
from citex.grammar.dates import compose
from citex.grammar.relations import DATE_QUALIFIER
from citex.text.lines import LineFlags
from citex.text.spans import merge_spans
from citex.vocab import entries, lower_words, rows


def alternation(words) -> str:
    """A regex alternation of ``words`` (escaped), factored on common prefixes so that a scan over
    the whole text tries few branches per position: ``["Treaty", "Treaties"]`` → ``Treat(?:ies|y)``."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    if len(words) == 1:
        return re.escape(words[0])
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w)
    out = []
    for first, ws in sorted(groups.items()):
        if first == "":
            continue
        common = ws[0]
        for w in ws[1:]:
            while not w.startswith(common):
                common = common[:-1]
        rests = [w[len(common):] for w in ws]
        if len(ws) == 1:
            out.append(re.escape(ws[0]))
            continue
        optional = "" in rests
        inner = alternation([r for r in rests if r])
        out.append(re.escape(common) + (f"(?:{inner})?" if optional else f"(?:{inner})"))
    return out[0] if len(out) == 1 else "(?:" + "|".join(out) + ")"


def _case_forms(words, title: bool = True, upper: bool = True, lower: bool = True) -> list[str]:
    out = []
    for w in words:
        out += ([w.capitalize()] if title else []) + ([w.upper()] if upper else []) + ([w] if lower else [])
    return out


# ------------------------------------------------------------------------------- vocabulary
# Head words and the kind they give (data/vocab/instruments/heads.txt).  Kind "other" ("Act", "Law",
# "Constitution", "Directive", "Memorandum") names domestic or non-treaty instruments.
_HEAD_ROWS = [line.split() for line in entries("instruments/heads")]
HEADS: dict[str, str] = {}
for _sing, _plural, _kind in _HEAD_ROWS:
    HEADS[_sing] = _kind
    if _plural != "-":
        HEADS[_plural] = _kind
TREATY_HEADS = [w for w, k in HEADS.items() if k != "other"]          # convention(s), treaty/treaties …
SINGULAR_TREATY_HEADS = [s for s, _, k in _HEAD_ROWS if k != "other"]  # convention, treaty …
# heads that are only names when capitalised (lower-case "act", "law" are ordinary words)
CAPITAL_ONLY_HEADS = frozenset(w for w, k in HEADS.items() if k == "other")
# plural heads that may sit inside a title ("the Law of Treaties"): they start no new name
TITLE_PLURALS = lower_words("instruments/plural_heads_in_titles")
ORDINALS = {w: i + 1 for i, w in enumerate(entries("common/ordinals"))}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
# descriptive words before "Protocol" that do not make it a named protocol
DESCRIPTOR_WORDS = lower_words("instruments/protocol_descriptors")   # "optional", "additional" …
PROTOCOL_DESCRIPTORS = DESCRIPTOR_WORDS | set(ORDINALS)
STOP = lower_words("instruments/premod_stop")            # end the pre-modifier scan
AWARD_WORDS = lower_words("instruments/award_words")     # "Best Dance Act": an award category
STAGE_ACTS = lower_words("instruments/stage_acts")       # "Sister Act", "a Class Act": a performance
PRIVATE_BODIES = lower_words("instruments/private_bodies")  # "the Constitution of the Labour *Party*"
MONTH_WORDS = lower_words("common/months")
# lower-case words between a proper name and a lower-case head: "Egypt–Israel *peace* treaty"
DESCRIPTORS = lower_words("instruments/descriptors")
VERBS = lower_words("instruments/headline_verbs")        # headline verbs before a name
WEAK_LOWER_HEADS = lower_words("instruments/weak_lower_heads")
# Names that contain a head word but are not instruments (protocols of computing, military alliances)
NEGATIVE_NAMES = lower_words("instruments/negative_names")
# Pre-modifiers that make "Convention" a meeting, not a treaty
EVENT_PREMODS = lower_words("instruments/event_premods")
# Last pre-modifiers that give an agreement, pact, accord or charter an ordinary sense: "City Charter",
# "Merger Agreement", "Coalition Agreement", "Democrat Pact", "Honda Accord"
ORDINARY_PREMODS = lower_words("instruments/ordinary_premods")
ORDINARY_HEADS = frozenset({"agreement", "agreements", "pact", "pacts", "accord", "accords", "charter", "charters"})
# nationality adjectives (data/vocab/parties/demonyms.tsv): "the Argentine agreement" is a description
DEMONYMS = frozenset(row[0] for row in rows("parties/demonyms"))
# unions of states that are parties in their own right (data/vocab/parties/supranational.tsv): "the EU agreement"
SUPRANATIONAL = frozenset(row[0] for row in rows("parties/supranational"))
# organisations whose lower-case agreement is one made with or among them ("an IMF agreement", "the G-7 pact")
AGREEMENT_PARTNERS = lower_words("instruments/agreement_partners")
# endings of hyphenated adjectives that describe, not name ("Cold War-era treaty", "US-friendly treaty")
DESCRIPTIVE_SUFFIXES = tuple(sorted(lower_words("instruments/descriptive_suffixes")))
# Organisation qualifiers that allow a lower-case subject: "UN Convention on refugees"
ORG_QUALIFIERS = lower_words("instruments/org_qualifiers")
# words that make a "Code" a body of law ("Penal Code", "Code of Criminal Procedure")
CODE_SUBJECTS = lower_words("instruments/code_subjects")
_SUBJECT_STOP_ROWS = [line.split() for line in entries("instruments/lower_subject_stop")]

# ------------------------------------------------------------------------------- fragments
G: dict[str, str] = dict(DATE_F)
# whitespace inside a name: spaces, or one line break (wire copy breaks lines mid-name)
# (a line break is not crossed into a "Place, 17 July 1998" line: that is the title's dateline)
G["sp"] = r"""(?:
      [ \t]{1,4}(?!\r?\n)                                   # spaces, not before a line break
    | [ \t]{0,4}\r?\n[ \t]{0,8}                             # or one line break …
      (?![A-Z][\w'’.\-]*+(?:[ \t]{1,3}[A-Z][\w'’.\-]*+){0,2}  # … not into "Place, 17 July 1998"
         [ \t]{0,2},[ \t]{0,3}(?:\d|{month}))                # or "VILNIUS, March 6" (a dateline)
      (?![A-Z][A-Z'’.\-]++(?:[ \t]{1,3}[A-Z][A-Z'’.\-]*+){0,2}  # … nor into "VILNIUS (Reuters)",
         [ \t]{0,2}(?:[,(—–]|-{1,2}[ \t]))                     # "MOSCOW —": a dateline in capitals
    )"""
# every head word: treaty heads in Title, UPPER or lower case; the "other" heads capitalised only
# (and lower-case "constitution", only after a capitalised qualifier the knowledge base confirms: "the EU
# constitution"; see _union_constitution)
G["head"] = alternation(_case_forms(TREATY_HEADS) + _case_forms(CAPITAL_ONLY_HEADS, lower=False)
                        + _case_forms(["constitution"], title=False, upper=False))
# heads that start a new name inside a title (plural "Treaties", "Agreements" may sit in one)
G["treaty_head"] = alternation(_case_forms([w for w in TREATY_HEADS if w not in TITLE_PLURALS], lower=False))
# "Thursday", "Today": when something happened, never a title word ("… Munitions on Thursday")
G["day_word"] = alternation(_case_forms(lower_words("common/days"), lower=False))
# A capitalised title word: "Torture", "Non-Proliferation", "Seafarers'", "U.N.", "AfCFTA".
# Not a head word (a new instrument starts there), not a month before a day or year (a date).
G["tw"] = r"""(?!(?:{treaty_head})(?![\w\-]))(?!{month})(?!{day_word}(?![\w\-]))
    (?!No\.?[ \t]{0,2}\d)                                   # "No. 50/2005": a designation, not a word
    (?: (?:[A-Z]\.){2,}                                     # "U.N.", "U.S."
      | [A-Z]\w*+(?:[\-–]\w++)*+(?:['’](?![sS]\b)\w*+)?      # "Non-Proliferation", "Seafarers'"
    )"""
# small words that may sit between title words: "Prevention *of* Torture *and* Inhuman *or* …"
# ("by" and "at" only in transport titles: "Carriage of Goods by Sea", "Safety of Life at Sea"; else
#  "the Treaty on Open Skies *by* Russia" would run on into the actor)
G["inner"] = (r"(?:" + alternation(entries("instruments/title_small_words")) + r"|"
              r"(?:by|at)(?=[ \t]{1,3}(?:Sea|Road|Rail|Air|Inland|Land|Means)\b)"
              r")(?![\w\-])")
# words that open a continuation after the head: "Convention *on* …", "Treaty *of* Amsterdam"
G["prep"] = r"""(?:
      [Oo]f | [Oo]n | [Ff]or | [Aa]gainst | [Bb]etween | [Cc]oncerning | [Rr]elating[ \t]to | [Rr]egarding
    | [Ee]stablishing | [Cc]reating | [Ii]nstituting
    | [Ww]ith[ \t]+[Rr]espect[ \t]+to | [Ii]n[ \t]+[Rr]espect[ \t]+of
    | [Gg]overning | [Aa]mong
    | to(?=[ \t]{1,3}(?:""" + alternation(entries("instruments/title_verbs")) + r""")(?![\w\-]))   # "Convention to Combat …"
    )(?![\w\-])"""
G["det"] = r"(?:the|a|an|The)(?![\w\-])"
# A comma inside a title only in a list that closes with and/or: "Cruel, Inhuman or Degrading"
G["listcomma"] = r",(?={sp}{tw}(?:{sp}{tw}){0,4}+{sp}(?:and|or)(?![\w\-]))"
# a later title word directly before a head word opens the next name, not this one: "Convention on the
# Rights of the Child and the| Kyoto Protocol", "… and its| Optional Protocol"
G["any_treaty_head"] = alternation(_case_forms([w for w in TREATY_HEADS if w not in TITLE_PLURALS]))
# (but a possessive ends this name: "the European Convention on Human Rights'| Protocol No. 6")
G["tw_next"] = r"(?!{tw}(?<!['’]){sp}(?:{any_treaty_head})(?![\w\-])){tw}"
G["titlerun"] = r"{tw}(?:(?:{sp}{inner})*+{sp}{tw_next}|{listcomma}{sp}{tw_next})*+"
G["cont"] = r"(?:{sp}{prep}{sp}(?:{det}{sp})?{titlerun})*+"
# Roman numerals as protocol numbers: "Protocol III", "Protocols I and II"
G["roman"] = r"(?:XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\w\-])"
G["pnum"] = r"(?:\d{1,3}(?![\d,.]\d)(?![\w\-])|{roman})"
G["no"] = r"(?:(?:No|Nos|no|nos|Number|Numbers)\.?[ \t]{0,2}|n°[ \t]{0,2}|\#)"
# "No. 1", "Nos. 1, 4 and 6", "No. 1 and No. 2", "6", "I and II" (at most limits.MAX_PROTOCOL_NUMBERS items)
G["numlist"] = (r"{sp}(?P<no>{no})?(?P<n1>{pnum})"
                r"(?P<more>(?:(?:[ \t]{0,2},[ \t]{0,2}(?:and[ \t]{1,3})?|{sp}(?:and|&){sp})(?:{no})?{pnum})"
                r"{0,MORE}+)")

_V = regex.VERSION1 | regex.VERBOSE
# the head scan runs over the whole text: the standard library's engine is faster for this plain pattern
# (the word boundary before the head is tested on each match: a pattern that begins with a
# look-behind is tried at every position, one that begins with the head's letters is not)
HEAD = re.compile(compose(r"(?P<head>{head})(?![\w\-])", G))
_WORD_CHAR = re.compile(r"[\w\-]")
NEXT_HEAD = regex.compile(compose(r"[ \t]{1,3}(?:{head})(?![\w\-])", G), _V)
CONT = regex.compile(compose(r"{cont}", G), _V)


@functools.lru_cache(maxsize=4)
def numlist(max_numbers: int):
    """The protocol-number list pattern for at most ``max_numbers`` items (``limits.MAX_PROTOCOL_NUMBERS``,
    read at every scan, so that changing the limit takes effect)."""
    return regex.compile(compose(G["numlist"], G).replace("{0,MORE}", "{0,%d}" % max(0, max_numbers - 1)), _V)


NUM_ITEM = regex.compile(compose(r"(?:{no})?(?P<n>{pnum})", G), _V)
# Lower-case continuation, after an organisation qualifier only: "UN Convention on refugees"
_SUBJECT_FIRST = r"(?!(?:" + alternation(w for w, *first in _SUBJECT_STOP_ROWS if first) + r")\b)[a-z][a-z'\-]{2,}"
_SUBJECT_WORD = r"(?!(?:" + alternation(w for w, *_ in _SUBJECT_STOP_ROWS) + r")\b)[a-z][a-z'\-]{2,}"
LOWER_CONT = regex.compile(
    r"(?:[ \t]{1,3})(?:on|for|against)[ \t]{1,3}(?:the[ \t]{1,3})?"                      # " on the"
    + _SUBJECT_FIRST                                                                     # "refugees", "preventing"
    + r"(?:[ \t]{1,3}" + _SUBJECT_WORD + r"){0,2}+"                                      # up to two more words
    # joined by a connector: "preventing *and combating violence against women and domestic violence*"
    + r"(?:[ \t]{1,3}(?:and|or|against|of)[ \t]{1,3}" + _SUBJECT_WORD
    + r"(?:[ \t]{1,3}" + _SUBJECT_WORD + r"){0,2}+){0,3}+"
)
# A quoted law title: Law of Ukraine “With respect to …”
QUOTED_TITLE = regex.compile(r"[ \t]{1,3}[“\"«](?P<q>[A-Z0-9][^”\"»\n]{2,199})[”\"»]")
# Designation tail of a domestic law: "dated July 13, 1999 No. 420-1", "of 8 July 2005", "1998"
LAW_TAIL_NO = regex.compile(r"[ \t]{1,3}No\.?[ \t]{0,2}[\w\-/]{1,20}")
# "(NPT)", "(“CCM”)", "(hereinafter referred to as the Convention)"
ALIAS_DEF = regex.compile(r"""
    [ \t]{0,3}(?:\r?\n[ \t]{0,8})?\([ \t]{0,2}                          # "(" on this line or the next
    (?:(?:hereinafter|hereafter)(?:[ \t]{1,3}referred[ \t]{1,3}to)?(?:[ \t]{1,3}as)?[ \t]{1,3})?
    (?:the[ \t]{1,3})?[\"“']?
    (?!(?:C?ETS|UNTS|No|Nos|Art|Article|ILO|UN)[ .])                    # a series number, an article
    (?P<alias>[A-Z][\w.\-’'\ ]{0,40}?)[\"”']?[ \t]{0,2}\)               # the alias itself
    """, regex.VERBOSE)

# Tokens for the backward scan of pre-modifiers.
PRE_TOKEN = regex.compile(r"""
      (?P<paren>\([^()\n]{1,60}\))                                      # "(Anti-Ballistic Missile)"
    | (?P<word>(?:[A-Z]\.){2,}(?:[\-–][\w.]+)*                          # "U.S.", "U.S.-USSR"
             | [\w][\w'’]*(?:[.\-–][\w'’]+)*\.?)                        # "Non-Proliferation", "Seafarers'"
    | (?P<other>\S)
    """, regex.VERBOSE)

# Body words after a head: the head word is part of an organisation, place or party name.
POSSESSIVE_PREMODS = frozenset(lower_words("instruments/possessive_premods"))
BODY_AFTER = regex.compile(r"[ \t]{1,3}(?:" + alternation(entries("instruments/body_after_head")) + r"|"
                           + alternation(entries("instruments/venue_after_head")) + r")(?![\w\-])")
# "… Pact *won 20 seats*": a name that wins or holds seats is an electoral list or party
SEATS_AFTER = regex.compile(r"[ \t]{1,3}(?:has[ \t]{1,3}|had[ \t]{1,3})?(?:won|wins|lost|loses|gained|gains|took|takes"
                            r"|secured|secures|holds|held)[ \t]{1,3}(?:[\w\-]{1,20}[ \t]{1,3}){0,3}seats(?![\w\-])")
# "… Amendment *to the* Montreal Protocol": what an amendment amends
AMENDS = regex.compile(r"[ \t]{1,3}to[ \t]{1,3}(?:the[ \t]{1,3})?(?:[A-Z]|\d{4}[ \t])")
# a document's title line after an upper-case head: "PROTOCOL on the results of …"
TITLE_LINE = regex.compile(r"[ \t]{1,3}(?:on|between|of|concerning|relating|for|amending|to)[ \t]")

Origin = Literal["grammar", "acronym", "alias", "ner"]


@attrs.frozen(slots=True)
class Candidate:
    """A span that names an instrument, before resolution.

    ``start``/``end`` cover the whole name; ``numbers`` lists the protocol numbers
    with the span of each item (``(number, start, end)``); ``alias`` is an
    acronym or short name the text defines right after the name.  ``origin`` says
    what found it: the grammar (``head`` is then its head word), a stand-alone
    knowledge-base acronym, a defined alias ("… (NPT) … the NPT"), or the NER model.
    """

    start: int
    end: int
    kind: str
    head: str
    title: str
    numbers: tuple[tuple[int, int, int], ...] = ()
    named: bool = False          # a proper name before the head ("Kyoto Protocol")
    alias: Optional[tuple[int, int]] = None
    weak: bool = False           # only an instrument if the knowledge base knows the name ("Elvis convention")
    short: bool = False          # a short form ("the Convention", "the 1987 treaty") that refers back
    origin: Origin = "grammar"
    of_parent: bool = False      # named only by its parent ("optional protocols to the Convention on …"):
    #                              kept only when that parent's name follows it (find_candidates)


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


_CLOSE_BRACKET_GAP = regex.compile(r"\)[ \t]{1,3}")
# small words inside a bracketed part of a law's title: "Safety of Rwanda (Asylum *and* Immigration) Act 2024"
_PAREN_SMALL = frozenset({"and", "of", "the", "for", "on", "&"})


def _pre_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str, Optional[str]]]:
    """The :data:`PRE_TOKEN` tokens of text[lo:hi]: (start, end, text, kind)."""
    return [(m.start() + lo, m.end() + lo, m.group(), m.lastgroup) for m in PRE_TOKEN.finditer(text[lo:hi])]


_TAIL = 48


def _tail_start(text: str, lo: int, hi: int) -> int:
    """A space in the last ``_TAIL`` characters of the window text[lo:hi] that no token of the window
    spans, or ``lo``: the window's tokens from there are the tokens of the tail alone.  Only a bracket
    ("(Anti-Ballistic Missile)", at most 62 characters) spans a space, so none may open in the 61
    characters before it."""
    p = text.find(" ", max(lo, hi - _TAIL), hi)
    if p <= lo or text.find("(", max(lo, p - 61), p) >= 0:
        return lo
    return p


def _premods(text: str, head_start: int, lower_head: bool, floor: int = 0) -> tuple[int, list[str]]:
    """Scan left from the head, not past ``floor`` (the end of the name before it: "the Convention on Human
    Rights and| Additional Protocol No. 1"): return where the name starts and its pre-modifier words."""
    lo = max(0, floor, head_start - 160)
    cut = _tail_start(text, lo, head_start)
    toks = _pre_tokens(text, cut, head_start)      # (the window's last tokens: most names end the scan in them)
    start = head_start
    words: list[str] = []
    lowers = 0
    i = len(toks) - 1
    pos = head_start
    while True:
        if i <= 0 and cut > lo:                      # the scan reads on (or looks one token further):
            full = _pre_tokens(text, lo, head_start)  # the whole window's tokens, which end with these
            i, toks, cut = i + len(full) - len(toks), full, lo
        if i < 0:
            break
        s, e, w, kind = toks[i]
        gap = text[e:pos]
        if gap.strip() or gap.count("\n") > 1 or len(gap) > 8 or (not gap and kind != "paren"):
            # tokens must be separated by plain whitespace (at most one line break)
            if not (kind == "word" and gap == "" and False):
                break
        if kind == "other":
            break
        if kind == "paren":
            inner = w[1:-1].strip()
            if not inner or not all(t[:1].isupper() or t[:1].isdigit() or t in _PAREN_SMALL for t in inner.split()) \
                    or "\n" in gap:
                break   # (a bracket on the line before is a reference, "(POL-2006-L-79967)\nAct of …")
            words.insert(0, w)
            start, pos = s, s
            i -= 1
            continue
        low = w.lower().rstrip(".")
        if (w.endswith(("'s", "’s", "s'")) and not w.endswith("s'") or w.endswith(("'s", "’s"))) \
                and low.replace("’", "'") not in POSSESSIVE_PREMODS:
            break  # possessive: "Russia's" (but "the Women's Convention")
        if w[0].isdigit() or low in MONTH_WORDS:
            break  # a date ("the 1986 …", "the February Louvre accord") is a qualifier, not part of the name
        if w[0].isupper():
            if low in AWARD_WORDS:
                return head_start, None  # "Best Dance Act": an award category, not a name
            if (low in STOP or low in VERBS) and not (
                    w.isupper() and len(w) > 1 and not text[head_start:head_start + 2].isupper()):
                break  # ("US", "IT" in capitals before a mixed-case head are abbreviations, not "us", "it")
            words.insert(0, w)
            start, pos = s, s
            lowers = 0
        elif lower_head and not words or (lower_head and lowers < 2 and all(x[0].islower() for x in words)):
            # lower-case descriptors right before a lower-case head: "Egypt–Israel *peace* treaty"
            if low not in DESCRIPTORS:
                break
            words.insert(0, w)
            start, pos = s, s
            lowers += 1
        elif low in ("and", "of", "&", "for") and words and words[0][0].isupper() and i > 0 \
                and toks[i - 1][2][:1].isupper() and toks[i - 1][2].lower() not in STOP \
                and toks[i - 1][2].lower() not in HEADS:  # "… Act and Texas Deceptive …": two names
            # a connector inside a capitalised name: "Stability *and* Growth Pact", "Council *of* Europe"
            words.insert(0, w)
            start, pos = s, s
        else:
            break
        i -= 1
    # never start with a connector or lower-case word
    while words and (words[0][0].islower() or words[0][:1] == "("):
        if words[0][:1] == "(":
            break
        nxt = text.find(words[1], start + len(words[0])) if len(words) > 1 else head_start
        words.pop(0)
        start = nxt
    return start, words


# "the Convention", "the 1987 Convention", "The treaty", "this Protocol": refer back to a name
# (a head in Title or lower case; "the statute" only refers back to a Statute named before)
SHORT_FORM = regex.compile(
    r"(?<![\w\-])(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)[ \t]{1,3}"
    r"(?P<adj>(?:(?:" + alternation(sorted(entries("instruments/short_form_adjectives"))) + r")[ \t]{1,3}){1,2})?"
    r"(?:(?P<year>1[5-9]\d\d|20\d\d)[ \t]{1,3})?"
    r"(?P<head>" + alternation(_case_forms(SINGULAR_TREATY_HEADS, upper=False, lower=False)
                               + list(SINGULAR_TREATY_HEADS)) + r")"
    r"(?![\w\-])(?![ \t]{1,3}(?:of|on|for|against|between)[ \t]{1,3}[A-Z](?![\w.\-]*['’]s\s))"   # not "the Treaty of Rome"
    # (but "the agreement on Malaysia's behalf")
    r"(?![ \t]{1,3}(?:[A-Z][a-z]+|Organi[sz]ation|Center|Centre))"              # not "the Convention Center"
    r"(?![ \t]{1,3}(?:of[ \t]{1,3}limitations?|books?)(?![\w\-]))")               # not "the statute of limitations"


# "the document", "this international document", "The 10-year document": news's word for the instrument it
# is about; it refers back to the nearest name of any kind (a law as well as a treaty)
DOCUMENT_FORM = regex.compile(
    r"(?<![\w\-])(?:[Tt]he|[Tt]his|[Tt]hat)[ \t]{1,3}"
    r"(?P<adj>(?:international|whole|entire|same|\d{1,3}-year|legal)[ \t]{1,3})?(?P<head>document)(?![\w\-])"
    r"(?![ \t]{1,3}(?:of|on|for|from|by|which|that)(?![\w\-]))")
DOCUMENT_HEAD = "document"


# a short form ("the Convention") is looked for at most this far after a name: it refers back to one,
# and a 20 MB document is not scanned end to end for a name cited once at its start
SHORT_FORM_REACH = 20_000


def _after_names(taken: list[Candidate], n: int) -> list[tuple[int, int]]:
    """The text from each name to ``SHORT_FORM_REACH`` after it, as merged ``(start, end)`` windows."""
    return merge_spans((c.start, min(n, c.end + SHORT_FORM_REACH)) for c in taken)


def find_short_forms(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Short forms outside the names already found (up to ``SHORT_FORM_REACH`` after one); the
    resolver keeps those with an antecedent."""
    starts = [c.start for c in taken]
    out = []
    matches = (m for lo, hi in _after_names(taken, len(text)) for rx in (SHORT_FORM, DOCUMENT_FORM)
               for m in rx.finditer(text, lo, hi, timeout=limits.REGEX_TIMEOUT))
    for m in matches:
        s, e = m.span("head")
        if m.group("adj") or m.groupdict().get("year"):  # "the *controversial 1987 treaty*"
            s = m.start("adj") if m.group("adj") else m.start("year")
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and taken[i].end > s or i + 1 < len(taken) and taken[i + 1].start < e:
            continue
        head = m.group("head")
        kind = "treaty" if head == DOCUMENT_HEAD else HEADS[head.lower()]
        out.append(Candidate(start=s, end=e, kind=kind, head=head, title=text[s:e], short=True))
    return sorted(out, key=lambda c: c.start)


def find_candidates(text: str, gazetteer=None) -> list[Candidate]:
    """Every instrument-like name in ``text`` (before context rules and resolution).  ``gazetteer``
    (a :class:`citex.places.Gazetteer`; the bundled one by default) tells countries and cities
    ("… into UK law", "the U.S. Constitution")."""
    out: list[Candidate] = []
    last_end = -1
    ctx = _scan_context(gazetteer)
    for hm in HEAD.finditer(text):
        hs, he = hm.span()
        if hs < last_end or hs < ctx["skip_to"] or hs and _WORD_CHAR.match(text, hs - 1):
            continue                # inside a name already read or judged (see _body_or_list), or inside a word
        if NEXT_HEAD.match(text, he):
            continue  # "Energy *Charter* Treaty": the name's head is the last one
        if text[hs].islower() and (shared := _distributed(text, hm, max(last_end, 0))):
            out.extend(shared)   # "the Basel, Rotterdam and Stockholm conventions": one name per place
            last_end = he
            continue
        # (a law's name may hold the name it is about: "Law on Ratification of the Istanbul| Convention")
        ctx["floor"] = max(last_end, 0) if out and out[-1].kind != "other" else 0
        bracketed = bool(out) and _CLOSE_BRACKET_GAP.fullmatch(text, out[-1].end, hs) is not None
        if bracketed:
            ctx["floor"] = 0   # "European Union (Withdrawal Agreement) Act 2020": the law's title holds the name
        cand = _candidate(text, hm, ctx)
        if cand is not None and bracketed and cand.kind == "other" and cand.start <= out[-1].start:
            out.pop()
        if cand is not None:
            if out and _law_holds(text, out[-1], cand):
                prev = out[-1]    # "Law on Ratification of the Istanbul| Convention": the law names it whole
                out[-1] = attrs.evolve(prev, end=cand.end, title=_norm_ws(text[prev.start:cand.end]))
            out.append(cand)
            last_end = cand.end
    return _with_parents(text, out)


# a list of proper words sharing one lower-case plural head: "the *Kyoto and Paris* agreements", "the *Basel,
# Rotterdam and Stockholm* conventions" (each word, or two: "Cape Town", names one instrument)
_SHARED_WORD = r"\p{Lu}[\p{Ll}\-]++(?:[ \t]\p{Lu}[\p{Ll}\-]++)?"
_SHARED_LIST = regex.compile(r"(?<![\w\-])(?:the|The|both|its|their)[ \t]{1,3}(?P<list>" + _SHARED_WORD
                             + r"(?:[ \t]{0,2},[ \t]{1,3}" + _SHARED_WORD + r"){0,4}+,?[ \t]{1,3}(?:and|&)[ \t]{1,3}"
                             + _SHARED_WORD + r")[ \t]{1,3}\Z")
_SHARED_ITEM = regex.compile(_SHARED_WORD)
SHARED_REACH = 120


def _distributed(text: str, hm, floor: int) -> list[Candidate]:
    """The names of a list of proper words before a lower-case plural head, each a weak candidate (kept
    when the knowledge base knows "<word> <Head>"): the last one's span runs to the head ("Stockholm
    conventions"), the others' is the word ("Basel")."""
    word = hm.group("head")
    singular = _PLURAL_OF.get(word)
    if singular is None:
        return []
    m = _SHARED_LIST.search(text, max(floor, hm.start() - SHARED_REACH), hm.start())
    if m is None:
        return []
    items = list(_SHARED_ITEM.finditer(text, m.start("list"), m.end("list")))
    kind = HEADS[singular]
    out = []
    for k, it in enumerate(items):
        end = hm.end() if k == len(items) - 1 else it.end()
        # (accords are named in the plural: "the Oslo Accords", "the Dayton Accords")
        head = word.capitalize() if word == "accords" else singular.capitalize()
        out.append(Candidate(start=it.start(), end=end, kind=kind, head=word, title=f"{it.group()} {head}",
                             named=True, weak=True))
    return out


_PLURAL_OF = {"conventions": "convention", "agreements": "agreement", "protocols": "protocol", "treaties": "treaty",
              "accords": "accord", "pacts": "pact"}


def _scan_context(gazetteer) -> dict:
    """What one scan of :func:`find_candidates` carries from head to head: the end of a rejected byline
    ("law_to"), of a name judged a body ("skip_to"), the end of the last name ("floor"), the gazetteer."""
    return {"law_to": -1, "gazetteer": gazetteer, "skip_to": -1, "floor": 0}


def _with_parents(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop a protocol named only by its parent when no name begins right after its "to (the)"."""
    if not any(c.of_parent for c in cands):
        return cands
    out = []
    for i, c in enumerate(cands):
        if c.of_parent:
            m = OF_PARENT.match(text, c.end)
            if i + 1 >= len(cands) or cands[i + 1].start != m.end():
                continue
        out.append(c)
    return out


LAW_HEADS = lower_words("instruments/domestic_heads")


def _law_holds(text: str, law: Candidate, inner: Candidate) -> bool:
    """A law named by its subject stops where the instrument it is about begins its head ("Law on
    Ratification of the Istanbul" + "Istanbul Convention"): the law's name runs to that name's end."""
    if law.kind != "other" or law.head.lower() not in LAW_HEADS or inner.kind == "other" or inner.short:
        return False
    if law.start < inner.start < law.end < inner.end:
        return True
    # "Law on the Ratification| of the |Convention on Cluster Munitions": the law's subject is that act
    return LAW_OF_INNER.fullmatch(text, law.end, inner.start) is not None and LAW_ACT_END.search(law.title) is not None


LAW_OF_INNER = regex.compile(r"[ \t]{1,3}(?:of|to)[ \t]{1,3}(?:the[ \t]{1,3})?")
LAW_ACT_END = regex.compile(r"(?i:ratification|ratifying|accession|acceding|denunciation|denouncing|withdrawal"
                            r"|termination|terminating|suspension|suspending|implementation|implementing"
                            r"|approval|approving|signing|signature)\Z")


# A "Law" rejected as a byline ("Law of the Russian Federation") makes every later "Law" inside its
# continuation a byline too, unless "on/for/against …" follows it: the continuation read from the later
# head ends at or before the first one's end, and a designation can only follow where both reads end.
# Skipping those heads keeps "Law of Law of …" (100,000 heads) linear instead of quadratic.
SKIP_BYLINE_LAWS = True


@attrs.frozen(slots=True)
class Head:
    """The head word a name is built around, and what its form says."""

    word: str
    start: int
    end: int
    low: str
    kind: str
    lower: bool        # "treaty"
    upper: bool        # "TREATY"
    plural: bool       # "treaties", "Conventions" (not "Accords": the Camp David Accords are one)

    @classmethod
    def of(cls, hm) -> "Head":
        word = hm.group("head")
        low = word.lower()
        return cls(word=word, start=hm.start(), end=hm.end(), low=low, kind=HEADS[low], lower=word.islower(),
                   upper=word.isupper() and len(word) > 1,
                   plural=low.endswith("s") and low not in ("accords",) or low == "treaties")


@attrs.frozen(slots=True)
class Name:
    """A name being read around its head: where it starts and ends, its pre-modifier words, its
    protocol numbers, and whether a continuation follows the head ("Convention *on …*")."""

    head: Head
    start: int
    end: int
    pre: tuple[str, ...]
    numbers: tuple[tuple[int, int, int], ...] = ()
    has_cont: bool = False

    @property
    def pre_low(self) -> list[str]:
        return [w.lower() for w in self.pre]

    @property
    def descriptive(self) -> bool:
        """Only descriptive words before the head ("Second Optional Protocol"): not a proper name."""
        return all(w.lower().strip(".") in PROTOCOL_DESCRIPTORS for w in self.pre)


def _candidate(text: str, hm, ctx: Optional[dict] = None) -> Optional[Candidate]:
    """The name around one head word, or None: pre-modifiers, protocol numbers, continuation, guards."""
    h = Head.of(hm)
    ctx = ctx if ctx is not None else _scan_context(None)
    if h.lower and h.low in CAPITAL_ONLY_HEADS and not (h.low == "constitution" and QUALIFIED.search(text, max(0, h.start - 24), h.start)):
        return None   # ("the EU constitution": a weak name the knowledge base may know, see _union_constitution)
    if _inside_byline(text, h, ctx):
        return None  # inside a byline "Law of …" just rejected: a byline too (see SKIP_BYLINE_LAWS)
    start, pre = _premods(text, h.start, h.lower, ctx.get("floor", 0))
    if pre is None:
        return None
    start, pre = _after_descriptions(text, start, pre, h.start)
    start, pre = _lower_ordinal(text, start, pre, h)
    if h.low == "constitution" and not h.lower and not pre and (ym := YEAR_BEFORE.search(text, max(0, h.start - 8), h.start)):
        start, pre = ym.start(), [ym.group(1)]   # "the 2009 Constitution": a constitution named by its year
    name = _protocol_numbers(text, Name(head=h, start=start, end=h.end, pre=tuple(pre)))
    name = _continuation(text, name, ctx)
    if name is None:
        return None
    if text[name.end - 1] in "'’" and (name.has_cont or text[name.end - 2] != "s"):
        # "… on Human Rights|' Protocol No. 6": a possessive; "‘Treaty of Friendship|’": a closing quote
        name = attrs.evolve(name, end=name.end - 1)
    of_parent = False
    if _rejected(text, name, ctx.get("gazetteer")):
        of_parent = _of_parent(text, name)
        if not of_parent:
            if name.has_cont and _body_or_list(text, name):
                # every head inside the continuation ends at the same word: the same judgement (and
                # "Constitution of the Party the Constitution of …" is read once, not once per head)
                ctx["skip_to"] = name.end
            return None
        name = attrs.evolve(name, start=_lower_descriptor_start(text, name.start))
    title = _norm_ws(text[name.start:name.end])
    if title.lower() in NEGATIVE_NAMES:
        return None
    weak = not of_parent and (_is_weak(text, name, ctx.get("gazetteer")) or _headline_description(text, name, ctx))
    return Candidate(start=name.start, end=name.end, kind=h.kind, head=h.word, title=title,
                     numbers=name.numbers, named=bool(pre) and not name.descriptive,
                     alias=alias_after(text, name.end), weak=weak, of_parent=of_parent)


def _headline_description(text: str, name: Name, ctx: dict) -> bool:
    """A Title Case headline capitalises descriptions: "NATO Allies Freeze *Cold War Arms Treaty*", "Ukraine
    Moves To Exit *Landmine Treaty*"; a name there without a continuation is one the knowledge base must
    know (the body names the instrument again)."""
    if name.has_cont or name.numbers or text[name.start:name.end].isupper():
        return False
    if ctx.get("lines") is None:
        ctx["lines"] = LineFlags(text)
    return ctx["lines"].headline(name.start)


# "… protocols *to the* Convention …": what a protocol not named on its own supplements
OF_PARENT = regex.compile(r"[ \t]{1,3}to[ \t]{1,3}(?:the[ \t]{1,3})?(?=[A-Z])")
# "the *optional* protocol to …": a lower-case descriptor before a lower-case protocol head
LOWER_DESCRIPTOR = regex.compile(r"(?<![\w\-])(?:" + alternation(sorted(DESCRIPTOR_WORDS))
                                 + r")[ \t]{1,3}\Z")


def _of_parent(text: str, name: Name) -> bool:
    """A protocol named by its parent only ("two optional protocols to the U.N. Convention on the Rights
    of the Child", "Protocols to Convention on …" in a headline): no name or number of its own, and
    "to (the)" and a capital after the head.  (find_candidates keeps it only if a name begins there.)"""
    h = name.head
    return h.kind == "protocol" and not name.numbers and not name.has_cont and name.descriptive \
        and OF_PARENT.match(text, name.end) is not None


def _lower_descriptor_start(text: str, start: int) -> int:
    m = LOWER_DESCRIPTOR.search(text[max(0, start - 16):start])
    return start - len(m.group()) if m else start


LOWER_ORDINAL = regex.compile(r"(?<![\w\-])(?P<w>" + alternation(ORDINALS) + r")[ \t]{1,3}\Z")


def _lower_ordinal(text: str, start: int, pre: list[str], h: Head) -> tuple[int, list[str]]:
    """A lower-case ordinal before a protocol's descriptor numbers it: "the *first* Optional Protocol",
    "the second Additional Protocol" (as "Second Optional Protocol" does)."""
    if h.kind != "protocol" or h.lower or not pre or pre[0].lower() not in PROTOCOL_DESCRIPTORS \
            or pre[0].lower() in ORDINALS:
        return start, pre
    m = LOWER_ORDINAL.search(text[max(0, start - 12):start])
    if m is None:
        return start, pre
    return start - len(m.group()), [m.group("w"), *pre]


def _after_descriptions(text: str, start: int, pre: list[str], head_start: int) -> tuple[int, list[str]]:
    """The name starts after its last describing compound ("the Cold War-era| treaty", "a US-friendly|
    treaty", "the Moscow-backed| Minsk Accord")."""
    k = next((i for i in range(len(pre) - 1, -1, -1) if pre[i].lower().endswith(DESCRIPTIVE_SUFFIXES)), None)
    if k is None:
        return start, pre
    pos = start
    for w in pre[:k + 1]:
        pos = text.find(w, pos) + len(w)
    rest = pre[k + 1:]
    return (text.find(rest[0], pos) if rest else head_start), rest


def _inside_byline(text: str, h: Head, ctx: dict) -> bool:
    return h.low == "law" and h.start < ctx["law_to"] and SKIP_BYLINE_LAWS \
        and not LAW_SUBJECT.match(text, h.end) and not LOWER_CONT.match(text, h.end)


def _protocol_numbers(text: str, name: Name) -> Name:
    """A protocol's numbers: "Protocols No. 1 and No. 2", "Protocol III", or its ordinal ("Second
    Optional Protocol"); only when the words before the head are descriptive."""
    h = name.head
    if h.kind != "protocol" or not name.descriptive:
        return name
    numbers: list[tuple[int, int, int]] = []
    end = name.end
    ordinal = next((ORDINALS[w] for w in name.pre_low if w in ORDINALS), None)
    nm = numlist(limits.MAX_PROTOCOL_NUMBERS).match(text, h.end)
    if nm and (nm.group("no") or nm.group("more") or not text[nm.end():nm.end() + 1].isalnum()):
        numbers.append((_pnum(nm.group("n1")), name.start, nm.end("n1")))
        more_start = nm.start("more")
        for im in NUM_ITEM.finditer(nm.group("more") or ""):
            s = more_start + im.start()
            numbers.append((_pnum(im.group("n")), s, more_start + im.end()))
        end = nm.end()
    elif ordinal:
        numbers.append((ordinal, name.start, h.end))
    return attrs.evolve(name, end=end, numbers=tuple(numbers))


def _continuation(text: str, name: Name, ctx: dict) -> Optional[Name]:
    """The title after the head (one name only, not after a protocol list): "Convention *on Cybercrime*",
    "UN Convention *on refugees*", a domestic law's designation, a document's title line.  None: a
    "Law of …" that is a byline, not a name."""
    if len(name.numbers) > 1 or name.head.low == "amendment":
        return name  # (an amendment is named before its head: "Kigali Amendment", not "Amendment of …")
    h, end = name.head, name.end
    title_end, from_cont = _title_continuation(text, name, ctx.get("gazetteer"))
    if h.kind == "other":
        cont_end = title_end
        title_end = _law_tail(text, title_end, h.word)
        if h.low == "law" and title_end == cont_end and not LAW_SUBJECT.match(text, end):
            if from_cont:
                ctx["law_to"] = cont_end
            return None  # "Law of the Russian Federation" without a designation is a byline, not a name
        if h.low == "decree" and title_end == cont_end:
            return None  # "a Decree on …" without its date or number names no decree
    elif h.upper and not name.pre and title_end == end:
        title_end = _title_line(text, name)
    if title_end == end and not name.has_cont:
        return name                 # nothing follows the head: the same name (most heads; evolve is slow)
    return attrs.evolve(name, end=title_end, has_cont=title_end > end)


def _title_continuation(text: str, name: Name, gazetteer) -> tuple[int, bool]:
    """Where a capitalised continuation ends ("… *on the Law of Treaties*", not "… in Strasbourg"), or
    after an organisation qualifier a lower-case one ("UN Convention *on refugees*"); and whether a
    capitalised continuation was found."""
    end = name.end
    title_end = end
    if not name.head.lower:
        cm = CONT.match(text, end, timeout=limits.REGEX_TIMEOUT)
        if cm and cm.end() > end:
            title_end = _cut_place_tail(text, end, cm.end(), gazetteer)
            if _BEHALF.match(text, title_end):  # "… the agreement *on Malaysia's behalf*" is no title
                bm = _ON_TAIL.search(text, end, title_end)
                title_end = bm.start() if bm else title_end
    from_cont = title_end > end
    if title_end == end:
        pre_low = name.pre_low
        qual = " ".join(pre_low)
        if qual in ORG_QUALIFIERS or (pre_low and pre_low[-1] in ORG_QUALIFIERS) or \
                any(q in qual for q in ("united nations", "council of europe")):
            lm = LOWER_CONT.match(text, end)  # "UN Convention on refugees"
            if lm:
                title_end = lm.end()
    return title_end, from_cont


def _title_line(text: str, name: Name) -> int:
    """A document's title line: "PROTOCOL on the results of … Group (Minsk, …)" runs to the end of the
    line or an opening parenthesis (at most 200 characters)."""
    end = name.end
    if not TITLE_LINE.match(text, end) or not (name.start == 0 or _line_start_before(text, name.start)):
        return end
    eol = text.find("\n", end)
    eol = len(text) if eol < 0 else eol
    par = text.find("(", end, eol)
    stop = par if par >= 0 else eol
    if stop - end <= 200:
        return end + len(text[end:stop].rstrip())
    return end


# "Treaty *of Waitangi Tribunal*": "of", a name without "the", and a body word ending it (organisations
# named after an instrument; "Constitution of the World Health Organization" keeps its "the")
QUALIFIER_WORDS = entries("instruments/title_qualifiers")
_NAMED_BODIES = sorted(set(entries("instruments/body_after_head"))
                       - {"States", "Member", "Members", "Force", "Forces", "Union", "Alliance", "Organisation",
                          "Organisations", "Organization", "Organizations", "TV", "Television"})
# (one proper word, not a title's qualifier: "Statute of International Criminal Court" is the Rome Statute)
OF_NAME_BODY = regex.compile(r"[ \t]{1,3}of[ \t]{1,3}(?!the[ \t])(?!(?:" + alternation(sorted(QUALIFIER_WORDS))
                             + r")[ \t])\p{Lu}[\w'’.\-]*[ \t]{1,3}(?:" + alternation(_NAMED_BODIES) + r")")


def _rejected(text: str, name: Name, gazetteer) -> bool:
    """The guards: a short form, a generic lower-case phrase, an organisation or a meeting, a bare
    domestic word."""
    h, pre, pre_low, has_cont = name.head, name.pre, name.pre_low, name.has_cont
    if not name.numbers and not has_cont and not pre:
        return True  # "the Convention", "Treaty": a short form, not a name
    if h.lower and not any(_proper(w) for w in pre) and not _union_constitution(name, gazetteer):
        return True  # "free trade agreements", "a treaty of the Council of Europe", "the semiconductor pact"
    #                  (a plural after a proper word is weak: "the Minsk agreements" if the knowledge base knows it)
    if BODY_AFTER.match(text, name.end) and not name.numbers:
        return True  # "North Atlantic Treaty Organisation", "Convention Center", "Convention People's Party"
    if _body_or_list(text, name):
        return True  # "the Constitution of the Labour Party", "the Treaty of Waitangi Tribunal", "… won 20 seats"
    if h.kind == "convention" and not has_cont and pre_low and not _labour_convention(pre_low) and (
            pre_low[-1] in EVENT_PREMODS or pre_low[-1].endswith(("ers", "ists", "ians"))
            and not pre_low[-1].endswith("powers")):
        return True  # "Democratic National Convention", "Texas Haunters Convention"
    if h.low in ORDINARY_HEADS and ordinary_premods(pre_low):
        return True  # "City Charter", "Merger Agreement", "Coalition Agreement", "Honda Accord", "Tory-Liberal pact"
    if h.lower and not has_cont and len(pre) == 1 and h.low in _ONE_OF_MANY_HEADS and "-" not in pre[0] \
            and INDEFINITE_BEFORE.search(text, max(0, name.start - 16), name.start) and _gazetteer(gazetteer).lookup(pre[0]):
        return True  # "Renault and Nissan reached a Paris accord", "signed a Geneva agreement": one deal among others
    if h.lower and h.low == "convention" and not has_cont and _MEETING_OF.match(text, name.end):
        return True  # "the Chicago convention of the Democratic Party", "the Montreal convention of dentists"
    if h.kind == "other" and not has_cont and h.low in ("law", "constitution", "directive") and not (
            h.low == "constitution" and not h.lower and pre and (_country_word(pre[-1], gazetteer)
                                                                 or pre[-1].isdigit())) \
            and not _union_constitution(name, gazetteer):
        return True  # a bare "Federal Law", "the Constitution" (but "the U.S. Constitution" is a name)
    if h.kind == "other" and h.low in ("act", "amendment", "code") and not pre and not has_cont:
        return True  # "the Act", "an Amendment to the Treaty" (no name)
    if h.low == "act" and not has_cont and len(pre_low) == 1 and pre_low[0] in STAGE_ACTS and not pre[0].isupper():
        return True  # "Sister Act", "a Class Act": a performance (but "the CLASS Act" is a law's acronym)
    return False


def ordinary_premods(pre_low: list[str]) -> bool:
    """The words before an agreement, pact, accord or charter give it an ordinary sense
    (data/vocab/instruments/ordinary_premods.txt): the last word ("Merger Agreement", "the Owners'
    Charter": a plural possessive is a members' or customers' charter, a party's pact), a part of a
    hyphenated last word ("the Labour-SNP pact"), or the last two or three words together ("Joint
    Venture Agreement", "Home Rule Charter", "Confidence and Supply Agreement")."""
    if not pre_low:
        return False
    last = pre_low[-1]
    if last.endswith(("s'", "s’")) or last.strip(".") in ORDINARY_PREMODS:
        return True
    if ("-" in last or "–" in last) and any(p in ORDINARY_PREMODS for p in regex.split(r"[\-–]", last) if p):
        return True
    return " ".join(pre_low[-2:]) in ORDINARY_PREMODS or " ".join(pre_low[-3:]) in ORDINARY_PREMODS


def _body_or_list(text: str, name: "Name") -> bool:
    """A name that wins or holds seats is an electoral list or party ("the Progressive Pact won 20
    seats"); a continuation that ends with a party, club or company names that body's own rules ("the
    Constitution of the Labour Party", "the Charter of the Company"), and so does "of", one proper word
    and a body word ("the Treaty of Waitangi Tribunal")."""
    if SEATS_AFTER.match(text, name.end):
        return True
    if name.has_cont and OF_NAME_BODY.fullmatch(text, name.head.end, name.end):
        return True   # "the Treaty of Waitangi Tribunal": a body named after the instrument
    return name.has_cont and text[max(name.head.end, name.end - 40):name.end].rsplit(None, 1)[-1].lower() in PRIVATE_BODIES


# a capitalised word right before a lower-case head ("the EU| constitution")
QUALIFIED = regex.compile(r"(?<![\w\-])[A-Z][\w.\-]{1,20}[ \t]\Z")


def _union_constitution(name: Name, gazetteer=None) -> bool:
    """ "the EU constitution", "the European Constitution": a constitution named by a proper word that
    is no country, which only the knowledge base can confirm (a weak name: "Apple Constitution" is none)."""
    return (name.head.low == "constitution" and bool(name.pre) and name.pre[-1][:1].isupper()
            and not _country_word(name.pre[-1], gazetteer) and not name.pre[-1].isdigit())


def _is_weak(text: str, name: Name, gazetteer=None) -> bool:
    """Names the knowledge base must confirm: lower-case "convention", "protocol", "charter" … ("Elvis
    convention", "ISDN protocol", "the WRU charter"), a lower-case plural ("the Minsk agreements" vs "EU
    trade agreements"), upper-case headline words ("CHIP PACT"), a
    named protocol without continuation ("Apple File Protocol" vs "Kyoto Protocol"), and an
    amendment that amends nothing named ("Second Amendment freedom" vs "Kigali Amendment to the …")."""
    h, has_cont = name.head, name.has_cont
    named = bool(name.pre) and not name.descriptive
    return (h.lower and h.low in WEAK_LOWER_HEADS and not has_cont and " ".join(name.pre_low) not in ORG_QUALIFIERS) \
        or (h.upper and not has_cont) \
        or (h.lower and h.plural) \
        or (not has_cont and _union_constitution(name)) \
        or (h.low in ("protocol", "protocols") and named and not has_cont and not name.numbers) \
        or (h.low == "amendment" and not AMENDS.match(text, name.end)) \
        or (h.low == "code" and not _code_of_law(text, name)) \
        or (h.lower and not has_cont and _partners_only(name.pre_low)) \
        or (h.lower and not has_cont and _states_only(name.pre)) \
        or (not has_cont and _ordinary_name(text, name, gazetteer)) \
        or (h.kind == "convention" and not has_cont and _labour_convention(name.pre_low))


def _labour_convention(pre_low) -> bool:
    """"the Domestic Workers Convention", "the Migrant Workers Convention": an ILO convention's name, or a
    union's meeting ("the Teamsters Convention"): weak, kept when the knowledge base knows it."""
    return len(pre_low) >= 2 and pre_low[-1] in ("workers", "workers'")


# an indefinite article right before a name (a new word may come between): "an| SMC agreement"
# lower-case heads that "a <City> …" makes one of many: a deal, a meeting
_ONE_OF_MANY_HEADS = frozenset({"agreement", "accord", "pact", "convention", "treaty", "deal"})
# a meeting's members or organiser after a lower-case "convention": "of the Democratic Party", "of dentists"
_MEETING_OF = regex.compile(r"[ \t]{1,3}(?:of|for)[ \t]{1,3}(?:(?:the[ \t]{1,3})?(?:\p{Lu}[\w'’\-]*+[ \t]{1,3}){0,4}"
                            r"(?:Party|Association|Society|Federation|Union|Congress|Club|League|Institute|Academy|Council|"
                            r"Chamber|Guild|Movement|Alliance|Order|Fraternity|Church)(?![\w\-])"
                            r"|(?:\p{Ll}[\p{Ll}\-]*+[ \t]{1,3}){0,2}\p{Ll}{2,}(?:ers|ists|ians|ants|ents|ors|ies|men|women)(?![\w\-]))")
INDEFINITE_BEFORE = regex.compile(r"(?<![\w\-])(?:[Aa]n?|[Aa]nother)[ \t]{1,3}(?:new[ \t]{1,3})?\Z")
DEAL_HEADS = frozenset({"agreement", "agreements", "pact", "pacts", "accord", "accords"})


def _ordinary_name(text: str, name: Name, gazetteer=None) -> bool:
    """Names without continuation whose words give the head word an ordinary sense more often than
    not, so that only the knowledge base can confirm them (weak):

    * after an indefinite article, a lower-case agreement, pact or accord named by one word that is no
      place, union of states, subject word, pair or designation: one deal among others, a company's,
      union's or club's ("an SMC agreement with its creditors", "a Pfizer agreement");
    * a capitalised agreement, pact or accord named by one state alone ("A U.K. Agreement with the
      SEC", wire copy capitalising the word after an abbreviation): a description;
    * a charter named by a city alone ("the Baltimore Charter"): the city's own charter;
    * an organisation's "Statutes" ("the FIFA Statutes", "the UEFA Statutes")."""
    h, pre = name.head, name.pre
    capital = [w for w in pre if w[:1].isupper()]
    if h.low in DEAL_HEADS and h.lower and len(capital) == 1:
        word = capital[0]
        if any(ch.isdigit() or ch in "-–/" for ch in word) or word.lower() in DESCRIPTORS or word in SUPRANATIONAL \
                or _gazetteer(gazetteer).lookup(word):
            return False   # "the PL-480 agreement", "an East-West accord", "the Brexit agreement", "the Paris accord"
        # (after "the" the word may be a place the gazetteer lacks, "the Escazu agreement", or an
        # acronym, "the NAFTA agreement": only "a"/"an" says that it is one deal among others)
        return INDEFINITE_BEFORE.search(text, max(0, name.start - 16), name.start) is not None
    if h.low in DEAL_HEADS and not h.lower and len(pre) == 1:
        return _country_word(pre[0], gazetteer)   # (a pair of states names a real bilateral agreement)
    if h.low == "charter" and not h.lower and len(pre) == 1:
        entry = _gazetteer(gazetteer).lookup(pre[0])
        return entry is not None and entry.kind == "city"
    return h.low == "statutes" and not h.lower and bool(pre)


def _states_only(pre: tuple) -> bool:
    """Before a lower-case head, only the states that made it and ordinary words ("the Turkish-Libyan
    maritime border agreement", "the U.S.-Japanese semiconductor pact"): a description, which only the
    knowledge base can confirm as a name."""
    capital = [w for w in pre if w[:1].isupper()]
    return len(capital) == 1 and _state_pair(capital[0])


def _state_pair(word: str) -> bool:
    parts = [p for p in regex.split(r"[\-–]", word.rstrip(".")) if p]
    return len(parts) >= 2 and all(p in DEMONYMS or _country_word(p) or _country_word(p + ".") for p in parts)


def _partners_only(pre_low: list[str]) -> bool:
    """The words before a lower-case head end with an organisation whose agreement this is ("the IMF
    agreement", "a U.S. Air Force pact"), with at most a country word before it."""
    joined = " ".join(w.strip(".") for w in pre_low)
    return any(joined == p or joined.endswith(" " + p) and joined.count(" ") - p.count(" ") <= 1
               for p in AGREEMENT_PARTNERS)


def _code_of_law(text: str, name: "Name") -> bool:
    """A "Code" that a word of its name says is a body of law ("Penal Code", "Union Customs Code",
    "Code of Criminal Procedure"); others ("Da Vinci Code", "Morse Code") need the knowledge base."""
    words = name.pre_low + text[name.head.end:name.end].lower().split()
    return any(w.strip(".,'’") in CODE_SUBJECTS for w in words)


def alias_after(text: str, end: int) -> Optional[tuple[int, int]]:
    """The span of an alias defined right after the name (a date may come between): "(NPT)"."""
    dq = DATE_QUALIFIER.match(text, end)
    am = ALIAS_DEF.match(text, dq.end() if dq else end)
    return am.span("alias") if am else None


def _line_start_before(text: str, pos: int) -> bool:
    """``text[:pos].rstrip(" \t").endswith("\n")`` without copying the text before ``pos``."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] == "\n"


def _proper(word: str) -> bool:
    """A capitalised word that names something (not a demonym-like adjective: "the Argentine agreement")."""
    if not word[:1].isupper() or word in DEMONYMS:
        return False
    if word.isupper() or "." in word or "-" in word or "–" in word:
        return True
    return not word.lower().endswith(("ian", "ese", "ish", "ean", "can", "sian", "eli", "aqi", "ani"))


# "… Human Rights *into UK*", "… Cybercrime *in Strasbourg*": where the act happened, not the title
PLACE_TAIL = regex.compile(r"[ \t]{1,3}(?:in|into|at)[ \t]{1,3}(?:the[ \t]{1,3})?(?P<p>[A-Z][\w.'’\-]*+(?:[ \t][A-Z][\w.'’\-]*+){0,2})\Z")


def _gazetteer(gazetteer):
    if gazetteer is not None:
        return gazetteer
    from citex.places.gazetteer import Gazetteer
    return Gazetteer.load()


_BEHALF = regex.compile(r"['’]s?\s{1,3}behalf(?![\w\-])")
_ON_TAIL = regex.compile(r"[ \t]{1,3}on[ \t]{1,3}(?:the[ \t]{1,3})?[^ \t]+(?:[ \t]{1,3}[^ \t]+){0,3}\Z")


def _cut_place_tail(text: str, start: int, end: int, gazetteer=None) -> int:
    """End a title continuation before a closing "in/into/at <country or city>": titles end in a
    region ("… in Europe", "… in Central Asia"), hardly ever in a country or a city."""
    lo = max(start, end - 80)
    m = PLACE_TAIL.search(text, lo, end)
    if m is None:
        return end
    entry = _gazetteer(gazetteer).lookup(m.group("p"))
    if entry is not None and entry.kind in ("country", "city", "admin") and m.start() > start:
        return m.start()
    return end


def _country_word(word: str, gazetteer=None) -> bool:
    """A country's name or abbreviation ("U.S.", "Kenya", "Russia's"), from the place gazetteer."""
    gaz = _gazetteer(gazetteer)
    w = word[:-2] if word.endswith(("'s", "’s")) else word
    entry = gaz.lookup(w) or (gaz.lookup(w.rstrip(".")) if w.endswith(".") else None)
    # the ambiguity flag is about the word in lower or title case ("us"), not an abbreviation
    return entry is not None and entry.kind == "country" and (not entry.ambiguous or w.isupper())


def _pnum(token: str) -> int:
    return int(token) if token.isdigit() else ROMAN[token]


def _law_tail(text: str, end: int, head: str) -> int:
    """Extend a domestic law's name over its designation: quoted title, date, number."""
    qm = QUOTED_TITLE.match(text, end)
    if qm:
        return qm.end()
    m = LAW_DESIGNATION.match(text, end)
    if m:
        end = m.end()
    nm = LAW_TAIL_NO.match(text, end)   # "… dated July 13, 1999 No. 420-1", "… Property No.50/2005"
    if nm and (m or any(ch.isdigit() for ch in nm.group())):
        end = nm.end()
        if m is None and (m := LAW_DESIGNATION.match(text, end)):   # "No. 101-FZ dated July 15, 1995"
            end = m.end()
    if m is not None and (om := LAW_ON_AFTER.match(text, end)):
        cm = CONT.match(text, om.end(), timeout=limits.REGEX_TIMEOUT)   # "…, On International Treaties …"
        if cm and cm.end() > om.end():
            end = cm.end()
    return end


# the year right before a capitalised "Constitution": "the 2009 Constitution"
YEAR_BEFORE = regex.compile(r"(?<![\w\-.,/])(1[5-9]\d\d|20\d\d)[ \t]{1,2}\Z")
# after a designation, the law's title: "Federal Law No. 101-FZ dated July 15, 1995*, On* International …"
LAW_ON_AFTER = regex.compile(r",?+(?=[ \t]{1,3}On[ \t])")
# "Federal Law *On* the Termination …", "Law *on* Special Status": a law named by its subject
LAW_SUBJECT = regex.compile(r"[ \t]{1,3}(?:On|on|Concerning|concerning|Regarding|regarding)[ \t]")
LAW_DESIGNATION = regex.compile(compose(
    r"(?:[ \t]{1,3}(?:of|dated|from)[ \t]{1,3}"
    r"(?:(?:{day})(?:st|nd|rd|th)?[ \t]{1,3}{month}[ \t]{1,3}{year}|{month}[ \t]{1,3}(?:{day}),?[ \t]{1,3}{year}|{year})"
    r"|[ \t]{1,3}{year})", G), regex.VERSION1)


#: Examples the tests run: (text, [names that must be found, whole]).
EXAMPLES: list[tuple[str, list[str]]] = [
    # a law's title with a bracketed part holds it whole (and the name inside the brackets is no name of its own)
    ("Parliament passed the Safety of Rwanda (Asylum and Immigration) Act 2024 in April.",
     ["Safety of Rwanda (Asylum and Immigration) Act 2024"]),
    ("The European Union (Withdrawal Agreement) Act 2020 became law.", ["European Union (Withdrawal Agreement) Act 2020"]),
    # "to" and a verb of the title continue it; "to the …" names a parent
    ("The U.N. Convention to Combat Desertification was adopted in Paris.", ["U.N. Convention to Combat Desertification"]),
    ("They adopted the Protocol to Prevent, Suppress and Punish Trafficking in Persons in 2000.",
     ["Protocol to Prevent, Suppress and Punish Trafficking in Persons"]),
    ("To denounce the European Convention for the Prevention of Torture and Inhuman or Degrading Treatment "
     "or Punishment of 26 November 1987 and",
     ["European Convention for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment"]),
    ("to denounce the Convention for the Protection of Human Rights and Fundamental Freedoms.",
     ["Convention for the Protection of Human Rights and Fundamental Freedoms"]),
    ("parties to the Treaty on the Non-Proliferation of Nuclear Weapons (NPT), to which",
     ["Treaty on the Non-Proliferation of Nuclear Weapons"]),
    ("the International Covenant on Civil and Political Rights and", ["International Covenant on Civil and Political Rights"]),
    ("Sweden joined the Paris Agreement.", ["Paris Agreement"]),
    ("ratified the Istanbul Convention", ["Istanbul Convention"]),
    ("under the Kyoto Protocol on emissions", ["Kyoto Protocol"]),
    ("withdrew from the Rome Statute, the", ["Rome Statute"]),
    ("the Chemical Weapons Convention bans", ["Chemical Weapons Convention"]),
    ("the Open Skies Treaty", ["Open Skies Treaty"]),
    ("contrary to the 1994 Energy Charter Treaty, which", ["Energy Charter Treaty"]),
    ("quit the INF treaty", ["INF treaty"]),
    ("the Protocol No. 14 entered", ["Protocol No. 14"]),
    ("Protocols No. 1 and No. 2 thereto", ["Protocol No. 1", "Protocol No. 2"]),
    ("Protocols Nos. 1, 4 and 6", ["Protocol No. 1", "Protocol No. 4", "Protocol No. 6"]),
    ("the Optional Protocol to the Convention", ["Optional Protocol"]),
    ("Additional Protocol I to", ["Additional Protocol I"]),
    ("the Second Optional Protocol to the ICCPR", ["Second Optional Protocol"]),
    ("Canada signed the first Optional Protocol to the ICCPR", ["first Optional Protocol"]),
    ("ratified the Convention on the Rights of the Child and the Kyoto Protocol",
     ["Convention on the Rights of the Child", "Kyoto Protocol"]),
    ("signed the Convention on Biological Diversity and its Cartagena Protocol on Biosafety",
     ["Convention on Biological Diversity", "Cartagena Protocol on Biosafety"]),
    ("the Treaty of Rome and the Maastricht Treaty", ["Treaty of Rome", "Maastricht Treaty"]),
    ("The ‘Treaty of Friendship’ was signed in 1950.", ["Treaty of Friendship"]),
    ("The Treaty of Waitangi Tribunal ruled.", []),
    ("Spectrum's Terms of Service Agreement changed.", []),
    ("The Council of Europe Convention on preventing and combating violence against women and domestic violence "
     "entered into force in 2014.",
     ["Council of Europe Convention on preventing and combating violence against women and domestic violence"]),
    ("abolished by Protocol 6 to the", ["Protocol No. 6"]),
    ("the Treaty of Amsterdam seven years ago", ["Treaty of Amsterdam"]),
    ("the Vienna Convention on the Law of Treaties of 1969", ["Vienna Convention on the Law of Treaties"]),
    ("Rome Statute of the International Criminal Court\nRome, 17 July 1998", ["Rome Statute of the International Criminal Court"]),
    ("the Statute of the Council of Europe (which", ["Statute of the Council of Europe"]),
    ("the General Agreement on Tariffs\nand Trade (GATT)", ["General Agreement on Tariffs\nand Trade"]),
    ("the UN Convention on Seafarers' Identity Documents of June 2003", ["UN Convention on Seafarers' Identity Documents"]),
    ("the 1951 United Nations Convention on refugees, which", ["United Nations Convention on refugees"]),
    ("the Treaty establishing a Constitution for the European Union?", ["Treaty establishing a Constitution for the European Union"]),
    ("incorporated the European Convention on Human Rights into UK law", ["European Convention on Human Rights"]),
    ("signed the Convention on Cybercrime in Strasbourg on", ["Convention on Cybercrime"]),
    ("the Treaty on Conventional Armed Forces in Europe was", ["Treaty on Conventional Armed Forces in Europe"]),
    ("the Treaty of Peace with Japan", ["Treaty of Peace with Japan"]),
    ('the 1994 "Budapest Memorandum" had failed to protect Ukraine, adding: "Security', ["Budapest Memorandum"]),
    ("a breach of the U.S. Constitution, he said", ["U.S. Constitution"]),
    ("protected by the US Constitution and", ["US Constitution"]),
    ("amend the Constitution to", []),
    # a union's constitution is a weak name: kept only when the knowledge base knows it (the EU's does)
    ("the European Constitution was", ["European Constitution"]),
    # a lower-case head after the states that made it: a description, weak (the knowledge base must know it)
    ("defended the Turkish-Libyan maritime border agreement.", []),
    ("French voters rejected the EU constitution in", ["EU constitution"]),
    ("the WTO IT Agreement on", ["WTO IT Agreement"]),
    ("the U.S.-USSR Grain Supply Agreement, which", ["U.S.-USSR Grain Supply Agreement"]),
    ("the ABM (Anti-Ballistic Missile) Treaty.", ["ABM (Anti-Ballistic Missile) Treaty"]),
    ("the European Union's Stability and Growth Pact rules", ["Stability and Growth Pact"]),
    ("the 1979 Egypt–Israel peace treaty and", ["Egypt–Israel peace treaty"]),
    ("the Council of Europe Framework Convention on Artificial Intelligence and Human Rights, Democracy and the Rule of Law (CETS",
     ["Council of Europe Framework Convention on Artificial Intelligence and Human Rights, Democracy and the Rule of Law"]),
    ("the Collective Security Treaty of May 15, 1992", ["Collective Security Treaty"]),
    ("under the U.S. Securities Act of 1933 and", ["U.S. Securities Act of 1933"]),
    ("Russia Denounces European Convention Against Torture, Ending International Monitoring",
     ["European Convention Against Torture"]),
    ("the Camp David Accords in 1978", ["Camp David Accords"]),
    ("Law of the Republic of Kazakhstan dated July 13, 1999 No. 420-1\n", ["Law of the Republic of Kazakhstan dated July 13, 1999 No. 420-1"]),
    ("signed the Federal Law On the Termination of International Treaties of the Council of Europe.",
     ["Federal Law On the Termination of International Treaties of the Council of Europe"]),
    ("the Tenure of Office Act of 1867, which", ["Tenure of Office Act of 1867"]),
    ("– Law of the Russian Federation\n", []),
    ("under the Law on Intellectual Property No.50/2005 of", ["Law on Intellectual Property No.50/2005"]),
    ("(POL-2006-L-79967)\nAct of 8 July 2005 on", ["Act of 8 July 2005"]),
    ("under the Federal Law No. 15-FZ dated May 2, 2001, On Fishing Quotas of the Republic, to",
     ["Federal Law No. 15-FZ dated May 2, 2001, On Fishing Quotas of the Republic"]),
    # codes: a body of law when a word of the name says so, else only when the knowledge base knows it
    ("checks under the Schengen Borders Code resumed", ["Schengen Borders Code"]),
    ("charged under the Criminal Code of Canada.", ["Criminal Code of Canada"]),
    ("under the Code of Criminal Procedure, he", ["Code of Criminal Procedure"]),
    ("the French Civil Code forbids it", ["French Civil Code"]),
    ("The Da Vinci Code sold millions", []),
    ("he learned Morse Code at sea", []),
    ("the Code requires it", []),
    # negatives
    ("the European Committee for the Prevention of Torture", []),
    ("expelled from the Council of Europe", []),
    ("the European Court of Human Rights in Strasbourg", []),
    ("at the 1972 Democratic National Convention, she", []),
    ("the Convention People's Party won", []),
    ("held at the Mesquite Convention Center", []),
    ("IPTV - Internet Protocol TV - is", []),
    ("won the award for Best Dance Act on Sunday", []),
    ("under the General Agreement on Tariffs and Trade's rules", ["General Agreement on Tariffs and Trade"]),
    ("the Texas Electronic Mail and Solicitation Act and Texas Deceptive Trade Practices Act",
     ["Texas Electronic Mail and Solicitation Act", "Texas Deceptive Trade Practices Act"]),
    ("under the medical protocol the", []),
    ("as the treaty says", []),
    ("the North Atlantic Treaty Organisation (Nato) leaders", []),
    ("signed a definitive agreement to acquire", []),
    ("the U.S. free trade agreements with Canada", []),
    ("the Texas Haunters Convention on the last weekend", []),
    # descriptions, not names
    ("signed a US-friendly treaty with", []),
    ("The Cold War-era treaty was aimed at", []),
    ("the Moscow-backed Minsk Agreement of", ["Minsk Agreement"]),
    ("under a new IMF agreement the", []),
    ("the OPEC accord on output", []),
    ("a U.S. Air Force pact worth", []),
    ("the Tory-Liberal pact in", []),
    ("under the new 2009 Constitution, which", ["2009 Constitution"]),
    ("the Decree of the President of Freedonia of 17 December 2003 on", ["Decree of the President of Freedonia of 17 December 2003"]),
    ("signed Presidential Decree No. 1081 declaring", ["Presidential Decree No. 1081"]),
    ("the Decree of the President was read out", []),
    ("issued a Decree on fishing", []),
    ("to examine the Argentine agreement in", []),
    ("the Elite Player Squad agreement", []),
    ("a Business and Asset Transfer Agreement", []),
    ("the WTO agreement on", ["WTO agreement"]),
    ("A three-day Elvis convention took place", []),
    # ordinary senses (issue 13): contracts, clubs, cities, parties, stage acts, organisations' statutes
    ("the bank's Credit Agreement with its lenders", []),
    ("they signed a Joint Venture Agreement to build", []),
    ("the Shareholder Rights Agreement was adopted", []),
    ("the Liberal Democrats' Confidence and Supply Agreement", []),
    ("the Labour-SNP pact was ruled out", []),
    ("the Brexit Party pact with the Tories", []),
    ("the Supporters' Charter of the club", []),
    ("the Olympic Charter bans protests", []),
    ("voters approved a Home Rule Charter", []),
    ("the Ryder Cup Agreement between the tours", []),
    ("the Bristol Charter was amended by voters", []),
    ("the Nordland Statutes forbid it", []),
    ("a Pfizer agreement on doses", []),
    ("an ACME agreement with its creditors", []),
    ("A U.K. Agreement with the regulator", []),
    ("Sister Act opened on Broadway", []),
    ("the Star Trek Convention was sold out", []),
    ("the Progressive Pact won 20 seats", []),
    ("the Constitution of the Labour Party was amended", []),
    ("the Covenant of the Wildcat Club", []),
    ("the Constitution of the World Health Organization", ["Constitution of the World Health Organization"]),
    ("the Kit Agreement with the club", []),
    ("the Arab League Pact of 1945", ["Arab League Pact"]),
    ("read him the Riot Act", []),
    # … and names that stay
    ("the Brexit agreement was signed", ["Brexit agreement"]),
    ("under an existing PL-480 agreement", ["PL-480 agreement"]),
    ("excluded from an East-West accord", ["East-West accord"]),
    ("the U.S.-Japan Agreement on chips", ["U.S.-Japan Agreement"]),
    ("the Anglo-Irish Agreement was signed", ["Anglo-Irish Agreement"]),
    ("the Child Support Act of 1991", ["Child Support Act of 1991"]),
    ("the Visiting Forces Agreement with Japan", ["Visiting Forces Agreement"]),
    ("the Grain Supply Agreement was extended", ["Grain Supply Agreement"]),
]
