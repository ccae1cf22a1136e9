"""Remembers the model's answer to each question, so a question asked before costs no LLM call."""
from __future__ import annotations

import hashlib
import json
import os
import re
from contextlib import suppress
from pathlib import Path
from typing import Any

from extractor.write import write_json

KEY = re.compile(r"^[0-9a-f]{64}$")


def default_directory() -> Path:
    configured = os.environ.get("EXTRACTOR_CACHE")
    base = Path(configured).expanduser() if configured else Path.home() / ".cache" / "cluster-extractor"
    return base / "answers"


def cache_key(model: str, messages: list[dict[str, str]], answer_schema: dict[str, Any], max_tokens: int, code: str) -> str:
    """Names one question exactly: the model, every message, the answer's JSON schema, the token limit and a
    hash of the code that defines and checks the answer (``code``; validators are not in the JSON schema).

    A changed prompt, release text or answer model changes the key of the questions it touches and of no
    other, so editing one question re-asks that question only, and an entry of an older shape is never read.
    """
    request = {"model": model, "messages": messages, "schema": answer_schema, "max_tokens": max_tokens, "code": code}
    return hashlib.sha256(json.dumps(request, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class AnswerCache:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()

    def _path(self, key: str) -> Path:
        if not KEY.match(key):
            raise ValueError(f"cache keys are sha256 hex digests from cache_key(), not {key!r}")
        return self.directory / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
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

    def put(self, key: str, data: dict[str, Any]) -> None:
        write_json(self._path(key), data)
