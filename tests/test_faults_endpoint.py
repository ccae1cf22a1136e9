"""Endpoint faults from a real socket: every case ends in a valid output or a clear per-release error, the
batch goes on, and no key reaches any file written under the output folder or the cache."""
from __future__ import annotations

import email.utils
import json
import shutil
import socket
import time
from pathlib import Path

import pytest
from rich.console import Console
from tenacity import wait_none

from extractor.batch import BatchOptions, run_batch
from extractor.engine.client import LLM
from extractor.engine.deadline import Deadlines
from extractor.engine.server import free_port
from extractor.errors import EndpointServerError
from extractor.write import schema_errors
from fault_server import Handler, StandIn

DATA = Path(__file__).parent / "data"
KEY = "sk-faultcase-7f3a9c2e11d4"
PASSWORD = "pw-9d8e7f6a5b4c3d2e"
FAST = Deadlines(connect=1.0, read=0.6, total=2.0, retry_after_cap=0.3)
BANNED = ("Traceback", "Please report", "please report", "list index out of range", "NoneType", "JSONDecodeError")


def quiet() -> Console:
    return Console(file=open("/dev/null", "w"), width=200)


def status(code: int, body: dict | bytes | list | None = None, headers: dict[str, str] | None = None):
    def fault(handler: Handler, request: dict, hit: int) -> None:
        handler.reply(code, body if body is not None else {"error": {"message": handler.echo()}}, headers)
    return fault


def then_ok(first):
    """The first request gets the fault, every later one a valid answer."""
    def fault(handler: Handler, request: dict, hit: int) -> None:
        if hit == 1:
            first(handler, request, hit)
        else:
            handler.answer(request)
    return fault


def body_200(transform):
    def fault(handler: Handler, request: dict, hit: int) -> None:
        handler.reply(200, transform(request, handler))
    return fault


def completion_with(request: dict, **changes) -> dict:
    from fault_server import empty_answer

    answer = empty_answer(request)
    answer.update(changes)
    return answer


def tool_arguments(arguments: str, finish_reason: str = "tool_calls"):
    def transform(request: dict, handler: Handler) -> dict:
        answer = completion_with(request)
        answer["choices"][0]["finish_reason"] = finish_reason
        answer["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = arguments
        return answer
    return body_200(transform)


def closes(handler: Handler, request: dict, hit: int) -> None:
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


def resets(handler: Handler, request: dict, hit: int) -> None:
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    handler.connection.close()


def hangs(handler: Handler, request: dict, hit: int) -> None:
    handler.hang()


def trickles(handler: Handler, request: dict, hit: int) -> None:
    handler.trickle(0.1)


def slow_ok(handler: Handler, request: dict, hit: int) -> None:
    time.sleep(0.2)
    handler.answer(request)


def http_date(seconds: float) -> str:
    return email.utils.formatdate(time.time() + seconds, usegmt=True)


# (case, fault, what each release must end as: "ok", "partial", or a phrase of its one-sentence error)
CASES = [
    ("answers", None, "ok"),
    ("slow-but-in-time", slow_ok, "ok"),
    ("503-then-ok", then_ok(status(503)), "ok"),
    ("500-then-ok", then_ok(status(500)), "ok"),
    ("429-retry-after-seconds-then-ok", then_ok(status(429, headers={"retry-after": "0"})), "ok"),
    ("429-retry-after-date-then-ok", then_ok(status(429, headers={"retry-after": http_date(0.2)})), "ok"),
    ("429-retry-after-too-long-is-capped", then_ok(status(429, headers={"retry-after": "3600"})), "ok"),
    ("closed-then-ok", then_ok(closes), "ok"),
    ("400", status(400), "rejected the request"),
    ("401", status(401), "refused the API key"),
    ("403", status(403), "refused the API key"),
    ("404", status(404), "does not serve 'qwen'"),
    ("409", status(409), "rejected the request"),
    ("413", status(413), "rejected the request"),
    ("422", status(422), "rejected the request"),
    ("429", status(429), "HTTP 429 (rate limit)"),
    ("429-retry-after-bad", status(429, headers={"retry-after": "soon"}), "HTTP 429 (rate limit)"),
    ("500", status(500), "kept failing after 2 attempts"),
    ("502-html", status(502, b"<html>Bad Gateway</html>"), "kept failing after 2 attempts"),
    ("503", status(503), "kept failing after 2 attempts"),
    ("504", status(504), "kept failing after 2 attempts"),
    ("200-not-json", body_200(lambda r, h: b"<html>proxy login</html>"), "body that is not JSON"),
    ("200-empty-body", body_200(lambda r, h: b""), "body that is not JSON"),
    ("200-truncated-json", body_200(lambda r, h: json.dumps(completion_with(r)).encode()[:40]), "body that is not JSON"),
    ("200-json-array", body_200(lambda r, h: []), "JSON that is not an object"),
    ("200-error-body", body_200(lambda r, h: {"error": {"message": h.echo()}}), "with an error instead of a completion"),
    ("200-error-string", body_200(lambda r, h: {"error": h.echo()}), "with an error instead of a completion"),
    ("200-empty-choices", body_200(lambda r, h: completion_with(r, choices=[])), "no usable choices"),
    ("200-null-choices", body_200(lambda r, h: completion_with(r, choices=None)), "no usable choices"),
    ("200-choice-without-message", body_200(lambda r, h: completion_with(r, choices=[{"index": 0}])), "no usable choices"),
    ("200-no-tool-call", body_200(lambda r, h: completion_with(r, choices=[
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "I cannot."}}])), "partial"),
    ("bad-arguments", tool_arguments('{"clusters": 1, "agreements": 1, "people": 1, "names": 1}'), "partial"),
    ("arguments-not-json", tool_arguments("{not json"), "partial"),
    ("cut-off-at-max-tokens", tool_arguments('{"clusters": [', finish_reason="length"), "partial"),
    ("cut-off-after-a-finished-item", tool_arguments('{"people": [{"name": "Jan Kowalczyk"}, {"name": "Jan Ko',
                                                     finish_reason="length"), "ok"),
    ("closes-without-answer", closes, "Cannot reach the model endpoint"),
    ("resets", resets, "Cannot reach the model endpoint"),
    ("hangs", hangs, "read deadline of 0.6 s"),
    ("trickles", trickles, "total deadline of 2 s"),
]


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "latin1.txt", folder / "first.txt")
    shutil.copy(DATA / "open_figures.txt", folder / "second.txt")
    return folder


def written_files(*folders: Path) -> list[Path]:
    return [path for folder in folders if folder.exists() for path in folder.rglob("*") if path.is_file()]


def assert_no_secret(*folders: Path) -> None:
    files = written_files(*folders)
    assert files
    for path in files:
        data = path.read_bytes()
        for secret in (KEY, PASSWORD):
            assert secret.encode() not in data, f"{secret} written to {path}"


def assert_one_clear_sentence(error: str) -> None:
    assert error.endswith("."), error
    assert "\n" not in error
    for banned in BANNED:
        assert banned not in error, error


@pytest.mark.parametrize(("fault", "expected"), [pytest.param(f, e, id=name) for name, f, e in CASES])
def test_an_endpoint_fault_ends_in_a_valid_output_or_one_clear_error_and_the_batch_goes_on(tmp_path, releases, fault, expected):
    out, cache = tmp_path / "out", tmp_path / "cache"
    with StandIn(fault) as server:
        url = server.url.replace("http://", f"http://user:{PASSWORD}@")
        llm = LLM(url, "qwen", KEY, deadlines=FAST, attempts=2, reasks=1, wait=wait_none())
        started = time.monotonic()
        code = run_batch([releases], BatchOptions(out=out, cache_dir=cache, breaker_limit=0), quiet(), llm=llm)
        seconds = time.monotonic() - started
    runs = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in runs["releases"]] == ["first", "second"]  # both attempted: the batch went on
    for run in runs["releases"]:
        if expected in ("ok", "partial"):
            assert run["status"] == expected, run
            written = json.loads((out / f"{run['id']}.json").read_text(encoding="utf-8"))
            assert schema_errors(written, "press_release") == []
            assert written["extraction"]["endpoint"] == server.url.replace("http://", "http://***@")
        else:
            assert run["status"] == "failed", run
            assert expected in run["error"], run["error"]
            assert_one_clear_sentence(run["error"])
            assert not (out / f"{run['id']}.json").exists()
    assert code == (1 if expected not in ("ok", "partial") else 0)
    assert runs["endpoint"] == server.url.replace("http://", "http://***@")
    assert seconds < 2 * FAST.total + 4  # every case bounded by the deadlines, not by the server
    assert_no_secret(out, cache)


def test_a_dead_endpoint_trips_the_breaker_and_the_rest_is_not_attempted_then_resumed(tmp_path):
    from extractor.errors import EndpointStopped

    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcde":
        shutil.copy(DATA / "latin1.txt", folder / f"{name}.txt")
    out, cache = tmp_path / "out", tmp_path / "cache"
    dead = LLM(f"http://127.0.0.1:{free_port()}/v1", "qwen", KEY, deadlines=FAST, attempts=2, wait=wait_none())
    with pytest.raises(EndpointStopped, match=r"3 releases in a row failed the same way.*Connection refused.*resumes them\.$"):
        run_batch([folder], BatchOptions(out=out, cache_dir=cache), quiet(), llm=dead)
    runs = {r["id"]: r["status"] for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]}
    assert runs == {"a": "failed", "b": "failed", "c": "failed", "d": "not attempted", "e": "not attempted"}

    with StandIn() as server:
        alive = LLM(server.url, "qwen", KEY, deadlines=FAST, attempts=2, wait=wait_none())
        assert run_batch([folder], BatchOptions(out=out, cache_dir=cache), quiet(), llm=alive) == 0
    runs = {r["id"]: r["status"] for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]}
    assert set(runs.values()) <= {"ok", "cached"}  # the five texts are alike: later ones come from the cache


def test_different_causes_do_not_trip_the_breaker(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcd":
        shutil.copy(DATA / "latin1.txt", folder / f"{name}.txt")
    faults = [status(500), status(500), status(404), status(500), status(500), status(401), status(401)]

    def alternate(handler: Handler, request: dict, hit: int) -> None:
        faults[min(hit - 1, len(faults) - 1)](handler, request, hit)

    with StandIn(alternate) as server:
        llm = LLM(server.url, "qwen", deadlines=FAST, attempts=2, wait=wait_none())
        assert run_batch([folder], BatchOptions(out=tmp_path / "out", use_cache=False), quiet(), llm=llm) == 1
    runs = [r["status"] for r in json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["releases"]]
    assert runs == ["failed"] * 4


def test_a_recorded_cassette_holds_no_key(tmp_path):
    from conftest import cassette_recorder

    with StandIn() as server, cassette_recorder(tmp_path, "all").use_cassette("keyed.yaml"):
        url = server.url.replace("http://", f"http://user:{PASSWORD}@")
        llm = LLM(url, "qwen", KEY, deadlines=FAST, attempts=1, wait=wait_none())
        from extractor.ask.answers import Names

        llm.ask(Names, [{"role": "user", "content": "Names?"}])
    cassette = (tmp_path / "keyed.yaml").read_text(encoding="utf-8")
    assert "chat/completions" in cassette
    assert KEY not in cassette and PASSWORD not in cassette


def test_logs_hold_no_key(caplog):
    import logging

    from extractor.ask.answers import Names

    caplog.set_level(logging.DEBUG)
    with StandIn(status(500)) as server:
        url = server.url.replace("http://", f"http://user:{PASSWORD}@")
        llm = LLM(url, "qwen", KEY, deadlines=FAST, attempts=1, wait=wait_none())
        with pytest.raises(EndpointServerError):
            llm.ask(Names, [{"role": "user", "content": "Names?"}])
    assert "http://***@127.0.0.1" in caplog.text
    assert KEY not in caplog.text and PASSWORD not in caplog.text


def test_an_answer_cut_at_its_token_limit_keeps_its_finished_items_with_a_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "board.txt").write_text("Nordmed elects its board\n\nJan Kowalczyk chairs the Nordmed cluster.\n", encoding="utf-8")
    out = tmp_path / "out"
    cut = tool_arguments('{"people": [{"name": "Jan Kowalczyk"}, {"name": "Jan Kowalczyk"}, {"name": "Jan Kow',
                         finish_reason="length")
    with StandIn(cut) as server:
        llm = LLM(server.url, "qwen", deadlines=FAST, attempts=2, reasks=1, wait=wait_none())
        assert run_batch([folder], BatchOptions(out=out, use_cache=False), quiet(), llm=llm) == 0
        asked = server.hits
    written = json.loads((out / "board.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in written["people"]] == ["Jan Kowalczyk"]
    assert "answer_cut" in [f["code"] for f in written["flags"]]
    assert asked == 2  # clusters and people, each once: a cut answer is neither asked again nor in short form
