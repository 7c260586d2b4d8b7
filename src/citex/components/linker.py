"""``citex_linker``: knowledge-base ids and canonical titles; extend the KB with ``kb_path`` (CSV)."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from citex.components.base import STATE_KEY, Stage, put_state, shared_extractor


class LinkerComponent(Stage):
    stage = "stage_link"

    def after(self, doc, st):
        put_state(doc, st, result=True)
        # the last citex stage: drop the working state, keep the plain result
        doc.user_data.pop(STATE_KEY, None)


@Language.factory("citex_linker", assigns=["doc._.citex"], default_config={"kb_path": None})
def make_linker(nlp: Language, name: str, kb_path: Optional[str]) -> LinkerComponent:
    return LinkerComponent(nlp, name, shared_extractor(kb_path))
