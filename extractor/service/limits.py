"""What the service refuses before any route runs: bodies over the size limit, and callers without the key.

Both are plain ASGI middleware so that a body is never read past the limit, whatever route it is for.
"""
from __future__ import annotations

import hmac

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The service answers its health check to anyone: a load balancer has no key.
OPEN_PATHS = frozenset({"/health"})


class BodyLimit:
    """Answers 413 to a request whose body is larger than ``max_bytes``, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"The request body is larger than the service's limit of {self.max_bytes} bytes; send a smaller release or split the batch."
        await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)


class ApiKey:
    """Answers 401 unless the request carries ``Authorization: Bearer <key>``; the key is compared in constant time."""

    def __init__(self, app: ASGIApp, key: str) -> None:
        self.app = app
        self._expected = f"Bearer {key}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] not in OPEN_PATHS:
            given = dict(scope["headers"]).get(b"authorization", b"")
            if not hmac.compare_digest(given, self._expected):
                detail = "This service needs its API key: send the header 'Authorization: Bearer <key>' with the key it was started with."
                await JSONResponse({"detail": detail}, status_code=401)(scope, receive, send)
                return
        await self.app(scope, receive, send)
