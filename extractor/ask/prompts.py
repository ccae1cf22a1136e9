"""Prompt templates live in prompts/ as files; their content hash is the prompt version in every output."""
from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from string import Template

from extractor.errors import SetupError

PROMPT_DIR = Path(os.environ.get("EXTRACTOR_PROMPTS", Path(__file__).resolve().parents[2] / "prompts"))
STEPS = ("system", "clusters", "agreements", "parties", "people", "names", "contacts", "figures")


@cache
def template(name: str) -> Template:
    path = PROMPT_DIR / f"{name}.txt"
    try:
        return Template(path.read_text(encoding="utf-8"))
    except OSError:
        raise SetupError(
            f"The prompt template {path} is missing; restore prompts/ from the repository "
            "or point EXTRACTOR_PROMPTS at a folder holding " + ", ".join(f"{s}.txt" for s in STEPS) + "."
        ) from None


@cache
def prompt_version() -> str:
    """Changes whenever any template changes, so caches and cassettes never serve stale answers."""
    digest = hashlib.sha256()
    for name in STEPS:
        digest.update(name.encode())
        digest.update(template(name).template.encode())
    return "p-" + digest.hexdigest()[:12]


def render(name: str, **values: str) -> str:
    return template(name).substitute(**values)
