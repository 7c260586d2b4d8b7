"""citex: find the international legal instruments that news text cites.

    >>> import citex
    >>> result = citex.extract("Russia denounced the European Convention on Human Rights in 2022.")
    >>> [c.title for c in result.citations]
    ['European Convention on Human Rights']

The public API is small: :func:`extract`, :func:`extract_many`, :func:`load` (the
spaCy pipeline), :func:`clean_text`, the result classes in :mod:`citex.models`,
and the knowledge base in :mod:`citex.kb`.
"""
from __future__ import annotations

from .api import clean_text, extract, extract_many, load
from .models import Citation, Date, Error, Event, Mention, Place, Result

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "load", "clean_text", "Result", "Citation", "Date", "Place",
           "Event", "Mention", "Error", "__version__"]
