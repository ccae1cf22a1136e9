"""The gold file `extractor evaluate` scores against: the facts a careful reader finds in each release."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extractor.errors import SetupError


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldAgreement(_Gold):
    parties: list[str] = Field(min_length=1)
    signed_on: str | None = Field(default=None, description="ISO 8601 date; when given, the signing date is scored too")


class GoldFigure(_Gold):
    cluster: str
    metric: str | list[str] = Field(description="A metric, or the list of metrics accepted for this number")
    value: float
    scope: str | None = Field(default=None, description="Documentation only: a figure is matched on cluster, metric and value")


class GoldContradiction(_Gold):
    cluster: str
    metric: str


class GoldDocument(_Gold):
    doc: str = Field(description="The release id: its source file's stem")
    language: str | None = None
    published_on: str | None = None
    agreements: list[GoldAgreement] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    contradictions: list[GoldContradiction] = Field(default_factory=list)


class GoldFile(_Gold):
    about: str | None = None
    documents: list[GoldDocument]


def read_gold(path: Path) -> GoldFile:
    """Raises SetupError, in one sentence naming the file and the fix, when ``path`` is not a gold file."""
    hint = "see 'Gold file' in the README for the format"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SetupError(f"Cannot read the gold file {path} ({exc.strerror or exc}); pass the path of a gold JSON file.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SetupError(f"The gold file {path} is not JSON ({exc}); {hint}.") from exc
    try:
        return GoldFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(part) for part in first["loc"]) or "the top level"
        raise SetupError(f"The gold file {path} is not in the gold format ({first['msg']} at {where}); {hint}.") from exc
