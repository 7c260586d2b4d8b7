"""Scoring citex against annotated cases (``citex evaluate``)."""
from citex.evaluate.score import (ATTRIBUTES, CATEGORIES, AttrCounts, CaseFileError, CaseResult, Counts, Report,
                                  combine, format_report, load_cases, score, score_case)

__all__ = ["ATTRIBUTES", "CATEGORIES", "AttrCounts", "CaseFileError", "CaseResult", "Counts", "Report",
           "combine", "format_report", "load_cases", "score", "score_case"]
