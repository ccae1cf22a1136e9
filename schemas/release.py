"""The output contract: one PressRelease per source file."""
from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import Field

from schemas.agreement import Agreement
from schemas.cluster import ClusterProfile
from schemas.common import Evidence, Flag, Strict

# Final keeps the literal type, so the schema_version field below can default to it.
SCHEMA_VERSION: Final = "1.2.0"

SourceFormat = Literal["text", "html", "pdf", "docx"]


class Source(Strict):
    """The file a release was read from and how it became the text that every evidence span slices."""

    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    chars: int = Field(ge=0)
    encoding: str | None = Field(description="The text's character encoding; null for a PDF")
    format: SourceFormat = Field(default="text", description="The file's format (since 1.2.0)")
    converter: str | None = Field(
        default=None, description="The library and version that turned the file into text, e.g. 'pypdf 7.1.0'; null for plain text (since 1.2.0)"
    )
    title: str | None = Field(default=None, description="The document's own title from its metadata, e.g. a web page's (since 1.2.0)")
    published_on: dt.date | None = Field(default=None, description="The document's own date from its metadata (since 1.2.0)")


class Place(Strict):
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class Person(Strict):
    name: str
    role: str | None = None
    organisation: str | None = None
    evidence: Evidence | None = None


class Contact(Strict):
    name: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = Field(default=None, pattern=r"^\+[1-9][0-9]{6,14}$", description="E.164")
    evidence: Evidence | None = None


class Extraction(Strict):
    model: str
    endpoint: str
    prompt_version: str
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    failed_questions: list[str] = Field(default_factory=list, description="Questions the model could not answer; the release is partial")


class PressRelease(Strict):
    # Outputs of 1.1.0 still validate: 1.2.0 only added optional fields to ``source``.
    schema_version: Literal["1.2.0", "1.1.0"] = SCHEMA_VERSION
    id: str = Field(description="The source file's stem")
    source: Source
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1")
    title: str | None = None
    published_on: dt.date | None = None
    places: list[Place] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    clusters: list[ClusterProfile] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    extraction: Extraction
