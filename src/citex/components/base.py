"""What the citex spaCy components share: the per-document working state and the component class.

Each component runs one stage of the stage table (:mod:`citex.pipeline.stages`) on ``doc.text``.
The working state between components never travels in the ``Doc``: it is kept in this process,
keyed to the ``Doc`` object itself (weakly: it goes with the doc), so nothing a document brings
(a ``DocBin`` from elsewhere, ``doc.user_data``) is ever unpickled or trusted.  The finished result
is plain data (``doc.user_data["citex"]``, read through ``doc._.citex``), so docs serialise
(``Doc.to_bytes``) and ``nlp.pipe(n_process=…)`` works.  A component whose earlier stages did not
run on a doc (a doc read back from bytes, a pipeline that starts later) runs them itself.
"""
from __future__ import annotations

import weakref
from typing import Optional

from spacy.tokens import Doc

from citex.models import Result
from citex.pipeline.extractor import Extractor, State, to_result
from citex.pipeline.stages import STAGES, Stage

RESULT_KEY = "citex"
PUBLISHED_KEY = "citex_published"
LEGACY_STATE_KEY = "citex_state"  # where older versions kept a pickle: removed, never read

# doc → (index in STAGES of the last stage run, its State); weak keys: the entry goes with the doc
_STATES: "weakref.WeakKeyDictionary[Doc, tuple[int, State]]" = weakref.WeakKeyDictionary()

# what each stage's component shows in ``doc.spans[stage.spans]`` (result stages: the mentions)
_FINDS = {
    "dates": lambda st: [(d.start, d.end, "DATE") for d in st.dates],
    "places": lambda st: [(p.start, p.end, "PLACE") for p in st.places],
    "ner": lambda st: st.ner,
}


def _result_getter(doc: Doc) -> Optional[Result]:
    data = doc.user_data.get(RESULT_KEY)
    return Result.from_dict(data) if data is not None else None


def register_extensions() -> None:
    """Idempotent: re-running a notebook cell never fails."""
    if not Doc.has_extension("citex"):
        Doc.set_extension("citex", getter=_result_getter)


def set_spans(doc: Doc, key: str, spans) -> None:
    out = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    doc.spans[key] = out


def _published(doc: Doc):
    from citex.grammar.dates import parse_published
    return parse_published(doc.user_data.get(PUBLISHED_KEY))


class Component:
    """The spaCy component of one stage (one row of the stage table)."""

    def __init__(self, nlp, name: str, stage: Stage, extractor: Extractor):
        self.name = name
        self.stage = stage
        self.index = STAGES.index(stage)
        self.extractor = extractor
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        st = self._state(doc)
        if st.text:
            getattr(self.extractor, self.stage.method)(st)
        self._publish(doc, st)
        return doc

    def set_model(self, model) -> None:
        """``citex_ner``: use another model: ``"builtin"``, a pipeline name or path, or a ``Language``."""
        from citex.ner.model import load_ner
        self.extractor.ner = load_ner(model)

    def _state(self, doc: Doc) -> State:
        """The state the earlier components left for this doc, or a new one with the earlier
        (non-optional) stages run here."""
        doc.user_data.pop(LEGACY_STATE_KEY, None)
        entry = _STATES.get(doc)
        if entry is not None and entry[0] < self.index:
            return entry[1]
        st = State(text=doc.text, published=_published(doc))
        if st.text:
            for earlier in STAGES[:self.index]:
                if not earlier.optional:
                    getattr(self.extractor, earlier.method)(st)
        return st

    def _publish(self, doc: Doc, st: State) -> None:
        if self.stage.result:
            res = to_result(st, doc.user_data.get("doc_id"))
            doc.user_data[RESULT_KEY] = res.to_dict()
            finds = [(m.start, m.end, c.kind) for c in res.citations for m in c.mentions]
        else:
            finds = _FINDS[self.stage.name](st) if self.stage.spans else ()
        if self.stage.spans:
            set_spans(doc, self.stage.spans, finds)
        if self.index == len(STAGES) - 1:  # the last citex stage: drop the working state
            _STATES.pop(doc, None)
        else:
            _STATES[doc] = (self.index, st)
