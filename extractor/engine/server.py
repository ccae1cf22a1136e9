"""Runs llama-cpp-python's OpenAI-compatible server on the embedded model for the length of a batch.

llama-cpp-python serves one request at a time from a single context, and ``Llama.generate`` keeps the
longest common token prefix of the previous prompt in the KV cache. Consecutive questions about the same
release share their system prompt and release text, so only the new question is evaluated each time.
Nothing here may turn that off (no ``--cache`` swapping, no parallel slots).
"""
from __future__ import annotations

import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

from extractor.engine.weights import default_cache_dir
from extractor.errors import SetupError

# llama-cpp-python's server, run with greedy sampling that asks the grammar about the picked token first (the
# same answers, about 16 % less time a release: see extractor/engine/sampling.py).
SERVER_MODULE = "extractor.engine.sampling"
STOP_GRACE_SECONDS = 10.0
POLL_SECONDS = 0.5
LOG_TAIL_LINES = 8
MISSING_MODULE = re.compile(r"No module named '([\w.]+)'")
BUILD_FIX = 'run `make model` (it builds llama-cpp-python[server] with CMAKE_ARGS="-DGGML_NATIVE=OFF")'


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now; the server binds it moments later."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _die_with_parent() -> None:
    # Linux only: if this process is killed outright, the kernel takes the server down too, so no
    # orphan keeps a gigabyte of model in memory. PR_SET_PDEATHSIG is option 1.
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


class EmbeddedServer:
    """``with EmbeddedServer(path) as server:`` gives an endpoint at ``server.base_url`` serving ``server.model``."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        host: str = "127.0.0.1",
        port: int | None = None,
        startup_timeout: float = 180.0,
        log_path: Path | None = None,
        alias: str | None = None,
        python: str = sys.executable,
        module: str = SERVER_MODULE,
    ) -> None:
        self.model_path = Path(model_path)
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.host = host
        self.port = port or free_port(host)
        self.startup_timeout = startup_timeout
        self.log_path = Path(log_path) if log_path else default_cache_dir() / "server.log"
        self.model = alias or self.model_path.stem
        self.python = python
        self.module = module
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def command(self) -> list[str]:
        return [
            self.python, "-m", self.module,
            "--model", str(self.model_path),
            "--model_alias", self.model,
            "--host", self.host,
            "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            "--n_threads", str(self.n_threads),
            "--n_threads_batch", str(self.n_threads),
            # The server keeps the logits of every prompt token by default (151,936 floats each), copied out of
            # llama.cpp after each prompt: 10-15 ms a token on 2 cores, which nothing here reads.
            "--logits_all", "false",
        ]

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    def start(self) -> None:
        if not self.model_path.is_file():
            raise SetupError(f"The model file {self.model_path} does not exist; run `make model` to download it.")
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            log = self.log_path.open("wb")
        except OSError as exc:
            raise SetupError(f"Cannot write the server log {self.log_path} ({exc.strerror or exc}); set EXTRACTOR_CACHE to a writable folder.") from exc
        try:
            with log:
                self._process = subprocess.Popen(
                    self.command(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent if sys.platform == "linux" else None,
                )
        except OSError as exc:
            raise SetupError(f"Cannot run {self.python} to start the model server ({exc.strerror or exc}).") from exc
        try:
            self._wait_until_ready()
        except BaseException:
            # Also on Ctrl-C during the minutes of loading: never leave a half-started server behind.
            self.stop()
            raise

    def _wait_until_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(timeout=5.0) as http:
            while True:
                code = self._process.poll()
                if code is not None:
                    raise self._startup_failure(f"exited with code {code}")
                try:
                    if http.get(f"{self.base_url}/models").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise self._startup_failure(f"was not ready after {self.startup_timeout:.0f} s")
                time.sleep(POLL_SECONDS)

    def _startup_failure(self, what: str) -> SetupError:
        log = self._log_tail()
        missing = MISSING_MODULE.search(log)
        if missing:
            return SetupError(f"The embedded model server cannot start because the Python module {missing.group(1)} is missing; {BUILD_FIX}.")
        quoted = "\n".join(f"    {line}" for line in log.splitlines()[-LOG_TAIL_LINES:])
        return SetupError(
            f"The embedded model server {what} (full log: {self.log_path}); its last lines:\n{quoted}\n"
            f"If the model file is damaged or llama-cpp-python is not built, {BUILD_FIX}; or use another endpoint with --base-url."
        )

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
