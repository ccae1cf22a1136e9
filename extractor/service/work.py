"""What the service does behind its routes: one release through the CLI's pipeline, or a batch through the CLI's batch.

One model client serves every request, built from the same options as `extractor extract`. Releases
answered by POST /releases and by finished batches are kept in memory for GET /clusters, and written
under the service's output folder exactly as the CLI writes them.
"""
from __future__ import annotations

import io
import json
import threading
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, TypeVar

from pydantic import BaseModel
from rich.console import Console

from extractor.ask.asker import Model
from extractor.batch import BatchOptions, client_for, run_batch
from extractor.cache import AnswerCache
from extractor.consolidate.history import consolidate
from extractor.engine.client import Usage
from extractor.engine.embedded import EmbeddedLLM
from extractor.errors import ExtractorError, SetupError
from extractor.pipeline import extract_release
from extractor.read import read_release
from extractor.service.models import BatchJob, JobStatus, ReleaseText
from extractor.write import write_release
from schemas.history import ClusterIndex
from schemas.release import PressRelease
from schemas.run import RunReport

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class ServiceSettings:
    options: BatchOptions  # model, endpoint, cache and output folder: the CLI's own options
    max_bytes: int = 2_000_000
    deadline_s: float = 300.0
    api_key: str | None = None


class _Shared:
    """The service's one client, lent to a batch: run_batch closes an embedded server it is given, and
    this one outlives every batch."""

    def __init__(self, llm: Model) -> None:
        self._llm = llm

    @property
    def model(self) -> str:
        return self._llm.model

    @property
    def endpoint(self) -> str:
        return self._llm.endpoint

    def ask(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        return self._llm.ask(response_model, messages, max_tokens)


class Service:
    def __init__(self, settings: ServiceSettings, llm: Model | None = None) -> None:
        self.settings = settings
        self.out = settings.options.out
        self.llm: Model = llm or client_for(settings.options)
        self.cache = AnswerCache(settings.options.cache_dir) if settings.options.use_cache else None
        jobs = 1 if isinstance(self.llm, EmbeddedLLM) else settings.options.jobs
        # Single releases and batches wait in separate queues, so one long batch never starves POST /releases.
        self.release_pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="release")
        self.batch_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch")
        self._lock = threading.Lock()
        self._releases: dict[str, PressRelease] = {}
        self._jobs: dict[str, BatchJob] = {}

    def close(self) -> None:
        self.release_pool.shutdown(wait=False, cancel_futures=True)
        self.batch_pool.shutdown(wait=False, cancel_futures=True)
        if isinstance(self.llm, EmbeddedLLM):
            self.llm.close()

    def extract(self, name: str, raw: bytes) -> PressRelease:
        """The release read as a file called ``name`` would be by the CLI, extracted and written."""
        with TemporaryDirectory(prefix="extractor-service-") as folder:
            path = Path(folder) / name
            path.write_bytes(raw)
            try:
                source = read_release(path)
            except ExtractorError as exc:
                raise type(exc)(str(exc).replace(str(path), name)) from None
        source = replace(source, path=Path(name))
        result = extract_release(source, self.llm, self.cache)
        write_release(result.release, self.out / "releases")
        with self._lock:
            self._releases[result.release.id] = result.release
        return result.release

    def submit(self, releases: Sequence[ReleaseText]) -> BatchJob:
        job = BatchJob(id=uuid.uuid4().hex, status=JobStatus.queued, releases_total=len(releases))
        with self._lock:
            self._jobs[job.id] = job
        self.batch_pool.submit(self._run_job, job.id, list(releases))
        return job

    def job(self, job_id: str) -> BatchJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def clusters(self) -> ClusterIndex:
        with self._lock:
            releases = list(self._releases.values())
        return consolidate(releases)

    def _set(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = self._jobs[job_id].model_copy(update=changes)

    def _run_job(self, job_id: str, releases: list[ReleaseText]) -> None:
        self._set(job_id, status=JobStatus.running)
        folder = self.out / "batches" / job_id
        inputs = folder / "input"
        try:
            inputs.mkdir(parents=True, exist_ok=True)
            for item in releases:
                (inputs / item.name).write_text(item.text, encoding="utf-8")
            options = replace(self.settings.options, out=folder / "output")
            run_batch([inputs], options, console=Console(file=io.StringIO()), llm=_Shared(self.llm))
            self._finish(job_id, options.out)
        except (ExtractorError, OSError) as exc:
            self._set(job_id, status=JobStatus.failed, error=str(exc))

    def _finish(self, job_id: str, out: Path) -> None:
        run = RunReport.model_validate_json((out / "run.json").read_text(encoding="utf-8"))
        written = [PressRelease.model_validate_json((out / f"{r.id}.json").read_text(encoding="utf-8"))
                   for r in run.releases if (out / f"{r.id}.json").exists()]
        clusters_file = out / "clusters.json"
        clusters = ClusterIndex.model_validate(json.loads(clusters_file.read_text(encoding="utf-8"))) if clusters_file.exists() else None
        with self._lock:
            self._releases.update((release.id, release) for release in written)
        self._set(job_id, status=JobStatus.done, run=run, releases=written, clusters=clusters)


def refuse_unsafe_bind(host: str, api_key: str | None) -> None:
    """Loopback by default: any other address is reachable by others and needs a key."""
    if host not in ("127.0.0.1", "::1", "localhost") and not api_key:
        raise SetupError(f"Serving on {host} makes the service reachable from other machines; pass --api-key (or EXTRACTOR_API_KEY), or keep --host 127.0.0.1.")
