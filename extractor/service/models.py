"""What the service takes and answers besides the output contract (schemas/): requests, job states, errors."""
from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schemas.history import ClusterIndex
from schemas.release import PressRelease
from schemas.run import RunReport

# A file name the release is read as: its suffix picks the reader (HTML or plain text), its stem is the id.
RELEASE_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.(txt|md|markdown|html|htm)$"
MAX_BATCH_RELEASES = 1000


class ReleaseText(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The release, as plain text, Markdown or HTML (by the suffix of name).")
    name: str = Field(default="release.txt", pattern=RELEASE_NAME,
                      description="File name the release is read as; its stem becomes the release id.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    releases: list[ReleaseText] = Field(min_length=1, max_length=MAX_BATCH_RELEASES)


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class BatchJob(BaseModel):
    id: str
    status: JobStatus
    releases_total: int
    error: str | None = None
    run: RunReport | None = Field(default=None, description="The batch's run.json once it is done.")
    releases: list[PressRelease] = Field(default_factory=list, description="Every release written, once done.")
    clusters: ClusterIndex | None = Field(default=None, description="The batch's clusters.json once it is done.")


class Health(BaseModel):
    status: str
    model: str
    endpoint: str
    prompt_version: str


class ErrorBody(BaseModel):
    detail: str = Field(description="One sentence: what was wrong and what to do.")
