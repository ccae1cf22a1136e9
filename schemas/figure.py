"""A cluster figure: a number, normalised to base units, with the characters it came from."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from schemas.common import Decision, Evidence, Qualifier, Strict

__all__ = ["FLOW_METRICS", "MONEY_METRICS", "SHARE_METRICS", "Decision", "Figure", "Metric"]


class Metric(StrEnum):
    members = "members"
    companies = "companies"
    smes = "smes"
    academic_institutions = "academic_institutions"
    research_centres = "research_centres"
    hospitals = "hospitals"
    jobs = "jobs"
    researchers = "researchers"
    export_revenue = "export_revenue"
    revenue = "revenue"
    production_share = "production_share"
    offices = "offices"
    production_sites = "production_sites"
    projects = "projects"
    funding = "funding"


MONEY_METRICS = frozenset({Metric.export_revenue, Metric.revenue, Metric.funding})
SHARE_METRICS = frozenset({Metric.production_share})
# Counted over some period or programme the release often leaves unsaid: two values are two periods, not a conflict.
FLOW_METRICS = frozenset({Metric.funding, Metric.projects})


class Figure(Strict):
    metric: Metric
    value: int | float = Field(description="In base units: '26 Mds' is 26000000000, '53 %' is 53")
    unit: str = Field(description="'count', 'percent' or an ISO 4217 currency code")
    qualifier: Qualifier = Qualifier.exact
    as_of: dt.date | None = Field(default=None, description="Defaults to the release date")
    scope: str | None = Field(default=None, description="Sub-region or group the figure covers, e.g. 'Normandie'")
    evidence: Evidence | None = None
    high: int | float | None = Field(default=None, description="Upper end when the text gives a range ('200-300'); value is the lower end")
    part_of: Evidence | None = Field(default=None, description="The figure this one is a part of ('dont 17 start-up' of '42 entreprises')")
    decided_by: Decision | None = Field(default=None, description="How the figure was tied to its cluster")
