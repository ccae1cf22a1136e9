"""Writes output JSON that is always whole and, when a schema is named, always valid."""
from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from extractor.errors import ReleaseError, SetupError
from extractor.redact import redact
from schemas import PressRelease
from schemas.files import load

MAX_LISTED_ERRORS = 3


@cache
def _validator(schema: str) -> Draft202012Validator:
    try:
        document = load(schema)
    except FileNotFoundError as exc:
        raise SetupError(f"The schema file {exc.filename} is missing; run `make schema` to generate it.") from exc
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(data: dict[str, Any], schema: str) -> list[str]:
    """Each violation as '<JSON path>: <message>', in document order."""
    errors = sorted(_validator(schema).iter_errors(data), key=lambda error: [str(part).zfill(12) for part in error.absolute_path])
    return [f"{error.json_path}: {error.message}" for error in errors]


def write_json(path: Path, data: dict[str, Any], schema: str | None = None) -> Path:
    """Validates, then replaces ``path`` in one step, so a reader sees the old file or the new one, never half of one."""
    path = Path(path)
    if schema is not None:
        errors = schema_errors(data, schema)
        if errors:
            listed = "; ".join(errors[:MAX_LISTED_ERRORS])
            more = f" (and {len(errors) - MAX_LISTED_ERRORS} more)" if len(errors) > MAX_LISTED_ERRORS else ""
            raise ReleaseError(f"{path.name} was not written because it does not match the {schema} schema: {listed}{more}.")
    try:
        # Every file the tool writes passes here: no key or password given to the client is ever written.
        text = redact(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except (TypeError, ValueError) as exc:
        raise ReleaseError(f"{path.name} was not written because its data cannot be stored as JSON: {exc}.") from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SetupError(f"Cannot write to {path.parent} ({exc.strerror or exc}); check that the output folder is writable.") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; outputs are ordinary files others read.
        temp.chmod(0o644)
        os.replace(temp, path)
    except OSError as exc:
        raise SetupError(f"Cannot write {path} ({exc.strerror or exc}); check free disk space and permissions.") from exc
    finally:
        temp.unlink(missing_ok=True)
    return path


def write_release(release: PressRelease, out_dir: Path) -> Path:
    return write_json(Path(out_dir) / f"{release.id}.json", release.model_dump(mode="json"), schema="press_release")
