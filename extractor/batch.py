"""A batch: every release under the given paths, one JSON each, then run.json and clusters.json.

A release that fails (unreadable file, model endpoint down, answer outside the schema) gets an error entry
in run.json and the batch goes on; nothing is written for it, so no output is ever half-written.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor.ask.prompts import prompt_version
from extractor.cache import AnswerCache
from extractor.consolidate.history import consolidate
from extractor.engine.breaker import DEFAULT_LIMIT, Breaker
from extractor.engine.client import LLM
from extractor.engine.deadline import Deadlines
from extractor.engine.embedded import EmbeddedLLM
from extractor.errors import EndpointStopped, ExtractorError, Interrupted, SetupError
from extractor.pipeline import extract_release
from extractor.read import find_releases, read_release
from extractor.redact import redact
from extractor.write import write_json, write_release
from schemas.common import Severity
from schemas.release import PressRelease
from schemas.run import ReleaseRun, RunReport, Status


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
    deadlines: Deadlines = field(default_factory=Deadlines)
    breaker_limit: int = DEFAULT_LIMIT


def _client(options: BatchOptions) -> LLM | EmbeddedLLM:
    if options.base_url:
        if not options.model:
            raise SetupError("--base-url needs --model (or EXTRACTOR_MODEL): the name of the model served there.")
        return LLM(options.base_url, options.model, options.api_key, deadlines=options.deadlines)
    return EmbeddedLLM(options.embedded_model, deadlines=options.deadlines)


def _check_ids(paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in seen:
            raise SetupError(
                f"{seen[path.stem]} and {path} would both be written as {path.stem}.json; rename one or run them in separate batches."
            )
        seen[path.stem] = path


def _failed(path: Path, started: float, error: str) -> ReleaseRun:
    return ReleaseRun(id=path.stem, path=str(path), status=Status.failed, seconds=round(time.monotonic() - started, 2),
                      error=redact(error))


def _not_attempted(path: Path) -> ReleaseRun:
    return ReleaseRun(id=path.stem, path=str(path), status=Status.not_attempted)


Outcome = tuple[ReleaseRun, PressRelease | None, ExtractorError | None]


def _one(path: Path, llm: LLM | EmbeddedLLM, cache: AnswerCache | None, out: Path) -> Outcome:
    started = time.monotonic()
    try:
        source = read_release(path)
        result = extract_release(source, llm, cache)
        write_release(result.release, out)
    except SetupError:
        raise  # no model, no server, no schema files: every release would fail the same way
    except Interrupted:
        return _not_attempted(path), None, None
    except ExtractorError as exc:
        return _failed(path, started, str(exc)), None, exc
    except Exception as exc:  # a bug on one release must not cost the user the rest of the batch
        return _failed(path, started, f"{path} was skipped after an internal error ({type(exc).__name__}: {exc}); "
                                      "the other releases are not affected."), None, None
    usage = result.usage
    status = Status.partial if result.failed_questions else Status.cached if result.cache_hit else Status.ok
    return ReleaseRun(
        id=source.id, path=str(path), status=status, failed_questions=list(result.failed_questions),
        seconds=round(time.monotonic() - started, 2), llm_calls=usage.calls, prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens, cache_hit=result.cache_hit, flags=len(result.release.flags),
    ), result.release, None


def run_batch(paths: list[Path], options: BatchOptions, console: Console | None = None,
              llm: LLM | EmbeddedLLM | None = None,
              collect: list[Outcome] | None = None) -> int:
    """Extracts every release under paths into options.out; returns the exit code (0, or 1 if a release failed).

    ``llm`` replaces the client the options describe (an application embedding the batch, or a test);
    ``collect``, when given, receives each release's run entry, the release written and the error, if any
    (the Python API).
    Ctrl-C and the circuit breaker stop the batch: run.json is still written, the releases left marked
    "not attempted", and Interrupted or EndpointStopped is raised.
    """
    console = console or Console(stderr=True)
    files = find_releases(paths)
    if not files:
        raise SetupError(f"No release (.txt, .md, .html) found under {', '.join(map(str, paths))}.")
    _check_ids(files)
    try:
        options.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(f"Cannot create the output folder {options.out} ({exc.strerror}); choose another with --out.") from exc
    cache = AnswerCache(options.cache_dir) if options.use_cache else None
    llm = llm or _client(options)
    # The embedded server answers one request at a time and keeps one prompt prefix warm: parallel
    # releases would only evict each other's prefix.
    jobs = 1 if isinstance(llm, EmbeddedLLM) else options.jobs
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    runs: list[ReleaseRun] = []
    releases: list[PressRelease] = []
    breaker = Breaker(options.breaker_limit)
    stopped: str | None = None
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("extracting", total=len(files))
            pool = ThreadPoolExecutor(max_workers=jobs)
            try:
                for run, release, error in pool.map(lambda p: _one(p, llm, cache, options.out), files):
                    runs.append(run)
                    if collect is not None:
                        collect.append((run, release, error))
                    if release is not None:
                        releases.append(release)
                    progress.update(task, advance=1, description=f"{run.id} {run.status.value}")
                    stopped = breaker.record(error)
                    if stopped:
                        break
            except KeyboardInterrupt:
                stopped = "The batch was stopped by Ctrl-C; the releases left are marked \"not attempted\" in run.json, and running the same command again resumes them."
            finally:
                if stopped:
                    llm.interrupt()  # requests under way end within a fraction of a second
                pool.shutdown(wait=True, cancel_futures=True)
    finally:
        if isinstance(llm, EmbeddedLLM):
            llm.close()
    finished = {run.path for run in runs}
    runs.extend(_not_attempted(path) for path in files if str(path) not in finished)
    report = RunReport(model=llm.model, endpoint=llm.endpoint, prompt_version=prompt_version(),
                       started_at=started_at, seconds=round(time.monotonic() - started, 2), releases=runs)
    write_json(options.out / "run.json", report.model_dump(mode="json"), "run")
    if releases:
        index = consolidate(releases)
        write_json(options.out / "clusters.json", index.model_dump(mode="json"), "clusters")
    _summary(console, runs, releases)
    if stopped:
        raise (EndpointStopped if breaker.tripped else Interrupted)(stopped)
    return 1 if any(r.status is Status.failed for r in runs) else 0


def _summary(console: Console, runs: list[ReleaseRun], releases: list[PressRelease]) -> None:
    severities = {r.id: Counter(f.severity for f in r.flags) for r in releases}
    failures = any(run.error for run in runs)
    table = Table(title="extraction", show_lines=False)
    table.add_column("release", no_wrap=True)
    for column in ("status", "s", "calls", "tokens in/out", "errors/warnings"):
        table.add_column(column, no_wrap=True)
    if failures:
        table.add_column("error", overflow="fold")
    for run in runs:
        counts = severities.get(run.id, Counter())
        row = [run.id, run.status.value, f"{run.seconds:.1f}", str(run.llm_calls),
               f"{run.prompt_tokens}/{run.completion_tokens}", f"{counts[Severity.error]}/{counts[Severity.warning]}"]
        table.add_row(*row, *([run.error or ""] if failures else []))
    console.print(table)
    failed = sum(r.status is Status.failed for r in runs)
    skipped = sum(r.status is Status.not_attempted for r in runs)
    console.print(f"{len(runs) - failed - skipped} of {len(runs)} releases written, {failed} failed, "
                  + (f"{skipped} not attempted, " if skipped else "") + f"{sum(r.llm_calls for r in runs)} LLM calls.")
