"""The decision about one gazetteer name found in a capitalised run: a place, or part of a longer
proper name, or an ordinary word.

:func:`judge` takes a :class:`Context` (the match and what surrounds it) and returns a
:class:`Verdict`.  It applies these rules in order; each is a function below:

1. :func:`abbreviation_after_city`: a state abbreviation ("Fla.") only right after "<City>, " (an
   initialism also after a location word: "in D.C.").
2. :func:`bracketed_in_company`: "Sumitomo Finance (Asia) Ltd" is a company's name.
3. :func:`support`: does the context say "place" (in/at/from…, ", <country/state>", a list of
   places)?  Ambiguous names need it (rule 8), and it is reported with the verdict.
4. :func:`organisation_of_tail`: "Voice of America" is an organisation's name.
5. :func:`words_before`: what precedes the name inside its run ("Mr Howard", "Bank of England",
   "Tony Blair" reject it; "President of Chile", "In Paris" keep it; "South Wales" extends it).
6. :func:`words_after`: what follows it ("Paris Hilton", "Texas Air Corp", "Berlin Wall" reject;
   "U.S. President", "UK Government" keep; "Guantanamo Bay" extends).
7. :func:`adjective_name_as_noun`: "Baltic trade" is an adjective, "the Baltic states" a region;
   :func:`instrument_noun_after`: "Kyoto treaty", "Punta del Este round" are instruments' names;
   :func:`event_year_after`: "London 2012 Olympics" an event's; :func:`team_by_city`: "against
   Lyon" a team, and :func:`team_after`: "Liverpool boss", "Southampton are" too.
8. Ambiguous names without support are not places.
9. :func:`lone_small_town`: a small town opening a sentence on its own is more often a surname.

Inside rules 5-7 (issue 14, third pass): a state's formal name grows over its qualifiers and form
("the Islamic Republic of the Gambia"; not "the Islamic State of Iraq"), a place joined by "and" to an
organisation's complement is that complement's ("Commission for Latin America and the Caribbean"), a
court's jurisdiction is a place ("the High Court of England"), a state after a verb in a Title Case
headline is one ("Withdraw U.S. From"), a direction after a city ("Bristol East") and a people's
adjective after a region ("Gulf Arab allies") keep the place; a city before "City" and a team's role
is a club ("Manchester City boss"), a town before a leader's word is a surname ("the Morales
administration"), a town after "called" is a thing's name ("chips called Phoenix").

Fourth pass: an adjective of a title before a country keeps it ("Former US Senator"), so do a
title "of" the place before its holder's name (:func:`office_holder_after`: "First Minister of
Scotland Nicola Sturgeon"), a company's suffix before "of" ("Canon Inc of Japan": its seat), "TV"
before a media noun ("US TV show"), an initialism in a caps headline ("TALKS WITH U.S. END") and a
capital after "against" (its government); a name in a team's line-up (:func:`in_line_up`) is a club.

Sixth pass: in a text about sport (:func:`sport_text`), a country named as its national side is
no place (:func:`national_side`: "England coach", "against Israel", "England's World Cup triumph",
"Israel have"), and, as for clubs, nowhere else in that text unless the context says place; a
person's middle initial ("Kenneth S. Roth") and "al-" after a name ("Ali al-Khalifa al-Sabah")
make a surname; "the <town>" before a verb is a body named by the town (:func:`town_with_article`:
"the Halifax has said"); a name after "agency" is the agency's ("news agency Fars"); a campus
follows "University of <place> at".

A name rejected after a given name or a title (:func:`after_given_name`: "Michael Jordan") is a
person's surname: the finder then takes the name for no place anywhere in the text unless its
context says "place" ("Jordan scored … in Jordan" keeps the second).
"""
from __future__ import annotations

import re
from typing import Optional

import attrs
import regex

from citex.places.names import Entry, NameTable
from citex.places.runs import Cand, Tok, next_run, run_ends_at, sentence_start
from citex.places.sport import count_cues, cue_groups
from citex.places.words import (ABBREV_TITLES, ADJ_BEFORE, ADJECTIVE_NAMES, NOUN_FOLLOWERS, REGION_NOUNS, BOUNDARY, COMPANY_SUFFIXES, COUNTY_WORDS, DIRECTIONS, GOVERNMENT_HEADS,
                                FEATURE_PREFIX, FEATURE_SUFFIX, FOR_HEADS, FUNCTION_WORDS, GOV_MODIFIERS,
                                GIVEN_NAMES, INSTRUMENT_NOUNS, LINK, NAME_ACRONYMS, NOBLE, OF_NAME_TAILS, OFFICES,
                                ORG_HEADS, PLACE_NOUNS, HONORIFICS, SUPPORT_PREPS, TEAM_CUES, TEAM_NOUNS, TEAM_ROLES,
                                TEAM_VERBS,
                                TIME_WORDS, TITLES, TRANSPARENT, MEDIA_HEADS, MEDIA_NOUNS, TEAM_ROLES_NAMED, CAPITALS)
from citex.places.words import (COUNT_WORDS, POLITICAL_WORDS, COURT_HEADS, DAY_WORDS, FORM_ORGANISATIONS, GROUP_ADJECTIVES, LEADER_FOLLOWERS, NAMING_WORDS,
                                ORGANISATION_FORMS, STATE_FORMS, STATE_QUALIFIERS, TEAM_SUFFIXES, TITLE_CASE_SMALL)
from citex.text.lines import LineFlags
from citex.vocab import entries, lower_words, words

__all__ = ["Context", "Verdict", "judge", "prev_words", "MAX_SCAN", "in_line_up"]

MAX_SCAN = 12  # tokens looked at before / after a name for context

_WORDS_BACK = regex.compile(r"\p{L}+|[^\p{L}\s]+")
_NEXT_LOWER = regex.compile(r"[ \t]*\r?\n?[ \t]*(\p{Ll}+)")
# ", " before a state or country, over a lower-case direction ("Teignmouth, south Devon", "Lyon,
# eastern France")
_COMPASS = sorted({d.lower() for d in DIRECTIONS if any(c in d.lower() for c in ("north", "south", "east", "west"))
                   or d == "Central"}, key=len, reverse=True)
NEXT_COMMA = regex.compile(r",[ \t]*\r?\n?[ \t]*(?:(?:" + "|".join(_COMPASS) + r")[ \t]{1,2})?")
# an acronym right after a well-known place is another body, not the rest of the place's name
# ("London BBC staff"), unless it ends a club's or company's own name (NAME_ACRONYMS)
_ACRONYM_AFTER = regex.compile(r"(?![IVXLC]+\b)[A-Z]{2,6}s?")  # not a roman numeral ("Metro III", "Wales XV")
_LIST_GAPS = (",", "and", ", and", "or", "/")
# countries whose counties are named after their towns: "<town> County" is a county of the same country
COUNTY_COUNTRIES = frozenset({"US", "GB", "IE"})
_BLANK = (" ", "\t")
_BLANK_OR_BREAK = (" ", "\t", "\r", "\n")
_EVENT_YEAR = regex.compile(r"[ \t]{1,3}(?:19|20)\d\d[ \t]{1,3}\p{Lu}")
_CITY_YEAR = regex.compile(r"[ ](?:189[6-9]|19\d\d|20[0-4]\d)(?![\d\-–/]|[.,]\d)")
_BIG = ("country", "admin", "region")
_SCORED = ("city", "admin", "country")   # a score beside the name makes it a team ("England 17-18 France": in sport)


@attrs.define(slots=True)
class Context:
    """A gazetteer name matched on the tokens ``toks[i..j]`` of a capitalised run, ending at ``end``."""

    text: str
    toks: list[Tok]
    i: int
    j: int
    end: int
    entry: Entry
    table: NameTable
    run_re: regex.Pattern   # the run pattern the text is read with
    run_end: int            # the end of this run (before any cut at a dateline)
    cands: list[Cand]       # the candidates found so far in the text
    lines: LineFlags
    prev_place_end: int     # the token index just after the previous name of this run, or -1
    before_run: Optional[tuple[str, str]] = None  # prev_words before the run, once asked for


def words_before_run(ctx: Context) -> tuple[str, str]:
    """:func:`prev_words` before the run's first token (asked by several rules: read once)."""
    if ctx.before_run is None:
        ctx.before_run = prev_words(ctx.text, ctx.toks[0].start)
    return ctx.before_run


@attrs.frozen(slots=True)
class Verdict:
    """``accepted``: a place.  ``supported``: the context says "place".  ``name_part``: rejected as
    part of a longer proper name.  ``start``/``end`` may have grown over a direction or a feature
    word ("South Wales", "Guantanamo Bay")."""

    accepted: bool
    supported: bool
    name_part: bool
    start: int
    end: int
    person: bool = False    # rejected as a person's surname: a given name or a title before it
    surname: bool = False   # rejected after one other capitalised word ("Lewis Hamilton"): a surname if
                            # the text uses it alone as one ("Hamilton said", "Mr Hamilton")
    instrument: bool = False  # rejected as the name of an instrument ("Kyoto treaty", "Paris Agreement"):
                              # alone elsewhere in the text it stands for the instrument ("withdraw from Kyoto")
    team: bool = False        # rejected as a club or team named by its city ("against Lyon", "Liverpool boss"):
                              # alone elsewhere in the text it is the team too ("talks with Southampton")


def judge(ctx: Context) -> Verdict:
    """The verdict on one match (see the module's docstring for the rules, in order).  Each rule
    is guarded here by its cheapest condition: most names meet none of them."""
    text, toks, i, j, end, entry = ctx.text, ctx.toks, ctx.i, ctx.j, ctx.end, ctx.entry
    start, n = toks[i].start, len(toks)
    if entry.abbreviation:
        ok = abbreviation_after_city(ctx) or (
            text[start:end].count(".") >= 2 and i == 0 and (support_before(ctx) or initialism_named_before(ctx)))
        return Verdict(ok, ok, False, start, end)
    if entry.kind == "country" and text.count(".", start, end) >= 2 and ctx.lines.caps(start):
        return Verdict(True, True, False, start, end)           # "TALKS WITH U.S. END": an initialism in capitals
    if text[start - 1:start] == "(" and bracketed_in_company(ctx):
        return Verdict(False, False, True, start, end)
    if i == 0 and text[start - 3:start] in _ARTICLE_HYPHENS and arabic_name_part(text, start):
        return Verdict(False, False, True, start, end, person=True)   # "Sheikh Ali al-Khalifa al-Sabah"
    supported = (support_before(ctx) or bool(ctx.cands) and ctx.cands[-1].ok and (in_list_of_places(ctx) or after_its_town(ctx))
                 or j == n - 1 and text.startswith(",", end) and followed_by_country(ctx)
                 or entry.ambiguous and j + 2 < n and listed_before_place(ctx))
    if i >= 2 and toks[i].text.rstrip(".") in OF_NAME_TAILS and organisation_of_tail(ctx):
        return Verdict(False, supported, True, start, end)
    if i == 0 and "\n" in text[start - 4:start] and head_of_across_break(ctx):
        return Verdict(False, supported, True, start, end)     # "United Insurance Co of\nAmerica"
    if i > 0:
        decision, name_part, start = words_before(ctx)
        if decision is False:
            return Verdict(False, supported, name_part, start, end, name_part and after_given_name(ctx),
                           name_part and len(ctx.toks) == 2 and i == 1 and ctx.toks[0].text[-1] != ".")
        # decision None: the chain "X of Y of <place>" has no head word: "Buhari of Nigeria"
    if j + 1 < n:
        keep, end, k = words_after(ctx)
        if not keep and (office_holder_after(ctx) or member_from_before(ctx)):
            keep, end, k = True, ctx.end, n                     # "First Minister of Scotland Nicola Sturgeon"
        if not keep:
            nxt = toks[j + 1]
            return Verdict(False, supported, True, start, end,
                           instrument=not nxt.conn and nxt.text.rstrip(".").lower() in INSTRUMENT_NOUNS)
        if k == n - 1 and entry.kind == "city" and toks[k].text in TEAM_SUFFIXES and (
                team_word_after(ctx, toks[k].end) or _british_city_club(ctx, toks[k])):
            return Verdict(False, False, True, start, end, team=True)   # "Manchester City boss", "Stoke City won"
    else:
        k = j + 1
    if k >= n and entry.canonical in ADJECTIVE_NAMES:
        noun_end = adjective_name_as_noun(ctx, end)
        if noun_end is None:
            return Verdict(False, supported, False, start, end)
        end = noun_end
    if k >= n and instrument_noun_after(ctx, k, end):
        return Verdict(False, supported, False, start, end, instrument=True)
    if k >= n and entry.kind not in ("country", "admin") and event_noun_after(ctx, end):
        return Verdict(False, supported, True, start, end)      # "the Hillsborough disaster"
    if k >= n and event_year_after(ctx, end):
        return Verdict(False, supported, False, start, end)
    if k >= n and ctx.text[end:end + 2] in (" (", "(1", "(2") and _WORK_YEAR.match(ctx.text, end) is not None:
        return Verdict(False, supported, True, start, end)      # "Bogart in Casablanca (1942)": a work's title
    if entry.kind == "city" and (not supported and team_by_city(ctx) or k >= n and team_after(ctx, end, supported)):
        return Verdict(False, False, False, start, end, team=True)
    if i == 0 and k >= n and _scored_side(ctx, end):
        return Verdict(False, False, False, start, end, team=True)   # "Newcastle 27-27 Gloucester"
    if entry.kind == "admin" and k >= n and not supported and (
            team_after(ctx, end, True, REGION_TEAM_ROLES) or team_by_city(ctx, cues=REGION_TEAM_CUES)):
        return Verdict(False, False, False, start, end, team=True)   # "the Leinster fly-half", "beat Munster 27-25"
    if (v := _body_or_side(ctx, start, end, k >= n, supported)) is not None:
        return v                                                # "news agency Fars", "England captain"
    if not supported and entry.kind == "city" and role_before(ctx):
        return Verdict(False, False, True, start, end, person=True)
    if i == 0 and not supported and entry.kind == "city" and named_thing(ctx):
        return Verdict(False, False, False, start, end)
    if i == 0 and not supported and _work_title(ctx):
        return Verdict(False, False, True, start, end)          # "the film Manchester by the Sea"
    if (text[start - 1:start] in _QUOTES or "\"" in text[max(0, start - 40):start]
            or "“" in text[max(0, start - 40):start]) and quoted_title(text, start, end):
        return Verdict(False, False, True, start, end)          # the CBS soap "Dallas", "Paris, Texas"
    if campus_of_university(ctx, supported):
        return Verdict(False, False, True, start, end)
    if entry.kind == "city" and k >= n and leader_after(ctx, end):
        return Verdict(False, False, True, start, end, person=True)
    if not supported and j == i + 1 and titled_person(ctx):
        return Verdict(False, False, True, start, end, person=True)   # "Prince Edward will join"
    if entry.ambiguous and not supported and not (k < n and entry.population >= BODY_TOWN and _own_body_at(toks, k)):
        return Verdict(False, False, False, start, end)         # (but "Reading Borough Council")
    if not supported and n == 1 and entry.kind == "city" and lone_small_town(ctx):
        return Verdict(False, False, False, start, end)
    return Verdict(True, supported, False, start, end)


_ARTICLE_HYPHENS = ("al-", "el-")
_AGENCY_NOUNS = frozenset({"agency", "agencies"})   # a name right after it is the agency's ("news agency Fars")
_THE = ("the ", "The ")
BODY_VERBS = lower_words("places/body_verbs")
_BODY_AFTER = regex.compile(r"(?:[;:.](?!\w)|[ ](\p{Ll}++))")


def arabic_name_part(text: str, start: int) -> bool:
    """A name after "al-"/"el-" that follows another capitalised name: a person's family name or
    nisba ("Sheikh Ali al-Khalifa al-Sabah", "Abu Bakr al-Baghdadi"; not "in al-Raqqa", nor "In
    al-Raqqa" at a sentence's start)."""
    before = text[max(0, start - 40):start - 3]
    if not before.endswith(" "):
        return False
    ws = before.split()
    if not ws:
        return False
    w = ws[-1]
    if w[:3] in _ARTICLE_HYPHENS:
        w = w[3:]
    return w[:1].isupper() and w.isalpha() and w not in FUNCTION_WORDS


def town_with_article(ctx: Context, end: int) -> bool:
    """A town alone in its run after "the", before a full stop or a verb of places/body_verbs ("the
    Halifax has said", "a refund from the Halifax."): a body named by the town (a bank, a firm, a
    ship).  Not before a comma ("the Paris, Amsterdam and Lisbon exchanges": a list) nor a
    possessive ("the Melbourne's Mayor"); a town whose name takes "The" ("The Hague") is left
    alone."""
    name = ctx.text[ctx.toks[0].start:end]
    if ("The " + name) in ctx.table.names:
        return False
    m = _BODY_AFTER.match(ctx.text, end)
    return m is not None and (m.group(1) is None or m.group(1) in BODY_VERBS)


def _body_or_side(ctx: Context, start: int, end: int, run_ends: bool, supported: bool) -> Optional[Verdict]:
    """For a name without support: a body's ("news agency Fars", "the Halifax has said") or a
    national side's ("England captain", "against Israel"; ``run_ends``: the name ends its run); a
    country after a side's cue is one whatever supports it ("against Wales and France": a list)."""
    kind = ctx.entry.kind
    if supported and not (kind == "country" and side_cue_before(ctx)):
        return None
    if ctx.i == 0 and ctx.text.find("agenc", max(0, start - 12), start) >= 0 and words_before_run(ctx)[0] in _AGENCY_NOUNS:
        return Verdict(False, False, True, start, end)          # "news agency Fars reported"
    if kind == "country" and (run_ends or side_cue_before(ctx)) and national_side(ctx, end):
        return Verdict(False, False, False, start, end, team=True)   # "England captain", "against Israel"
    if kind in ("city", "admin") and run_ends and side_cue_before(ctx) and sport_text(ctx.text):
        return Verdict(False, False, False, start, end, team=True)   # "for Bath against Leinster"
    if (kind == "city" and len(ctx.toks) == 1 and ctx.text[start - 4:start] in _THE
            and town_with_article(ctx, end)):
        return Verdict(False, False, True, start, end)          # "the Halifax has said": a bank
    return None


def abbreviation_after_city(ctx: Context) -> bool:
    """A state abbreviation counts only right after "<Capitalised name>, " ("Miami, Fla.")."""
    start = ctx.toks[ctx.i].start
    if ctx.i != 0:
        return False
    return any(ctx.text[q:start].strip() == "," and run_ends_at(ctx.text, ctx.run_re, q) for q in range(max(0, start - 3), start))


def initialism_named_before(ctx: Context) -> bool:
    """An initialism ("D.C.") that the text took for the place before ("in Washington, D.C." or "in
    D.C."): the same place again ("a drive to D.C.", "Washington (D.C.)"), one sense per text."""
    entry = ctx.entry
    return any(c.entry is entry and c.ok for c in ctx.cands[-_SENSE_BACK:])


def bracketed_in_company(ctx: Context) -> bool:
    """A bracketed place before a company suffix: "Sumitomo Finance (Asia) Ltd"."""
    text, start, end = ctx.text, ctx.toks[ctx.i].start, ctx.end
    if not (ctx.i == 0 and ctx.j == len(ctx.toks) - 1 and text[start - 1:start] == "("
            and text[end:end + 1] == ")"):
        return False
    nxt = next_run(ctx.text, ctx.run_re, ctx.run_end)
    return nxt is not None and nxt.start() - end <= 2 and nxt.group().split()[0].rstrip(".,") in COMPANY_SUFFIXES


def support(ctx: Context) -> bool:
    """The context says "place": a location word before it ("in", "the city of"), a list of
    places ("Germany, Britain and France"), or ", <country or state>" after it."""
    return support_before(ctx) or in_list_of_places(ctx) or followed_by_country(ctx)


def support_before(ctx: Context) -> bool:
    toks, i = ctx.toks, ctx.i
    if i == 0:
        pw = words_before_run(ctx)
    else:
        k = i - 1
        while k >= 0 and toks[k].text in TRANSPARENT:
            k -= 1
        pw = (toks[k].text.lower(), toks[k - 1].text.lower() if k > 0 else "") if k >= 0 else ("", "")
    return (pw[0] in SUPPORT_PREPS or (pw[0] == "of" and pw[1] in PLACE_NOUNS)
            or pw[0] == "to" and pw[1] in MOTION_VERBS)          # "moved to Jersey"


def in_list_of_places(ctx: Context) -> bool:
    """The previous candidate is an accepted major place just before, joined by a comma, and, or."""
    if not ctx.cands:
        return False
    last, start = ctx.cands[-1], ctx.toks[ctx.i].start
    return (last.ok and 0 < start - last.end <= 6 and ctx.table.major(last.name)
            and ctx.text[last.end:start].strip() in _LIST_GAPS)


def listed_before_place(ctx: Context) -> bool:
    """"and"/"or" and a major place follow the name in its run: "Jersey and Guernsey"."""
    toks, j = ctx.toks, ctx.j
    if not (toks[j + 1].conn and toks[j + 1].text in _LIST_JOINS) or toks[j].text in GIVEN_NAMES:
        return False                                        # ("David and Victoria Beckham")
    nb = ctx.table.longest(toks, j + 2, False)
    return nb is not None and ctx.table.major(nb[2]) and not ctx.table.names[nb[2]].ambiguous


def after_its_town(ctx: Context) -> bool:
    """A state or county of the country of the accepted town just before it: "Kirkcaldy, Fife"."""
    last, start = ctx.cands[-1], ctx.toks[ctx.i].start
    return (ctx.i == 0 and ctx.entry.kind == "admin" and last.entry.kind == "city"
            and last.entry.country == ctx.entry.country and ctx.text[last.end:start].strip() == ",")


def followed_by_country(ctx: Context) -> bool:
    """The name ends its run and ", <country or state>" follows ("Reading, Pennsylvania")."""
    if ctx.j != len(ctx.toks) - 1:
        return False
    nxt = next_run(ctx.text, ctx.run_re, ctx.run_end)
    if nxt is None:
        return False
    cm = NEXT_COMMA.match(ctx.text, ctx.end)
    if cm is None or cm.end() != nxt.start():
        return False
    names = ctx.table.names
    words = nxt.group().split()
    e2 = names.get(" ".join(words[:2]).rstrip(".")) if len(words) > 1 else None   # "British Columbia", not "British"
    if e2 is None:
        e2 = names.get(words[0]) or names.get(words[0].rstrip("."))
    return e2 is not None and e2.kind in ("country", "admin") and not e2.ambiguous


def organisation_of_tail(ctx: Context) -> bool:
    """"Voice of America", "Writers Guild of America": "<Capitalised word> of <tail>" names an
    organisation, unless the word is a title or an office ("President of America")."""
    toks, i = ctx.toks, ctx.i
    if i < 2 or toks[i].text.rstrip(".") not in OF_NAME_TAILS or toks[i - 1].text != "of" or toks[i - 2].conn:
        return False
    w = toks[i - 2].text.rstrip(".")
    return w not in TITLES and w not in OFFICES


_OF_AT_LINE_END = regex.compile(r"(?<![\p{L}\d.'’&\-])(\p{Lu}[\p{L}.&'’\-]{0,30}+)[ \t]{1,3}of[ \t]*+\r?\n[ \t]*+\Z")


def head_of_across_break(ctx: Context) -> bool:
    """The name opens a line after "<Head> of" at the end of the line before (a hard line break cuts
    the run): judged as :func:`organisation_of_tail` and :func:`words_before` judge "<Head> of
    <name>" on one line: part of an organisation's name after its head ("Bank of\nEngland") or
    before a tail such as "America" ("United Insurance Co of\nAmerica"); a title's, an office's or a
    company's seat is the place ("President of\nFrance", "Canon Inc of\nJapan")."""
    start = ctx.toks[0].start
    m = _OF_AT_LINE_END.search(ctx.text, max(0, start - 48), start)
    if m is None:
        return False
    head = m.group(1).rstrip(".")
    if head in TITLES or head in OFFICES:
        return False
    if ctx.toks[ctx.i].text.rstrip(".") in OF_NAME_TAILS:
        return True
    return head in ORG_HEADS and head not in COMPANY_SUFFIXES


def titled_person(ctx: Context) -> bool:
    """A two-word name that is a title and a name ("Prince Edward", "Prince George", "Lady Frere";
    not "Queen Creek", "King County"), without a location word or a state after it: the person."""
    first, second = ctx.toks[ctx.i].text, ctx.toks[ctx.j].text.rstrip(".")
    return ((first in NOBLE or first in HONORIFICS or first in TITLES and first in _ROYAL)
            and second not in FEATURE_SUFFIX and second not in OFFICES and second not in ORG_HEADS)


_ROYAL = frozenset({"King", "Queen", "Emperor", "Empress"})


def after_given_name(ctx: Context) -> bool:
    """The word right before the name (or before its middle initial) is a given name or a person's
    title ("Michael Jordan", "Denzel Washington", "President Washington", "Kenneth S. Roth"): the
    name is a surname here."""
    k = ctx.i - 1
    if k >= 1 and middle_initial(ctx.toks, k):
        k = _initials_start(ctx.toks, k) - 1        # "Kenneth S. Roth", "Wayne A. I. Frederick"
    prev = ctx.toks[k]
    w = prev.text.rstrip(".")
    return not prev.conn and (prev.text in GIVEN_NAMES or w in HONORIFICS)


def middle_initial(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` ends a person's middle initials: one capital and a full stop each, one space
    apart, after a capitalised word of the same run ("Kenneth S. Roth", "Wayne A. I. Frederick"),
    not the end of a sentence (the word before is no function word: "The A. Paris" is not read
    so)."""
    first = _initials_start(toks, k)
    if first is None or first == 0:
        return False
    prev = toks[first - 1]
    return (not prev.conn and prev.end + 1 == toks[first].start and prev.text[0].isupper()
            and prev.text[-1] != "." and len(prev.text) > 1 and prev.text not in FUNCTION_WORDS
            and prev.text not in LETTER_LABELS)


LETTER_LABELS = words("places/letter_labels")


def _initials_start(toks: list[Tok], k: int) -> Optional[int]:
    """The index of the first of the initials that end at ``toks[k]`` (one space apart), or None."""
    first = None
    while k >= 0 and len(toks[k].text) == 2 and toks[k].text[1] == "." and toks[k].text[0].isupper():
        first = k
        if k == 0 or toks[k - 1].end + 1 != toks[k].start:
            break
        k -= 1
    return first


def words_before(ctx: Context) -> tuple[Optional[bool], bool, int]:
    """Read back from the name inside its run: ``(decision, name_part, start)``.  ``decision``
    False rejects the name (``name_part`` when it is part of a longer proper name), True keeps
    it, None leaves it to the later rules; ``start`` moves back over a direction or feature word."""
    toks, i = ctx.toks, ctx.i
    start = toks[i].start
    if ctx.entry.kind == "country":
        form_start = _state_form_start(toks, i)
        if form_start is not None:
            if ctx.text[form_start:toks[i].start].split(" of")[0] in FORM_ORGANISATIONS:
                return False, True, start                       # "the Islamic State of Iraq and the Levant"
            return True, False, form_start                      # "the Islamic Republic of the Gambia"
    decision: Optional[bool] = None
    linked = crossed = False
    link_word = ""
    k = i - 1
    while k >= max(0, i - MAX_SCAN):
        tk = toks[k]
        w = tk.text
        if tk.conn:
            crossed = True
            if w in LINK:
                linked, link_word = True, w
            elif w in BOUNDARY:
                if w == "and" and _org_complement(ctx, k):
                    return False, True, start                   # "Commission for Latin America and
                return True, False, start                       #  the Caribbean"
            elif w not in TRANSPARENT and not linked:
                return False, True, start                       # "Perez de Cuellar"
            k -= 1
            continue
        ws = w.rstrip(".")
        if link_word == "of" and ws in COURT_HEADS and ctx.entry.kind in ("country", "admin"):
            return True, False, start                           # "the High Court of England"
        if toks[k + 1].text == "of" and ws in COMPANY_SUFFIXES:
            return True, False, start                           # "Canon Inc of Japan": its seat
        if k == i - 1 and middle_initial(toks, k):
            return False, True, start                           # "Kenneth S. Roth": a person
        said = _head_word_before(tk, ws, k == i - 1, linked, link_word)
        if said is not None:
            return said[0], said[1], start
        if tk.end + 2 >= start and (ws in DIRECTIONS or ws in FEATURE_PREFIX) and not linked:
            start = tk.start                                    # "South Wales", "River Thames"
            decision = True                                     # (scan on: "Association of
            k -= 1                                              #  Upper East Tennessee")
            continue
        said = _other_word_before(ctx, k, ws, linked, crossed)
        if said is not None:
            return said[0], said[1], start
        k -= 1                                                  # "... Affairs of the X": go on
    return decision, False, start


def _state_form_start(toks: list[Tok], i: int) -> Optional[int]:
    """The start of a state's formal name around the state's name at ``toks[i]``: the qualifiers
    before a name that opens with a form of state ("Islamic" before "Republic of the Gambia"), or
    the qualifiers and form before "of (the) <state>" ("Federal Republic of" before "Somalia");
    None when there are none."""
    k = i - 1
    if toks[i].text in STATE_FORMS:
        start = None
    else:
        if k >= 0 and toks[k].text in TRANSPARENT:
            k -= 1
        if k < 1 or toks[k].text != "of" or toks[k - 1].text not in STATE_FORMS:
            return None
        k -= 1
        start = toks[k].start
        form = toks[k].text
        k -= 1
        if form in ORGANISATION_FORMS and (k < 0 or toks[k].text not in STATE_QUALIFIERS):
            return None                                         # "the Federation of Hong Kong Industry"
    q = 0
    while k >= 0 and q < 3 and not toks[k].conn and toks[k].text in STATE_QUALIFIERS:
        start = toks[k].start
        k -= 1
        q += 1
    if k >= 0 and not toks[k].conn and toks[k].text[-1] != "." and toks[k].text not in FUNCTION_WORDS:
        return None                                             # "the Police Federation of England"
    return start


def _org_complement(ctx: Context, k: int) -> bool:
    """The "and" at ``toks[k]`` joins the name to a place rejected just before it in the same run
    as the complement of an organisation's head ("Economic Commission for Latin America and the
    Caribbean", "Commission for Asia and the Pacific"): the name is that complement's too."""
    if not ctx.cands or k < 2:
        return False
    toks, last = ctx.toks, ctx.cands[-1]
    if last.ok or last.start < toks[0].start or toks[k - 1].end != last.end:
        return False
    m = k - 1
    while m >= 0 and toks[m].start > last.start:
        m -= 1
    m -= 1
    if m >= 0 and toks[m].text in TRANSPARENT:
        m -= 1
    if m < 1:
        return False
    head = toks[m - 1].text.rstrip(".")
    return (toks[m].conn and toks[m].text in LINK and not toks[m - 1].conn
            and head in ORG_HEADS and head not in COMPANY_SUFFIXES)    # "Inc of Houston and the Louisville"


def _head_word_before(tk: Tok, ws: str, adjacent: bool, linked: bool, link_word: str):
    """Titles, offices and organisation heads before the name: ``(decision, name_part)`` or None."""
    if ws in TITLES:
        if linked:
            return ws not in NOBLE, False                       # "President of X", not "Duke of X"
        return False, True                                      # "Mr Howard", "President Obama"
    if tk.text[-1] == "." and tk.text not in ABBREV_TITLES and adjacent:
        return True, False                                      # sentence boundary
    if ws in OFFICES:
        return True, False                                      # "Parliament of the Republic of X"
    if ws in ORG_HEADS:
        if link_word == "for" and ws not in FOR_HEADS:
            return True, False                                  # "Square for the UK"
        return False, not linked                                # "Bank of England"
    return None


def _other_word_before(ctx: Context, k: int, ws: str, linked: bool, crossed: bool):
    """Adjectives, places, function words and names before the name: ``(decision, name_part)``, or
    None to read further back (a plain word across "of": "Ministry of Foreign Affairs of X")."""
    toks, i = ctx.toks, ctx.i
    adjacent = k == i - 1
    if adjacent and ws in ADJ_BEFORE and (ctx.entry.kind in ("country", "region", "admin") or toks[ctx.j].text[-1] == "."):
        pk = toks[k - 1] if k > 0 else None
        if (pk is not None and not pk.conn and pk.text[-1] != "."
                and pk.text not in FUNCTION_WORDS and pk.text not in TIME_WORDS):
            return False, True                                  # "Radio Free Europe": a name
        return True, False                                      # "New U.S. data", "Free Europe"
    if adjacent and ctx.prev_place_end == i:
        return False, True                                      # "Norman Baker", "Moscow Helsinki"
    if (adjacent and ctx.entry.kind == "country" and not ctx.entry.ambiguous and ws not in GIVEN_NAMES
            and ctx.j + 1 < len(toks) and toks[ctx.j + 1].text in FUNCTION_WORDS and ctx.lines.headline(toks[k].start)):
        return True, False                                      # "Trump Moves To Withdraw U.S. From …"
    if (adjacent and k == 0 and ctx.entry.kind == "country" and not ctx.entry.ambiguous and ws not in GIVEN_NAMES
            and ctx.lines.headline(toks[k].start) and _lower_elsewhere(ctx.text, ws, toks[k].start)):
        return True, False                                      # "Retired US Supreme Court Justice … dies"
    if ws in TITLE_CASE_SMALL and k > 0 and _title_case_small(ctx, k):
        return False, True                                      # "The Jewel Of The Nile": a title
    if ws in FUNCTION_WORDS or ws in TIME_WORDS or ws in DAY_WORDS:
        return True, False                                      # "In Paris", "Monday Paris", "Today Poland"
    if not linked:
        if crossed:
            return True, False                                  # "Should the United Kingdom"
        return False, True                                      # "Tony Blair", "Crystal Harmony"
    return None


_LOWER_REACH = 20_000   # characters after the headline's word read for its lower-case form


def _lower_elsewhere(text: str, word: str, pos: int) -> bool:
    """The capitalised ``word`` of a headline (at ``pos``) occurs in lower case in the text after it
    (within _LOWER_REACH): an ordinary word ("Retired" of "… a retired justice"), not a name's."""
    low = word.lower()
    if low == word or not low.isalpha():
        return False
    return regex.search(r"(?<![\p{L}\-])" + low + r"(?![\p{L}\-])", text, pos=pos, endpos=pos + _LOWER_REACH) is not None


def _title_case_small(ctx: Context, k: int) -> bool:
    """The capitalised small word at ``toks[k]`` ("The", "In") follows a word of the same run that
    ends no sentence, outside a Title Case headline: the run is a work's title ("The Jewel Of The
    Nile", "Death In Venice"), not a sentence opener ("said Smith. The Nile")."""
    p = ctx.toks[k - 1]
    return not p.conn and p.text[-1] not in ".:" and not ctx.lines.headline(p.start)


def words_after(ctx: Context) -> tuple[bool, int, int]:
    """Read on from the name inside its run: ``(keep, end, k)``; ``keep`` False when the name is
    part of a longer proper name, ``end`` grown over a feature word, ``k`` the token where reading
    stopped."""
    toks, j, entry, names = ctx.toks, ctx.j, ctx.entry, ctx.table.names
    n = len(toks)
    end = ctx.end
    k = j + 1
    saw_place = saw_city = False
    while k < min(n, j + 1 + MAX_SCAN):
        tk = toks[k]
        w = tk.text
        if tk.conn:
            if saw_city and tk.text in _LIST_JOINS:
                return False, end, k                            # "Victoria Hamilton and Kelly Reilly"
            break
        if toks[k - 1].text[-1] == "." and toks[k - 1].text not in ABBREV_TITLES:
            break                                               # "U.S. Treasury", sentence end
        ws = w.rstrip(".")
        if len(ws) == 1:
            return False, end, k                                # "Pool A"
        if ws in FEATURE_SUFFIX and not saw_place and entry.kind != "country":
            end = tk.end if w[-1] != "." else tk.end - 1        # "Guantanamo Bay"
            k += 1
            continue
        if ws in OFFICES or ws[-2:] in _POSSESSIVE and ws[:-2] in OFFICES:     # ("County Sheriff's Department")
            if (k == j + 1 and ws in COUNTY_WORDS and entry.kind == "city"
                    and f"{ctx.text[toks[ctx.i].start:ctx.end]} {ws}" not in names):
                if entry.country not in COUNTY_COUNTRIES:
                    return False, end, k                        # "Leon County" is not in Nicaragua
                end = tk.end                                    # "Orange County", "Houston County"
                k += 1
                continue
            if _office_then_head(toks, k, _heads(entry)):
                return False, end, k                            # "Tbilisi State University"
            break                                               # "U.S. President", "UK Government"
        if ws in GOV_MODIFIERS:
            if (k == n - 1 or w[-1] == ".") and entry.kind == "city" and ws in ORG_HEADS:
                return False, end, k                            # "Montgomery Securities": a firm
            k += 1                                              # "U.S. Agriculture Department"
            continue
        if _stays_a_place(ctx, k, ws):
            break
        if ws in ORG_HEADS:
            if entry.kind in ("country", "admin") and not entry.ambiguous and _government_body_ahead(toks, k, _heads(entry)):
                break                                           # "the California Air Resources Board"
            if (entry.kind == "city" and ws in CITY_BODY_HEADS and (k == n - 1 or toks[k + 1].conn)
                    and entry.population >= BODY_TOWN):
                break                                           # "Birmingham Council", "Reading Council"
            return False, end, k                                # "Texas Air Corp", "Berlin Wall"
        if ws in TIME_WORDS and k + 1 < n and not toks[k + 1].conn and toks[k + 1].text[:1].isupper():
            return False, end, k                                # "Georgia May Jagger": a middle name
        if ws in TIME_WORDS or ws in FUNCTION_WORDS and ws not in COUNT_WORDS:
            break                                               # (but "Boston Five", "the Guildford Four")
        if (k == j + 1 and _ACRONYM_AFTER.fullmatch(ws) and ws not in names and ws not in NAME_ACRONYMS
                and (entry.kind in _BIG or entry.population >= 100_000) and not ctx.lines.caps(tk.start)):
            break                                               # "London BBC staff", "New York DJs"
        nb = ctx.table.longest(toks, k, False)
        if nb is not None and names[nb[2]].kind != "block":
            saw_place = True                                    # "Moscow Helsinki Group"
            saw_city = names[nb[2]].kind == "city"              # (not "Ludvika Sweden and …")
            k = nb[0] + 1
            continue
        if (k == j + 1 and not saw_place and not entry.ambiguous and not entry.abbreviation
                and (entry.kind in _BIG or entry.population >= 500_000) and ctx.lines.headline(tk.start)):
            break                                               # "Russia Denounces Treaty", "Moscow Quits …"
        if entry.kind in ("country", "admin") and not entry.ambiguous and _government_body_ahead(toks, k, _heads(entry)):
            break                                               # "the UK Patent Office", "the California Air Resources Board"
        return False, end, k                                    # "Paris Hilton", "Texas Haunters"
    else:
        if saw_place:
            return False, end, k                                # "Norman Baker"
    return True, end, k


def _stays_a_place(ctx: Context, k: int, ws: str) -> bool:
    """The word ``ws`` at ``toks[k]``, after the name and any government words, leaves the name a place."""
    toks, j, entry = ctx.toks, ctx.j, ctx.entry
    n = len(toks)
    if (ws in GIVEN_NAMES and k > j + 1 and entry.kind in ("country", "admin") and not entry.ambiguous
            and _modifiers_only(toks, j + 1, k)):
        return True                                         # "US Attorney General John Ashcroft", "Texas Attorney General Ken Paxton"
    if (ws in POLITICAL_WORDS and entry.kind in ("country", "admin") and not entry.ambiguous
            and not (k + 1 < n and (toks[k + 1].text.rstrip(".") in ORG_HEADS or toks[k + 1].text in STATE_FORMS))):
        return True                                         # "the Texas Democrat", "US Presidential election"
    if (ws in DIRECTIONS and k == j + 1 and k == n - 1 and entry.kind == "city" and not entry.ambiguous
            and entry.population >= 100_000):
        return True                                         # "Bristol East": a constituency of the city
    if ws in GROUP_ADJECTIVES and k == j + 1 and k == n - 1 and entry.kind in _BIG and not entry.ambiguous:
        return True                                         # "its Gulf Arab allies"
    if (ws == "House" and entry.kind in ("country", "admin") and k + 2 < n and toks[k + 1].text == "of"
            and toks[k + 2].text in _CHAMBERS):
        return True                                         # "the United States House of Representatives"
    if ws == "First" and entry.kind in ("country", "admin") and k + 1 < n and toks[k + 1].text in _FIRST_OFFICES:
        return True                                         # "Scotland First Minister Nicola Sturgeon"
    if ws in MEDIA_HEADS and k == j + 1 == n - 1 and entry.kind == "country" and (
            media_noun_after(ctx, toks[k].end) or _CLAUSE_END.match(ctx.text, toks[k].end) is not None):
        return True                                         # "a popular US TV show", "set for US TV"
    return (ws in _heads(entry) and entry.kind in ("country", "admin") and _modifiers_only(toks, j + 1, k)
            and not _utility_name(toks, k))                 # "US Supreme Court", "US Federal Reserve"


_FIRST_OFFICES = frozenset({"Minister", "Secretary", "Lady", "Deputy"})     # ("America First" is a slogan)
_CHAMBERS = frozenset({"Representatives", "Commons", "Lords", "Delegates", "Councillors", "Assembly", "Keys"})
_CLAUSE_END = regex.compile(r"[ \t]*+(?:[.,;:!?)]|\r?\n|\Z)")
MEDIA_NAME_WORDS = frozenset({"News", "Press"})     # "Kenya News Agency", "Press Council"


def _own_body_at(toks: list[Tok], k: int) -> bool:
    """The run goes on at ``toks[k]`` into the place's own government body ("Borough Council",
    "City Council", "County Sheriff"): the name is the jurisdiction's."""
    w = toks[k].text.rstrip(".")
    if w in CITY_BODY_HEADS and (k == len(toks) - 1 or toks[k + 1].conn):
        return True
    return (w in COUNTY_WORDS or w in GOVERNMENT_HEADS or w in OFFICES) and _government_body_ahead(toks, k)


BODY_TOWN = 50_000   # inhabitants: a smaller ambiguous name before "Court", "Council" is a word ("Superior Court", "Bar Council")


def _utility_name(toks: list[Tok], k: int) -> bool:
    """The government word at ``toks[k]`` ends a company's name: a company's suffix after it ("California
    Water Service Co"), or a utility's "Public Service" ("Arizona Public Service")."""
    nxt = toks[k + 1].text.rstrip(".,") if k + 1 < len(toks) else ""
    return nxt in COMPANY_SUFFIXES or toks[k].text == "Service" and k > 0 and toks[k - 1].text == "Public"


NATIONAL_HEADS = GOVERNMENT_HEADS | words("places/national_body_heads")
CITY_BODY_HEADS = words("places/city_body_heads")


def _heads(entry: Entry) -> frozenset:
    """The heads of the bodies that are the place's own: a country's national ones too ("Bureau")."""
    return NATIONAL_HEADS if entry.kind == "country" else GOVERNMENT_HEADS


def _government_body_ahead(toks: list[Tok], k: int, heads: frozenset = GOVERNMENT_HEADS) -> bool:
    """The run goes on from ``toks[k]`` over at most three capitalised words (and "and" between two:
    "Food and Drug Administration") to a government body's head of ``heads`` that ends it ("Air
    Resources Board", "Ports Authority"; not over a company's suffix or a medium's word: "Air Corp
    Board", "Kenya News Agency")."""
    end = min(len(toks), k + 4)
    for m in range(k, len(toks)):
        if m >= end:
            return False
        t = toks[m]
        w = t.text.rstrip(".")
        if t.conn and t.text == "and" and m > k and not toks[m - 1].conn and m + 1 < len(toks) and not toks[m + 1].conn:
            end = min(len(toks), end + 1)                       # ("and" is no word of the count)
            continue
        if t.conn or (t.text[-1] == "." and m + 1 < len(toks)):
            return False
        if w in heads:
            if _utility_name(toks, m):
                return False                                    # "California Water Service Co"
            return m == len(toks) - 1 or toks[m + 1].conn       # (its name ends: "Board on Monday")
        if (w in COMPANY_SUFFIXES or w in MEDIA_HEADS or w in MEDIA_NAME_WORDS or w in FUNCTION_WORDS
                or w in TIME_WORDS or w in GIVEN_NAMES):
            return False
    return False


def _modifiers_only(toks: list[Tok], a: int, b: int) -> bool:
    """The tokens ``a`` to ``b`` (excluded) are all words of a government body ("Federal", "Supreme")."""
    return all(toks[m].text in GOV_MODIFIERS for m in range(a, b))


def media_noun_after(ctx: Context, end: int) -> bool:
    """A lower-case media noun right after ``end`` ("US TV show"; places/media_nouns)."""
    m = _NEXT_WORD.match(ctx.text, end)
    return m is not None and m.group(1) in MEDIA_NOUNS


def office_holder_after(ctx: Context) -> bool:
    """A title "of" the name, then two or three capitalised words that end the run: the office's
    holder ("First Minister of Scotland Nicola Sturgeon", "President of Chile Sebastian Pinera",
    "Chief Executive of Hong Kong Carrie Lam": a title's second word); the place is the office's."""
    toks, i, j = ctx.toks, ctx.i, ctx.j
    k = i - 1
    if k >= 0 and toks[k].text in TRANSPARENT:
        k -= 1
    if k < 1 or toks[k].text != "of" or toks[k - 1].conn:
        return False
    head = toks[k - 1].text.rstrip(".")
    rest = toks[j + 1:]
    titled = head in TITLES or (k >= 2 and toks[k - 2].text in TITLES and not toks[k - 2].conn
                                and head not in ORG_HEADS)          # "Chief Executive of Hong Kong"
    if not titled or head in NOBLE or not 2 <= len(rest) <= 3:
        return False
    return (ctx.table.longest(toks, j + 1, False) is None
            and all(not t.conn and t.text[-1] != "." and t.text not in ORG_HEADS and t.text not in OFFICES for t in rest))


_MEMBER_FROM = regex.compile(r"(?r)(?<![\p{L}])(?:" + "|".join(regex.escape(t) for t in entries("places/member_from_titles"))
                             + r")[ ]from[ ]\Z")


def member_from_before(ctx: Context) -> bool:
    """A place that opens its run right after an elected member's title and "from", before the
    member's name ("United States Senator from Vermont Bernie Sanders"): the member's place."""
    start = ctx.toks[0].start
    return (ctx.i == 0 and ctx.text[start - 6:start] == " from "
            and _MEMBER_FROM.search(ctx.text, max(0, start - 24), start) is not None)


def _office_then_head(toks: list[Tok], k: int, heads: frozenset = GOVERNMENT_HEADS) -> bool:
    """Office words run on into an organisation's head: "State University", "City Airport" (not a
    government body's of ``heads``: "County Council", "District Court", "US Army Corps" belong to the place)."""
    while k < len(toks) and not toks[k].conn:
        w = toks[k].text.rstrip(".")
        if w in ORG_HEADS:
            return w not in heads                           # but "Essex County Council", "US District Court"
        if w not in OFFICES and w not in GOV_MODIFIERS:
            return False
        k += 1
    return False


# a year in brackets right after a name: a work's title ("Gangs Of New York (2002)")
EVENT_NOUNS = lower_words("places/event_nouns")
_EVENT_INITIALS = frozenset(w[0] for w in EVENT_NOUNS)
_WORK_YEAR = regex.compile(r"[ ]?\((?:18|19|20)\d\d\)")


_SCORE_AFTER = regex.compile(r"[ \t]{1,3}\d{1,3}[-–]\d{1,3}[ \t]{1,3}\p{Lu}")
_SCORE_BEFORE = regex.compile(r"(?r)\p{L}[ \t]{1,3}\d{1,3}[-–]\d{1,3}[ \t]{1,3}\Z")


def _scored_side(ctx: Context, end: int) -> bool:
    """A town, a region or (in a text about sport) a country beside a score: its side."""
    kind, text = ctx.entry.kind, ctx.text
    start = ctx.toks[0].start
    if not ("0" <= text[end + 1:end + 2] <= "9" or "0" <= text[start - 2:start - 1] <= "9"):
        return False                                # (most names: no digit beside them)
    return kind in _SCORED and _beside_a_score(ctx, end) and (kind != "country" or sport_text(text))


def _beside_a_score(ctx: Context, end: int) -> bool:
    """A result line or headline: a score between the town and another name ("Newcastle 27-27
    Gloucester", "Bristol City 2-1 Milton Keynes"): the town is its team."""
    text, start = ctx.text, ctx.toks[0].start
    return (text[end:end + 1] == " " and _SCORE_AFTER.match(text, end) is not None
            or text[start - 1:start] == " " and _SCORE_BEFORE.search(text, max(0, start - 16), start) is not None)


def _british_city_club(ctx: Context, tk: Tok) -> bool:
    """A British town and "City" that end the run (the gazetteer has no town of that name, or it
    would have been read whole): a football club ("Manchester City won", "a move to Stoke City"),
    not before a place noun ("Leeds City centre")."""
    if ctx.entry.country != "GB" or tk.text != "City" or support_before(ctx):
        return False                                # ("residents in Edinburgh City and …")
    m = _NEXT_WORD.match(ctx.text, tk.end)
    return m is None or m.group(1) not in PLACE_NOUNS


def event_year_after(ctx: Context, end: int) -> bool:
    """The name ends its run and a year and a capitalised word follow: an event ("London 2012
    Olympics", "Paris 2024 Games"); after a city, a year alone is one too ("won gold at London 2012",
    "before Tokyo 2020 was postponed"; not "London, 2012" nor "London 1990-1995")."""
    if ctx.text[end:end + 1] not in _BLANK:
        return False
    return (_EVENT_YEAR.match(ctx.text, end) is not None
            or ctx.entry.kind in ("city", "admin") and _CITY_YEAR.match(ctx.text, end) is not None)


REGION_TEAM_CUES = TEAM_CUES - {"against", "home to"}    # "a lawsuit against Texas" is the state's


def team_by_city(ctx: Context, cues: frozenset = TEAM_CUES) -> bool:
    """A city after "against", "beat", "versus", "a draw with", "lost to" …: its team ("against Lyon
    on Sunday", "the 1-1 draw with Fulham"); but a state's capital after "against" is its government
    ("a complaint against Brussels", "sanctions against Moscow")."""
    if ctx.i != 0:
        return False
    w1, w2 = words_before_run(ctx)
    if w1 == "against" and ctx.j == len(ctx.toks) - 1 and ctx.text[ctx.toks[0].start:ctx.end] in CAPITALS:
        return False                    # "a complaint against Brussels": a capital is its government
    return w1 in cues or f"{w2} {w1}" in cues


SPORT_CUES = entries("places/sport_cues")
NATION_SPORT_CUES = entries("places/nation_sport_cues")
NATIONAL_SIDE_WORDS = (lower_words("places/national_side_words") | TEAM_ROLES | TEAM_NOUNS) - {"star", "stars"}  # (athletes)
NATIONAL_SIDE_CUES = TEAM_CUES | lower_words("places/national_side_cues")
_NATION_CUE_GROUPS = cue_groups(list(SPORT_CUES) + list(NATION_SPORT_CUES))
# (in ``re``: a third of the cost in ``regex`` for the short match; [^\W\d_] is a letter)
_WORDS_AFTER = re.compile(r"(?:['’]s?)?((?:[ ][^\W\d_](?:[^\W\d_]|-)*){1,3})")
_APOSTROPHES = ("'", "’")
_AFTER_NAME = (" ", "'", "’")
_WEAK_SIDE_CUES = frozenset({"face", "faces", "facing", "faced", "represent", "represented", "representing"})
_sport_memo: list = [None, 0]      # the last text asked about and its count of cues (texts are read one at a time)


def sport_text(text: str, needed: int = 3) -> bool:
    """``needed`` words of sport (places/sport_cues, places/nation_sport_cues; at most three) occur
    in ``text`` (three for a text about sport; one for "stars" after a town: "Leicester star", not
    "Hollywood stars").  The text's cues are counted once, up to three."""
    if _sport_memo[0] is not text:
        _sport_memo[0], _sport_memo[1] = text, count_cues(text, _NATION_CUE_GROUPS, 3)
    return _sport_memo[1] >= needed


_CUE_FIRST_WORDS = frozenset(c.split()[0] for c in list(SPORT_CUES) + list(NATION_SPORT_CUES))


def sport_cue_at(text: str, pos: int) -> bool:
    """A word of sport begins at ``pos`` ("Six Nations", "World Cup")."""
    m = _FIRST_WORD.match(text, pos)
    return m is not None and m.group() in _CUE_FIRST_WORDS and any(
        text.startswith(c, pos) for c in list(SPORT_CUES) + list(NATION_SPORT_CUES))


_FIRST_WORD = regex.compile(r"[\p{L}\-]++")


def national_side(ctx: Context, end: int) -> bool:
    """A country that ends its run, in a text about sport, named as its national side: after a
    team's cue (two words of sport suffice: "led Spain to victory over the USA" in a text of the
    Davis Cup and the Grand Slams) ("against Israel", "to face England", "play for Wales"; not before a possessive:
    "against Britain's best sprinters" are its athletes), before one of its words or roles, up to
    three words on or after its possessive ("England captain", "the England rugby union captain",
    "England's World Cup triumph", "France squad"; not "the St Kitts and Nevis star", an athlete),
    or as the subject of a plural or a result's verb ("Israel have", "England lost")."""
    text = ctx.text
    possessive = text[end:end + 1] in _APOSTROPHES              # "England's", "Wales' 11-9 win"
    if not possessive and side_cue_before(ctx):     # (after a match's cue two words of sport do; after
        return sport_text(text, 3 if words_before_run(ctx)[0] in _WEAK_SIDE_CUES else 2)   # "facing", three)
    if text[end:end + 1] not in _AFTER_NAME:
        return False                                # (a full stop, a comma …: no word of a side next)
    follows = False
    if not follows:
        m = _WORDS_AFTER.match(text, end)
        if m is None:
            return False
        ws = m.group(1).split()
        if not possessive and (ws[0] in TEAM_VERBS or ws[0] in RESULT_VERBS):
            follows = True
        elif possessive and sport_cue_at(text, m.start(1) + 1):
            follows = True                          # "England's Six Nations camp", "Spain's Davis Cup win"
        else:
            for w in ws:
                if w.lower() in NATIONAL_SIDE_WORDS:
                    follows = True
                    break
                if w[0].isupper() and not possessive:
                    break                           # (another name: "England Rugby Football Union")
    return follows and sport_text(text)


def side_cue_before(ctx: Context) -> bool:
    """The name opens its run right after a team's cue ("against", "beat", "lost to", "a try for"
    …), or follows "and"/"or" in a run that opens with a country there ("against Wales and
    France")."""
    i, toks = ctx.i, ctx.toks
    if i != 0 and not (toks[i - 1].conn and toks[i - 1].text in _LIST_JOINS and _country_at(ctx.table, toks[0].text)):
        return False
    start = toks[0].start
    chunks = ctx.text[max(0, start - 16):start].rsplit(None, 1)
    if not chunks or chunks[-1].lstrip(_OPENERS).lower() not in _SIDE_CUE_LAST:
        return False                                # (most names: no cue's last word before them)
    w1, w2 = words_before_run(ctx)
    return w1 in NATIONAL_SIDE_CUES or f"{w2} {w1}" in NATIONAL_SIDE_CUES


_SIDE_CUE_LAST = frozenset(c.split()[-1] for c in NATIONAL_SIDE_CUES) | {"the"}   # ("the" is skipped)
_OPENERS = "([\"'“‘"


def _country_at(table: NameTable, word: str) -> bool:
    e = table.names.get(word)
    return e is not None and e.kind == "country"


def adjective_name_as_noun(ctx: Context, end: int) -> Optional[int]:
    """A name that is mostly an adjective ("Baltic") ending its run: a place before a region noun
    (the end of "the Baltic states") or used as a noun ("in the Baltic", "the Baltic, where"; its
    own end); None before any other lower-case word ("Baltic trade": an adjective)."""
    nm = _NEXT_LOWER.match(ctx.text, end)
    if nm is None or nm.group(1) in NOUN_FOLLOWERS:
        return end
    if nm.group(1) in REGION_NOUNS and not ctx.text[nm.end():nm.end() + 1].isalpha():
        return nm.end()
    return None


_NEXT_WORD = regex.compile(r"[ \t]*\r?\n?[ \t]*(\p{Ll}+(?:-\p{Ll}+)*+)(?![\p{L}])")


REGION_TEAM_ROLES = TEAM_ROLES - lower_words("places/team_roles_not_for_regions")


def team_after(ctx: Context, end: int, supported: bool, roles: frozenset = TEAM_ROLES) -> bool:
    """A city that is its run (after function words: "The Bath"), before a team's role or noun
    ("Liverpool boss", "his Newcastle team-mate", "from the Fulham player"), or, unsupported, as the
    subject of a plural verb opening a sentence or clause ("Southampton are set to"; not "residents
    of Melbourne have", nor a list of places, "Paris and London have", whose verb is the list's):
    its club or team.  ``roles``: the roles read (fewer after a region: REGION_TEAM_ROLES)."""
    nxt = ctx.text[end:end + 2]
    if len(nxt) < 2 or not (nxt[1].islower() if nxt[0] == " " else nxt[0] in "\t\r\n"):
        return False                                # (most names: no lower-case word next)
    for t in reversed(ctx.toks[:ctx.i]):
        if t.text[-1] == "." and t.text not in ABBREV_TITLES or t.conn and t.text in _LIST_JOINS:
            break                                   # "Bernabeu. Liverpool boss", "Drogba and Lyon midfielder"
        if t.text not in FUNCTION_WORDS:
            return False
    m = _NEXT_WORD.match(ctx.text, end)
    if m is None:
        return False
    w = m.group(1)
    w2 = "-".join(w.split("-", 2)[:2])              # "fly-half-cum-centre"
    if w in _STARS and not sport_text(ctx.text, 1):
        return False                                # "Hollywood stars" are film stars
    if w in roles or w in TEAM_NOUNS or w2 in roles:
        return True
    if w in TEAM_ROLES_NAMED:
        return _CAPITALISED_NEXT.match(ctx.text, m.end()) is not None   # "Cardiff back Rhys Williams"
    if w in RESULT_VERBS:
        return _SCORE.search(ctx.text, m.end(), m.end() + 40) is not None  # "Liverpool beat Chelsea 2-0"
    if supported or w not in TEAM_VERBS:
        return False
    start = ctx.toks[0].start
    return ((words_before_run(ctx)[0] == "" or sentence_start(ctx.text, start))    # (also after a headline)
            and ctx.text[max(0, start - 3):start].strip()[-1:] not in (",", "&"))


_LIST_JOINS = frozenset({"and", "or", "&"})
_STARS = frozenset({"star", "stars"})   # a team's role only in a text with a word of sport
_POSSESSIVE = ("'s", "’s")
RESULT_VERBS = lower_words("places/result_verbs")
WORK_NOUNS = lower_words("places/work_nouns")
MOTION_VERBS = lower_words("places/motion_verbs")
WORK_DETERMINERS = lower_words("places/work_determiners")


_QUOTES = ("\"", "“")
TITLE_CUES = lower_words("places/title_cues") | WORK_NOUNS | MEDIA_NOUNS
# a title in quotation marks: capitalised words, small words, commas and numbers only
_TITLE_WORDS = regex.compile(r"(?:(?:\p{Lu}[\p{L}'’.\-]*+|\d++|of|the|and|in|on|a|an|to|by|for|at|&)[ ,]{0,2}+){1,8}+")


def quoted_title(text: str, start: int, end: int) -> bool:
    """The name is inside a short quotation made only of a title's words, with a work's word or a
    possessive around it (the CBS soap "Dallas", director of "Paris, Texas", King's "Salem's Lot",
    "Miami Vice" star): a work's title, not the place (quoted speech has lower-case words; a scare
    quote, "the "United States" is not holding", has no such word)."""
    lo = max(0, start - 40)
    q1 = max(text.rfind("\"", lo, start), text.rfind("“", lo, start))
    if q1 < 0:
        return False
    q2 = min((p for p in (text.find("\"", end, end + 40), text.find("”", end, end + 40)) if p >= 0), default=-1)
    if q2 < 0:
        return False
    inner = text[q1 + 1:q2]
    if not (0 < len(inner.strip()) and inner[:1].isupper() and inner[-1:] not in ",."
            and _TITLE_WORDS.fullmatch(inner.strip()) is not None):
        return False
    before = regex.split(r"[.;:!?]", text[max(0, q1 - 40):q1])[-1].lower().replace("'s", " 's").split()[-3:]
    after = regex.split(r"[.;:!?]", text[q2 + 1:q2 + 60])[0].lower().split()[:6]     # (in the same clause)
    return "'s" in before[-1:] or any(_title_cue(w.strip(",.;:()'’")) for w in before + after)


def _title_cue(w: str) -> bool:
    return w in TITLE_CUES or w[-1:] == "s" and w[:-1] in TITLE_CUES       # ("films", "albums")


def _work_title(ctx: Context) -> bool:
    """The run opens a work's title after its noun and a determiner ("the film Manchester by the Sea",
    "their hit single Chelsea Dagger"; not "will play England")."""
    w1, w2 = words_before_run(ctx)
    return w1 in WORK_NOUNS and w2.lower() in WORK_DETERMINERS
_SCORE = regex.compile(r"(?<![\d.,:/\-])\d{1,2}[-–]\d{1,2}(?![\d/\-–:])")
_CAPITALISED_NEXT = regex.compile(r"[ \t]{1,3}\p{Lu}\p{Ll}")


def named_thing(ctx: Context) -> bool:
    """A town's name follows "called", "named" … after a word that is no place noun: the name of a
    person or a thing ("a forecaster called Mendoza"; not "a town called Mendoza"; a state's name is
    kept: "called the U.S. plan", "called Nevada for Biden")."""
    w1, w2 = words_before_run(ctx)
    return w1 in NAMING_WORDS and w2 not in PLACE_NOUNS


def role_before(ctx: Context) -> bool:
    """A city alone in its run right after a team's role: a person ("striker Adriano")."""
    return ctx.i == 0 and words_before_run(ctx)[0] in TEAM_ROLES and ctx.text[ctx.toks[0].start - 1:ctx.toks[0].start] == " "


_UNIVERSITY_AT = regex.compile(r"(?r)(?:University|College|Institute)[ \t]+of[ \t]+(?:the[ \t]+)?"
                                r"\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,3}[ \t]+at[ \t]+\Z")  # (read
                                # backwards over at most 80 characters: no possessive repeats, which
                                # the reverse scan would read from the wrong end)
_UNIVERSITY_OF = regex.compile(r"(?:University|College|Institute)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")


def campus_of_university(ctx: Context, supported: bool) -> bool:
    """A place right after "University of <place>, " (unless the context says place) or "… at "
    (which says place only here): the campus in the university's name ("University of
    California, San Diego", "University of Texas at Tyler")."""
    if ctx.i != 0:
        return False
    start = ctx.toks[0].start
    if ctx.text[start - 4:start] == " at ":
        return _UNIVERSITY_AT.search(ctx.text, max(0, start - 80), start) is not None
    if supported or not ctx.cands:
        return False
    last = ctx.cands[-1]
    return (not last.ok and ctx.text[last.end:start].strip() == ","
            and _UNIVERSITY_OF.search(ctx.text, max(0, last.start - 30), last.start) is not None)


def instrument_noun_after(ctx: Context, k: int, end: int) -> bool:
    """The name ends its run and a lower-case instrument noun follows: "Kyoto treaty"."""
    n = len(ctx.toks)
    if k < n or ctx.toks[n - 1].end != end:
        return False
    c = ctx.text[end:end + 1]
    if c not in _BLANK_OR_BREAK and not c.islower():
        return False                # (what _NEXT_LOWER must begin with: a blank, a line break, a letter)
    nm = _NEXT_LOWER.match(ctx.text, end)
    return nm is not None and nm.group(1) in INSTRUMENT_NOUNS


def event_noun_after(ctx: Context, end: int) -> bool:
    """"the <name> <event noun>": an event's name ("the Hillsborough disaster", "the Tiananmen
    Square massacre"; places/event_nouns)."""
    if ctx.text[end:end + 1] != " " or ctx.text[end + 1:end + 2] not in _EVENT_INITIALS:
        return False                # (a test of two characters first: most names are no event's)
    nm = _NEXT_LOWER.match(ctx.text, end)
    if nm is None or nm.group(1) not in EVENT_NOUNS:
        return False
    first = ctx.toks[0]
    if ctx.i > 0:
        return ctx.i == 1 and first.text == "The"
    return ctx.text[max(0, first.start - 4):first.start].lower() == "the "


def lone_small_town(ctx: Context) -> bool:
    """A small town alone in its run, opening a sentence ("Napier, a …"): more often a surname,
    unless the text named it with its state or country before (one sense per text: "Kirkcaldy, Fife
    … Kirkcaldy, the birthplace of")."""
    e = ctx.entry
    return (ctx.i == 0 and ctx.j == 0 and len(ctx.toks) == 1 and sentence_start(ctx.text, ctx.toks[0].start)
            and e.kind == "city" and e.population < 100_000
            and not _named_with_its_state(ctx))


_SENSE_BACK = 200  # candidates looked back at for an earlier reading of the same name


def _named_with_its_state(ctx: Context) -> bool:
    """An earlier candidate of the same name was accepted before ", <its state or country>"."""
    cands = ctx.cands[-_SENSE_BACK:]
    for k in range(len(cands) - 1):
        c, nxt = cands[k], cands[k + 1]
        if (c.entry is ctx.entry and c.ok and nxt.ok and nxt.entry.country == c.entry.country
                and nxt.entry.kind in ("admin", "country") and ctx.text[c.end:nxt.start].strip() == ","):
            return True
    return False


def leader_after(ctx: Context, end: int) -> bool:
    """A small town (or a town whose name is also a word or a name) ending its run before a word
    of a leader's government, time or campaign, possessive or not ("the Morales administration", "In
    Warren's campaign"): the leader's surname, whatever the context."""
    e = ctx.entry
    if e.population >= 100_000 and not e.ambiguous:
        return False
    nm = _NEXT_LOWER.match(ctx.text, end + 2 if ctx.text[end:end + 2] in ("'s", "’s") else end)
    return nm is not None and nm.group(1) in LEADER_FOLLOWERS


def team_word_after(ctx: Context, end: int) -> bool:
    """A team's role or noun right after ``end`` ("Manchester City boss", "the Derby County side")."""
    m = _NEXT_WORD.match(ctx.text, end)
    return m is not None and (m.group(1) in TEAM_ROLES or m.group(1) in TEAM_NOUNS)


def prev_words(text: str, pos: int) -> tuple[str, str]:
    """The two words before ``pos`` (lower case, nearest first), skipping one 'the';
    punctuation in between ends the look-back."""
    window = text[pos - 40 if pos > 40 else 0:pos]
    if "\x1c" in window or "\x1d" in window or "\x1e" in window or "\x1f" in window:
        return _prev_words_scan(window)        # separators that split() takes for white space
    # the words are the chunks between white space, read from the nearest; the last three chunks
    # are whole (the first item of the split holds the rest of the window)
    chunks = window.rsplit(None, 3)
    whole = len(chunks) < 4
    w1 = ""
    for k in range(len(chunks) - 1, -1 if whole else 0, -1):
        chunk = chunks[k]
        if chunk.isalpha():
            w = chunk.lower()
            if w1:
                return w1, w
            if w != "the":
                w1 = w
            continue
        # "(in": its last letters, then punctuation (a chunk that ends in none, "said,", is not searched)
        last = _LAST_LETTERS.search(chunk) if chunk[-1].isalpha() else None    # (isalpha: \p{L})
        if last is not None:
            w = last.group().lower()
            if w1:
                return w1, w
            if w != "the":
                w1 = w
        return w1, ""
    if whole:
        return w1, ""
    return _prev_words_split(window)            # (a run of "the" over the three chunks)


def _prev_words_split(window: str) -> tuple[str, str]:
    """:func:`prev_words` over every chunk of the window."""
    out = []
    for chunk in reversed(window.split()):
        if chunk.isalpha():
            w = chunk.lower()
            if w == "the" and not out:
                continue
            out.append(w)
            if len(out) == 2:
                break
            continue
        last = _LAST_LETTERS.search(chunk)
        if last is not None:
            w = last.group().lower()
            if not (w == "the" and not out):
                out.append(w)
        break
    while len(out) < 2:
        out.append("")
    return out[0], out[1]


_LAST_LETTERS = regex.compile(r"\p{L}++\Z")


def _prev_words_scan(window: str) -> tuple[str, str]:
    """:func:`prev_words` over the window's tokens (letters, or other non-blank characters)."""
    words = _WORDS_BACK.findall(window)
    out = []
    for w in reversed(words):
        if not w[0].isalpha():
            break
        w = w.lower()
        if w == "the" and not out:
            continue
        out.append(w)
        if len(out) == 2:
            break
    while len(out) < 2:
        out.append("")
    return out[0], out[1]


# a player's initial and surname before a bracket: "G Thomas (", "K. Morgan ("
_LINE_UP_PLAYER = regex.compile(r"(?<![\p{L}.'’])\p{Lu}\.?[ ]\p{Lu}[\p{L}'’\-]{1,30}+[ ]?\(")
_LINE_UP_OPEN = regex.compile(r"(?<![\p{L}.'’])\p{Lu}\.?[ ]\p{Lu}[\p{L}'’\-]{1,30}+[ ]?\([^()\n]{0,30}+\Z")
_LINE_UP_WINDOW = 200


def in_line_up(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is in brackets after a player's initial and surname, in a list of
    at least three such (a team's line-up: "G Thomas (Toulouse, capt); K Morgan (Newport-Gwent),
    T Shanklin (Cardiff)"): the player's club, not a place."""
    lo = max(0, start - 48)
    if "(" not in text[lo:start] or _LINE_UP_OPEN.search(text, lo, start) is None:
        return False
    close = text.find(")", end, end + 30)
    if close < 0 or "(" in text[end:close] or "\n" in text[end:close]:
        return False
    window = _LINE_UP_PLAYER.findall(text, max(0, start - _LINE_UP_WINDOW), min(len(text), end + _LINE_UP_WINDOW))
    return len(window) >= 3
