"""A US legislator's state in the bracket after the name, with the party's initial: "Senator
Proxmire (D-Wis)", "Rep. Burton (R-Ind.)", "(I-Vt.)": the state is a place, written out or
abbreviated with or without its full stop.

Cheap on ordinary text: one ``re`` search for "(D-", "(R-" or "(I-" before the pattern runs.
"""
from __future__ import annotations

import re

import regex

from citex.places.names import NameTable
from citex.places.runs import Cand

__all__ = ["party_state_cands"]

_PROBE = re.compile(r"\([DRI]-")     # (``re`` skips to each "(": a sixth of three substring tests)
_PARTY_STATE = regex.compile(r"\([DRI]-(\p{Lu}\p{Ll}{1,12}+(?:[ ]\p{Lu}\p{Ll}{1,12}+)?+)(\.?)\)")


def party_state_cands(table: NameTable, text: str) -> list[Cand]:
    """The states named in a legislator's party-and-state bracket, as supported candidates."""
    if _PROBE.search(text) is None:
        return []
    out = []
    for m in _PARTY_STATE.finditer(text):
        name = m.group(1)
        e = table.names.get(name) or table.names.get(name + ".")      # "Iowa", "Wis" as "Wis."
        if e is None or e.kind != "admin" or e.country != "US":
            continue
        end = m.end(1) + len(m.group(2))
        out.append(Cand(m.start(1), end, text[m.start(1):end], e, True, True, False))
    return out
