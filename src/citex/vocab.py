"""Vocabulary kept as data: word lists in ``citex/data/vocab/<area>/<name>.txt``, loaded once.

A list file holds one entry per line, as written (case is kept); blank lines and lines starting
with ``#`` (comments saying what the list is for and where it is used) are skipped. One list per
concept: a module that needs months, head words or stop words reads the one list, it never
writes its own copy.
"""
from __future__ import annotations

import functools
from importlib import resources

__all__ = ["entries", "words", "lower_words", "names", "rows", "table"]


def _lines(name: str, ext: str):
    path = resources.files("citex").joinpath("data", "vocab", *f"{name}.{ext}".split("/"))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


@functools.lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` (``"places/titles"``), in file order, without duplicates."""
    return tuple(dict.fromkeys(line.strip() for line in _lines(name, "txt")))


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table ``name`` (``"actions/triggers"``, a ``.tsv`` file), cells split on tabs."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(name, "tsv"))


@functools.lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column table ``name`` as a mapping from the first column to the second (the first row
    of a key wins)."""
    out: dict[str, str] = {}
    for r in rows(name):
        if len(r) >= 2:
            out.setdefault(r[0], r[1])
    return out


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """List ``name`` as a set, case kept."""
    return frozenset(entries(name))


@functools.lru_cache(maxsize=None)
def lower_words(name: str) -> frozenset[str]:
    """List ``name`` as a set of lower-case entries."""
    return frozenset(e.lower() for e in entries(name))


def names() -> list[str]:
    """Every list and table shipped with the package (``area/name.txt``, ``area/name.tsv``), sorted."""
    root = resources.files("citex").joinpath("data", "vocab")
    out = []
    for area in root.iterdir():
        if area.is_dir():
            out.extend(f"{area.name}/{f.name}" for f in area.iterdir() if f.name.endswith((".txt", ".tsv")))
    return sorted(out)
