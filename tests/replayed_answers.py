"""A test fixture standing in for the model: it answers each question with the answer the real embedded model
gave to the same question about the same release in a recorded cassette (tests/cassettes/<name>.yaml).

It lets a release read from another format (a PDF, a Word file, a web page of a seed) go through the whole
deterministic path — analysis, linking, grounding, normalisation, validation — on its own converted text,
while the model's answers stay those recorded for the plain-text seed. The cassette's requests cannot be
replayed byte for byte: they embed the release text, which the other formats lay out differently (no Markdown
marks, one blank line between paragraphs). A question is found by the first line of what follows the release
("QUESTION: …") and its answer schema, so the question that quotes the press-contact block, or that lists
the open numbers, is matched by its step.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from extractor.engine.client import Usage
from extractor.errors import ModelOutputError

T = TypeVar("T", bound=BaseModel)
CASSETTES = Path(__file__).parent / "cassettes"


class ReplayedAnswers:
    model = "qwen2.5-coder-1.5b-instruct-q4_k_m"
    endpoint = "answers replayed from a recorded cassette (test fixture)"

    def __init__(self, cassette: str) -> None:
        recorded = yaml.safe_load((CASSETTES / f"{cassette}.yaml").read_text(encoding="utf-8"))
        self.answers: dict[tuple[str, str], list[str]] = {}
        self.asked: list[str] = []
        for interaction in recorded["interactions"]:
            request = json.loads(interaction["request"]["body"])
            response = json.loads(interaction["response"]["body"]["string"])
            for call in response["choices"][0]["message"].get("tool_calls") or []:
                key = (_first_line(request["messages"][1]["content"]), call["function"]["name"])
                self.answers.setdefault(key, []).append(call["function"]["arguments"])

    def ask(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        question = _first_line(messages[1]["content"])
        self.asked.append(question)
        for arguments in reversed(self.answers.get((question, response_model.__name__), [])):
            try:
                return response_model.model_validate_json(arguments), Usage(calls=1)
            except ValidationError:
                continue
        raise ModelOutputError(f"No recorded answer fits {response_model.__name__} for {question!r}.")


def _first_line(question: str) -> str:
    return question.rsplit("QUESTION: ", 1)[-1].split("\n", 1)[0]
