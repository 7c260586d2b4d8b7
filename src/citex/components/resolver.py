"""``citex_resolver``: protocols to parents, own dates and places, treaty actions, merged mentions."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from citex.components.base import Stage, put_state, shared_extractor


class ResolverComponent(Stage):
    stage = "stage_resolve"

    def after(self, doc, st):
        put_state(doc, st, result=True)


@Language.factory("citex_resolver", assigns=["doc.spans", "doc._.citex"], default_config={"kb_path": None})
def make_resolver(nlp: Language, name: str, kb_path: Optional[str]) -> ResolverComponent:
    return ResolverComponent(nlp, name, shared_extractor(kb_path))
