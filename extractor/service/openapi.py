"""The service's OpenAPI document, generated from the app and committed as schemas/openapi.json."""
from __future__ import annotations

import json
from pathlib import Path

from extractor.batch import BatchOptions
from extractor.service.app import create_app
from extractor.service.work import ServiceSettings
from schemas.files import SCHEMA_DIR

OPENAPI_PATH = SCHEMA_DIR / "openapi.json"


def render_openapi() -> str:
    # The document describes routes and models only; no client is started and nothing is written.
    app = create_app(ServiceSettings(options=BatchOptions(out=Path("outputs/service"))))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def write_openapi(path: Path = OPENAPI_PATH) -> Path:
    path.write_text(render_openapi(), encoding="utf-8")
    return path
