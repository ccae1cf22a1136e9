"""``clusters.json``: every cluster of a batch, its aliases and each figure as a time series."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from schemas.common import Evidence, Flag, Qualifier, Strict
from schemas.release import SCHEMA_VERSION


class Observation(Strict):
    as_of: dt.date | None
    value: int | float
    unit: str
    qualifier: Qualifier
    scope: str | None = None
    release: str = Field(description="Id of the release that states it")
    evidence: Evidence | None = None


class ClusterHistory(Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    releases: list[str] = Field(default_factory=list)
    series: dict[str, list[Observation]] = Field(default_factory=dict, description="metric -> observations, oldest first")
    latest: dict[str, Observation] = Field(default_factory=dict, description="metric -> newest whole-cluster observation")
    flags: list[Flag] = Field(default_factory=list)


class ClusterIndex(Strict):
    schema_version: str = SCHEMA_VERSION
    releases: list[str] = Field(default_factory=list)
    clusters: list[ClusterHistory] = Field(default_factory=list)
