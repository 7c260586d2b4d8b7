"""The document's treaty actions: one record per (citation, action, party, status).

Events are mentions: a headline, the body, a quote and a closing paragraph may all restate one
denunciation.  An analyst counts acts, so the events of each citation are merged here:

* events with the same action, status and party (the same country code, or the same name when the
  party has no code) are one act;
* an event whose party the text does not name ("the treaty was ratified in 2000") joins the act of
  the same action and status when exactly one party did that act in the document; else, for acts
  other than a signature or an entry into force (which are often the instrument's own, unless dated
  after the instrument's own date), the act of the only party that acted on the instrument at all;
  otherwise it is an act with no party.  An
  event whose text says unnamed states acted ("ratified by 124 states") keeps no party;
* the act's date is the first absolute date of its mentions (else the first resolved relative
  one), its place the first place; ``evidence`` lists every trigger, in text order.

Each protocol of a list keeps its own acts (they are separate citations).
"""
from __future__ import annotations

from typing import Optional, Sequence

import attrs

from citex.models import Action, Actor, Citation, Event, Mention

# acts that are often the instrument's own (its signing, its entry into force): an unnamed party is
# not inferred for them
OWN_ACTIONS = frozenset({"signature", "entry_into_force"})


def _party_key(ev: Event) -> Optional[str]:
    p = ev.party
    if p is None:
        return None
    return p.country or " ".join(p.name.lower().split())


def _date(events: list[Event]):
    dated = [e.date for e in events if e.date is not None]
    absolute = [d for d in dated if not d.relative]
    return (absolute or dated or [None])[0]


def _action(ci: int, c: Citation, events: list[Event]) -> Action:
    events = sorted(events, key=lambda e: e.start)
    named = next((e.party for e in events if e.party is not None), None)
    evidence = {(e.start, e.end): Mention(start=e.start, end=e.end, text=e.text) for e in events}
    return Action(citation=ci, id=c.id, action=events[0].action, status=events[0].status,
                  party=Actor(name=named.name, country=named.country) if named is not None else None,
                  date=_date(events), place=next((e.place for e in events if e.place is not None), None),
                  evidence=[evidence[k] for k in sorted(evidence)])


def _states_own(c: Citation, events: list[Event]) -> bool:
    """Could these signatures / entries into force be the instrument's own (its opening for signature,
    its entry into force)? Not when each is dated after the instrument's own year."""
    own = c.date.value[:4] if c.date is not None else None
    return own is None or any(e.date is None or e.date.value[:4] <= own for e in events)


def _give_party(groups: dict, act: tuple, evs: list[Event], actors: set, c: Citation) -> None:
    """Move the events of ``act`` (action, status) with no named party to the act of the party that
    did it (see the module's rules); events of unnamed states ("ratified by 124 states") stay."""
    inferred = [e for e in evs if not e.anonymous]
    if not inferred:
        return
    action, status = act
    named = [k for k in groups if k[:2] == act and k[2] is not None]
    if len(named) == 1:
        target = named[0]
    elif not named and len(actors) == 1 and status != "proposed" and (
            action not in OWN_ACTIONS or not _states_own(c, inferred)):
        target = (action, status, next(iter(actors)))
        donor = next(e.party for k, es in groups.items() if k[2] == target[2] for e in es)
        inferred = [attrs.evolve(e, party=donor) for e in inferred]
    else:
        return
    groups.setdefault(target, []).extend(inferred)
    unnamed = [e for e in evs if e.anonymous]
    if unnamed:
        groups[act + (None,)] = unnamed
    else:
        del groups[act + (None,)]


def document_actions(citations: Sequence[Citation]) -> list[Action]:
    """One :class:`~citex.models.Action` per act of the document, ordered by citation, then by first
    mention."""
    out: list[Action] = []
    for ci, c in enumerate(citations):
        groups: dict[tuple, list[Event]] = {}
        for ev in c.events:
            groups.setdefault((ev.action, ev.status, _party_key(ev)), []).append(ev)
        # the states that did something to the instrument other than sign it or see it enter into force
        actors = {k[2] for k in groups if k[2] is not None and k[1] != "proposed" and k[0] not in OWN_ACTIONS}
        for (action, status, party), evs in list(groups.items()):
            if party is None:
                _give_party(groups, (action, status), evs, actors, c)
        acts = [_action(ci, c, evs) for evs in groups.values()]
        out.extend(sorted(acts, key=lambda a: a.evidence[0].start if a.evidence else -1))
    return out
