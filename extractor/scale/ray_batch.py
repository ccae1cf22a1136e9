"""`extractor extract --ray`: corpora beyond one machine, on Ray Data (the optional `ray` extra).

The map step is ray.data over the input files, one call of the batch's own per-release step
(extractor.batch.extract_file: read, pipeline, write) per file, on ``--jobs`` actors that each hold one
model client. The reduce step is the consolidation (extractor.consolidate) over every release, on the
driver, which writes run.json and clusters.json. On a cluster of several machines ``--out`` (and the
answer cache) must be storage every node sees; Ray is joined at RAY_ADDRESS, or started locally.

This module imports Ray at the top: the CLI imports it only for --ray, so the CLI runs without Ray.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import ray
from rich.console import Console

from extractor.ask.asker import Model
from extractor.ask.prompts import prompt_version
from extractor.batch import BatchOptions, client_for, extract_file
from extractor.cache import AnswerCache
from extractor.consolidate.history import consolidate
from extractor.errors import SetupError
from extractor.store import assign_ids
from extractor.walk import supported, walk_releases
from extractor.write import write_json
from schemas.release import PressRelease
from schemas.run import ReleaseRun, RunReport, Status


class _Extract:
    """One Ray actor: a model client and the answer cache, kept for every release it is given."""

    def __init__(self, options: BatchOptions, client: Callable[[], Model] | None) -> None:
        self.options = options
        self.llm = client() if client is not None else client_for(options)
        self.cache = AnswerCache(options.cache_dir) if options.use_cache else None

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        run, release, _ = extract_file(Path(row["path"]), row["id"], self.llm, self.cache, self.options)
        return {"index": row["index"], "run": run.model_dump_json(),
                "release": release.model_dump_json() if release is not None else ""}


def run_on_ray(paths: list[Path], options: BatchOptions, console: Console | None = None,
               client: Callable[[], Model] | None = None) -> int:
    """Extracts every release under paths on Ray into options.out; returns the exit code, as run_batch does.

    ``client`` builds each actor's model client in place of the one the options describe (a test's stand-in).
    """
    console = console or Console(stderr=True)
    walk = walk_releases(paths)
    if not walk.files:
        raise SetupError(f"No release ({supported()}) found under {', '.join(map(str, paths))}.")
    files = walk.files
    options.out.mkdir(parents=True, exist_ok=True)
    ids = assign_ids(files, {})
    if not ray.is_initialized():
        ray.init(logging_level=logging.WARNING, log_to_driver=False)
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    # Workers may run in another folder: they are given absolute paths, which run.json and each source show.
    items = [{"index": i, "path": str(path.resolve()), "id": ids[path]} for i, path in enumerate(files)]
    # Ray Data runs a class as a pool of actors; its type hints name only the plain-function form.
    actor = cast("Callable[[dict[str, Any]], dict[str, Any]]", _Extract)
    rows = (ray.data.from_items(items)
            .map(actor, fn_constructor_kwargs={"options": options, "client": client}, concurrency=options.jobs)
            .take_all())
    rows.sort(key=lambda row: row["index"])
    runs = [ReleaseRun.model_validate_json(row["run"]) for row in rows]
    releases = [PressRelease.model_validate_json(row["release"]) for row in rows if row["release"]]
    model = client() if client is not None else client_for(options)
    report = RunReport(model=model.model, endpoint=model.endpoint, prompt_version=prompt_version(),
                       started_at=started_at, seconds=round(time.monotonic() - started, 2), releases=runs)
    write_json(options.out / "run.json", report.model_dump(mode="json"), "run")
    if releases:
        write_json(options.out / "clusters.json", consolidate(releases).model_dump(mode="json"), "clusters")
    failed = sum(run.status is Status.failed for run in runs)
    console.print(f"{len(runs) - failed} of {len(runs)} releases written on Ray, {failed} failed.")
    return 1 if failed else 0
