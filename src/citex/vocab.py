"""Vocabulary kept as data: word lists in ``citex/data/vocab/<area>/<name>.txt``, loaded once.

A list file holds one entry per line, as written (case is kept); blank lines and lines starting
with ``#`` (comments saying what the list is for and where it is used) are skipped. One list per
concept: a module that needs months, head words or stop words reads the one list, it never
writes its own copy.
"""
from __future__ import annotations

import functools
from importlib import resources

__all__ = ["entries", "words", "lower_words", "names"]


@functools.lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` (``"places/titles"``), in file order, without duplicates."""
    path = resources.files("citex").joinpath("data", "vocab", *f"{name}.txt".split("/"))
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            seen.setdefault(line, None)
    return tuple(seen)


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """List ``name`` as a set, case kept."""
    return frozenset(entries(name))


@functools.lru_cache(maxsize=None)
def lower_words(name: str) -> frozenset[str]:
    """List ``name`` as a set of lower-case entries."""
    return frozenset(e.lower() for e in entries(name))


def names() -> list[str]:
    """Every list shipped with the package (``area/name``), sorted."""
    root = resources.files("citex").joinpath("data", "vocab")
    out = []
    for area in root.iterdir():
        if area.is_dir():
            out.extend(f"{area.name}/{f.name[:-4]}" for f in area.iterdir() if f.name.endswith(".txt"))
    return sorted(out)
