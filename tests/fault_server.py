"""A stand-in OpenAI-compatible endpoint on 127.0.0.1 for fault tests — a test fixture, with no model behind it.

It answers every chat completion with a valid, empty answer (each required list of the asked tool's schema
empty), unless the test gives it a fault: a status and body, a broken body, a hang, a trickle, a closed
connection. Error bodies echo the request's Authorization header and path, as careless servers do, so a
test can check that no key reaches any file.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Longest a hanging or trickling reply lasts, so a test never waits on the stand-in forever.
MAX_HANG_SECONDS = 30.0


def empty_answer(request: dict[str, Any]) -> dict[str, Any]:
    function = request["tools"][0]["function"]
    arguments = {name: [] for name in function["parameters"].get("required", [])}
    message = {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": function["name"], "arguments": json.dumps(arguments)}}]}
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": request.get("model", "m"),
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": message}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}


class Handler(BaseHTTPRequestHandler):
    server: StandIn

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        request = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        with self.server.lock:
            self.server.hits += 1
            hit = self.server.hits
        self.server.fault(self, request, hit)

    def echo(self) -> str:
        return f"request to {self.path} with authorization {self.headers.get('authorization')!r} failed"

    def reply(self, status: int, body: bytes | dict[str, Any] | list[Any], headers: dict[str, str] | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def answer(self, request: dict[str, Any]) -> None:
        self.reply(200, empty_answer(request))

    def hang(self) -> None:
        self.server.stopping.wait(MAX_HANG_SECONDS)

    def trickle(self, every: float) -> None:
        """Sends a valid status line, then one byte of header every ``every`` seconds, never finishing."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.wfile.flush()
        started = time.monotonic()
        while not self.server.stopping.wait(every) and time.monotonic() - started < MAX_HANG_SECONDS:
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return


Fault = Callable[[Handler, dict[str, Any], int], None]


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fault: Fault | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.fault: Fault = fault or (lambda handler, request, hit: handler.answer(request))
        self.hits = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
