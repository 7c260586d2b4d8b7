"""spaCy components, one per row of the stage table (:mod:`citex.pipeline.stages`), registered in
:mod:`citex.components.factories` and listed under the ``spacy_factories`` entry point, so
``nlp.add_pipe("citex_dates")`` works without an import."""
from __future__ import annotations

from typing import Optional

from citex.components import factories  # noqa: F401  (registers the factories)
from citex.components.base import register_extensions
from citex.pipeline.stages import STAGES

NAMES = tuple(s.factory for s in STAGES if not s.optional)


def build_pipeline(kb: Optional[str] = None, sentencizer: bool = True, ner=None, linker=None):
    """A blank English pipeline with the citex components in the stage table's order (``citex_ner``
    only with ``ner``: ``True``/``"builtin"``, a pipeline name or path, or a ``Language``); ``linker``
    replaces the knowledge-base linker (any :class:`citex.protocols.Linker`)."""
    import spacy
    from citex.components.tokenizer import SafeTokenizer
    nlp = spacy.blank("en")
    nlp.tokenizer = SafeTokenizer(nlp.tokenizer)  # spaCy's, but linear on long runs of punctuation
    if sentencizer:
        nlp.add_pipe("sentencizer")
    with_ner = ner is not None and ner is not False
    for stage in STAGES:
        if stage.optional and not (stage.name == "ner" and with_ner):
            continue
        cfg = {}
        if "kb_path" in dict(stage.config):
            cfg["kb_path"] = kb
        if stage.name == "ner":
            is_spec = isinstance(ner, str) or ner is True
            cfg = {"model": "builtin" if ner is True else ner} if is_spec else {}
        pipe = nlp.add_pipe(stage.factory, config=cfg)
        if stage.name == "ner" and not (isinstance(ner, str) or ner is True):
            pipe.set_model(ner)  # a Language (or a path object): not a config value
    if linker is not None:  # an object, not a config value: the stages that link share one extractor
        from citex.pipeline.extractor import Extractor
        ex = Extractor(linker=linker)
        for name in ("citex_instruments", "citex_resolver", "citex_linker"):
            nlp.get_pipe(name).extractor = ex
    register_extensions()
    return nlp
