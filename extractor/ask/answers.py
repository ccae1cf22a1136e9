"""What the model is asked to return: small models, so a small LLM writes few tokens.

These are not the output contract (that is schemas/); they are the model's raw answers, which are
grounded and normalised before anything reaches a PressRelease.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from schemas.agreement import AgreementKind
from schemas.figure import Metric


class ClusterAnswer(BaseModel):
    name: str
    region: str | None = None
    country: str | None = None


class AgreementAnswer(BaseModel):
    kind: AgreementKind
    parties: list[str]
    date: str | None = None


class Clusters(BaseModel):
    clusters: list[ClusterAnswer]


class Agreements(BaseModel):
    agreements: list[AgreementAnswer]


class Parties(BaseModel):
    """The short form of the agreements question, asked when the full answer does not fit its token limit."""

    agreements: list[list[str]]


class Names(BaseModel):
    """The short form of the people question."""

    names: list[str]


class PersonAnswer(BaseModel):
    name: str
    role: str | None = None
    organisation: str | None = None


class People(BaseModel):
    people: list[PersonAnswer]


class FigureLink(BaseModel):
    n: int
    cluster: str
    metric: Metric
    scope: str | None = None


class FigureLinks(BaseModel):
    figures: list[FigureLink]


def figure_links_model(numbers: list[int], clusters: list[str]) -> type[FigureLinks]:
    """Narrows n and cluster to the offered choices, so the server's grammar rules out invented ones."""
    # Literal of values known only at run time: a type to pydantic, a value to mypy.
    number_choice: Any = Literal[tuple(numbers)]
    cluster_choice: Any = Literal[tuple(clusters)]
    link = create_model("FigureLink", __base__=FigureLink, n=(number_choice, Field()), cluster=(cluster_choice, Field()))
    return create_model("FigureLinks", __base__=FigureLinks, figures=(list[link], Field()))
