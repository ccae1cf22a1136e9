"""Remembers the model's answers for a release, so an unchanged release under an unchanged setup costs no LLM call."""
from __future__ import annotations

import hashlib
import json
import os
import re
from contextlib import suppress
from pathlib import Path

from extractor.write import write_json

KEY = re.compile(r"^[0-9a-f]{64}$")


def default_directory() -> Path:
    configured = os.environ.get("EXTRACTOR_CACHE")
    base = Path(configured).expanduser() if configured else Path.home() / ".cache" / "cluster-extractor"
    return base / "answers"


def cache_key(text_sha256: str, model: str, prompt_version: str, schema_version: str) -> str:
    """Changes whenever the text, the model, the prompts or the output contract change."""
    # NUL cannot appear in any of the parts, so no two different tuples join to the same string.
    joined = "\x00".join((text_sha256, model, prompt_version, schema_version))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


class AnswerCache:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()

    def _path(self, key: str) -> Path:
        if not KEY.match(key):
            raise ValueError(f"cache keys are sha256 hex digests from cache_key(), not {key!r}")
        return self.directory / f"{key}.json"

    def get(self, key: str) -> dict | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict):
            # A damaged entry would otherwise fail the same way on every run.
            with suppress(OSError):
                path.unlink(missing_ok=True)
            return None
        return data

    def put(self, key: str, data: dict) -> None:
        write_json(self._path(key), data)
