"""Limits that keep citex safe on hostile input (text scraped from the web).

Every grammar and every resolution step is linear in the length of the text (possessive or bounded
quantifiers, bounded windows, one pass per step; ``benchmarks/adversarial.py`` measures 1 MB hostile
inputs against 1 MB of ordinary news).  These limits are the safety net and the caps that keep output
and memory proportionate.  They are module attributes, read at call time, so a caller may change them:
``citex.limits.MAX_CHARS = None``.

``REGEX_TIMEOUT``
    Seconds of regular-expression engine time that one scan of a document may take (the ``timeout=``
    argument of the ``regex`` package, passed by the whole-text scans of the grammars; the plain
    scans — capitalised runs, instrument heads, acronyms, years, month names — are linear by construction
    and run without it, since the check costs a clock reading per match).  Default 30 s (ordinary news
    scans at several MB/s), or the ``CITEX_REGEX_TIMEOUT`` environment variable.  When it fires the
    document gives a result whose ``error`` is ``{"type": "timeout", …}``: through ``citex.extract``
    (which does not raise), ``citex.extract_many`` and the command line (an error record; the batch
    goes on).  The spaCy components (``citex.load()``) raise :class:`TimeoutError` instead.

``MAX_CHARS``
    ``citex.extract`` and ``citex.extract_many`` refuse a longer text with an error result of type
    ``"too_large"`` instead of working on it: memory grows with the text (about 10 bytes per character
    on news, up to ~100 bytes per character on text that is all place names, like 1 MB of "U.S. ").
    Default 20,000,000 characters, the same figure as the command line's ``--max-bytes`` default
    (the command line applies ``--max-bytes`` to the file, not this).  ``None``: no limit.

``MAX_PROTOCOL_NUMBERS``
    A protocol list ("Protocols Nos. 1, 2, 3, …") gives at most this many protocol items (50; the
    instrument grammar reads it at every scan): the rest of a longer list is not read as protocol
    numbers, so 100,000 numbers give 50 citations, not 100,000.

``MAX_ANTECEDENTS``, ``MAX_SUBJECT_PLACES`` (in :mod:`citex.resolve`)
    A short form ("the Convention") or partial name looks back over at most 100 distinct earlier names;
    a treaty action's acting state is looked for among at most 30 places before it in its sentence.

Hostile input for spaCy: ``citex.load()`` and the builtin NER model tokenize with
:class:`citex.components.tokenizer.SafeTokenizer` (spaCy's own is quadratic on runs of punctuation).
"""
from __future__ import annotations

import os
from typing import Optional


def _env_float(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


REGEX_TIMEOUT: float = _env_float("CITEX_REGEX_TIMEOUT", 30.0)
MAX_CHARS: Optional[int] = 20_000_000
MAX_PROTOCOL_NUMBERS = 50


def regex_timeout() -> float:
    """The ``timeout=`` for a whole-text scan (read at call time, so tests and callers may change it)."""
    return REGEX_TIMEOUT


def timeout_message(exc: BaseException) -> str:
    return (f"extraction stopped: a pattern scan took more than {REGEX_TIMEOUT:g} s of regex time "
            f"(citex.limits.REGEX_TIMEOUT, env CITEX_REGEX_TIMEOUT)")


def too_large_message(n: int) -> str:
    return (f"{n} characters is over the limit of {MAX_CHARS} (citex.limits.MAX_CHARS; set it to None "
            f"to lift the limit)")

# A knowledge-base file (``--kb``, ``kb=``) larger than this, or not a regular file (a link to
# /dev/zero, a FIFO), is refused before it is read.
KB_MAX_BYTES = 512 * 1024 * 1024
