"""Record ids: the canonical form of an id (``CETS 126``, ``MTDSG IV-4``, ``UNTS I-10485``, …), the key
ids are compared by, and the natural sort order of ids."""
from __future__ import annotations

import re

__all__ = ["canonical_id", "id_key", "natural_key"]

_CETS_RE = re.compile(r"(?i)c?ets\s*[-\s]?\s*(?:no\.?\s*)?0*(\d+)\s*([a-z]?)")
_MTDSG_RE = re.compile(r"(?i)mtdsg\s*[-\s]\s*(?:no\.?\s*)?([ivxlc]+)\s*-\s*0*(\d+)(?:\s*-\s*([a-z]))?")
_UNTS_RE = re.compile(r"(?i)unts\s*[-\s]\s*(?:no\.?\s*)?(i{1,2})\s*-\s*0*(\d+)")
_IEADB_RE = re.compile(r"(?i)ieadb\s*[-\s]\s*(?:no\.?\s*)?0*(\d+)")
_GENERIC_ID_RE = re.compile(r"([A-Za-z]+)[-\s]+(\S.*)")


def canonical_id(raw: str) -> str:
    """The canonical form of a record id given as in the source CSV or canonically.

    >>> canonical_id("CETS-126"), canonical_id("ETS No. 005"), canonical_id("MTDSG-IV-9-b")
    ('CETS 126', 'CETS 5', 'MTDSG IV-9-b')
    >>> canonical_id("UNTS-I-10485"), canonical_id("IEADB-2589"), canonical_id("PIL-HCCH-1")
    ('UNTS I-10485', 'IEADB 2589', 'PIL HCCH-1')
    """
    s = " ".join(str(raw).split())
    if m := _CETS_RE.fullmatch(s):
        return f"CETS {int(m[1])}{m[2].upper()}"
    if m := _MTDSG_RE.fullmatch(s):
        return f"MTDSG {m[1].upper()}-{int(m[2])}" + (f"-{m[3].lower()}" if m[3] else "")
    if m := _UNTS_RE.fullmatch(s):
        return f"UNTS {m[1].upper()}-{int(m[2])}"
    if m := _IEADB_RE.fullmatch(s):
        return f"IEADB {int(m[1])}"
    if m := _GENERIC_ID_RE.fullmatch(s):
        return f"{m[1].upper()} {m[2]}"
    return s



def id_key(canonical: str) -> str:
    """The comparison key of a canonical id: case, spaces, hyphens, underscores and dots ignored."""
    return re.sub(r"[\s\-_.]+", "", canonical.casefold())


def natural_key(s: str) -> tuple:
    """Sort key that orders the numbers inside ids by value ("CETS 9" before "CETS 10")."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold())
                 for p in re.findall(r"\d+|\D+", s))
