"""Cache entries that do not load are misses, never errors; the key follows the answer model and its code."""
from __future__ import annotations

import json

import pytest
from pydantic import BaseModel, field_validator

from extractor.ask.answers import Answer
from extractor.ask.asker import Asker, answer_code
from extractor.cache import AnswerCache, cache_key
from extractor.engine.client import Usage

MESSAGES = [{"role": "system", "content": "RELEASE"}, {"role": "user", "content": "Which clusters?"}]


class Counting:
    """A stand-in model client for these tests: always answers an empty list of clusters."""

    model = "scripted"
    endpoint = "test fixture"

    def __init__(self) -> None:
        self.calls = 0

    def ask(self, response_model, messages, max_tokens=512):
        self.calls += 1
        return response_model(clusters=[]), Usage(1, 100, 10, 0.5)


def entry_path(cache: AnswerCache) -> object:
    key = cache_key("scripted", MESSAGES, Answer.model_json_schema(), 300, answer_code(Answer))
    return cache.directory / f"{key}.json"


@pytest.mark.parametrize("content", [
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[]",
    b'"a string"',
    b"{}",
    b'{"answer": {"clusters": []}}',
    b'{"usage": {"calls": 1, "prompt_tokens": 1, "completion_tokens": 1, "seconds": 1}}',
    b'{"answer": {"clusters": "many"}, "usage": {"calls": 1, "prompt_tokens": 1, "completion_tokens": 1, "seconds": 1}}',
    b'{"answer": [], "usage": {"calls": 1, "prompt_tokens": 1, "completion_tokens": 1, "seconds": 1}}',
    b'{"answer": {"clusters": []}, "usage": {"calls": "one", "prompt_tokens": 1, "completion_tokens": 1, "seconds": 1}}',
    b'{"answer": {"clusters": []}, "usage": {"tokens": 3}}',
    b'{"answer": {"clusters": []}, "usage": [1, 2, 3, 4]}',
    b'{"answer": null, "usage": null}',
], ids=["bad-json", "not-utf8", "list", "string", "empty", "no-usage", "no-answer", "wrong-field-type", "answer-list",
        "usage-string", "usage-other-keys", "usage-list", "nulls"])
def test_an_entry_that_does_not_load_is_a_miss_and_is_replaced(tmp_path, content):
    cache = AnswerCache(tmp_path)
    path = entry_path(cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    model = Counting()
    asker = Asker(model, "RELEASE", cache)
    assert asker.ask("clusters", Answer, "Which clusters?", 300) == Answer(clusters=[])
    assert model.calls == 1 and asker.hits == 0
    assert json.loads(path.read_text(encoding="utf-8"))["answer"]["clusters"] == []
    again = Asker(model, "RELEASE", cache)
    again.ask("clusters", Answer, "Which clusters?", 300)
    assert model.calls == 1 and again.hits == 1


class Strict(BaseModel):
    clusters: list[str]


class Stricter(BaseModel):
    clusters: list[str]

    @field_validator("clusters")
    @classmethod
    def not_empty(cls, value: list[str]) -> list[str]:
        return value


def test_the_key_follows_the_answer_model_and_its_code(monkeypatch):
    import extractor.ask.asker as asker

    schema = Strict.model_json_schema()
    assert Strict.model_json_schema() == {**Stricter.model_json_schema(), "title": "Strict"}
    base = cache_key("m", MESSAGES, schema, 300, answer_code(Strict))
    assert cache_key("m", MESSAGES, Stricter.model_json_schema(), 300, answer_code(Strict)) != base
    assert cache_key("m", MESSAGES, schema, 300, "another code") != base
    assert answer_code(Answer) != answer_code(Strict)  # answers.py and this module differ
    monkeypatch.setattr(asker, "_module_hash", lambda module: "changed")
    assert cache_key("m", MESSAGES, schema, 300, asker.answer_code(Strict)) != base
