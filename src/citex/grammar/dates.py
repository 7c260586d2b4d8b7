"""Date grammar: absolute calendar expressions and, given a reference date, relative ones.

Fragments are named and composed into one pattern; ``EXAMPLES`` lists what each
form must (and must not) match, and the test suite runs every example.
All quantifiers are bounded or possessive, so a scan stays linear on hostile input.
"""
from __future__ import annotations

import calendar
import bisect
import datetime as _dt
import re
from typing import Iterator, Optional

import attrs
import regex

from citex import limits
from citex.models import Date
from citex.text.patterns import ascii_words, word_trie
from citex.vocab import entries, lower_words, rows, words

_MONTH_NAMES = entries("dates/months")  # in calendar order
# month name or abbreviation (lower case) -> number: "january" and "jan" -> 1, "sept" -> 9
MONTHS = {w.lower(): n for n, full in enumerate(_MONTH_NAMES, 1)
          for w in (full, *[a for a in entries("dates/month_abbreviations") if full.startswith(a)])}
ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                "IX": 9, "X": 10, "XI": 11, "XII": 12}
WEEKDAYS = {w.lower(): n for n, w in enumerate(entries("dates/weekdays"))}  # "monday" -> 0

F: dict[str, str] = {}
# A month name, capitalised or upper-case ("March", "MARCH"), or its abbreviation ("Nov.", "Sept").
# Lower-case "may"/"march" are verbs, so month names must start with a capital.
# A month name, capitalised or upper-case ("March", "MARCH"), or its abbreviation ("Nov.", "Sept",
# "JAN" in a wire headline: "4TH QTR JAN 31 NET"): only an abbreviation takes a full stop (after a full name it ends the sentence: "in May.").
# Lower-case "may"/"march" are verbs, so month names must start with a capital.
F["month"] = (r"(?=[A-Z])(?:(?:January|February|March|April|May|June|July|August|September|October|November"
              r"|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?![\w])"
              r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![\w])\.?"
              r"|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?(?=[ ]{1,2}\d))")   # (only before a day or year:
              # "IN DEC FELL" may be Digital Equipment)
# A plausible year: 1500–2099, not part of a bigger number, an identifier or an amount ("mid-2024":
# the year).
# Not after "No.", "vol.", "Article", "p.", a currency sign …; not before "%" or a decimal part.
F["year"] = (r"(?=[12]\d\d\d)(?:(?<=\b(?:[Mm]id|[Ee]nd|[Ee]arly|[Ll]ate)-)|(?<=\bFY[ ]?)|(?<![\w.,/$£€#+\-–]))(?<![A-Za-z]\()"
             r"(?<!\b(?:No|Nos|no|nos|vol|Vol|p|pp|Art|art|article|Article|paragraph|para|Text|ETS|CETS"
             r"|number|Number|Resolution|Decision|Law|Order|Decree|Section|Rule|Regulation|Chapter|Case"
             r"|Flight|flight|Room|room|Route|Highway|Interstate|Platform|Gate|Terminal|Suite|Apartment|Model)\.?\s{1,3})"
             r"(?:1[5-9]\d\d|20\d\d)"
             r"(?![\w%]|[.,/]\d|[\-–]\d|\)\w|\s{0,2}(?:GMT|UTC|hrs\b|hours\b|local\b|[AaPp]\.?[Mm]\b|EST\b|EDT\b|BST\b|CET\b))")
F["lmonth"] = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?![\w])"
F["day"] = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
F["ord"] = r"(?:st|nd|rd|th)?"
F["ws"] = r"[ \t]{1,3}(?:\r?\n[ \t]{0,8})?|\r?\n[ \t]{0,8}"   # at most one line break
# A day of the month in words after a month ("by the June eight record date", "Record August Three"),
# not a count ("March two years ago", "May one day", "January-March first quarter": dates/not_after_spelled_day)
SPELLED_DAYS = {w: int(n) for n, *forms in rows("dates/spelled_days") for w in forms}
_NOT_AFTER_DAY = word_trie(lower_words("dates/not_after_spelled_day"))
_SPELLED = word_trie([c for w in SPELLED_DAYS for c in (w, w.capitalize(), w.title())])
F["sday"] = (_SPELLED + r"(?![\w\-])(?![ \t]{1,3}(?:\r?\n[ \t]{0,8})?(?i:" + _NOT_AFTER_DAY + r")s?(?![\w]))")
# an ordinal day in words before "of <month>", after "the" ("the twenty-first of May")
F["sord"] = word_trie([c for n, _, w in rows("dates/spelled_days") for c in (w, w.capitalize(), w.title())]) + r"(?![\w\-])"

# the forms that may open at a year's first digit (in PATTERN's order): "2024-07-21", "2018-2019", "2019-20", "2024"
_ISO_SRC = r"""(?P<iso>(?=\d)(?<![\w\-/.])(?P<iso_y>1[5-9]\d\d|20\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\w]|-\d))"""
# a span of years ("the 2018-2019 school year", "1914–1918"): two dates
_YEARS_SRC = r"""(?P<yr>(?=[12])(?<![\w.,/$£€#+\-–])(?P<yr_a>1[5-9]\d\d|20\d\d)[\-–/](?P<yr_b>1[5-9]\d\d|20\d\d)(?![\w%]|[.,/\-–]\d))"""
# a season, fiscal or school year ("the 2019-20 season", "the 1987/88 financial year"): the next
# year in two digits (checked by the caller); not an identifier's ("Act No. 2005-06")
_SEASON_SRC = (r"""(?P<yr2>(?=[12])(?<![\w.,/$£€#+\-–])(?<!\b(?:No|Nos|no|nos|Resolution|Decision|Law|Order|Decree|Act|Case)\.?\s{1,3})"""
               r"""(?P<yr2_a>1[5-9]\d\d|20\d\d)[\-–/](?P<yr2_b>\d\d)(?![\w%]|[.,/\-–:]\d))""")

PATTERN_SRC = r"""
  """ + _ISO_SRC + r"""
  # 26.11.1987, 05/09/2014, 8-28-2023: day first unless only month first is possible
| (?P<num>(?=\d)(?<![\w\-/.,])(?P<num_a>\d{1,2})(?P<sep>[./\-])(?P<num_b>\d{1,2})(?P=sep)(?P<num_y>1[5-9]\d\d|20\d\d)(?![\w]|[./\-]\d))
  # 8-APR-1987, 15-Jan-2020: a day, a month name in any case and a year joined by hyphens (tables, wire metadata)
| (?P<hy>(?=\d)(?<![\w\-/.])(?P<hy_d>{day})-(?P<hy_m>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))-(?P<hy_y>1[5-9]\d\d|20\d\d)(?![\w]|-\d))
| (?P<roman>(?=\d)(?<![\w\-/.])(?P<rom_d>{day})\.(?P<rom_m>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?P<rom_y>1[5-9]\d\d|20\d\d)(?![\w]))
  # the first day of "19 and 20 August 2024", "19-20 August 2024": month and year from the second
| (?P<dd>(?=\d)(?<![\w.,])(?P<dd_d>{day}){ord}(?=(?:{ws})?(?:and|to|&|-|–)(?:{ws})?{day}{ord}(?:(?:{ws})of)?(?:{ws})(?P<dd_m>{month}),?(?:{ws})(?P<dd_y>{year})))
| (?P<dmy>(?=\d)(?<![\w.,])(?P<dmy_d>{day}){ord}(?:(?:{ws})of)?(?:{ws})(?P<dmy_m>{month}),?(?:{ws})(?P<dmy_y>{year}))
  # the first day of "July 7-10, 2024", "March 3 and 5, 2023" (the second day, md2_d2, is yielded with it)
| (?P<md2>(?P<md2_m>{month})(?:{ws})(?P<md2_d>{day}){ord}(?=(?:{ws})?(?:and|to|&|-|–)(?:{ws})?(?P<md2_d2>{day}){ord},?(?:{ws})(?P<md2_y>{year})))
  # the first day of "July 28 to August 8, 2022", "28 July to 8 August 2022": the year from the second
| (?P<md3>(?P<md3_m>{month})(?:{ws})(?P<md3_d>{day}){ord}(?=(?:{ws})?(?:to|until|through|and|-|–)(?:{ws})?{month}(?:{ws}){day}{ord},?(?:{ws})(?P<md3_y>{year})))
| (?P<dm3>(?=\d)(?<![\w.,])(?P<dm3_d>{day}){ord}(?:{ws})(?P<dm3_m>{month})(?=(?:{ws})?(?:to|until|through|and|-|–)(?:{ws})?{day}{ord}(?:{ws}){month},?(?:{ws})(?P<dm3_y>{year})))
  # "Apr 03, 2017", also without a space after the comma ("Apr 03,2017")
| (?P<mdy>(?P<mdy_m>{month})(?:{ws})(?:(?P<mdy_d>{day}){ord}|(?P<mdy_w>{sday}))(?:,?(?:{ws})(?P<mdy_y>{year})|,(?P<mdy_y2>1[5-9]\d\d|20\d\d)(?![\w%]|[.,/]\d)))
  # the first month of "late March and early April 2025": the year from the second
| (?P<mm>(?P<mm_m>{month})(?=(?:{ws})(?:and|to|or|&|-|–)(?:{ws})(?:(?:early|late|mid)(?:{ws})|mid-)?{month},?(?:{ws})(?P<mm_y>{year})))
| (?P<my>(?P<my_m>{month}),?(?:{ws})(?:of(?:{ws}))?(?P<my_y>{year}))
  # a month in lower case before a year, after a preposition ("due between september 1986 and march 1988")
| (?P<lmy>(?<=\b(?:between|in|from|since|until|till|to|and|by|before|after|during|through|of)[ \t]{1,3})(?P<lmy_m>{lmonth})[ \t]{1,3}(?P<lmy_y>{year}))
| """ + _YEARS_SRC + r"""
| """ + _SEASON_SRC + r"""
| (?P<y>{year})
"""

# A day, month and two-digit year with slashes ("1/09/23"): day first unless only month first is
# possible; 00-49 are 2000-2049, 50-99 are 1950-1999.  Found apart: it has no four-digit year.
SHORT_NUM = regex.compile(r"(?<![\w\-/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d\d)(?![\w/]|[.\-]\d)")
# what every SHORT_NUM match holds (one or two characters between two slashes): a cheap test first
_TWO_SLASHES = re.compile(r"/[^\n]{1,2}/")


def compose(src: str, fragments: dict[str, str]) -> str:
    """Replace ``{name}`` by its named fragment, recursively (other braces, like ``{1,2}``, stay)."""
    def sub(m: "regex.Match") -> str:
        name = m.group(1)
        return f"(?:{compose(fragments[name], fragments)})" if name in fragments else m.group(0)
    return regex.sub(r"\{([a-z_]+)\}", sub, src)


# Every form begins with a digit or a month name (whose capital is one of ADFJMNOS), or, for the only
# form in lower case (lmy), with its whole month name: the guard in front lets a search skip every
# other position at once instead of trying each alternative there (same matches, several times faster;
# a guard of the months' lower-case first letters let the forms be tried at a third of a window's letters).
PATTERN = regex.compile(compose(r"(?=[\dADFJMNOS]|{lmonth})(?:" + PATTERN_SRC + ")", F), regex.VERBOSE | regex.VERSION1)
# At a year's first digit only four forms may open (every other one opens with a month, or with a day
# or a number of one or two digits): where no date may start before a year in its window, the grammar
# is matched there with these alone (same match, a third of the time).
YEAR_FIRST = regex.compile(compose(f"{_ISO_SRC}|{_YEARS_SRC}|{_SEASON_SRC}|(?P<y>{{year}})", F),
                           regex.VERBOSE | regex.VERSION1)

# A bare year right before a quantity noun is a number, not a date ("2000 people").
QUANTITY_AFTER = regex.compile(
    r"\s{1,3}(?:people|persons|men|women|children|soldiers|troops|workers|jobs|tonnes|tons|barrels|shares|"
    r"dollars|dlrs|euros|pounds|yen|mln|million|billion|km|kilometres|kilometers|miles|metres|meters|feet|"
    r"votes|members|cases|deaths|students|units|cars|acres|hectares|pct|percent|points|calories|words|"
    r"pages|copies|employees|staff|seats|delegates|refugees|prisoners|migrants|households|homes|flights|"
    r"passengers|vehicles|items|times|others|more|or\s+more|and\s+\d|degrees|pence|cents|yards|mph|kg)\b"
)
_CAPS_WORD = regex.compile(r"[ \t]{1,3}([A-Z]{2,}+)\b")


def _caps_quantity(text: str, end: int) -> bool:
    """A quantity noun in capitals after the number ("AT 2000 TONNES", a headline's); not a name's
    capitalised word ("the 1989 Children Act")."""
    m = _CAPS_WORD.match(text, end)
    return m is not None and QUANTITY_AFTER.match(" " + m.group(1).lower()) is not None


# (searched backwards, "(?r)": the only matches end at the window's end, where a reverse search
# starts, instead of trying the alternation at each of its 25 places: the same answer, 10 times faster)
QUANTITY_BEFORE = regex.compile(
    r"(?r)(?:about|some|over|nearly|almost|around|than|least|only|just|roughly|approximately|estimated|total\s+of|"
    r"up\s+to|another|additional|extra|#|no\.|number)\s{1,3}$",
    regex.IGNORECASE,
)
# the last words of its forms, for a cheap test first (see _may_end_with; keep in step with the pattern)
_QUANTITY_LAST = ("about", "some", "over", "nearly", "almost", "around", "than", "least", "only", "just", "roughly",
                  "approximately", "estimated", "of", "to", "another", "additional", "extra", "#", "no.", "number")

# an approximate year: the approximating word, then the year closing its phrase
APPROX_BEFORE = regex.compile(r"(?r)(?:about|around|roughly|approximately|circa|c\.)\s{1,3}$", regex.IGNORECASE)
YEAR_CLOSE = regex.compile(r"\s{0,2}[,.;:)]|\s{1,3}(?:to|and|or|until|till)\s{1,3}(?:about\s{1,3}|around\s{1,3})?[12]\d{3}\b|\s*[-–]\s*[12]\d{3}\b|\s*$")
# ... and so is one that a count's subject takes as its value ("the total number of those infected
# until now is 1501", "the death toll rose to 1600"; searched backwards on a short window, as above)
COUNT_IS_BEFORE = regex.compile(
    r"(?r)\b(?:number|total|toll|tally|count)\b[^.;!?\n]{0,60}\b(?:is|are|was|were|now|reached|hit"
    r"|(?:stands|stood|rose|risen|climbed|jumped|fell|grew|increased|went)\s{1,3}(?:at|to))\s{1,3}$",
    regex.IGNORECASE,
)
_COUNT_IS_LAST = ("is", "are", "was", "were", "now", "reached", "hit", "at", "to")   # (its last words, as above)


def _may_end_with(text: str, start: int, words: tuple[str, ...]) -> bool:
    """The text before ``start`` may end with one of ``words`` and white space: a cheap test before
    a backwards pattern whose forms end so (case-insensitive).  False only for an ASCII tail, where
    lower() folds case as the pattern does ("ſ" is no "s" there), that ends with none of them."""
    tail = text[max(0, start - 16):start]
    return not tail.isascii() or tail.rstrip().lower().endswith(words)

# Relative expressions, normalised only against a reference (publication) date.  The four that
# are dates without a year are also kept without a reference date (with a partial value).
REL_MD = r"""(?P<rel_md>(?<![\w.])(?P<rel_md_m>{month})\s{1,3}(?:(?P<rel_md_d>{day}){ord}|(?P<rel_md_w>{sday}))(?!\s{0,3}[,.]?\s{0,3}(?:\d|1[5-9]\d\d|20\d\d))(?![\w–\-]))"""            # "July 21", "Feb. 1"
# the first day of "from July 7 to 10", "July 7-10" (its second day, rel_md2_d2, is yielded with it)
REL_MD2 = r"""(?P<rel_md2>(?<![\w.])(?P<rel_md2_m>{month})\s{1,3}(?P<rel_md2_d>{day}){ord}(?=[ \t]{0,2}(?:and|to|&|-|–)[ \t]{0,2}(?P<rel_md2_d2>{day}){ord}(?![\w])(?!\s{0,3}[,.]?\s{0,3}(?:\d|{month}))))"""
# "the twenty-first of May": an ordinal in words after "the"
REL_DMW = r"""(?P<rel_dmw>(?<=\b[Tt]he[ \t]{1,3})(?P<rel_dmw_w>{sord})[ \t]{1,3}of[ \t]{1,3}(?P<rel_dmw_m>{month})(?![\w])(?!,?\s{0,3}(?:\d|of\s)))"""
REL_DM = r"""(?P<rel_dm>(?<![\w.,])(?P<rel_dm_d>{day}){ord}(?:\s{1,3}of)?\s{1,3}(?P<rel_dm_m>{month})(?![\w])(?!,?\s{0,3}(?:\d|of\s)))"""            # "21 July", "the 5th of May"
# the first day of "19 and 20 August", "19-20 August" (the second is a REL_DM)
REL_DD = r"""(?P<rel_dd>(?<![\w.,])(?P<rel_dd_d>{day}){ord}(?=\s{0,3}(?:and|to|&|-|–)\s{0,3}{day}{ord}(?:\s{1,3}of)?\s{1,3}(?P<rel_dd_m>{month})(?![\w])(?!,?\s{0,3}(?:\d|of\s))))"""
# a month after "in", "since", "by", "last", "early", "mid-", "at the end of" …: the span is the month
# only (with a reference date, "last June" is read whole by rel_named first)
REL_M_CUE = r"""(?:\b(?:in|In|IN|since|Since|SINCE|by|By|BY|until|UNTIL|of|between|Between|last|Last|next|Next|at\s+the\s+(?:end|beginning|start)\s+of|At\s+the\s+(?:end|beginning|start)\s+of|early|late|[Mm]id|around|Around)\s{1,3}|\b[Mm]id-|\b[Ee]nd-)"""
# ... after "for", "from", "before", "after", "during", "through", "to", "past", "As", "That" ("set for
# December", "the year to March", "this past April", "As July came to a close"), except "May", a name too
# ("support for May") ...
REL_M_CUE2 = r"""(?:\b(?:for|For|FOR|from|From|FROM|before|Before|BEFORE|after|After|AFTER|during|During|DURING|throughout|Throughout|till|through|Through|THROUGH|to|TO|past|As|That)\s{1,3})"""
# ... and a month range joined by a hyphen or slash after a cue or a determiner ("the April-June quarter",
# "for April/May shipment"): both months
_RANGE_CUE = r"""\b(?:the|The|its|Its|for|For|in|In|from|From|during|During)[ \t]{1,3}"""
# ... and a month coordinated with one of those ("in January and April this year")
# ... and a month between a determiner and a lower-case noun ("its March sales", "the April futures
# contract"; dates/month_determiners, dates/not_after_month_modifier)
_MONTH_DET = (r"""(?<=\b(?:""" + "|".join(entries("dates/month_determiners")) + r""")[ \t]{1,3})(?!May\b)"""
              r"""(?=\p{Lu}\p{L}{2,8}[ \t]{1,3}(?!(?:""" + "|".join(entries("dates/not_after_month_modifier"))
              + r""")(?![\w\-]))\p{Ll})""")
REL_M = (r"""(?P<rel_m>(?=[ADFJMNOS])(?:(?<=""" + REL_M_CUE + r"""|(?<=(?:""" + REL_M_CUE + r"""|""" + REL_M_CUE2
         + r"""){month}\s{1,3})(?:and|or|to|through|until|till)\s{1,3})|(?<="""
         + REL_M_CUE2 + r""")(?!May\b|MAY\b)|""" + _MONTH_DET
         + r"""|(?<=""" + _RANGE_CUE + r""")(?={month}[-–/]{month}(?![\w]))|(?<=""" + _RANGE_CUE + r"""{month}[-–/]))"""
         r"""(?P<rel_m_m>{month})(?![\w])(?!['’]s\b)(?!,?\s{0,3}(?:\d|of\s)))""")
REL_SRC = r"""
  (?P<rel_day>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b)
| (?P<rel_unit>\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s{1,3}(?P<rel_u>year|month)\b)
| (?P<rel_ago>\b(?P<rel_n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s{1,3}(?P<rel_agou>years?)\s{1,3}ago\b)
| (?P<rel_named>\b(?P<rel_dir>[Ll]ast|[Tt]his|[Nn]ext)\s{1,3}(?P<rel_nm>{month}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\s{0,2}\d))
| (?P<rel_mofy>(?P<rel_mofy_m>{month})\s{1,3}of\s{1,3}(?P<rel_mofy_w>this|last|next)\s{1,3}year\b)
| """ + REL_MD2 + r"""
| """ + REL_MD + r"""
| """ + REL_DM + r"""
| """ + REL_DMW + r"""
| (?P<rel_wd>\b(?:on|On|last|Last|since|by|until)\s{1,3}(?P<rel_wd_d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s{1,3}(?:{month}|\d{1,2}(?:st|nd|rd|th)?\s{1,3}{month})))
| """ + REL_DD + r"""
| """ + REL_M + r"""
"""
# the first letters of the forms above (a capital, a digit, or the first letter of a cue word)
REL_PATTERN = regex.compile(r"(?=[\dA-Zabeflnopstuy])(?:" + compose(REL_SRC, F) + ")", regex.VERBOSE | regex.VERSION1)
# without a reference date: a month first, matched at a month name; a day first, looked for just before one
_PARTIAL_MONTH_FIRST = regex.compile(compose(f"(?:{REL_MD2}|{REL_MD}|{REL_M})", F), regex.VERBOSE | regex.VERSION1)
_PARTIAL_DAY_FIRST = regex.compile(compose(f"(?=\\d)(?:{REL_DD}|{REL_DM})", F), regex.VERBOSE | regex.VERSION1)
_PARTIAL_WORD_DAY = regex.compile(compose(REL_DMW, F), regex.VERBOSE | regex.VERSION1)

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}

#: Examples the tests run: (text, [(matched surface, value), …]).
EXAMPLES: list[tuple[str, list[tuple[str, str]]]] = [
    # an approximate year closing its phrase is a date ("around 1970,"), a count is not ("around 1970 people")
    ("the game he devised around 1970, colleagues said", [("1970", "1970")]),
    ("from roughly 1948 to 1951 he taught", [("1948", "1948"), ("1951", "1951")]),
    ("around 1970 people came", []),
    ("of 26 November 1987 and", [("26 November 1987", "1987-11-26")]),
    ("on November 26, 1987.", [("November 26, 1987", "1987-11-26")]),
    ("the 26th of November 1987", [("26th of November 1987", "1987-11-26")]),
    ("on Nov. 26, 1987,", [("Nov. 26, 1987", "1987-11-26")]),
    ("on 26.11.1987 in", [("26.11.1987", "1987-11-26")]),
    ("(Minsk, 05/09/2014)", [("05/09/2014", "2014-09-05")]),
    ("dated 1987-11-26", [("1987-11-26", "1987-11-26")]),
    ("Vilnius, 5.IX.2024", [("5.IX.2024", "2024-09-05")]),
    ("in November 1987", [("November 1987", "1987-11")]),
    ("in 1996 during", [("1996", "1996")]),
    ("the 1987 Convention", [("1987", "1987")]),
    ("from 2013 to 2024.", [("2013", "2013"), ("2024", "2024")]),
    ("on December 10 1984 that", [("December 10 1984", "1984-12-10")]),
    ("on Feb 23, 1987.", [("Feb 23, 1987", "1987-02-23")]),
    ("in January of 1987", [("January of 1987", "1987-01")]),
    ("Human Rights Act 1998 applies", [("1998", "1998")]),
    ("it rose 1,987 people", []),
    ("Protocol No. 1987", []),
    ("ETS No. 185 and vol. 1155", []),
    ("resolution CM/Res(2022)2", []),
    ("POL-2006-L-79967", []),
    ("at 1530 GMT", []),
    ("some 2000 people", []),
    ("growth of 1999.5 points", []),
    ("30 February 2001", []),
    ("June 29 -", []),
    # issue 14: forms that were missed
    ("on 19 and 20 August 2024", [("19", "2024-08-19"), ("20 August 2024", "2024-08-20")]),
    ("from 19-20 August 2024", [("19", "2024-08-19"), ("20 August 2024", "2024-08-20")]),
    ("Apr 03,2017 -", [("Apr 03,2017", "2017-04-03")]),
    ("the 2018-2019 school year", [("2018", "2018"), ("2019", "2019")]),
    ("in 1914–1918", [("1914", "1914"), ("1918", "1918")]),
    # a season, fiscal or school year: the year and the next one (two dates, like a span of years)
    ("in the 1987/88 financial year", [("1987", "1987"), ("88", "1988")]),
    ("the 2019-20 season and 1999–00", [("2019", "2019"), ("20", "2020"), ("1999", "1999"), ("00", "2000")]),
    ("Act No. 2005-06 and in 2005-07 the", []),
    ("late March and early April 2025", [("March", "2025-03"), ("April 2025", "2025-04")]),
    ("from July 28 to August 8, 2022 and 28 July to 8 August 2021",
     [("July 28", "2022-07-28"), ("August 8, 2022", "2022-08-08"), ("28 July", "2021-07-28"), ("8 August 2021", "2021-08-08")]),
    ("posted 1/09/23 by", [("1/09/23", "2023-09-01")]),
    ("filed (8-28-2023)", [("8-28-2023", "2023-08-28")]),
    ("in May. 1987 was", [("1987", "1987")]),
    ("by mid-2024 and Mid-2019", [("2024", "2024"), ("2019", "2019")]),
    ("by end-2019, early-2020, late-2021 and in FY2022", [("2019", "2019"), ("2020", "2020"), ("2021", "2021"), ("2022", "2022")]),
    # a number after a flight's, room's … name, or before a unit, is no year
    ("Flight 1549 landed; Room 1984 at 1800 degrees cost 1945 pence", []),
    ("OUTPUT AT 2000 TONNES", []),
    ("under the 1989 Children Act", [("1989", "1989")]),
    # a month-first range of days: two dates, the second with the first's month and the year
    ("held on July 7-10, 2024 in Paris", [("July 7", "2024-07-07"), ("10, 2024", "2024-07-10")]),
    ("between March 3 and 5, 2023", [("March 3", "2023-03-03"), ("5, 2023", "2023-03-05")]),
    ("a pre-2024 rule and COVID-2019", []),
    ("8-APR-1987 00:38:26.78", [("8-APR-1987", "1987-04-08")]),
    ("on 15-Jan-2020,", [("15-Jan-2020", "2020-01-15")]),
    ("the budget for 2007-13, the 1990-95 plan and the 2005-07 figures", [("2007", "2007"), ("13", "2013"),
                                                                     ("1990", "1990"), ("95", "1995")]),
    ("DEC 1986 SALES ROSE; SHARES IN DEC FELL", [("DEC 1986", "1986-12")]),
    ("part 8-APR-1987-2", []),
    # a month in lower case before a year, after a preposition (not a verb: "may 1500 jobs go")
    ("debts due between september 1986 and march 1988.", [("september 1986", "1986-09"), ("march 1988", "1988-03")]),
    ("in june 2019, it said", [("june 2019", "2019-06")]),
    ("and may 1500 jobs go", []),
    # a count's value is no year; a year after "is" without a count before it is one
    ("the total number of patients treated so far is 1750 and rising", []),
    ("the death toll rose to 1600 on", []),
    ("his first film was 1995's comedy", [("1995", "1995")]),
    ("the number of members fell in 2004", [("2004", "2004")]),
    # a day in words after a month, with a year
    ("the notes due March one 2009 and", [("March one 2009", "2009-03-01")]),
    ("effective July\nOne, 1995.", [("July\nOne, 1995", "1995-07-01")]),
]

#: Relative examples: (text, published, [(surface, value)]).
RELATIVE_EXAMPLES: list[tuple[str, Optional[str], list[tuple[str, str]]]] = [
    ("At the end of September, he signed", "2025-10-02", [("September", "2025-09")]),
    ("signed last year", "2025-10-02", [("last year", "2024")]),
    ("in December, it said", "2025-10-02", [("December", "2024-12")]),
    ("in February.", "2025-10-02", [("February", "2025-02")]),
    ("since mid-March", "2025-10-02", [("March", "2025-03")]),
    ("on Tuesday the minister", "2025-10-02", [("on Tuesday", "2025-09-30")]),
    ("met yesterday", "2025-10-02", [("yesterday", "2025-10-01")]),
    # a day and month: the most recent past one, unless the sentence speaks of the future or it is
    # at most a month ahead
    ("the law of Feb. 1 applies", "2025-10-02", [("Feb. 1", "2025-02-01")]),
    ("a meeting on August 13 in London", "1987-06-29", [("August 13", "1986-08-13")]),
    # ... but a day at most a month ahead is this year's
    ("a meeting on July 13 in London", "1987-06-29", [("July 13", "1987-07-13")]),
    ("TOKYO, June 30 - The rate", "1987-06-29", [("June 30", "1987-06-30")]),
    ("two weeks before the November 13 deadline", "2019-11-04", [("November 13", "2019-11-13")]),
    # the future over a wire's hard line break; a modal speaks of the future too
    ("it will hold its annual shareholders\nmeeting on November 6.", "1987-10-20", [("November 6", "1987-11-06")]),
    ("it may be ready to launch by late August", "2020-05-31", [("August", "2020-08")]),
    # a month coordinated with a month after a cue
    ("in January and April this year", "1987-06-30", [("January", "1987-01"), ("April", "1987-04"), ("this year", "1987")]),
    ("the review, dated May 14, said prices will remain firm", "1987-06-02", [("May 14", "1987-05-14")]),
    ("it will pay five cts to holders of record May 29", "1987-06-01", [("May 29", "1987-05-29")]),
    ("the bond due 1995, announced on April 1, was set at par", "1987-04-08", [("April 1", "1987-04-01")]),
    ("the deficit for the financial year ending on June 30 was forecast", "1987-04-08", [("June 30", "1987-06-30")]),
    ("the previous fiscal year ending January 31", "1987-06-01", [("January 31", "1987-01-31")]),
    ("in its last fiscal year ending October 31, it earned", "1987-06-03", [("October 31", "1986-10-31")]),
    ("net profit for the year ending June 30 rose", "1987-07-20", [("June 30", "1987-06-30")]),
    ("they will hold a meeting on July 13 in London", "1987-06-29", [("July 13", "1987-07-13")]),
    ("the vote is due in March", "2025-10-02", [("March", "2026-03")]),
    # a scheduled event's date after a present "is" is the coming one; after "was", the past one
    ("Preliminary court date is July 16.", "2020-05-25", [("July 16", "2020-07-16")]),
    ("The hearings are now set for September 3", "2020-05-25", [("September 3", "2020-09-03")]),
    ("The vote was on March 3.", "2020-05-25", [("March 3", "2020-03-03")]),
    ("Her date of birth is July 16.", "2020-05-25", [("July 16", "2019-07-16")]),
    ("His term was to end in August; the vote was to take place in March.", "2020-06-11",
     [("August", "2020-08"), ("March", "2020-03")]),
    # reported speech, a postponement, an event's present schedule
    ("He said the team would tour India in October.", "2020-05-25", [("October", "2020-10")]),
    ("EC industry ministers meet again in September to reach a decision.", "1987-06-01", [("September", "1987-09")]),
    ("The deadline for applications is 30 June; Congress must pass it by Sept. 30.", "2020-05-25",
     [("30 June", "2020-06-30"), ("Sept. 30", "2020-09-30")]),
    ("The governor extended the emergency until July 6.", "2020-05-25", [("July 6", "2020-07-06")]),
    ("The Derby was postponed to September 5; the festival runs July 7-10.", "2020-05-25",
     [("September 5", "2020-09-05"), ("July 7", "2020-07-07"), ("10", "2020-07-10")]),
    # a weekday right before a date is no date of its own
    ("He resigned on Monday, May 4, and on Tuesday 19 May", "2020-05-25", [("May 4", "2020-05-04"), ("19 May", "2020-05-19")]),
    # a month after "for", "before", "during" …; "set for" speaks of the future
    ("elections had tentatively been set for December.", "1987-06-29", [("December", "1987-12")]),
    ("sales during January rose; before March it fell", "1987-06-29", [("January", "1987-01"), ("March", "1987-03")]),
    ("a blow for May and support for June", "2019-06-29", [("June", "2019-06")]),
    ("it bought 25,000 tonnes for August\nshipment after sales for September", "1987-06-10", [("August", "1987-08"), ("September", "1986-09")]),
    ("Monday, May 5, police said", "2025-10-02", [("May 5", "2025-05-05")]),
    ("on 19 and 20 August", "2025-10-02", [("19", "2025-08-19"), ("20 August", "2025-08-20")]),
    ("by 29 February", "2025-10-02", [("29 February", "2024-02-29")]),
    ("in January of this year", "2019-12-14", [("January of this year", "2019-01")]),
    ("two years ago", "2019-12-14", [("two years ago", "2017")]),
    # a weekday in a sentence about the future is the coming one (2020-05-21 was a Thursday)
    ("Washington will submit its notice on Friday", "2020-05-21", [("on Friday", "2020-05-22")]),
    ("forecasters said the storm would hit Louisiana on Wednesday", "2017-08-28", [("on Wednesday", "2017-08-30")]),
    # a future word inside a quotation does not reach a date outside it
    ("\"Our policy will not change\", Pompeo told the press on Tuesday.", "2019-09-12", [("on Tuesday", "2019-09-10")]),
    ("the minister resigned on Friday", "2020-05-21", [("on Friday", "2020-05-15")]),
    # without a reference date: a partial value (ISO 8601 without the year)
    ("on July 21 they met", None, [("July 21", "--07-21")]),
    ("Monday, May 5, police said", None, [("May 5", "--05-05")]),
    ("on 19 and 20 August", None, [("19", "--08-19"), ("20 August", "--08-20")]),
    ("At the end of September, he signed", None, [("September", "--09")]),
    ("met yesterday, last year and on Tuesday", None, []),
    ("trading from July 7 to 10, the exchange said", "1987-07-20", [("July 7", "1987-07-07"), ("10", "1987-07-10")]),
    ("held on July 7-10 in Paris", None, [("July 7", "--07-07"), ("10", "--07-10")]),
    ("from July 7 to 10 August", None, [("July 7", "--07-07"), ("10 August", "--08-10")]),
    # a day in words after a month, or an ordinal in words before "of <month>"
    ("shares held by the October nine record date", "2001-09-20", [("October nine", "2001-10-09")]),
    ("Pay May 20     Record April Three", "2003-05-10", [("May 20", "2003-05-20"), ("April Three", "2003-04-03")]),
    ("the plant closed on the twenty-first of March", "2011-04-02", [("twenty-first of March", "2011-03-21")]),
    ("it reopens on the Second of August", None, [("Second of August", "--08-02")]),
    ("effective November\ntwenty-two, the board said", None, [("November\ntwenty-two", "--11-22")]),
    # ... not a count after a month, nor a month that is a surname
    ("in March two years ago", "2011-04-02", [("March", "2011-03"), ("two years ago", "2009")]),
    ("they may meet in May one day", None, [("May", "--05")]),
    ("sales in the January-March first quarter", None, [("January", "--01"), ("March", "--03")]),
    # a range of months: both, the second running on from the first
    ("in the April-June quarter, between November and February and for April/May shipment", "1987-03-04",
     [("April", "1987-04"), ("June", "1987-06"), ("November", "1986-11"), ("February", "1987-02"),
      ("April", "1987-04"), ("May", "1987-05")]),
    ("forecast three pct growth in October last year; a loss for the year ended January 31, he expects", "1987-03-04",
     [("October", "1986-10"), ("last year", "1986"), ("January 31", "1987-01-31")]),
    ("shipment between July and December; EXPORTS NARROWS IN JANUARY", "1987-03-04",
     [("July", "1986-07"), ("December", "1986-12"), ("JANUARY", "1987-01")]),
    ("payable April 20; forecasters expect a season from June 1; the crop year, ending August 31", "1987-03-04",
     [("April 20", "1987-04-20"), ("June 1", "1987-06-01"), ("August 31", "1987-08-31")]),
    # a month's abbreviation in capitals (a wire headline) only before a day (or a year: EXAMPLES)
    ("ACME 4TH QTR JAN 31 NET; SHARES IN DEC FELL", "1987-04-13", [("JAN 31", "1987-01-31")]),
    # "last"/"next" and a month without a reference date: the month, partial
    ("He reached that milestone last June. By September it rose; next March it ends.", None,
     [("June", "--06"), ("September", "--09"), ("March", "--03")]),
    ("Mrs May first said so", None, []),
    ("spending in April, one of the", None, [("April", "--04")]),
    ("since June one hundred people left", None, [("June", "--06")]),
    # a month after "through", "to", "past", "As", "That" (not "May", a name too)
    ("sales in the year to March rose; it runs through April", "2004-06-10", [("March", "2004-03"), ("April", "2004-04")]),
    ("he joined this past December. As September came to a close, That October", "2020-11-02",
     [("December", "2019-12"), ("September", "2020-09"), ("October", "2020-10")]),
    ("a letter to May and As May said", "2020-11-02", []),
    # a month between a determiner and a lower-case noun
    ("its March sales rose; the September growth was high", "1999-06-10", [("March", "1999-03"), ("September", "1998-09")]),
    ("the March on Washington, the Long March series, the May elections", "1999-06-10", []),
    # a month after "around" or "end-"; a future cue over a line break
    ("stocks at end-March were low; output peaks around August", "1999-06-10", [("March", "1999-03"), ("August", "1998-08")]),
    ("crops are expected\nto reach the market around November", "1999-06-10", [("November", "1999-11")]),
]


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(y: int, m: int, d: int) -> bool:
    """y-m-d is a day of the (proleptic Gregorian) calendar (as ``calendar.monthrange`` says)."""
    if not (1 <= m <= 12 and 1 <= d):
        return False
    return d <= _MONTH_DAYS[m] or m == 2 and d == 29 and calendar.isleap(y)


def _iso(y: int, m: Optional[int] = None, d: Optional[int] = None) -> Optional[str]:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


def _value(m: regex.Match, text: str) -> Optional[str]:
    g = m.group
    form = m.lastgroup                    # the form's own group closes last ("iso", "num", … "y")
    if form == "iso":
        return _iso(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if form == "num":
        a, b, y = int(g("num_a")), int(g("num_b")), int(g("num_y"))
        # day-first (international) unless only month-first is possible
        if a <= 12 < b:
            return _iso(y, a, b)
        return _iso(y, b, a)
    if form == "roman":
        return _iso(int(g("rom_y")), ROMAN_MONTHS[g("rom_m")], int(g("rom_d")))
    if form == "hy":
        return _iso(int(g("hy_y")), _month(g("hy_m")), int(g("hy_d")))
    if form in ("dd", "dmy", "md3", "dm3"):
        return _iso(int(g(form + "_y")), _month(g(form + "_m")), int(g(form + "_d")))
    if form == "mdy":
        return _iso(int(g("mdy_y") or g("mdy_y2")), _month(g("mdy_m")), day_number(m, "mdy"))
    if form == "lmy" and QUANTITY_AFTER.match(text, m.end()):
        return None                                     # "and may 1500 jobs go"
    if form in ("mm", "my", "lmy"):
        return _iso(int(g(form + "_y")), _month(g(form + "_m")))
    # a bare year: reject quantities
    start, end = m.span()
    if QUANTITY_AFTER.match(text, end) or _caps_quantity(text, end):
        return None
    if _may_end_with(text, start, _QUANTITY_LAST) and QUANTITY_BEFORE.search(text[max(0, start - 25):start]) and not (
            APPROX_BEFORE.search(text[max(0, start - 16):start]) and 1800 <= int(g("y")) <= 2099
            and YEAR_CLOSE.match(text, end)):
        return None   # ("about 2000 of them"; but "around 1970, colleagues said", "from roughly 1948 to 1951")
    if (text[start - 1:start] == " " and _may_end_with(text, start, _COUNT_IS_LAST)
            and COUNT_IS_BEFORE.search(text[max(0, start - 96):start])):
        return None                                     # "the total number infected is 1501"
    return _iso(int(g("y")))


# Every absolute date contains a four-digit year: find those first (fast), then run the full
# grammar only in a short window around each one.  Same matches as a scan of the whole text,
# because no date is longer than the window.
_LOWER_MONTHS = [m.lower() for m in _MONTH_NAMES]
YEAR_ANCHOR = regex.compile(r"(?<!\d)[12]\d\d\d(?!\d)")
WINDOW_BEFORE, WINDOW_AFTER = 48, 16
# where a date may start: a digit, or the first three letters of a month name (every form begins with
# one or the other), so that the grammar is not tried at every capital of the window
DATE_START = regex.compile(r"\d|" + word_trie(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                               "Nov", "Dec", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL",
                                               "AUG", "SEP", "OCT", "NOV", "DEC", *_LOWER_MONTHS]))


def find_absolute(text: str) -> Iterator[Date]:
    """Yield every absolute date in ``text``, left to right, without overlaps."""
    dates = list(_find_anchored(text))
    if "/" in text and _TWO_SLASHES.search(text) is not None:
        short = list(_find_short(text, dates))
        if short:
            dates = sorted(dates + short, key=lambda d: d.start)
    yield from dates


def _find_anchored(text: str) -> Iterator[Date]:
    """The dates with a four-digit year, each found in a window around its year."""
    n = len(text)
    last = 0
    for y in YEAR_ANCHOR.finditer(text):      # (linear: a fixed-length pattern; no timeout, see limits)
        ys, ye = y.span()
        if ye <= last:
            continue
        pos = max(last, ys - WINDOW_BEFORE)
        stop = min(n, ye + WINDOW_AFTER)
        while pos < ye:
            first = DATE_START.search(text, pos, ye)       # (no date starts before it)
            if first is not None and first.start() == ys:
                m = YEAR_FIRST.match(text, ys, stop)         # (none starts inside the year's digits)
            else:
                m = PATTERN.search(text, first.start(), stop) if first is not None else None
            if m is None or m.start() >= ye:
                break
            s, e = m.span()
            pos = last = e
            if m.lastgroup == "yr":                         # "2018-2019": two years
                a, b = m.span("yr_a"), m.span("yr_b")
                yield Date(text=text[a[0]:a[1]], value=m.group("yr_a"), start=a[0], end=a[1])
                yield Date(text=text[b[0]:b[1]], value=m.group("yr_b"), start=b[0], end=b[1])
                continue
            if m.lastgroup == "yr2":                        # "2019-20": two years, or the first alone
                yield from _split_years(m, text)
                continue
            if m.lastgroup == "md2":                        # "July 7-10, 2024": two days
                if int(m.group("md2_d2")) > int(m.group("md2_d")):
                    yield from _two_days(m, text, "md2", int(m.group("md2_y")))
                    pos = last = m.end("md2_y")
                continue
            if m.lastgroup == "mdy" and m.group("mdy_w") and not spelled_day_ok(text, s):
                continue
            value = _value(m, text)
            if value is not None:
                yield Date(text=text[s:e], value=value, start=s, end=e)


def _split_years(m: regex.Match, text: str) -> Iterator[Date]:
    """"2019-20", "1987/88", "1999-00": the year and the next one; "2007-13", "1990-95": a range of
    years in one century whose second cannot be a month, both years; any other pair of digits
    ("2005-07", a range or a month) is left unread and the year alone is a date when the bare-year
    form allows."""
    a, b = m.span("yr2_a"), m.span("yr2_b")
    first, second = int(m.group("yr2_a")), int(m.group("yr2_b"))
    if second == (first + 1) % 100:
        last = first + 1
    elif second > 12 and second > first % 100:
        last = first - first % 100 + second
    else:
        return
    yield Date(text=text[a[0]:a[1]], value=str(first), start=a[0], end=a[1])
    yield Date(text=text[b[0]:b[1]], value=str(last), start=b[0], end=b[1])


_NAME_BEFORE = regex.compile(r"(?:^|(?<=[^\w\-–]))(\p{Lu}\p{Ll}{1,20})[ \t]{1,3}\Z|[\-–]\Z")
_NAMES_BEFORE_MONTH = words("places/given_names") | words("places/honorifics")


def spelled_day_ok(text: str, month_start: int) -> bool:
    """A month before a day in words is a month: not after a hyphen ("the January-March first
    quarter") nor after a given name or a title ("Mrs May first said": places/given_names, honorifics)."""
    b = _NAME_BEFORE.search(text, max(0, month_start - 24), month_start)
    return b is None or b.group(1) is not None and b.group(1) not in _NAMES_BEFORE_MONTH


def _two_days(m: regex.Match, text: str, form: str, year: Optional[int], relative: bool = False) -> Iterator[Date]:
    """The two days of a month-first range ("July 7-10, 2024", "from July 7 to 10"; the caller
    checks that the second day is the later): the first
    with its month, the second (``<form>_d2``, through the year when one follows) with the same
    month and year; ``year`` None: partial values (``--07-07``)."""
    mo, d1, d2 = _month(m.group(form + "_m")), int(m.group(form + "_d")), int(m.group(form + "_d2"))
    a_s, a_e = m.span()
    b_s = m.start(form + "_d2")
    y_group = form + "_y"
    b_e = m.end(y_group) if y_group in m.re.groupindex and m.group(y_group) else m.end(form + "_d2")
    for s, e, d in ((a_s, a_e, d1), (b_s, b_e, d2)):
        value = _iso(year, mo, d) if year is not None else (f"--{mo:02d}-{d:02d}" if _valid(2000, mo, d) else None)
        if value is not None:
            yield Date(text=text[s:e], value=value, start=s, end=e, relative=relative)


def _find_short(text: str, taken: list[Date]) -> Iterator[Date]:
    """"1/09/23": dates with a two-digit year, outside the dates already found."""
    starts = [d.start for d in taken]
    for m in SHORT_NUM.finditer(text, timeout=limits.REGEX_TIMEOUT):
        s, e = m.span()
        i = bisect.bisect_left(starts, e) - 1
        if i >= 0 and taken[i].end > s:
            continue
        a, b, yy = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        y = 2000 + yy if yy < 50 else 1900 + yy
        value = _iso(y, a, b) if a <= 12 < b else _iso(y, b, a)
        if value is not None:
            yield Date(text=text[s:e], value=value, start=s, end=e)


def _shift_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _rel_value(m: regex.Match, ref: Optional[_dt.date], text: str = "") -> Optional[str]:
    """The value of a relative date against ``ref``; without ``ref``, a partial value for a date
    without a year (``--MM-DD``, ``--MM``), else None."""
    if ref is None:
        return _partial_value(m)
    g = m.group
    if g("rel_day"):
        word = g("rel_day").lower()
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
        return (ref + _dt.timedelta(days=delta)).isoformat()
    if g("rel_unit"):
        direction = g("rel_unit").split()[0].lower()
        delta = {"last": -1, "past": -1, "this": 0, "next": 1}[direction]
        if g("rel_u") == "year":
            return _iso(ref.year + delta)
        y, mo = _shift_months(ref.year, ref.month, delta)
        return _iso(y, mo)
    if g("rel_ago"):
        n = NUMBER_WORDS.get(g("rel_n").lower()) or int(g("rel_n"))
        return _iso(ref.year - n)
    if g("rel_named"):
        direction, name = g("rel_dir").lower(), g("rel_nm").rstrip(".")
        if name.lower() in WEEKDAYS:
            back = (ref.weekday() - WEEKDAYS[name.lower()]) % 7 or 7
            if direction == "last":
                return (ref - _dt.timedelta(days=back)).isoformat()
            if direction == "next":
                fwd = (WEEKDAYS[name.lower()] - ref.weekday()) % 7 or 7
                return (ref + _dt.timedelta(days=fwd)).isoformat()
            return (ref - _dt.timedelta(days=back % 7)).isoformat()
        mo = _month(name)
        if direction == "last":
            return _iso(ref.year if mo < ref.month else ref.year - 1, mo)
        if direction == "next":
            return _iso(ref.year if mo > ref.month else ref.year + 1, mo)
        return _iso(ref.year, mo)
    if g("rel_mofy"):
        delta = {"this": 0, "last": -1, "next": 1}[g("rel_mofy_w")]
        return _iso(ref.year + delta, _month(g("rel_mofy_m")))
    if m.lastgroup in _DAY_FORMS:
        mo, d = _month(g(m.lastgroup + "_m")), day_number(m, m.lastgroup)
        if not _valid(2000, mo, d):                     # 2000: a leap year, 29 February is a date
            return None
        ahead_y = ref.year if (mo, d) >= (ref.month, ref.day) else ref.year + 1
        back_y = ref.year if (mo, d) <= (ref.month, ref.day) else ref.year - 1
        while not _valid(ahead_y, mo, d):               # 29 February: the leap year before or after
            ahead_y += 1
        while not _valid(back_y, mo, d):
            back_y -= 1
        ahead = (_dt.date(ahead_y, mo, d) - ref).days
        back = (ref - _dt.date(back_y, mo, d)).days
        return _iso(ahead_y if _forward(ahead, back, text, m.start()) else back_y, mo, d)
    if g("rel_wd"):
        wd = WEEKDAYS[g("rel_wd_d").lower()]
        back = (ref.weekday() - wd) % 7
        if back and (_future(text, m.start())           # "will submit its notice on Friday": the coming one
                     or FUTURE_IN_PAST.search(text, max(0, m.start() - 90), m.start()) is not None):
            return (ref + _dt.timedelta(days=(wd - ref.weekday()) % 7)).isoformat()
        return (ref - _dt.timedelta(days=back)).isoformat()
    if g("rel_m"):
        mo = _month(g("rel_m_m"))
        said = _YEAR_WORD_AFTER.match(text, m.end()) if text else None
        if said is not None:                            # "in October last year"
            return _iso(ref.year + {"last": -1, "this": 0, "next": 1}[said.group(1).lower()], mo)
        ahead_y = ref.year if mo >= ref.month else ref.year + 1
        back_y = ref.year if mo <= ref.month else ref.year - 1
        ahead = (ahead_y * 12 + mo - ref.year * 12 - ref.month) * 30 - ref.day + 1   # to the month's start
        back = (ref.year * 12 + ref.month - back_y * 12 - mo) * 30                   # to the same day in it
        forward = (_forward(ahead, back, text, m.start()) or (
            ahead <= HALF_YEAR and FUTURE_AFTER.match(text, m.end()) is not None)    # "for August shipment"
            ) and not text.endswith("past", max(0, m.start() - 8), m.start() - 1)     # "this past December"
        return _iso(ahead_y if forward else back_y, mo)
    return None


_YEAR_WORD_AFTER = regex.compile(r",?[ \t\n]{1,3}(last|this|next|Last|This|Next)[ \t\n]{1,3}year\b")


def _forward(ahead: int, back: int, text: str, pos: int) -> bool:
    """A date without a year: its next occurrence (``ahead`` days away) or its most recent one
    (``back`` days ago)?  The end of a period ("the year ending June 30") is the next one when at
    most half a year ahead.  Otherwise the most recent, unless the sentence speaks of the future (then the next,
    unless the last one is at most RECENT days ago: "will pay the dividend, effective October 16"
    four days after it) or the next is at most SOON days ahead ("the November 13 deadline", a wire's
    dateline a day after its time stamp): news names last year's days with their year."""
    if back == 0:
        return False                                    # the reference date itself
    if PERIOD_ENDED.search(text, max(0, pos - 24), pos) is not None:
        return ahead <= SOON                            # "the year ended January 31": no future cue moves it
    if (PERIOD_ENDING.search(text, max(0, pos - 40), pos) is not None
            and PAST_PERIOD.search(text, max(0, pos - 40), pos) is None):
        return ahead <= HALF_YEAR                       # "the financial year ending on June 30"
    if _future(text, pos):
        return back > RECENT
    if FUTURE_IN_PAST.search(text, max(0, pos - 90), pos) is not None:
        return ahead <= HALF_YEAR                       # "his term was to end in August": the coming one, if near
    return ahead <= SOON


def _partial_value(m: regex.Match) -> Optional[str]:
    """``--MM-DD`` or ``--MM`` for a date without a year (no reference date to give it one)."""
    form = m.lastgroup                    # the form's own group closes last: rel_m, rel_md, rel_dm, rel_dd
    if form == "rel_m":
        return f"--{_month(m.group('rel_m_m')):02d}"
    mo, d = _month(m.group(form + "_m")), day_number(m, form)
    return f"--{mo:02d}-{d:02d}" if _valid(2000, mo, d) else None


_DAY_FORMS = frozenset({"rel_md", "rel_dm", "rel_dd", "rel_md2", "rel_dmw"})
_WORD_DAY_ONLY = frozenset({"rel_dmw"})     # forms whose day is only in words (no "<form>_d" group)


def day_number(m: regex.Match, form: str) -> int:
    """The day of the month of the match's ``form``: its digits (``<form>_d``) or its word (``<form>_w``)."""
    digits = m.group(form + "_d") if form not in _WORD_DAY_ONLY else None
    return int(digits) if digits else SPELLED_DAYS[m.group(form + "_w").lower()]


# Words before a date without a year, in its sentence, that put it in the future ("will meet on
# July 13", "is due in March", "next month's vote on May 5"); otherwise it is the most recent past one.
# The look-back stays in its sentence and paragraph; a wire's hard line break is no paragraph's end
# (a paragraph begins after a blank line or with an indented line).
FUTURE_BEFORE = regex.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|may|might|is[ \t\r\n]{1,4}to|are[ \t\r\n]{1,4}to|due(?![ \t\r\n]{1,4}+(?:in[ \t\r\n]{1,4}+)?\d)|scheduled|set[ \t\r\n]{1,4}to|expected[ \t\r\n]{1,4}to|"
    r"plans?[ \t\r\n]{1,4}to|planned|upcoming|next|coming|to[ \t\r\n]{1,4}be[ \t\r\n]{1,4}held|from[ \t\r\n]{1,4}now|set[ \t\r\n]{1,4}for|slated|forecast[ \t\r\n]{1,4}to"
    r"|(?:postponed|rescheduled|delayed|pushed[ \t\r\n]{1,4}back|moved|extend(?:s|ed|ing)?)[ \t\r\n]{1,4}(?:\p{Ll}++[ \t\r\n]{1,4}){0,2}(?:to|until|till|through)"
    r"|must|need[ \t\r\n]{1,4}to|needs[ \t\r\n]{1,4}to|has[ \t\r\n]{1,4}to|have[ \t\r\n]{1,4}to|payable|expects?|predicts?)\b"
    r"(?:[^.!?;\n\"”]|\"(?![,;])|\n(?![ \t]*+\n|[ \t]{2}))*+\Z")


# a word after a month that names what is traded or delivered in it: a month ahead (at most half a
# year) is the next one ("bought 25,000 tonnes for August shipment", "$42 a barrel for February delivery")
FUTURE_AFTER = regex.compile(r"[ \t]{0,3}(?:\r?\n[ \t]{0,8})?(?:shipments?|deliver(?:y|ies)|loading|arrivals?|futures)\b")

SOON = 31    # days: a date at most this far ahead is the next one, whatever the tense (a past verb before it
# is no sign: "the price was announced on April 28", "securities pledged on May 6" are wire schedules)
HALF_YEAR = 183  # days: the end of a period ("the year ending June 30") is the next one when at most this far ahead
# a period's end right before the date: its year is the one of the period that holds the reference date
PERIOD_ENDING = regex.compile(r"\b(?:year|quarter|period|half|months?),?[ \t\n]+end(?:ing|s)(?:[ \t\n]+on)?[ \t\n]*\Z")
PERIOD_ENDED = regex.compile(r"\b(?:year|quarter|period|half|months?|weeks?)[ \t\n]+ended(?:[ \t\n]+on)?[ \t\n]+\Z")
PAST_PERIOD = regex.compile(r"\b(?:last|previous|prior|past)\b")   # "its last fiscal year ending October 31"
RECENT = 61  # days: a date at most this far back is the last one, whatever the tense


# the future seen from the past, or an event's present schedule: the date is the coming one when at
# most half a year ahead ("his term was to end in August" two months before, "said it would tour India
# in October", "the festival runs July 7-10"; but "the vote was to take place in March", three months after)
FUTURE_IN_PAST = regex.compile(
    r"\b(?:(?:was|were)[ \t\r\n]{1,4}(?:to|due|scheduled|set[ \t\r\n]{1,4}to|expected[ \t\r\n]{1,4}to)|would"
    # ... and an event's present schedule: "the festival runs July 7-10", "the season starts in August"
    r"|(?:runs|takes[ \t\r\n]{1,4}place|starts|begins|opens|ends|closes|kicks[ \t\r\n]{1,4}off|resumes|returns"
    r"|meet[ \t\r\n]{1,4}again|meets[ \t\r\n]{1,4}again|reconvenes))\b"
    r"(?:[^.!?;\n\"”]|\"(?![,;])|\n(?![ \t]*+\n|[ \t]{2}))*+\Z")
# a scheduled event's noun and a present "is"/"are" right before the date: "the court date is July 16",
# "the deadline for applications is 30 June"
SCHEDULED_IS = regex.compile(
    r"(?r)\b(?i:" + word_trie(lower_words("dates/scheduled_events")) + r")s?"
    r"(?:[ \t\r\n]{1,4}(?:for|of)[ \t\r\n]{1,4}(?!birth\b|death\b)\p{L}++(?:[ \t\r\n]{1,4}\p{L}++)?)?[ \t\r\n]{1,4}(?:is|are)"
    r"(?:[ \t\r\n]{1,4}(?:now[ \t\r\n]{1,4})?(?:set[ \t\r\n]{1,4})?(?:on|for|in))?[ \t\r\n]{1,4}\Z")


def _future(text: str, pos: int) -> bool:
    return (FUTURE_BEFORE.search(text, max(0, pos - 80), pos) is not None
            or SCHEDULED_IS.search(text, max(0, pos - 40), pos) is not None)


# Every relative expression holds one of these words (a month, a weekday, yesterday/today/tomorrow,
# year, month) or, for the first day of "19 and 20 August", is followed by a month within a few
# words: the grammar runs only in a window around each (same matches as a scan of the whole text,
# as for absolute dates, since no expression reaches further).  Without a reference date only the
# dates without a year are kept, and they all come with a month name.
_MONTH_PREFIX = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
REL_ANCHOR = regex.compile(_MONTH_PREFIX + r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Yy]esterday|[Tt]oday|[Tt]omorrow|year|month")
# a whole month name (the dates without a year all have one after a space or a cue word)
# (a trie of the words: between word boundaries at most one of them matches at a place)
_MONTH_WORDS = ("January February March April May June July August September October November December "
                "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC "
                "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER").split()
MONTH_ANCHOR = regex.compile(r"\b" + word_trie(_MONTH_WORDS) + r"\b")


def _ascii_month_anchor() -> "re.Pattern":
    """MONTH_ANCHOR for a text whose word characters are all ASCII (:func:`ascii_words`), in ``re``: a
    first letter, the boundary before it looked for behind it, then the rest of a month word that
    begins with it (the engine skips to those letters); the same matches on such a text."""
    rests: dict[str, list[str]] = {}
    for w in _MONTH_WORDS:
        rests.setdefault(w[0], []).append(w[1:])
    return re.compile("[" + "".join(rests) + "](?<![A-Za-z0-9_].)(?:"
                      + "|".join(f"(?<={c}){word_trie(r)}" for c, r in rests.items()) + ")(?![A-Za-z0-9_])")


MONTH_ANCHOR_ASCII = _ascii_month_anchor()
_DIGIT = regex.compile(r"\d")
REL_WINDOW_BEFORE, REL_WINDOW_AFTER = 40, 48


def find_relative(text: str, published: Optional[_dt.date], taken: list[tuple[int, int]]) -> Iterator[Date]:
    """Yield relative dates resolved against ``published``, skipping spans in ``taken``; without
    ``published``, only the dates without a year, with a partial value (``--07-21``, ``--03``)."""
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    matches = _rel_matches(text, REL_ANCHOR) if published is not None else _partial_matches(text)
    for m in matches:
        s, e = m.span()
        i = bisect.bisect_right(starts, e) - 1
        if i >= 0 and taken[i][1] > s:
            continue  # overlaps an absolute date
        if m.lastgroup == "rel_md" and m.group("rel_md_w") and not spelled_day_ok(text, s):
            continue
        value = _rel_value(m, published, text)
        if m.lastgroup == "rel_md2" and int(m.group("rel_md2_d2")) > int(m.group("rel_md2_d")):
            if value is not None:                       # "from July 7 to 10": two days
                yield from _two_days(m, text, "rel_md2", None if value.startswith("--") else int(value[:4]), True)
        elif value is not None:
            yield Date(text=text[s:e], value=value, start=s, end=e, relative=True)


def _partial_matches(text: str) -> Iterator[regex.Match]:
    """The day-and-month and month dates of ``text``, left to right, without overlaps."""
    last = 0
    for a in (MONTH_ANCHOR_ASCII if ascii_words(text) else MONTH_ANCHOR).finditer(text):
        a_s = a.start()
        if a_s < last:
            continue
        lo = max(last, a_s - 24)
        m = None
        if _DIGIT.search(text, lo, a_s) is not None:   # a day first needs a digit before the month
            m = _PARTIAL_DAY_FIRST.search(text, lo, min(len(text), a_s + REL_WINDOW_AFTER),
                                          timeout=limits.REGEX_TIMEOUT)
        elif "of" in text[max(0, a_s - 4):a_s]:         # ... or "the <ordinal word> of" before it
            m = _PARTIAL_WORD_DAY.search(text, max(last, a_s - 32), min(len(text), a_s + REL_WINDOW_AFTER),
                                         timeout=limits.REGEX_TIMEOUT)
        while m is not None and m.start() < a_s:
            last = m.end()
            yield m
            if last > a_s:
                break
            m = _PARTIAL_DAY_FIRST.search(text, last, min(len(text), a_s + REL_WINDOW_AFTER))
        if last <= a_s:
            m = _PARTIAL_MONTH_FIRST.match(text, a_s, min(len(text), a_s + REL_WINDOW_AFTER))
            if m is not None:
                last = m.end()
                yield m


def _rel_matches(text: str, anchor: regex.Pattern) -> Iterator[regex.Match]:
    n = len(text)
    last = 0
    for a in anchor.finditer(text):
        a_s, a_e = a.span()
        if a_e <= last:
            continue
        pos = max(last, a_s - REL_WINDOW_BEFORE)
        stop = min(n, a_e + REL_WINDOW_AFTER)
        while pos < a_e:
            m = REL_PATTERN.search(text, pos, stop, timeout=limits.REGEX_TIMEOUT)
            if m is None or m.start() >= a_e:
                break
            pos = last = m.end()
            yield m


def find_dates(text: str, published: Optional[_dt.date] = None) -> list[Date]:
    """Every date in ``text``: absolute ones, and relative ones (``relative=True``): resolved when
    ``published`` is given, else only those without a year, with a partial value."""
    dates = list(find_absolute(text))
    dates.extend(find_relative(text, published, [(d.start, d.end) for d in dates]))
    dates.sort(key=lambda d: d.start)
    dates = _numeric_order(dates, published)
    return _ranges_in_order(text, dates) if published is not None else dates


# a numeric date written with slashes or hyphens, its two first numbers and its year
_NUMERIC = regex.compile(r"(\d{1,2})([/\-])(\d{1,2})\2(\d\d(?:\d\d)?)")


def _numeric_order(dates: list[Date], published: Optional[_dt.date]) -> list[Date]:
    """Numeric dates that read both ways ("04/09/87": 4 September or April 9) follow the text's
    own order when another of its numeric dates reads one way only ("04/13/87": month first), else
    the reading nearer to ``published`` (a report of 1987-04-13 means April 9); else, and for dots
    ("04.09.1987"), day first.  One order per text: a text that writes both is left as read."""
    nums = []
    for k, d in enumerate(dates):
        if not ("0" <= d.text[:1] <= "9"):
            continue                        # (most dates: a word or a year's digits alone)
        m = _NUMERIC.fullmatch(d.text)
        if m is not None:
            nums.append((k, int(m.group(1)), int(m.group(3)), d))
    if not nums:
        return dates
    month_first = {a <= 12 < b for _, a, b, _ in nums if (a <= 12) != (b <= 12)}
    out = list(dates)
    for k, a, b, d in nums:
        if a == b or a > 12 or b > 12:
            continue
        y = int(d.value[:4])
        if month_first:
            if len(month_first) > 1:
                return dates
            first = month_first == {True}
        elif published is not None:
            first = abs((_dt.date(y, a, b) - published).days) < abs((_dt.date(y, b, a) - published).days)
        else:
            continue
        if first:
            out[k] = attrs.evolve(d, value=_iso(y, a, b))
    return out


_RANGE_JOIN = regex.compile(r"\s{0,4}(?:[-–/]|and|to|through|until|till)\s{0,4}")


def _ranges_in_order(text: str, dates: list[Date]) -> list[Date]:
    """The second month of a range of resolved months ("the April-June quarter", "between November and
    February") runs on from the first: its year is the first's, or the next one's for an earlier month."""
    for k in range(1, len(dates)):
        a, b = dates[k - 1], dates[k]
        if not (a.relative and b.relative and len(a.value) == 7 and len(b.value) == 7 and b.value < a.value):
            continue
        if _RANGE_JOIN.fullmatch(text, a.end, b.start) is None:
            continue
        ya, ma, mb = int(a.value[:4]), int(a.value[5:]), int(b.value[5:])
        dates[k] = attrs.evolve(b, value=f"{ya if mb >= ma else ya + 1:04d}-{mb:02d}")
    return dates


def parse_published(value) -> Optional[_dt.date]:
    """Accept a ``date``, ``datetime`` or ISO string (``YYYY-MM-DD``) as a reference date."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise TypeError(f"published must be a date or an ISO string, not {type(value).__name__}")
