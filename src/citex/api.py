"""The public functions behind ``import citex``."""
from __future__ import annotations

import functools
from typing import Iterable, Optional, Union

from citex import limits
from citex.text.clean import clean_text
from citex.models import Error, Result
from citex.output.render import remember_text
from citex.pipeline.extractor import Extractor


@functools.lru_cache(maxsize=4)
def default_extractor(kb_path: Optional[str] = None, ner=None) -> Extractor:
    """One cached extractor per (KB file, NER choice); ``ner`` as in :func:`citex.ner.load_ner`."""
    from citex.link.kb import KnowledgeBase
    from citex.link.linker import Linker
    kb = KnowledgeBase.bundled()
    if kb_path:
        kb = kb.merge(KnowledgeBase.from_csv(kb_path))
    return Extractor(linker=Linker(kb), ner=ner)


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"citex.extract needs a str, not {type(text).__name__}"
                        + (" (decode bytes first, or use citex.io.read_document)" if isinstance(text, (bytes, bytearray)) else ""))
    return text


def _run(ex: Extractor, text: str, doc_id: Optional[str], published) -> Result:
    """One text → its ``Result``; a text over ``limits.MAX_CHARS`` or a pattern scan over
    ``limits.REGEX_TIMEOUT`` gives an error result ("too_large", "timeout") instead of an exception."""
    if limits.MAX_CHARS is not None and len(text) > limits.MAX_CHARS:
        return Result(doc_id=doc_id, error=Error(type="too_large", message=limits.too_large_message(len(text))))
    try:
        return ex.extract(text, doc_id=doc_id, published=published)
    except TimeoutError as exc:
        return Result(doc_id=doc_id, error=Error(type="timeout", message=limits.timeout_message(exc)))


def extract(text: str, doc_id: Optional[str] = None, published=None, *, kb: Optional[str] = None,
            ner=None) -> Result:
    """Find the instruments, dates and places in ``text``.

    ``published`` (a date or ``YYYY-MM-DD``) lets relative dates ("last year") be resolved.
    ``kb`` is the path of a CSV of extra treaty records (same columns as the bundled ones).
    ``ner`` adds a statistical NER stage that proposes names no rule foresaw: ``"builtin"`` (the
    bundled compact model), a spaCy pipeline name or path, or a ``Language`` (its LAW/GPE/LOC
    entities are used); rule matches always win.  Off (``None``) by default: it costs speed.
    Raises ``TypeError`` for anything but a ``str``; never raises on odd text: a text longer than
    ``citex.limits.MAX_CHARS`` (20 million characters) or one whose pattern scans run over
    ``citex.limits.REGEX_TIMEOUT`` gives a result with ``error`` set (type ``"too_large"`` or
    ``"timeout"``) and nothing found; see :mod:`citex.limits`.  A notebook shows the result with
    its text highlighted (the text of recent results is remembered: :func:`citex.render`).
    """
    _check_text(text)
    res = _run(default_extractor(kb, ner), text, doc_id, published)
    remember_text(res, text)
    return res


def extract_many(texts: Iterable[Union[str, tuple]], published=None, kb: Optional[str] = None,
                 ner=None, progress: Optional[bool] = None) -> list[Result]:
    """Extract from many texts (``str`` or ``(doc_id, str)`` pairs): a list of one ``Result`` per
    text, in order (``doc_id`` ``"0"``, ``"1"``… for bare strings).

    A document that fails gives a ``Result`` with ``error`` set instead of stopping the run.
    ``progress``: a progress bar (``None``: in a notebook only).  For collections too large to keep
    in memory, use ``citex extract`` or :mod:`citex.dask`.
    """
    ex = default_extractor(kb, ner)
    out: list[Result] = []
    bar = _progress_bar(texts, progress)
    try:
        for n, item in enumerate(texts):
            doc_id, text = item if isinstance(item, tuple) else (str(n), item)
            try:
                res = _run(ex, _check_text(text), doc_id, published)
                remember_text(res, text)
            except Exception as exc:  # one bad document never stops a batch
                res = Result(doc_id=doc_id, error=Error(type=type(exc).__name__, message=str(exc)[:500]))
            out.append(res)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return out


def in_notebook() -> bool:
    import sys
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return type(shell).__name__ == "ZMQInteractiveShell"


def _progress_bar(texts, progress: Optional[bool]):
    """A tqdm bar (a widget when ipywidgets is installed, else text) or None."""
    if progress is False or (progress is None and not in_notebook()):
        return None
    total = len(texts) if hasattr(texts, "__len__") else None
    try:
        import ipywidgets  # noqa: F401  (tqdm.notebook warns without it)
        from tqdm.notebook import tqdm
    except ImportError:
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm comes with spaCy
            return None
    return tqdm(total=total, unit="doc", desc="citex")


def load(kb: Optional[str] = None, ner=None, **config):
    """The spaCy ``Language`` behind citex: a blank English tokenizer, a rule sentencizer and the
    citex components (``citex_dates``, ``citex_places``, ``citex_instruments``, ``citex_resolver``,
    ``citex_linker``; with ``ner`` also ``citex_ner`` after ``citex_places``, see :func:`extract`).
    Results are on ``doc._.citex``."""
    from citex.components import build_pipeline
    return build_pipeline(kb=kb, ner=ner, **config)
