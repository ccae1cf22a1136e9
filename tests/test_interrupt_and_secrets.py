"""The command line against a real socket: Ctrl-C during a hanging request, a base URL that is no URL, and a
key given every way a key can be given, none of which may reach a file."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from fault_server import Handler, StandIn

DATA = Path(__file__).parent / "data"
KEY = "sk-sigint-4b1e9a7c55d0"


def releases(tmp_path: Path, names: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(DATA / "latin1.txt", folder / f"{name}.txt")
    return folder


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})


def test_ctrl_c_during_a_hanging_request_stops_the_batch_within_2_s_and_a_rerun_resumes(tmp_path):
    folder = releases(tmp_path, "abc")
    out, cache = tmp_path / "out", tmp_path / "cache"
    env = {"EXTRACTOR_CACHE": str(cache)}
    with StandIn(lambda handler, request, hit: handler.hang()) as server:
        process = cli("extract", str(folder), "--out", str(out), "--base-url", server.url, "--model", "qwen",
                      "--read-timeout", "60", "--total-timeout", "60", env=env)
        deadline = time.monotonic() + 60
        while server.hits == 0 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert server.hits == 1, process.communicate()
        time.sleep(0.5)  # the request is now blocked on a socket that will never answer
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=10)
        finally:
            process.kill()
        stopped_after = time.monotonic() - sent
    assert stopped_after < 2.0, stopped_after
    assert process.returncode == 130
    assert "Ctrl-C" in stderr and "0 of 3 releases written, 0 failed, 3 not attempted" in stderr and "Traceback" not in stderr
    runs = json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]
    assert [r["status"] for r in runs] == ["not attempted"] * 3

    with StandIn() as server:
        process = cli("extract", str(folder), "--out", str(out), "--base-url", server.url, "--model", "qwen", env=env)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    runs = json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]
    assert {r["status"] for r in runs} <= {"ok", "cached"}


def test_a_base_url_that_is_not_a_url_is_a_usage_error_at_once(tmp_path):
    folder = releases(tmp_path, "a")
    for bad in ("localhost:8000/v1", "not a url", "ftp://host/v1", "http://"):
        started = time.monotonic()
        process = cli("extract", str(folder), "--out", str(tmp_path / "out"), "--base-url", bad, "--model", "m",
                      env={"EXTRACTOR_CACHE": str(tmp_path / "cache")})
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 2, stderr
        assert "is not an http(s) URL" in stderr and "Traceback" not in stderr
        assert time.monotonic() - started < 20  # no retries: only the interpreter's start-up


def test_no_key_from_any_source_reaches_any_file(tmp_path):
    """The key comes as --api-key, as OPENAI_API_KEY, as the password of the base URL, and is echoed back by the
    server in its errors; run.json, every output, the cache and the console must all be free of it."""
    option_key, env_key, url_password = KEY, "sk-env-0c9d8e7f6a5b", "urlpass-3e4f5a6b7c8d"
    folder = releases(tmp_path, "ab")
    (folder / "b.txt").write_text("Autre paragraphe.\n\n" + (folder / "b.txt").read_text(encoding="latin-1"), encoding="latin-1")
    cache = tmp_path / "cache"

    given: list[str] = []  # the secrets of the run under way, which the server echoes as a proxy echoing its URL would

    def echo_then_answer(handler: Handler, request: dict, hit: int) -> None:
        if any("Autre paragraphe" in str(message["content"]) for message in request["messages"]):
            handler.reply(500, {"error": {"message": f"{handler.echo()} at {' '.join(given)}"}})
        else:
            handler.answer(request)

    outputs = []
    with StandIn(echo_then_answer) as server:
        for number, (args, env, secret) in enumerate([
            (["--api-key", option_key], {}, option_key),
            ([], {"OPENAI_API_KEY": env_key}, env_key),
            ([], {}, url_password),
        ]):
            given[:] = [secret]
            out = tmp_path / f"out{number}"
            url = server.url.replace("http://", f"http://someone:{url_password}@") if number == 2 else server.url
            process = cli("extract", str(folder), "--out", str(out), "--base-url", url, "--model", "qwen",
                          "--total-timeout", "5", "--no-cache" if number else "--cache", *args,
                          env={"EXTRACTOR_CACHE": str(cache), **env})
            stdout, stderr = process.communicate(timeout=120)
            assert process.returncode == 1, stderr
            outputs.append(out)
            assert secret not in stdout + stderr
            assert "***" in next(r["error"] for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"] if r["error"])
    runs = json.loads((outputs[2] / "run.json").read_text(encoding="utf-8"))
    assert runs["endpoint"].startswith("http://***@127.0.0.1:")
    files = [p for folder in (*outputs, cache) for p in folder.rglob("*") if p.is_file()]
    assert len(files) >= 6
    for path in files:
        data = path.read_bytes()
        for secret in (option_key, env_key, url_password):
            assert secret.encode() not in data, f"{secret} written to {path}"
