"""The profile of a cluster as one release describes it."""
from __future__ import annotations

from pydantic import Field

from schemas.common import Evidence, Strict
from schemas.figure import Figure


class Leader(Strict):
    name: str
    role: str | None = None


class ClusterProfile(Strict):
    name: str = Field(description="Canonical name")
    aliases: list[str] = Field(default_factory=list)
    region: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    website: str | None = None
    leaders: list[Leader] = Field(default_factory=list)
    offices: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    evidence: Evidence | None = None
