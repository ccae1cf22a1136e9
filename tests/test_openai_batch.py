"""`extract --batch-api` against the stand-in Batch endpoints (tests/batch_standin.py) on 127.0.0.1."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from batch_standin import BatchStandIn
from extractor.batch import BatchOptions, run_batch
from extractor.cli import app as cli
from extractor.errors import EndpointError
from extractor.scale.openai_batch import _answer, batch_client, run_batch_api
from loopback import served
from standin import MODEL, StandInModel

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
KEY = "sk-test-never-written"


def comparable(release: dict) -> dict:
    """A release without what differs between the two paths: the clock and the endpoint's name."""
    release = json.loads(json.dumps(release))
    release["extraction"].pop("seconds")
    release["extraction"].pop("endpoint")
    return release


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli")
    assert run_batch(SEEDS, BatchOptions(out=out, use_cache=False), console=Console(file=io.StringIO()), llm=StandInModel().client()) == 0
    return out


@pytest.fixture
def standin():
    batches = BatchStandIn(StandInModel())
    with served(batches.app) as url:
        yield batches, f"{url}/v1"


def quiet() -> Console:
    return Console(file=io.StringIO())


def test_a_restart_between_submit_and_results_asks_no_question_twice(standin, cli_outputs, tmp_path):
    batches, url = standin
    options = BatchOptions(out=tmp_path / "out", model=MODEL, api_key=KEY)
    batches.hold = True
    with pytest.raises(EndpointError, match="will not be submitted twice"):
        run_batch_api(SEEDS, options, batch_client(url, KEY), quiet(), poll_seconds=0.01, max_wait_seconds=0.2)
    assert len(batches.batches) == 1 and batches.batches["batch_1"]["status"] == "in_progress"
    state = json.loads((options.out / ".batch-api" / "state.json").read_text(encoding="utf-8"))
    assert state["batch_id"] == "batch_1"
    # A new process: nothing but the output folder carries over.
    batches.hold = False
    assert run_batch_api(SEEDS, options, batch_client(url, KEY), quiet(), poll_seconds=0.01) == 0
    assert max(batches.submitted.values()) == 1, "a question reached the Batch API twice"
    assert len(batches.batches) == json.loads((options.out / ".batch-api" / "state.json").read_text())["rounds"] >= 3
    assert batches.model.recorded == sum(batches.submitted.values()) and batches.model.empty == 0
    for seed in SEEDS:
        got = json.loads((options.out / f"{seed.stem}.json").read_text(encoding="utf-8"))
        assert comparable(got) == comparable(json.loads((cli_outputs / f"{seed.stem}.json").read_text(encoding="utf-8")))
    assert (options.out / "clusters.json").read_text() == (cli_outputs / "clusters.json").read_text()
    for path in options.out.rglob("*"):
        assert not path.is_file() or KEY not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_batch_created_but_not_noted_is_found_again_not_created_twice(standin, tmp_path):
    batches, url = standin
    options = BatchOptions(out=tmp_path / "out", model=MODEL)
    batches.lose_next_create = True
    with pytest.raises(EndpointError, match="refused the batch"):
        run_batch_api(SEEDS[:1], options, batch_client(url, None), quiet(), poll_seconds=0.01)
    assert len(batches.batches) == 1
    assert run_batch_api(SEEDS[:1], options, batch_client(url, None), quiet(), poll_seconds=0.01) == 0
    assert max(batches.submitted.values()) == 1
    assert json.loads((options.out / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8"))["clusters"]


def test_the_cli_runs_the_batch_api_path(standin, tmp_path):
    batches, url = standin
    result = CliRunner().invoke(cli, ["extract", str(SEEDS[2]), "--out", str(tmp_path / "out"), "--batch-api",
                                      "--base-url", url, "--model", MODEL])
    assert result.exit_code == 0, result.output
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert [r["status"] for r in run["releases"]] == ["cached"]
    assert batches.batches and all(b["status"] == "completed" for b in batches.batches.values())


def test_the_batch_api_path_needs_a_model(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(SEEDS[0]), "--out", str(tmp_path), "--batch-api"], env={"EXTRACTOR_MODEL": ""})
    assert result.exit_code == 2
    assert "--batch-api needs --model" in result.output


def test_a_batch_answer_cut_at_its_token_limit_keeps_the_items_it_finished():
    written = '{"people": [{"name": "Ana Ruiz", "role": null, "organisation": null}, {"name": "Ana R'
    line = {"custom_id": "k", "response": {"status_code": 200, "body": {
        "choices": [{"finish_reason": "length", "message": {"tool_calls": [{"function": {"arguments": written}}]}}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 300}}}}
    key, entry = _answer(line)
    assert key == "k" and entry is not None
    assert entry["answer"] == {"people": [{"name": "Ana Ruiz", "role": None, "organisation": None}]}
    assert entry["usage"]["cut"] == 1
