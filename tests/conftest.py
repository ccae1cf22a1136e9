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


@contextlib.contextmanager
def recorded(name: str, base_url: str):
    """An LLM whose traffic is recorded to, or replayed from, tests/cassettes/<name>.yaml."""
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="all" if RECORD else "none",
        match_on=["method", "path", "body"],
        filter_headers=["authorization", "x-stainless-os", "x-stainless-arch", "user-agent"],
        decode_compressed_response=True,
    )
    with recorder.use_cassette(f"{name}.yaml"):
        yield LLM(base_url, MODEL, attempts=1, wait=wait_none())


@pytest.fixture
def cassette(model_url):
    """`with cassette("name") as llm:` in a test."""
    return lambda name: recorded(name, model_url)
