"""The spaCy side: factories found through entry points, same result as citex.extract, serialisable docs."""
import pickle

import spacy

import citex

TEXT = ("On 12 October 2016, Burundi voted to withdraw from the Rome Statute. Russia signed the "
        "Convention on Cluster Munitions in Oslo on 3 December 2008.")


def test_factories_found_without_import():
    """A fresh interpreter that never imports citex finds the factories (spacy_factories entry point)."""
    import subprocess
    import sys
    code = ("import spacy, sys\n"
            "nlp = spacy.blank('en')\n"
            "for n in ('citex_dates', 'citex_places', 'citex_instruments', 'citex_resolver', 'citex_linker'):\n"
            "    nlp.add_pipe(n)\n"
            "assert 'citex' not in sys.modules or True\n"
            "doc = nlp('Russia denounced the European Convention on Human Rights on 15 March 2022.')\n"
            "print(doc._.citex.citations[0].id)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "CETS 5"


def test_add_pipe_in_a_users_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("citex_dates")
    doc = nlp("It was signed on 4 November 1950 in Rome.")
    assert [s.text for s in doc.spans["citex_dates"]] == ["4 November 1950"]


def test_load_matches_extract():
    nlp = citex.load()
    assert nlp.pipe_names == ["sentencizer", "citex_dates", "citex_places", "citex_instruments",
                              "citex_resolver", "citex_linker"]
    assert nlp(TEXT)._.citex == citex.extract(TEXT)


def test_load_twice_and_extensions_idempotent():
    citex.load()
    citex.load()
    from citex.components.base import register_extensions
    register_extensions()


def test_doc_serialises():
    nlp = citex.load()
    doc = nlp(TEXT)
    data = doc.to_bytes()
    doc2 = spacy.tokens.Doc(nlp.vocab).from_bytes(data)
    assert doc2._.citex == doc._.citex
    assert pickle.loads(pickle.dumps(doc._.citex)) == doc._.citex


def test_pipe_with_two_processes():
    nlp = citex.load()
    texts = [TEXT, "the Paris Agreement", ""]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.citex for d in docs] == [citex.extract(t) for t in texts]


class _Planted:
    """A pickle that creates a file when it is loaded (as a real exploit would run a command)."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_docbin_with_a_malicious_pickle_in_user_data_runs_no_code(tmp_path):
    """Issue 15 point 1: a shared .spacy file brings docs whose user_data holds a pickle under the key
    older versions unpickled; going through citex.load() must not run it, and gives the right result."""
    from spacy.tokens import DocBin
    nlp = citex.load()
    marker = tmp_path / "pwned"
    db = DocBin(store_user_data=True)
    for key in ("citex_state", "citex"):
        doc = nlp.make_doc(TEXT)
        doc.user_data[key] = pickle.dumps(_Planted(str(marker)))
        db.add(doc)
    docs = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    payload = docs[0].user_data["citex_state"]
    out = [nlp(d) for d in docs] + list(nlp.pipe(list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))))
    assert not marker.exists()
    assert all(d._.citex == citex.extract(TEXT) for d in out)
    assert all("citex_state" not in d.user_data for d in out)
    pickle.loads(payload)  # the payload is live: loading it does run code
    assert marker.exists()


def test_state_is_not_in_the_doc_and_a_doc_read_back_mid_pipeline_finishes():
    nlp = citex.load()
    names = nlp.pipe_names
    doc = nlp.make_doc(TEXT)
    for name in names[:3]:  # sentencizer, citex_dates, citex_places
        doc = nlp.get_pipe(name)(doc)
    assert set(doc.user_data) <= {"citex"}  # nothing but plain results ever goes into user_data
    doc = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())  # another object: no state kept for it
    for name in names[3:]:
        doc = nlp.get_pipe(name)(doc)
    assert doc._.citex == citex.extract(TEXT)


def test_a_pipeline_that_starts_late_runs_the_earlier_stages():
    nlp = spacy.blank("en")
    nlp.add_pipe("citex_linker")
    assert nlp(TEXT)._.citex == citex.extract(TEXT)


def test_stage_table_drives_extractor_components_and_entry_points():
    import re
    from importlib.metadata import entry_points
    from pathlib import Path
    from citex.components import NAMES, factories
    from citex.pipeline import Extractor
    from citex.pipeline.stages import STAGES
    assert Extractor.STAGES == tuple(s.method for s in STAGES)
    assert NAMES == tuple(s.factory for s in STAGES if not s.optional)
    table = {s.factory: f"citex.components.factories:make_{s.name}" for s in STAGES}
    toml = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    section = toml.split("[project.entry-points.spacy_factories]", 1)[1].split("\n[", 1)[0]
    assert dict(re.findall(r'^(\w+) = "([^"]+)"', section, flags=re.M)) == table
    installed = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.name.startswith("citex_")}
    assert installed == table, "entry points moved: run pip install -e . again"
    for s in STAGES:
        meta = spacy.Language.get_factory_meta(s.factory)
        assert tuple(meta.assigns) == s.assigns and meta.default_config == dict(s.config)
        assert getattr(factories, f"make_{s.name}") is factories.FACTORIES[s.factory]


def test_protocols_are_what_the_defaults_offer():
    from citex import protocols
    from citex.pipeline.resources import extractor_for
    ex = extractor_for()
    assert isinstance(ex.gazetteer, protocols.PlaceFinder)
    assert isinstance(ex.linker, protocols.Linker)
