"""One narrow question to the model at a time, each answered from the cache when it was asked before.

A question that the model cannot answer within the schema and its token limit costs that question, not
the release: its answer is empty and its name is kept, so the release is written as partial with a flag
naming what is missing. A model endpoint that cannot be reached is no such case: it fails the release,
as every other question would fail the same way.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from extractor.cache import AnswerCache, cache_key
from extractor.engine.client import Usage
from extractor.errors import ModelOutputError

T = TypeVar("T", bound=BaseModel)


@cache
def _module_hash(module: str) -> str:
    return hashlib.sha256(inspect.getsource(sys.modules[module]).encode("utf-8")).hexdigest()[:16]


def answer_code(response_model: type[BaseModel]) -> str:
    """A hash of the code that defines the answer model and of the asker itself: a changed validator or a
    changed way of asking makes older cached answers misses, though the JSON schema is unchanged."""
    return f"{_module_hash(response_model.__module__)}-{_module_hash(__name__)}"


def question_key(model: str, response_model: type[BaseModel], messages: list[dict[str, Any]], max_tokens: int) -> str:
    """The cache key of one question, the same wherever a question is asked (here, or in Batch API rounds)."""
    return cache_key(model, messages, response_model.model_json_schema(), max_tokens, answer_code(response_model))


class Model(Protocol):
    """What the asker needs of a client: extractor.engine's LLM and EmbeddedLLM both are one."""

    @property
    def model(self) -> str: ...

    @property
    def endpoint(self) -> str: ...

    def ask(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]: ...


@dataclass
class Asker:
    """Asks every question of one release after the same system message (the release), so a llama.cpp
    server evaluates the release once and reuses that prefix for the next questions."""

    llm: Model
    system: str
    cache: AnswerCache | None = None
    spent: Usage = field(default_factory=Usage)  # what this run paid
    behind: Usage = field(default_factory=Usage)  # what the answers cost when they were first asked
    hits: int = 0
    failed: list[str] = field(default_factory=list)

    def recovered(self, step: str) -> None:
        """A failed question whose short form was answered: the release lacks no list, only some detail."""
        self.failed.remove(step)

    def ask(self, step: str, response_model: type[T], question: str, max_tokens: int) -> T | None:
        messages = [{"role": "system", "content": self.system}, {"role": "user", "content": question}]
        key = question_key(self.llm.model, response_model, messages, max_tokens)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            try:
                answer = response_model.model_validate(cached["answer"])
                self.behind += Usage(**cached["usage"])
                self.hits += 1
                return answer
            except (KeyError, TypeError, ValueError):
                pass  # an entry of another shape (ValidationError is a ValueError) is asked again and overwritten
        try:
            answer, usage = self.llm.ask(response_model, messages, max_tokens)
        except ModelOutputError:
            self.failed.append(step)
            return None
        self.spent += usage
        self.behind += usage
        if self.cache:
            self.cache.put(key, {"answer": answer.model_dump(mode="json"), "usage": asdict(usage)})
        return answer
