"""``citex_dates``: absolute dates (and relative ones when ``doc.user_data["citex_published"]`` is set)."""
from __future__ import annotations

from spacy.language import Language

from citex.components.base import SPAN_KEYS, Stage, put_state, set_spans, shared_extractor


class DateFinder(Stage):
    stage = "stage_dates"

    def after(self, doc, st):
        set_spans(doc, SPAN_KEYS["dates"], [(d.start, d.end, "DATE") for d in st.dates])
        put_state(doc, st)


@Language.factory("citex_dates", assigns=["doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name, shared_extractor(with_places=False, with_kb=False))
