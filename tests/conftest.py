"""Replays model traffic recorded from the real embedded server (tests/cassettes/*.yaml).

`make record` sets EXTRACTOR_RECORD=1: the embedded server is started once for the session and every
cassette is recorded again from it. Otherwise cassettes are replayed and nothing touches the network or a
model; requests are matched on method, path and body, so a changed prompt, schema or release text fails
loudly (no recorded answer for it) until the cassettes are recorded again.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
import vcr
from tenacity import wait_none

from extractor.engine.client import LLM
from extractor.engine.deadline import EMBEDDED
from extractor.redact import mask_url

CASSETTES = Path(__file__).parent / "cassettes"
RECORD = os.environ.get("EXTRACTOR_RECORD") == "1"
REPLAY_URL = "http://127.0.0.1:8765/v1"
MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"


@pytest.fixture(scope="session")
def model_url():
    """The base URL the LLM talks to: the real embedded server when recording, a replayed address otherwise."""
    if not RECORD:
        yield REPLAY_URL
        return
    from extractor.engine.server import EmbeddedServer
    from extractor.engine.weights import ensure_model

    with EmbeddedServer(ensure_model(), alias=MODEL) as server:
        yield server.base_url


# Every header or query parameter that can carry a key or a session is left out of cassettes.
SECRET_HEADERS = ["authorization", "proxy-authorization", "api-key", "x-api-key", "openai-organization", "openai-project",
                  "cookie", "set-cookie"]


def _without_userinfo(request):
    """A base URL's user:password (http://user:KEY@host) never reaches a cassette."""
    request.uri = mask_url(request.uri)
    return request


def cassette_recorder(directory: Path, record_mode: str) -> vcr.VCR:
    return vcr.VCR(
        before_record_request=_without_userinfo,
        cassette_library_dir=str(directory),
        record_mode=record_mode,
        match_on=["method", "path", "body"],
        filter_headers=[*SECRET_HEADERS, "x-stainless-os", "x-stainless-arch", "user-agent"],
        filter_query_parameters=["api-key", "api_key", "key"],
        decode_compressed_response=True,
    )


@contextlib.contextmanager
def recorded(name: str, base_url: str):
    """An LLM whose traffic is recorded to, or replayed from, tests/cassettes/<name>.yaml."""
    recorder = cassette_recorder(CASSETTES, "all" if RECORD else "none")
    with recorder.use_cassette(f"{name}.yaml"):
        yield LLM(base_url, MODEL, attempts=1, wait=wait_none(), deadlines=EMBEDDED)


@pytest.fixture
def cassette(model_url):
    """`with cassette("name") as llm:` in a test."""
    return lambda name: recorded(name, model_url)
