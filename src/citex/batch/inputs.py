"""The documents a batch run reads: files as given, folders walked recursively in sorted order,
``-`` for standard input, each with a unique, printable ``doc_id``; collections (JSONL, CSV,
Parquet) and manifests are read by :mod:`citex.batch.collections`.

A folder walk reads the files matching the patterns (``*.txt *.md *.html *.htm`` by default) and
leaves out a corpus's own documentation and licence files (``README*``, ``SOURCE.md``,
``LICENSE*``…: the list ``data/vocab/batch/not_articles.txt``) unless ``excludes=()``.  What it
leaves out is counted in a :class:`Skipped` when one is passed, so that a run can name it."""
from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")
SIDECAR = ".meta.json"   # FILE.meta.json: a file's publication date, never a document
# formats that must be converted to text first (a batch run names them when it skips them)
CONVERT_FIRST = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages")


def default_excludes() -> tuple[str, ...]:
    from citex.vocab import entries
    return entries("batch/not_articles")


def split_globs(globs: Optional[Iterable[str]]) -> tuple[str, ...]:
    """``--glob`` values, each possibly several space- or comma-separated patterns, as one tuple
    (``["*.txt *.html"]`` → ``("*.txt", "*.html")``); none → the defaults."""
    out = [g for value in (globs or ()) for g in value.replace(",", " ").split()]
    return tuple(dict.fromkeys(out)) or DEFAULT_GLOBS


class Skipped:
    """Files a folder walk left out: ``unmatched`` (no pattern matched) and ``excluded`` (not
    articles by default), as paths relative to the folder walked."""

    def __init__(self) -> None:
        self.unmatched: list[str] = []
        self.excluded: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.unmatched or self.excluded)

    def convert_first(self) -> list[str]:
        return [n for n in self.unmatched if n.lower().endswith(CONVERT_FIRST)]


def iter_inputs(inputs: list[str], globs=DEFAULT_GLOBS, excludes: Optional[tuple] = None,
                skipped: Optional[Skipped] = None, several: Optional[bool] = None) -> Iterator[tuple[str, Optional[Path]]]:
    """(doc_id, path) for every input, in a deterministic order: files as given, folders recursively
    in sorted order; ``-`` is standard input (path None).

    ``doc_id``: with one input, the path relative to the folder (or the file's name); with several,
    the path as given (the folder kept in front), so that ``2024/a.txt`` and ``2025/a.txt`` stay
    apart.  A document reached twice (a folder and a file in it) is listed once.  ``excludes``:
    name patterns a folder walk leaves out (default: :func:`default_excludes`); ``several``: ids as
    for several inputs (default: when there are)."""
    excludes = default_excludes() if excludes is None else tuple(excludes)
    several = len(inputs) > 1 if several is None else several
    for doc_id, path in _iter_inputs(inputs, tuple(globs), excludes, skipped if skipped is not None else Skipped(),
                                     several):
        yield printable_id(doc_id), path


def printable_id(name: str) -> str:
    """A file name as valid Unicode, unique and reversible (:func:`name_of`): bytes that were not
    UTF-8 (kept by the OS layer as lone surrogates, which no UTF-8 output can hold) are written
    ``\\xe9``, and a backslash of the name itself ``\\\\``, so that a file literally named
    ``caf\\xe9.txt`` and a Latin-1 ``café.txt`` get different ids."""
    if "\\" not in name:
        try:
            name.encode("utf-8")
            return name
        except UnicodeEncodeError:
            pass
    return "".join(_escape(c) for c in name)


def _escape(c: str) -> str:
    if c == "\\":
        return "\\\\"
    if "\udc80" <= c <= "\udcff":  # an undecodable byte (surrogateescape)
        return f"\\x{ord(c) - 0xdc00:02x}"
    if "\ud800" <= c <= "\udfff":  # any other lone surrogate: its code point
        return f"\\u{ord(c):04x}"
    return c


_UNESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})")


def name_of(doc_id: str) -> str:
    """The file name (as ``os`` functions take it, surrogate-escaped) a doc_id was made from."""
    def one(m: re.Match) -> str:
        g = m.group(1)
        if g == "\\":
            return "\\"
        if g[0] == "x":
            return chr(0xdc00 + int(g[1:], 16))
        return chr(int(g[1:], 16))
    return _UNESCAPE.sub(one, doc_id)


def _iter_inputs(inputs: list[str], globs: tuple, excludes: tuple, skipped: Skipped,
                 several: bool) -> Iterator[tuple[str, Optional[Path]]]:
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
            for rel in sorted(_matching_files(p, globs, excludes, skipped, prefix)):
                doc_id = prefix + rel if rel != "." else p.as_posix()
                if doc_id not in seen:
                    seen.add(doc_id)
                    yield doc_id, p / rel
        else:
            doc_id = p.as_posix() if several else p.name
            if doc_id not in seen:
                seen.add(doc_id)
                yield doc_id, p


def _excluded(name: str, excludes: tuple) -> bool:
    low = name.lower()
    return any(fnmatch.fnmatchcase(low, g) for g in excludes)


def _matching_files(root: Path, globs: tuple, excludes: tuple = (), skipped: Optional[Skipped] = None,
                    prefix_shown: str = "") -> set[str]:
    """Relative POSIX paths of the files under ``root`` that match a pattern, as ``Path.rglob`` would
    find them (symlinked folders are not entered).  Name-only patterns (``*.txt``) are matched in one
    ``os.scandir`` walk, several times faster than one ``rglob`` per pattern on large folders."""
    names = tuple(g for g in globs if "/" not in g)
    paths = tuple(g for g in globs if "/" in g)
    skipped = skipped if skipped is not None else Skipped()
    found: set[str] = set()
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
                    if not entry.name.startswith("."):
                        stack.append((prefix + entry.name + "/", entry.path))
                    continue
                if entry.name.endswith(SIDECAR) or entry.name.startswith("."):
                    continue
                # special files (a FIFO, a device, a dangling or looping link) that match are kept:
                # each gets an error record (citex.text.read.special_problem), none is opened
            except OSError:
                continue
            rel = prefix + entry.name
            if not (any(fnmatch.fnmatchcase(entry.name, g) for g in names)
                    or any(Path(rel).match(g) for g in paths)):
                skipped.unmatched.append(prefix_shown + rel)
            elif excludes and _excluded(entry.name, excludes):
                skipped.excluded.append(prefix_shown + rel)
            else:
                found.add(rel)
    return found


def missing_inputs(inputs: list[str]) -> list[str]:
    return [i for i in inputs if i != "-" and not Path(i).exists()]
