"""A batch: every release under the given paths, one JSON each, then run.json and clusters.json.

A release that fails (unreadable file, model endpoint down, answer outside the schema) gets an error entry
in run.json and the batch goes on; nothing is written for it, so no output is ever half-written. The output
folder is a store (extractor.store): run.json is rewritten after every release and covers the releases
earlier batches left there, and clusters.json consolidates them all.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractor.ask.asker import Model
from extractor.ask.prompts import prompt_version
from extractor.cache import AnswerCache
from extractor.consolidate.history import consolidate
from extractor.engine.breaker import DEFAULT_LIMIT, Breaker
from extractor.engine.client import LLM
from extractor.engine.deadline import EMBEDDED, Deadlines
from extractor.engine.embedded import EmbeddedLLM
from extractor.errors import EndpointStopped, ExtractorError, Interrupted, ReleaseError, SetupError
from extractor.pipeline import extract_release
from extractor.read import MAX_BYTES, read_release
from extractor.redact import redact
from extractor.revalidate import load_release
from extractor.store import CLUSTERS_FILE, RunLedger, assign_ids, locked, previous_report, release_paths, source_key
from extractor.summary import print_summary
from extractor.walk import Walk, supported, walk_releases
from extractor.write import write_json, write_release
from schemas.release import PressRelease
from schemas.run import ReleaseRun, RunReport, Skipped, Status


@dataclass(frozen=True)
class BatchOptions:
    out: Path
    jobs: int = 1
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None
    embedded_model: str = "qwen2.5-coder-1.5b"
    use_cache: bool = True
    cache_dir: Path | None = None
    max_bytes: int | None = MAX_BYTES  # a larger release file fails with a sentence; None: no limit
    deadlines: Deadlines | None = None  # None: engine.deadline's defaults for a remote endpoint or the embedded model
    breaker_limit: int = DEFAULT_LIMIT


def client_for(options: BatchOptions) -> LLM | EmbeddedLLM:
    """The model client the options describe (the CLI's batch and the service share it)."""
    if options.base_url:
        if not options.model:
            raise SetupError("--base-url needs --model (or EXTRACTOR_MODEL): the name of the model served there.")
        return LLM(options.base_url, options.model, options.api_key, deadlines=options.deadlines or Deadlines())
    return EmbeddedLLM(options.embedded_model, deadlines=options.deadlines or EMBEDDED)


def _failed(release_id: str, path: Path, started: float, error: str) -> ReleaseRun:
    return ReleaseRun(id=release_id, path=source_key(path), status=Status.failed, seconds=round(time.monotonic() - started, 2),
                      error=redact(error))


Outcome = tuple[ReleaseRun, PressRelease | None, ExtractorError | None]


def extract_file(path: Path, release_id: str, llm: Model, cache: AnswerCache | None, options: BatchOptions) -> Outcome:
    """One release file, read, extracted and written: the step every batch runs per release (here, or on Ray)."""
    started = time.monotonic()
    try:
        source = replace(read_release(path, options.max_bytes), id=release_id)
        result = extract_release(source, llm, cache)
        write_release(result.release, options.out)
    except SetupError:
        raise  # no model, no server, no schema files: every release would fail the same way
    except Interrupted:
        return ReleaseRun(id=release_id, path=source_key(path), status=Status.not_attempted), None, None
    except ExtractorError as exc:
        return _failed(release_id, path, started, str(exc)), None, exc
    except Exception as exc:  # a bug on one release must not cost the user the rest of the batch
        return _failed(release_id, path, started, f"{path} was skipped after an internal error ({type(exc).__name__}: {exc}); "
                                                  "the other releases are not affected."), None, None
    usage = result.usage
    status = Status.partial if result.failed_questions else Status.cached if result.cache_hit else Status.ok
    return ReleaseRun(
        id=source.id, path=source_key(path), status=status, failed_questions=list(result.failed_questions),
        seconds=round(time.monotonic() - started, 2), llm_calls=usage.calls, prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens, cache_hit=result.cache_hit, flags=len(result.release.flags),
    ), result.release, None


def run_batch(paths: list[Path], options: BatchOptions, console: Console | None = None,
              llm: Model | None = None, collect: list[Outcome] | None = None) -> int:
    """Extracts every release under paths into options.out; returns the exit code (0, or 1 if a release failed).

    ``llm`` replaces the client the options describe (an application embedding the batch, or a test);
    ``collect``, when given, receives each release's run entry, the release written and the error, if any
    (the Python API).
    Ctrl-C and the circuit breaker stop the batch: run.json is still written, the releases left marked
    "not attempted", and Interrupted or EndpointStopped is raised.
    """
    console = console or Console(stderr=True)
    walk = walk_releases(paths)
    if not walk.files:
        first = f"; {len(walk.skipped)} path(s) skipped, first {walk.skipped[0][0]}: {walk.skipped[0][1]}" if walk.skipped else ""
        raise SetupError(f"No release ({supported()}) found under {', '.join(map(str, paths))}{first}.")
    try:
        options.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(f"Cannot create the output folder {options.out} ({exc.strerror}); choose another with --out.") from exc
    with locked(options.out):
        return _run_locked(walk, options, console, llm, collect)


def _run_locked(walk: Walk, options: BatchOptions, console: Console, llm: Model | None, collect: list[Outcome] | None) -> int:
    previous = previous_report(options.out)
    ids = assign_ids(walk.files, {run.id: run.path for run in previous.releases} if previous else {})
    cache = AnswerCache(options.cache_dir) if options.use_cache else None
    llm = llm or client_for(options)
    # The embedded server answers one request at a time and keeps one prompt prefix warm: parallel
    # releases would only evict each other's prefix.
    jobs = 1 if isinstance(llm, EmbeddedLLM) else options.jobs
    started = time.monotonic()
    report = RunReport(model=llm.model, endpoint=llm.endpoint, prompt_version=prompt_version(),
                       started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), seconds=0.0,
                       skipped=[Skipped(path=str(path), reason=reason) for path, reason in walk.skipped])
    ledger = RunLedger(options.out, report, [(ids[path], path) for path in walk.files], previous)
    ledger.write()
    releases: list[PressRelease] = []
    breaker = Breaker(options.breaker_limit)
    stopped: str | None = None
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("extracting", total=len(walk.files))
            pool = ThreadPoolExecutor(max_workers=jobs)
            try:
                for run, release, error in pool.map(lambda p: extract_file(p, ids[p], llm, cache, options), walk.files):
                    ledger.record(run)
                    if collect is not None:
                        collect.append((run, release, error))
                    if release is not None:
                        releases.append(release)
                    progress.update(task, advance=1, description=f"{run.id} {run.status.value}")
                    stopped = breaker.record(error)
                    if stopped:
                        break
            except KeyboardInterrupt:
                stopped = ("The batch was stopped by Ctrl-C; the releases left are marked \"not attempted\" in run.json, "
                           "and running the same command again resumes them.")
            finally:
                if stopped and isinstance(llm, (LLM, EmbeddedLLM)):
                    llm.interrupt()  # requests under way end within a fraction of a second
                pool.shutdown(wait=True, cancel_futures=True)
    finally:
        if isinstance(llm, EmbeddedLLM):
            llm.close()
    if stopped:
        ledger.give_up()
    ledger.write(seconds=round(time.monotonic() - started, 2))
    ledger.archive()
    _write_clusters(options.out, releases)
    runs = ledger.ours()
    print_summary(console, runs, releases, walk.skipped, options.out)
    if stopped:
        raise (EndpointStopped if breaker.tripped else Interrupted)(stopped)
    return 1 if any(r.status is Status.failed for r in runs) else 0


def _write_clusters(out: Path, releases: list[PressRelease]) -> None:
    """clusters.json over every release in the store, so a later batch adds to the history instead of replacing it."""
    ours = {release.id for release in releases}
    stored = list(releases)
    for path in release_paths(out):
        if path.stem not in ours:
            with contextlib.suppress(ReleaseError):  # a damaged output is `extractor validate`'s to report
                stored.append(load_release(path))
    if stored:
        index = consolidate(stored)
        write_json(out / CLUSTERS_FILE, index.model_dump(mode="json"), "clusters")
