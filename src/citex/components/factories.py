"""One spaCy factory per row of the stage table (:data:`citex.pipeline.stages.STAGES`), registered
with ``Language.factory`` under the stage's ``factory`` name with its ``assigns`` and default config.
The ``spacy_factories`` entry points (pyproject.toml) name the ``make_<stage>`` functions defined
here, so ``nlp.add_pipe("citex_dates")`` works in any pipeline without an import."""
from __future__ import annotations

import inspect

from spacy.language import Language

from citex.components.base import Component
from citex.pipeline.extractor import Extractor
from citex.pipeline.resources import extractor_for
from citex.pipeline.stages import GAZETTEER, LINKER, NER, STAGES, Stage, needs


def _extractor(stage: Stage, config: dict) -> Extractor:
    need = needs(stage)
    if NER in stage.requires:  # an extractor of its own: ``set_model`` changes its model
        return Extractor(places=GAZETTEER in need, ner=config["model"])
    return extractor_for(config.get("kb_path") if LINKER in need else None,
                         places=GAZETTEER in need, kb=LINKER in need)


def _factory(stage: Stage):
    def make(nlp: Language, name: str, **config) -> Component:
        return Component(nlp, name, stage, _extractor(stage, config))

    # spaCy reads the settings from the signature: name them (no defaults: they are in default_config)
    params = [inspect.Parameter("nlp", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Language),
              inspect.Parameter("name", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str)]
    params += [inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY) for key, _ in stage.config]
    make.__signature__ = inspect.Signature(params, return_annotation=Component)
    make.__name__ = make.__qualname__ = f"make_{stage.name}"
    make.__doc__ = f"The ``{stage.factory}`` component: stage ``{stage.name}`` (``Extractor.{stage.method}``)."
    return Language.factory(stage.factory, assigns=list(stage.assigns), default_config=dict(stage.config),
                            func=make)


FACTORIES = {stage.factory: _factory(stage) for stage in STAGES}
# make_dates, make_places, make_ner, make_instruments, make_resolver, make_linker: the entry points
globals().update({f"make_{stage.name}": FACTORIES[stage.factory] for stage in STAGES})
