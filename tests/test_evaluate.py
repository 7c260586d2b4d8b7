"""Scoring rules of citex.evaluate, on small synthetic cases and hand-built results."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from citex.cli.evaluate import main as cli
from citex.evaluate import (CaseFileError, Report, combine, format_report, load_cases,
                            score)
from citex.models import Citation, Date, Mention, Place, Result

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
DEV_ALT = Path("/work/shared/eval/dev")


# --------------------------------------------------------------------------- helpers

def span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def cit(text: str, s: str, *more: str, nth: int = 0, kind="convention", title=None, **kw) -> Citation:
    spans = [span(text, s, nth)] + [span(text, m) for m in more]
    mentions = [Mention(a, b, text[a:b]) for a, b in spans]
    a, b = spans[0]
    return Citation(kind=kind, title=title or s, start=a, end=b, text=text[a:b], mentions=mentions, **kw)


def date(text: str, s: str, value: str, nth: int = 0, relative=False) -> Date:
    a, b = span(text, s, nth)
    return Date(text=s, value=value, start=a, end=b, relative=relative)


def place(text: str, s: str, nth: int = 0, name=None) -> Place:
    a, b = span(text, s, nth)
    return Place(text=s, name=name or s, country=None, start=a, end=b)


def fixed(result: Result):
    return lambda text: result


def inst(surface, number=None, parent=None, date=None, place=None, aliases=(), kind="convention"):
    return {"surface": surface, "kind": kind, "number": number, "parent": parent, "date": date,
            "place": place, "aliases": list(aliases)}


def case(text, instruments=(), dates=(), places=(), id="c1"):
    return {"id": id, "text": text, "instruments": list(instruments), "dates": list(dates),
            "places": list(places)}


# --------------------------------------------------------------------------- instruments

T1 = ("Ministers met in Lisbon to discuss the Treaty of Harmony between Freedonia and Sylvania, "
      "and the Water Sharing Convention of 3 May 2001.")


def test_exact_and_partial_overlap_match():
    c = case(T1, [inst("Treaty of Harmony", kind="treaty"), inst("Water Sharing Convention")])
    # second prediction only overlaps part of the gold surface: still a match
    r = Result(citations=[cit(T1, "Treaty of Harmony"), cit(T1, "Sharing Convention of 3 May")])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (2, 0, 0)
    assert rep.instruments.f1 == 1.0


def test_no_overlap_is_fp_and_fn():
    c = case(T1, [inst("Water Sharing Convention")])
    r = Result(citations=[cit(T1, "Treaty of Harmony")])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (0, 1, 1)
    assert rep.instruments.precision == 0.0 and rep.instruments.recall == 0.0
    res = rep.cases[0]
    assert res.false_positives[0]["text"] == "Treaty of Harmony"
    assert res.false_negatives[0]["surface"] == "Water Sharing Convention"


T2 = ("Parliament ratified Protocols No. 4 and 7 to the Convention on Fair Courts, "
      "while Protocol No. 9 stays unsigned.")


def test_number_must_agree():
    c = case(T2, [inst("Protocols No. 4 and 7 to the Convention on Fair Courts", number=4,
                       parent="Convention on Fair Courts", kind="protocol"),
                  inst("Protocols No. 4 and 7 to the Convention on Fair Courts", number=7,
                       parent="Convention on Fair Courts", kind="protocol")])
    s = "Protocols No. 4 and 7 to the Convention on Fair Courts"
    r = Result(citations=[cit(T2, s, kind="protocol", number=4),
                          cit(T2, s, kind="protocol", number=8)])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (1, 1, 1)
    fp = rep.cases[0].false_positives[0]
    assert "number 8" in fp["note"]
    assert rep.cases[0].false_negatives == [{"category": "instruments", "surface": s, "number": 7}]


def test_number_none_agrees_with_none_only():
    c = case(T2, [inst("Protocol No. 9", number=9, kind="protocol")])
    r = Result(citations=[cit(T2, "Protocol No. 9", kind="protocol")])  # number None
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (0, 1, 1)


T3 = ("The Accord on Clean Rivers (ACR) was praised. Critics of the Accord on Clean Rivers "
      "said the ACR lacks teeth.")


def test_duplicates_not_fp():
    c = case(T3, [inst("Accord on Clean Rivers", aliases=["ACR"], kind="agreement")])
    r = Result(citations=[cit(T3, "Accord on Clean Rivers"),
                          cit(T3, "Accord on Clean Rivers", nth=1),
                          cit(T3, "ACR", nth=1)])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (1, 0, 0)
    assert rep.instruments.duplicates == 2
    assert len(rep.cases[0].duplicates) == 2
    assert rep.instruments.precision == 1.0


def test_alias_counts_for_recall_and_is_not_fp():
    c = case(T3, [inst("Accord on Clean Rivers", aliases=["ACR"], kind="agreement")])
    r = Result(citations=[cit(T3, "ACR")])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (1, 0, 0)


def test_greedy_prefers_best_overlap_and_first_mention_order():
    text = "They cited the Optional Protocol to the Convention on Lakes and, separately, the Convention on Lakes."
    prot = "Optional Protocol to the Convention on Lakes"
    c = case(text, [inst(prot, parent="Convention on Lakes", kind="protocol"),
                    inst("Convention on Lakes")])
    # the convention's gold surface also occurs inside the protocol title; the protocol prediction
    # must take the protocol gold (better overlap) and leave the convention to its own prediction
    conv = cit(text, "Convention on Lakes", nth=1)
    r = Result(citations=[conv, cit(text, prot, kind="protocol", parent=0)])
    rep = score([c], fixed(r))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (2, 0, 0)
    assert rep.attributes["parent"].correct == 2


T4 = "Freedonia signed the Optional Protocol to the Convention on Lakes in Lisbon."
P4 = "Optional Protocol to the Convention on Lakes"


def test_nested_parent_not_scored():
    c = case(T4, [inst(P4, parent="Convention on Lakes", place="Lisbon", kind="protocol")],
             places=[{"surface": "Freedonia"}, {"surface": "Lisbon"}])
    parent = cit(T4, "Convention on Lakes")
    child = cit(T4, P4, kind="protocol", parent=0)
    rep = score([c], fixed(Result(citations=[parent, child])))
    assert (rep.instruments.tp, rep.instruments.fp, rep.instruments.fn) == (1, 0, 0)
    assert rep.instruments.duplicates == 0 and rep.instruments.ignored == 1
    assert rep.attributes["parent"].correct == 1


def test_parent_not_excluded_when_not_referenced_or_mentioned_outside():
    # not referenced as parent: scored; it overlaps the protocol's occurrence -> duplicate, not FP
    parent = cit(T4, "Convention on Lakes")
    child = cit(T4, P4, kind="protocol")
    c = case(T4, [inst(P4, parent="Convention on Lakes", kind="protocol")])
    rep = score([c], fixed(Result(citations=[parent, child])))
    assert rep.instruments.ignored == 0 and rep.instruments.duplicates == 1
    assert rep.attributes["parent"].correct == 0
    # referenced, but also mentioned on its own: scored (and a FP here, since the gold lacks it)
    text = T4 + " The Convention on Lakes itself dates from 1990."
    parent = cit(text, "Convention on Lakes", "Convention on Lakes itself")
    child = cit(text, P4, kind="protocol", parent=0)
    c = case(text, [inst(P4, parent="Convention on Lakes", kind="protocol")])
    rep = score([c], fixed(Result(citations=[parent, child])))
    assert rep.instruments.ignored == 0
    assert (rep.instruments.tp, rep.instruments.fp) == (1, 0) and rep.instruments.duplicates == 1


def test_empty_case_perfect_and_fp_on_negative():
    text = "Delegates at the party convention cheered."
    assert score([case(text)], fixed(Result())).instruments.f1 == 1.0
    rep = score([case(text)], fixed(Result(citations=[cit(text, "convention")])))
    assert rep.instruments.fp == 1 and rep.instruments.precision == 0.0


# --------------------------------------------------------------------------- dates

T5 = ("On 3 May 2001 the parties met; in May 2001 they met again and again on 3 May 2001. "
      "Last March nothing happened.")


def test_dates_value_dedup_and_relative():
    c = case(T5, dates=[{"surface": "3 May 2001", "value": "2001-05-03"},
                        {"surface": "May 2001", "value": "2001-05"}])
    r = Result(dates=[date(T5, "3 May 2001", "2001-05-03"),
                      date(T5, "3 May 2001", "2001-05-03", nth=1),   # same (text, value): deduped
                      date(T5, "May 2001", "2001-05-01", nth=1),     # wrong value for "May 2001"
                      date(T5, "Last March", "2001-03", relative=True)])
    rep = score([c], fixed(r))
    d = rep.dates
    assert (d.tp, d.fp, d.fn, d.ignored) == (1, 1, 1, 1)
    fp = rep.cases[0].false_positives[0]
    assert fp["value"] == "2001-05-01" and "2001-05" in fp["note"]


def test_date_value_mismatch_inside_longer_surface():
    # "May 2001" also occurs inside "3 May 2001"; the value decides
    c = case(T5, dates=[{"surface": "3 May 2001", "value": "2001-05-03"}])
    r = Result(dates=[date(T5, "May 2001", "2001-05")])
    rep = score([c], fixed(r))
    assert (rep.dates.tp, rep.dates.fp, rep.dates.fn) == (0, 1, 1)


# --------------------------------------------------------------------------- places

T6 = "LISBON - Officials in Lisbon and Porto said Lisbon would host the talks."


def test_places_dedup_case_sensitive():
    c = case(T6, places=[{"surface": "LISBON"}, {"surface": "Lisbon"}, {"surface": "Porto"}])
    r = Result(places=[place(T6, "LISBON"), place(T6, "Lisbon"), place(T6, "Lisbon", nth=1),
                       place(T6, "Officials")])
    rep = score([c], fixed(r))
    p = rep.places
    assert (p.tp, p.fp, p.fn) == (2, 1, 1)
    assert rep.cases[0].false_negatives[0]["surface"] == "Porto"


# --------------------------------------------------------------------------- attributes

T7 = ("The Convention on Quiet Skies, done at Lisbon on 3 May 2001, and the "
      "Protocol No. 2 to the Convention on Quiet Skies were discussed.")


def test_attribute_accuracy():
    conv, prot = "Convention on Quiet Skies", "Protocol No. 2 to the Convention on Quiet Skies"
    c = case(T7, [inst(conv, date="2001-05-03", place="Lisbon"),
                  inst(prot, number=2, parent="Convention on Quiet Skies", kind="protocol")])
    p_conv = cit(T7, conv, date=date(T7, "3 May 2001", "2001-05"), place=place(T7, "Lisbon"))
    p_prot = cit(T7, prot, kind="protocol", number=2, parent=0)
    rep = score([c], fixed(Result(citations=[p_conv, p_prot])))
    a = rep.attributes
    assert (a["date"].correct, a["date"].n) == (1, 2)          # conv wrong value; prot None==None
    assert (a["date"].correct_gold, a["date"].n_gold) == (0, 1)
    assert (a["place"].correct, a["place"].n, a["place"].n_gold) == (2, 2, 1)
    assert (a["parent"].correct, a["parent"].n, a["parent"].correct_gold) == (2, 2, 1)
    wrong = rep.cases[0].wrong_attributes
    assert wrong == [{"surface": conv, "attribute": "date", "gold": "2001-05-03", "predicted": "2001-05"}]


def test_parent_mismatch_and_place_by_name():
    prot = "Protocol No. 2 to the Convention on Quiet Skies"
    c = case(T7, [inst(prot, number=2, parent="Convention on Quiet Skies", place="Lisbon",
                       kind="protocol")])
    other = cit(T7, "Lisbon", kind="other", title="Something else")
    p_prot = cit(T7, prot, kind="protocol", number=2, parent=0,
                 place=Place(text="Lisboa", name="Lisbon", country="PT", start=0, end=6))
    rep = score([c], fixed(Result(citations=[other, p_prot])))
    assert rep.attributes["parent"].correct == 0
    assert rep.attributes["place"].correct == 1
    # no parent predicted for a gold parent: wrong; a parent predicted where gold has none: wrong
    rep = score([c], fixed(Result(citations=[cit(T7, prot, kind="protocol", number=2)])))
    assert rep.attributes["parent"].correct == 0


# --------------------------------------------------------------------------- report / IO / CLI

def test_report_to_dict_and_format():
    c = case(T3, [inst("Accord on Clean Rivers", aliases=["ACR"])], id="rivers")
    rep = score([c], fixed(Result()), name="x.jsonl")
    d = rep.to_dict()
    json.dumps(d)
    assert d["instruments"]["fn"] == 1 and d["instruments"]["recall"] == 0.0
    assert d["case_results"][0]["false_negatives"][0]["surface"] == "Accord on Clean Rivers"
    table = format_report(rep)
    assert "instruments" in table and "places" in table and "parent" in table
    assert "rivers" not in table
    assert "rivers" in format_report(rep, details=True)
    both = combine([rep, rep])
    assert both.n_cases == 2 and both.instruments.fn == 2


def test_extract_crash_is_reported_not_fatal():
    def boom(text):
        raise RuntimeError("bad")
    rep = score([case(T3, [inst("Accord on Clean Rivers")])], boom)
    assert rep.instruments.fn == 1 and "RuntimeError" in rep.cases[0].warnings[0]


def test_load_cases_bad_json_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps(case(T1)) + "\n\n{not json}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r":3: invalid JSON"):
        load_cases(f)
    f.write_text(json.dumps(case(T1)) + "\n", encoding="utf-8")
    assert load_cases(f)[0]["id"] == "c1"


def _write(tmp_path, name, cases):
    f = tmp_path / name
    f.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return str(f)


def test_cli_min_f1_exit_code(tmp_path, capsys):
    c = case(T1, [inst("Treaty of Harmony", kind="treaty"), inst("Water Sharing Convention")],
             dates=[{"surface": "3 May 2001", "value": "2001-05-03"}],
             places=[{"surface": "Lisbon"}])
    path = _write(tmp_path, "a.jsonl", [c])
    half = Result(citations=[cit(T1, "Treaty of Harmony")],
                  dates=[date(T1, "3 May 2001", "2001-05-03")], places=[place(T1, "Lisbon")])
    ex = fixed(half)
    assert cli([path], extract=ex) == 0
    assert "instruments" in capsys.readouterr().out
    assert cli([path, "--min-f1", "dates=0.95,places=0.9"], extract=ex) == 0
    assert cli([path, "--min-f1", "instruments=0.9"], extract=ex) == 1
    assert "target missed" in capsys.readouterr().err
    assert cli([path, "--min-f1", "bogus=0.9"], extract=ex) == 2
    assert cli([str(tmp_path / "missing.jsonl")], extract=ex) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    assert cli([str(bad)], extract=ex) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_cli_json_several_files(tmp_path, capsys):
    c = case(T1, [inst("Treaty of Harmony", kind="treaty")])
    a, b = _write(tmp_path, "a.jsonl", [c]), _write(tmp_path, "b.jsonl", [c, c])
    ex = fixed(Result(citations=[cit(T1, "Treaty of Harmony")]))
    assert cli([a, b, "--json", "--details"], extract=ex) == 0
    out = json.loads(capsys.readouterr().out)
    assert [f["n_cases"] for f in out["files"]] == [1, 2]
    assert out["combined"]["n_cases"] == 3 and out["combined"]["instruments"]["f1"] == 1.0
    assert cli([a, b, "--details"], extract=ex) == 0
    assert "combined: 3 cases" in capsys.readouterr().out


# --------------------------------------------------------------------------- real dev files

@pytest.mark.parametrize("name", ["cases.jsonl", "corpus_cases.jsonl"])
def test_dev_files_load_and_gold_scores_perfectly(name):
    path = next((d / name for d in (DEV, DEV_ALT) if (d / name).exists()), None)
    if path is None:
        pytest.skip("dev cases not available")
    cases = load_cases(path)
    assert cases

    def oracle(text):
        """A perfect extractor built from the gold: one citation per gold instrument."""
        gold = next(c for c in cases if c["text"] == text)
        cits = []
        for g in gold["instruments"]:
            a = text.index(g["surface"])
            cits.append(Citation(kind=g["kind"], title=g["surface"], start=a, end=a + len(g["surface"]),
                                 text=g["surface"], number=g["number"], mentions=[Mention(a, a + len(g["surface"]), g["surface"])]))
        dates = [Date(text=d["surface"], value=d["value"], start=text.index(d["surface"]),
                      end=text.index(d["surface"]) + len(d["surface"])) for d in gold["dates"]]
        places = [Place(text=p["surface"], name=p["surface"], country=None, start=text.index(p["surface"]),
                        end=text.index(p["surface"]) + len(p["surface"])) for p in gold["places"]]
        return Result(citations=cits, dates=dates, places=places)

    rep = score(cases, oracle)
    assert isinstance(rep, Report)
    for cat in ("instruments", "dates", "places"):
        c = rep.category(cat)
        assert c.fp == 0 and c.fn == 0, (cat, format_report(rep, details=True))


# --------------------------------------------------------------------------- links and treaty actions

from types import SimpleNamespace as NS  # noqa: E402

from citex.cli.evaluate import target_value  # noqa: E402
from citex.evaluate.relations import assign, norm_id, party_ok  # noqa: E402
from citex.models import Event  # noqa: E402

TR = ("Freedonia signed the Accord on Lake Fishing on 4 June 2010 and ratified it in 2012. "
      "Sylvania signed the Accord on Lake Fishing too. Freedonia later withdrew from the "
      "Pact of Nine, and the Grand Marsh Charter entered into force.")


def rcase(links=(), events=(), instruments=("Accord on Lake Fishing", "Pact of Nine"), id="r1", text=TR):
    c = case(text, [inst(s) for s in instruments], id=id)
    c["links"] = [{"surface": s, "number": None, "kb_id": k} for s, k in links]
    c["events"] = [{"instrument": "Accord on Lake Fishing", "number": None, "party": None, "date": None,
                    "trigger": "signed", **e} for e in events]
    return c


def ev(trigger, action, party=None, date_value=None, nth=0, status=None, text=TR):
    a, b = span(text, trigger, nth)
    d = Date(text="x", value=date_value, start=0, end=1) if date_value else None
    if status is None:
        return Event(action=action, party=party, date=d, place=None, start=a, end=b, text=trigger)
    return NS(action=action, party=party, date=d, place=None, start=a, end=b, text=trigger, status=status)


def acc_cit(*events, id=None, s="Accord on Lake Fishing", text=TR):
    return cit(text, s, id=id, events=list(events))


GOLD_SIG = {"action": "signature", "party": ["Freedonia"], "date": "2010-06-04"}
GOLD_RAT = {"action": "ratification", "party": ["Freedonia"], "date": "2012", "trigger": "ratified"}
GOLD_SIG2 = {"action": "signature", "party": ["Sylvania"], "trigger": "signed"}


@pytest.mark.parametrize("a,b,same", [
    ("CETS 126", "CETS-126", True), ("cets 0126", "CETS 126", True), ("MTDSG XXVI-4", "mtdsg xxvi 4", True),
    ("UNTS I-54113", "UNTS I-5411", False), ("CETS 126", "CETS 1260", False), ("GK NEWSTART-2010", "GK NEWSTART 2010", True),
])
def test_norm_id(a, b, same):
    assert (norm_id(a) == norm_id(b)) is same


@pytest.mark.parametrize("gold,pred,ok", [
    (["Russian Federation", "Russia"], "russia", True),
    (["Russian Federation", "Russia"], "“Russia”", True),
    (["United States"], "U.S.", True),                                   # same state by the gazetteer
    (["United States"], "Washington", False),                            # a capital is no party name
    (["United States"], {"text": "Washington", "name": "United States", "country": "US"}, True),
    (["United States"], NS(text="Washington", name="Washington", country="US"), True),   # by country code
    (["France"], NS(text="Paris", name="Paris", country="DE"), False),
    (["the Netherlands"], "Netherlands", True),
    (["European Union", "EU"], NS(text="Brussels", name="Brussels", country="EU"), True),
    (["Freedonia"], "Sylvania", False),
    (["Freedonia"], None, False),
])
def test_party_agreement(gold, pred, ok):
    assert party_ok(gold, pred) is ok


def test_assign_is_optimal_not_greedy():
    # row 0 fits both columns, row 1 only column 0: the best total gives row 0 column 1
    assert assign([[5, 4], [3, 0]]) == {0: 1, 1: 0}
    assert assign([[0, 0]]) == {}
    assert assign([]) == {}


@pytest.mark.parametrize("label,events,preds,expect", [
    ("exact with party and date", [GOLD_SIG], [ev("signed", "signature", "Freedonia", "2010-06-04")],
     dict(tp=1, fp=0, fn=0, party=(1, 1), date=(1, 1))),
    ("alt action", [{**GOLD_RAT, "alt_actions": ["accession"]}], [ev("ratified", "accession", "Freedonia", "2012")],
     dict(tp=1, fp=0, fn=0, party=(1, 1), date=(1, 1))),
    ("wrong action", [GOLD_RAT], [ev("ratified", "accession", "Freedonia")],
     dict(tp=0, fp=1, fn=1, party=(0, 0), date=(0, 0))),
    ("restatements merged", [GOLD_SIG], [ev("signed", "signature", "Freedonia"),
                                         ev("signed", "signature", "Freedonia", "2010-06-04", nth=1)],
     dict(tp=1, fp=0, fn=0, party=(1, 1), date=(1, 1))),
    ("optional neither required nor penalised", [{**GOLD_SIG, "optional": True}],
     [ev("signed", "signature", "Freedonia")], dict(tp=0, fp=0, fn=0, party=(0, 0), date=(0, 0))),
    ("preference for the agreeing party", [GOLD_SIG, GOLD_SIG2],
     [ev("signed", "signature", "Sylvania", nth=1), ev("signed", "signature", "Freedonia", "2010-06-04")],
     dict(tp=2, fp=0, fn=0, party=(2, 2), date=(1, 1))),
    ("wrong party and date", [GOLD_SIG], [ev("signed", "signature", "Sylvania", "2010")],
     dict(tp=1, fp=0, fn=0, party=(0, 1), date=(0, 1))),
    ("gold party null not scored", [{"action": "signature"}], [ev("signed", "signature", "Freedonia")],
     dict(tp=1, fp=0, fn=0, party=(0, 0), date=(0, 0))),
    ("party object", [GOLD_SIG], [ev("signed", "signature", NS(text="Freedonia", name="Freedonia", country=None))],
     dict(tp=1, fp=0, fn=0, party=(1, 1), date=(0, 1))),
    ("missed", [GOLD_SIG, GOLD_RAT], [], dict(tp=0, fp=0, fn=2, party=(0, 0), date=(0, 0))),
])
def test_action_scoring(label, events, preds, expect):
    rep = score([rcase(events=events)], fixed(Result(citations=[acc_cit(*preds)])))
    rel = rep.relations
    assert (rel.actions.tp, rel.actions.fp, rel.actions.fn) == (expect["tp"], expect["fp"], expect["fn"]), label
    assert (rel.party.correct, rel.party.n) == expect["party"], label
    assert (rel.date.correct, rel.date.n) == expect["date"], label


def test_proposed_excluded_and_counted():
    preds = [ev("signed", "signature", "Freedonia", status="proposed"),
             ev("ratified", "ratification", "Freedonia", status="done"),
             ev("signed", "ratification", "Sylvania", nth=1, status="announced")]
    rep = score([rcase(events=[GOLD_SIG, GOLD_RAT])], fixed(Result(citations=[acc_cit(*preds)])))
    rel = rep.relations
    assert (rel.actions.tp, rel.actions.fp, rel.actions.fn) == (1, 1, 1)
    assert rel.status["proposed"].acts == 1 and rel.status["proposed"].gold_hit == 1
    assert rel.status["done"].tp == 1 and rel.status["announced"].fp == 1
    table = format_report(rep, details=True)
    assert "proposed" in table and "excluded" in table
    assert 'proposed signature by "Freedonia"' in table


def test_events_on_instruments_outside_the_gold():
    # an act on a false-positive instrument is a false act; a gold instrument not found loses its acts
    grand = cit(TR, "Grand Marsh Charter", events=[ev("entered into force", "entry_into_force")])
    pact = {"action": "withdrawal", "instrument": "Pact of Nine", "party": ["Freedonia"], "trigger": "withdrew"}
    rep = score([rcase(events=[pact])], fixed(Result(citations=[grand])))
    rel = rep.relations
    assert (rel.actions.tp, rel.actions.fp, rel.actions.fn) == (0, 1, 1)
    assert rel.by_action["entry_into_force"].fp == 1 and rel.by_action["withdrawal"].fn == 1
    details = format_report(rep, details=True)
    assert "FP event entry_into_force" in details and "instrument not in the gold" in details
    assert 'FN event withdrawal by "Freedonia"' in details and '"withdrew"' in details


def test_document_actions_are_used_when_present():
    c = acc_cit(ev("signed", "signature", "Freedonia"), ev("signed", "signature", "Freedonia", nth=1))
    action = NS(citation=0, action="signature", status="done", party=NS(name="Freedonia", country=None),
                date=Date(text="4 June 2010", value="2010-06-04", start=0, end=1),
                evidence=[Mention(*span(TR, "signed"), "signed")])
    result = NS(citations=[c], dates=(), places=(), error=None, actions=[action])
    rel = score([rcase(events=[GOLD_SIG])], lambda text: result).relations
    assert (rel.actions.tp, rel.actions.fp, rel.events_predicted) == (1, 0, 1)
    assert rel.date.correct == 1


@pytest.mark.parametrize("gold_id,pred_id,expect", [
    ("CETS 126", "CETS-126", (1, 0, 0, 0)),
    ("CETS 126", None, (0, 0, 1, 0)),
    ("CETS 126", "CETS 127", (0, 1, 1, 0)),
    (None, "CETS 127", (0, 1, 0, 0)),
    (None, None, (0, 0, 0, 1)),
])
def test_link_scoring(gold_id, pred_id, expect):
    c = rcase(links=[("Accord on Lake Fishing", gold_id)])
    rel = score([c], fixed(Result(citations=[acc_cit(id=pred_id)]))).relations
    assert (rel.links.tp, rel.links.fp, rel.links.fn, rel.links_null_ok) == expect


@pytest.mark.parametrize("note, pred_id, expect", [
    # the gold says the knowledge base lacked the instrument; citex links one of its own added records
    ("Louvre Accord (1987), not in the KB", "GK LOUVRE-1987", (0, 0, 0, 1)),
    # a record the gold's knowledge base had: an id on a gold-null instrument stays wrong
    ("Louvre Accord (1987), not in the KB", "UNTS I-54113", (1, 0, 0, 0)),
    # a null for another reason (domestic law): wrong
    ("domestic law", "GK LOUVRE-1987", (1, 0, 0, 0)),
])
def test_link_to_a_record_the_gold_lacked_is_counted_apart(note, pred_id, expect):
    c = rcase(links=[("Accord on Lake Fishing", None)])
    c["links"][0]["note"] = note
    rep = score([c], fixed(Result(citations=[acc_cit(id=pred_id)])))
    rel = rep.relations
    assert (rel.links.fp, rel.links.fn, rel.links_null_ok, rel.links_new) == expect
    if expect[3]:
        assert "new record" in format_report(rep, details=True)


@pytest.mark.parametrize("surface, predicted, strict", [
    ("Water Sharing Convention", "Water Sharing Convention", (1, 0, 0)),
    # overlap is a match, but its boundary is wrong: a FP and a FN under strict boundaries
    ("Water Sharing Convention", "Sharing Convention of 3 May", (0, 1, 1)),
    # a name cut short
    ("Treaty of Harmony between Freedonia and Sylvania", "Treaty of Harmony", (0, 1, 1)),
])
def test_strict_boundaries(surface, predicted, strict):
    c = case(T1, [inst(surface)])
    rep = score([c], fixed(Result(citations=[cit(T1, predicted)])))
    s = rep.instruments_strict
    assert rep.instruments.tp == 1 and (s.tp, s.fp, s.fn) == strict
    assert "strict" in format_report(rep)
    if strict[1]:
        assert "bound " in format_report(rep, details=True)


def test_strict_boundaries_alias_and_protocol_list():
    text = "He ratified the Treaty of Harmony (TOH) and Protocols No. 1 and No. 2 thereto."
    c = case(text, [inst("Treaty of Harmony", aliases=["TOH"]),
                    inst("Protocols No. 1 and No. 2", number=1), inst("Protocols No. 1 and No. 2", number=2)])
    r = Result(citations=[cit(text, "TOH"), cit(text, "Protocols No. 1", number=1), cit(text, "No. 2", number=2)])
    s = score([c], fixed(r)).instruments_strict
    assert (s.tp, s.fp, s.fn) == (3, 0, 0)
    r = Result(citations=[cit(text, "Protocols No. 1", number=1)])
    s = score([c], fixed(r)).instruments_strict
    assert (s.tp, s.fp, s.fn) == (0, 1, 3)   # the alias and No. 2 missed, No. 1 not the whole list


def test_link_of_unfound_instrument_is_missed():
    c = rcase(links=[("Accord on Lake Fishing", "CETS 126"), ("Pact of Nine", None)])
    rel = score([c], fixed(Result())).relations
    assert (rel.links.tp, rel.links.fp, rel.links.fn, rel.links_null_ok) == (0, 0, 1, 0)
    assert rel.links.p is None and rel.links.r == 0.0


def test_nothing_to_score_prints_dash():
    rep = score([rcase()], fixed(Result(citations=[acc_cit()])))
    assert rep.relations.cases == 1 and rep.relations.actions.f is None and rep.relations.links.f is None
    table = format_report(rep)
    line = next(l for l in table.splitlines() if l.startswith("actions"))
    assert "–" in line and "1.000" not in line
    d = rep.to_dict()
    assert d["actions"]["f1"] is None and d["links"]["precision"] is None
    assert target_value(rep, "actions") is None
    no_gold = format_report(score([case(TR)], fixed(Result())))
    assert "no relations gold" in no_gold


def test_cli_relations_beside_and_targets(tmp_path, capsys):
    c = case(TR, [inst("Accord on Lake Fishing")], id="lake")
    path = _write(tmp_path, "cases.jsonl", [c])
    rel = {"id": "lake", "links": [{"surface": "Accord on Lake Fishing", "number": None, "kb_id": "XX 1"}],
           "events": [{"instrument": "Accord on Lake Fishing", "number": None, "trigger": "signed", **GOLD_SIG}]}
    (tmp_path / "relations.jsonl").write_text(json.dumps(rel) + "\n", encoding="utf-8")
    ex = fixed(Result(citations=[acc_cit(ev("signed", "signature", "Freedonia"), id="XX-1")]))
    assert cli([path], extract=ex) == 0
    out = capsys.readouterr().out
    assert "links" in out and "actions" in out and "signature" in out and "party" in out
    assert cli([path, "--min-f1", "actions=0.85,links=1,actions.signature=1,actions.party=1"], extract=ex) == 0
    assert cli([path, "--min-f1", "actions.date=0.9"], extract=ex) == 1
    assert "actions.date 0.000 < 0.900" in capsys.readouterr().err
    assert cli([path, "--min-f1", "actions.withdrawal=0.5"], extract=ex) == 1      # nothing to score
    assert "nothing to score" in capsys.readouterr().err
    assert cli([path, "--min-f1", "actions.bogus=0.5"], extract=ex) == 2
    assert cli([path, "--json", "--details"], extract=ex) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["actions"]["tp"] == 1 and out["links"]["tp"] == 1
    assert out["case_results"][0]["relations"]["wrong_event_attributes"][0]["attribute"] == "date"
    # --relations given explicitly; a file without the case id scores no relations
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "elsewhere", "links": [], "events": []}) + "\n", encoding="utf-8")
    assert cli([path, "--relations", str(other)], extract=ex) == 0
    assert "no relations gold" in capsys.readouterr().out
    other.write_text("{bad\n", encoding="utf-8")
    assert cli([path, "--relations", str(other)], extract=ex) == 2


def test_published_passed_to_an_extract_that_takes_it():
    seen = []

    def ex(text, published=None):
        seen.append(published)
        return Result()

    c = case(TR)
    c["published"] = "2024-05-01"
    score([c, case(TR)], ex)
    score([c], fixed(Result()))                                  # a one-argument extract still works
    assert seen == ["2024-05-01", None]


def _dev(name):
    return next((d / name for d in (DEV, DEV_ALT) if (d / name).exists()), None)


def _oracle(cases):
    """A perfect extractor built from the gold instruments, links and events."""
    by_text = {c["text"]: c for c in cases}

    def extract(text, published=None):
        gold = by_text[text]
        links = {(l["surface"], l["number"]): l["kb_id"] for l in gold.get("links", ())}
        cits = []
        for g in gold["instruments"]:
            a = text.index(g["surface"])
            evs = []
            for e in gold.get("events", ()):
                if (e["instrument"], e.get("number")) == (g["surface"], g["number"]):
                    t = text.index(e["trigger"])
                    d = Date(text="x", value=e["date"], start=0, end=1) if e.get("date") else None
                    evs.append(Event(action=e["action"], party=(e.get("party") or [None])[0], date=d, place=None,
                                     start=t, end=t + len(e["trigger"]), text=e["trigger"]))
            cits.append(Citation(kind=g["kind"], title=g["surface"], start=a, end=a + len(g["surface"]),
                                 text=g["surface"], number=g["number"], id=links.get((g["surface"], g["number"])),
                                 mentions=[Mention(a, a + len(g["surface"]), g["surface"])], events=evs))
        return Result(citations=cits)
    return extract


@pytest.mark.parametrize("names", [["actions_cases.jsonl"], ["cases.jsonl", "corpus_cases.jsonl"]])
def test_dev_relations_gold_scores_perfectly(names):
    from citex.cli.evaluate import _load
    paths = [_dev(n) for n in names]
    if None in paths:
        pytest.skip("dev cases not available")
    cases = [c for _, cs in _load([str(p) for p in paths], None) for c in cs]
    rep = score(cases, _oracle(cases))
    rel = rep.relations
    assert rel.cases == len(cases)
    assert rel.links.fp == 0 and rel.links.fn == 0 and rel.links.tp > 0
    assert rel.actions.fp == 0 and rel.actions.fn == 0 and rel.actions.tp > 0, format_report(rep, details=True)
    assert rel.party.accuracy == 1.0 and rel.date.accuracy == 1.0


def test_dev_evaluate_command_prints_the_new_sections(capsys):
    paths = [_dev(n) for n in ("cases.jsonl", "corpus_cases.jsonl", "actions_cases.jsonl")]
    if None in paths:
        pytest.skip("dev cases not available")
    assert cli([str(p) for p in paths] + ["--details"]) == 0
    out = capsys.readouterr().out
    assert "combined: 132 cases" in out
    for section in ("links", "actions", "action attribute", "  party", "  date", "132 cases with relations gold"):
        assert section in out, section
    assert "FN event" in out


def test_strict_boundaries_are_a_target():
    rep = score([case(T1, [inst("Water Sharing Convention")])], fixed(Result(citations=[cit(T1, "Sharing Convention of 3 May")])))
    assert target_value(rep, "instruments") == 1.0 and target_value(rep, "instruments_strict") == 0.0


def test_cli_manifest_dates_cases_cut_from_a_corpus(tmp_path, capsys):
    # a case cut from a corpus article takes the article's date from the corpus manifest, by its source path
    corpus = tmp_path / "corpus" / "wire"
    (corpus / "test").mkdir(parents=True)
    (corpus / "MANIFEST.tsv").write_text("file\tdate\ntest/7.txt\t9-APR-1987 01:02:03.00\n", encoding="utf-8")
    cases = [{"id": "a", "source": "corpus/wire/test/7.txt", "text": "x"},
             {"id": "b", "source": "corpus/wire/test/8.txt", "text": "x"},
             {"id": "c", "source": "corpus/wire/test/7.txt", "published": "2001-01-01", "text": "x"}]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases), encoding="utf-8")
    seen = []

    def ex(text, published=None):
        seen.append(published)
        return Result()
    assert cli([str(path), "--manifest", str(corpus / "MANIFEST.tsv")], extract=ex) == 0
    assert seen == ["1987-04-09", None, "2001-01-01"]
    assert cli([str(path), "--manifest", str(tmp_path / "none.tsv")], extract=ex) == 2
