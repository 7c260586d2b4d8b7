"""The statistical NER stage: a spaCy pipeline that proposes instrument names and places.

``load_ner(spec)`` turns the ``ner=`` option of ``citex.extract``/``citex.load`` into an
:class:`NerModel`:

* ``None`` / ``False``: no statistical stage (the default);
* ``"builtin"`` / ``True``: the compact model shipped in ``citex/data/ner`` (INSTRUMENT, PLACE),
  trained by ``training/train.py`` on news text labelled by the citex rules;
* any other ``str`` or path: ``spacy.load(spec)`` (e.g. ``"en_core_web_trf"`` when installed);
* a ``spacy.Language``: used as it is.

Entity labels are mapped to citex's two kinds: INSTRUMENT and LAW give instrument candidates,
PLACE, GPE and LOC give places; everything else (DATE included) is ignored — the date grammar
is exact where the models are not.  The model only proposes: the pipeline drops every model span
that overlaps a rule match (see ``Extractor.stage_instruments``).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Optional

from citex.protocols import NerModel as ProtocolNer

BUILTIN = Path(__file__).resolve().parent.parent / "data" / "ner"
LABELS = {"INSTRUMENT": "INSTRUMENT", "LAW": "INSTRUMENT",
          "PLACE": "PLACE", "GPE": "PLACE", "LOC": "PLACE"}
# components of a user's pipeline that never feed its entity recogniser: skipped for speed
_NOT_FOR_NER = ("tagger", "parser", "lemmatizer", "attribute_ruler", "morphologizer", "senter",
                "textcat", "textcat_multilabel", "spancat", "entity_linker", "trainable_lemmatizer")
_CHUNK = 100_000  # characters per call (texts may exceed a pipeline's max_length)


class NerModel:
    """A spaCy pipeline whose entities become ``(start, end, "INSTRUMENT" | "PLACE")`` spans."""

    def __init__(self, nlp, name: str = ""):
        self.nlp = nlp
        self.name = name or nlp.meta.get("name", "")
        self.disable = [n for n in nlp.pipe_names if n in _NOT_FOR_NER]

    def __repr__(self) -> str:
        return f"NerModel({self.name!r}, pipes={self.nlp.pipe_names})"

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for off, chunk in _chunks(text):
            doc = self.nlp(chunk, disable=self.disable) if self.disable else self.nlp(chunk)
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label is None:
                    continue
                s, e = _trim(chunk, ent.start_char, ent.end_char)
                if e > s:
                    out.append((off + s, off + e, label))
        return out


def _chunks(text: str):
    """Pieces of at most ``_CHUNK`` characters, cut at line breaks where possible."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", pos + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        yield pos, text[pos:end]
        pos = end


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """No surrounding spaces or punctuation, no leading article ("the Wassenaar Arrangement")."""
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] in ").’'"):
        e -= 1
    for det in ("the ", "The ", "a ", "an "):
        if text.startswith(det, s) and e - s > len(det):
            s += len(det)
            break
    return s, e


@functools.lru_cache(maxsize=1)
def _builtin():
    import spacy
    from citex.components.tokenizer import SafeTokenizer
    nlp = spacy.load(BUILTIN)
    nlp.tokenizer = SafeTokenizer(nlp.tokenizer)  # linear on runs of punctuation (spaCy's is quadratic)
    return nlp


def load_ner(spec) -> Optional[NerModel]:
    """The NER stage for ``spec`` (see the module docstring); ``None`` for no stage."""
    if spec is None or spec is False:
        return None
    if isinstance(spec, (NerModel, ProtocolNer)):  # any object with spans(text) (citex.protocols.NerModel)
        return spec
    if spec is True or spec == "builtin":
        return NerModel(_builtin(), "builtin")
    if isinstance(spec, (str, os.PathLike)):
        import spacy
        return NerModel(spacy.load(spec), str(spec))
    from spacy.language import Language
    if isinstance(spec, Language):
        return NerModel(spec)
    raise TypeError(f"ner must be None, 'builtin', a spaCy pipeline name or path, or a Language, "
                    f"not {type(spec).__name__}")
