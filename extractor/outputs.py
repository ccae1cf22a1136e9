"""A folder written by `extractor extract`, read back for the tools that look at results: review, export, evaluate.

Every ``*.json`` beside ``run.json`` and ``clusters.json`` is taken for a release; one that does not match the
press-release schema is named in a sentence and skipped, and the rest are still read. Sub-folders are not read.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from extractor.errors import ReleaseError, SetupError
from extractor.read import read_release
from extractor.revalidate import load_release
from extractor.store import CLUSTERS_FILE, release_paths
from schemas.history import ClusterIndex
from schemas.release import PressRelease
from schemas.run import RunReport, Status

RUN_FILE = "run.json"
M = TypeVar("M", ClusterIndex, RunReport)


@dataclass(frozen=True)
class OutputFolder:
    directory: Path
    releases: list[PressRelease]
    clusters: ClusterIndex | None
    run: RunReport | None
    problems: list[str] = field(default_factory=list)

    def status(self, release_id: str) -> Status | None:
        if self.run is None:
            return None
        return next((r.status for r in self.run.releases if r.id == release_id), None)


def read_outputs(directory: Path) -> OutputFolder:
    """Raises SetupError when ``directory`` is not a folder or holds no readable release."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SetupError(f"{directory} is not a folder; pass the folder `extractor extract --out` wrote.")
    problems: list[str] = []
    releases: list[PressRelease] = []
    for path in (p for p in release_paths(directory) if p.is_file()):
        try:
            releases.append(load_release(path))
        except ReleaseError as exc:
            problems.append(str(exc))
    if not releases:
        why = f" ({len(problems)} file(s) could not be read: {' '.join(problems)})" if problems else ""
        raise SetupError(
            f"{directory} holds no release output{why}; run `extractor extract <releases> --out {directory}` first."
        )
    clusters = _optional(directory / CLUSTERS_FILE, ClusterIndex, problems)
    run = _optional(directory / RUN_FILE, RunReport, problems)
    return OutputFolder(directory, releases, clusters, run, problems)


def _optional(path: Path, model: type[M], problems: list[str]) -> M | None:
    if not path.exists():
        return None
    try:
        return model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        problems.append(f"{path} cannot be read as a batch's {path.name} ({type(exc).__name__}); it was left out. Run `extractor validate {path.parent}` to rebuild it.")
        return None


def source_text(release: PressRelease, directory: Path) -> str | None:
    """The text the evidence offsets point into, or None when the source is gone or changed since extraction.

    A relative source path is read from the working folder first, then from the output folder's parent,
    where `extractor extract seeds --out outputs` leaves both.
    """
    given = Path(release.source.path)
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, Path(directory).resolve().parent / given]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            read = read_release(path)
        except ReleaseError:
            continue
        if read.sha256 == release.source.sha256:
            return read.text
    return None
