"""Treaty-action grammar: the trigger words of treaty practice and the cue words that say whether
an act happened, was announced or was only proposed, compiled from the tables in
``citex/data/vocab/actions/`` (``triggers.tsv``, ``cues.tsv``).

Patterns are fragments of regular expressions over words, each bounded; they are joined into one
alternation per table and matched between word boundaries, so a scan stays linear. ``EXAMPLES``
lists sentences with the act, status and party they must give; the tests run them through
``citex.extract``.
"""
from __future__ import annotations

import functools
import re
import string
from typing import Iterator, Optional

import attrs
import regex

from citex import vocab

ACTIONS_TABLE = "actions/triggers"
CUES_TABLE = "actions/cues"
FORMS = ("past", "pres", "base", "ing", "noun")
CUE_KINDS = ("negation", "denial", "rejection", "provision", "rule", "hypothetical", "proposed", "modal", "future", "intention", "statement",
             "enacted", "vote")
_BLANK = r"[ \t]{1,3}"


def _fragment(pattern: str) -> str:
    """A table pattern as a regex fragment: a space is one to three blanks."""
    return pattern.replace(" ", _BLANK)


@attrs.frozen(slots=True)
class Trigger:
    """A trigger word in the text: the act it names and its grammatical form."""

    action: str
    form: str
    start: int
    end: int
    text: str

    @property
    def nominal(self) -> bool:
        return self.form == "noun"


def _alternatives() -> list[str]:
    return [f"(?P<t{i}>{_fragment(row[2])})" for i, row in enumerate(vocab.rows(ACTIONS_TABLE))]


@functools.lru_cache(maxsize=None)
def _triggers() -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    groups = {f"t{i}": (row[0], row[1]) for i, row in enumerate(vocab.rows(ACTIONS_TABLE))}
    rx = regex.compile(r"(?<![\w\-])(?:" + "|".join(_alternatives()) + r")(?![\w\-])",
                       regex.IGNORECASE | regex.VERSION1)
    return rx, groups


@functools.lru_cache(maxsize=None)
def _prefilter() -> Optional["re.Pattern"]:
    """Where a trigger may start (a match's start): a word start and the first three characters of some trigger form
    (every form begins with a word of letters; the prefixes are found by partial matching over
    lower-case letters, blanks and hyphens).  Case-insensitive in ``re``, which also matches the two
    non-ASCII letters that fold to one ASCII letter (ſ, K), so it finds every start the trigger pattern
    can match on text whose characters each fold to one character (checked by the caller)."""
    inner = regex.compile("|".join(_alternatives()), regex.IGNORECASE | regex.VERSION1)
    if any(inner.match(c, partial=True) for c in _OTHER_FIRSTS):
        return None                         # a form that may begin otherwise: no prefilter, plain scans
    letters, more = string.ascii_lowercase, string.ascii_lowercase + " \t-"
    two = [a + b for a in letters for b in more if inner.fullmatch(a + b, partial=True)]
    three = [p + c for p in two for c in more if inner.fullmatch(p + c, partial=True)]
    # a first letter of some prefix, the look-behind before it, then the rest of a prefix that begins
    # with that letter (so that the engine skips to the letters that may begin one): the places where
    # a look-behind and a look-ahead for the whole prefixes match; no start is hidden inside another's
    by_first: dict[str, list[str]] = {}
    for p in three:
        by_first.setdefault(p[0], []).append(re.escape(p[1:]))
    firsts = "".join(map(re.escape, by_first))
    return re.compile(f"[{firsts}]" + r"(?<![\w\-].)(?:"
                      + "|".join(f"(?<={re.escape(c)})(?={'|'.join(rests)})" for c, rests in by_first.items()) + ")",
                      re.IGNORECASE)


# characters other than ASCII letters that a trigger form must not begin with for the prefilter to be
# used (digits, punctuation, white space, letters with accents, other scripts; the letters that fold
# to several, "İ", "ß", are left to the caller's check)
_OTHER_FIRSTS = "0123456789 \t\n-'’\"“(.,;:éÉèàçÇñÑøØüÜöÖäÄıłŁšŠžŽ\u0430\u0410\u03b1\u0391\u4e00"


def _trigger_matches(text: str, start: int, end: int, timeout: Optional[float]) -> Iterator["regex.Match"]:
    """``trigger_pattern().finditer(text, start, end)``: the pattern is tried only where the prefilter
    says a trigger may start (several times faster), with only the forms that may begin with the
    next three characters (:func:`_forms_from`), unless a character of the window folds to several
    ("ﬆ" is "st" to the pattern, not to the prefilter)."""
    rx = _triggers()[0]
    window = text[start:end]
    prefilter = _prefilter()
    if prefilter is None or not window.isascii() and len(window.casefold()) != len(window):
        yield from rx.finditer(text, start, end, timeout=timeout)
        return
    last = start
    for c in prefilter.finditer(text, start, end):
        if c.start() >= last:
            sub = _forms_from(text[c.start():c.start() + 3])
            m = sub.match(text, c.start(), end, timeout=timeout) if sub is not None else None
            if m is not None:
                last = m.end()
                yield m


@functools.lru_cache(maxsize=1024)
def _forms_from(start: str) -> Optional[regex.Pattern]:
    """The trigger pattern with only the forms that can match where the text begins with ``start``
    (its next three characters), in their order, or None when none can: there it matches what the
    whole pattern matches (a form that matches there matches ``start`` or a prefix of it, or reads on
    from it; a form that opens with a look-behind, by what follows the look-behind), trying a few
    forms instead of all."""
    alts = [a for a, rx in zip(_alternatives(), _form_checks()) if rx is None or rx.match(start, partial=True)]
    if not alts:
        return None
    return regex.compile(r"(?<![\w\-])(?:" + "|".join(alts) + r")(?![\w\-])", regex.IGNORECASE | regex.VERSION1)


@functools.lru_cache(maxsize=None)
def _form_checks() -> tuple:
    """Per form, the pattern that a place must begin with for the form to match there: the form, or
    what follows its opening look-behind; None (always tried) for a form that looks behind elsewhere."""
    out = []
    for a in _alternatives():
        body = _after_lookbehind(a) if "(?<" in a else a
        out.append(None if body is None or "(?<" in body else regex.compile(body, regex.IGNORECASE | regex.VERSION1))
    return tuple(out)


_OPENING_LOOKBEHIND = re.compile(r"\(\?P<\w+>\(\?<[=!]")


def _after_lookbehind(form: str) -> Optional[str]:
    """``REST`` of a form ``(?P<tN>(?<=…)REST)`` (or ``(?<!…)``), else None (also for a look-behind
    holding nested character sets, which this reading of brackets does not follow)."""
    m = _OPENING_LOOKBEHIND.match(form)
    if m is None or not form.endswith(")") or any(op in form for op in ("[[", "--", "&&", "||", "~~")):
        return None
    depth, i, n = 1, m.end(), len(form)
    while i < n:
        c = form[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":                                 # a character set: to its closing bracket
            i += 2 if form.startswith("[^", i) else 1
            i += 2 if form.startswith("\\", i) else 1  # its first member (a "]" there is one)
            while i < n and form[i] != "]":
                if form[i] == "[":
                    return None
                i += 2 if form[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return form[i + 1:-1]
        i += 1
    return None


def trigger_pattern() -> regex.Pattern:
    """The one pattern of every trigger form."""
    return _triggers()[0]


def find_triggers(text: str, start: int, end: int, timeout: Optional[float] = None) -> list[Trigger]:
    """Every trigger in ``text[start:end]``, in text order."""
    groups = _triggers()[1]
    out = []
    for m in _trigger_matches(text, start, end, timeout):
        action, form = groups[m.lastgroup]
        if form == "base" and m.group().lower() in BASE_NOUNS and _DETERMINED.search(text, max(0, m.start() - 24), m.start()):
            form = "noun"   # "Moscow's exit from …", "the US exit": a noun, not "to exit"
        elif form == "ing" and _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            form = "noun"   # "the signing of the Treaty by Indonesia": a noun, its agent after it
        out.append(Trigger(action, form, m.start(), m.end(), m.group()))
    return out


_ARTICLE_BEFORE = regex.compile(r"(?<![\w\-])(?:the|The|its|their)[ \t]{1,3}\Z")
# base forms that are also the act's noun, read as a noun after an owner or an article
BASE_NOUNS = frozenset({"exit"})
_DETERMINED = regex.compile(r"(?:['’]s?|\b(?:the|its|their|his|her|an?|this|that|[A-Z]{2,4}|U\.S\.|U\.K\.))[ \t]{1,3}"
                            r"(?:(?:planned|proposed|formal|eventual|final|full|early|abrupt|possible|threatened)[ \t]{1,3})?\Z")


@functools.lru_cache(maxsize=None)
def cue_patterns() -> dict[str, regex.Pattern]:
    """One pattern per cue kind (``CUE_KINDS``)."""
    by_kind: dict[str, list[str]] = {}
    for row in vocab.rows(CUES_TABLE):
        if row[0] not in CUE_KINDS:
            raise ValueError(f"{CUES_TABLE}: unknown cue kind {row[0]!r}")
        by_kind.setdefault(row[0], []).append(_fragment(row[1]))
    return {k: regex.compile(r"(?<![\w\-])(?:" + "|".join(v) + r")(?![\w\-])", regex.IGNORECASE)
            for k, v in by_kind.items()}


# a negation governs only the next few words: "has not ratified", "refused to sign the"
NEGATION_REACH = regex.compile(r"(?:[ \t]{1,3}[\w'’\-]+){0,2}[ \t]{0,3}\Z")
# what ends the look-back of a cue: a clause boundary
CUE_STOP = regex.compile(r"[;:!?]|[.](?=[ \t\n])|\b(?:but|however|although|though|whereas|while|since|because)\b|[\"“”]|—|–|\n",
                         regex.IGNORECASE)
# after the act: a rule ("takes effect 12 months after notification") or a condition ("if …")
RULE_AFTER = regex.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|sixty|ninety)"
    r"(?:[ \t]{1,3}(?:calendar|full))?[ \t]{1,3}(?:days?|weeks?|months?|years?)[ \t]{1,3}(?:after|following|from)\b"
    r"|\b(?:upon|on)[ \t]{1,3}(?:the[ \t]{1,3})?(?:receipt|deposit|expiry|expiration)\b"
    r"|\bafter[ \t]{1,3}(?:the[ \t]{1,3})?(?:deposit|receipt|date[ \t]{1,3}of)\b"
    r"|\b(?:ninetieth|thirtieth|sixtieth|fiftieth|fortieth|twentieth|\d+(?:st|nd|rd|th))[ \t]{1,3}(?:day|instrument)\b",
    regex.IGNORECASE)
CONDITION_AFTER = regex.compile(r"\b(?:if|unless|should[ \t]{1,3}(?:the|it|they)|once(?![ \t]{1,3}(?:again|more|before))|"
                                r"only[ \t]{1,3}(?:after|if|when|once)|provided[ \t]{1,3}(?:that|it|they)|on[ \t]{1,3}condition)\b",
                                regex.IGNORECASE)
# idioms on a leaving verb: "left the pact in tatters", "leaves the treaty intact"
IDIOM_AFTER = regex.compile(
    r"[\"”’)]?[ \t]{1,3}(?:in[ \t]{1,3}(?:tatters|limbo|ruins|disarray|doubt|place|force|question)|intact|unchanged|"
    r"behind|alone|open|hanging|aside|untouched|vulnerable|weakened|dead)(?![\w\-])", regex.IGNORECASE)
IDIOM_ACTIONS = frozenset({"withdrawal"})
# what the clause after the act says of its report: "Reports that Russia had withdrawn from the NPT *were false*"
FALSE_AFTER = regex.compile(r"[^.;:!?\n]{0,60}?[ \t](?:were|was|are|is|proved|proven|turned[ \t]{1,3}out[ \t]{1,3}to[ \t]{1,3}be)"
                            r"[ \t]{1,3}(?:false|untrue|unfounded|baseless|inaccurate|fake|wrong|premature|groundless)(?![\w\-])",
                            regex.IGNORECASE)
# a nominal act that did not come about: "the ratification of the CETA by Cyprus *failed*", "… *was rejected*",
# "… by Russia *is still pending*"
FAILED_AFTER = regex.compile(
    r"[\"”’)]?(?:[ \t]{1,3}by[ \t]{1,3}[^,.;:()\n]{1,40}?)?[ \t]{1,3}(?:(?:has|have|had|was|were|is|are|been|again|"
    r"finally|narrowly|also|still|remains?|remained|yet)[ \t]{1,3}){0,3}"
    r"(?:failed|collapsed|stalled|fell[ \t]{1,3}through|rejected|blocked|defeated|voted[ \t]{1,3}down|vetoed|"
    r"struck[ \t]{1,3}down|pending|outstanding|awaited|on[ \t]{1,3}hold|in[ \t]{1,3}limbo|to[ \t]{1,3}be[ \t]{1,3}completed|"
    r"not[ \t]{1,3}on[ \t]{1,3}the[ \t]{1,3}agenda|off[ \t]{1,3}the[ \t]{1,3}table|out[ \t]{1,3}of[ \t]{1,3}the[ \t]{1,3}question|"
    r"ruled[ \t]{1,3}out|not[ \t]{1,3}(?:planned|being[ \t]{1,3}considered|under[ \t]{1,3}consideration))(?![\w\-])",
    regex.IGNORECASE)

EXAMPLES = [
    # (sentence, [(action, status, party country), …] over every citation of the sentence, in the
    # order of the document's actions).  One row per status, action word, party form and attachment.
    # -- status: done
    ("Japan ratified the Paris Agreement in 2016.", [("ratification", "done", "JP")]),
    ("The Senate voted to ratify the New START treaty.", [("ratification", "done", None)]),
    ("President Putin signed a law under which Russia will denounce the European Convention on Human Rights.",
     [("denunciation", "done", "RU")]),
    ("To denounce the European Convention on Human Rights", [("denunciation", "done", None)]),
    ("Poland's president signed a bill ratifying the Istanbul Convention.", [("ratification", "done", "PL")]),
    ("The Paris Agreement will enter into force on 4 November 2016.", [("entry_into_force", "done", None)]),
    # -- status: announced
    ("Malaysia will withdraw from the Rome Statute.", [("withdrawal", "announced", "MY")]),
    ("Moscow said it would leave the Treaty on Open Skies.", [("withdrawal", "announced", "RU")]),
    ("Burkina Faso, Mali and Niger announced they intend to leave the Rome Statute.",
     [("withdrawal", "announced", "BF"), ("withdrawal", "announced", "ML"), ("withdrawal", "announced", "NE")]),
    ("Spain has decided to withdraw from the Energy Charter Treaty.", [("withdrawal", "announced", "ES")]),
    ("Russia to quit the Treaty on Open Skies", [("withdrawal", "announced", "RU")]),
    # -- status: proposed
    ("Russia threatened to withdraw from the Treaty on Open Skies.", [("withdrawal", "proposed", "RU")]),
    ("Poland plans to leave the Istanbul Convention.", [("withdrawal", "proposed", "PL")]),
    ("Lawmakers called on the government to quit the Istanbul Convention.", [("withdrawal", "proposed", None)]),
    ("A bill on denouncing the European Charter of Local Self-Government was submitted to the Duma.",
     [("denunciation", "proposed", None)]),
    ("Iran could withdraw from the Non-Proliferation Treaty.", [("withdrawal", "proposed", "IR")]),
    ("The government is considering whether to suspend the Visiting Forces Agreement.",
     [("suspension", "proposed", None)]),
    ("Talk of leaving the European Convention on Human Rights is a distraction.", [("withdrawal", "proposed", None)]),
    ("Speculation over Britain's withdrawal from the European Convention on Human Rights grew.",
     [("withdrawal", "proposed", "GB")]),
    ("Iran would withdraw from the Non-Proliferation Treaty if sanctions return.", [("withdrawal", "proposed", "IR")]),
    # a sentence that opens with a condition: its main clause is conditional too
    ("If the Senate ratifies the New START treaty, it will enter into force in 2025.",
     [("ratification", "proposed", None), ("entry_into_force", "proposed", None)]),
    ("Unless Russia returns to compliance, the United States will withdraw from the INF Treaty.",
     [("withdrawal", "proposed", "US")]),
    # a day and month before the name, in the object's gap
    ("Seoul suspended the September 19 Inter-Korean Military Agreement.", [("suspension", "done", "KR")]),
    # -- no event: negations, rules, idioms, hypotheticals
    ("Hungary has not ratified the Istanbul Convention.", []),
    ("There is no question of Britain leaving the European Convention on Human Rights, the minister said.", []),
    # an organisation's acronym that only qualifies a cited name is not that name: "leave the EU" (the Union)
    ("The EU Constitution was drafted in 2004. Critics said Britain should leave the EU instead.", []),
    # a nominal act that failed
    ("The ratification of the CETA by Cyprus failed in parliament.", []),
    ("Ratification of the Istanbul Convention was rejected by the Slovak parliament.", []),
    # the instrument is the subject of a verb with its own object: it ended the conflict, not itself
    ("The Good Friday Agreement ended the conflict in Northern Ireland.", []),
    ("The Treaty of Versailles terminated the state of war with Germany.", []),
    ("The United States has refused to sign the Kyoto Protocol.", []),
    ("Britain has no plans to leave the European Convention on Human Rights.", []),
    ("Under the Treaty on Open Skies, withdrawal takes effect six months after notification.", []),
    ("The American exit left the Paris Agreement in tatters.", []),
    ("None of the nine nuclear-armed states has joined the Treaty on the Prohibition of Nuclear Weapons.", []),
    # -- the vocabulary of treaty practice
    ("Russia revoked its ratification of the Comprehensive Nuclear-Test-Ban Treaty.",
     [("deratification", "done", "RU")]),
    ("The Duma voted to de-ratify the Comprehensive Nuclear-Test-Ban Treaty.", [("deratification", "done", "RU")]),
    ("Palestine deposited its instrument of accession to the Rome Statute.", [("accession", "done", "PS")]),
    ("Chile deposited its instrument of ratification of the Escazu Agreement.", [("ratification", "done", "CL")]),
    ("Sweden became a party to the Paris Agreement.", [("accession", "done", "SE")]),
    ("Pakistan placed the Simla Agreement in abeyance.", [("suspension", "done", "PK")]),
    ("North Korea froze its participation in the Comprehensive Military Agreement.",
     [("suspension", "done", "KP")]),
    ("The Treaty of Friendship ceased to apply to Ukraine.", [("termination", "done", None)]),
    ("The Kigali Amendment took effect on 1 January 2019.", [("entry_into_force", "done", None)]),
    ("Egypt abrogated the Anglo-Egyptian Treaty in 1951.", [("termination", "done", "EG")]),
    ("Ecuador acceded to the Minamata Convention.", [("accession", "done", "EC")]),
    # -- party forms
    ("Washington withdrew from the Treaty on Open Skies in November 2020.", [("withdrawal", "done", "US")]),
    ("The Kremlin suspended the New START treaty.", [("suspension", "done", "RU")]),
    ("Russia's State Duma ratified the Treaty on Open Skies.", [("ratification", "done", "RU")]),
    ("The French government said it would leave the Energy Charter Treaty.", [("withdrawal", "announced", "FR")]),
    ("The European Union signed the Istanbul Convention.", [("signature", "done", "EU")]),
    ("French President Emmanuel Macron welcomed the talks. Macron signed the Paris Agreement.",
     [("signature", "done", "FR")]),
    ("Russia's withdrawal from the Treaty on Open Skies took effect in December 2021.",
     [("withdrawal", "done", "RU")]),   # (its taking effect dates the withdrawal: no entry into force)
    ("The Istanbul Convention was ratified by Ukraine in 2022.", [("ratification", "done", "UA")]),
    ("The Treaty of Rome was signed by Belgium, France and Italy.",
     [("signature", "done", "BE"), ("signature", "done", "FR"), ("signature", "done", "IT")]),
    ("Delhi, Mumbai and Chennai welcomed it. The Cabinet approved the ratification of the Kigali Amendment.",
     [("ratification", "done", "IN")]),   # an organ without its state: the document's dominant country
    ("Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the African Continental Free "
     "Trade Area agreement.", [("signature", "done", "NG"), ("signature", "done", "BJ")]),
    ("The first step of Kazakhstan's accession to the Second Optional Protocol was taken in 2020.",
     [("accession", "done", "KZ")]),
    ("Putin signed an order suspending Russia's compliance with the INF Treaty.", [("suspension", "done", "RU")]),
    ("By withdrawing its signature from the Rome Statute, the US sought to free itself of obligations.",
     [("withdrawal", "done", "US")]),
    ("The Istanbul Convention has been signed by 45 countries and the European Union.",
     [("signature", "done", None), ("signature", "done", "EU")]),
    ("Six months after Russia ratified the Treaty on Open Skies, it entered into force.",
     [("ratification", "done", "RU"), ("entry_into_force", "done", None)]),
    ("The Energy Charter Treaty entered into force for Ukraine on 1 May 2020.", [("entry_into_force", "done", "UA")]),
    ("President Volodymyr Zelensky signed a law ratifying the Istanbul Convention.",
     [("ratification", "done", "UA")]),   # a leader the table knows, named without the state
    ("The aggressor state of russia withdraws its ratification of the Comprehensive Nuclear-Test-Ban Treaty.",
     [("deratification", "done", "RU")]),   # a state in lower case, after "state of"
    ("On 10 November 2016 the Islamic Republic of the Gambia notified its withdrawal from the Rome Statute.",
     [("withdrawal", "done", "GM")]),   # a formal name the gazetteer does not hold
    ("Putin said that Russia was suspending its participation in the New START treaty.",
     [("suspension", "done", "RU")]),   # "was suspending" is no passive: its subject acts
    ("The military governments of Burkina Faso and Mali withdrew from the Rome Statute.",
     [("withdrawal", "done", "BF"), ("withdrawal", "done", "ML")]),
    ("The Rome Statute was adopted in 1998. Russia signed the statute — as did the U.S. — but later withdrew "
     "its signature.", [("signature", "done", "RU"), ("signature", "done", "US"), ("withdrawal", "done", "RU")]),
    ("France ratified the Paris Agreement, as did Germany.", [("ratification", "done", "FR"), ("ratification", "done", "DE")]),
    ("The Director-General confirmed an application from the Syrian Arab Republic (SAR) for accession to the "
     "Chemical Weapons Convention.", [("accession", "done", "SY")]),
    ("The United States joined the Paris Agreement. The instruments of ratification were deposited at the United "
     "Nations this morning.", [("accession", "done", "US"), ("ratification", "done", "US")]),   # a passive deposit
    ("Lim, who will sign and ratify the Paris Agreement on Malaysia's behalf, arrived on Monday.",
     [("signature", "announced", "MY"), ("ratification", "announced", "MY")]),
    # -- attachment: a short form with an adjective refers back
    ("The Energy Charter Treaty protects investors. Italy withdrew from the controversial treaty in 2016.",
     [("withdrawal", "done", "IT")]),
    ("Latvia ratified the Istanbul Convention in 2023. In his letter, Rinkevics said, \u201cRatifying and terminating "
     "the convention within one term sends a contradictory message.\u201d",
     [("ratification", "done", "LV"), ("ratification", "proposed", None), ("termination", "proposed", None)]),
    ("The INF Treaty is dead. \"This Executive Order enters into force on the day of its signing,\" the statement "
     "added.", []),   # another subject's entry into force; "the day of its signing" is a time
    # -- an organisation left or joined through its founding instrument; a counted group of states named before
    ("The governments of Burkina Faso, Mali, and Niger have announced their collective withdrawal from the "
     "International Criminal Court (ICC). The three nations, which originally ratified the Rome Statute between "
     "2000 and 2004, argued otherwise.",
     [("withdrawal", "announced", "BF"), ("withdrawal", "announced", "ML"), ("withdrawal", "announced", "NE"),
      ("ratification", "done", "BF"), ("ratification", "done", "ML"), ("ratification", "done", "NE")]),
    ("Burundi left the ICC in 2017.", []),   # the Rome Statute is not cited: no instrument to attach to
    ("Nigeria ratified the Agreement Establishing the AfCFTA in 2020. President Muhammadu Buhari signed the "
     "AfCFTA in July 2019.", [("ratification", "done", "NG"), ("signature", "done", "NG")]),   # an acronym a title holds
    ("The US on February 2 suspended its obligations towards the INF Treaty.", [("suspension", "done", "US")]),
    ("Pakistan announced that it would place in abeyance its participation in all bilateral agreements with India, "
     "including the 1972 Simla Agreement.", [("suspension", "announced", "PK")]),   # a class, then one of it
    # -- revoked ratifications in every wording; a legislature's approval; a nominal act's taking effect
    ("Russia's parliament voted on Wednesday to revoke the country's ratification of the Comprehensive "
     "Nuclear-Test-Ban Treaty.", [("deratification", "done", "RU")]),
    ("Russia's Comprehensive Nuclear-Test-Ban Treaty ratification was revoked by Putin.",
     [("deratification", "done", "RU")]),
    ("The CTBT ratification debate continues.", []),
    ("The Senate approved the New START treaty by a vote of 71-26 in December 2010.", [("ratification", "done", None)]),
    ("The White House approved the Paris Agreement text.", []),
    ("The Philippines' withdrawal from the Rome Statute took effect on March 17, 2019.", [("withdrawal", "done", "PH")]),
    ("Lawmakers in Poland voted to begin the process of withdrawing from the Istanbul Convention.",
     [("withdrawal", "announced", "PL")]),   # "lawmakers in X"; a process begun is an announced decision
    ("Israel signed but has not ratified the Comprehensive Nuclear-Test-Ban Treaty.", [("signature", "done", "IL")]),
    ("If elected, the candidate would take Britain out of the European Convention on Human Rights.",
     [("withdrawal", "proposed", "GB")]),
    ("Trump pulled the United States out of the Paris Agreement.", [("withdrawal", "done", "US")]),
    ("Burundi became the first country to leave the ICC in October 2017, after its withdrawal from the Rome Statute "
     "was notified a year earlier.", [("withdrawal", "done", "BI")]),
    ("Russia has repeatedly threatened to leave the Council of Europe's European Convention on Human Rights.",
     [("withdrawal", "proposed", "RU")]),   # an owner's possessive before the name
    # -- objectless words that act on something else than the topic
    ("The GATT committee met. The United States has pushed for the so-called \"freeze and rollback\" approach.", []),
    ("The GATT round opens at a meeting on April 20, in which U.S. Trade Representative Clayton Yeutter will join.", []),
    ("Brazil extended, under the GATT, its list of products for which import licenses have been temporarily "
     "suspended.", []),
    ("Governments that approved Argentina's program under the GATT had to join in a bridge loan for the country.", []),
    ("All but one AU member has signed the African Continental Free Trade Area agreement, with Eritrea the only state "
     "unsigned. While 54 nations have signed onto the agreement, only 27 have ratified it.",
     [("signature", "done", None), ("ratification", "done", None)]),   # counted states: no party to infer
    ("She said the seafarers would get the cards first since their countries have already ratified the Seafarers' "
     "Identity Documents Convention.", [("ratification", "done", None)]),   # "since" ends the "would" clause
    # -- hard-wrapped wire copy: a line break inside a paragraph is a space
    ("The Louvre Accord was agreed in Paris in February by six nations, the minister told a news\n"
     "conference on Tuesday in the capital.\n    \"I do not see that the accord has been\n"
     "terminated,\" the minister said after the long meeting of finance ministers and central\n"
     "bankers of the leading industrial nations, at which currencies were discussed.\n", []),
    ("The GATT rules are old. The U.S. claims the EC directive, due to come into effect on January 1, 1988, "
     "threatens trade.", []),   # an entry into force whose subject is another noun
    # -- more no-event and proposed forms
    ("I do not see that the Louvre Accord has been terminated, the minister said.", []),   # a denied that-clause
    ("Russia denied reports that it had withdrawn from the Treaty on Open Skies.", []),
    ("The US, despite its unwillingness to sign the Kyoto Protocol, attended the talks.", []),
    ("The Rome Statute will enter into force provided that it is ratified by 60 states.",
     [("ratification", "proposed", None)]),
    ("He did not think the Paris Agreement was fair, but Japan ratified it in 2016.",
     [("ratification", "done", "JP")]),   # a denial does not reach past "but"
    ("The Convention will enter into force 12 months after two member States have ratified it.", []),
    ("Withdrawing from the Refugee Convention would leave millions unprotected.", [("withdrawal", "proposed", None)]),
    ("Russia signed the Rome Statute but later withdrew its signature.",
     [("signature", "done", "RU"), ("withdrawal", "done", "RU")]),
    (" - Withdrawing from the 1951 Refugee Convention, which obliges countries to accept refugees",
     [("withdrawal", "proposed", None)]),   # a subjectless gerund opening a line: an idea, no one's act
    ("Signing the Paris Agreement, Japan pledged deep cuts.", [("signature", "done", "JP")]),
    ("Ratifying and terminating the Istanbul Convention within one term sends a contradictory message.",
     [("ratification", "proposed", None), ("termination", "proposed", None)]),
    ("The Secretary General thanked Armenia for signing the Framework Convention on Artificial Intelligence.",
     [("signature", "done", "AM")]),
    ("Many states back the Nuclear Weapons Convention.\nTogether with the deposit of Ecuador's instrument of "
     "ratification on 25 September, the number of ratifying states is now 32.", [("ratification", "done", "EC")]),
    # -- attachment forms
    ("Estonia and Latvia signed and ratified the Ottawa Convention.",
     [("signature", "done", "EE"), ("signature", "done", "LV"), ("ratification", "done", "EE"),
      ("ratification", "done", "LV")]),
    ("Canada signed the Kyoto Protocol in 1998 and ratified it in 2002.",
     [("signature", "done", "CA"), ("ratification", "done", "CA")]),
    ("Mongolia was praised for the Arms Trade Treaty. Peru has signed it.", [("signature", "done", "PE")]),
    ("Many states back the Ottawa Convention. Maldives both signed and ratified.",
     [("signature", "done", "MV"), ("ratification", "done", "MV")]),
    # -- ranks, permissions, parts, compounds, counterfactuals, party lists (probes of 2026-12-06)
    ("Moldova became the 92nd state party to the Arms Trade Treaty in 2019.", [("accession", "done", "MD")]),
    ("Peru was the last to sign the Minamata Convention on Mercury.", [("signature", "done", "PE")]),
    ("Hungary will be the last to ratify the Energy Charter Treaty.", [("ratification", "announced", "HU")]),
    ("Article 20 of the Minamata Convention on Mercury allows a party to withdraw after three years.", []),
    ("The Energy Charter Treaty permits members to leave with a year's notice.", []),
    ("Austria temporarily suspended parts of the Schengen Agreement.", [("suspension", "done", "AT")]),
    ("Georgia's accession protocol to the Energy Charter Treaty awaits approval.", []),
    ("Had Norway ratified the Kyoto Protocol in 1999, the talks would have ended sooner.",
     [("ratification", "proposed", None)]),
    ("The Minamata Convention on Mercury was signed by Peru and Chile in 2013.",
     [("signature", "done", "PE"), ("signature", "done", "CL")]),
    ("The United Nations Convention against Corruption entered into force in 2005.",
     [("entry_into_force", "done", None)]),   # "against" in the name is no negation
    ("The Convention against Discrimination in Education was ratified by Chile in 1971.",
     [("ratification", "done", "CL")]),
    ("Critics cite the Convention on Cluster Munitions, which Lithuania ratified in 2011.",
     [("ratification", "done", "LT")]),   # the subject of a relative clause that holds the act
    ("The Minamata Convention on Mercury entered into force in 2017 and has been ratified by Chile.",
     [("entry_into_force", "done", None), ("ratification", "done", "CL")]),   # a shared subject
    ("Peru ratified the Minamata Convention on Mercury in 2016 and was praised by Chile.",
     [("ratification", "done", "PE")]),
    ("Baghdad signed the Chemical Weapons Convention in 2009.", [("signature", "done", "IQ")]),   # "Baghdād"
    ("Brussels and Tokyo signed the Economic Partnership Agreement in 2018.",
     [("signature", "done", "EU"), ("signature", "done", "JP")]),   # the seat of the EU's institutions
    ("Pyongyang announced its withdrawal from the nuclear Non-Proliferation Treaty in 2003.",
     [("withdrawal", "announced", "KP")]),   # an adjective before the name
    ("There are no barriers to Chile quickly ratifying the Escazu Agreement.", [("ratification", "proposed", "CL")]),
    ("Hungary lifted its objections to Sweden joining the North Atlantic Treaty.", [("accession", "proposed", "SE")]),
    ("The court ruled the Rome Statute constitutional, clearing the way for ratification.",
     [("ratification", "proposed", None)]),
    ("The Dutch senate rejected the ratification of the Energy Charter Treaty.", []),
    ("Hungary blocked Sweden's accession to the North Atlantic Treaty for months.", []),
    ("The Senate rejected two amendments and ratified the New START treaty.", [("ratification", "done", None)]),
    ("Producers will meet to discuss quotas under the International Cocoa Agreement, suspended in 1988.",
     [("suspension", "done", None)]),   # a participle after its name: the cues before the name are not its own
    ("If the Minamata Convention on Mercury is ratified by Peru, it will enter into force.",
     [("ratification", "proposed", "PE"), ("entry_into_force", "proposed", None)]),
    ("Russia's ratification of the Comprehensive Nuclear-Test-Ban Treaty was revoked in November 2023.",
     [("deratification", "done", "RU")]),   # a revoked ratification, however long the name between
    ("The de-ratification of the Comprehensive Nuclear-Test-Ban Treaty by Russia took effect in November.",
     [("deratification", "done", "RU")]),   # the act's taking effect, not the treaty's entry into force
    ("Ratification of the Paris Agreement by Turkey is still pending.", []),
    ("The new rules under the Treaty of Lisbon took effect on December 1, 2009.", []),   # the rules took effect
    ("An amendment to the Montreal Protocol entered into force in 2019.", []),
    # -- from an adversarial probe of 352 invented sentences (2026-12-06): refusals and reversals read as acts
    ("Iran won't quit the Treaty on the Non-Proliferation of Nuclear Weapons, the minister says.", []),
    ("The United States hasn't ratified the Comprehensive Nuclear-Test-Ban Treaty.", []),
    ("Poland isn't leaving the Istanbul Convention.", []),
    ("Poland's president vetoed the law ratifying the Istanbul Convention.", []),
    ("The president refused to sign the law ratifying the Istanbul Convention.", []),
    ("The court struck down the law ratifying the Istanbul Convention.", []),
    ("Seoul suspended its decision to terminate the General Security of Military Information Agreement.", []),
    ("The Arms Trade Treaty contains no provision for suspension.", []),
    ("Any state that ratifies the Arms Trade Treaty must establish a control system.", []),
    ("Neither Russia nor the United States has ratified the Convention on Cluster Munitions.", []),
    ("Moscow's withdrawal from the New START treaty is not on the agenda, a spokesman said.", []),
    ("Reports that Belarus had withdrawn from the Treaty on Open Skies were false.", []),
    ("The United States signed the Kyoto Protocol but never submitted it to the Senate for ratification.",
     [("signature", "done", "US"), ("ratification", "proposed", "US")]),
    ("Russia will ratify the Istanbul Convention once the United States does.", [("ratification", "proposed", "RU")]),
    ("Will Hungary leave the Rome Statute?", [("withdrawal", "proposed", None)]),
    ("Iran says no decision yet on leaving the Treaty on the Non-Proliferation of Nuclear Weapons.",
     [("withdrawal", "proposed", "IR")]),
    ("The cabinet took the first step toward ratifying the Arms Trade Treaty.", [("ratification", "proposed", None)]),
    ("Few expect the Senate to ratify the United Nations Convention on the Law of the Sea.",
     [("ratification", "proposed", None)]),
    ("Ukraine did not join the Rome Statute until 2024.", [("accession", "done", "UA")]),
    ("The United States renounced its signature of the Rome Statute in 2002.", [("withdrawal", "done", "US")]),
    ("Putin ordered Russia's withdrawal of its signature from the Rome Statute.", [("withdrawal", "done", "RU")]),
    ("Moscow may reconsider its ratification of the Comprehensive Nuclear-Test-Ban Treaty.",
     [("deratification", "proposed", "RU")]),
    ("Russia revoked its CTBT ratification in 2023.", [("deratification", "done", "RU")]),
    ("Norway and Ireland were among the first to ratify the Convention on Cluster Munitions.",
     [("ratification", "done", "NO"), ("ratification", "done", "IE")]),
    ("The United States notified Russia in 2019 of its withdrawal from the Intermediate-Range Nuclear Forces Treaty.",
     [("withdrawal", "done", "US")]),   # the one notified is no party
    ("Seoul told Tokyo it would end the General Security of Military Information Agreement.",
     [("termination", "announced", "KR")]),
    ("Russia, unlike the United States, ratified the Comprehensive Nuclear-Test-Ban Treaty.",
     [("ratification", "done", "RU")]),
    ("Moscow mirrored Washington, which signed but never ratified the Comprehensive Nuclear-Test-Ban Treaty.",
     [("signature", "done", "US")]),
    ("The Convention on Cluster Munitions closed for signature when it entered into force on 1 August 2010.",
     [("entry_into_force", "done", None)]),   # a dated entry into force is a fact, whatever rule precedes it
    ("The BBNJ Agreement will enter into force on 17 January 2026, 120 days after the 60th ratification.",
     [("entry_into_force", "done", None), ("ratification", "proposed", None)]),
    ("Turkey's decision to leave the Istanbul Convention was announced on March 20, 2021.",
     [("withdrawal", "announced", "TR")]),
    ("Moscow's exit from the Treaty on Open Skies, announced in January, took effect in December.",
     [("withdrawal", "done", "RU")]),   # the exit's taking effect, not the treaty's entry into force
    ("India placed the Indus Waters Treaty with Pakistan in abeyance.", [("suspension", "done", "IN")]),
    ('"Today Poland is withdrawing from the Ottawa Convention," the minister told reporters.',
     [("withdrawal", "announced", "PL")]),
    # -- from a second adversarial probe (201 items)
    ("Argentina stopped short of withdrawing from the Paris Agreement.", []),
    ("Britain's home secretary has floated leaving the European Convention on Human Rights.",
     [("withdrawal", "proposed", "GB")]),
    ("Peru's Congress shelved ratification of the Escazu Agreement in 2020.", []),
    ("Seoul suspended the termination of the General Security of Military Information Agreement.", []),
    ("France did not say whether it would denounce the Energy Charter Treaty.", []),
    ("It is unclear whether Germany will denounce the Energy Charter Treaty.", []),
    ("Malaysia withdrew its instrument of accession to the Rome Statute in April 2019.",
     [("deratification", "done", "MY")]),
    ("Before Serbia signs the Stabilisation and Association Agreement, it must hand over the fugitives.",
     [("signature", "proposed", "RS")]),
    ("Before joining the European Union, Poland ratified the Istanbul Convention.", [("ratification", "done", "PL")]),
    ("Turkish Parliament Ratifies Istanbul Convention\n\nANKARA, Feb 24 - Lawmakers voted 247-0.",
     [("ratification", "done", "TR")]),   # a headline verb is no person's name after "Parliament"
    ("NATO news\n\nBRUSSELS, Nov 7 (Reuters) - NATO allies suspended the Treaty on Conventional Armed Forces in Europe.",
     [("suspension", "done", None)]),   # the dateline's city acts no more
    ("The signing of the Treaty on the Prohibition of Nuclear Weapons by Indonesia in 2017 was welcomed.",
     [("signature", "done", "ID")]),
    ("Having ratified the Istanbul Convention in 2014, Portugal now leads the campaign.",
     [("ratification", "done", "PT")]),
    ("South Africa said it would withdraw from the Rome Statute, but the notice was later revoked.",
     [("withdrawal", "announced", "ZA")]),   # the notice's revocation is no termination of the Statute
    ("Pompeo said Washington had given Moscow notice of its withdrawal from the Intermediate-Range Nuclear Forces "
     "Treaty.", [("withdrawal", "done", "US")]),
    ("Russia denounced the Treaty on Conventional Armed Forces in Europe; its withdrawal from the landmark pact took "
     "effect at midnight.", [("denunciation", "done", "RU"), ("withdrawal", "done", "RU")]),   # not an entry into force
    ("NATO allies suspended the operation of the Treaty on Conventional Armed Forces in Europe.",
     [("suspension", "done", None)]),
    ("NATO Allies Freeze Cold War Arms Treaty\n\nBRUSSELS (AP) - Allies suspended the Treaty on Conventional Armed "
     "Forces in Europe.", [("suspension", "done", None)]),   # a headline's description is no instrument
    ("Russia signed the Treaty on Open Skies in 1992 and ratified in 2001.",
     [("signature", "done", "RU"), ("ratification", "done", "RU")]),   # the second verb takes the first's object
    ("Russia signed the Treaty on Open Skies in 1992 and joined the club.", [("signature", "done", "RU")]),
    ("South Sudan ratified the Paris Agreement in February 2021, and Eritrea followed in 2023.",
     [("ratification", "done", "SS"), ("ratification", "done", "ER")]),   # a follow-up by another state
    ("France ratified the Kyoto Protocol in 2002. Nigeria did so in 2004.",
     [("ratification", "done", "FR"), ("ratification", "done", "NG")]),
    ("France ratified the Kyoto Protocol in 2002, but Italy has not done so.", [("ratification", "done", "FR")]),
    # -- from a third probe (230 items)
    ("The ruling does not amount to a denunciation of the American Convention on Human Rights.", []),
    ("Far from quitting the Antarctic Treaty, Argentina will host the meeting.", []),
    ("Timor-Leste will have to accede to the ASEAN Charter before becoming a member.",
     [("accession", "proposed", "TL")]),   # a requirement
    ("Cuba became the last Latin American state to ratify the Treaty of Tlatelolco, in 2002.",
     [("ratification", "done", "CU")]),
    ("Angola's President signed the AfCFTA instrument of ratification in 2020.", [("ratification", "done", "AO")]),
    ("In 2016 Pretoria deposited its notice of withdrawal from the Rome Statute, which it revoked in 2017.",
     [("withdrawal", "done", "ZA")]),   # the notice's revocation is no termination of the Statute
    ("The Pelindaba Treaty, which makes Africa a nuclear-weapon-free zone, entered into force on 15 July 2009.",
     [("entry_into_force", "done", None)]),
    ("ADDIS ABABA, March 3, 2024 — Ethiopia has signed the Maputo Protocol, officials said.",
     [("signature", "done", "ET")]),   # a dateline's full date dates the lead's act
    # -- from a fourth probe (12 long passages)
    ("The Algiers accord of 2015 ended the rebellion. Mali announced that it was leaving the Economic Community of "
     "West African States.", []),   # leaving an organisation: no act on the accord
    ("Mali announced the \"immediate termination\" of the Algiers accord.", [("termination", "done", "ML")]),
    ("Nicaragua signed the Rome Statute but only acceded to it in March 2005.",
     [("signature", "done", "NI"), ("accession", "done", "NI")]),
    ("Rebels said they were quitting the Algiers accord's monitoring committee.", []),
    ("Lawmakers debate the Ottawa Convention and a bill on withdrawal, which President Duda has said he would sign.",
     [("withdrawal", "proposed", None)]),   # the bill's signing is no signature of the Convention
    ("He said a future Conservative government would withdraw the United Kingdom from the European Convention on "
     "Human Rights.", [("withdrawal", "proposed", "GB")]),
    # -- one record per action: restatements merged
    ("Russia denounces the European Convention on Human Rights. Russia denounced the European Convention on "
     "Human Rights on Tuesday.", [("denunciation", "done", "RU")]),
]
