"""The documents a batch run reads: files as given, folders walked recursively in sorted order,
``-`` for standard input, each with a unique, printable ``doc_id``."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterator, Optional

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")


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
