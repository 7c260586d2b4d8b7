"""Whether a treaty action happened: the ``status`` of an event, or no event at all.

A ConText-style reading of the words around a trigger (the cue table is
``data/vocab/actions/cues.tsv``; its header explains each kind):

* before the trigger, within its clause, the **nearest cue decides**: a negation right before it
  ("has not ratified", "refused to sign"), a rule ("shall", "the right to withdraw") or a
  hypothetical ("would have joined") give no event; threats, plans, calls, bills and possibilities
  give ``"proposed"``; "will", "decided to", "intends to" give ``"announced"`` — ``"done"`` when a
  law or decree that enacts the act was signed or passed further back in the clause; "would" is an
  announcement after a verb of saying ("said it would withdraw"), else a threat or condition; a
  vote, approval or deposit gives ``"done"``;
* after the trigger: a rule ("… takes effect 12 months after notification") gives no event, a
  condition ("… if the US does") makes the act proposed, an idiom ("left the pact in tatters")
  is no act;
* with no cue, the form decides: "ratified", "signs", "its withdrawal" are done; "Russia to
  withdraw" and "is withdrawing" are announced; an infinitive opening the sentence ("To denounce
  the Convention …", the operative words of a law) is done.
"""
from __future__ import annotations

from typing import Optional, Sequence

import regex

from citex.grammar import actions as A
from citex.grammar import relations as R
from citex.grammar.actions import Trigger

# how far before a trigger its cues are looked for (its clause ends the look-back earlier)
CUE_BACK = 160
# a negation or a rule word governs only the next few words
NEGATION_WORDS = 3
DONE, ANNOUNCED, PROPOSED = "done", "announced", "proposed"

_TO_BEFORE = regex.compile(r"(?<![\w\-])to[ \t]{1,3}(?:\w+ly[ \t]{1,3})?\Z", regex.IGNORECASE)
_OPENING = regex.compile(r"[\s\"“‘'(\[]*\Z")
_PROGRESSIVE = regex.compile(r"(?<![\w\-])(?:is|are|am|['’]re|['’]s)[ \t]{1,3}(?:\w+ly[ \t]{1,3})?(?:now[ \t]{1,3})?\Z",
                             regex.IGNORECASE)
# "the first country to ratify", "becoming the 178th state to ratify": a past fact, not a plan
_ORDINAL_TO = regex.compile(r"(?<![\w\-])(?:first|second|third|fourth|fifth|last|latest|only|\d+(?:st|nd|rd|th)|\w+th)"
                            r"[ \t]{1,3}(?:\w+[ \t]{1,3}){0,2}(?:country|countries|state|states|nation|nations|member|party|parties|"
                            r"signatory|one|government|capital|member[ \t]{1,3}states?)[ \t]{1,3}to[ \t]{1,3}(?:\w+ly[ \t]{1,3})?\Z"
                            # without the noun: "the Czech Republic was the last to ratify"
                            r"|(?<![\w\-])(?:was|were|been|became|becoming)[ \t]{1,3}(?:also[ \t]{1,3})?(?:among[ \t]{1,3})?the[ \t]{1,3}"
                            r"(?:first|second|third|last|latest|\d+(?:st|nd|rd|th))[ \t]{1,3}to[ \t]{1,3}(?:\w+ly[ \t]{1,3})?\Z",
                            regex.IGNORECASE)
_MONTH_MAY = regex.compile(r"May(?=[ \t,]{1,3}(?:\d|of[ \t]|this|last|next))|(?<=(?:in|on|of|since|until|early|late|mid)[ \t]{1,3})May")


def clause_start(text: str, ts: int, sent_start: int) -> int:
    """Where the look-back of a trigger's cues starts: after the last clause boundary before it."""
    lo = max(sent_start, ts - CUE_BACK)
    last = lo
    for m in A.CUE_STOP.finditer(text, lo, ts):
        last = m.end()
    return last


def _cues(text: str, lo: int, ts: int) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` of every cue in ``text[lo:ts]``, in order (a month "May" is no cue)."""
    out = []
    for kind, rx in A.cue_patterns().items():
        for m in rx.finditer(text, lo, ts):
            if m.group() == "May" and _MONTH_MAY.match(text, m.start()):
                continue
            out.append((kind, m.start(), m.end()))
    out.sort(key=lambda c: (c[2], c[2] - c[1]))
    return out


# between a rejecting verb and the act it rejects: an article or an owner ("blocked *Sweden's* accession")
# ("vetoed *the law* ratifying the Istanbul Convention": the law that enacts the act)
_REJECTED_NOUN = regex.compile(r"[ \t]{1,3}(?:(?:the|its|their|his|her|a|an|any|this|that|\p{Lu}[\w.\-]*['’]s)[ \t]{1,3}){0,2}"
                               r"(?:(?:law|bill|legislation|decree|act|motion|resolution|measure)[ \t]{1,3}(?:on[ \t]{1,3})?)?")


_NOT_BEFORE = regex.compile(r"(?<![\w\-])(?:not|n['’]t|never)[ \t]{1,3}(?:\w+[ \t]{1,3})?\Z|n['’]t[ \t]{1,3}(?:\w+[ \t]{1,3})?\Z",
                           regex.IGNORECASE)


def _near_negation(text: str, ts: int) -> bool:
    """A plain negation right before the trigger ("did not ratify", "didn't join")."""
    return _NOT_BEFORE.search(text, max(0, ts - 24), ts) is not None


_FEW_WORDS = regex.compile(r"[ \t]{1,3}(?:[\w\-]+[ \t]{1,3}){0,3}")   # ("for unilateral suspension or termination")


# a full date right after an entry into force: "entered into force on 1 August 2010", "… in January 2021"
_DATED = regex.compile(r"[ \t]{1,3}(?:on|in)[ \t]{1,3}(?:\d{1,2}[ \t]{1,3}\p{Lu}\p{Ll}+\.?[ \t]{1,3}\d{4}|"
                       r"\p{Lu}\p{Ll}+\.?[ \t]{1,3}\d{1,2},?[ \t]{1,3}\d{4}|\p{Lu}\p{Ll}+[ \t]{1,3}\d{4})(?![\w\-])")


def _dated_entry(text: str, trig: Trigger) -> bool:
    """An entry into force with its full date right after it: scheduled or past, a fact, not a rule."""
    return trig.action == "entry_into_force" and _DATED.match(text, trig.end) is not None


def _near(text: str, end: int, ts: int) -> bool:
    """Is a cue ending at ``end`` within a few words of the trigger at ``ts``?"""
    return len(text[end:ts].split()) < NEGATION_WORDS


def status_before(text: str, trig: Trigger, lo: int, names: Sequence[tuple[int, int]] = ()) -> Optional[str]:
    """The status the words before the trigger give, None for no event, ``""`` when no cue decides.
    ``names``: the spans of the instruments' names, whose words are no cues ("the Convention *against*
    Torture entered into force")."""
    cues = _cues(text, lo, trig.start)
    if names and cues:
        cues = [c for c in cues if not any(s <= c[1] and c[2] <= e for s, e in names)]
    if not cues:
        return ""
    for kind, _, end in cues:
        if kind == "negation" and _near(text, end, trig.start):
            return None
        if kind == "rejection" and _REJECTED_NOUN.fullmatch(text, end, trig.start):
            return None
        if kind == "provision" and _FEW_WORDS.fullmatch(text, end, trig.start):
            return None
    # a negation further back ("not only signed but ratified") and a verb of saying ("it is stated that
    # withdrawal …") are transparent: the cue before them decides
    deciding = [c for c in cues if c[0] not in ("negation", "statement", "denial", "rejection", "provision")]
    if not deciding:
        return ""
    kind, s, _ = deciding[-1]
    earlier = {k for k, _, e in cues if e <= s}
    if kind == "rule" and _dated_entry(text, trig):
        return ""   # "… closed for signature when it entered into force on 1 August 2010": a dated fact
    if kind in ("rule", "hypothetical"):
        return None
    if kind == "proposed":
        return PROPOSED
    if kind == "modal":   # ("said it would withdraw"; but "threatened that it would", "a future government would")
        return ANNOUNCED if ("statement" in earlier or "enacted" in earlier) and "proposed" not in earlier else PROPOSED
    if kind in ("future", "intention"):
        return DONE if "enacted" in earlier else ANNOUNCED
    if kind in ("enacted", "vote"):
        return DONE
    return ""  # a verb of saying before a past act: the form decides


def status_by_form(text: str, trig: Trigger, sent_start: int) -> str:
    # (a past form after "to" is a base form written alike: "to quit", "to put")
    m = _TO_BEFORE.search(text, max(0, trig.start - 20), trig.start) if trig.form in ("base", "past") else None
    if m:
        if _OPENING.match(text[sent_start:m.start()]) or _ORDINAL_TO.search(text, max(0, trig.start - 60), trig.start):
            return DONE
        return ANNOUNCED
    if trig.form == "ing" and _PROGRESSIVE.search(text, max(0, trig.start - 24), trig.start):
        return ANNOUNCED
    return DONE


# a gerund or noun as the subject of a modal: "Withdrawing from the Convention *would* …",
# "suspending the agreement would allow …"
_MODAL_AFTER = regex.compile(r"[\"”’)]?,?[ \t]{1,3}(?:would|could|might|may|will|can|should)(?![\w\-])")


def status_after(text: str, trig: Trigger, obj_end: int, clause_end: int) -> Optional[str]:
    """What the words after the act's object say: None (a rule, an idiom), PROPOSED (a condition, a
    modal after a gerund or noun subject), or ``""`` (nothing)."""
    if trig.action in A.IDIOM_ACTIONS and A.IDIOM_AFTER.match(text, obj_end):
        return None
    if A.FALSE_AFTER.match(text, obj_end, clause_end_or(text, obj_end, clause_end)):
        return None   # "Reports that Russia had withdrawn from the NPT were false"
    if trig.form in ("ing", "noun") and _MODAL_AFTER.match(text, obj_end):
        return PROPOSED
    if trig.form in ("ing", "noun") and A.FAILED_AFTER.match(text, obj_end):
        return None   # "the ratification of the CETA by Cyprus failed"
    if trig.form == "past":
        return ""
    if A.RULE_AFTER.search(text, obj_end, clause_end) and not _dated_entry(text, trig):
        return None   # (but "will enter into force on 17 January 2026, 120 days after the 60th ratification")
    if A.CONDITION_AFTER.search(text, obj_end, clause_end):
        return PROPOSED
    return ""


def clause_end_or(text: str, pos: int, clause_end: int) -> int:
    """The end of the sentence after ``pos`` (its next full stop, at most 200 characters on), or
    ``clause_end`` when that is further (a later trigger may have cut the act's clause short)."""
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + 200))
    return max(clause_end, m.start() if m else min(len(text), pos + 200))


_SENTENCE_END = regex.compile(r"[.!?;](?=\s|\Z)|\n[ \t]*\n")

# "Neither Russia nor the United States has ratified …": the act is denied for both
_NEITHER_NOR = regex.compile(r"(?<![\w\-])[Nn]either[ \t][^.;:!?\n]{1,80}?[ \t]nor[ \t][^.;:!?,\n]{1,60}\Z")
# a bare purpose before the act's noun, after a verb of submitting: "submitted it to the Senate *for* ratification"
# (not "praised Armenia for its ratification", nor "an application for accession", which the depositary confirmed)
_FOR_BARE = regex.compile(r"(?<![\w\-])(?:submit(?:s|ted|ting)?|sen[dt]s?|sending|forward(?:s|ed|ing)?|referr?(?:s|ed|ing)?|"
                          r"present(?:s|ed|ing)?|tabled?|tabling)(?:[ \t]{1,3}[\w\-’']+){0,6}?[ \t]{1,3}for[ \t]{1,3}\Z",
                          regex.IGNORECASE)
# a negated act with its time limit: "did not ratify the Statute *until 2024*" (done, then)
_UNTIL_AFTER = regex.compile(r"[^.;:!?\n]{0,40}?[ \t]until[ \t]{1,3}(?:(?:early|late|mid)[ \t]{1,3})?(?:\d{4}|\p{Lu}\p{Ll}+[ \t]{1,3}\d{4}|"
                             r"\d{1,2}[ \t]{1,3}\p{Lu}\p{Ll}+[ \t]{1,3}\d{4}|\p{Lu}\p{Ll}+[ \t]{1,3}\d{1,2},?[ \t]{1,3}\d{4})(?![\w\-])")


# a denial governs this far at most (a 1 MB sentence is not read back to its start for each act)
DENIAL_REACH = 300


def _denied(text: str, sent_start: int, ts: int) -> bool:
    """Is the act inside a denied or doubted that-clause, with no clause boundary ("but") between?"""
    denial = A.cue_patterns().get("denial")
    last = None
    for m in denial.finditer(text, max(sent_start, ts - DENIAL_REACH), ts) if denial is not None else ():
        last = m
    return last is not None and not A.CUE_STOP.search(text, last.end(), ts)


def status_of(text: str, trig: Trigger, sent_start: int, obj_end: int, clause_end: int,
              names: Sequence[tuple[int, int]] = ()) -> Optional[str]:
    """``"done"``, ``"announced"``, ``"proposed"``, or None when the words say it is no act; ``names``: the
    spans of the names before the trigger (see :func:`status_before`)."""
    after = status_after(text, trig, obj_end, clause_end)
    if after is None:
        return None
    if _denied(text, sent_start, trig.start):
        return None  # "I do not see that the accord has been terminated"
    before = status_before(text, trig, clause_start(text, trig.start, sent_start), names)
    if before is None and _UNTIL_AFTER.match(text, obj_end) and _near_negation(text, trig.start):
        return DONE  # "Ukraine did not join the Rome Statute until 2024"
    if before is None or R.NONE_OF_BEFORE.search(text, max(sent_start, trig.start - 100), trig.start) \
            or _NEITHER_NOR.search(text, max(sent_start, trig.start - 160), trig.start):
        return None  # (also "None of the nine nuclear-armed states has joined …", "Neither Russia nor …")
    if trig.nominal and not before and _FOR_BARE.search(text, max(0, trig.start - 80), trig.start):
        return PROPOSED  # "never submitted it to the Senate for ratification"
    if after == PROPOSED or _conditioned(text, sent_start, trig.start):
        return PROPOSED
    return before or status_by_form(text, trig, sent_start)


# a sentence that opens with a condition: "If the Senate ratifies the treaty, it will enter into force …"
# (or a counterfactual inversion: "Had Ireland ratified the Treaty of Nice in 2001, …")
_FRONTED_CONDITION = regex.compile(r"[\s\"“‘'(\[]*(?:If|Unless|Should|Provided|Assuming|In[ \t]+case|Had|Were)(?![\w\-])")
# … governs its main clause this far (a long sentence's later clauses are read on their own)
CONDITION_REACH = 250


def _conditioned(text: str, sent_start: int, ts: int) -> bool:
    """Does the trigger sit in a sentence that opens with a condition (the condition itself, or the main
    clause it governs), or in a fronted time clause of what has to come first ("Before Serbia signs the
    agreement, it must …"; not the main clause: "Before joining the EU, Poland ratified …")?"""
    if ts - sent_start > CONDITION_REACH:
        return False
    if _FRONTED_CONDITION.match(text, sent_start) is not None:
        return True
    return _FRONTED_BEFORE.match(text, sent_start) is not None and "," not in text[sent_start:ts]


_FRONTED_BEFORE = regex.compile(r"[\s\"“‘'(\[]*(?:Before|Until|Till)(?![\w\-])")
