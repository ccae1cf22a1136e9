"""Bounded time for every question to the model: connect, read and total deadlines, and a stop switch.

httpx's timeouts apply to each socket operation, so a server that sends one byte every few seconds never
trips the read timeout, and a thread blocked in ``recv`` cannot be told to stop. Both are solved at the
socket: the connection pool gets a network backend whose reads wait in short slices, and between slices
check the question's total deadline and its stop switch. A hung or trickling server is therefore cut at the
total deadline, and Ctrl-C (which sets the switch) ends a request within one slice.

The deadline of the question under way lives in a context variable set by ``LLM.ask`` in the thread that
asks; the backend reads it at each socket operation, so pooled connections serve any question.
"""
from __future__ import annotations

import email.utils
import math
import threading
import time
import typing
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field

import httpcore
import httpx

from extractor.errors import Interrupted

# How long one blocking socket read may last before the deadline and the stop switch are checked again.
SLICE_SECONDS = 0.2


@dataclass(frozen=True)
class Deadlines:
    """Seconds: to open a connection, to wait for the next byte, for a whole question (retries included),
    and the longest Retry-After the tool will honour."""

    connect: float = 10.0
    read: float = 120.0
    total: float = 300.0
    retry_after_cap: float = 60.0

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.read, pool=self.connect)


# The embedded server evaluates about 45 prompt tokens a second on 2 cores and answers only when done.
EMBEDDED = Deadlines(read=600.0, total=1200.0)


@dataclass
class Call:
    """The clock of one question: when it must end, and which deadline ended it, if one did."""

    deadlines: Deadlines
    stop: threading.Event
    ends: float = field(init=False)
    expired: str | None = None  # "connect", "read" or "total"

    def __post_init__(self) -> None:
        self.ends = time.monotonic() + self.deadlines.total

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def check(self) -> None:
        if self.stop.is_set():
            raise Interrupted("The batch was stopped while this release was being extracted; it was not finished.")
        if self.remaining() <= 0:
            self.expired = "total"
            raise httpcore.ReadTimeout(f"no complete answer within the total deadline of {self.deadlines.total:g} s")

    def sleep(self, seconds: float) -> None:
        """tenacity's pause between attempts, cut short by the stop switch."""
        if self.stop.wait(max(0.0, min(seconds, self.remaining()))):
            self.check()


CURRENT: ContextVar[Call | None] = ContextVar("extractor_model_call", default=None)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        call = CURRENT.get()
        if call is None:
            return self._inner.read(max_bytes, timeout)
        until = time.monotonic() + timeout if timeout is not None else math.inf
        while True:
            call.check()
            step = max(0.001, min(SLICE_SECONDS, until - time.monotonic(), call.remaining()))
            try:
                return self._inner.read(max_bytes, step)
            except httpcore.ReadTimeout:
                if time.monotonic() >= until:
                    call.expired = call.expired or "read"
                    raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        call = CURRENT.get()
        if call is not None:
            call.check()
            timeout = min(timeout if timeout is not None else math.inf, max(0.001, call.remaining()))
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: typing.Any, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        call = CURRENT.get()
        if call is not None:
            call.check()
            timeout = min(timeout if timeout is not None else math.inf, max(0.001, call.remaining()))
        try:
            return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))
        except httpcore.ConnectTimeout:
            if call is not None:
                call.expired = "total" if call.remaining() <= 0 else "connect"
            raise

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool whose sockets keep the deadlines above."""

    def __init__(self) -> None:
        super().__init__()
        # httpx builds its pool without a network backend; the pool is rebuilt with the same TLS defaults
        # and the deadline-keeping backend (httpcore's public ``network_backend`` parameter).
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=_Backend())


def retry_after(headers: typing.Mapping[str, str] | None) -> float | None:
    """Seconds the server asked to wait (Retry-After as seconds or as an HTTP date), if it said."""
    value = (headers or {}).get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())
