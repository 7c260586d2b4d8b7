"""Knowledge-base links and treaty actions, scored against the relations gold.

The gold (see the development set's README, "Treaty actions and knowledge-base links") gives a
case ``links`` (one per gold instrument: ``surface``, ``number``, ``kb_id`` or null) and
``events`` (``action``, ``alt_actions``, ``instrument`` + ``number`` naming a gold instrument,
``party``: a list of names of one state or null, ``date`` or null, ``trigger``, ``optional``).
``actions_cases.jsonl`` carries them in each record; ``relations.jsonl`` gives them by case id
for ``cases.jsonl`` and ``corpus_cases.jsonl`` (see :func:`attach_relations`).  A case without
``links`` and ``events`` keys is not scored here at all (it adds nothing, not zeros).

Both build on the instrument matching of :mod:`citex.evaluate.score` (:class:`InstrumentMatch`:
predicted citations matched to gold instruments by span overlap, protocol lists by number).

**Links.**  Ids are compared case-, separator- and zero-insensitively (``CETS-126`` =
``CETS 126`` = ``cets 0126``).  TP: a gold instrument with a ``kb_id`` whose matched citation
carries exactly that id.  FN: a gold ``kb_id`` not carried (instrument not found, no id, or
another id).  FP: a matched citation whose id is not the gold id (an id on a gold-null
instrument is wrong; a wrong id is both FP and FN).  So recall is over gold ids, precision over
ids on matched citations.  Ids on citations that match no gold instrument are not in the
precision (they are instrument false positives already), nor are duplicate citations; a
gold-null instrument whose citation has no id is right and counted apart (``null_ok``).  A gold-null
link whose note says the knowledge base lacked the instrument ("not in the KB"), on a citation linked
to a record added to the knowledge base after the gold was written (citex's own general-knowledge
records, source ``citex-gk``: the Louvre and Plaza accords …), is neither TP nor FP: the gold cannot
judge it; it is counted apart (``new``) and listed in the details to be checked by hand.

**Treaty actions.**  The predicted acts are the document-level ``Result.actions`` when the result
has some, else every ``Citation.events`` entry.  Decisions taken here:

* ``status == "proposed"`` acts are excluded (the gold counts only done, decided and announced
  acts); they are counted apart, with how many of them would have matched a required gold event
  that no other act matched (a done act labelled proposed).  Acts without ``status`` are kept.
* Acts are merged per (instrument, action, party) before matching: the gold holds one event per
  act, per state, per instrument (rule 4), so restatements (headline, body, quote), duplicate
  citations of one instrument and done/announced wordings of one act count once.  The merged act
  takes the first date given in text order.  The party key is the country code when one is known
  (the party's ``country``, or a state name the gazetteer knows), else the normalised name.
* Acts on a citation matched to a gold instrument (or a duplicate of it) are matched one-to-one,
  per instrument, to that instrument's gold events on ``action`` or ``alt_actions``, maximising
  first the matched required events, then agreeing parties, then agreeing dates (an exact
  assignment, not a greedy one).  Matched to a required event: TP; to an optional one: ignored;
  unmatched: FP.  Unmatched required events: FN (all of them when the instrument was not found).
* Acts on a citation that matches no gold instrument -- an instrument false positive, a citation
  whose protocol number disagrees, or a parent named only inside a child's title -- are FP: the
  gold holds no act on it, and the README's traps (acts on generic references, on non-instruments
  such as a "convention centre" or a company "merger agreement") are exactly such acts.
* P/R/F1 overall and by action (TP and FN under the gold action, FP under the predicted one).
* Party accuracy over TP acts whose gold party is set: the predicted party (a string, or an object
  or dict with ``name``/``text``/``country``) agrees when a name equals one of the gold names case-
  and quote-insensitively (a leading "the" ignored), or when its country code (``country``, or the
  gazetteer's code of a state name) is the code of a gold name.  Date accuracy over TP acts whose
  gold date is set: the act's date value equals the gold value.

Every rate is ``None`` (printed "–") when there is nothing to score.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from citex.evaluate.jsonl import json_records
from citex.evaluate.counts import AttrCounts, Counts, fmt_rate
from citex.places import Gazetteer

PROPOSED = "proposed"
# names of the European Union as a party (code "EU"); states are looked up in the gazetteer
_SUPRANATIONAL = {"european union": "EU", "eu": "EU", "european community": "EU", "ec": "EU",
                  "european communities": "EU", "european economic community": "EU"}
_QUOTES = re.compile(r"[\"'`´‘’“”]")

Unit = Union[int, tuple[str, int]]  # a gold instrument index, or ("fp"|"nested", citation index)


class RelationsFileError(ValueError):
    """A relations file that cannot be read: names the file and the line."""


@dataclass
class InstrumentMatch:
    """How the predicted citations were matched to the gold instruments (indices into both)."""

    assigned: dict[int, int] = field(default_factory=dict)    # gold instrument -> citation
    duplicates: dict[int, int] = field(default_factory=dict)  # citation -> gold instrument it repeats
    unmatched: list[int] = field(default_factory=list)        # citations matching no gold instrument
    ignored: list[int] = field(default_factory=list)          # parents named only inside a child's title

    def unit(self, citation: int) -> Optional[Unit]:
        for g, c in self.assigned.items():
            if c == citation:
                return g
        if citation in self.duplicates:
            return self.duplicates[citation]
        if citation in self.ignored:
            return ("nested", citation)
        return ("fp", citation)


# --------------------------------------------------------------------------- gold

def has_relations(case: dict) -> bool:
    """True when the case carries relations gold (``links`` or ``events``, even empty)."""
    return "links" in case or "events" in case


def load_relations(path) -> dict[str, dict]:
    """``{case id: {"links": [...], "events": [...]}}`` from a relations JSONL file."""
    path = Path(path)
    out: dict[str, dict] = {}
    for lineno, record in json_records(path, RelationsFileError):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise RelationsFileError(f"{path}:{lineno}: a relations record must be an object with an 'id'")
        out[record["id"]] = {"links": list(record.get("links") or ()),
                             "events": list(record.get("events") or ())}
    return out


def attach_relations(cases: Iterable[dict], relations: dict[str, dict]) -> int:
    """Give each case without relations gold the record of the same id; returns how many got one."""
    n = 0
    for case in cases:
        rel = relations.get(str(case.get("id")))
        if rel is not None and not has_relations(case):
            case["links"], case["events"] = rel["links"], rel["events"]
            n += 1
    return n


def _find_instrument(gold: Sequence[dict], surface: Optional[str], number: Any) -> Optional[int]:
    same = [g for g, item in enumerate(gold) if item.get("surface") == surface]
    exact = [g for g in same if gold[g].get("number") == number]
    if exact:
        return exact[0]
    return same[0] if len(same) == 1 else None


# --------------------------------------------------------------------------- normalising

def norm_id(kb_id: str) -> str:
    """``CETS-126``, ``CETS 126`` and ``cets 0126`` are one id."""
    s = re.sub(r"[\s_\-]+", " ", kb_id.strip().casefold())
    return re.sub(r"\b0+(?=\d)", "", s)


def _pnorm(name: str) -> str:
    s = " ".join(_QUOTES.sub("", name).casefold().split())
    return s[4:] if s.startswith("the ") else s


def _codes(names: Iterable[str]) -> set[str]:
    """ISO codes of the names that are states (or the EU), by the gazetteer."""
    gaz = Gazetteer.load()
    out: set[str] = set()
    for name in names:
        if _pnorm(name) in _SUPRANATIONAL:
            out.add(_SUPRANATIONAL[_pnorm(name)])
            continue
        bare = " ".join(_QUOTES.sub("", name).split())
        bare = bare[4:] if bare.lower().startswith("the ") else bare
        for cand in (name, bare, bare.title()):
            entry = gaz.lookup(cand)
            if entry is not None and entry.kind == "country" and entry.country:
                out.add(entry.country)
                break
    return out


def party_fields(party: Any) -> tuple[list[str], Optional[str]]:
    """(names, country code) of a predicted party: a string, a dict, or an object, or None."""
    if party is None:
        return [], None
    if isinstance(party, str):
        return [party], None
    get = party.get if isinstance(party, dict) else (lambda k: getattr(party, k, None))
    names = [n for n in (get("name"), get("text")) if isinstance(n, str) and n]
    country = get("country")
    return names, country.upper() if isinstance(country, str) and country else None


def party_label(party: Any) -> Optional[str]:
    names, country = party_fields(party)
    if not names:
        return country
    return f"{names[0]} ({country})" if country else names[0]


def party_ok(gold_names: Sequence[str], party: Any) -> bool:
    """Does the predicted party name one of the gold names (or the same state)?"""
    names, country = party_fields(party)
    if not names and not country:
        return False
    gold = {_pnorm(n) for n in gold_names}
    if any(_pnorm(n) in gold for n in names):
        return True
    mine = ({country} if country else set()) | _codes(names)
    return bool(mine & _codes(gold_names))


def _party_key(party: Any) -> Optional[str]:
    names, country = party_fields(party)
    if country:
        return country
    codes = sorted(_codes(names))
    if codes:
        return codes[0]
    return _pnorm(names[0]) if names else None


# --------------------------------------------------------------------------- tallies

@dataclass
class StatusCounts:
    """Predicted acts of one ``status``: matched to a required gold event, to an optional one, or to
    none (FP); for ``proposed`` (excluded) ``gold_hit`` counts those a required gold event awaited."""

    acts: int = 0
    tp: int = 0
    optional: int = 0
    fp: int = 0
    gold_hit: int = 0

    def add(self, other: "StatusCounts") -> None:
        self.acts += other.acts
        self.tp += other.tp
        self.optional += other.optional
        self.fp += other.fp
        self.gold_hit += other.gold_hit

    def to_dict(self) -> dict[str, int]:
        return {"acts": self.acts, "tp": self.tp, "optional": self.optional, "fp": self.fp,
                "gold_hit": self.gold_hit}


@dataclass
class RelationCounts:
    """Link and treaty-action tallies over the cases that carry relations gold."""

    cases: int = 0
    links: Counts = field(default_factory=Counts)
    links_null_ok: int = 0
    links_new: int = 0  # ids of records the gold's knowledge base lacked, on gold-null instruments
    actions: Counts = field(default_factory=Counts)
    by_action: dict[str, Counts] = field(default_factory=dict)
    party: AttrCounts = field(default_factory=AttrCounts)
    date: AttrCounts = field(default_factory=AttrCounts)
    optional_matched: int = 0
    events_predicted: int = 0  # per-mention events (or action records) before merging
    status: dict[str, StatusCounts] = field(default_factory=dict)

    def action(self, name: str) -> Counts:
        return self.by_action.setdefault(name, Counts())

    def status_of(self, name: Optional[str]) -> StatusCounts:
        return self.status.setdefault(name or "-", StatusCounts())

    def add(self, other: "RelationCounts") -> None:
        self.cases += other.cases
        self.links.add(other.links)
        self.links_null_ok += other.links_null_ok
        self.links_new += other.links_new
        self.actions.add(other.actions)
        for name, c in other.by_action.items():
            self.action(name).add(c)
        self.party.add(other.party)
        self.date.add(other.date)
        self.optional_matched += other.optional_matched
        self.events_predicted += other.events_predicted
        for name, s in other.status.items():
            self.status_of(name).add(s)

    def to_dict(self) -> dict[str, Any]:
        return {"cases": self.cases,
                "links": {**self.links.to_dict(strict=True), "null_ok": self.links_null_ok,
                          "new": self.links_new},
                "actions": {**self.actions.to_dict(strict=True), "optional_matched": self.optional_matched,
                            "events_predicted": self.events_predicted,
                            "by_action": {k: v.to_dict(strict=True) for k, v in sorted(self.by_action.items())},
                            "party": self.party.to_dict(), "date": self.date.to_dict(),
                            "status": {k: v.to_dict() for k, v in sorted(self.status.items())}}}


@dataclass
class RelationCase:
    """One case's relation tallies and misses (``false``/``missed`` events, ``wrong`` attributes of
    matched events, ``links`` errors, ``proposed`` acts a required gold event awaited)."""

    counts: RelationCounts = field(default_factory=lambda: RelationCounts(cases=1))
    links: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    false: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    proposed: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_issues(self) -> bool:
        return bool(self.links or self.missed or self.false or self.wrong or self.proposed or self.warnings)

    def to_dict(self) -> dict[str, Any]:
        return {"links": self.links, "missed_events": self.missed, "false_events": self.false,
                "wrong_event_attributes": self.wrong, "proposed_on_gold": self.proposed}


# --------------------------------------------------------------------------- predicted acts

@dataclass
class Act:
    """A predicted treaty act: an action record, or one event (merged by :func:`_merge`)."""

    citation: int
    action: str
    status: Optional[str]
    party: Any
    date: Optional[str]
    evidence: list[tuple[int, int, str]]

    @property
    def start(self) -> int:
        return min((e[0] for e in self.evidence), default=-1)

    def describe(self, title: str) -> dict[str, Any]:
        first = min(self.evidence, default=(-1, -1, ""))
        return {"action": self.action, "party": party_label(self.party), "date": self.date,
                "status": self.status, "instrument": title, "trigger": first[2], "start": first[0]}


def _date_value(d: Any) -> Optional[str]:
    if d is None:
        return None
    return d.get("value") if isinstance(d, dict) else getattr(d, "value", None)


def predicted_acts(result) -> list[Act]:
    """The document's ``actions`` when it has some, else every citation's events."""
    acts = []
    for a in getattr(result, "actions", None) or ():
        acts.append(Act(a.citation, a.action, getattr(a, "status", None), a.party, _date_value(a.date),
                        [(m.start, m.end, m.text) for m in a.evidence]))
    if acts:
        return acts
    for i, c in enumerate(result.citations):
        for e in c.events:
            acts.append(Act(i, e.action, getattr(e, "status", None), e.party, _date_value(e.date),
                            [(e.start, e.end, e.text)]))
    return acts


def _merge(acts: Iterable[Act], match: InstrumentMatch) -> dict[Unit, list[Act]]:
    """One act per (instrument, action, party); the first date in text order wins."""
    groups: dict[tuple, Act] = {}
    units: dict[tuple, Unit] = {}
    for act in sorted(acts, key=lambda a: (a.start, a.citation)):
        unit = match.unit(act.citation)
        key = (unit, act.action, _party_key(act.party))
        if key not in groups:
            groups[key] = Act(act.citation, act.action, act.status, act.party, act.date, list(act.evidence))
            units[key] = unit
            continue
        kept = groups[key]
        kept.evidence.extend(act.evidence)
        if kept.date is None:
            kept.date = act.date
        if kept.status == "announced" and act.status == "done":
            kept.status = "done"
    out: dict[Unit, list[Act]] = {}
    for key, act in groups.items():
        out.setdefault(units[key], []).append(act)
    return out


# --------------------------------------------------------------------------- matching

def assign(weights: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum-weight one-to-one assignment of rows to columns (Hungarian method, O(n³));
    pairs of weight 0 are never matched.  Returns ``{row: column}``."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if not n or not m:
        return {}
    size = max(n, m)
    cost = [[-weights[i][j] if i < n and j < m else 0 for j in range(size)] for i in range(size)]
    u, v = [0] * (size + 1), [0] * (size + 1)
    p, way = [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (size + 1), [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return {p[j] - 1: j - 1 for j in range(1, size + 1)
            if p[j] and p[j] - 1 < n and j - 1 < m and weights[p[j] - 1][j - 1] > 0}


def _weight(act: Act, gold: dict, required_only: bool = False) -> int:
    """Preference of matching ``act`` to ``gold`` (0: incompatible): required gold events first,
    then an agreeing party, then an agreeing date."""
    if act.action != gold.get("action") and act.action not in (gold.get("alt_actions") or ()):
        return 0
    if gold.get("optional") and required_only:
        return 0
    w = 1 if gold.get("optional") else 1 + 10 ** 6
    if gold.get("party") and party_ok(gold["party"], act.party):
        w += 10 ** 3
    if gold.get("date") and act.date == gold["date"]:
        w += 10
    return w


# --------------------------------------------------------------------------- scoring

def _gold_label(gold: dict, surface: Optional[str]) -> dict[str, Any]:
    party = gold.get("party") or None
    return {"action": gold.get("action"), "party": party[0] if party else None, "date": gold.get("date"),
            "instrument": surface, "trigger": gold.get("trigger"), "note": gold.get("note") or ""}


_NOT_IN_KB = re.compile(r"\bnot in the KB\b", re.IGNORECASE)


def _new_record(link: dict, pid: str) -> bool:
    """A gold-null link whose note says the knowledge base had no record for the instrument, given
    an id of a record added after the gold was written: one of citex's own general-knowledge records
    (source ``citex-gk``, made by scripts/kb_overrides.tsv; the shared treaty data the gold was
    checked against lacks them).  The gold cannot say whether that id is right: neither TP nor FP,
    counted apart (``new``) and listed for a reader to check."""
    if not _NOT_IN_KB.search(link.get("note") or ""):
        return False
    from citex.link.kb import get
    record = get(pid)
    return record is not None and record.source == "citex-gk"


def _score_links(case: dict, gold: Sequence[dict], citations: Sequence, match: InstrumentMatch,
                 out: RelationCase) -> None:
    c = out.counts
    for link in case.get("links") or ():
        g = _find_instrument(gold, link.get("surface"), link.get("number"))
        if g is None:
            out.warnings.append(f"links: gold instrument {link.get('surface')!r} not in the case")
            continue
        cit = citations[match.assigned[g]] if g in match.assigned else None
        pid, gid = (cit.id if cit is not None else None), link.get("kb_id")
        if gid and pid is not None and norm_id(pid) == norm_id(gid):
            c.links.tp += 1
            continue
        if not gid and pid is not None and _new_record(link, pid):
            c.links_new += 1
            out.links.append({"surface": link.get("surface"), "number": link.get("number"), "gold": gid,
                              "predicted": pid, "note": "new record: counted apart, check by hand"})
            continue
        if gid:
            c.links.fn += 1
        if pid is not None:
            c.links.fp += 1
        if gid or pid is not None:
            note = "instrument not found" if cit is None else ("no id" if pid is None else "")
            out.links.append({"surface": link.get("surface"), "number": link.get("number"), "gold": gid,
                              "predicted": pid, "note": note})
        elif cit is not None:
            c.links_null_ok += 1


def _gold_events(case: dict, gold: Sequence[dict], out: RelationCase) -> dict[int, list[dict]]:
    by_instrument: dict[int, list[dict]] = {}
    for ev in case.get("events") or ():
        g = _find_instrument(gold, ev.get("instrument"), ev.get("number"))
        if g is None:
            out.warnings.append(f"events: gold instrument {ev.get('instrument')!r} not in the case")
            continue
        by_instrument.setdefault(g, []).append(ev)
    return by_instrument


def _match_unit(acts: list[Act], golds: list[dict], title: str, out: RelationCase) -> set[int]:
    """Score the acts on one gold instrument; returns the indices of the matched gold events."""
    c = out.counts
    pairs = assign([[_weight(a, g) for g in golds] for a in acts])
    for i, act in enumerate(acts):
        st = c.status_of(act.status)
        if i not in pairs:
            c.actions.fp += 1
            c.action(act.action).fp += 1
            st.fp += 1
            out.false.append({**act.describe(title), "note": "no gold event"})
            continue
        gold = golds[pairs[i]]
        if gold.get("optional"):
            c.optional_matched += 1
            st.optional += 1
            continue
        c.actions.tp += 1
        c.action(gold["action"]).tp += 1
        st.tp += 1
        for attr, gval, ok in (("party", gold.get("party"), party_ok(gold.get("party") or (), act.party)),
                               ("date", gold.get("date"), act.date == gold.get("date"))):
            if gval:
                getattr(c, attr).record(ok, True)
                if not ok:
                    out.wrong.append({**act.describe(title), "attribute": attr,
                                      "gold": gval[0] if attr == "party" else gval,
                                      "gold_all": gval, "note": gold.get("note") or ""})
    return set(pairs.values())


def _proposed_on_gold(proposed: list[Act], golds: list[dict], title: str, out: RelationCase) -> None:
    """Excluded proposed acts that a still-unmatched required gold event awaited."""
    pairs = assign([[_weight(a, g, required_only=True) for g in golds] for a in proposed])
    for i in pairs:
        out.counts.status_of(PROPOSED).gold_hit += 1
        out.proposed.append({**proposed[i].describe(title), "note": "proposed, but the gold counts it"})


def _title(citations: Sequence, unit: Unit, gold: Sequence[dict], match: InstrumentMatch) -> str:
    if isinstance(unit, int):
        cit = citations[match.assigned[unit]] if unit in match.assigned else None
        return cit.title if cit is not None else str(gold[unit].get("surface"))
    return citations[unit[1]].title


def _score_events(case: dict, gold: Sequence[dict], result, match: InstrumentMatch, out: RelationCase) -> None:
    c = out.counts
    citations = list(result.citations)
    acts = predicted_acts(result)
    c.events_predicted += len(acts)
    kept = _merge((a for a in acts if a.status != PROPOSED), match)
    proposed = _merge((a for a in acts if a.status == PROPOSED), match)
    for act in (a for group in (*kept.values(), *proposed.values()) for a in group):
        c.status_of(act.status).acts += 1
    golds = _gold_events(case, gold, out)
    for unit in sorted(set(kept) | set(golds), key=lambda u: (0, u, "") if isinstance(u, int) else (1, u[1], u[0])):
        title = _title(citations, unit, gold, match)
        if not isinstance(unit, int):
            note = "parent named only inside a child's title" if unit[0] == "nested" else "instrument not in the gold"
            for act in kept[unit]:
                c.actions.fp += 1
                c.action(act.action).fp += 1
                c.status_of(act.status).fp += 1
                out.false.append({**act.describe(title), "note": note})
            continue
        surface = gold[unit].get("surface")
        unit_golds = golds.get(unit, [])
        matched = _match_unit(kept.get(unit, []), unit_golds, title, out)
        left = [g for j, g in enumerate(unit_golds) if j not in matched and not g.get("optional")]
        for g in left:
            c.actions.fn += 1
            c.action(g["action"]).fn += 1
            note = "" if unit in match.assigned else "instrument not found"
            out.missed.append({**_gold_label(g, surface), "note": note or g.get("note") or ""})
        if left and proposed.get(unit):
            _proposed_on_gold(proposed[unit], left, title, out)


def score_relations(case: dict, gold: Sequence[dict], result, match: InstrumentMatch) -> RelationCase:
    """Score the links and treaty actions of one case (see the module docstring)."""
    out = RelationCase()
    _score_links(case, gold, list(result.citations), match, out)
    _score_events(case, gold, result, match, out)
    return out


# --------------------------------------------------------------------------- output

def _row(label: str, c: Counts, extra: str = "") -> str:
    return (f"{label:<18} {fmt_rate(c.p)} {fmt_rate(c.r)} {fmt_rate(c.f)} "
            f"{c.tp:>5} {c.fp:>5} {c.fn:>5}{extra}")


def format_relations(rc: RelationCounts) -> list[str]:
    """The links and treaty-action lines of the table ("–": nothing to score)."""
    if not rc.cases:
        return ["links/actions: no relations gold (no links/events in the cases, no relations.jsonl "
                "beside them, no --relations)"]
    lines = [f"{'relations':<18} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
             f"   ({rc.cases} cases with relations gold)",
             _row("links", rc.links, f"   null ok {rc.links_null_ok}, new records {rc.links_new}"),
             _row("actions", rc.actions, f"   optional matched {rc.optional_matched}, "
                                         f"{rc.events_predicted} predicted before merging")]
    for name in sorted(rc.by_action):
        lines.append(_row(f"  {name}", rc.by_action[name]))
    lines.append(f"{'action attribute':<18} {'acc':>6} {'n':>6}   (over matched required events with a gold value)")
    for name, a in (("party", rc.party), ("date", rc.date)):
        lines.append(f"  {name:<16} {fmt_rate(a.accuracy)} {a.n:>6}")
    if any(k != "-" for k in rc.status):
        lines.append(f"{'status':<18} {'acts':>6} {'TP':>5} {'opt':>5} {'FP':>5}")
        for name in sorted(k for k in rc.status if k != PROPOSED):
            s = rc.status[name]
            lines.append(f"  {name:<16} {s.acts:>6} {s.tp:>5} {s.optional:>5} {s.fp:>5}")
        if PROPOSED in rc.status:
            s = rc.status[PROPOSED]
            lines.append(f"  {PROPOSED:<16} {s.acts:>6}   excluded; {s.gold_hit} awaited "
                         "by an unmatched required gold event")
    return lines


def _ev(e: dict) -> str:
    party = f" by {json.dumps(e['party'], ensure_ascii=False)}" if e.get("party") else ""
    date = f" on {e['date']}" if e.get("date") else ""
    status = f" [{e['status']}]" if e.get("status") else ""
    at = f"@{e['start']}" if e.get("start", -1) >= 0 else ""
    note = f"  ({e['note']})" if e.get("note") else ""
    return (f"{e['action']}{party}{date}{status} of {json.dumps(e.get('instrument'), ensure_ascii=False)}"
            f" trigger {json.dumps(e.get('trigger'), ensure_ascii=False)}{at}{note}")


def format_relation_details(rel: RelationCase) -> list[str]:
    """One line per link error, missed, false, mis-attributed and proposed-but-gold event."""
    lines = []
    for w in rel.links:
        note = f"  ({w['note']})" if w.get("note") else ""
        lines.append(f"    link {json.dumps(w['surface'], ensure_ascii=False)}: gold {w['gold']}, "
                     f"got {w['predicted']}{note}")
    lines.extend(f"    FN event {_ev(e)}" for e in rel.missed)
    lines.extend(f"    FP event {_ev(e)}" for e in rel.false)
    for e in rel.wrong:
        got = e["party"] if e["attribute"] == "party" else e["date"]
        lines.append(f"    event {e['attribute']:<5} gold {json.dumps(e['gold'], ensure_ascii=False)}, "
                     f"got {json.dumps(got, ensure_ascii=False)}: {_ev(e)}")
    lines.extend(f"    proposed {_ev(e)}" for e in rel.proposed)
    return lines
