"""What the model is asked to return: small models, so a small LLM writes few tokens.

These are not the output contract (that is schemas/); they are the model's raw answers, which are
grounded and normalised before anything reaches a PressRelease.
"""
from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, Field
from pydantic.json_schema import DEFAULT_REF_TEMPLATE, GenerateJsonSchema, JsonSchemaMode

from schemas.agreement import AgreementKind


def _compact(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with references inlined and no titles or null defaults: the tool's JSON is read by the model
    as prompt tokens on every question, and those parts tell it nothing the field names do not."""
    if isinstance(node, list):
        return [_compact(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _compact(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    return {key: _compact(value, defs) for key, value in node.items()
            if key not in ("title", "$defs") and not (key == "default" and value is None)}


_SCHEMAS: dict[tuple[Any, ...], dict[str, Any]] = {}


class Compact(BaseModel):
    """An answer model whose JSON schema, as sent to the model with each question, is as short as it can be.

    The schema is built once per shape: pydantic takes tens of milliseconds for it, and instructor asks for it
    on every call, on a fresh subclass each time, so the memo is keyed by name and fields, not by class.
    """

    @classmethod
    def model_json_schema(
        cls,
        by_alias: bool | None = None,
        ref_template: str = DEFAULT_REF_TEMPLATE,
        schema_generator: type[GenerateJsonSchema] = GenerateJsonSchema,
        mode: JsonSchemaMode = "validation",
        **kwargs: Any,
    ) -> dict[str, Any]:
        key = (cls.__name__, repr(cls.model_fields), by_alias, ref_template, schema_generator, mode, repr(kwargs))
        if key in _SCHEMAS:
            return copy.deepcopy(_SCHEMAS[key])
        schema = super().model_json_schema(by_alias, ref_template, schema_generator, mode, **kwargs)
        # instructor names the tool after the top-level title; an empty description stops it sending the
        # docstring or a long default sentence of its own.
        _SCHEMAS[key] = {**_compact(schema, schema.get("$defs", {})), "title": schema["title"], "description": ""}
        return copy.deepcopy(_SCHEMAS[key])


class ClusterAnswer(BaseModel):
    name: str
    region: str | None = None
    country: str | None = None


class AgreementAnswer(BaseModel):
    kind: AgreementKind
    parties: list[str]
    date: str | None = None


class Parties(Compact):
    """The short form of the agreements question, asked when the full answer does not fit its token limit."""

    agreements: list[list[str]]


class Names(Compact):
    """The short form of the people question."""

    names: list[str]


class PersonAnswer(BaseModel):
    name: str
    role: str | None = None
    organisation: str | None = None


# The most people a part of a release may list, sent as maxItems: a server that follows the schema by grammar
# (llama.cpp) then ends a list a small model keeps repeating ("X, X, X, …") at the cap, with a valid answer
# whose repeats the records merge, instead of running to the token limit and losing the whole list. Only
# the people list gets one: it is the list seen looping, and every word of the schema is read by the model
# on every question, so each cap is a change to every answer.
MOST_PEOPLE = 16


class Answer(Compact):
    """Every question about a release is answered in this one shape, each question filling its own list.

    Its schema reaches the model as the tool, ahead of the release, so it must not change from one question
    or release to the next: a llama.cpp server then keeps the instructions and the schema evaluated from
    one release to the next, and the release itself from one question to the next.
    """

    clusters: list[ClusterAnswer] = Field(default_factory=list)
    agreements: list[AgreementAnswer] = Field(default_factory=list)
    people: list[PersonAnswer] = Field(default_factory=list, json_schema_extra={"maxItems": MOST_PEOPLE})
