"""``citex_ner``: a statistical NER model proposes instrument names and places (``doc.spans["citex_ner"]``)
that ``citex_instruments`` adds where no rule matched.  ``model``: ``"builtin"`` (the compact model
shipped in ``citex/data/ner``) or a spaCy pipeline name or path; ``set_model`` takes a ``Language``."""
from __future__ import annotations

from spacy.language import Language

from citex.pipeline.extractor import Extractor
from citex.components.base import Stage, put_state, set_spans

SPAN_KEY = "citex_ner"


class NerStage(Stage):
    stage = "stage_ner"

    def set_model(self, model) -> None:
        """Use another model: ``"builtin"``, a pipeline name or path, or a ``Language``."""
        from citex.ner.model import load_ner
        self.extractor.ner = load_ner(model)

    def after(self, doc, st):
        set_spans(doc, SPAN_KEY, st.ner)
        put_state(doc, st)


@Language.factory("citex_ner", assigns=["doc.spans"], default_config={"model": "builtin"})
def make_ner(nlp: Language, name: str, model: str) -> NerStage:
    # an extractor of its own: only its NER stage runs here (no gazetteer, no knowledge base)
    return NerStage(nlp, name, Extractor(places=False, ner=model))
