"""The one cache of loaded resources (knowledge base and linker, extractors with their gazetteer and
NER model) behind both ``citex.extract`` and the spaCy components."""
from __future__ import annotations

import functools
from typing import Optional

from citex import limits
from citex.pipeline.extractor import Extractor
from citex.text.read import bounded_file_problem


@functools.lru_cache(maxsize=8)
def linker_for(kb_path: Optional[str] = None):
    """The linker over the bundled knowledge base, extended with the records of ``kb_path`` (CSV)."""
    from citex.link.kb import KnowledgeBase
    from citex.link.linker import Linker
    kb = KnowledgeBase.bundled()
    if kb_path:
        problem = bounded_file_problem(kb_path, limits.KB_MAX_BYTES)  # reads are bounded: no link to /dev/zero
        if problem:
            raise ValueError(f"knowledge-base file {kb_path}: {problem}")
        kb = kb.merge(KnowledgeBase.from_csv(kb_path))
    return Linker(kb)


@functools.lru_cache(maxsize=8)
def extractor_for(kb_path: Optional[str] = None, ner=None, places: bool = True, kb: bool = True):
    """One cached :class:`Extractor` per (KB file, NER choice, with places, with a knowledge base):
    the one cache behind ``citex.extract`` and the spaCy components."""
    return Extractor(linker=linker_for(kb_path) if kb else None, places=places, ner=ner)
