"""Relation grammar: the words that tie dates, places, parties and treaty actions to a name.

Each pattern is matched on the gap between two things already found (a name and a
date, a trigger and a name), so it is anchored and short: linear by construction.
"""
from __future__ import annotations

import regex

from citex import limits
from citex.grammar.dates import F, compose
from citex.grammar.dates import PATTERN as DATE_PATTERN

# --- the instrument's own date and place ------------------------------------------------
# gap between a name and its date: "… Punishment *of* 26 November 1987", "Law *dated* July 13, 1999"
OWN_DATE_GAP = regex.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:of|dated|from)[ \t]{1,3}\Z")
# the year of an ILO or IMO convention's title: "Domestic Workers Convention, 2011 (No. 189)", "Maritime Labour
# Convention, 2006." (a comma, the year, then its number or the end of the clause)
TITLE_YEAR = regex.compile(r"[ \t]{0,2},[ \t]{0,2}(?P<y>1[89]\d\d|20\d\d)(?=[ \t]{0,2}\((?:No|Nos)\.|[ \t]{0,2}[.;,)](?!\d)"
                           r"|[ \t]{1,2}(?:is|was|has|had|requires|sets|entered|came|will|and|which|as)\b)")
# a name's own date right after it: " of 26 November 1987", ", dated July 13, 1999", " of 1950"
DATE_QUALIFIER = regex.compile(compose(
    r"[ \t]{0,3},?[ \t]{0,3}(?:of|dated)[ \t]{1,3}(?:(?:{day})(?:st|nd|rd|th)?[ \t]{1,3}{month}[ \t]{1,3}{year}"
    r"|{month}[ \t]{1,3}(?:{day}),?[ \t]{1,3}{year}|{month}[ \t]{1,3}{year}|{year})", F), regex.VERSION1)
# gap between a date and the name it qualifies: "the 1994 Energy Charter Treaty"
PREMOD_DATE_GAP = regex.compile(r"[ \t]{1,3}\Z")
# a title line followed by its place and date: "Rome Statute …\nRome, 17 July 1998", "(Minsk, 05/09/2014)"
PLACE_DATE_LINE_GAP = regex.compile(r"[ \t]{0,3}(?:\r?\n[ \t]{0,8}|\([ \t]{0,2}|,[ \t]{1,3})\Z")
PLACE_DATE_SEP = regex.compile(r"[ \t]{0,2},[ \t]{1,3}\Z")
# "thereto", "to it": a protocol's parent is the instrument before it
THERETO = regex.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:thereto|to[ \t]+it|annexed[ \t]+thereto)(?![\w])")
# "the European Convention on Human Rights*' *Protocol No. 6", "the Montreal Protocol*'s *Kigali Amendment"
POSSESSIVE_GAP = regex.compile(r"['’]s?[ \t]{1,3}"
                               # "the 1951 Refugee Convention *and its* 1967 Protocol"
                               r"|[ \t]{0,2},?[ \t]{1,3}(?:(?:and|or|as[ \t]+well[ \t]+as|with|plus)[ \t]{1,3})?(?:its|their)[ \t]{1,3}")
# "Protocol No. 14 *to the* Convention", "Protocol *amending the* …"
PARENT_LINK = regex.compile(
    r"[ \t]{1,3}(?:to|amending|supplementing|additional[ \t]+to|of|under)[ \t]{1,3}(?:the[ \t]{1,3})?")
# coordination between two names of one list: "… Punishment of 26 November 1987 *and* Protocols …"
# (an acronym in brackets right after a name is the same list item: "… Weapons (TPNW)")
COORD_GAP = regex.compile(r"[ \t]{0,3}\([\"“]?\Z|[ \t]{0,3}(?:,[ \t]{0,3}(?:and[ \t]{1,3}|or[ \t]{1,3}|as[ \t]+well[ \t]+as[ \t]{1,3})?"
                          r"|(?:and|or|as[ \t]+well[ \t]+as|&)[ \t]{1,3})(?:the[ \t]{1,3})?\Z")

# --- treaty actions ---------------------------------------------------------------------------
TRIGGERS = regex.compile(r"""(?<![\w\-])(?:
   (?P<signature>sign(?:s|ed|ing)?(?:[ \t]+up)?|signature|Sign(?:s|ed)?)
 | (?P<ratification>ratif(?:y|ies|ied|ying|ication)|Ratif(?:y|ies|ied|ication))
 | (?P<accession>accede(?:s|d)?|acceding|accession|join(?:s|ed|ing)?|Joins?|Accedes?)
 | (?P<denunciation>denounc(?:e|es|ed|ing)|denunciation|Denounc(?:e|es|ed)|Denunciation)
 | (?P<withdrawal>withdr(?:aw|aws|awing|awn|ew|awal)|Withdr(?:aws?|ew|awal)|pull(?:s|ed|ing)?[ \t]+out|Pulls?[ \t]+Out|quit(?:s|ting)?|Quits?|exit(?:s|ed|ing)?|Exits?|le(?:ave|aves|aving|ft)|Leaves?)
 | (?P<suspension>suspend(?:s|ed|ing)?|suspension|Suspends?)
 | (?P<termination>terminat(?:e|es|ed|ing|ion)|abrogat(?:e|es|ed|ing|ion)|annul(?:s|led|ling|ment)|scrap(?:s|ped|ping)?|ended(?=[ \t]+(?:the|its|their)[ \t]))
 | (?P<entry_into_force>(?:entered|enters|enter|entering|came|comes|come|coming|entry)[ \t]+into[ \t]+force|took[ \t]+effect|takes?[ \t]+effect)
)(?![\w\-])""", regex.VERBOSE)
# words between a trigger and its object: "denounce *the*", "withdrawal *from the*", "ratify *the 1986*"
OBJECT_GAP = regex.compile(r"""
    [\"”’]?                                                   # a closing quote: "the "immediate termination" of the …"
    [ \t]{1,3}(?:(?:officially|formally|fully|also|now|finally|unilaterally|effectively|swiftly|quickly|
                   itself|themselves|up)[ \t]{1,3}){0,2}                     # "denounce *formally* the"
    (?:(?:its|their|the|his|her|(?P<owner>\p{Lu}[\w.]*(?:[ \t]\p{Lu}[\w.]*){0,2})['’]s)[ \t]{1,3}
       (?:own[ \t]{1,3})?(?:participation|membership|obligations|commitments|involvement|signature|
       ratification|compliance|implementation|adherence|operation|application)[ \t]{1,3}
       (?:in|of|under|to|with|towards?|regarding|concerning)[ \t]{1,3})?    # "*Russia's participation in* the"
    (?:(?:(?:some|certain|several|key|most|all)[ \t]{1,3})?                   # "suspended *parts of* the",
       (?:parts?|provisions|articles|clauses|sections|elements)[ \t]{1,3}of[ \t]{1,3})?   # "*key provisions of* the"
    (?:(?:from|of|to|up[ \t]+to|out[ \t]+of|on|onto|with)[ \t]{1,3})?        # "withdrawal *from* the"
    (?:(?:the|its|their|a|this|that)[ \t]{1,3}
       (?:(?!(?:and|or|of|to|in|on|for|with|by|from|that|which|but|as|at|the|a|an|its|their)[ \t])
          \p{Ll}[\p{Ll}\-]{0,24}+(?:['’]s)?[ \t]{1,3}){0,2})?                 # "from the *nuclear* Non-Proliferation Treaty"
    (?:\p{Lu}[\w.\-]*(?:[ \t]{1,3}(?:of[ \t]{1,3})?\p{Lu}[\w.\-]*){0,3}['’]s[ \t]{1,3})?          # "the *Council of Europe's* European …"
    \Z""", regex.VERBOSE)
# nominal trigger with its party inside the gap: "the withdrawal *of Hungary, effective …, from the*"
NOMINAL_PARTY_GAP = regex.compile(
    r"[ \t]{1,3}(?:of|by)[ \t]{1,3}(?P<party>[^,.;:()\n]{2,60}?)(?:[ \t]{0,2},[^.;:()\n]{0,80},)?"
    r"[ \t]{1,3}(?:from|of|to)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# no object after a verb: the clause goes on with a time, a place, a reason, or ends ("… and formally withdraw
# *in six months*", "… and ratified *it*" is a pronoun's, see PRONOUN_OBJECT)
NO_OBJECT_AFTER = regex.compile(r"[ \t]*(?:[,.;:!?)\n]|$|[ \t](?:in|on|at|by|within|after|before|from|next|last|this|unless|if|"
                                r"as|when|once|until|because|over|amid|despite|following)(?![\w\-]))")
# words between an object and a participle trigger after it: "…Protocols … thereto*, *signed"
PARTICIPLE_GAP = regex.compile(r"""
    [\"”’]?\)?[ \t]{0,3}(?:\([^()\n]{1,40}\)[ \t]{0,3})?      # a closing quote or bracket, "(CWC)"
    (?:thereto[ \t]{0,3})?,?[ \t]{0,3}                          # "… thereto,"
    (?:(?:which|that)[ \t](?:[^,;.()\n\"“”]{1,80}),[ \t]{1,3})?        # an aside: "…, which makes Africa a … zone,"
    (?:(?:which|that)[ \t]{1,3})?                               # "… which has been"
    (?:(?:was|were|is|are|has|have|had|been|being|be|will|would|also|only|already|since|now|recently|yet|
         officially|formally|first|later|finally|subsequently|just|not|never|so[ \t]+far|previously)[ \t]{1,3}){0,4}
    \Z""", regex.VERBOSE)
# a direct object after the verb: the name before it is its subject, not a participle's object ("the Good
# Friday Agreement *ended the conflict*", "the accord suspended its sanctions"); a time phrase is no object
# ("the treaty, signed the following year")
DIRECT_OBJECT = regex.compile(
    r"[ \t]{1,3}(?:the|its|their|his|her|a|an|these|those|all|some|decades|years)[ \t]{1,3}"
    r"(?!(?:same|following|next|previous|preceding|last|first|day|week|month|year|night|morning)(?![\w\-]))"
    r"\p{L}", regex.IGNORECASE)
PARTICIPLE_ACTIONS = {"signature", "ratification", "entry_into_force", "denunciation", "suspension",
                      "termination", "accession"}
# the acting party after a participle: "signed *on behalf of the* Russian Federation", "ratified *by* Japan"
PARTY_AFTER = regex.compile(r"[ \t]{1,3}(?:on[ \t]+behalf[ \t]+of|by|for)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# a place inside a relative clause is not the subject: "Russia, which borders *Finland*, signed …"
RELATIVE_CLAUSE = regex.compile(r",[ \t]{1,3}(?:which|who|whose|where|that|whom)[ \t][^,;.]{0,60}\Z")
# between the states of one subject list: "Estonia*, *Latvia* and *Lithuania"
PARTY_LIST_GAP = regex.compile(r"[ \t]{0,2},[ \t]{1,3}(?:and[ \t]{1,3})?(?:the[ \t]{1,3})?|[ \t]{1,3}and[ \t]{1,3}(?:the[ \t]{1,3})?")
# where and when: "… *in* Strasbourg *on* 28 February 1996"
EVENT_PLACE_GAP = regex.compile(r"[ \t]{1,3}(?:in|at)[ \t]{1,3}(?:the[ \t]{1,3})?\Z")
# a month's span is the month alone ("in *early June*" → "June"): its qualifier sits in the gap
MONTH_QUALIFIER = r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[ \t]{1,3}|[Mm]id-|(?:[Aa]t[ \t]{1,3})?the[ \t]{1,3}(?:end|beginning|start|middle)[ \t]{1,3}of[ \t]{1,3})?"
EVENT_DATE_GAP = regex.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:on|in|dated|as[ \t]+of|effective(?:[ \t]+as[ \t]+of)?|from|since)?[ \t]{0,3}"
                               r"(?:\r?\n?[ \t]{0,3}:[ \t]{0,3}\r?\n?[ \t]{0,3})?" + MONTH_QUALIFIER + r"\Z")   # "Entry into force\n:\n1 July 2002"
# "denounce" also means "condemn": not a treaty action when its object is called something ("denounced the
# pact *as* a betrayal") or when the subject is not a state ("rights *groups* denounced", "Cairo *summit*
# denounces", "*critics* have denounced")
CONDEMN_AS = regex.compile(r"[\"”’)]?[ \t]{1,3}as[ \t]{1,3}(?!of[ \t]|from[ \t]|part[ \t])")
NON_STATE_SUBJECT = regex.compile(
    r"\b(?:critics|groups?|activists|campaigners|opponents|protesters|demonstrators|organi[sz]ations|NGOs|"
    r"lawyers|experts|commentators|analysts|summit|clerics|bishops|church|unions?|opposition|newspapers?|"
    r"media|environmentalists|scientists|residents|citizens|voters|students|feminists|conservatives|"
    r"nationalists|protest(?:er)?s?)(?:[ \t]{1,3}(?:have|has|had|also|loudly|strongly|publicly|angrily)){0,2}[ \t]{1,3}\Z",
    regex.IGNORECASE)
# a negated or refused action is no action: "refused to sign", "has not ratified"
NEGATION_BEFORE = regex.compile(
    r"(?:\b(?:not|never|no[ \t]+longer|yet[ \t]+to|refus(?:e|es|ed|ing|al)[ \t]+to|declin(?:e|es|ed|ing)[ \t]+to|"
    r"fail(?:s|ed|ing)?[ \t]+to|reluctan(?:ce|t)[ \t]+to|opposed[ \t]+to|against)|n['’]t)[ \t]{1,3}(?:\w+[ \t]{1,3})?\Z",
    regex.IGNORECASE)
# the name only qualifies the real object: "ended the Paris Agreement *row*", "signed the Kyoto *pledge*"
ATTRIBUTIVE_AFTER = regex.compile(
    r"[ \t]{1,3}(?:row|rows|dispute|disputes|talks|deadlock|standoff|impasse|negotiations|debate|era|crisis|"
    r"controversy|saga|pledge|pledges|targets?|goals?|deadline|summit|conference|secretariat|negotiators|"
    r"framework|process|review|vote|referendum|campaign|protests?)(?![\w\-])"
    # a body of the instrument: "quitting the accord*'s monitoring committee*"
    r"|['’]s[ \t]{1,3}(?:[\w\-]+[ \t]{1,3})?(?:committee|council|commission|secretariat|body|bodies|court|mechanism|panel|board)(?![\w\-])")
# signing a state's instrument of ratification is that ratification, not a signature: "signed the AfCFTA *instrument
# of ratification*"
INSTRUMENT_OF_AFTER = regex.compile(r"[ \t]{1,3}instruments?[ \t]{1,3}of[ \t]{1,3}(?:ratification|accession|acceptance|approval)(?![\w\-])")
# what may precede a date that opens a sentence: "*In* 2019 Ukraine ended …", "*On* 1 July, …"
# (after a short opening adverbial: "Under these circumstances, on March 15, 2022, …"; a cleft: "It was on …")
# (or a wire dateline's city in capitals: "ADDIS ABABA, March 3, 2024 — Ethiopia has signed …")
LEADING_DATE = regex.compile(r"[\s\"“]*(?:\p{Lu}[\p{Ll}\-]*(?:[ \t]{1,3}[\p{Ll}\-]+){0,3},[ \t]{1,3}|It[ \t]{1,3}was[ \t]{1,3}"
                             r"|\p{Lu}{2,}(?:[ \t\-]\p{Lu}{2,}){0,3},[ \t]{1,3})?"
                             r"(?:(?:[IiOo]n|By|Since|Back[ \t]+in|Later[ \t]+in|Early[ \t]+in|Late[ \t]+in)[ \t]{1,3})?"
                             r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]{1,3})?" + MONTH_QUALIFIER)
# "*None of* the nine nuclear-armed states has joined …": no state acted
NONE_OF_BEFORE = regex.compile(r"\b[Nn]one[ \t]+of\b[^.;:!?\n]{0,80}\Z")
# a pronoun object: "… signed the Paris Agreement in 2016 and ratified *it* in 2017"
PRONOUN_OBJECT = regex.compile(r"[ \t]{1,3}(?:(?:to|from|with)[ \t]{1,3})?(?:it|them)(?![\w\-])")   # "acceded to it"
# an acronym or series number in brackets right after an object: "the Chemical Weapons Convention *(CWC)* in 2013"
# (or the rest of it, when the acronym itself is a mention of the object: "(*CWC*)")
# a number designation after a name: "ILO Convention *No. 98*", "Convention *(No. 189)*"
NUMBER_AFTER = regex.compile(r"[ \t]{1,3}\(?(?:No|Nos|Number)\.?[ \t]{0,2}\d{1,4}\)?(?![\w\-])")
PAREN_AFTER = regex.compile(r"[ \t]{0,3}\([^()\n]{1,40}\)|[\"”’]?\)")
# an own signature (no state party): "signed in Washington on …", "done at Vienna", "opened for signature …"
OWN_ACT = regex.compile(
    r"(?:\[\d{1,3}\])?[ \t]{0,3},?[ \t]{0,3}(?:\[\d{1,3}\][ \t]{0,3})?(?:and[ \t]{1,3})?(?:(?:which|that)[ \t]{1,3}(?:was|were|had[ \t]+been|has[ \t]+been)[ \t]{1,3}"
    r"|(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]{1,3})?(?:(?:first|officially|formally|later)[ \t]{1,3})?"
    r"(?P<act>signed|done|adopted|concluded|opened[ \t]+for[ \t]+signature|agreed|created|drawn[ \t]+up)(?![\w])")
# how much an own act says about the instrument's date: an opening for signature beats an adoption
OWN_ACT_RANK = {"signed": 3, "opened for signature": 3, "done": 3, "concluded": 2, "adopted": 2, "agreed": 2,
                "created": 2, "drawn up": 2}
# an organ or person between the act and its place/date: "adopted by the General Assembly of the United Nations"
OWN_ACT_BY = regex.compile(r"[ \t]{1,3}by[ \t]{1,3}(?:the[ \t]{1,3})?(?:[A-Z][\w'’.\-]*+(?:[ \t]{1,3}(?:of|the|for|on|and)){0,2}[ \t]{0,3}){1,10}")

# sentence ends: ". " before a capital, "?" "!" or a blank line; not after common abbreviations
# (the mark first, the abbreviation looked for behind it: a search then skips to the marks at once)
SENTENCE_END = regex.compile(
    r"[.!?](?<!\b(?:No|Nos|Art|Arts|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|St|Mr|Mrs|Ms|Dr|vol|Vol|pp|p|"
    r"Inc|Corp|Co|Ltd|Gen|Sen|Rep|Gov|Jr|Sr|vs|etc|i\.e|e\.g|[A-Z])[.!?])[\"”’)]*(?:\[\d{1,3}\])*(?=\s+[\"“‘(]?[A-Z0-9])"
    r"|\n[ \t]*\n")


# a day and month without a year right before a name: "the September 19 …", "the 19 September …"
MONTH_DAY_BEFORE = regex.compile(compose(
    r"(?<![\w\-])(?:{month}\.?[ \t]{1,3}(?:{day})(?:st|nd|rd|th)?|(?:{day})(?:st|nd|rd|th)?[ \t]{1,3}{month})[ \t]{1,3}\Z", F),
    regex.VERSION1)


def strip_date_qualifier(gap: str, pre: bool = False) -> str:
    """Remove a date between two things: " of 26 November 1987 and " → " and ";
    with ``pre``, a date before a name: " the 1986 " → " the "."""
    m = DATE_PATTERN.search(gap, timeout=limits.REGEX_TIMEOUT)
    if not m and pre:
        m = MONTH_DAY_BEFORE.search(gap)   # "the *September 19* Inter-Korean Military Agreement"
    if not m:
        return gap
    if pre:
        return gap[:m.start()].rstrip(" \t") + " " if not gap[m.end():].strip() else gap
    head = gap[:m.start()].rstrip()
    for w in ("of", "dated", "from"):
        if head.endswith(w):
            head = head[: -len(w)]
    return head.rstrip(" \t,") + gap[m.end():]


def skip_date_qualifier(text: str, pos: int) -> int:
    """The end of a name's own date right after ``pos`` (" of 26 November 1987"), or ``pos``."""
    m = DATE_QUALIFIER.match(text, pos)
    return m.end() if m else pos
