"""A figure as the interval of values its wording allows, and whether two such intervals can both hold.

"260" is [260, 260]; "plus de 300" is [300, inf); "at most 50" is (-inf, 50]; "une centaine" is
100 +/- APPROX_TOLERANCE. Two statements contradict each other only when their intervals do not meet,
so "plus de 300" beside "360" is fine and "260" beside "250" is not.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.fold import name_key
from schemas.common import Qualifier

APPROX_TOLERANCE = 0.10
# Values are floats after unit scaling ("25,3 milliards"): equal means equal to a billionth.
_RELATIVE_SLACK = 1e-9


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    scale: float = 1.0   # the stated value's magnitude, for the rounding slack

    def meets(self, other: Interval) -> bool:
        slack = _RELATIVE_SLACK * max(self.scale, other.scale)
        return self.low <= other.high + slack and other.low <= self.high + slack


def interval(value: int | float, qualifier: Qualifier | str, tolerance: float = APPROX_TOLERANCE) -> Interval:
    v = float(value)
    scale = max(1.0, abs(v))
    if qualifier == Qualifier.at_least:
        return Interval(v, math.inf, scale)
    if qualifier == Qualifier.at_most:
        # The lower end does not matter here: a negative count is the plausibility validator's business.
        return Interval(-math.inf, v, scale)
    if qualifier == Qualifier.approx:
        spread = abs(v) * tolerance
        return Interval(v - spread, v + spread, scale)
    return Interval(v, v, scale)


def compatible(a_value: int | float, a_qualifier: Qualifier | str, b_value: int | float, b_qualifier: Qualifier | str) -> bool:
    """Whether two stated values can both be true of the same thing."""
    return interval(a_value, a_qualifier).meets(interval(b_value, b_qualifier))


def same_value(a: int | float, b: int | float) -> bool:
    return interval(a, Qualifier.exact).meets(interval(b, Qualifier.exact))


@lru_cache(maxsize=4096)
def scope_key(scope: str | None) -> str | None:
    """Scopes compare without case, accents or punctuation; no scope is the whole cluster."""
    if scope is None:
        return None
    return name_key(scope) or None
