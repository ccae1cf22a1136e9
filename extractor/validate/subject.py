"""What every validator looks at: a release, its source text, and its figures and evidence spans located.

A figure is located by its JSON pointer (/clusters/0/figures/2), its cluster resolved through the
alias registry (a release may profile one cluster twice under two names) and its date defaulted to
the release's publication date.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, get_args

from pydantic import BaseModel

from extractor.candidates import Candidate, find_candidates
from extractor.identity.clusters import AliasRegistry, build_registry
from schemas.common import Evidence
from schemas.figure import Figure
from schemas.release import PressRelease


@dataclass(frozen=True)
class PlacedFigure:
    figure: Figure
    path: str
    cluster: str
    as_of: dt.date | None


class Subject:
    """One release under validation; ``text`` is None when the source file could not be read."""

    def __init__(
        self,
        release: PressRelease,
        text: str | None,
        registry: AliasRegistry | None = None,
        candidates: list[Candidate] | None = None,
    ) -> None:
        self.release = release
        self.text = text
        # Given ones are the extraction's own: finding them again would cost more than all the checks.
        if registry is not None:
            self.registry = registry
        if candidates is not None and text is not None:
            self.candidates = candidates

    @cached_property
    def registry(self) -> AliasRegistry:
        return build_registry([self.release])

    @cached_property
    def figures(self) -> list[PlacedFigure]:
        return list(placed_figures(self.release, self.registry))

    @cached_property
    def evidence(self) -> list[tuple[str, Evidence]]:
        """Every evidence span in the release (flags aside) with its JSON pointer."""
        return list(evidence_spans(self.release))

    @cached_property
    def candidates(self) -> list[Candidate]:
        """Quantities, dates, phones... found in the source text; none without a text."""
        if self.text is None:
            return []
        return find_candidates(self.text, self.release.language)

    def slices(self, evidence: Evidence) -> bool:
        """Whether the evidence is exactly the source text at its offsets."""
        return self.text is not None and self.text[evidence.start:evidence.end] == evidence.text


def placed_figures(release: PressRelease, registry: AliasRegistry) -> Iterator[PlacedFigure]:
    for i, profile in enumerate(release.clusters):
        cluster = registry.canonical(profile.name)
        for j, figure in enumerate(profile.figures):
            yield PlacedFigure(figure, f"/clusters/{i}/figures/{j}", cluster, figure.as_of or release.published_on)


def evidence_spans(model: BaseModel, pointer: str = "") -> Iterator[tuple[str, Evidence]]:
    for name in _fields_with_models(type(model)):
        yield from _spans_in(getattr(model, name), f"{pointer}/{name}")


def _spans_in(value: Any, pointer: str) -> Iterator[tuple[str, Evidence]]:
    if isinstance(value, Evidence):
        yield pointer, value
    elif isinstance(value, BaseModel):
        yield from evidence_spans(value, pointer)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _spans_in(item, f"{pointer}/{i}")


@cache
def _fields_with_models(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields that can hold a model, hence evidence; flags carry copies of other spans."""
    return tuple(name for name, field in cls.model_fields.items() if name != "flags" and _holds_models(field.annotation))


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation))
