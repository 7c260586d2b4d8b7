"""The optional statistical stage: a spaCy NER model whose spans are proposals for the rules."""
from citex.ner.model import BUILTIN, NerModel, load_ner

__all__ = ["BUILTIN", "NerModel", "load_ner"]
