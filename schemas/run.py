"""``run.json``: what a batch did for each release."""
from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schemas.common import Strict


class Status(StrEnum):
    ok = "ok"
    partial = "partial"  # written, but some question had no valid answer (see the release's flags)
    cached = "cached"
    failed = "failed"
    not_done = "not_done"  # listed when the batch started, not finished yet: a killed batch leaves these
    not_attempted = "not attempted"  # the batch stopped (Ctrl-C, circuit breaker) before this release; a re-run does it


class ReleaseRun(Strict):
    id: str = Field(description="The output's name, DIR/<id>.json: the source file's stem unless that collides (README, Output folder)")
    path: str = Field(description="The source file, as an absolute path")
    status: Status
    seconds: float = 0.0
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hit: bool = False
    flags: int = 0
    error: str | None = None
    failed_questions: list[str] = Field(default_factory=list)


class Skipped(Strict):
    """A path under the given folders that the batch did not read, and why."""

    path: str
    reason: str


class RunReport(Strict):
    """Covers every release output in the folder: this run's releases and those earlier runs left there."""

    model: str
    endpoint: str
    prompt_version: str
    started_at: str
    seconds: float
    releases: list[ReleaseRun] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
