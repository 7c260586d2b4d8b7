"""Coverage-guided fuzz target for citex (atheris / libFuzzer).

    pip install atheris
    python fuzz/fuzz_extract.py fuzz/corpus -max_total_time=600 -timeout=20 -max_len=4096

Each input is turned into text in one of four ways (chosen by its first byte): raw UTF-8 (as the
command line decodes files), arbitrary Unicode from the fuzzer, text assembled from the grammar's
own pieces (``fuzz/pieces.py``: head words, titles, protocol numbers, dates, places, actions,
punctuation), or HTML through ``citex.io.read_bytes`` (the cleaning path).  The checks
(``fuzz/checks.py``): no exception, every span inside the text with ``text[start:end] == .text``,
the JSON valid against the schema and read back unchanged, the same result twice (deterministic),
and for one input in eight the same result through the spaCy pipeline (``citex.load()``).
A failing input is written by libFuzzer as ``crash-…``; replay it with
``python fuzz/fuzz_extract.py crash-…``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from targets import extraction_modules  # noqa: E402

# the whole extractor, lazily imported modules included (import citex alone loads 7 of them)
with atheris.instrument_imports(include=["citex"]):
    import importlib

    import citex
    for _name in extraction_modules():
        importlib.import_module(_name)
    from citex.io import read_bytes

from checks import check  # noqa: E402
from pieces import ALL, SEPARATORS  # noqa: E402

PUBLISHED = [None, "2025-10-02", "1999-01-01"]


def text_from(data: bytes) -> tuple[str, object]:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
    if mode == 0:
        return fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", errors="replace"), published
    if mode == 1:
        return fdp.ConsumeUnicode(fdp.remaining_bytes()), published
    if mode == 2:
        out = []
        while fdp.remaining_bytes() > 0 and len(out) < 400:
            k = fdp.ConsumeIntInRange(0, len(ALL) + len(SEPARATORS) + 1)
            if k < len(ALL):
                out.append(ALL[k])
            elif k < len(ALL) + len(SEPARATORS):
                out.append(SEPARATORS[k - len(ALL)])
            else:
                out.append(fdp.ConsumeUnicode(3))
        return "".join(out), published
    doc = read_bytes(b"<html><body><p>" + fdp.ConsumeBytes(fdp.remaining_bytes()), "fuzz.html")
    return (doc.text or ""), published


_NLP = []


def _nlp():
    if not _NLP:
        _NLP.append(citex.load())
    return _NLP[0]


def TestOneInput(data: bytes) -> None:
    text, published = text_from(data)
    res = citex.extract(text, doc_id="fuzz", published=published)
    check(text, res)
    again = citex.extract(text, doc_id="fuzz", published=published)
    assert again.to_dict() == res.to_dict(), "not deterministic"
    if published is None and len(data) % 8 == 0:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return  # spaCy cannot hold a lone surrogate
        doc = _nlp()(text)
        assert doc.text == text
        assert doc._.citex.to_dict() == citex.extract(text).to_dict(), "spaCy pipeline differs"


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
