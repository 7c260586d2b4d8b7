"""A citation's scope: ``"international"`` (treaties, conventions, protocols … between states) or
``"domestic"`` (Acts, constitutions, codes, national laws)."""
from __future__ import annotations

import re

import attrs

from citex.vocab import lower_words

__all__ = ["SCOPES", "scope_of", "filter_scope", "check_scope"]

SCOPES = ("international", "domestic")
DOMESTIC_HEADS = lower_words("instruments/domestic_heads")
# the words of a name before its complement ("Civil Rights Act| of 1964", "Federal Law| No. 101-FZ …",
# "Law| «On …»"): where its head stands
_COMPLEMENT = re.compile(r"(?i)\s(?:of|on|for|to|concerning|regarding|between|no\.?|dated|amending)\s|\s[«\"“(]")
_WORD = re.compile(r"[A-Za-z]+")
_YEAR_AFTER = re.compile(r"(?:,?\s+of)?,?\s+\d{4}\s*$")


def scope_of(title: str, kind: str, linked: bool) -> str:
    """``"domestic"`` for a name headed by a domestic-law word (data/vocab/instruments/domestic_heads.txt)
    that the knowledge base does not know (``linked``: a record or candidates were found);
    ``"international"`` otherwise."""
    if linked or kind not in ("other", "constitution"):
        return "international"
    # the head: the name's last word ("Freedom of Information Act", "Tenure of Office Act of 1867"), or
    # the last before its complement ("Act of Settlement", "Federal Law No. 101-FZ …", "Law «On …»")
    m = _COMPLEMENT.search(title)
    heads = [w.lower() for w in (_WORD.findall(title[:m.start()])[-1:] if m else [])]
    heads += [w.lower() for w in _WORD.findall(_YEAR_AFTER.sub("", title))[-1:]]
    return "domestic" if any(w in DOMESTIC_HEADS for w in heads) else "international"


def check_scope(scope) -> None:
    """Raise ``ValueError`` unless ``scope`` is ``None``, ``"all"`` or one of :data:`SCOPES`."""
    if scope not in (None, "all") + SCOPES:
        raise ValueError(f"scope must be one of {SCOPES + ('all',)}, not {scope!r}")


def filter_scope(result, scope):
    """``result`` (a :class:`citex.models.Result`) with only the citations of ``scope`` (``None``,
    ``"all"``: every citation); parents are renumbered (a parent left out becomes ``None``)."""
    check_scope(scope)
    if scope in (None, "all"):
        return result
    keep = [i for i, c in enumerate(result.citations) if c.scope == scope]
    if len(keep) == len(result.citations):
        return result
    new = {old: n for n, old in enumerate(keep)}
    cits = [attrs.evolve(result.citations[i], parent=new.get(result.citations[i].parent)) for i in keep]
    return attrs.evolve(result, citations=cits)
