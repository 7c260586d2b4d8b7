"""Reading documents from disk: decoding, size limits, binary detection, HTML cleaning.

Every failure becomes an :class:`~citex.models.Error` on the document's result,
never an exception that stops a batch.
"""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import Optional

import attrs

from citex.text.clean import clean_text, looks_like_html

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@attrs.frozen(slots=True)
class Document:
    """A document ready for extraction, or the reason it is not."""

    doc_id: str
    text: Optional[str] = None
    error_type: Optional[str] = None
    error_message: Optional[str] = None
    meta: tuple = ()


def decode(data: bytes) -> tuple[str, tuple]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), (("encoding", "utf-8-sig"),)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), (("encoding", "utf-16"),)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        warning = f"not valid UTF-8 (byte {exc.start}); decoded as cp1252"
        return data.decode("cp1252", errors="replace"), (("encoding", "cp1252"), ("warning", warning))


def read_bytes(data: bytes, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES, html: Optional[bool] = None) -> Document:
    if len(data) > max_bytes:
        return Document(doc_id, error_type="too_large",
                        error_message=f"{len(data)} bytes is over the limit of {max_bytes} (--max-bytes)")
    if not data.strip():
        return Document(doc_id, error_type="empty", error_message="the document is empty")
    is_utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not is_utf16 and b"\x00" in data[:65536]:
        return Document(doc_id, error_type="binary", error_message="NUL bytes: not a text document")
    text, meta = decode(data)
    if html is None:
        html = doc_id.lower().endswith((".html", ".htm")) or looks_like_html(text)
    if html:
        try:
            text = clean_text(text, html_input=True)
        except TimeoutError:  # a tag scan over citex.limits.REGEX_TIMEOUT
            from citex.limits import timeout_message
            return Document(doc_id, error_type="timeout", error_message=timeout_message(None), meta=meta)
        meta = meta + (("offsets", "cleaned-text"),)
    return Document(doc_id, text=text, meta=meta)


def read_path(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):  # a folder that could not be listed (see iter_inputs)
            try:
                os.scandir(path).close()
                message = "a folder, not a document"
            except OSError as exc:
                message = f"cannot list this folder: {exc.strerror or exc}"
            return Document(doc_id, error_type="unreadable", error_message=message)
        size = st.st_size
        if size > max_bytes:
            return Document(doc_id, error_type="too_large",
                            error_message=f"{size} bytes is over the limit of {max_bytes} (--max-bytes)")
        with open(path, "rb") as f:
            # a pipe or device (``<(cmd)``, /dev/zero) has no size to check first: read at most
            # one byte over the limit
            data = f.read() if stat.S_ISREG(st.st_mode) else f.read(max_bytes + 1)
        if len(data) > max_bytes and not stat.S_ISREG(st.st_mode):
            return Document(doc_id, error_type="too_large",
                            error_message=f"more than {max_bytes} bytes from a pipe or device, over the limit (--max-bytes)")
    except OSError as exc:
        return Document(doc_id, error_type="unreadable", error_message=f"{exc.strerror or exc}")
    return read_bytes(data, doc_id, max_bytes)
