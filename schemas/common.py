"""Parts shared by every record: evidence spans, flags and the closed vocabularies."""
from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Strict(BaseModel):
    """Rejects unknown keys so a typo in a producer fails loudly instead of vanishing."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Strict):
    """A verbatim slice of the source text: ``source_text[start:end] == text``."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span_matches_length(self) -> Evidence:
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not have the length of {self.text!r}")
        return self


class Qualifier(StrEnum):
    exact = "exact"
    at_least = "at_least"
    at_most = "at_most"
    approx = "approx"


class Decision(StrEnum):
    """How a record was decided, so that an error can be traced to the rule or the answer behind it."""

    about_section = "about_section"  # the figure sits in the "About X" section of its cluster
    sentence_subject = "sentence_subject"  # the cluster is named before the figure in its sentence
    reference = "reference"  # "the network counts 85 members": the cluster the noun refers to
    paragraph_subject = "paragraph_subject"  # the sentence names nothing; its paragraph last named the cluster
    table = "table"  # the figure sits in a table whose column or row the cluster heads
    model = "model"  # the model's answer, grounded in the text
    structure_and_model = "structure_and_model"  # the structure and the model agree
    merged = "merged"  # several model answers that describe one signing, joined


class Severity(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


class Flag(Strict):
    """Something a person should look at: a contradiction, an ungrounded claim, an odd value."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    severity: Severity
    message: str
    cluster: str | None = None
    metric: str | None = None
    paths: list[str] = Field(default_factory=list, description="JSON pointers into the release")
    evidence: list[Evidence] = Field(default_factory=list)
