"""`extractor export DIR --to csv|jsonl|parquet`: the outputs of a batch as tidy tables, one row per fact.

Each table has one fixed Arrow schema, whatever the data holds: a value is always a float, a date always a
date, an absent field an empty cell, so a loader infers the same column types on every batch.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from extractor.errors import SetupError
from extractor.outputs import OutputFolder, read_outputs
from schemas.common import Evidence

FORMATS = ("csv", "jsonl", "parquet")
_TEXT = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_DATE = pa.date32()
_EVIDENCE = [("evidence_text", _TEXT), ("evidence_start", _INT), ("evidence_end", _INT)]

SCHEMAS: dict[str, pa.Schema] = {
    "releases": pa.schema([
        ("release_id", _TEXT), ("source_path", _TEXT), ("language", _TEXT), ("title", _TEXT), ("published_on", _DATE),
        ("status", _TEXT), ("agreements", _INT), ("clusters", _INT), ("figures", _INT), ("people", _INT),
        ("contacts", _INT), ("flags", _INT), ("model", _TEXT), ("prompt_version", _TEXT),
    ]),
    "agreements": pa.schema([
        ("release_id", _TEXT), ("agreement", _INT), ("kind", _TEXT), ("parties", _TEXT), ("signed_on", _DATE),
        ("place", _TEXT), ("event", _TEXT), ("period_start", _DATE), ("period_end", _DATE),
        ("budget", _FLOAT), ("budget_currency", _TEXT), ("decided_by", _TEXT), *_EVIDENCE,
    ]),
    "agreement_parties": pa.schema([("release_id", _TEXT), ("agreement", _INT), ("party", _TEXT), ("signed_on", _DATE)]),
    "figures": pa.schema([
        ("release_id", _TEXT), ("cluster", _TEXT), ("metric", _TEXT), ("value", _FLOAT), ("high", _FLOAT), ("unit", _TEXT),
        ("qualifier", _TEXT), ("as_of", _DATE), ("scope", _TEXT), ("decided_by", _TEXT), *_EVIDENCE,
    ]),
    "people": pa.schema([("release_id", _TEXT), ("name", _TEXT), ("role", _TEXT), ("organisation", _TEXT), *_EVIDENCE]),
    "contacts": pa.schema([
        ("release_id", _TEXT), ("name", _TEXT), ("organisation", _TEXT), ("email", _TEXT), ("phone", _TEXT), *_EVIDENCE,
    ]),
    "flags": pa.schema([
        ("release_id", _TEXT), ("source", _TEXT), ("code", _TEXT), ("severity", _TEXT), ("cluster", _TEXT),
        ("metric", _TEXT), ("paths", _TEXT), ("evidence", _TEXT), ("message", _TEXT),
    ]),
    "series": pa.schema([
        ("cluster", _TEXT), ("metric", _TEXT), ("as_of", _DATE), ("value", _FLOAT), ("unit", _TEXT), ("qualifier", _TEXT),
        ("scope", _TEXT), ("release_id", _TEXT), *_EVIDENCE,
    ]),
}
# Several paths or evidence texts of one flag share a cell; this separator does not occur in a JSON pointer.
JOIN = " | "


def export_tables(directory: Path, to: str, out: Path | None = None, notes: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Writes one file per table into ``out`` (default DIR/export) and returns their paths."""
    if to not in FORMATS:
        raise SetupError(f"--to {to} is not a format the export writes; use one of {', '.join(FORMATS)}.")
    folder = read_outputs(directory)
    for problem in folder.problems:
        notes(problem)
    target = Path(out) if out is not None else Path(directory) / "export"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(f"Cannot create {target} ({exc.strerror or exc}); pass a writable folder with --out.") from exc
    return [_write(build_table(folder, name), target / f"{name}.{to}", to) for name in SCHEMAS]


def build_table(folder: OutputFolder, name: str) -> pa.Table:
    rows = list(_ROWS[name](folder))
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def _evidence(evidence: Evidence | None) -> dict[str, Any]:
    if evidence is None:
        return {"evidence_text": None, "evidence_start": None, "evidence_end": None}
    return {"evidence_text": evidence.text, "evidence_start": evidence.start, "evidence_end": evidence.end}


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _releases(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        status = folder.status(r.id)
        yield {
            "release_id": r.id, "source_path": r.source.path, "language": r.language, "title": r.title,
            "published_on": r.published_on, "status": str(status) if status else None,
            "agreements": len(r.agreements), "clusters": len(r.clusters),
            "figures": sum(len(c.figures) for c in r.clusters), "people": len(r.people), "contacts": len(r.contacts),
            "flags": len(r.flags), "model": r.extraction.model, "prompt_version": r.extraction.prompt_version,
        }


def _agreements(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        for i, a in enumerate(r.agreements):
            yield {
                "release_id": r.id, "agreement": i, "kind": str(a.kind), "parties": JOIN.join(a.parties),
                "signed_on": a.signed_on, "place": a.place, "event": a.event,
                "period_start": a.period.start if a.period else None, "period_end": a.period.end if a.period else None,
                "budget": _float(a.budget.amount) if a.budget else None, "budget_currency": a.budget.currency if a.budget else None,
                "decided_by": str(a.decided_by) if a.decided_by else None, **_evidence(a.evidence),
            }


def _agreement_parties(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        for i, a in enumerate(r.agreements):
            for party in a.parties:
                yield {"release_id": r.id, "agreement": i, "party": party, "signed_on": a.signed_on}


def _figures(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        for c in r.clusters:
            for f in c.figures:
                yield {
                    "release_id": r.id, "cluster": c.name, "metric": str(f.metric), "value": float(f.value), "high": _float(f.high),
                    "unit": f.unit, "qualifier": str(f.qualifier), "as_of": f.as_of, "scope": f.scope,
                    "decided_by": str(f.decided_by) if f.decided_by else None, **_evidence(f.evidence),
                }


def _people(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        for p in r.people:
            yield {"release_id": r.id, "name": p.name, "role": p.role, "organisation": p.organisation, **_evidence(p.evidence)}


def _contacts(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    for r in folder.releases:
        for c in r.contacts:
            yield {
                "release_id": r.id, "name": c.name, "organisation": c.organisation, "email": c.email, "phone": c.phone,
                **_evidence(c.evidence),
            }


def _flags(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    def row(release_id: str | None, source: str, flag: Any) -> dict[str, Any]:
        return {
            "release_id": release_id, "source": source, "code": flag.code, "severity": str(flag.severity),
            "cluster": flag.cluster, "metric": flag.metric, "paths": JOIN.join(flag.paths),
            "evidence": JOIN.join(e.text for e in flag.evidence), "message": flag.message,
        }

    for r in folder.releases:
        yield from (row(r.id, f"{r.id}.json", f) for f in r.flags)
    if folder.clusters is not None:
        for history in folder.clusters.clusters:
            yield from (row(None, "clusters.json", f) for f in history.flags)


def _series(folder: OutputFolder) -> Iterator[dict[str, Any]]:
    if folder.clusters is None:
        return
    for history in folder.clusters.clusters:
        for metric, observations in history.series.items():
            for o in observations:
                yield {
                    "cluster": history.name, "metric": metric, "as_of": o.as_of, "value": float(o.value), "unit": o.unit,
                    "qualifier": str(o.qualifier), "scope": o.scope, "release_id": o.release, **_evidence(o.evidence),
                }


_ROWS: dict[str, Callable[[OutputFolder], Iterator[dict[str, Any]]]] = {
    "releases": _releases, "agreements": _agreements, "agreement_parties": _agreement_parties, "figures": _figures,
    "people": _people, "contacts": _contacts, "flags": _flags, "series": _series,
}


def _floats_as_decimals(table: pa.Table) -> pa.Table:
    """Arrow writes the float 260.0 as "260", which loaders then read as an integer; repr keeps the point."""
    for i, column in enumerate(table.schema):
        if column.type == _FLOAT:
            text = pa.array([None if v is None else repr(v) for v in table.column(i).to_pylist()], _TEXT)
            table = table.set_column(i, column.name, text)
    return table


def _write(table: pa.Table, path: Path, to: str) -> Path:
    """Writes beside ``path`` and renames, so a reader never sees half a table."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if to == "parquet":
            pq.write_table(table, temp)
        elif to == "csv":
            pa_csv.write_csv(_floats_as_decimals(table), temp)
        else:
            with temp.open("w", encoding="utf-8") as out:
                for row in table.to_pylist():
                    out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        temp.chmod(0o644)
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SetupError(f"Cannot write {path} ({exc.strerror or exc}); pass a writable folder with --out.") from exc
    return path
