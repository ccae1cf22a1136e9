"""Every cluster of a batch over time: its names, the releases that mention it, each figure as a series.

A figure dated by nothing else is as of its release's publication date. Values that change between
releases far apart are history (Polepharma: 300+ members in 2020, 445+ in 2023); two releases
within ``window_days`` of each other that give the same cluster, metric and scope values that cannot
both hold are flagged ``conflicting_sources`` on the cluster. Flows (funding, projects) count over periods
releases seldom state, so they are never in conflict; parts of a figure ("dont 17 start-up") stay in
their release.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.identity.clusters import AliasRegistry, build_registry
from extractor.validate.flags import describe, make_flag, quote
from extractor.validate.intervals import Interval, interval, scope_key
from schemas.common import Flag, Qualifier
from schemas.figure import FLOW_METRICS
from schemas.history import ClusterHistory, ClusterIndex, Observation
from schemas.release import PressRelease

CONFLICT_WINDOW_DAYS = 90
# Releases named one by one in a conflict message; the rest are counted.
MAX_NAMED = 3


@dataclass(frozen=True)
class _Located:
    observation: Observation
    pointer: str          # "<release id>#/clusters/0/figures/2"


def consolidate(
    releases: list[PressRelease],
    window_days: int = CONFLICT_WINDOW_DAYS,
    registry: AliasRegistry | None = None,
) -> ClusterIndex:
    registry = registry or build_registry(releases)
    ordered = sorted(releases, key=lambda r: (r.published_on or dt.date.min, r.id))
    mentions: dict[str, list[str]] = defaultdict(list)
    series: dict[str, dict[str, list[_Located]]] = defaultdict(lambda: defaultdict(list))
    for release in ordered:
        for i, profile in enumerate(release.clusters):
            name = registry.canonical(profile.name)
            if release.id not in mentions[name]:
                mentions[name].append(release.id)
            for j, figure in enumerate(profile.figures):
                if figure.part_of is not None:
                    continue  # "dont 17 start-up" is a breakdown of its release's figure, not a point of the series
                observation = Observation(
                    as_of=figure.as_of or release.published_on,
                    value=figure.value,
                    unit=figure.unit,
                    qualifier=figure.qualifier,
                    scope=figure.scope,
                    release=release.id,
                    evidence=figure.evidence,
                )
                series[name][str(figure.metric)].append(_Located(observation, f"{release.id}#/clusters/{i}/figures/{j}"))
    clusters = [
        _history(name, registry, mentions[name], series[name], window_days)
        for name in sorted(mentions, key=str.casefold)
    ]
    return ClusterIndex(releases=[r.id for r in ordered], clusters=clusters)


def _history(
    name: str,
    registry: AliasRegistry,
    releases: list[str],
    by_metric: dict[str, list[_Located]],
    window_days: int,
) -> ClusterHistory:
    series: dict[str, list[Observation]] = {}
    latest: dict[str, Observation] = {}
    flags: list[Flag] = []
    for metric in sorted(by_metric):
        located = sorted(_distinct(by_metric[metric]), key=_oldest_first)
        series[metric] = [x.observation for x in located]
        whole = [x.observation for x in located if x.observation.scope is None]
        if whole:
            latest[metric] = whole[-1]
        if metric not in FLOW_METRICS:
            flags.extend(_conflicts(name, metric, located, window_days))
    return ClusterHistory(
        name=name, aliases=registry.aliases(name), releases=releases, series=series, latest=latest, flags=flags,
    )


def _oldest_first(x: _Located) -> tuple[bool, dt.date, str, str]:
    # Undated observations first, so that the end of a series is its newest dated value.
    o = x.observation
    return (o.as_of is not None, o.as_of or dt.date.min, o.release, x.pointer)


def _distinct(located: Iterable[_Located]) -> list[_Located]:
    """One observation per release for a value restated identically (a cluster profiled twice)."""
    seen: dict[tuple[str, dt.date | None, str, Qualifier, str | None, float], _Located] = {}
    for x in located:
        o = x.observation
        key = (o.release, o.as_of, o.unit, o.qualifier, scope_key(o.scope), float(o.value))
        seen.setdefault(key, x)
    return list(seen.values())


def _conflicts(name: str, metric: str, located: list[_Located], window_days: int) -> Iterable[Flag]:
    """One flag per statement that earlier statements of other releases, within the window, contradict."""
    window = dt.timedelta(days=window_days)
    # Only dated statements can be close in time; each goes with its date.
    by_population: dict[tuple[str | None, str], list[tuple[dt.date, _Located]]] = defaultdict(list)
    for x in located:
        o = x.observation
        if o.as_of is not None:
            by_population[(scope_key(o.scope), o.unit)].append((o.as_of, x))
    for group in by_population.values():
        recent: deque[tuple[dt.date, _Located, Interval]] = deque()
        for as_of, b in group:
            ob = b.observation
            ib = interval(ob.value, ob.qualifier)
            while recent and as_of - recent[0][0] > window:
                recent.popleft()
            against = [a for _, a, ia in recent if a.observation.release != ob.release and not ia.meets(ib)]
            if against:
                yield _flag(name, metric, b, against, window_days)
            recent.append((as_of, b, ib))


def _flag(name: str, metric: str, b: _Located, against: list[_Located], window_days: int) -> Flag:
    ob = b.observation
    stated: dict[tuple[int | float, Qualifier], list[_Located]] = defaultdict(list)
    for a in against:
        stated[(a.observation.value, a.observation.qualifier)].append(a)
    earlier = []
    for group in stated.values():
        oa = group[0].observation
        named = ", ".join(f"{x.observation.release} ({x.observation.as_of})" for x in group[:MAX_NAMED])
        more = f" and {len(group) - MAX_NAMED} more" if len(group) > MAX_NAMED else ""
        releases = "releases" if len(group) > 1 else "release"
        earlier.append(f"{describe(oa.value, oa.unit, oa.qualifier, metric)} ({quote(oa.evidence)}) in {releases} {named}{more}")
    where = f" in {ob.scope}" if ob.scope else ""
    return make_flag(
        "conflicting_sources",
        f"{name}{where}: release {ob.release} ({ob.as_of}) gives {describe(ob.value, ob.unit, ob.qualifier, metric)} "
        f"({quote(ob.evidence)}) but, in the {window_days} days before, {'; '.join(earlier)}; these cannot all hold.",
        cluster=name, metric=metric,
        paths=[*(a.pointer for a in against), b.pointer],
        evidence=[*(group[0].observation.evidence for group in stated.values()), ob.evidence],
    )
