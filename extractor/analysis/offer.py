"""Which numbers of a release could be a cluster figure, and so may be offered to the model."""
from __future__ import annotations

from collections.abc import Sequence

from extractor.candidates import Candidate
from extractor.normalize.metrics import metric_around

SMALL_COUNT = 20


def offered_numbers(candidates: Sequence[Candidate], text: str, blocked: Sequence[tuple[int, int]]) -> tuple[Candidate, ...]:
    """Quantities that could be a cluster figure: a known metric word, money, a share, or a sizeable count.

    Small bare counts with no metric word ("3 ans", "4 grands axes") are left out: they cost prompt tokens
    and only give a small model a chance to err. Numbers inside text that addresses a model are never used.
    """
    chosen = []
    for c in candidates:
        if c.kind != "quantity" or any(s <= c.start < e for s, e in blocked):
            continue
        sizeable = isinstance(c.value, (int, float)) and c.value >= SMALL_COUNT
        if metric_around(text, c.start, c.end) is not None or c.unit != "count" or sizeable:
            chosen.append(c)
    return tuple(chosen)
