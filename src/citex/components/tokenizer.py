"""A guard around spaCy's tokenizer for hostile text.

spaCy's rule tokenizer strips prefixes and suffixes one at a time, each time on the rest of the
string, so a long run of punctuation without whitespace takes time quadratic in its length
(8,000 brackets: seconds; 1 MB: days).  ``SafeTokenizer`` hands spaCy everything else unchanged and
cuts such runs (over ``MAX_RUN`` characters with over ``MAX_AFFIX`` characters that are not letters or
digits) into tokens of ``PIECE`` characters.  Ordinary text, URLs and long words tokenize exactly as
before; ``doc.text`` is always the input text, so the citex components (which read ``doc.text``)
give the same result either way.
"""
from __future__ import annotations

import regex
from spacy.tokens import Doc

MAX_RUN = 32
MAX_AFFIX = 16
PIECE = 16
_RUN = regex.compile(r"\S{%d,}" % (MAX_RUN + 1))


def _hostile(run: str) -> bool:
    return sum(1 for c in run if not c.isalnum()) > MAX_AFFIX


class SafeTokenizer:
    """Wraps a spaCy ``Tokenizer`` (``nlp.tokenizer = SafeTokenizer(nlp.tokenizer)``)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        runs = [m for m in _RUN.finditer(text) if _hostile(m.group())]
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in runs:
            self._add(text[pos:m.start()], words, spaces)
            run = m.group()
            for i in range(0, len(run), PIECE):
                words.append(run[i:i + PIECE])
                spaces.append(False)
            pos = m.end()
            if text.startswith(" ", pos):  # a single space after the run belongs to its last token
                spaces[-1] = True
                pos += 1
        self._add(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, part: str, words: list, spaces: list) -> None:
        if part:
            for t in self.tokenizer(part):
                words.append(t.text)
                spaces.append(bool(t.whitespace_))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # serialisation: the wrapped tokenizer's
    def to_bytes(self, **kwargs):
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs):
        return self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def __getattr__(self, name):  # explain, rules, prefix_search …: the wrapped tokenizer's
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
