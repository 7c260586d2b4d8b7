"""``citex_instruments``: candidate instrument names (grammar) and knowledge-base acronyms."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language

from citex.components.base import Stage, shared_extractor


class InstrumentFinder(Stage):
    stage = "stage_instruments"


@Language.factory("citex_instruments", assigns=["doc.spans"], default_config={"kb_path": None})
def make_instruments(nlp: Language, name: str, kb_path: Optional[str]) -> InstrumentFinder:
    return InstrumentFinder(nlp, name, shared_extractor(kb_path))
