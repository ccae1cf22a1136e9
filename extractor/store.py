"""The output folder is a store: release outputs at DIR/<id>.json, and the reports beside them.

Reports never take a release's place: the names they use (``run.json``, ``clusters.json``, ``runs/``,
``review/``, ``export/`` and the lock file) are reserved. A release's id is its file's stem, so scorers
find DIR/<stem>.json, except where that would collide; then it is ``<stem>-<8 hex>``, the hex being the
start of the sha256 of the source's absolute path (``release_id``). run.json covers every release
output in the folder: a later batch replaces the entries of the releases it extracts again and keeps the
others. One batch at a time writes into a folder (``locked``).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import SetupError
from extractor.write import write_json
from schemas.run import ReleaseRun, RunReport, Status

RUN_FILE = "run.json"
CLUSTERS_FILE = "clusters.json"
RUNS_FOLDER = "runs"
LOCK_FILE = ".extractor.lock"
# Stems a release may not take as its id, compared without case: what the reports are, or will be, called.
RESERVED = frozenset({"run", "clusters", RUNS_FOLDER, "review", "export", LOCK_FILE})
REPORTS = frozenset({RUN_FILE, CLUSTERS_FILE})


def source_key(path: Path) -> str:
    """How a source file is named in run.json: absolute, without resolving links (their name is the user's)."""
    return os.path.abspath(path)


def release_id(path: Path) -> str:
    """The id a release takes when its stem is taken: the stem and 8 hex digits of its absolute path."""
    return f"{path.stem}-{hashlib.sha256(source_key(path).encode()).hexdigest()[:8]}"


def assign_ids(files: list[Path], previous: dict[str, str]) -> dict[Path, str]:
    """The id of each file. ``previous`` maps the ids already in the store to their source paths.

    The stem is kept unless it is reserved, another file of this batch has the same stem, or the store
    already holds that id for another source file.
    """
    stems = Counter(path.stem for path in files)
    ids: dict[Path, str] = {}
    for path in files:
        stem = path.stem
        taken = stem.casefold() in RESERVED or stems[stem] > 1 or (stem in previous and not _same_source(previous[stem], path))
        ids[path] = release_id(path) if taken else stem
    return ids


def _same_source(recorded: str, path: Path) -> bool:
    """Whether run.json's path names this file. Reports written before paths were absolute hold the path as
    given ("seeds/001.txt"), which names the file when it ends the absolute path."""
    key = source_key(path)
    if os.path.isabs(recorded):
        return recorded == key
    return os.path.abspath(recorded) == key or key.endswith(os.sep + os.path.normpath(recorded))


def release_paths(directory: Path) -> list[Path]:
    """The release outputs in a store, sorted."""
    return sorted(p for p in directory.glob("*.json") if p.name not in REPORTS)


def previous_report(directory: Path) -> RunReport | None:
    """run.json as an earlier batch left it, or None when there is none or it is not a run report."""
    try:
        return RunReport.model_validate(json.loads((directory / RUN_FILE).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        return None


def recorded_sources(directory: Path) -> dict[str, str]:
    """Each release id in run.json and the absolute path of its source."""
    report = previous_report(directory)
    return {run.id: run.path for run in report.releases} if report else {}


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Holds the store's lock: a second batch (or `validate`) into the same folder stops at once.

    The lock is an flock on DIR/.extractor.lock, so it goes with the process that held it, however that
    process ended; the file itself stays and names the last holder.
    """
    path = directory / LOCK_FILE
    try:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the whole with-block
    except OSError as exc:
        raise SetupError(f"Cannot create the lock file {path} ({exc.strerror}); check that {directory} is writable.") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise SetupError(
                f"{directory} is in use by {holder}: one batch at a time writes into an output folder; "
                "wait for it to finish or choose another --out."
            ) from None
        except OSError as exc:  # a file system without locks (some network mounts)
            raise SetupError(f"Cannot lock {path} ({exc.strerror}); choose an --out folder on a local disk.") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}\n")
        handle.flush()
        _remove_leftovers(directory)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_leftovers(directory: Path) -> None:
    """Temporary files a killed writer left: under the lock no one else can be writing them."""
    for folder in (directory, directory / RUNS_FOLDER):
        for temp in folder.glob(".*.json.*.tmp"):
            temp.unlink(missing_ok=True)


class RunLedger:
    """run.json, rewritten after every release: this batch's releases (``not_done`` until they are) and
    the entries earlier batches left for releases this one does not extract again."""

    def __init__(self, directory: Path, report: RunReport, files: list[tuple[str, Path]], previous: RunReport | None) -> None:
        self.directory = directory
        self.report = report
        ours = {release_id for release_id, _ in files}
        self.kept = [run for run in (previous.releases if previous else []) if run.id not in ours]
        self.runs = {release_id: ReleaseRun(id=release_id, path=source_key(path), status=Status.not_done) for release_id, path in files}

    def record(self, run: ReleaseRun) -> None:
        self.runs[run.id] = run
        self.write(progress=True)

    def give_up(self) -> None:
        """The batch stopped: what it had not finished is "not attempted", for a re-run to resume."""
        for release_id, run in self.runs.items():
            if run.status is Status.not_done:
                self.runs[release_id] = run.model_copy(update={"status": Status.not_attempted})

    def ours(self) -> list[ReleaseRun]:
        return list(self.runs.values())

    def write(self, seconds: float | None = None, *, progress: bool = False) -> None:
        """run.json as it stands. A progress write after each release is not checked against the run schema:
        the report is built from its Pydantic model, and checking every entry after every release made a batch
        quadratic (1,000 releases: a million entries checked). The first and the last write are checked."""
        if seconds is not None:
            self.report.seconds = seconds
        merged = self.report.model_copy(update={"releases": sorted([*self.kept, *self.runs.values()], key=lambda r: r.id)})
        write_json(self.directory / RUN_FILE, merged.model_dump(mode="json"), None if progress else "run")

    def archive(self) -> Path:
        """This run alone, as runs/<started_at>.json, beside the runs before it."""
        stamp = self.report.started_at.replace(":", "")
        path = self.directory / RUNS_FOLDER / f"{stamp}.json"
        count = 1
        while path.exists():
            count += 1
            path = path.with_name(f"{stamp}-{count}.json")
        ours = self.report.model_copy(update={"releases": self.ours()})
        return write_json(path, ours.model_dump(mode="json"), "run")
