"""The statistical NER stage (issue 6): offline model, unforeseen names, rules win, user pipelines."""
from __future__ import annotations

import socket
import time

import pytest
import spacy

import citex
from citex.ner import BUILTIN, NerModel, load_ner
from citex.pipeline import Extractor

# written for this test: neither the grammar (no head word it knows) nor the knowledge base has the name
UNFORESEEN = "The government said it would ratify the Svalbard Arrangement on Arctic Fisheries before the end of the year."
UNFORESEEN_NAME = "Svalbard Arrangement on Arctic Fisheries"
GOLDEN = ("To denounce the European Convention for the Prevention of Torture and Inhuman or Degrading "
          "Treatment or Punishment of 26 November 1987 and Protocols No. 1 and No. 2 of 4 November 1993 "
          "thereto, signed on behalf of the Russian Federation in Strasbourg on 28 February 1996")


def _summary(res):
    return ([(c.start, c.end, c.kind, c.title, c.number, c.id) for c in res.citations],
            [(p.start, p.end, p.country) for p in res.places], [(d.start, d.end, d.value) for d in res.dates])


def test_builtin_model_ships_small_and_loads_offline(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("the NER stage tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    size = sum(p.stat().st_size for p in BUILTIN.rglob("*") if p.is_file())
    assert size < 15e6
    t = time.perf_counter()
    nlp = spacy.load(BUILTIN)
    assert time.perf_counter() - t < 3.0  # ~0.5 s on a quiet machine; generous for a shared one
    assert {"INSTRUMENT", "PLACE"} <= set(nlp.get_pipe("ner").labels)
    assert isinstance(load_ner("builtin"), NerModel)


def test_finds_an_instrument_no_rule_foresaw():
    rules = citex.extract(UNFORESEEN)
    assert not rules.citations  # the rules and the knowledge base alone miss it
    res = citex.extract(UNFORESEEN, ner="builtin")
    found = [c for c in res.citations if c.text == UNFORESEEN_NAME]
    assert found and found[0].kind == "other" and found[0].id is None
    assert UNFORESEEN[found[0].start:found[0].end] == UNFORESEEN_NAME


def test_off_by_default_and_neutral_on_rule_matches():
    assert _summary(citex.extract(GOLDEN)) == _summary(citex.extract(GOLDEN, ner=None))
    assert _summary(citex.extract(GOLDEN, ner="builtin")) == _summary(citex.extract(GOLDEN))


def _ruler_pipeline(patterns):
    """A blank English pipeline whose only entities are ``patterns`` (a user's "NER model")."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    return nlp


def test_never_overrides_a_rule_match():
    # a user model that labels a piece of a rule-found name, and a rule-found place, differently
    nlp = _ruler_pipeline([
        {"label": "LAW", "pattern": "Prevention of Torture"},
        {"label": "LAW", "pattern": "Strasbourg"},
        {"label": "GPE", "pattern": [{"LOWER": "european"}, {"LOWER": "convention"}]},
    ])
    assert _summary(citex.extract(GOLDEN, ner=nlp)) == _summary(citex.extract(GOLDEN))


def test_user_pipeline_law_and_gpe_entities_are_mapped():
    nlp = _ruler_pipeline([
        {"label": "LAW", "pattern": "Blue Ocean Compact"},
        {"label": "GPE", "pattern": "Zanzibaria"},
        {"label": "DATE", "pattern": "Tuesday"},
        {"label": "PERSON", "pattern": "Ann Smith"},
    ])
    text = "Ann Smith said on Tuesday that talks in Zanzibaria on the Blue Ocean Compact had stalled."
    res = citex.extract(text, ner=nlp)
    assert [(c.text, c.kind) for c in res.citations] == [("Blue Ocean Compact", "other")]
    assert [(p.text, p.country) for p in res.places] == [("Zanzibaria", None)]
    assert not citex.extract(text).citations
    # the same through the spaCy pipeline
    pipe = citex.load(ner=nlp)
    assert "citex_ner" in pipe.pipe_names
    assert pipe.pipe_names.index("citex_places") < pipe.pipe_names.index("citex_ner") < pipe.pipe_names.index("citex_instruments")
    doc = pipe(text)
    assert _summary(doc._.citex) == _summary(res)
    assert [s.text for s in doc.spans["citex_ner"]] == ["Zanzibaria", "Blue Ocean Compact"]


def test_component_by_entry_point_and_extractor():
    nlp = citex.load(ner="builtin")
    assert _summary(nlp(UNFORESEEN)._.citex) == _summary(citex.extract(UNFORESEEN, ner="builtin"))
    blank = spacy.blank("en")
    blank.add_pipe("citex_ner")  # registered factory, no config needed
    assert Extractor(ner=None).ner is None
    with pytest.raises(TypeError):
        load_ner(42)


def test_cli_ner_flag(tmp_path, capsys):
    from citex.cli import main
    f = tmp_path / "a.txt"
    f.write_text(UNFORESEEN, encoding="utf-8")
    assert main(["extract", str(f), "-q", "-j", "1"]) == 0
    assert UNFORESEEN_NAME not in capsys.readouterr().out
    assert main(["extract", str(f), "-q", "-j", "1", "--ner"]) == 0
    assert UNFORESEEN_NAME in capsys.readouterr().out
    assert main(["extract", str(f), "-q", "-j", "1", "--ner", "--no-ner"]) == 0
    assert UNFORESEEN_NAME not in capsys.readouterr().out
