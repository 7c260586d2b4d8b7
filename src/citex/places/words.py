"""The place finder's word lists, read once from ``citex/data/vocab/places/*.txt`` (and the month
and weekday lists of ``dates/``).  Each file says what its words do; this module only names them."""
from __future__ import annotations

from citex.vocab import entries, lower_words, rows, words

__all__ = ["CONNECTORS", "LINK", "TITLE_CASE_SMALL", "TRANSPARENT", "BOUNDARY", "FUNCTION_WORDS", "COUNT_WORDS", "TITLES", "NOBLE", "OFFICES",
           "GOV_MODIFIERS", "POLITICAL_WORDS", "ORG_HEADS", "FOR_HEADS", "ADJ_BEFORE", "INSTRUMENT_NOUNS", "FEATURE_SUFFIX",
           "FEATURE_PREFIX", "DIRECTIONS", "TIME_WORDS", "SUPPORT_PREPS", "PLACE_NOUNS", "HYPHEN_SUFFIXES",
           "ABBREV_TITLES", "NAME_ACRONYMS", "OF_NAME_TAILS", "COMPANY_SUFFIXES", "CONTINENTS", "AGENCIES", "GIVEN_NAMES", "HONORIFICS", "COUNTY_WORDS", "TEAM_CUES", "GOVERNMENT_HEADS",
           "ADJECTIVE_NAMES", "REGION_NOUNS", "NOUN_FOLLOWERS",
           "TEAM_ROLES", "TEAM_NOUNS", "TEAM_VERBS", "LEADER_FOLLOWERS", "STATE_FORMS", "STATE_QUALIFIERS",
           "FORM_ORGANISATIONS", "COURT_HEADS", "TEAM_SUFFIXES", "GROUP_ADJECTIVES", "NAMING_WORDS",
           "ORGANISATION_FORMS", "CAPS_NAME_HEADS", "DEMONYMS", "LANDMARK_HEADS", "LANDMARK_PREFIXES",
           "LOWERED_STATES", "LOWER_CASE_STOP", "MEDIA_HEADS", "MEDIA_NOUNS",
           "TEAM_ROLES_NAMED", "CAPS_NAME_PREFIXES", "CAPITALS"]

CONNECTORS = entries("places/connectors")
LINK = frozenset({"of", "for"})                        # "Minister of X": compositional
TRANSPARENT = frozenset({"the"})
BOUNDARY = frozenset({"in", "on", "upon", "and", "at", "from", "to", "near"})  # a connector that ends a name

COUNT_WORDS = words("places/count_words")
FUNCTION_WORDS = words("places/function_words") | COUNT_WORDS     # (a count word after a name goes on with it)
TITLES = words("places/titles")
NOBLE = words("places/noble")
OFFICES = words("places/offices")
GOV_MODIFIERS = words("places/gov_modifiers")
POLITICAL_WORDS = words("places/political_words")
ORG_HEADS = words("places/org_heads")
FOR_HEADS = words("places/for_heads")
ADJ_BEFORE = words("places/adjectives_before")
INSTRUMENT_NOUNS = words("places/instrument_nouns")
FEATURE_SUFFIX = words("places/feature_suffixes")
FEATURE_PREFIX = words("places/feature_prefixes")
DIRECTIONS = words("places/directions")
TIME_WORDS = words("dates/months") | words("dates/month_abbreviations") | words("dates/weekdays")
# relative day words opening a sentence before a name: "Today Poland is withdrawing …", "Yesterday Britain voted"
# (before it only: "USA Today" is a newspaper)
DAY_WORDS = frozenset(w.capitalize() for w in lower_words("common/days"))
SUPPORT_PREPS = words("places/support_preps")
PLACE_NOUNS = words("places/place_nouns")
HYPHEN_SUFFIXES = words("places/hyphen_suffixes")
HYPHEN_PARTNERS = words("places/hyphen_partners")
ABBREV_TITLES = words("places/abbreviated_titles")
NAME_ACRONYMS = words("places/name_acronyms")
OF_NAME_TAILS = words("places/of_name_tails")
COMPANY_SUFFIXES = words("places/company_suffixes")
CONTINENTS = words("places/continents")
AGENCIES = entries("places/agencies")
GIVEN_NAMES = words("places/given_names")
HONORIFICS = words("places/honorifics")
COUNTY_WORDS = words("places/county_words")
TEAM_CUES = words("places/team_cues")
GOVERNMENT_HEADS = words("places/government_heads")
ADJECTIVE_NAMES = words("places/adjective_names")
REGION_NOUNS = words("places/region_nouns")
NOUN_FOLLOWERS = words("places/noun_followers")
TEAM_ROLES = words("places/team_roles")
TEAM_NOUNS = words("places/team_nouns")
TEAM_VERBS = words("places/team_verbs")
LEADER_FOLLOWERS = words("places/leader_followers")
MEDIA_HEADS = words("places/media_heads")
MEDIA_NOUNS = words("places/media_nouns")
TEAM_ROLES_NAMED = words("places/team_roles_named")
CAPS_NAME_PREFIXES = words("places/caps_name_prefixes")
CAPITALS = frozenset(row[0] for row in rows("parties/capitals"))   # "Brussels", "Moscow"
# a state's formal name: "the Islamic Republic of the Gambia" (the forms' last words: "Republic",
# "Duchy"; their other words and the qualifiers: "Islamic", "Grand")
_FORMS = [e[1:] for e in entries("parties/state_forms") if e.startswith("=")]
STATE_FORMS = frozenset(f.split()[-1] for f in _FORMS)
STATE_QUALIFIERS = frozenset([e for e in entries("parties/state_forms") if not e.startswith("=")]
                             + [w for f in _FORMS for w in f.split()[:-1]])
FORM_ORGANISATIONS = words("places/form_organisations")
COURT_HEADS = words("places/court_heads")
TEAM_SUFFIXES = words("places/team_suffixes")
GROUP_ADJECTIVES = words("places/group_adjectives")
NAMING_WORDS = words("places/naming_words")
ORGANISATION_FORMS = words("places/organisation_forms")
CAPS_NAME_HEADS = words("places/caps_name_heads")
# a small word of a title, capitalised inside a run, makes the run a work's title ("The Jewel Of The
# Nile", "Death In Venice"); not the connectors of place names ("Isle Of Man", "Trinidad And Tobago")
TITLE_CASE_SMALL = frozenset(w.capitalize() for w in lower_words("instruments/title_small_words")
                             if w not in ("of", "and", "or", "de", "la", "du", "des"))
DEMONYMS = frozenset(row[0] for row in rows("parties/demonyms"))     # "American", "German"
LANDMARK_HEADS = words("places/landmark_heads")
LANDMARK_PREFIXES = words("places/landmark_prefixes")
LOWERED_STATES = lower_words("places/lowered_states")
LOWER_CASE_STOP = lower_words("parties/lower_case_stop")          # country names that are words: "turkey"
