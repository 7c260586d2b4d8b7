"""Reading documents from disk: decoding, size limits, binary detection, HTML cleaning.

Every failure becomes an :class:`~citex.models.Error` on the document's result,
never an exception that stops a batch.
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import stat
from pathlib import Path
from typing import Iterator, Optional

import attrs

from .clean import clean_text, looks_like_html

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")
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
            from .limits import timeout_message
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


def iter_inputs(inputs: list[str], globs=DEFAULT_GLOBS) -> Iterator[tuple[str, Optional[Path]]]:
    """(doc_id, path) for every input, in a deterministic order: files as given, folders recursively
    in sorted order; ``-`` is standard input (path None).

    ``doc_id``: with one input, the path relative to the folder (or the file's name); with several,
    the path as given (the folder kept in front), so that ``2024/a.txt`` and ``2025/a.txt`` stay
    apart.  A document reached twice (a folder and a file in it) is listed once."""
    for doc_id, path in _iter_inputs(inputs, globs):
        yield printable_id(doc_id), path


def printable_id(name: str) -> str:
    """A file name as valid Unicode: bytes that were not UTF-8 (kept by the OS layer as lone
    surrogates, which no UTF-8 output can hold) are written ``\\xe9``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _iter_inputs(inputs: list[str], globs) -> Iterator[tuple[str, Optional[Path]]]:
    several = len(inputs) > 1
    seen: set[str] = set()
    for inp in inputs:
        if inp == "-":
            if "-" not in seen:
                seen.add("-")
                yield "-", None
            continue
        p = Path(inp)
        if p.is_dir():
            prefix = p.as_posix().rstrip("/") + "/" if several else ""
            # a sub-folder that cannot be listed comes out as an entry of its own, which gives
            # an "unreadable" error record: its documents are not silently missing
            for rel in sorted(_matching_files(p, tuple(globs))):
                doc_id = prefix + rel if rel != "." else p.as_posix()
                if doc_id not in seen:
                    seen.add(doc_id)
                    yield doc_id, p / rel
        else:
            doc_id = p.as_posix() if several else p.name
            if doc_id not in seen:
                seen.add(doc_id)
                yield doc_id, p


def _matching_files(root: Path, globs: tuple) -> set[str]:
    """Relative POSIX paths of the files under ``root`` that match a pattern, as ``Path.rglob`` would
    find them (symlinked folders are not entered).  Name-only patterns (``*.txt``) are matched in one
    ``os.scandir`` walk, several times faster than one ``rglob`` per pattern on large folders."""
    names = tuple(g for g in globs if "/" not in g)
    found: set[str] = set()
    if names:
        stack = [("", os.fspath(root))]
        while stack:
            prefix, folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = list(it)
            except OSError:
                found.add(prefix.rstrip("/") or ".")  # listed as a document: an "unreadable" record
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((prefix + entry.name + "/", entry.path))
                    elif any(fnmatch.fnmatchcase(entry.name, g) for g in names) and entry.is_file():
                        found.add(prefix + entry.name)
                except OSError:
                    continue
    for pattern in (g for g in globs if "/" in g):
        found.update(x.relative_to(root).as_posix() for x in root.rglob(pattern) if x.is_file())
    return found


def missing_inputs(inputs: list[str]) -> list[str]:
    return [i for i in inputs if i != "-" and not Path(i).exists()]
