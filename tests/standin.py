"""A stand-in model for tests (a test fixture, not a backend): an OpenAI chat-completions endpoint in memory.

It answers a request recorded in tests/cassettes/ with the real model's recorded answer, so the seeds get
the answers the real embedded model gave; any other request (fuzzed or synthetic releases) gets
unrecorded_answer: every list empty but the clusters, the names of the text's "About X" lines. It serves
the real LLM client through an httpx transport, so instructor, validation and the whole pipeline run as
they do against a server.
"""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

import httpx
import yaml
from tenacity import wait_none

from extractor.ask.prompts import render
from extractor.engine.client import LLM

CASSETTES = Path(__file__).parent / "cassettes"
MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
BASE_URL = "http://stand-in.invalid/v1"


def _canonical(body: str | bytes) -> str:
    return json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False)


def recorded_answers() -> dict[str, str]:
    """Every recorded chat completion, by its request body."""
    answers: dict[str, str] = {}
    for cassette in sorted(CASSETTES.glob("*.yaml")):
        for interaction in yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]:
            if interaction["response"]["status"]["code"] == 200:
                answers[_canonical(interaction["request"]["body"])] = interaction["response"]["body"]["string"]
    return answers


# What a model would name as clusters in these synthetic releases: "About X" headings, and "X, the … cluster"
# in the body (the model is not shown "About" sections any more).
ABOUT = re.compile(r"^About (\S+)$|(\w+), the [\w ]*cluster\b", re.MULTILINE)


def unrecorded_answer(request: dict[str, Any]) -> dict[str, Any]:
    """Every list empty, except the clusters question: the names of the release's "About X" lines and of
    "X, the … cluster"."""
    function = request["tools"][0]["function"]
    arguments: dict[str, Any] = {name: [] for name in function["parameters"].get("required", [])}
    question = request["messages"][-1]["content"]
    if function["name"] == "Answer" and render("clusters") in question:
        arguments["clusters"] = [{"name": name} for name in dict.fromkeys((a or b for a, b in ABOUT.findall(question)))]
    return {
        "id": "chatcmpl-stand-in", "object": "chat.completion", "created": 0, "model": request["model"],
        "choices": [{"index": 0, "finish_reason": "stop", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "call-stand-in", "type": "function",
                            "function": {"name": function["name"], "arguments": json.dumps(arguments)}}]}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12},
    }


class StandInModel:
    """Counts what it answered: ``recorded`` from the cassettes, ``empty`` for everything else."""

    def __init__(self) -> None:
        self.answers = recorded_answers()
        self.recorded = 0
        self.empty = 0
        self._lock = threading.Lock()

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        recorded = self.answers.get(_canonical(body))
        with self._lock:
            if recorded is None:
                self.empty += 1
            else:
                self.recorded += 1
        if recorded is not None:
            return httpx.Response(200, content=recorded.encode("utf-8"), headers={"content-type": "application/json"})
        return httpx.Response(200, json=unrecorded_answer(json.loads(body)))

    def client(self) -> LLM:
        return LLM(BASE_URL, MODEL, attempts=1, wait=wait_none(), http_client=httpx.Client(transport=httpx.MockTransport(self.handle)))


def standin_client() -> LLM:
    """A client on a fresh stand-in: what each Ray actor builds for itself."""
    return StandInModel().client()
