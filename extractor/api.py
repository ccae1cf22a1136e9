"""The Python API: the batch behind `extractor extract`, called from a program.

    from extractor import extract_paths, extract_text
    releases = extract_paths(["releases/"], out="outputs", base_url="http://localhost:8000/v1", model="qwen")
    release = extract_text("BioWin et MEDVIA signent …", base_url=..., model=...)

Options are the fields of extractor.batch.BatchOptions — the command line's options under their Python names
(jobs, base_url, model, api_key, embedded_model, use_cache, cache_dir, deadlines, breaker_limit) — and go
through the same batch, so files, run.json, the cache, deadlines and the circuit breaker behave as on the
command line.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console

from extractor.batch import BatchOptions, Outcome, run_batch
from extractor.errors import ReleaseError
from schemas.release import PressRelease


def _quiet() -> Console:
    return Console(stderr=True, quiet=True)


def _run(paths: list[Path], out: Path, options: dict[str, Any]) -> list[Outcome]:
    collected: list[Outcome] = []
    run_batch(paths, BatchOptions(out=out, **options), _quiet(), collect=collected)
    return collected


def extract_paths(paths: Iterable[str | Path], out: str | Path, **options: Any) -> list[PressRelease]:
    """Extracts every release under ``paths`` into ``out`` and returns the releases written, in order.

    A release that fails is absent from the list; ``out``/run.json says why, as after `extractor extract`.
    """
    return [release for _, release, _ in _run([Path(p) for p in paths], Path(out), options) if release is not None]


def extract_text(text: str, name: str = "release", suffix: str = ".txt", **options: Any) -> PressRelease:
    """Extracts one release given as a string (``suffix`` ".html" for HTML); its id is ``name``.

    Nothing is kept on disk but the answer cache; a release that fails raises its error (an ExtractorError
    whose message is the sentence run.json would hold).
    """
    with tempfile.TemporaryDirectory(prefix="extractor-") as folder:
        source = Path(folder) / "in" / f"{name}{suffix}"
        source.parent.mkdir()
        source.write_text(text, encoding="utf-8")
        [(run, release, error)] = _run([source], Path(folder) / "out", options)
    if error is not None:
        raise error
    if release is None:
        raise ReleaseError(run.error or f"{name} could not be extracted.")
    return release
