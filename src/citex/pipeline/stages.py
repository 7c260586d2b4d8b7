"""The stage table: the one place that says which stages run, in which order, what each needs and
what its spaCy component assigns.  ``Extractor.run`` walks it; ``citex.components`` registers one
spaCy factory per row and ``citex.load()`` adds them in this order (the loaded resources behind
both: :mod:`citex.pipeline.resources`).
"""
from __future__ import annotations

from typing import Optional

import attrs

# resources a stage needs (its extractor is built with them)
GAZETTEER, LINKER, NER = "gazetteer", "linker", "ner"


@attrs.frozen
class Stage:
    """One stage: ``method`` of :class:`citex.pipeline.Extractor`, run by the spaCy component
    ``factory`` (registered under that name, entry point ``citex.components.factories:make_<name>``)."""

    name: str
    factory: str
    method: str
    assigns: tuple[str, ...]           # what the component sets on the Doc (spaCy's ``assigns``)
    requires: tuple[str, ...] = ()     # resources: GAZETTEER, LINKER, NER
    config: tuple[tuple[str, object], ...] = ()   # the component's settings and their defaults
    spans: Optional[str] = None        # the ``doc.spans`` key the component fills with its finds
    result: bool = False               # the component writes the result (``doc._.citex``)
    optional: bool = False             # only when asked for (``ner=``): not in the default pipeline


_KB = (("kb_path", None),)

STAGES: tuple[Stage, ...] = (
    Stage("dates", "citex_dates", "stage_dates", ("doc.spans",), spans="citex_dates"),
    Stage("places", "citex_places", "stage_places", ("doc.spans",), (GAZETTEER,), spans="citex_places"),
    Stage("ner", "citex_ner", "stage_ner", ("doc.spans",), (NER,), (("model", "builtin"),), spans="citex_ner",
          optional=True),
    Stage("instruments", "citex_instruments", "stage_instruments", ("doc.spans",), (GAZETTEER, LINKER), _KB),
    Stage("resolver", "citex_resolver", "stage_resolve", ("doc.spans", "doc._.citex"), (GAZETTEER, LINKER), _KB,
          spans="citex_instruments", result=True),
    Stage("linker", "citex_linker", "stage_link", ("doc._.citex",), (LINKER,), _KB,
          spans="citex_instruments", result=True),
)
BY_FACTORY = {s.factory: s for s in STAGES}
METHODS = tuple(s.method for s in STAGES)


def needs(stage: Stage) -> frozenset:
    """The resources to run ``stage`` and every non-optional stage before it (a component whose
    earlier stages did not run on a document runs them itself)."""
    out = set(stage.requires)
    for s in STAGES[:STAGES.index(stage)]:
        if not s.optional:
            out.update(s.requires)
    return frozenset(out)
