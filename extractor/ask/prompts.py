"""Prompt templates live in prompts/ as files; their content hash is the prompt version in every output.

prompts/ is a package of its own so that the templates ship in the wheel; they are read through
importlib.resources, which finds them in an installed wheel as in the repository.
"""
from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from extractor.errors import SetupError

PROMPT_DIR: Traversable = Path(os.environ["EXTRACTOR_PROMPTS"]) if os.environ.get("EXTRACTOR_PROMPTS") else resources.files("prompts")
STEPS = ("system", "release", "part", "clusters", "agreements", "parties", "people", "names")


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
