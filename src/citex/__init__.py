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

from citex.models import Citation, Date, Error, Event, Mention, Place, Result
# standard library only; imported here so that the name citex.render is the function, not the module
from citex.output.render import render

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "load", "clean_text", "render", "to_dataframe", "plot_events",
           "Result", "Citation", "Date", "Place", "Event", "Mention", "Error", "__version__"]


_API = ("extract", "extract_many", "load", "clean_text")
# sub-modules reachable right after ``import citex`` (``citex.kb.get(…)``), imported on first use
_MODULES = ("kb", "limits", "io")


def __getattr__(name):
    # The extraction API and the modules above are imported on first use: ``import citex`` stays
    # light (the batch parent process never compiles the grammars its workers use).
    if name in _API:
        from citex import api
        value = globals()[name] = getattr(api, name)
        return value
    if name in _MODULES:
        import importlib
        value = globals()[name] = importlib.import_module(f"citex.{name}")
        return value
    raise AttributeError(f"module 'citex' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_API) | set(_MODULES))


def to_dataframe(results, level="citations"):
    """Results as a pandas DataFrame, one row per citation|mention|event|date|place; see :mod:`citex.frames`."""
    from citex.output.frames import to_dataframe as _to_dataframe
    return _to_dataframe(results, level)


def plot_events(results, ax=None, published=None, max_instruments=40):
    """Timeline of treaty actions per instrument (matplotlib); see :mod:`citex.plot`."""
    from citex.output.plot import plot_events as _plot_events
    return _plot_events(results, ax=ax, published=published, max_instruments=max_instruments)
