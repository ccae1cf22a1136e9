"""`extractor validate DIR`: re-run every validator and the consolidation on written outputs, no LLM.

Each release's validator flags (flags.VALIDATOR_CODES) are replaced and the extraction step's own
flags kept; each release and DIR/clusters.json are rewritten atomically. One bad file is reported
in a sentence and the others go on.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from extractor.consolidate.history import consolidate
from extractor.errors import InputError, ReleaseError, SetupError
from extractor.read import SourceText, read_release
from extractor.store import CLUSTERS_FILE, locked, recorded_sources, release_paths
from extractor.validate import validate_release
from extractor.validate.flags import VALIDATOR_CODES, at_or_above
from extractor.write import write_json
from schemas.common import Flag, Severity
from schemas.release import PressRelease

LOG_WIDTH = 160
_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "dim"}


def rerun(directory: Path, fail_on: Severity = Severity.error, console: Console | None = None) -> int:
    """Exit code 1 when a flag at or above ``fail_on`` exists or a file could not be handled, else 0."""
    # Logs and pipes have no width; 80 columns would leave the messages a few letters wide.
    console = console or Console(width=None if sys.stdout.isatty() else LOG_WIDTH)
    directory = Path(directory)
    if not directory.is_dir():
        raise SetupError(f"{directory} is not a folder; pass the folder `extractor extract --out` wrote.")
    paths = release_paths(directory)
    if not paths:
        raise SetupError(f"{directory} holds no release JSON files; run `extractor extract <releases> --out {directory}` first.")
    with locked(directory):
        return _rerun(directory, paths, fail_on, console)


def _rerun(directory: Path, paths: list[Path], fail_on: Severity, console: Console) -> int:
    sources = recorded_sources(directory)
    failed = 0
    loaded: list[tuple[Path, PressRelease]] = []
    for path in paths:
        try:
            loaded.append((path, load_release(path)))
        except ReleaseError as exc:
            console.print(f"[bold red]error:[/] {escape(str(exc))}")
            failed += 1

    rows: list[tuple[str, Flag]] = []
    validated: list[PressRelease] = []
    for path, release in loaded:
        text = _source_text(release, _candidates(release, directory, sources), console)
        kept = [f for f in release.flags if f.code not in VALIDATOR_CODES]
        fresh = validate_release(release, text)
        if text is None:
            fresh += _unrecomputed(release, fresh, console)
        updated = release.model_copy(update={"flags": kept + fresh})
        try:
            write_json(path, updated.model_dump(mode="json"), "press_release")
        except ReleaseError as exc:
            console.print(f"[bold red]error:[/] {escape(str(exc))}")
            failed += 1
            continue
        validated.append(updated)
        rows.extend((release.id, f) for f in updated.flags)

    if validated:
        index = consolidate(validated)
        try:
            write_json(directory / CLUSTERS_FILE, index.model_dump(mode="json"), "clusters")
        except ReleaseError as exc:
            console.print(f"[bold red]error:[/] {escape(str(exc))}")
            failed += 1
        rows.extend((CLUSTERS_FILE, f) for history in index.clusters for f in history.flags)

    _print(console, rows, len(validated))
    return 1 if failed or any(at_or_above(f.severity, fail_on) for _, f in rows) else 0


def load_release(path: Path) -> PressRelease:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"Cannot read {path} ({exc.strerror or exc}); skipped.") from exc
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text, so not an output of `extractor extract`; skipped.") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}); skipped. Re-extract its release to rebuild it."
        ) from exc
    try:
        return PressRelease.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(part) for part in first["loc"]) or "the top level"
        raise InputError(
            f"{path} is not a press-release output ({first['msg']} at {where}); skipped. Re-extract its release to rebuild it."
        ) from exc


def _candidates(release: PressRelease, directory: Path, sources: dict[str, str]) -> list[Path]:
    """Where the source may be: the absolute path run.json recorded, then the recorded path read from the
    current folder, from the folder holding the output folder (where `--out outputs` was given), and from
    the output folder itself."""
    recorded = Path(release.source.path)
    places = [recorded] if recorded.is_absolute() else [Path.cwd() / recorded, directory.parent / recorded, directory / recorded]
    if release.id in sources:
        places.insert(0, Path(sources[release.id]))
    return list(dict.fromkeys(p.absolute() for p in places))


def _source_text(release: PressRelease, places: list[Path], console: Console) -> str | None:
    """The release's source text, or None (said in one sentence) when it cannot be read any more."""
    found: list[SourceText] = []
    last_error = "it is in none of " + ", ".join(str(p) for p in places)
    for place in places:
        if not place.exists():
            continue
        try:
            read = read_release(place, max_bytes=None)
        except ReleaseError as exc:
            last_error = str(exc)
            continue
        if read.sha256 == release.source.sha256:
            return read.text
        found.append(read)
    if found:
        console.print(
            f"[yellow]note:[/] {escape(release.id)}: its source {escape(str(found[0].path))} changed since extraction; "
            "evidence offsets may no longer match it. Re-extract it to refresh them."
        )
        return found[0].text
    console.print(
        f"[yellow]note:[/] {escape(release.id)}: its source {escape(release.source.path)} cannot be read ({escape(last_error)}); "
        "the checks against the source text were skipped."
    )
    return None


def _unrecomputed(release: PressRelease, fresh: list[Flag], console: Console) -> list[Flag]:
    """The validator flags that need the source text: kept as they were, since they cannot be checked again."""
    again = {(f.code, f.cluster, f.metric, tuple(f.paths)) for f in fresh}
    kept = [f for f in release.flags
            if f.code in VALIDATOR_CODES and (f.code, f.cluster, f.metric, tuple(f.paths)) not in again]
    if kept:
        codes = ", ".join(sorted({f.code for f in kept}))
        console.print(
            f"[yellow]note:[/] {escape(release.id)}: kept {len(kept)} flag(s) ({escape(codes)}) as they were: "
            "they need the source text to be checked again."
        )
    return kept


def _print(console: Console, rows: list[tuple[str, Flag]], releases: int) -> None:
    rank = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}
    rows = sorted(rows, key=lambda r: (r[0] == CLUSTERS_FILE, r[0], rank[r[1].severity], r[1].code))
    counts = {s: sum(1 for _, f in rows if f.severity == s) for s in Severity}
    if rows:
        table = Table(title="Flags", box=box.SIMPLE_HEAD)
        for column in ("release", "severity", "code"):
            table.add_column(column, no_wrap=True)
        for column in ("cluster", "metric"):
            table.add_column(column, overflow="fold", max_width=16)
        table.add_column("message", overflow="fold", ratio=1)
        for release_id, f in rows:
            style = _STYLE[f.severity]
            table.add_row(
                Text(release_id), Text(str(f.severity), style=style), Text(f.code),
                Text(f.cluster or ""), Text(f.metric or ""), Text(f.message),
            )
        console.print(table)
    console.print(
        f"{releases} release(s) validated: {counts[Severity.error]} error(s), {counts[Severity.warning]} warning(s), "
        f"{counts[Severity.info]} info; {CLUSTERS_FILE} rewritten."
        if releases else "No release could be validated."
    )
