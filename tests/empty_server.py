"""TEST FIXTURE, not a model: a stand-in OpenAI-compatible endpoint on 127.0.0.1 for fault tests.

It answers every chat completion by calling the requested tool with each array field of the tool's
schema empty ("no cluster, no agreement, no person"), after an optional delay, so that a batch runs
end to end in a real subprocess (killed, run twice at once) without a model. The same answer is also
offered in-process as an httpx transport (``empty_answers_llm``).
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from tenacity import wait_none

from extractor.engine.client import LLM

MODEL = "standin-test-fixture"


def empty_answer(body: dict[str, Any]) -> dict[str, Any]:
    function = body["tools"][0]["function"]
    properties = function["parameters"].get("properties", {})
    arguments = {name: [] for name, spec in properties.items() if spec.get("type") == "array" or "items" in spec}
    message = {"role": "assistant", "content": None,
               "tool_calls": [{"id": "c", "type": "function", "function": {"name": function["name"], "arguments": json.dumps(arguments)}}]}
    return {"id": "standin", "object": "chat.completion", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": message}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}


def empty_answers_llm() -> LLM:
    """An in-process client whose every answer is ``empty_answer`` (no socket)."""
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=empty_answer(json.loads(request.content))))
    return LLM("http://standin.test/v1", MODEL, attempts=1, wait=wait_none(), http_client=httpx.Client(transport=transport))


@contextmanager
def standin_server(delay: float = 0.0) -> Iterator[str]:
    """Serves ``empty_answer`` on 127.0.0.1 after ``delay`` seconds per request; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            time.sleep(delay)
            payload = json.dumps(empty_answer(body)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
