"""Generates the JSON Schema files that sit beside the models and that outputs are checked against."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from schemas.agreement import Agreement
from schemas.cluster import ClusterProfile
from schemas.history import ClusterIndex
from schemas.release import PressRelease
from schemas.run import RunReport

SCHEMA_DIR = Path(__file__).resolve().parent

MODELS: dict[str, type[BaseModel]] = {
    "press_release": PressRelease,
    "agreement": Agreement,
    "cluster_profile": ClusterProfile,
    "clusters": ClusterIndex,
    "run": RunReport,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str, directory: Path = SCHEMA_DIR) -> Path:
    return directory / f"{name}.schema.json"


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    written = []
    for name, model in MODELS.items():
        path = schema_path(name, directory)
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Schema files whose content no longer matches the models."""
    out = []
    for name, model in MODELS.items():
        path = schema_path(name, directory)
        if not path.exists() or path.read_text(encoding="utf-8") != render(model):
            out.append(path)
    return out


def load(name: str, directory: Path | None = None) -> dict[str, Any]:
    """The schema file ``name``; by default the one shipped in this package (read through importlib.resources,
    so an installed wheel finds it)."""
    source = schema_path(name, directory) if directory is not None else resources.files(__package__) / f"{name}.schema.json"
    schema: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return schema
