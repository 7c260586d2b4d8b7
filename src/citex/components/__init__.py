"""spaCy components, one per module, each registered with ``@Language.factory`` and listed under
the ``spacy_factories`` entry point, so ``nlp.add_pipe("citex_dates")`` works without an import."""
from __future__ import annotations

from typing import Optional

from citex.components import dates, instruments, linker, ner, places, resolver  # noqa: F401  (registers the factories)
from citex.components.base import register_extensions

NAMES = ("citex_dates", "citex_places", "citex_instruments", "citex_resolver", "citex_linker")


def build_pipeline(kb: Optional[str] = None, sentencizer: bool = True, ner=None, linker=None):
    import spacy
    from citex.components.tokenizer import SafeTokenizer
    nlp = spacy.blank("en")
    nlp.tokenizer = SafeTokenizer(nlp.tokenizer)  # spaCy's, but linear on long runs of punctuation
    if sentencizer:
        nlp.add_pipe("sentencizer")
    for name in NAMES:
        cfg = {"kb_path": kb} if name in ("citex_instruments", "citex_resolver", "citex_linker") else {}
        nlp.add_pipe(name, config=cfg)
        if name == "citex_places" and ner is not None and ner is not False:
            is_spec = isinstance(ner, str) or ner is True
            pipe = nlp.add_pipe("citex_ner", config={"model": "builtin" if ner is True else ner} if is_spec else {})
            if not is_spec:  # a Language (or a path object): not a config value
                pipe.set_model(ner)
    if linker is not None:  # an object, not a config value: the stages that link share one extractor
        from citex.pipeline.extractor import Extractor
        ex = Extractor(linker=linker)
        for name in ("citex_instruments", "citex_resolver", "citex_linker"):
            nlp.get_pipe(name).extractor = ex
    register_extensions()
    return nlp
