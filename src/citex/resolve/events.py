"""Step 6 of resolution: treaty actions on the names, one event per acting party.

For every trigger word of treaty practice (``citex.grammar.actions``) near a name:

1. **attachment** — what it acts on: the name after it ("denounced *the* Convention"), the name of
   the next coordinated trigger ("signed and ratified the Treaty"), a pronoun's antecedent
   ("ratified it"), the name before a participle ("… Protocols thereto, signed on behalf of");
2. **status** — whether it happened, was announced or only proposed, or is no act at all
   (:mod:`citex.resolve.status`);
3. **parties** — who acts (:mod:`citex.resolve.parties`): the subject before the trigger (with the
   states listed with it), a passive agent ("ratified by India"), a party inside a nominal act
   ("the withdrawal of Hungary from"), one event per state;
4. **date and place** of the act: after it ("in Strasbourg on 28 February 1996"), a date opening
   the sentence ("In 2019 Ukraine ended …"), or a date of the clause before it ("announced on
   18 March 2025 that they would withdraw"); never the instrument's own date.

Triggers are looked for only in windows around the names, so the cost per megabyte does not grow
with the document.
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

import attrs
import regex

from citex import limits, vocab
from citex.grammar import actions as A
from citex.grammar import relations as R
from citex.grammar.actions import Trigger, find_triggers
from citex.grammar.dates import NUMBER_WORDS
from citex.grammar.instruments import HEADS, alternation
from citex.models import Date, Event, Party
from citex.resolve.context import DocContext
from citex.resolve.own import tail
from citex.resolve.parties import dominant_country, named_parties, party_of_place, state_forms, unnamed_organs
from citex.resolve.status import status_of
from citex.text.lines import unwrapped
from citex.text.spans import SpanIndex, merge_spans

# how far around the names triggers (and named parties) are looked for
SCAN_MARGIN = 300
# how far beyond those windows places are read as possible parties
PARTY_MARGIN = 600
# how far after a trigger its object may start, and how far before a participle its object may end
OBJECT_REACH = 150
OBJECT_GAP_REACH = 60   # an organisation named right after the act ("withdrawal from the ICC")
PARTICIPLE_REACH = 120   # (an aside may stand between: "…, which makes Africa a nuclear-weapon-free zone, entered …")
# how far back a date opening the sentence may date the act, and a non-state subject be seen
LEADING_DATE_BACK = 200
SENTENCE_DATE_BACK = 500   # (a date opening the sentence dates its acts this far on)
SUBJECT_BACK = 60
# the acting party is looked for among at most this many parties before the trigger in its sentence
MAX_SUBJECT_PARTIES = 30
# a pronoun's antecedent may be this far back (the sentence before included), and an objectless
# act's topic ("… signed the Treaty; Maldives both signed and ratified.")
PRONOUN_BACK = 400
TOPIC_BACK = 600

# a law that does an act: "the law *abolishing*", "a decree *suspending*"
_LAW_BEFORE = regex.compile(r"(?<![\w\-])(?:law|decree|bill|act|resolution|order|ordinance)[ \t]{1,3}\Z", regex.IGNORECASE)
_LAW_ACT_BEFORE = regex.compile(r"(?<![\w\-])(?:law|decree|bill|act|resolution|order|ordinance)[ \t]{1,3}[\p{Ll}\-]+ing"
                                r"[ \t]{1,3}(?:the[ \t]{1,3})?\Z", regex.IGNORECASE)
_TIME_OF = regex.compile(r"(?<![\w\-])(?:day|date|time|moment|anniversary|years?|months?|days)[ \t]{1,3}(?:of|after|"
                         r"following|from)[ \t]{1,3}(?:(?:its|their|the)[ \t]{1,3})?\Z", regex.IGNORECASE)
# a subject that counts the states of a list named before: "The three nations, which …", "both countries"
_COUNTED_SUBJECT = regex.compile(
    r"(?<![\w\-])(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)[ \t]{1,3}(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"[ \t]{1,3}(?:[\w\-]+[ \t]{1,3})?(?:nations|countries|states|governments|juntas|neighbours|neighbors)"
    r"(?![\w\-])[^.;:!?\n]{0,80}\Z")
COUNTED_BACK = 1500
# a subject that counts unnamed states: "54 nations have signed", "only 27 have ratified", "all but one … have"
_COUNT_SUBJECT = regex.compile(
    r"(?<![\w\-])(?:\d[\d,]*|all|most|many|several|some|dozens|hundreds|none)(?:[ \t]{1,3}(?:[\w\-]+)){0,6}?"
    r"[ \t]{1,3}(?:(?:have|has|had|already|also|now|so[ \t]+far|yet)[ \t]{1,3}){1,3}\Z", regex.IGNORECASE)
# an acronym object: "the AfCFTA", "the CTBT" (mixed case inside, two capitals at least)
_ACRONYM_AFTER = regex.compile(r"[^.;:!?\n]{0,30}?(?<![\w\-])(?P<acr>\p{Lu}[\p{Lu}\p{Ll}]{0,6}\p{Lu})(?![\w\-])")
_QUOTE_OPEN = regex.compile(r"[,:][ \t]{0,3}[“\"‘']\Z")
_BRACKETED = regex.compile(r"[^()\n]{0,3}\)")
# a noun phrase right before a verb: "the EC directive, due to come …", "the new rules will take …"
_NP_SUBJECT = regex.compile(
    r"(?<![\w\-])(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir|[Tt]hese|[Tt]hose)[ \t]{1,3}(?:[\w\-]+[ \t]{1,3}){0,3}?"
    r"(?P<noun>[\p{L}][\w\-]+)[ \t]{0,2},?[ \t]{0,2}(?:(?:due|set|scheduled|expected|likely|which|that|is|was|are|were|"
    r"will|would|shall|should|has|have|had|been|be|to|also|then|finally|only|now|already|formally|officially)"
    r"[ \t]{1,3}){0,5}\Z")
# a class of instruments the act is on, then one of them: "… in all bilateral agreements with India, including the"
_INCLUDING_GAP = regex.compile(r"[^.;:!?\n]{0,110}?(?:,[ \t]{1,3}|[ \t]{1,3})(?:including|notably|especially|such[ \t]+as)"
                               r"[ \t]{1,3}(?:the[ \t]{1,3})?(?:(?:1[89]|20)\d\d[ \t]{1,3})?\Z")
# before an objectless trigger: a noun's article or quote ("the so-called *freeze*"), or a relative clause
# whose antecedent is the act's object ("a meeting *in which* the minister will *join*")
_ARTICLE_BEFORE = regex.compile(r"(?<![\w\-])(?:the|a|an|so-called)[ \t]{1,3}[\"“‘']?\Z", regex.IGNORECASE)
_IN_WHICH = regex.compile(r"(?<![\w\-])(?:in|at|to|into|of|for)[ \t]{1,3}which[^;:,\n]{0,60}\Z", regex.IGNORECASE)
# "import licenses have been suspended": a bare plural subject before the auxiliaries
_BARE_SUBJECT = regex.compile(r"(?<![\w\-])(?!(?:has|was|does|its|this|thus|hers|ours|yours|theirs)(?![\w\-]))"
                              r"(?P<noun>\p{Ll}[\w\-]{2,}s)[ \t]{1,3}(?:(?:have|has|had|were|are|was|is|been|"
                              r"being|will|would|be)[ \t]{1,3}){1,3}(?:\w+ly[ \t]{1,3})?\Z")
# subjects that may act on the topic: the instrument, a pronoun, a state or its organs
_SUBJECT_WORDS = frozenset({"treaty", "agreement", "convention", "protocol", "accord", "pact", "charter",
                            "covenant", "statute", "amendment", "document", "deal", "it", "they", "country",
                            "countries", "nation", "nations", "state", "states", "kingdom", "republic",
                            "members", "parties", "signatories"}) | frozenset(
    w.lower() for w in vocab.entries("parties/roles"))
# acts whose date may be the day they take effect ("effective as of 2 June 2026")
# how far before a trigger the names whose words are no cues are looked for (the cue look-back is shorter)
NAMES_BACK = 400
EFFECTIVE_ACTIONS = frozenset({"withdrawal", "denunciation", "termination", "deratification"})
_EFFECT_GAP = regex.compile(r"[ \t]{1,3}(?:(?:will|shall|would|is|was|has|had|then|only|formally|also|to)[ \t]{1,3}){0,3}")
# after the act's object, its agent may come first: "the de-ratification of the Treaty *by Russia* took effect"
# or the act's object not a name ("Russia's withdrawal *from the landmark pact* took effect at midnight")
_LOOSE_OBJECT_THEN_EFFECT = regex.compile(r"[ \t]{1,3}(?:from|of)[ \t]{1,3}[^,.;:!?()\n]{1,50}?" + _EFFECT_GAP.pattern)
# or a participle phrase: "Moscow's exit from the Treaty, *announced in January 2021,* took effect in December"
_AGENT_THEN_EFFECT = regex.compile(r"(?:[ \t]{1,3}by[ \t]{1,3}[^,.;:()\n]{1,40}?|[ \t]{0,2},[ \t]{1,3}(?:announced|notified|decided|"
                                   r"declared|made|submitted|lodged|deposited)[^,.;:()\n]{0,40},)" + _EFFECT_GAP.pattern)
_EFFECTIVE_BEFORE = regex.compile(r"(?<![\w\-])effective(?:[ \t]{1,3}(?:as[ \t]{1,3}of|from|on))?[ \t]{1,3}\Z",
                                  regex.IGNORECASE)

# words before a party that make it no subject: "signed *in* Moscow", "a treaty *with* Russia"
_NOT_SUBJECT = regex.compile(r"(?<![\w\-])(?:in|from|to|with|at|of|between|against|on|for|by|into|toward|towards|"
                             r"near|than|like|unlike|including|"
                             # the one told: "the United States notified *Russia* of its withdrawal", "Seoul told *Tokyo* it would"
                             r"notif(?:y|ies|ied)|told|tells|tell|inform(?:s|ed)?|warn(?:s|ed)?|assur(?:es|ed)|ask(?:s|ed)|"
                             r"urg(?:es|ed)|sen[dt]s?|remind(?:s|ed)?|gave|give|gives|given|giving|hand(?:s|ed)?)[ \t]{1,3}(?:the[ \t]{1,3})?\Z",
                             regex.IGNORECASE)
_ON_BEHALF = regex.compile(r"[ \t]{0,3},?[ \t]{0,3}on[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_BEHALF_AFTER = regex.compile(r"['’]s?\s{1,3}behalf(?![\w\-])")
# another party doing the same: "… signed the statute — as did the U.S. —", ", as has France"
_AS_DID = regex.compile(r"[ \t]*[,—–(][ \t]*as[ \t]{1,3}(?:did|had|has|have|was|were|is|are|does|do)[ \t]{1,3}"
                        r"(?:the[ \t]{1,3})?\Z")
# an insertion between dashes or brackets: its parties are not the sentence's subject
_INSERTION_OPEN = regex.compile(r"(?:—|[ \t]–[ \t]|[ \t]-[ \t]|\()[^—–()\n]{0,40}\Z")
_INSERTION_CLOSE = regex.compile(r"[^—–()\n]{0,40}?(?:[ \t]?—|[ \t]–[ \t]|[ \t]-[ \t]|\))")
# a person or office "of" a state: "President Muhammadu Buhari *of* Nigeria", "the Government of France"
_PERSON_OF = regex.compile(r"(?:\p{Lu}[\p{Ll}'’\-]+[ \t]{1,3}of|(?<![\w\-])(?i:%s)[ \t]{1,3}(?:of|in))[ \t]{1,3}(?:the[ \t]{1,3})?\Z"
                           % alternation(vocab.entries("parties/roles")))
# between the states of a list of persons "of" states: "Buhari of Nigeria *and Patrice Talon of* Benin"
_PERSON_LIST_GAP = regex.compile(r"[ \t]{0,2},?[ \t]{1,3}and[ \t]{1,3}(?:\p{Lu}[\w.'’\-]*[ \t]{1,3}){1,4}of[ \t]{1,3}(?:the[ \t]{1,3})?")
# a possessive before a nominal act: "Kazakhstan*'s* accession", "North Korea*'s de facto declaration of its* abrogation"
_POSSESSIVE_GAP = regex.compile(r"['’]s?[ \t]{1,3}(?:[\w\-]+[ \t]{1,3}){0,4}?(?:of[ \t]{1,3}(?:its|their)[ \t]{1,3})?")
# "an application *from* Syria (SAR) *for* accession": the state asks for the act
_FROM_BEFORE = regex.compile(r"(?<![\w\-])(?:from|by)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_FOR_AFTER = regex.compile(r"(?:[ \t]{1,3}\([\p{Lu}.]{2,8}\))?[ \t]{1,3}for[ \t]{1,3}")
# a gerund opening its sentence, its subject after the comma: "*By* withdrawing its signature, the US …"
_FRONTED_GERUND = regex.compile(r"(?:\A|[\s\"“(])(?:By|After|In|Since|Upon|On|Before)[ \t]{1,3}\Z")
# the state an entry into force concerns: "entered into force *for* Ukraine", "*with respect to* Japan"
_FOR_STATE = regex.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:for|with[ \t]+respect[ \t]+to|in[ \t]+respect[ \t]+of|in)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# an organ that belongs to a state named with it: "Russia*'s* parliament"
_OWNED = regex.compile(r"['’]s?[ \t]{1,3}\Z")   # (a nationality before it is a named party already)
_OF_STATE = regex.compile(r"[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?\p{Lu}")
# what may open a sentence before its first word: blanks, quotes, a bullet
_OPENS = regex.compile(r"[\s\"“‘'(\[]*(?:[-–—•*][ \t]{0,3})?[\"“‘']?")
# a state praised or blamed "for" its act: "gratitude to Armenia *for* signing"
# a name in a phrase headed by a lower-case noun is not the subject of the verb after it: "the new rules *under
# the* Treaty of Lisbon took effect", "an amendment *to the* Montreal Protocol entered into force"
_IN_PHRASE = regex.compile(r"(?<![\w\-])(?!(?:the|a|an|its|their|and|or)[ \t])\p{Ll}[\p{Ll}\-]*+[ \t]{1,3}"
                           r"(?:under|of|in|within|to|from)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# a gerund right before a state (give or take "the"): the state is its object ("Before joining the European Union,")
_OBJECT_OF_WORD = regex.compile(r"(?<![\w\-])\p{Ll}[\p{Ll}\-]{1,20}ing[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_PREP_BEFORE = regex.compile(r"(?<![\w\-])(?:with|to|from|for|against|between|of|in|on)[ \t]{1,3}(?:the[ \t]{1,3})?\Z",
                             regex.IGNORECASE)
# the act's notice or decision undone right before its noun: "revoked its notice of withdrawal"
_UNDONE_BEFORE = regex.compile(r"(?<![\w\-])(?:revok|rescind|withdr[ae]w|cancel|annul|revers|retract)\w*[ \t]{1,3}"
                               r"(?:its|their|the|his|her|\p{Lu}[\w.]*['’]s)[ \t]{1,3}(?:notice|notification|decision|letter|instrument)"
                               r"[ \t]{1,3}of[ \t]{1,3}\Z", regex.IGNORECASE)
_CAPS_DATELINE = regex.compile(r"[\s\"“]*\p{Lu}{2,}(?:[ \t\-]\p{Lu}{2,}){0,3},")
_QUESTION_END = regex.compile(r".*\?[\"”’)]?\s*\Z", regex.DOTALL)
_AUXILIARY = regex.compile(r"(?<![\w\-])(?:was|were|is|are|be|been|being|has|have|had|will|would|shall|should|may|might|"
                           r"must|can|could|got|gets|get)(?![\w\-])")
_FOR_GERUND = regex.compile(r"[ \t]{1,3}for[ \t]{1,3}(?:\w+ly[ \t]{1,3})?|[ \t]{1,3}(?:\w+ly[ \t]{1,3})?")
# ("thanked Armenia *for* signing", and a gerund's own subject right before it: "objections to *Sweden* joining")
_THE = regex.compile(r"[ \t]*(?:[Tt]he[ \t]+)?")
_COMMA_THE = regex.compile(r",[ \t]{1,3}(?:the[ \t]{1,3})?")
# "The countries *that have* signed …"
_RELATIVE_PERFECT = regex.compile(r"(?:that|which|who)[ \t]{1,3}(?:have|has|had)[ \t]{1,3}\Z")
# a passive trigger: its agent follows ("was ratified by India", "has been signed by 46 countries")
_PASSIVE = regex.compile(r"(?<![\w\-])(?:was|were|been|being|is|are|be|got|get|gets)[ \t]{1,3}"
                         r"(?:(?:\w+ly|later|then|also|since|now|already|soon|first|once|again)[ \t]{1,3}){0,2}\Z",
                         regex.IGNORECASE)
# between coordinated triggers: "signed *and* ratified", "signed *but not yet* ratified" (no event then)
_COORD_TRIGGER = regex.compile(r"[ \t]{0,2},?[ \t]{1,3}(?:(?:and|or|&)(?:[ \t]{1,3}(?:then|later|subsequently|also))?"
                                r"|but(?:[ \t]{1,3}(?:has|have|had|did|does|do|is|was|not|never|yet|to|so[ \t]+far|still)){0,4})"
                                r"[ \t]{1,3}\Z"
                               r"|[ \t]{0,2}(?:,|/)[ \t]{0,3}\Z", regex.IGNORECASE)
# a verb with its party between it and the object: "withdraw *Russia from the*"
_VERB_PARTY_GAP = regex.compile(r"[ \t]{1,3}(?P<party>[^,.;:()\n]{2,40}?)[ \t]{1,3}(?:from|of)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# an act with no object: the clause ends after it (and its date, place, agent)
_ADJUNCT = r"(?:[ \t]{1,3}(?:on|in|at|with|during|before|after)[ \t]{1,3}[^.;:,\n]{1,40}?)?"   # "… on 25 September"
_NO_OBJECT_VERB = regex.compile(r"(?:[ \t]{1,3}(?:both|also|too|already|so[ \t]+far|as[ \t]+well|yet|in[ \t]+turn)){0,2}"
                                + _ADJUNCT + r"[ \t]*(?:[.;!?\n]|,|[ \t]and[ \t]|[ \t]but[ \t]|\Z)")
_NO_OBJECT_NOUN = regex.compile(_ADJUNCT + r"[ \t]*[.;!?\n,]")
# "signed *by 24 countries*", "ratified by 11 states": a status sentence, no state named
_AGENT_COUNT = regex.compile(r"[ \t]{1,3}by[ \t]{1,3}(?:more[ \t]+than[ \t]+|over[ \t]+|some[ \t]+|about[ \t]+|only[ \t]+|at[ \t]+least[ \t]+)?"
                             r"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)[ \t]{1,3}(?:\w+[ \t]{1,3})?(?:countries|states|nations|parties|members|governments)\b",
                             regex.IGNORECASE)
_AND_PARTY = regex.compile(r"[ \t]{0,2},?[ \t]{1,3}(?:and|as[ \t]+well[ \t]+as|plus)[ \t]{1,3}(?:the[ \t]{1,3})?")
# a participle opening its clause before the name: "Despite being signed by 24 countries, *the* deal …"
_FRONTED_GAP = regex.compile(r"[^.;:!?\n]{0,80}?,[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_FRONTED_BEFORE = regex.compile(r"(?:\A[\s\"“]*|[.;!?\n][\s\"“]*|\b(?:[Dd]espite|[Aa]fter|[Ss]ince|[Oo]nce|[Ww]hile|[Aa]lthough|[Tt]hough)[ \t]{1,3})"
                                r"(?:being[ \t]{1,3}|having[ \t]{1,3}been[ \t]{1,3})?\Z")
# a list of the parties after the act: "The countries that have signed the Convention so far *are:* A, B …"
_LIST_AFTER = regex.compile(r"[ \t]{0,3},?(?:[ \t]{1,3}(?:so[ \t]+far|to[ \t]+date|thus[ \t]+far|already|now))?[ \t]{1,3}"
                            r"(?:are|were|include|included|includes)[ \t]{0,3}:?[ \t]{1,3}")
# a passive with a pronoun subject: "*it has been* signed by 45 countries" (its object is the topic)
_PRONOUN_PASSIVE = regex.compile(r"(?<![\w\-])(?:it|they)[ \t]{1,3}(?:(?:has|have|had|was|were|is|are|been)[ \t]{1,3}){1,2}"
                                 r"(?:\w+ly[ \t]{1,3}|already[ \t]{1,3}|now[ \t]{1,3}|since[ \t]{1,3}){0,2}\Z", regex.IGNORECASE)
# a date further on in the act's clause: "deposited the instrument … with the UN Office *on* July 25, 2023"
_LATER_DATE_GAP = regex.compile(r"[^.;:!?\n]{0,80}?(?<![\w\-])(?:on|in|as[ \t]+of|effective)[ \t]{1,3}" + R.MONTH_QUALIFIER + r"\Z",
                                regex.IGNORECASE)
LATER_DATE_REACH = 100
# (a report's date is not the act's: "…, the agency reported on 25 March 2022"; but a passive announcement of the act
# dates it: "Turkey's decision to leave … was announced on March 20, 2021"); nor is the date of the act's undoing
# ("The Gambia's notice of withdrawal … was rescinded in February 2017")
_REPORTED = regex.compile(r"(?<![\w\-])(?<!(?:was|were|been|being|is|are)[ \t]{1,3})(?:reported|reports|said|says|announced|told|"
                          r"stated|added|noted|wrote|tweeted|quoted|cited|citing|according)(?![\w\-])"
                          r"|(?<![\w\-])(?:rescinded|revoked|annulled|cancell?ed|reversed|retracted)(?![\w\-])")
_APPOSITION = regex.compile(r"[ \t]{0,2},[ \t]{0,2}")
_ANY_GAP = regex.compile(r"[^.;:!?\n]{0,100}")
# "deposited … this morning, December 23, 2002" (no reference date: the day word is no date)
_DAY_WORD_GAP = regex.compile(r"[^.;:!?\n]{0,80}?(?<![\w\-])(?:today|yesterday|tonight|this[ \t]{1,3}(?:morning|afternoon|"
                              r"evening))[ \t]{0,2},[ \t]{0,2}\Z", regex.IGNORECASE)
# between a domestic law's name and the act it enacts: "Act of 8 July 2005*, regarding the* ratification"
LAW_REACH = 80
LAW_EFFECT_REACH = 300   # "the law abolishing the Treaty … will come into effect from …"
_LAW_GAP = regex.compile(r"[^.;:!?]{0,40}?(?:,|\n)?[ \t]{0,3}\n?[ \t]*(?:(?:regarding|concerning|on|about)[ \t]{1,3}(?:the[ \t]{1,3})?|[Tt]o[ \t]{1,3})\Z")
# a date before the act in its clause: "announced *on* 18 March 2025 that …", "*in* 2016 the Gambia …"
_COMPOUND_GAP = regex.compile(r"[ \t]{1,2}")   # a name used as a modifier of the act: "the CTBT ratification"
_SELF_LED = regex.compile(r"(?:on|in|since|as[ \t]+of)[ \t]", regex.IGNORECASE)
_DATE_LEAD = regex.compile(r"(?<![\w\-])(?:on|in|since|dated|as[ \t]+of)[ \t]{1,3}" + R.MONTH_QUALIFIER + r"\Z", regex.IGNORECASE)


class GroupIndex:
    """The groups of items (one name, or a list of names) by where they start and end."""

    def __init__(self, doc: DocContext):
        items = doc.items
        # (a short form with no antecedent is no name: it is dropped after this step)
        groups = [g for g in doc.groups if not all(items[i].short and items[i].alias_of is None for i in g)]
        self.groups = groups
        self.first_start = [min(items[i].start for i in g) for g in groups]
        self.last_end = [max(items[i].end for i in g) for g in groups]
        self.gstarts = sorted((s, gi) for gi, s in enumerate(self.first_start))
        self.gs_keys = [s for s, _ in self.gstarts]
        self.gends = sorted((e, gi) for gi, e in enumerate(self.last_end))
        self.ge_keys = [e for e, _ in self.gends]

    def first_after(self, pos: int) -> tuple:
        """(start, group) of the first group starting at or after ``pos``."""
        k = bisect.bisect_left(self.gs_keys, pos)
        return self.gstarts[k] if k < len(self.gstarts) else (-1, None)

    def last_before(self, pos: int) -> tuple:
        """(end, group) of the last group ending at or before ``pos``; of names ending together
        the outer one ("Protocol No. 15 amending the Convention … Freedoms| entered into force"
        is the protocol's act, not its parent's)."""
        k = bisect.bisect_right(self.ge_keys, pos) - 1
        if k < 0:
            return -1, None
        ge, gi = self.gends[k]
        while k > 0 and self.gends[k - 1][0] == ge:
            k -= 1
            if self.first_start[self.gends[k][1]] < self.first_start[gi]:
                gi = self.gends[k][1]
        return ge, gi

    def windows(self, n: int, margin: int) -> list[tuple[int, int]]:
        """The text around the names, as sorted, merged ``(start, end)`` windows."""
        return merge_spans((max(0, s - margin), min(n, self.last_end[gi] + margin)) for s, gi in self.gstarts)


@attrs.define(slots=True)
class Attachment:
    """The items a trigger acts on, and how they were found."""

    targets: list
    party: Optional[Party] = None   # a party inside the gap ("the withdrawal of Hungary from the")
    post: bool = False              # a participle after its object ("… thereto, signed on behalf of")
    pronoun_end: Optional[int] = None
    effect: bool = False            # "The withdrawal will enter into effect on …": the act's taking effect
    obj_end: int = -1               # where the object ends (the next trigger's, for coordinated triggers)


@attrs.define(slots=True)
class Scan:
    """One document's event scan: names by position, parties, and the triggers found."""

    doc: DocContext
    groups: GroupIndex
    parties: SpanIndex
    triggers: list[Trigger]
    attachments: dict = attrs.Factory(dict)   # trigger index → Attachment (for coordinated triggers)
    starts: list[int] = attrs.Factory(list)   # the triggers' starts, for bisect
    effects: dict = attrs.Factory(dict)       # trigger index → the date its act takes effect
    effect_ends: dict = attrs.Factory(dict)   # nominal act's index → the end of its "will enter into effect"
    founding: dict = attrs.Factory(dict)      # organisation → its founding instrument's names (start, group)

    name_spans: list = attrs.Factory(list)    # the names' (start, end), by start
    name_starts: list = attrs.Factory(list)

    def __attrs_post_init__(self) -> None:
        self.starts = [t.start for t in self.triggers]
        self.name_spans = sorted((it.start, it.end) for it in self.doc.items)
        self.name_starts = [s for s, _ in self.name_spans]

    def names_before(self, lo: int, pos: int) -> list[tuple[int, int]]:
        """The names that start in ``[pos - NAMES_BACK, pos)`` and end after ``lo`` (bounded: a cue
        look-back is shorter)."""
        a = bisect.bisect_left(self.name_starts, max(lo, pos - NAMES_BACK) - NAMES_BACK)
        b = bisect.bisect_left(self.name_starts, pos)
        return [sp for sp in self.name_spans[a:b] if sp[1] > lo]


def _party_in(scan: Scan, start: int, end: int) -> Optional[Party]:
    """The party that makes up ``text[start:end]`` (give or take "the")."""
    for p in scan.parties.between(start, end):
        if p.end <= end and _THE.fullmatch(scan.doc.text, start, p.start):
            return p
    return None


def _attach_after(scan: Scan, trig: Trigger) -> Optional[Attachment]:
    doc, gx = scan.doc, scan.groups
    text, te = doc.text, trig.end
    gs, gi = gx.first_after(trig.start + 1)
    if gi is not None and gx.last_end[gi] <= te:  # the object inside the phrase: "placed the … Agreement in abeyance"
        return Attachment(gx.groups[gi])
    gs, gi = gx.first_after(te)
    if gi is None or gs - te > OBJECT_REACH:
        return None
    gap = text[te:gs]
    if trig.nominal and text[gs:gs + 1].islower() and not gap.strip():
        return None   # the act's noun before a lower-case name is its modifier: "Sweden's accession protocol to …"
    om = R.OBJECT_GAP.fullmatch(gap) or R.OBJECT_GAP.fullmatch(R.strip_date_qualifier(gap, pre=True))
    if om:
        owner = _party_in(scan, te + om.start("owner"), te + om.end("owner")) if om.group("owner") and \
            om.string is gap else None
        return Attachment(gx.groups[gi], party=owner)  # "suspending *Russia's* participation in the …"
    m = R.NOMINAL_PARTY_GAP.fullmatch(gap) if trig.nominal else _VERB_PARTY_GAP.fullmatch(gap)
    if m:
        party = _party_in(scan, te + m.start("party"), te + m.end("party"))
        if party is not None or trig.nominal:
            return Attachment(gx.groups[gi], party=party)
    if _INCLUDING_GAP.fullmatch(gap):   # "… its participation in all bilateral agreements, including the Simla Agreement"
        return Attachment(gx.groups[gi])
    return None


@functools.lru_cache(maxsize=1)
def _bodies() -> tuple[regex.Pattern, dict[str, str]]:
    """Organisations left or joined through their founding instrument (``actions/bodies.tsv``)."""
    rows = {r[0]: r[1] for r in vocab.rows("actions/bodies")}
    return regex.compile(r"(?<![\w\-])(?:" + alternation(rows) + r")(?![\w\-])"), rows


def _body_object(scan: Scan, trig: Trigger) -> Optional[Attachment]:
    """ "withdrawal from the International Criminal Court": the act is on the body's founding instrument
    (the Rome Statute), when the document cites it."""
    rx, founding = _bodies()
    text = scan.doc.text
    m = rx.search(text, trig.end, min(len(text), trig.end + OBJECT_GAP_REACH))
    if m is None or not R.OBJECT_GAP.fullmatch(text, trig.end, m.start()):
        return None
    gx = scan.groups
    found = scan.founding.get(m.group())
    if found is None:   # the names of the body's founding instrument, once per document: (start, group)
        words = founding[m.group()]
        found = scan.founding[m.group()] = [(gx.first_start[gi], gi) for gi, g in enumerate(gx.groups)
                                            if any(words in scan.doc.items[i].title.lower() for i in g)]
        found.sort()
    if not found:
        return None
    k = bisect.bisect_left(found, (trig.start, -1))
    near = [found[j] for j in (k - 1, k) if 0 <= j < len(found)]
    _, best = min(near, key=lambda sg: abs(sg[0] - trig.start))
    return Attachment(gx.groups[best], obj_end=m.end())   # (its tail follows the body)


# an acronym that qualifies a head ("EU Constitution", "UN Convention …") is not the name: "leave the EU"
# leaves the Union
_NOT_BEFORE_HEAD = r"(?![ \t]{1,3}(?i:" + alternation(HEADS) + r")(?![\w\-]))"


def _acronym_object(scan: Scan, trig: Trigger) -> Optional[Attachment]:
    """ "President Buhari signed *the AfCFTA*": an acronym that a cited title holds ("Agreement
    Establishing the AfCFTA") names that instrument after an act."""
    text = scan.doc.text
    m = _ACRONYM_AFTER.match(text, trig.end)
    if m is None or not R.OBJECT_GAP.fullmatch(text, trig.end, m.start("acr")):
        return None
    word = regex.compile(r"(?<![\w\-])" + regex.escape(m.group("acr")) + r"(?![\w\-])" + _NOT_BEFORE_HEAD)
    gx = scan.groups
    ge, gi = gx.last_before(trig.start)
    for _ in range(MAX_SUBJECT_PARTIES):   # the nearest such name before the act
        if gi is None:
            return None
        if any(word.search(scan.doc.items[i].title) for i in gx.groups[gi]):
            return Attachment(gx.groups[gi])
        ge, gi = gx.last_before(gx.first_start[gi])
    return None


def _body_windows(doc: DocContext) -> list[tuple[int, int]]:
    """The text before the organisations whose founding instrument the document cites ("… withdrawal
    from the ICC", far from "Rome Statute"), where their acts are looked for."""
    rx, founding = _bodies()
    titles = {it.title.lower() for it in doc.items}
    wanted = {name for name, words in founding.items() if any(words in t for t in titles)}
    if not wanted:
        return []
    return [(max(0, m.start() - SCAN_MARGIN), m.end()) for m in rx.finditer(doc.text, timeout=limits.REGEX_TIMEOUT)
            if m.group() in wanted]


def _attach(scan: Scan, k: int, sent_start: int) -> Attachment:
    """What trigger ``k`` acts on: the name after it, the next coordinated trigger's object, a
    pronoun's antecedent, or the name before a participle."""
    doc, gx = scan.doc, scan.groups
    trig = scan.triggers[k]
    text, ts, te = doc.text, trig.start, trig.end
    att = _attach_after(scan, trig) or _body_object(scan, trig) or _acronym_object(scan, trig)
    if att is not None:
        return att
    if k + 1 < len(scan.triggers):  # "signed and ratified the Treaty": the next trigger's object
        nxt = scan.triggers[k + 1]
        nat = scan.attachments.get(k + 1)
        if nat is not None and nat.targets and not nat.post and _COORD_TRIGGER.fullmatch(text, te, nxt.start):
            return Attachment(nat.targets, pronoun_end=nat.pronoun_end, obj_end=nat.obj_end)
    shared = _object_before_and(scan, k, sent_start)
    if shared is not None:  # "suspend its obligations under the INF Treaty on Saturday and formally withdraw …"
        return shared
    pm = R.PRONOUN_OBJECT.match(text, te)
    if pm:  # "… and ratified it": the last instrument named before the trigger (this sentence or the last)
        ge, gi = gx.last_before(ts)
        if gi is not None and ts - ge <= PRONOUN_BACK and gx.first_start[gi] >= doc.sentence_start(max(0, sent_start - 1)):
            return Attachment(gx.groups[gi], pronoun_end=pm.end())
    ge, gi = gx.last_before(ts)
    if gi is not None and trig.action == "entry_into_force" and \
            _IN_PHRASE.search(text, max(0, gx.first_start[gi] - 40), gx.first_start[gi]) and \
            (_COMPOUND_GAP.fullmatch(text, ge, ts) or R.PARTICIPLE_GAP.fullmatch(text, ge, ts)):
        return Attachment([])   # what took effect is the phrase's head, not the name inside it
    if gi is not None and " " in trig.text and _COMPOUND_GAP.fullmatch(text, ge, ts) \
            and not R.ATTRIBUTIVE_AFTER.match(text, te):   # (not "the CTBT ratification debate")
        # "Russia's Comprehensive Nuclear-Test-Ban Treaty *ratification was revoked*" (a phrase, not a bare
        # noun: "Basel Convention signatories" is a status)
        return Attachment(gx.groups[gi], party=_owner_before(scan, gx.first_start[gi], sent_start))
    if trig.action in R.PARTICIPLE_ACTIONS and trig.form in ("past", "noun") and \
            not R.ATTRIBUTIVE_AFTER.match(text, te) and not (trig.form == "past" and R.DIRECT_OBJECT.match(text, te)):
        # "… thereto, signed on behalf of …" (not "the CTBT ratification debate", nor "the accord ended the war")
        ge, gi = gx.last_before(ts)
        if gi is not None and ts - ge <= PARTICIPLE_REACH:
            gap = text[ge:ts]
            if R.PARTICIPLE_GAP.fullmatch(gap) or R.PARTICIPLE_GAP.fullmatch(R.strip_date_qualifier(gap)):
                return Attachment(gx.groups[gi], post=True)
    if trig.action == "termination" and _UNDO_WORD.match(trig.text) and _WHICH_BEFORE.search(text, max(0, ts - 24), ts):
        return Attachment([])   # "its notice of withdrawal …, which it revoked in March 2017": the notice is undone
    return _fronted(scan, trig, sent_start) or _shared_subject(scan, k, sent_start) or _topic(scan, trig) \
        or Attachment([])


# undoing verbs whose object a relative pronoun gives ("…, which it revoked"): the antecedent, a notice or a decision
# a relative clause whose object is its antecedent: "…, which President Duda has said he would sign"
_WHICH_OBJECT = regex.compile(r",[ \t]{1,3}which[ \t]{1,3}(?:\p{Lu}|(?:it|they|he|she|we|the)[ \t])[^,;.:!?()\n]{0,60}\Z")
_UNDO_WORD = regex.compile(r"(?i)(?:revok|rescind|annul|cancel)")
_WHICH_BEFORE = regex.compile(r"(?<![\w\-])(?:which|that)[ \t]{1,3}(?:\w+[ \t]{1,3}){0,2}\Z", regex.IGNORECASE)
# a second verb of the same subject after "and", its object the first verb's: "would suspend … the INF Treaty on
# Saturday *and formally* withdraw in six months"
_AND_SECOND_VERB = regex.compile(r"[^.;:!?\n]{0,60}?[ \t](?:and|but|then)[ \t]{1,3}(?:(?:\w+ly|then|later|also|eventually|"
                                 r"finally|would|will|to)[ \t]{1,3}){0,2}\Z")


def _object_before_and(scan: Scan, k: int, sent_start: int) -> Optional[Attachment]:
    """An objectless verb after "and" acts on the object of the verb before it in the sentence (no other name
    between)."""
    trig = scan.triggers[k]
    if k == 0 or trig.nominal or not R.NO_OBJECT_AFTER.match(scan.doc.text, trig.end):
        return None
    prev = scan.triggers[k - 1]
    if prev.start < sent_start or prev.nominal:
        return None
    att = _attach_after(scan, prev)
    if att is None or not att.targets:
        return None
    obj_end = max(scan.doc.items[i].end for i in att.targets)
    gs, _ = scan.groups.first_after(obj_end)
    if obj_end < gs < trig.start or not _AND_SECOND_VERB.fullmatch(scan.doc.text, obj_end, trig.start):
        return None
    return Attachment(att.targets)


# a second passive predicate of the same subject: "The Protocol entered into force in 2006 *and has been*
# ratified by 94 states", "The treaty was signed by Russia in 2001 *and* ratified by Ukraine"
_SHARED_PASSIVE = regex.compile(r"[^,;.:!?()\n]{0,80}?[ \t]and[ \t]{1,3}"
                                r"(?:(?:has|have|had|was|were|is|are|been|since|also|now|already|later)[ \t]{1,3}){0,3}\Z")


def _shared_subject(scan: Scan, k: int, sent_start: int) -> Optional[Attachment]:
    """A past participle after "and" shares the name that the act before it in the sentence has as its
    subject (the name before that act)."""
    trig = scan.triggers[k]
    if k == 0 or trig.form != "past":
        return None
    prev = scan.triggers[k - 1]
    text, gx = scan.doc.text, scan.groups
    if prev.start < sent_start or prev.action not in R.PARTICIPLE_ACTIONS or prev.form != "past" \
            or not _SHARED_PASSIVE.fullmatch(text, prev.end, trig.start):
        return None
    ge, gi = gx.last_before(prev.start)   # the earlier act's subject: the name right before it
    if gi is None or ge < sent_start or prev.start - ge > PARTICIPLE_REACH or not R.PARTICIPLE_GAP.fullmatch(text, ge, prev.start):
        return None   # (not "Russia signed the treaty and …": that name is the earlier act's object)
    return Attachment(gx.groups[gi], post=True)


def _owner_before(scan: Scan, start: int, sent_start: int) -> Optional[Party]:
    """The party owning the name at ``start``: "*Russia*'s Comprehensive … Treaty"."""
    p = scan.parties.last_before(start, max(sent_start, start - 40))
    return p if p is not None and _OWNED.fullmatch(scan.doc.text, p.end, start) else None


def _fronted(scan: Scan, trig: Trigger, sent_start: int) -> Optional[Attachment]:
    """ "Despite being signed by 24 countries, the deal …": a participle before its name."""
    doc, gx = scan.doc, scan.groups
    if trig.form != "past" or not _FRONTED_BEFORE.search(doc.text[max(sent_start, trig.start - 40):trig.start]):
        return None
    gs, gi = gx.first_after(trig.end)
    if gi is None or gs - trig.end > 100 or not _FRONTED_GAP.fullmatch(doc.text, trig.end, gs):
        return None
    return Attachment(gx.groups[gi], post=True)


def _topic(scan: Scan, trig: Trigger) -> Optional[Attachment]:
    """An act with no object ("Maldives both signed and ratified.", "… deposited their instruments of
    ratification."): the instrument the text was about, the last one named before it."""
    doc, gx = scan.doc, scan.groups
    t = tail(doc, trig.end, min(len(doc.text), trig.end + 120), party_ok=True)
    end = t.end if (t.date or t.place or t.party) else trig.end
    rx = _NO_OBJECT_NOUN if trig.nominal else _NO_OBJECT_VERB
    effect = _effect_after(scan, trig) if trig.nominal else None
    wm = _WHICH_OBJECT.search(doc.text, max(doc.sentence_start(trig.start), trig.start - 70), trig.start)
    if wm is not None:   # the relative clause's antecedent is the object: a name ("the Convention, which Lithuania
        ge, gi = gx.last_before(wm.start() + 1)   # ratified"), or no act ("a bill …, which Duda would sign")
        if gi is None or doc.text[ge:wm.start()].strip():
            return None
        return Attachment(gx.groups[gi], pronoun_end=trig.end)
    if effect is None and not rx.match(doc.text, end) and not (
            trig.form == "past" and _PRONOUN_PASSIVE.search(doc.text, max(0, trig.start - 40), trig.start)):
        return None   # (a pronoun's passive is "it was ratified", not "it was leaving the Community …")
    ge, gi = gx.last_before(trig.start)
    if gi is not None and _BRACKETED.match(doc.text, ge):   # "(as amended by the 1972 Protocol)": an aside
        ge, gi = gx.last_before(gx.first_start[gi])
    if gi is None or trig.start - ge > TOPIC_BACK:
        return None
    if _IN_WHICH.search(doc.text, max(0, trig.start - 80), trig.start) or not trig.nominal and \
            " " not in trig.text and _ARTICLE_BEFORE.search(doc.text, max(0, trig.start - 20), trig.start):
        return None  # "a meeting in which X will join", the so-called "freeze": no act on the topic
    passive = _PASSIVE.search(doc.text, max(0, trig.start - 30), trig.start)
    if (trig.action == "entry_into_force" or passive) and _other_subject(scan, trig, ge) or \
            R.ATTRIBUTIVE_AFTER.match(doc.text, ge):
        # "the EC directive, due to come into effect", "import licences have been suspended": another
        # subject's act; "a new round of GATT talks, … will join": the name only qualifies a noun
        return None
    return Attachment(gx.groups[gi], pronoun_end=effect or trig.end, effect=effect is not None)


def _other_subject(scan: Scan, trig: Trigger, ge: int) -> bool:
    """Is the subject right before an objectless trigger a noun phrase other than a name ("the EC
    *directive*, due to come into effect")?"""
    text = scan.doc.text
    lo = max(ge, trig.start - 80)
    m = _NP_SUBJECT.search(text, lo, trig.start) or _BARE_SUBJECT.search(text, lo, trig.start)
    return m is not None and m.group("noun").lower() not in _SUBJECT_WORDS


def _effect_after(scan: Scan, trig: Trigger) -> Optional[int]:
    """ "The withdrawal *will enter into effect* on 1 January 2012": where the act's taking effect ends
    (the date after it dates the act), as :func:`_effect_of_act` found it for the next trigger."""
    return scan.effect_ends.get(bisect.bisect_left(scan.starts, trig.start))


def _in_law_phrase(scan: Scan, att: Attachment, sent_start: int) -> bool:
    """Is the act's instrument named inside a law's description in this sentence ("the law *abolishing*
    the Treaty …")?"""
    first = min(scan.doc.items[i].start for i in att.targets)
    return first >= sent_start and bool(_LAW_ACT_BEFORE.search(scan.doc.text, max(sent_start, first - 40), first))


def _law_effect_date(scan: Scan, k: int, obj_end: int) -> Optional[Date]:
    """ "the law *abolishing* the Treaty … was signed and will come into effect from April 1, 2019": a law
    that does the act dates it by its own taking effect (later in the sentence)."""
    doc, trig = scan.doc, scan.triggers[k]
    if trig.action not in EFFECTIVE_ACTIONS or not _LAW_BEFORE.search(doc.text, max(0, trig.start - 12), trig.start):
        return None
    end = min(doc.sentence_end(trig.end), trig.end + LAW_EFFECT_REACH)
    for nxt in scan.triggers[k + 1:]:
        if nxt.start >= end:
            return None
        if nxt.action == "entry_into_force":
            d = _effect_date(doc, nxt.end, end)
            if d is not None:
                return d
    return None


def _effect_of_act(scan: Scan, k: int) -> bool:
    """Is entry-into-force trigger ``k`` the taking effect of the nominal act before it ("The withdrawal
    will enter into effect", "the Philippines' withdrawal from the Rome Statute took effect on …")?
    Its date is then that act's (``scan.effects``)."""
    if k == 0:
        return False
    prev, trig, text = scan.triggers[k - 1], scan.triggers[k], scan.doc.text
    if not prev.nominal or prev.action not in EFFECTIVE_ACTIONS:
        return False
    if _EFFECT_GAP.fullmatch(text, prev.end, trig.start) or _LOOSE_OBJECT_THEN_EFFECT.fullmatch(text, prev.end, trig.start):
        scan.effect_ends[k - 1] = trig.end   # ("The withdrawal will enter into effect": no object between)
    else:
        gs, gi = scan.groups.first_after(prev.end)
        if gi is None or gs >= trig.start or not R.OBJECT_GAP.fullmatch(text, prev.end, gs):
            return False
        if not (_EFFECT_GAP.fullmatch(text, scan.groups.last_end[gi], trig.start) or
                _AGENT_THEN_EFFECT.fullmatch(text, scan.groups.last_end[gi], trig.start) or
                R.strip_date_qualifier(text[scan.groups.last_end[gi]:trig.start]).strip() == ""):
            return False
    d = _effect_date(scan.doc, trig.end, len(text))
    if d is not None:
        scan.effects[k - 1] = d
    return True


def _effect_date(doc: DocContext, pos: int, end: int) -> Optional[Date]:
    """The absolute date right after a taking effect ending at ``pos``: "… took effect *on March 17, 2019*"."""
    d = doc.dates.first_after(pos, min(end, pos + 30))
    return d if d is not None and not d.relative and R.EVENT_DATE_GAP.fullmatch(doc.text, pos, d.start) else None


def _effective_date(scan: Scan, trig: Trigger, end: int) -> Optional[Date]:
    """ "the withdrawal of Hungary, *effective as of 2 June 2026*, from …": the date the act takes effect,
    written between the act and ``end``."""
    if trig.action not in EFFECTIVE_ACTIONS:
        return None
    for d in scan.doc.dates.between(trig.end, end):
        if not d.relative and _EFFECTIVE_BEFORE.search(scan.doc.text, max(trig.end, d.start - 30), d.start):
            return d
    return None


def _tail_start(doc: DocContext, te: int, att: Attachment, obj_end: int) -> int:
    if att.post:
        return te
    if att.pronoun_end is not None:
        return att.pronoun_end
    # after the object and its own qualifiers ("of 4 November 1993 thereto", "(CWC)")
    pos = R.skip_date_qualifier(doc.text, max(te, obj_end))
    tm = R.THERETO.match(doc.text, pos) or R.PAREN_AFTER.match(doc.text, pos) or R.NUMBER_AFTER.match(doc.text, pos)
    return tm.end() if tm else pos


def _own_dates(doc: DocContext) -> set:
    return {(it.date.start, it.date.end) for it in doc.items if it.date is not None}


def _date_before(scan: Scan, trig: Trigger, sent_start: int, own: set) -> Optional[Date]:
    """A date of the act before it in its sentence: opening the sentence ("In 2019 Ukraine ended …")
    or in the clause ("announced on 18 March 2025 that they would withdraw"); a relative date in
    between ("… the fourth country *this year* to announce its exit") does not hide the opening one."""
    doc = scan.doc
    d = doc.dates.last_before(trig.start, sent_start)
    for _ in range(3):
        if d is None or (d.start, d.end) in own or trig.start - d.end > LEADING_DATE_BACK and not (
                trig.start - d.end <= SENTENCE_DATE_BACK and R.LEADING_DATE.fullmatch(doc.text, sent_start, d.start)):
            return None
        found = _date_of_act(scan, trig, sent_start, d)
        if found is not None or not d.relative:
            return found
        d = doc.dates.last_before(d.start, sent_start)
    return None


def _date_of_act(scan: Scan, trig: Trigger, sent_start: int, d: Date) -> Optional[Date]:
    doc = scan.doc
    if R.LEADING_DATE.fullmatch(doc.text, sent_start, d.start) and not (d.relative and _CAPS_DATELINE.match(doc.text, sent_start)):
        return d  # (it dates every act of its sentence: "On 19 September Morocco signed and ratified …"; a wire
        #          dateline's full date too, not its day without a year: "PUTRAJAYA, April 5 (Bernama) —")
    if _trigger_between(scan, d.end, trig.start):
        return None  # the date of another act
    if _trigger_between(scan, sent_start, d.start):
        return None  # "… entered into force on 1 August 2021 after Italy became the last to ratify it"
    gs, _ = scan.groups.first_after(d.end)
    led = _DATE_LEAD.search(doc.text, max(sent_start, d.start - 30), d.start) or _SELF_LED.match(d.text)
    if led and not d.end <= gs < trig.start:   # ("voted *on Wednesday* to revoke …": the date holds its "on")
        return d  # (a name between the date and the act: the date is about something else)
    return None


def _date_later(scan: Scan, pos: int, clause_end: int, own: set) -> Optional[Date]:
    """The first date further on in the act's clause, after "on"/"in" and before any other name or act."""
    doc = scan.doc
    d = doc.dates.first_after(pos, min(clause_end, pos + LATER_DATE_REACH))
    lead = _LATER_DATE_GAP
    if d is not None and d.relative:  # "today, 5th December, 2020": the absolute date in apposition
        nxt = doc.dates.first_after(d.end, min(clause_end, d.end + 4))
        if nxt is not None and not nxt.relative and _APPOSITION.fullmatch(doc.text, d.end, nxt.start):
            d, lead = nxt, _ANY_GAP
    if d is None or d.end > clause_end or (d.start, d.end) in own or _trigger_between(scan, pos, d.start):
        return None
    gs, _ = scan.groups.first_after(pos)
    if pos <= gs < d.start or not (lead.fullmatch(doc.text, pos, d.start) or _DAY_WORD_GAP.fullmatch(doc.text, pos, d.start)):
        return None
    if _REPORTED.search(doc.text, pos, d.start):
        return None  # "…, the agency reported on 25 March 2022": the report's date
    return d


def _law_date(scan: Scan, trig: Trigger) -> Optional[Date]:
    """The date of the domestic law whose operative words the act is: "Act of 8 July 2005, regarding
    the ratification of …", "Law … dated July 13, 1999 No. 420-1 — To ratify the Agreement …"."""
    doc = scan.doc
    ge, gi = scan.groups.last_before(trig.start)
    if gi is None or trig.start - ge > LAW_REACH:
        return None
    law = [doc.items[i] for i in scan.groups.groups[gi] if doc.items[i].kind == "other" and doc.items[i].date]
    if not law or not _LAW_GAP.fullmatch(doc.text, ge, trig.start):
        return None
    return law[0].date


def _trigger_between(scan: Scan, start: int, end: int) -> bool:
    """Is there a trigger of another act between ``start`` and ``end`` (a law's or decree's signing,
    "signed a law, after which Russia will denounce …", is the same act's enactment)?"""
    enacted = A.cue_patterns().get("enacted")
    k = _first_trigger(scan, start)
    while k < len(scan.triggers) and scan.triggers[k].start < end:
        if enacted is None or not enacted.match(scan.doc.text, scan.triggers[k].start):
            return True
        k += 1
    return False


def _first_trigger(scan: Scan, pos: int) -> int:
    return bisect.bisect_left(scan.starts, pos)


def subject(scan: Scan, sent_start: int, ts: int) -> Optional[Party]:
    """The acting party: the nearest party before the trigger in its sentence that is not the object
    of a preposition nor inside a relative clause ("Russia, which borders *Finland*, signed …")."""
    text = scan.doc.text
    p = scan.parties.last_before(ts, sent_start)
    for _ in range(MAX_SUBJECT_PARTIES):
        if p is None:
            return None
        if _INSERTION_OPEN.search(text, max(sent_start, p.start - 40), p.start) and \
                _INSERTION_CLOSE.match(text, p.end, ts):   # "Russia signed it — as did *the U.S.* — but …"
            p = scan.parties.last_before(p.start, sent_start)
            continue
        if _DATELINE_PLACE.match(text, p.end) and _LINE_OPEN.search(text, max(0, p.start - 8), p.start):
            p = scan.parties.last_before(p.start, sent_start)
            continue   # "BRUSSELS, Nov 7 (Reuters) - NATO allies suspended …": the dateline's city acts no more
        if _ANTECEDENT.fullmatch(text, p.end, ts):
            return p   # "the position of *Washington*, which signed …": the relative clause's subject
        if (not _NOT_SUBJECT.search(text, max(sent_start, p.start - 16), p.start)
                or _PERSON_OF.search(text, max(sent_start, p.start - 40), p.start)) \
                and (not R.RELATIVE_CLAUSE.search(text, max(sent_start, p.start - 60), p.start)
                     or _relative_subject(text, p, ts)):
            return p
        p = scan.parties.last_before(p.start, sent_start)
    return None


# a wire dateline: the city opening a line, then its date or agency and a dash ("BRUSSELS, Nov 7 (Reuters) -")
_DATELINE_PLACE = regex.compile(r"[ \t]*(?:,[^\n]{0,40}?|[ \t]*\([^()\n]{1,30}\))[ \t]*[-–—]{1,2}[ \t]")
_LINE_OPEN = regex.compile(r"(?:\A|\n)[ \t]*\Z")
# a state before a relative clause that holds the act: "*Washington*, which signed but never ratified …"
_ANTECEDENT = regex.compile(r",[ \t]{1,3}(?:which|who)[ \t]{1,3}(?:[\w\-]+[ \t]{1,3}){0,3}")
# the subject of a relative clause that holds the act: "the Covenant, which *Sri Lanka* ratified in 1980"
_RELATIVE_SUBJECT = regex.compile(r",[ \t]{1,3}(?:which|that|whom)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
_SAME_CLAUSE = regex.compile(r"[^,;.:()\n—–\"“”]{0,60}")


def _relative_subject(text: str, p: Party, ts: int) -> bool:
    """``p`` opens a relative clause ("…, which *Kenya* ratified") that runs on to the trigger at ``ts``."""
    return (_RELATIVE_SUBJECT.search(text, max(0, p.start - 20), p.start) is not None
            and _SAME_CLAUSE.fullmatch(text, p.end, ts) is not None)


def coordinated(scan: Scan, last: Party, sent_start: int) -> list[Party]:
    """The subject and the states listed before it: "Estonia, Latvia and Lithuania" (in text order)."""
    out = [last]
    p = last
    for _ in range(50):
        prev = scan.parties.last_before(p.start, sent_start)
        gap = scan.doc.text[prev.end:p.start] if prev is not None else ""
        if prev is None or not (R.PARTY_LIST_GAP.fullmatch(gap) or _PERSON_LIST_GAP.fullmatch(gap)):
            break
        if "and" not in gap and _OBJECT_OF_WORD.search(scan.doc.text, max(sent_start, prev.start - 24), prev.start):
            break   # "Before joining the *European Union*, Poland ratified …": a fronted clause's object, no list
        out.insert(0, prev)
        p = prev
    return out


def coordinated_after(scan: Scan, first: Party, limit: int) -> list[Party]:
    """The party after "by"/"on behalf of" and the states listed after it (at most 50)."""
    out = [first]
    p = first
    for _ in range(50):
        nxt = scan.parties.first_after(p.end, min(limit, p.end + 30))
        if nxt is None or not R.PARTY_LIST_GAP.fullmatch(scan.doc.text[p.end:nxt.start]):
            break
        out.append(nxt)
        p = nxt
    return out


def _agent(scan: Scan, pos: int, limit: int, gap: regex.Pattern = R.PARTY_AFTER) -> Optional[Party]:
    """The party right after "by" / "on behalf of" at ``pos``: "ratified by *India*"."""
    p = scan.parties.first_after(pos, min(limit, pos + 40))
    if p is not None and gap.match(scan.doc.text[pos:p.start]):
        return p
    return None


def _parties(scan: Scan, trig: Trigger, att: Attachment, t, clause_end: int, sent_start: int,
             passive_verb: bool) -> list[Party]:
    """The acting parties of one act (an empty list: the text names none); ``t`` is the act's tail,
    ``passive_verb`` whether the trigger is a passive ("was ratified")."""
    doc, tail_from = scan.doc, t.end
    if trig.action == "entry_into_force":  # its subject is the instrument: a state only "for Ukraine"
        p = _agent(scan, tail_from, clause_end, _FOR_STATE) or _agent(scan, trig.end, clause_end, _FOR_STATE)
        return [p] if p is not None else []
    if att.party is not None:
        return [att.party]
    behalf = _agent(scan, tail_from, clause_end, _ON_BEHALF)
    if behalf is not None and _BEHALF_AFTER.match(doc.text, behalf.end):
        return [behalf]   # "… will sign the agreement on *Malaysia*'s behalf"
    if t.party is not None:  # "signed in 1957 by Belgium, France, …"
        first = scan.parties.starting_at(t.party.start)
        if first is not None:
            return coordinated_after(scan, first, clause_end)
    inside = [p for p in scan.parties.between(trig.start, trig.end)
              if p.end <= trig.end and (doc.text[p.end:p.end + 2] in ("'s", "’s")
                                        or not _PREP_BEFORE.search(doc.text, max(trig.start, p.start - 12), p.start))]
    if inside:  # "deposited *Ecuador's* instrument of ratification", "take *Britain* out of" (not "placed the Treaty
        #         *with Pakistan* in abeyance")
        return inside[:1]
    owner = _possessive_before(scan, trig, sent_start) if trig.nominal else None
    if owner is not None:  # "*Kazakhstan's* accession", "North Korea's de facto declaration of its abrogation"
        return [owner]
    if trig.form == "ing":  # "thanked *Armenia* for signing the Convention"
        p = scan.parties.last_before(trig.start, max(sent_start, trig.start - 60))
        if p is not None and _FOR_GERUND.fullmatch(doc.text, p.end, trig.start):
            return [p]
    if att.post or trig.nominal or passive_verb:
        agent = _agent(scan, tail_from, clause_end) or (_agent(scan, trig.end, clause_end) if att.post else None)
        if agent is not None:
            return coordinated_after(scan, agent, clause_end)
        if att.post or passive_verb:
            return _after_count(scan, t.end, trig.end, clause_end)  # "signed by 24 countries (and the EU)"
    listed = _listed_after(scan, trig, att)
    if listed:
        return listed
    first = subject(scan, sent_start, trig.start) or _subject_after_fronted(scan, trig, sent_start, att)
    if first is None:
        if _COUNT_SUBJECT.search(doc.text, max(sent_start, trig.start - 60), trig.start):
            return [None]   # "only 27 have ratified the agreement": unnamed states (no party to infer)
        return _counted_group(scan, trig, sent_start)
    also = _agent(scan, t.end, clause_end, _AS_DID)   # "Russia signed the statute — as did *the U.S.*"
    return coordinated(scan, first, sent_start) + ([also] if also is not None else [])


def _opens_sentence(scan: Scan, k: int, sent_start: int) -> bool:
    """Does gerund ``k`` open its sentence, alone or after coordinated gerunds ("Ratifying and
    terminating the convention …")?"""
    text, trig = scan.doc.text, scan.triggers[k]
    while k > 0:
        prev = scan.triggers[k - 1]
        if prev.form != "ing" or prev.start < sent_start or not _COORD_TRIGGER.fullmatch(text, prev.end, trig.start):
            break
        k, trig = k - 1, prev
    return bool(_OPENS.fullmatch(text, sent_start, trig.start)) or _opens_quote(text, trig.start)


def _opens_quote(text: str, pos: int) -> bool:
    """Does ``pos`` open a quotation ("Rinkēvičs said, “*Ratifying* and terminating …")?"""
    return bool(_QUOTE_OPEN.search(text, max(0, pos - 6), pos))


def _counted_group(scan: Scan, trig: Trigger, sent_start: int) -> list[Party]:
    """ "*The three nations*, which originally ratified …": the last list of that many states named before."""
    m = _COUNTED_SUBJECT.search(scan.doc.text, max(sent_start, trig.start - 200), trig.start)
    if m is None:
        return []
    n = NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    p = scan.parties.last_before(sent_start, max(0, sent_start - COUNTED_BACK))
    for _ in range(MAX_SUBJECT_PARTIES):
        if p is None:
            return []
        group = coordinated(scan, p, scan.doc.sentence_start(p.start))
        if len(group) == n:
            return group
        p = scan.parties.last_before(group[0].start, max(0, sent_start - COUNTED_BACK))
    return []


def _possessive_before(scan: Scan, trig: Trigger, sent_start: int) -> Optional[Party]:
    p = scan.parties.last_before(trig.start, max(sent_start, trig.start - 60))
    text = scan.doc.text
    if p is not None and (_POSSESSIVE_GAP.fullmatch(text, p.end, trig.start) or _FOR_AFTER.fullmatch(
            text, p.end, trig.start) and _FROM_BEFORE.search(text, max(0, p.start - 12), p.start)):
        return p
    return None


_HAVING = regex.compile(r"[\s\"“‘'(\[]*(?:Having|After[ \t]{1,3}having)[ \t]{1,3}(?:(?:already|first|only|just|formally)[ \t]{1,3})?")


def _subject_after_fronted(scan: Scan, trig: Trigger, sent_start: int, att: Attachment) -> Optional[Party]:
    """ "*By* withdrawing its signature, *the US* sought …", "Signing the Paris Agreement, *Japan* pledged …":
    the subject after a fronted gerund."""
    text = scan.doc.text
    having = trig.form == "past" and _HAVING.fullmatch(text, sent_start, trig.start)   # "Having ratified …, Portugal"
    if not having and (trig.form != "ing" or not (_FRONTED_GERUND.search(text[max(sent_start, trig.start - 12):trig.start])
                                                  or _OPENS.fullmatch(text, sent_start, trig.start))):
        return None
    comma = text.find(",", max(trig.end, att.obj_end), min(len(text), trig.end + 200))
    if comma < 0:
        return None
    p = scan.parties.first_after(comma, comma + 8)
    return p if p is not None and _COMMA_THE.fullmatch(text, comma, p.start) else None


def _after_count(scan: Scan, *positions_and_limit: int) -> list:
    """ "signed by 45 countries *and the European Union*": ``[None, EU]`` (None: the unnamed states,
    one act with no party); ``[]`` when no count of states is there."""
    *positions, limit = positions_and_limit
    text = scan.doc.text
    for pos in positions:
        m = _AGENT_COUNT.match(text, pos)
        if m:
            am = _AND_PARTY.match(text, m.end())
            first = scan.parties.starting_at(am.end()) if am else None
            return [None] + (coordinated_after(scan, first, limit) if first is not None else [])
    return []


def _listed_after(scan: Scan, trig: Trigger, att: Attachment) -> list[Party]:
    """The parties listed after "… that have signed the Convention so far are:" to the sentence end."""
    text = scan.doc.text
    if att.obj_end < 0 or not _RELATIVE_PERFECT.search(text, max(0, trig.start - 20), trig.start):
        return []
    m = _LIST_AFTER.match(text, att.obj_end)
    if not m:
        return []
    return list(scan.parties.between(m.end(), scan.doc.sentence_end(m.end())))


def _condemnation(scan: Scan, trig: Trigger, att: Attachment, obj_end: int, parties: list, sent_start: int) -> bool:
    """ "critics denounced the pact as weak": "denounce" meaning "condemn"."""
    text = scan.doc.text
    return trig.action == "denunciation" and not att.post and not trig.nominal and (
        bool(R.CONDEMN_AS.match(text, obj_end))
        or bool(R.NON_STATE_SUBJECT.search(text, max(sent_start, trig.start - SUBJECT_BACK), trig.start)))


def _event_for(scan: Scan, k: int, own: set) -> Optional[tuple[list, list, Event]]:
    """(targets, parties, event without party) for trigger ``k``, or None when it is no act on a name."""
    doc, trig = scan.doc, scan.triggers[k]
    text, ts, te = doc.text, trig.start, trig.end
    sent_start = doc.sentence_start(ts)
    if trig.action == "entry_into_force" and _effect_of_act(scan, k):
        scan.attachments[k] = Attachment([])
        return None  # "the withdrawal (from the Rome Statute) took effect on …": that act's, not the instrument's
    if trig.form in ("ing", "noun") and _TIME_OF.search(text, max(0, ts - 40), ts):
        scan.attachments[k] = Attachment([])
        return None  # "on the day of its signing", "from the date of signature": a time, not an act
    att = _attach(scan, k, sent_start)
    scan.attachments[k] = att
    if not att.targets:
        return None
    if trig.action == "entry_into_force" and att.pronoun_end is not None and _in_law_phrase(scan, att, sent_start):
        return None  # "the law abolishing the Treaty … will come into effect": the law's, not the treaty's
    obj_end = att.obj_end if att.obj_end >= 0 else max(doc.items[i].end for i in att.targets)
    att.obj_end = obj_end
    if not att.post and R.ATTRIBUTIVE_AFTER.match(text, obj_end):
        return None  # "… ended the Paris Agreement row": the action is on the row
    if trig.action == "signature" and R.INSTRUMENT_OF_AFTER.match(text, obj_end):
        return None  # "signed the AfCFTA instrument of ratification": the ratification's act
    clause_end = min(len(text), doc.clause_end(te))
    tail_from = _tail_start(doc, te, att, obj_end)
    nk = _first_trigger(scan, tail_from)  # the next trigger ends this act's clause
    if nk < len(scan.triggers) and scan.triggers[nk].start < clause_end:
        clause_end = scan.triggers[nk].start
    names = scan.names_before(sent_start, ts)
    # a participle that modifies its name ("the Coffee Agreement, suspended in 1986") is read from the name
    # on: the cues before the name are the main clause's ("will meet to discuss … under the …")
    look_from = obj_end if att.post and obj_end < ts and not _AUXILIARY.search(text, obj_end, ts) else sent_start
    status = status_of(text, trig, look_from, obj_end if not att.post else te, clause_end, names)
    if status is None:
        return None
    if status != "proposed" and _QUESTION_END.match(text[max(ts, doc.sentence_end(ts) - 4):doc.sentence_end(ts)]):
        status = "proposed"   # a question: "Will Hungary leave the Rome Statute?"
    passive_verb = trig.form != "ing" and bool(_PASSIVE.search(text, max(0, ts - 30), ts))  # not "was suspending"
    t = tail(doc, tail_from, clause_end, party_ok=att.post or trig.nominal or passive_verb)  # (its party is read from the parties below)
    if trig.nominal and _UNDONE_BEFORE.search(text, max(0, ts - 60), ts):
        date = None   # "revoked its notice of withdrawal … in March 2017": that date is the revocation's
    else:
        date = t.date or (None if att.post else _date_before(scan, trig, sent_start, own)) \
            or _date_later(scan, t.end, clause_end, own) or _law_date(scan, trig)
    if date is None or date.relative:  # a relative notification date gives way to the effective one
        date = _effective_date(scan, trig, obj_end) or _law_effect_date(scan, k, obj_end) or scan.effects.get(k) \
            or date
    if att.effect and date is not None:
        status = "done"  # "the withdrawal will enter into effect on 1 January 2012": scheduled, a fact
    parties = _parties(scan, trig, att, t, clause_end, sent_start, passive_verb)
    if _condemnation(scan, trig, att, obj_end, parties, sent_start):
        return None
    if trig.form == "ing" and status != "proposed" and _opens_sentence(scan, k, sent_start) and (
            not parties or _opens_quote(text, ts) or k > 0 and _opens_quote(text, scan.triggers[k - 1].start)):
        # "- Withdrawing from the 1951 Convention, …", 'he said, "Ratifying and terminating the convention …':
        # an idea under discussion, no one's act (a speaker before a quotation is not its subject)
        status, parties = "proposed", []
    if att.post and trig.action == "signature" and not parties and not _AGENT_COUNT.match(text, te):
        return None  # "signed in Washington on …": the instrument's own signature (see own_acts)
    if trig.action == "entry_into_force" and status == "announced":
        # "will enter into force on 1 July": scheduled, a fact; with no date, a prospect
        status = "done" if date is not None else "proposed"
    ev = Event(action=trig.action, party=None, date=date, place=t.place, start=ts, end=te, text=text[ts:te],
               status=status)
    return att.targets, parties, ev


# another state doing the same act later: "…, and Eritrea *followed* in 2023", "Nigeria *did so* in 2020"
_FOLLOWED = regex.compile(r"(?<![\w\-])(?:followed(?:[ \t]{1,3}suit)?|did[ \t]{1,3}(?:so|the[ \t]{1,3}same|likewise)|"
                          r"(?:has|have|had)[ \t]{1,3}(?:since[ \t]{1,3}|also[ \t]{1,3})?done[ \t]{1,3}(?:so|the[ \t]{1,3}same))(?![\w\-])")
_NOT_FOLLOWED = regex.compile(r"(?<![\w\-])(?:not|never|yet[ \t]{1,3}to|n['’]t)[ \t]{1,3}(?:\w+[ \t]{1,3})?\Z", regex.IGNORECASE)
FOLLOW_REACH = 300   # how far after a done act its follow-up may stand


def _follow_ups(scan: Scan, found: list) -> list:
    """``(targets, parties, event)`` of the acts another state does "too" after a done act with a named
    party: the same action on the same names, its party the follow-up's subject, its date its own."""
    text, out = scan.doc.text, []
    for f in found:
        if f is None or f[2].status != "done" or not f[1] or f[1][0] is None:
            continue
        targets, parties, ev = f
        m = _FOLLOWED.search(text, ev.end, min(len(text), ev.end + FOLLOW_REACH))
        if m is None or _trigger_between(scan, ev.end, m.start()) \
                or _NOT_FOLLOWED.search(text, max(0, m.start() - 24), m.start()):
            continue
        sent_start = scan.doc.sentence_start(m.start())
        p = subject(scan, max(sent_start, ev.end), m.start())
        if p is None or any(q is not None and q.country == p.country for q in parties):
            continue
        t = tail(scan.doc, m.end(), min(len(text), scan.doc.clause_end(m.end())))
        out.append((targets, [p], attrs.evolve(ev, party=None, date=t.date, place=t.place, start=m.start(),
                                               end=m.end(), text=m.group())))
    return out


def _party_index(doc: DocContext, windows: list[tuple[int, int]]) -> SpanIndex:
    # (places a little beyond the windows too: a subject may open a long sentence)
    wide = merge_spans([(max(0, lo - PARTY_MARGIN), hi + PARTY_MARGIN) for lo, hi in windows])
    parties = [p for lo, hi in wide for pl in doc.places.between(lo, hi)
               for p in (party_of_place(pl, doc.is_country),) if p is not None]
    named = named_parties(doc.text, windows, timeout=limits.REGEX_TIMEOUT)
    starts = {p.start for p in parties}  # a formal name the gazetteer holds is its place already
    named += [p for p in state_forms(doc.text, windows, timeout=limits.REGEX_TIMEOUT)
              if p.start not in starts]   # ("Republic of China" is Taiwan's)
    if named:  # a place inside a named party ("*US* Congress") is that party
        taken = SpanIndex(named)
        parties = [p for p in parties if not _overlaps(taken, p)] + named
    home = dominant_country(doc.places.spans)
    if home is not None:  # "the Cabinet", "President Zelensky": the government of the document's country
        taken = SpanIndex(parties)
        parties += [p for p in unnamed_organs(doc.text, windows, home, timeout=limits.REGEX_TIMEOUT)
                    if not _overlaps(taken, p) and not _OWNED.search(doc.text, max(0, p.start - 30), p.start)
                    and not _OF_STATE.match(doc.text, p.end)]   # not "Russia's parliament", "the Parliament of Georgia"
    return SpanIndex(parties)


def _overlaps(index: SpanIndex, span) -> bool:
    """Does ``span`` overlap a span of ``index`` (spans shorter than 200 characters)?"""
    return any(n.end > span.start for n in index.between(span.start - 200, span.end))


def find_events(doc: DocContext) -> None:
    """Every treaty action on the names, appended to the items' ``events`` (one per acting party).
    In hard-wrapped text (wire copy) the scan reads line breaks inside paragraphs as spaces; the
    events' and parties' texts are the source's."""
    if not doc.items:
        return
    source = doc.text
    flat = unwrapped(source)
    if flat is not source:
        doc = attrs.evolve(doc, text=flat, sents=None, semis=None)
    gx = GroupIndex(doc)
    windows = merge_spans(gx.windows(len(doc.text), SCAN_MARGIN) + _body_windows(doc))
    triggers = [t for lo, hi in windows for t in find_triggers(doc.text, lo, hi, timeout=limits.REGEX_TIMEOUT)]
    if not triggers:
        return
    scan = Scan(doc=doc, groups=gx, parties=_party_index(doc, windows), triggers=triggers)
    own = _own_dates(doc)
    found: list = [None] * len(triggers)
    for k in range(len(triggers) - 1, -1, -1):  # backwards: a coordinated trigger takes the next one's object
        found[k] = _event_for(scan, k, own)
    found += _follow_ups(scan, found)
    for f in found:
        if f is None:
            continue
        targets, parties, ev = f
        if flat is not source:
            ev = attrs.evolve(ev, text=source[ev.start:ev.end])
            parties = [p if p is None else attrs.evolve(p, text=source[p.start:p.end]) for p in parties]
        for p in parties or [None]:  # "Estonia, Latvia and Lithuania denounced …": one event each
            # (a None among parties: "signed by 45 countries and …", unnamed states: no party to infer)
            e = attrs.evolve(ev, party=p, anonymous=p is None and bool(parties))
            for i in targets:
                doc.items[i].events.append(e)
