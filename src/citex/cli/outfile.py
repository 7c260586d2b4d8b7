"""The output file of ``citex extract -o OUT``: kept out of the inputs, one writer at a time, and
``--resume`` that keeps only whole, valid records.

* :func:`output_problem`: ``-o`` must not be an input, nor a file an input folder would read, nor a
  folder (checked before anything is opened).
* :class:`OutputLock`: an exclusive ``flock`` for the whole run on ``.OUT.citex-lock`` beside the
  output, holding the owner's pid, host and start time; a second run names the owner and stops.
* :func:`resume`: the doc_ids already done.  Every line of the file is checked: a line that is not
  a whole citex record (torn, corrupt, a stub, a duplicate) or whose error says nothing about its
  document (``worker_died``) is dropped, by rewriting the file through a temporary file created
  safely beside it (``mkstemp``: a fresh name, never a planted link), then renamed over it.
"""
from __future__ import annotations

import datetime as _dt
import fcntl
import fnmatch
import os
import socket
import tempfile
from pathlib import Path
from typing import Optional

from citex.output.records import valid_record

# error types that say nothing about the document itself: --resume runs those documents again
RETRY_ON_RESUME = ("worker_died",)


class OutputError(Exception):
    """A one-line usage problem with the output file (exit code 2)."""


def output_problem(output: Optional[str], inputs: list[str], globs) -> Optional[str]:
    """Why ``output`` cannot be written by this run, or None."""
    if not output:
        return None
    if os.path.isdir(output):
        return f"-o {output} is a folder, not a file"
    own = os.path.realpath(output)
    for inp in inputs:
        if inp == "-":
            continue
        real = os.path.realpath(inp)
        if real == own:
            return f"-o {output} is also an input: it would be overwritten"
        if os.path.isdir(real) and own.startswith(real.rstrip(os.sep) + os.sep):
            rel = os.path.relpath(own, real).replace(os.sep, "/")
            name = os.path.basename(own)
            if any(fnmatch.fnmatchcase(rel if "/" in g else name, g) for g in globs):
                return (f"-o {output} is inside the input folder {inp} and matches its files: "
                        f"it would be read as an input (write it elsewhere, or change --glob)")
    return None


# lock descriptors this process holds: a forked worker closes them at once, so that a worker that
# outlives a killed parent (for the moment it takes to notice) does not keep the output locked
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


class OutputLock:
    """``with OutputLock(out): …``: an exclusive lock on the output for the whole run (held by this
    process only: forked workers close their copy)."""

    def __init__(self, output: str):
        out = Path(output)
        self.path = out.with_name(f".{out.name}.citex-lock")
        self.fd: Optional[int] = None

    def __enter__(self) -> "OutputLock":
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                raise OutputError(f"cannot lock the output ({self.path}): {exc.strerror or exc}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "another process"
                os.close(fd)
                raise OutputError(f"the output is being written by another citex run ({owner}); "
                                  f"wait for it to finish") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a lock file its last owner removed while we waited for it
                break
            os.close(fd)
        since = _dt.datetime.now().isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, since {since}\n".encode(), 0)
        self.fd = fd
        _HELD.add(fd)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            try:
                os.unlink(self.path)  # while still held: a run waiting on it sees a new inode and retries
            except OSError:
                pass
            _HELD.discard(self.fd)
            os.close(self.fd)
            self.fd = None


def resume(out: Path) -> set[str]:
    """doc_ids already done in ``out`` (read a line at a time: flat memory, however big the file);
    the file is rewritten without the lines that do not count (see the module docstring)."""
    if not out.exists():
        return set()
    done: set[str] = set()
    drop = 0
    try:
        with open(out, "rb") as f:
            for raw in f:
                rec = _kept(raw, done)
                drop += rec is None
    except OSError as exc:
        raise OutputError(f"cannot read {out} to resume: {exc.strerror or exc}") from None
    if drop:
        _rewrite(out)
    return done


def _kept(raw: bytes, done: set) -> Optional[dict]:
    """The record of a line that stays (its doc_id added to ``done``), or None."""
    rec = valid_record(raw) if raw.endswith(b"\n") else None
    if rec is None or rec["doc_id"] in done or (rec.get("error") or {}).get("type") in RETRY_ON_RESUME:
        return None
    done.add(rec["doc_id"])
    return rec


def _rewrite(out: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".citex-resume")
    try:
        done: set[str] = set()
        with os.fdopen(fd, "wb") as dst, open(out, "rb") as src:
            for raw in src:
                if _kept(raw, done) is not None:
                    dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, os.stat(out).st_mode & 0o7777)
        os.replace(tmp, out)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot rewrite {out} to resume: {exc.strerror or exc}") from None
