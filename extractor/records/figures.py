"""A figure record from a link the model made to a candidate number: the value always comes from the text."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

from babel.numbers import get_territory_currencies

from extractor.candidates import Candidate
from extractor.ground import evidence
from extractor.lexicon import alternation
from extractor.normalize.metrics import metric_around
from extractor.records.flags import CURRENCY_INFERRED, METRIC_UNIT_MISMATCH, flag
from schemas.common import Decision, Flag, Qualifier, Severity
from schemas.figure import MONEY_METRICS, SHARE_METRICS, Figure, Metric

DEFAULT_CURRENCY = "EUR"


@cache
def _as_of_year() -> re.Pattern[str]:
    """A year a few words after the number: "9 892 emplois directs en 2017"."""
    return re.compile(rf"^[^.;\n]{{0,40}}?(?<![\w])(?i:{alternation('year_in')})\s+((?:19|20)[0-9]{{2}})\b")


def _unit_family(unit: str | None) -> str:
    if unit == "percent":
        return "percent"
    if unit in (None, "count"):
        return "count"
    return "money"


def fits(metric: Metric, unit: str | None) -> bool:
    family = _unit_family(unit)
    if metric in SHARE_METRICS:
        return family == "percent"
    if metric in MONEY_METRICS:
        return family in ("money", "count")
    return family == "count"


def currency_for(country: str | None) -> str:
    if country:
        found = get_territory_currencies(country)
        if found:
            return found[0]
    return DEFAULT_CURRENCY


def _as_of(text: str, candidate: Candidate, published_on: dt.date | None) -> dt.date | None:
    """A year stated right after the number ("9 892 emplois directs en 2017") dates the figure; else the release does."""
    stated = _as_of_year().match(text, candidate.end)
    if stated:
        year = int(stated.group(1))
        if published_on is None or year < published_on.year:
            return dt.date(year, 12, 31)
    return published_on


class FigureLink(NamedTuple):
    """A number tied to a cluster and a metric by the release's structure (extractor.analysis.links)."""

    candidate: Candidate
    cluster: str
    metric: Metric
    scope: str | None
    decided_by: Decision | None
    part_of: Candidate | None


def build_figure(
    link: FigureLink,
    text: str,
    published_on: dt.date | None,
    country: str | None,
    cluster: str,
) -> tuple[Figure | None, list[Flag]]:
    candidate = link.candidate
    metric = link.metric
    flags: list[Flag] = []
    if not fits(metric, candidate.unit):
        hinted = metric_around(text, candidate.start, candidate.end)
        span = evidence(text, candidate.start, candidate.end)
        if hinted is None or not fits(hinted, candidate.unit):
            return None, [flag(
                METRIC_UNIT_MISMATCH, Severity.info,
                f"{candidate.text!r} was tied to {cluster} as its {metric.value}, which a {_unit_family(candidate.unit)} "
                "cannot be; the figure was left out.",
                cluster=cluster, metric=metric.value, evidence=[span],
            )]
        metric = hinted
    unit = candidate.unit or "count"
    if metric in MONEY_METRICS and unit == "count":
        unit = currency_for(country)
        flags.append(flag(
            CURRENCY_INFERRED, Severity.info,
            f"{candidate.text!r} states no currency; {unit} was assumed from {cluster}'s country.",
            cluster=cluster, metric=metric.value, evidence=[evidence(text, candidate.start, candidate.end)],
        ))
    figure = Figure(
        metric=metric,
        value=candidate.value,
        unit=unit,
        qualifier=Qualifier(candidate.qualifier or Qualifier.exact),
        as_of=_as_of(text, candidate, published_on),
        scope=link.scope,
        evidence=evidence(text, candidate.start, candidate.end),
        high=candidate.high,
        part_of=evidence(text, link.part_of.start, link.part_of.end) if link.part_of else None,
        decided_by=link.decided_by,
    )
    return figure, flags
