"""Scoring citex against annotated cases (``citex evaluate``)."""
from citex.evaluate.counts import AttrCounts, Counts
from citex.evaluate.relations import (InstrumentMatch, RelationCase, RelationCounts, RelationsFileError,
                                      attach_relations, has_relations, load_relations, score_relations)
from citex.evaluate.score import (ATTRIBUTES, CATEGORIES, CaseFileError, CaseResult, Report, combine,
                                  format_report, load_cases, score, score_case)

__all__ = ["ATTRIBUTES", "CATEGORIES", "AttrCounts", "CaseFileError", "CaseResult", "Counts", "InstrumentMatch",
           "RelationCase", "RelationCounts", "RelationsFileError", "Report", "attach_relations", "combine",
           "format_report", "has_relations", "load_cases", "load_relations", "score", "score_case",
           "score_relations"]
