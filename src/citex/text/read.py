"""Reading documents from disk: decoding, size limits, binary detection, HTML cleaning.

Every failure becomes an :class:`~citex.models.Error` on the document's result,
never an exception that stops a batch.
"""
from __future__ import annotations

import codecs
import errno
import os
import select
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


PIPE_TIMEOUT = 30.0  # seconds a pipe or device may go without giving a byte before it is given up


def special_kind(mode: int) -> Optional[str]:
    """What a file that is not a regular file or a folder is ("a named pipe"…), else None."""
    for test, what in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return None


def special_problem(path: Path) -> Optional[str]:
    """Why an entry found inside a folder is not a document (a named pipe, a device, a socket, a
    dangling or looping symbolic link), else None.  Such entries are never opened: one can block
    forever (a FIFO nobody writes) or never end (/dev/zero)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            return ("a symbolic link loop" if exc.errno == errno.ELOOP
                    else "a dangling symbolic link" if exc.errno == errno.ENOENT
                    else f"a symbolic link that cannot be followed: {exc.strerror or exc}")
        return None  # read_path says what is wrong with it
    what = special_kind(st.st_mode)
    return f"{what}, not a regular file" if what else None


def bounded_file_problem(path, limit: int) -> Optional[str]:
    """Why a resource file (``--kb``, a manifest) cannot be read whole within ``limit`` bytes, or None:
    it must be a regular file (a link to /dev/zero or a FIFO is refused) of at most ``limit`` bytes."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"{exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return f"{special_kind(st.st_mode) or 'a folder'}, not a regular file"
    if st.st_size > limit:
        return f"{st.st_size} bytes is over the limit of {limit}"
    return None


def read_limited(path, limit: int, timeout: float = PIPE_TIMEOUT) -> bytes:
    """At most ``limit + 1`` bytes of ``path`` (the caller compares with ``limit``), whatever it is:
    a regular file, a pipe or a device (a sidecar or a KB file that is a link to /dev/zero).  A pipe
    that gives nothing for ``timeout`` seconds raises ``TimeoutError``; a FIFO with no writer gives
    ``b""`` at once instead of blocking."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.set_blocking(fd, True)
            with os.fdopen(os.dup(fd), "rb") as f:
                return f.read(limit + 1)
        return _read_pipe(fd, limit, timeout)
    finally:
        os.close(fd)


def _read_pipe(fd: int, limit: int, timeout: float) -> bytes:
    chunks: list[bytes] = []
    n = 0
    while n <= limit:
        try:  # read first: a FIFO no writer ever opened gives EOF here, select() would wait on it
            chunk = os.read(fd, min(1 << 20, limit + 1 - n))
        except BlockingIOError:  # a writer, no data yet
            if not select.select([fd], [], [], timeout)[0]:
                raise TimeoutError(f"no data for {timeout:g} s") from None
            continue
        if not chunk:
            break
        chunks.append(chunk)
        n += len(chunk)
    return b"".join(chunks)


def read_path(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """One file → a :class:`Document` (or the reason it is not one).  Reads are bounded: a regular
    file by its size, a pipe or device (``<(cmd)``, /dev/zero) by ``max_bytes + 1`` bytes and
    :data:`PIPE_TIMEOUT` seconds without data; a FIFO nobody writes to is an error, not a hang."""
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
        if stat.S_ISREG(st.st_mode):
            with open(path, "rb") as f:
                data = f.read(size + 1)  # not read(max_bytes + 1): that allocates max_bytes every time
                if len(data) > size:  # it grew since: read on, bounded
                    data += f.read(max_bytes + 1 - len(data))
            if len(data) > max_bytes:
                return Document(doc_id, error_type="too_large",
                                error_message=f"over the limit of {max_bytes} bytes (--max-bytes)")
        else:
            data = read_limited(path, max_bytes)
            if len(data) > max_bytes:
                return Document(doc_id, error_type="too_large", error_message=f"more than {max_bytes} bytes "
                                "from a pipe or device, over the limit (--max-bytes)")
            if not data and stat.S_ISFIFO(st.st_mode):
                return Document(doc_id, error_type="unreadable",
                                error_message="a named pipe (FIFO) with nothing written to it")
    except TimeoutError as exc:
        return Document(doc_id, error_type="unreadable", error_message=f"a pipe or device that stalled: {exc}")
    except OSError as exc:
        return Document(doc_id, error_type="unreadable", error_message=f"{exc.strerror or exc}")
    return read_bytes(data, doc_id, max_bytes)
