"""An agreement a release announces: who signed what, when, where and about what."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from schemas.common import Decision, Evidence, Qualifier, Strict


class AgreementKind(StrEnum):
    partnership = "partnership"
    alliance = "alliance"
    convention = "convention"
    mou = "mou"
    renewal = "renewal"
    other = "other"


class Money(Strict):
    amount: int | float
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    qualifier: Qualifier = Qualifier.exact
    evidence: Evidence | None = None


class Period(Strict):
    start: dt.date | None = None
    end: dt.date | None = None


class Agreement(Strict):
    kind: AgreementKind = AgreementKind.other
    parties: list[str] = Field(default_factory=list)
    signed_on: dt.date | None = None
    place: str | None = None
    event: str | None = None
    focus_areas: list[str] = Field(default_factory=list)
    period: Period | None = None
    budget: Money | None = None
    evidence: Evidence | None = None
    decided_by: Decision | None = Field(default=None, description="model: one answer of the model; merged: several answers about one signing")
