"""Instrument grammar: where a treaty-like name starts and ends.

A name is built around a *head word* (Convention, Treaty, Protocol, …):

    [pre-modifiers] HEAD [numbers] [continuation]
     "Chemical Weapons" Convention
     "European"        Convention  "for the Prevention of Torture and … Punishment"
                       Protocols   "No. 1 and No. 2"
     "Second Optional" Protocol    (number 2)

The fragments below are named and commented; ``EXAMPLES`` lists names that must
come out whole and phrases that must not give an instrument, and the tests run
them.  Quantifiers are possessive or bounded so that scanning stays linear.
"""
from __future__ import annotations

import bisect
from typing import Optional

import attrs
import re
import regex

from citex import limits
from citex.grammar.dates import F as DATE_F
from citex.grammar.dates import compose
from citex.vocab import lower_words

# Head words and the kind they give.  "Act", "Law", "Constitution", "Directive" and
# "Memorandum" name domestic or non-treaty instruments: kind "other".
HEADS = {
    "convention": "convention", "conventions": "convention",
    "treaty": "treaty", "treaties": "treaty",
    "protocol": "protocol", "protocols": "protocol",
    "agreement": "agreement", "agreements": "agreement",
    "charter": "charter", "charters": "charter",
    "covenant": "covenant", "covenants": "covenant",
    "statute": "statute", "statutes": "statute",
    "pact": "pact", "pacts": "pact",
    "accord": "accord", "accords": "accord",
    "act": "other", "law": "other", "constitution": "other", "directive": "other",
    "memorandum": "other",
}
# heads that are only names when capitalised (lower-case "act", "law" are ordinary words)
CAPITAL_ONLY_HEADS = {"act", "law", "constitution", "directive", "memorandum"}

G: dict[str, str] = dict(DATE_F)
# whitespace inside a name: spaces, or one line break (wire copy breaks lines mid-name)
# (a line break is not crossed into a "Place, 17 July 1998" line: that is the title's dateline)
G["sp"] = (r"(?:[ \t]{1,4}(?!\r?\n)|[ \t]{0,4}\r?\n[ \t]{0,8}"
           r"(?![A-Z][\w'’.\-]*+(?:[ \t]{1,3}[A-Z][\w'’.\-]*+){0,2}[ \t]{0,2},[ \t]{0,3}\d))")
G["head"] = (r"(?:Conventions?|Treat(?:y|ies)|Protocols?|Agreements?|Charters?|Covenants?|Statutes?|Pacts?|Accords?"
             r"|CONVENTIONS?|TREAT(?:Y|IES)|PROTOCOLS?|AGREEMENTS?|CHARTERS?|COVENANTS?|STATUTES?|PACTS?|ACCORDS?"
             r"|conventions?|treat(?:y|ies)|protocols?|agreements?|charters?|covenants?|statutes?|pacts?|accords?"
             r"|Act|Law|Constitution|Directive|Memorandum|ACT|LAW|CONSTITUTION|DIRECTIVE|MEMORANDUM)")
# (plural "Treaties", "Agreements" may sit inside a title: "the Law of Treaties")
G["treaty_head"] = (r"(?:Conventions?|Treaty|Protocols?|Agreement|Charter|Covenant|Statute|Pact"
                    r"|Accords?|CONVENTIONS?|TREATY|PROTOCOLS?|AGREEMENT|CHARTER|COVENANT|STATUTE|PACT|ACCORDS?)")
# A capitalised title word: "Torture", "Non-Proliferation", "Seafarers'", "U.N.", "AfCFTA".
# Not a head word (a new instrument starts there), not a month before a day or year (a date).
G["tw"] = (r"(?!(?:{treaty_head})(?![\w\-]))(?!{month})"
           r"(?:(?:[A-Z]\.){2,}|[A-Z]\w*+(?:[\-–]\w++)*+(?:['’](?![sS]\b)\w*+)?)")
# small words that may sit between title words: "Prevention *of* Torture *and* Inhuman *or* …"
# ("by" and "at" only in transport titles: "Carriage of Goods by Sea", "Safety of Life at Sea"; else
#  "the Treaty on Open Skies *by* Russia" would run on into the actor)
G["inner"] = (r"(?:of|the|and|or|for|on|in|to|against|a|an|with|between|concerning|from|into|"
              r"(?:by|at)(?=[ \t]{1,3}(?:Sea|Road|Rail|Air|Inland|Land|Means)\b)|"
              r"its|their|other|certain|all|de|la|du|des|upon|under|over|through|among|&)(?![\w\-])")
# words that open a continuation after the head: "Convention *on* …", "Treaty *of* Amsterdam"
G["prep"] = (r"(?:[Oo]f|[Oo]n|[Ff]or|[Aa]gainst|[Bb]etween|[Cc]oncerning|[Rr]elating[ \t]to|[Rr]egarding|"
             r"[Ee]stablishing|[Cc]reating|[Ii]nstituting|[Ww]ith[ \t]+[Rr]espect[ \t]+to|[Ii]n[ \t]+[Rr]espect[ \t]+of|"
             r"[Gg]overning|[Aa]mong)(?![\w\-])")
G["det"] = r"(?:the|a|an|The)(?![\w\-])"
# A comma inside a title only in a list that closes with and/or: "Cruel, Inhuman or Degrading"
G["listcomma"] = r",(?={sp}{tw}(?:{sp}{tw}){0,4}+{sp}(?:and|or)(?![\w\-]))"
G["titlerun"] = r"{tw}(?:(?:{sp}{inner})*+{sp}{tw}|{listcomma}{sp}{tw})*+"
G["cont"] = r"(?:{sp}{prep}{sp}(?:{det}{sp})?{titlerun})*+"
# Roman numerals as protocol numbers: "Protocol III", "Protocols I and II"
G["roman"] = r"(?:XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\w\-])"
G["pnum"] = r"(?:\d{1,3}(?![\d,.]\d)(?![\w\-])|{roman})"
G["no"] = r"(?:(?:No|Nos|no|nos|Number|Numbers)\.?[ \t]{0,2}|n°[ \t]{0,2}|#)"
# "No. 1", "Nos. 1, 4 and 6", "No. 1 and No. 2", "6", "I and II" (at most 50 items)
G["numlist"] = (r"{sp}(?P<no>{no})?(?P<n1>{pnum})"
                r"(?P<more>(?:(?:[ \t]{0,2},[ \t]{0,2}(?:and[ \t]{1,3})?|{sp}(?:and|&){sp})(?:{no})?{pnum}){0,49}+)")

# the head scan runs over the whole text: the standard library's engine is faster for this plain pattern
HEAD = re.compile(compose(r"(?<![\w\-])(?P<head>{head})(?![\w\-])", G))
NEXT_HEAD = regex.compile(compose(r"[ \t]{1,3}(?:{head})(?![\w\-])", G), regex.VERSION1)
CONT = regex.compile(compose(r"{cont}", G), regex.VERSION1)
NUMLIST = regex.compile(compose(G["numlist"], G), regex.VERSION1)
NUM_ITEM = regex.compile(compose(r"(?:{no})?(?P<n>{pnum})", G), regex.VERSION1)
# Lower-case continuation, after an organisation qualifier only: "UN Convention on refugees"
LOWER_CONT = regex.compile(
    r"(?:[ \t]{1,3})(?:on|for|against)[ \t]{1,3}(?:the[ \t]{1,3})?"
    r"(?!(?:which|that|who|and|to|is|was|were|will|has|have|had|be|in|of|it|its|a|an)\b)"
    r"[a-z][a-z'\-]{2,}(?:[ \t]{1,3}(?!(?:which|that|who|and|or|to|is|was|were|will|has|have|had|be|in|of|on|it|its"
    r"|by|at|as|for|with|from|since|but|not)\b)[a-z][a-z'\-]{2,}){0,2}+"
)
# A quoted law title: Law of Ukraine “With respect to …”
QUOTED_TITLE = regex.compile(r"[ \t]{1,3}[“\"«](?P<q>[A-Z0-9][^”\"»\n]{2,199})[”\"»]")
# Designation tail of a domestic law: "dated July 13, 1999 No. 420-1", "of 8 July 2005", "1998"
LAW_TAIL_NO = regex.compile(r"[ \t]{1,3}No\.?[ \t]{0,2}[\w\-/]{1,20}")
# "(NPT)", "(“CCM”)", "(hereinafter referred to as the Convention)"
ALIAS_DEF = regex.compile(
    r"[ \t]{0,3}(?:\r?\n[ \t]{0,8})?\([ \t]{0,2}(?:(?:hereinafter|hereafter)(?:[ \t]{1,3}referred[ \t]{1,3}to)?(?:[ \t]{1,3}as)?[ \t]{1,3})?"
    r"(?:the[ \t]{1,3})?[\"“']?(?!(?:C?ETS|UNTS|No|Nos|Art|Article|ILO|UN)[ .])(?P<alias>[A-Z][\w.\-’' ]{0,40}?)[\"”']?[ \t]{0,2}\)"
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
# descriptive words before "Protocol" that do not make it a named protocol
PROTOCOL_DESCRIPTORS = {"optional", "additional", "amending", "supplementary", "facultative"} | set(ORDINALS)

# Tokens for the backward scan of pre-modifiers.
PRE_TOKEN = regex.compile(
    r"(?P<paren>\([^()\n]{1,60}\))|(?P<word>(?:[A-Z]\.){2,}(?:[\-–][\w.]+)*|[\w][\w'’]*(?:[.\-–][\w'’]+)*\.?)|(?P<other>\S)"
)

# Words that end the pre-modifier scan (function words, sentence openers, headline verbs).
STOP = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "under", "in", "on", "at", "by", "for", "from", "to", "with", "into", "onto", "upon", "over", "after",
    "before", "since", "during", "between", "against", "about", "as", "if", "when", "while", "where",
    "and", "or", "but", "nor", "so", "yet", "of", "per", "via", "than", "then", "also", "not", "no",
    "new" if False else "", "which", "who", "whom", "whose", "what", "why", "how", "all", "any", "each",
    "every", "both", "either", "neither", "some", "such", "same", "other", "another", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "may", "might", "must", "can", "could", "said", "says", "say", "mr", "mrs", "ms", "dr",
    "sir", "president", "minister", "secretary", "today", "yesterday", "tomorrow", "however", "meanwhile",
    "moreover", "furthermore", "thus", "hence", "therefore", "although", "though", "because", "unless",
    "until", "whether", "here", "there", "now", "only", "just", "even", "still", "already", "again",
    "ahead", "amid", "despite", "towards", "toward", "without", "within", "beyond", "across", "behind",
    "near", "like", "unlike", "including", "following", "according", "regarding", "concerning",
    "current", "previous", "former", "proposed", "existing", "landmark", "historic", "controversial",
    "so-called", "revised", "draft", "final", "full", "formal", "official", "signed", "ratified",
    "best", "top", "worst", "greatest", "latest", "it", "he", "she", "they", "we", "i", "you", "them", "him", "us", "one", "two", "three",
}
STOP.discard("")
AWARD_WORDS = {"best", "worst"}
MONTH_WORDS = lower_words("dates/months") | lower_words("dates/month_abbreviations")
# Lower-case words that may describe an instrument between its proper name and a lower-case head:
# "Egypt–Israel *peace* treaty", "Paris *climate* accord".  Others ("merger", "reached") may not.
DESCRIPTORS = {
    "peace", "trade", "free-trade", "climate", "nuclear", "arms", "border", "maritime", "security",
    "defence", "defense", "cooperation", "co-operation", "partnership", "ceasefire", "cease-fire",
    "friendship", "gas", "oil", "fishing", "fisheries", "extradition", "tax", "investment", "water",
    "aid", "association", "accession", "withdrawal", "framework", "control", "reduction",
    "non-proliferation", "nonproliferation", "test-ban", "ban", "missile", "weapons", "emissions",
    "environmental", "income", "visa", "readmission", "currency", "monetary", "grain", "grains",
    "commodity", "coffee", "cocoa", "sugar", "tin", "rubber", "wheat", "textile", "fibre", "fiber",
    "semiconductor", "steel", "debt", "stabilization", "stabilisation", "disarmament", "migration",
    "asylum", "refugee", "human", "rights", "basing", "status-of-forces", "military", "mutual",
    "bilateral", "multilateral", "global", "regional", "international", "economic", "energy",
    "fishery", "whaling", "space", "aviation", "air", "shipping", "customs", "transit", "power-sharing",
    "unity", "reconciliation", "armistice", "truce", "normalization", "normalisation", "exit", "brexit",
}
# Headline and reporting verbs that precede a name in Title Case headlines.
VERBS = {
    "denounces", "denounce", "denounced", "ratifies", "ratify", "ratified", "signs", "sign", "quits", "quit",
    "exits", "exit", "joins", "join", "leaves", "leave", "withdraws", "withdraw", "withdrew", "suspends",
    "suspend", "violates", "violate", "breaches", "breach", "backs", "back", "rejects", "reject", "approves",
    "approve", "adopts", "adopt", "ends", "end", "scraps", "scrap", "abandons", "abandon", "renews",
    "extends", "revives", "defends", "slams", "hails", "urges", "seeks", "wants", "plans", "vows",
    "says", "tells", "warns", "threatens", "calls", "pulls", "out", "blocks", "rejoins", "enters",
    "honours", "honors", "invokes", "cites", "amends", "breaks", "tears", "ditches", "accepts", "welcomes",
}
# Body words after a head: the head word is part of an organisation, place or party name.
BODY_AFTER = regex.compile(
    r"[ \t]{1,3}(?:Organi[sz]ations?|Cent(?:er|re)s?|Halls?|Party|Parties|People['’]s|Secretariat|Council|"
    r"Committee|Commission|Bureau|Office|Court|Tribunal|Bank|Fund|Authority|Agency|Institute|Society|"
    r"Group|Association|League|Union|Forces?|Alliance|Members?|States|TV|Television|Suite|Stack|Address|"
    r"Square|Street|Road|Avenue|Park|Building|House|Hotel|Arena|Ground|Grounds|School|Schools|College)(?![\w\-])"
)
WEAK_LOWER_HEADS = {"convention", "conventions", "protocol", "protocols", "charter", "charters", "covenant",
                    "statute", "statutes"}
TITLE_LINE = regex.compile(r"[ \t]{1,3}(?:on|between|of|concerning|relating|for|amending|to)[ \t]")
# Names that contain a head word but are not instruments (protocols of computing, military alliances)
NEGATIVE_NAMES = {"internet protocol", "transmission control protocol", "hypertext transfer protocol",
                  "file transfer protocol", "simple mail transfer protocol", "voice over internet protocol",
                  "voice-over internet protocol", "warsaw pact", "memorandum of understanding",
                  "act of parliament", "acts of parliament"}
# Pre-modifiers that make "Convention" a meeting, not a treaty
EVENT_PREMODS = {"national", "constitutional", "annual", "democratic", "republican", "libertarian",
                 "comic", "fan", "party", "nominating", "leadership", "state", "world", "tattoo", "trade",
                 "film", "music", "gaming", "games", "anime", "sci-fi", "horror", "wedding", "dental",
                 "medical", "sales", "baptist", "methodist", "church"}
# Organisation qualifiers that allow a lower-case subject: "UN Convention on refugees"
ORG_QUALIFIERS = {"un", "u.n.", "united nations", "international", "european", "council of europe",
                  "ilo", "who", "unesco", "oecd", "african", "inter-american", "american", "arab", "global",
                  "world", "hague", "eu", "european union"}


@attrs.frozen(slots=True)
class Candidate:
    """A span that names an instrument, before resolution.

    ``start``/``end`` cover the whole name; ``numbers`` lists the protocol numbers
    with the span of each item (``(number, start, end)``); ``alias`` is an
    acronym or short name the text defines right after the name.
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


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() and False


def _premods(text: str, head_start: int, lower_head: bool) -> tuple[int, list[str]]:
    """Scan left from the head: return where the name starts and its pre-modifier words."""
    lo = max(0, head_start - 160)
    window = text[lo:head_start]
    toks = [(m.start() + lo, m.end() + lo, m.group(), m.lastgroup) for m in PRE_TOKEN.finditer(window)]
    start = head_start
    words: list[str] = []
    lowers = 0
    i = len(toks) - 1
    pos = head_start
    while i >= 0:
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
            if not inner or not all(t[:1].isupper() or t[:1].isdigit() for t in inner.split()):
                break
            words.insert(0, w)
            start, pos = s, s
            i -= 1
            continue
        low = w.lower().rstrip(".")
        if w.endswith(("'s", "’s", "s'")) and not w.endswith("s'") or w.endswith(("'s", "’s")):
            break  # possessive: "Russia's"
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
SHORT_FORM = regex.compile(
    r"(?<![\w\-])(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)[ \t]{1,3}(?:(?P<year>1[5-9]\d\d|20\d\d)[ \t]{1,3})?"
    r"(?P<head>Convention|convention|Treaty|treaty|Protocol|protocol|Agreement|agreement|Charter|charter|"
    r"Covenant|covenant|Statute|Pact|pact|Accord|accord)(?![\w\-])(?![ \t]{1,3}(?:of|on|for|against|between)[ \t]{1,3}[A-Z])"
    r"(?![ \t]{1,3}(?:[A-Z][a-z]+|Organi[sz]ation|Center|Centre))")


def find_short_forms(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Short forms outside the names already found; the resolver keeps those with an antecedent."""
    starts = [c.start for c in taken]
    out = []
    for m in SHORT_FORM.finditer(text, timeout=limits.REGEX_TIMEOUT):
        s, e = m.span("head")
        if m.group("year"):
            s = m.start("year")
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and taken[i].end > s or i + 1 < len(taken) and taken[i + 1].start < e:
            continue
        head = m.group("head")
        out.append(Candidate(start=s, end=e, kind=HEADS[head.lower()], head=head, title=text[s:e], short=True))
    return out


def find_candidates(text: str) -> list[Candidate]:
    """Every instrument-like name in ``text`` (before context rules and resolution)."""
    out: list[Candidate] = []
    last_end = -1
    ctx = {"law_to": -1}
    for hm in HEAD.finditer(text):
        hs, he = hm.span()
        if hs < last_end:
            continue
        if NEXT_HEAD.match(text, he):
            continue  # "Energy *Charter* Treaty": the name's head is the last one
        cand = _candidate(text, hm, ctx)
        if cand is not None:
            out.append(cand)
            last_end = cand.end
    return out


# A "Law" rejected as a byline ("Law of the Russian Federation") makes every later "Law" inside its
# continuation a byline too, unless "on/for/against …" follows it: the continuation read from the later
# head ends at or before the first one's end, and a designation can only follow where both reads end.
# Skipping those heads keeps "Law of Law of …" (100,000 heads) linear instead of quadratic.
SKIP_BYLINE_LAWS = True


def _candidate(text: str, hm: regex.Match, ctx: Optional[dict] = None) -> Optional[Candidate]:
    head = hm.group("head")
    hs, he = hm.span()
    low = head.lower()
    kind = HEADS[low]
    lower_head = head.islower()
    upper_head = head.isupper() and len(head) > 1
    plural = low.endswith("s") and low not in ("accords",) or low == "treaties"
    if lower_head and low in CAPITAL_ONLY_HEADS:
        return None
    if ctx is not None and low == "law" and hs < ctx["law_to"] and SKIP_BYLINE_LAWS \
            and not LAW_SUBJECT.match(text, he) and not LOWER_CONT.match(text, he):
        return None  # inside a byline "Law of …" just rejected: a byline too (see SKIP_BYLINE_LAWS)
    start, pre = _premods(text, hs, lower_head)
    if pre is None:
        return None
    pre_low = [w.lower() for w in pre]
    end = he
    numbers: list[tuple[int, int, int]] = []
    # --- protocols: numbers and ordinals -------------------------------------------------
    descriptive = all(w.lower().strip(".") in PROTOCOL_DESCRIPTORS for w in pre)
    if kind == "protocol" and descriptive:
        ordinal = next((ORDINALS[w] for w in pre_low if w in ORDINALS), None)
        nm = NUMLIST.match(text, he)
        if nm and (nm.group("no") or nm.group("more") or not text[nm.end():nm.end() + 1].isalnum()):
            first_val = _pnum(nm.group("n1"))
            numbers.append((first_val, start, nm.end("n1")))
            more_start = nm.start("more")
            for im in NUM_ITEM.finditer(nm.group("more") or ""):
                s = more_start + im.start()
                numbers.append((_pnum(im.group("n")), s, more_start + im.end()))
            end = nm.end()
        elif ordinal:
            numbers.append((ordinal, start, he))
    # --- continuation ---------------------------------------------------------------------
    title_end = end
    single = not numbers or len(numbers) == 1
    if single and not lower_head:
        cm = CONT.match(text, end, timeout=limits.REGEX_TIMEOUT)
        if cm and cm.end() > end:
            title_end = _cut_place_tail(text, end, cm.end())
    from_cont = title_end > end
    if single and title_end == end:
        qual = " ".join(pre_low)
        if qual in ORG_QUALIFIERS or (pre_low and pre_low[-1] in ORG_QUALIFIERS) or \
                any(q in qual for q in ("united nations", "council of europe")):
            lm = LOWER_CONT.match(text, end)  # "UN Convention on refugees"
            if lm:
                title_end = lm.end()
    if single and kind == "other":
        cont_end = title_end
        title_end = _law_tail(text, title_end, head)
        if low == "law" and title_end == cont_end and not LAW_SUBJECT.match(text, end):
            if ctx is not None and from_cont:
                ctx["law_to"] = cont_end
            return None  # "Law of the Russian Federation" without a designation is a byline, not a name
    elif single and upper_head and not pre and title_end == end and TITLE_LINE.match(text, end) and (
            start == 0 or _line_start_before(text, start)):
        # a document's title line: "PROTOCOL on the results of … Group (Minsk, …)"
        eol = text.find("\n", end)
        eol = len(text) if eol < 0 else eol
        par = text.find("(", end, eol)
        stop = par if par >= 0 else eol
        if stop - end <= 200:
            title_end = end + len(text[end:stop].rstrip())
    has_cont = title_end > end
    end = title_end
    # --- acceptance -----------------------------------------------------------------------
    named = bool(pre) and not descriptive
    if not numbers and not has_cont:
        if not pre:
            return None  # "the Convention", "Treaty": a short form, not a name
        if lower_head and (plural or not any(_proper(w) for w in pre)):
            return None  # "free trade agreements", "the semiconductor pact"
    if lower_head and (plural or not any(_proper(w) for w in pre)):
        return None  # "a treaty of the Council of Europe", "an agreement between Egypt and Israel"
    if BODY_AFTER.match(text, end) and not numbers:
        return None  # "North Atlantic Treaty Organisation", "Convention Center", "Convention People's Party"
    if kind == "convention" and not has_cont and pre_low and (
            pre_low[-1] in EVENT_PREMODS or pre_low[-1].endswith(("ers", "ists", "ians")) and not pre_low[-1].endswith("powers")):
        return None  # "Democratic National Convention", "Texas Haunters Convention"
    if kind == "other" and not has_cont and low in ("law", "constitution", "directive") and not (
            low == "constitution" and not lower_head and pre and _country_word(pre[-1])):
        return None  # a bare "Federal Law", "the Constitution" (but "the U.S. Constitution" is a name)
    if kind == "other" and low == "act" and not pre and not has_cont:
        return None
    # Names the knowledge base must confirm: lower-case "convention", "protocol", "charter" … ("Elvis
    # convention", "ISDN protocol", "the WRU charter") and upper-case headline words ("CHIP PACT").
    weak = (lower_head and low in WEAK_LOWER_HEADS and not has_cont and " ".join(pre_low) not in ORG_QUALIFIERS) \
        or (upper_head and not has_cont) \
        or (low == "protocol" and named and not has_cont and not numbers)  # "Apple File Protocol" vs "Kyoto Protocol"
    if _norm_ws(text[start:end]).lower() in NEGATIVE_NAMES:
        return None
    title = _norm_ws(text[start:end])
    alias = None
    from citex.grammar.relations import DATE_QUALIFIER
    dq = DATE_QUALIFIER.match(text, end)
    am = ALIAS_DEF.match(text, dq.end() if dq else end)
    if am:
        alias = am.span("alias")
    return Candidate(start=start, end=end, kind=kind, head=head, title=title, numbers=tuple(numbers),
                     named=named, alias=alias, weak=weak)


def _line_start_before(text: str, pos: int) -> bool:
    """``text[:pos].rstrip(" \t").endswith("\n")`` without copying the text before ``pos``."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] == "\n"


def _proper(word: str) -> bool:
    """A capitalised word that names something (not a demonym-like adjective)."""
    if not word[:1].isupper():
        return False
    if word.isupper() or "." in word or "-" in word or "–" in word:
        return True
    return not word.lower().endswith(("ian", "ese", "ish", "ean", "can", "sian", "eli", "aqi", "ani"))


# "… Human Rights *into UK*", "… Cybercrime *in Strasbourg*": where the act happened, not the title
PLACE_TAIL = regex.compile(r"[ \t]{1,3}(?:in|into|at)[ \t]{1,3}(?:the[ \t]{1,3})?(?P<p>[A-Z][\w.'’\-]*+(?:[ \t][A-Z][\w.'’\-]*+){0,2})\Z")


def _cut_place_tail(text: str, start: int, end: int) -> int:
    """End a title continuation before a closing "in/into/at <country or city>": titles end in a
    region ("… in Europe", "… in Central Asia"), hardly ever in a country or a city."""
    lo = max(start, end - 80)
    m = PLACE_TAIL.search(text, lo, end)
    if m is None:
        return end
    from citex.places.gazetteer import Gazetteer
    entry = Gazetteer.load().lookup(m.group("p"))
    if entry is not None and entry.kind in ("country", "city", "admin") and m.start() > start:
        return m.start()
    return end


def _country_word(word: str) -> bool:
    """A country's name or abbreviation ("U.S.", "Kenya", "Russia's"), from the place gazetteer."""
    from citex.places.gazetteer import Gazetteer
    gaz = Gazetteer.load()
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
        nm = LAW_TAIL_NO.match(text, end)
        if nm:
            end = nm.end()
    return end


# "Federal Law *On* the Termination …", "Law *on* Special Status": a law named by its subject
LAW_SUBJECT = regex.compile(r"[ \t]{1,3}(?:On|on|Concerning|concerning|Regarding|regarding)[ \t]")
LAW_DESIGNATION = regex.compile(compose(
    r"(?:[ \t]{1,3}(?:of|dated|from)[ \t]{1,3}"
    r"(?:(?:{day})(?:st|nd|rd|th)?[ \t]{1,3}{month}[ \t]{1,3}{year}|{month}[ \t]{1,3}(?:{day}),?[ \t]{1,3}{year}|{year})"
    r"|[ \t]{1,3}{year})", G), regex.VERSION1)


#: Examples the tests run: (text, [names that must be found, whole]).
EXAMPLES: list[tuple[str, list[str]]] = [
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
    ("the European Constitution was", []),
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
    ("A three-day Elvis convention took place", []),
]
