"""Is a text about sport?  Counts of cue words ("striker", "Six Nations"), read with one substring
test per group of cues that share a word (places/clubs.py for club sport, places/judge.py for
national sides)."""
from __future__ import annotations

import collections

__all__ = ["cue_groups", "count_cues", "enough_cues"]


def cue_groups(cues: list[str]) -> list[tuple[str, list[str]]]:
    """The cues grouped by a word that several of them hold, the one most of them share ("Cup": "FA
    Cup", "UEFA Cup", …; "half": "fly-half", "half-time"), each other cue alone under itself: a text
    without a group's word holds none of its cues (one substring test instead of one per cue)."""
    words = {cue: cue.replace("-", " ").split() for cue in cues}     # ("fly-half", "half-time": "half")
    counts = collections.Counter(w for cue in cues for w in set(words[cue]))
    groups: dict[str, list[str]] = {}
    for cue in cues:
        shared = max(words[cue], key=counts.__getitem__)
        groups.setdefault(shared if counts[shared] >= 2 else cue, []).append(cue)
    return [(word if len(group) > 1 else group[0], group) for word, group in groups.items()]


def enough_cues(text: str, groups: list[tuple[str, list[str]]], needed: int) -> bool:
    """``needed`` of the grouped cues occur in ``text``."""
    return count_cues(text, groups, needed) == needed


def count_cues(text: str, groups: list[tuple[str, list[str]]], cap: int) -> int:
    """How many of the grouped cues occur in ``text``, counted up to ``cap``."""
    n = 0
    for word, cues in groups:
        if word not in text:
            continue
        for cue in cues:
            if cue in text:
                n += 1
                if n == cap:
                    return n
    return n
