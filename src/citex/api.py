"""The public functions behind ``import citex``."""
from __future__ import annotations

from typing import Iterable, Optional, Union

from citex import limits
from citex.text.clean import clean_text
from citex.models import Error, Result
from citex.output.render import remember_text
from citex.pipeline.extractor import Extractor
from citex.pipeline.resources import extractor_for
from citex.resolve.scope import check_scope, filter_scope


def default_extractor(kb_path: Optional[str] = None, ner=None, linker=None) -> Extractor:
    """One cached extractor per (KB file, NER choice); ``ner`` as in :func:`citex.ner.load_ner` (the
    cache is :func:`citex.pipeline.resources.extractor_for`, shared with the spaCy components).
    ``linker`` replaces the knowledge-base linker (any :class:`citex.protocols.Linker`); an extractor
    with a linker of its own is not cached."""
    if linker is not None:
        return Extractor(linker=linker, ner=ner)
    return extractor_for(kb_path, ner)


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"citex.extract needs a str, not {type(text).__name__}"
                        + (" (decode bytes first: text, _ = citex.io.decode(data); or citex.io.read_bytes(data, doc_id).text)" if isinstance(text, (bytes, bytearray)) else ""))
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
            ner=None, linker=None, scope: Optional[str] = None) -> Result:
    """Find the instruments, dates and places in ``text``.

    ``published`` (a date or ``YYYY-MM-DD``) lets relative dates ("last year") be resolved.
    ``kb`` is the path of a CSV of extra treaty records (same columns as the bundled ones).
    ``ner`` adds a statistical NER stage that proposes names no rule foresaw: ``"builtin"`` (the
    bundled compact model), a spaCy pipeline name or path, or a ``Language`` (its LAW/GPE/LOC
    entities are used); rule matches always win.  Off (``None``) by default: it costs speed.
    ``linker`` replaces the knowledge-base linker with any object that has the methods of
    :class:`citex.link.LinkerProtocol` (``kb`` is then not used).
    ``scope`` keeps only ``"international"`` or ``"domestic"`` citations (``None``/``"all"``: every one).
    Raises ``TypeError`` for anything but a ``str``; never raises on odd text: a text longer than
    ``citex.limits.MAX_CHARS`` (20 million characters) or one whose pattern scans run over
    ``citex.limits.REGEX_TIMEOUT`` gives a result with ``error`` set (type ``"too_large"`` or
    ``"timeout"``) and nothing found; see :mod:`citex.limits`.  A notebook shows the result with
    its text highlighted (the text of recent results is remembered: :func:`citex.render`).
    """
    _check_text(text)
    check_scope(scope)
    res = filter_scope(_run(default_extractor(kb, ner, linker), text, doc_id, published), scope)
    remember_text(res, text)
    return res


def extract_many(texts: Iterable[Union[str, tuple]], published=None, kb: Optional[str] = None,
                 ner=None, linker=None, progress: Optional[bool] = None,
                 scope: Optional[str] = None) -> list[Result]:
    """Extract from many texts (``str`` or ``(doc_id, str)`` pairs): a list of one ``Result`` per
    text, in order (``doc_id`` ``"0"``, ``"1"``… for bare strings).

    A document that fails gives a ``Result`` with ``error`` set instead of stopping the run.
    ``progress``: a progress bar (``None``: in a notebook only).  For collections too large to keep
    in memory, use ``citex extract`` or :mod:`citex.dask`.  ``scope``: as for :func:`extract`.
    """
    check_scope(scope)
    ex = default_extractor(kb, ner, linker)
    out: list[Result] = []
    bar = _progress_bar(texts, progress)
    try:
        for n, item in enumerate(texts):
            doc_id = str(n)
            try:
                doc_id, text = _item(n, item)
                res = filter_scope(_run(ex, _check_text(text), doc_id, published), scope)
                remember_text(res, text)
            except Exception as exc:  # one bad document (or malformed item) never stops a batch
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


def _item(n: int, item) -> tuple:
    """``(doc_id, text)`` of the n-th item of :func:`extract_many`: a ``str`` or a ``(doc_id, str)`` pair."""
    if not isinstance(item, tuple):
        return str(n), item
    if len(item) != 2:
        raise TypeError(f"an item of extract_many is a str or a (doc_id, str) pair, not a tuple of {len(item)}")
    return item


def load(kb: Optional[str] = None, ner=None, linker=None, **config):
    """The spaCy ``Language`` behind citex: a blank English tokenizer, a rule sentencizer and the
    citex components (``citex_dates``, ``citex_places``, ``citex_instruments``, ``citex_resolver``,
    ``citex_linker``; with ``ner`` also ``citex_ner`` after ``citex_places``, see :func:`extract`;
    ``linker`` as in :func:`extract`).  Results are on ``doc._.citex``."""
    from citex.components import build_pipeline
    return build_pipeline(kb=kb, ner=ner, linker=linker, **config)
