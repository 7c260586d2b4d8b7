"""What the citex spaCy components share: the per-document state and the loaded resources.

Each component runs one stage of :class:`citex.pipeline.Extractor` on ``doc.text``.
The state between components travels in ``doc.user_data`` as pickled bytes, and the
finished result as a plain dict (``doc.user_data["citex"]``, read through
``doc._.citex``), so docs serialise (``Doc.to_bytes``) and ``nlp.pipe(n_process=…)`` works.
"""
from __future__ import annotations

import functools
import pickle
from typing import Optional

from spacy.tokens import Doc

from citex.models import Result
from citex.pipeline.extractor import Extractor, State, to_result

STATE_KEY = "citex_state"
RESULT_KEY = "citex"
PUBLISHED_KEY = "citex_published"
SPAN_KEYS = {"instruments": "citex_instruments", "dates": "citex_dates", "places": "citex_places"}


def _result_getter(doc: Doc) -> Optional[Result]:
    data = doc.user_data.get(RESULT_KEY)
    return Result.from_dict(data) if data is not None else None


def register_extensions() -> None:
    """Idempotent: re-running a notebook cell never fails."""
    if not Doc.has_extension("citex"):
        Doc.set_extension("citex", getter=_result_getter)


@functools.lru_cache(maxsize=4)
def shared_extractor(kb_path: Optional[str] = None, with_places: bool = True, with_kb: bool = True) -> Extractor:
    linker = None
    if with_kb:
        from citex.link.kb import KnowledgeBase
        from citex.link.linker import Linker
        kb = KnowledgeBase.bundled()
        if kb_path:
            kb = kb.merge(KnowledgeBase.from_csv(kb_path))
        linker = Linker(kb)
    return Extractor(linker=linker, places=with_places)


def get_state(doc: Doc) -> State:
    raw = doc.user_data.get(STATE_KEY)
    if raw is not None:
        return pickle.loads(raw)
    from citex.grammar.dates import parse_published
    return State(text=doc.text, published=parse_published(doc.user_data.get(PUBLISHED_KEY)))


def put_state(doc: Doc, st: State, result: bool = False) -> None:
    doc.user_data[STATE_KEY] = pickle.dumps(st, protocol=pickle.HIGHEST_PROTOCOL)
    if result:
        res = to_result(st, doc.user_data.get("doc_id"))
        doc.user_data[RESULT_KEY] = res.to_dict()
        set_spans(doc, SPAN_KEYS["instruments"], [(m.start, m.end, c.kind) for c in res.citations for m in c.mentions])


def set_spans(doc: Doc, key: str, spans) -> None:
    out = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    doc.spans[key] = out


class Stage:
    """A component that runs one named stage of the extractor."""

    stage = ""

    def __init__(self, nlp, name: str, extractor: Extractor):
        self.name = name
        self.extractor = extractor
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        st = get_state(doc)
        if st.text:
            getattr(self.extractor, self.stage)(st)
        self.after(doc, st)
        return doc

    def after(self, doc: Doc, st: State) -> None:
        put_state(doc, st)
