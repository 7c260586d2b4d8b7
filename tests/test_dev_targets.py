"""The dev-set targets of the core issue, measured with the project's own evaluation code."""
import pytest

import citex
from citex import evaluate as E
from conftest import DEV, needs


@needs(DEV / "cases.jsonl")
@pytest.mark.parametrize("name", ["cases.jsonl", "corpus_cases.jsonl"])
def test_dev_targets(name):
    rep = E.score(E.load_cases(DEV / name), citex.extract).to_dict()
    f1 = {k: rep[k]["f1"] for k in ("instruments", "dates", "places")}
    assert f1["instruments"] >= 0.90, f1
    assert f1["dates"] >= 0.95, f1
    assert f1["places"] >= 0.90, f1


@needs(DEV / "relations.jsonl")
def test_dev_link_and_own_date_targets():
    """Issue 13 on every dev file: knowledge-base links and own dates (floors a little under the
    measured figures; the link precision counts as wrong the links to records added for the
    issue's knowledge-base gaps (Louvre and Plaza Accords), whose gold predates them)."""
    rel = E.load_relations(DEV / "relations.jsonl")
    reports = []
    for name in ("cases.jsonl", "corpus_cases.jsonl", "actions_cases.jsonl"):
        if not (DEV / name).exists():
            pytest.skip(f"{name} is not here")
        cases = E.load_cases(DEV / name)
        E.attach_relations(cases, rel)
        reports.append(E.score(cases, lambda t, **kw: citex.extract(t, **kw), name))
    final = E.combine(reports)
    links = final.relations.links
    assert links.recall >= 0.90 and links.precision >= 0.94, links.to_dict()
    assert final.attributes["date"].accuracy >= 0.90, final.attributes["date"].to_dict()
    assert final.instruments.duplicates <= 7   # (the Optional Protocols to the CRC: the gold numbers them)


@needs(DEV / "cases.jsonl")
@pytest.mark.parametrize("name", ["cases.jsonl", "corpus_cases.jsonl", "actions_cases.jsonl"])
def test_dev_place_and_date_targets_per_file(name):
    """Issue 14 on every dev file: places F1 >= 0.97 and dates F1 >= 0.98 (measured 1.000 / 1.000,
    1.000 / 1.000, 0.988 / 1.000)."""
    if not (DEV / name).exists():
        pytest.skip(f"{name} is not here")
    rep = E.score(E.load_cases(DEV / name), lambda t, **kw: citex.extract(t, **kw)).to_dict()
    assert rep["places"]["f1"] >= 0.97, rep["places"]
    assert rep["dates"]["f1"] >= 0.98, rep["dates"]
