"""``citex_places``: countries, regions and cities from the bundled gazetteer."""
from __future__ import annotations

from spacy.language import Language

from citex.components.base import SPAN_KEYS, Stage, put_state, set_spans, shared_extractor


class PlaceFinder(Stage):
    stage = "stage_places"

    def after(self, doc, st):
        set_spans(doc, SPAN_KEYS["places"], [(p.start, p.end, "PLACE") for p in st.places])
        put_state(doc, st)


@Language.factory("citex_places", assigns=["doc.spans"], default_config={})
def make_places(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name, shared_extractor(with_kb=False))
