"""The tallies of ``citex evaluate``: matching counts (P/R/F1) and attribute accuracies.

``Counts.precision``/``recall``/``f1`` keep the historical convention (1.0 when there is nothing
to divide by); ``p``/``r``/``f`` give ``None`` instead, for output that prints "–" when there is
nothing to score.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


def _rnd(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


@dataclass
class Counts:
    """Matching counts of one category.  ``tp`` equals the number of matched gold items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    ignored: int = 0  # instruments: nested parents not scored; dates: relative dates

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def p(self) -> Optional[float]:
        """Precision, or None when nothing was predicted."""
        return self.tp / self.predicted if self.predicted else None

    @property
    def r(self) -> Optional[float]:
        """Recall, or None when there is no gold item."""
        return self.tp / self.gold if self.gold else None

    @property
    def f(self) -> Optional[float]:
        """F1, or None when there is neither gold nor prediction (nothing to score)."""
        if not self.gold and not self.predicted:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.duplicates += other.duplicates
        self.ignored += other.ignored

    def to_dict(self, strict: bool = False) -> dict[str, Any]:
        """With ``strict``, precision/recall/F1 are null when there is nothing to score."""
        p, r, f = (self.p, self.r, self.f) if strict else (self.precision, self.recall, self.f1)
        return {"precision": _rnd(p), "recall": _rnd(r), "f1": _rnd(f), "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "gold": self.gold, "duplicates": self.duplicates, "ignored": self.ignored}


@dataclass
class AttrCounts:
    """Accuracy of one attribute over matched pairs; ``*_gold`` only where gold is non-null."""

    n: int = 0
    correct: int = 0
    n_gold: int = 0
    correct_gold: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.correct / self.n if self.n else None

    @property
    def accuracy_gold(self) -> Optional[float]:
        return self.correct_gold / self.n_gold if self.n_gold else None

    def record(self, ok: bool, gold_set: bool) -> None:
        self.n += 1
        self.correct += ok
        if gold_set:
            self.n_gold += 1
            self.correct_gold += ok

    def add(self, other: "AttrCounts") -> None:
        self.n += other.n
        self.correct += other.correct
        self.n_gold += other.n_gold
        self.correct_gold += other.correct_gold

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": _rnd(self.accuracy), "correct": self.correct, "n": self.n,
                "accuracy_gold_set": _rnd(self.accuracy_gold), "correct_gold_set": self.correct_gold,
                "n_gold_set": self.n_gold}


def fmt_rate(x: Optional[float], width: int = 6) -> str:
    """A rate for a table: three decimals, or "–" when there is nothing to score."""
    return f"{'–':>{width}}" if x is None else f"{x:>{width}.3f}"
