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
