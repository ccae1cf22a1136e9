"""Validators: checks run on one release before it is written, each returning flags, none mutating.

validate_release runs them all. Without the source text (``text`` is None, e.g. a re-run whose
source file has moved) the checks that read the text are skipped and the others still run.
"""
from __future__ import annotations

from collections.abc import Callable

from extractor.candidates import Candidate
from extractor.identity.clusters import AliasRegistry
from extractor.validate import contradictions, counts, evidence, plausibility
from extractor.validate.flags import VALIDATOR_CODES
from extractor.validate.subject import Subject
from schemas.common import Flag
from schemas.release import PressRelease

VALIDATORS: tuple[Callable[[Subject], list[Flag]], ...] = (
    contradictions.check,
    counts.check,
    evidence.check,
    plausibility.check,
)

__all__ = ["VALIDATORS", "VALIDATOR_CODES", "validate_release"]


def validate_release(
    release: PressRelease,
    text: str | None,
    candidates: list[Candidate] | None = None,
    registry: AliasRegistry | None = None,
) -> list[Flag]:
    """Every validator's flags for ``release``, whose evidence offsets point into ``text``.

    ``candidates`` are find_candidates(text, release.language) when the caller already has them
    (the pipeline does); otherwise they are found here. ``registry`` resolves cluster aliases; by
    default it is built from this release and the curated alias file.
    """
    subject = Subject(release, text, registry, candidates)
    return [flag for validator in VALIDATORS for flag in validator(subject)]
