"""The service over real HTTP (uvicorn on 127.0.0.1), with the stand-in model of tests/standin.py."""
from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from extractor.batch import BatchOptions, run_batch
from extractor.cli import app as cli
from extractor.engine.client import Usage
from extractor.service.app import create_app
from extractor.service.openapi import OPENAPI_PATH, render_openapi
from extractor.service.work import ServiceSettings
from loopback import served
from standin import StandInModel

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def serving(settings: ServiceSettings, llm):
    """The service on a free loopback port; yields its base URL."""
    return served(create_app(settings, llm))


def settings_for(tmp: Path, **changes) -> ServiceSettings:
    return ServiceSettings(options=BatchOptions(out=tmp / "service", cache_dir=tmp / "cache"), **changes)


def comparable(release: dict) -> dict:
    """A release without what differs between two runs of the same extraction: the clock and the file's folder."""
    release = json.loads(json.dumps(release))
    release["extraction"].pop("seconds")
    release["source"]["path"] = Path(release["source"]["path"]).name
    return release


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory) -> Path:
    """The seeds through the CLI's batch, on the same stand-in model."""
    out = tmp_path_factory.mktemp("cli")
    options = BatchOptions(out=out, use_cache=False)
    assert run_batch(SEEDS, options, console=Console(file=io.StringIO()), llm=StandInModel().client()) == 0
    return out


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    model = StandInModel()
    with serving(settings_for(tmp_path_factory.mktemp("service")), model.client()) as url:
        yield url, model


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_each_seed_answered_by_the_service_equals_the_cli_output(service, cli_outputs, seed):
    url, _ = service
    answer = httpx.post(f"{url}/releases", json={"text": seed.read_text(encoding="utf-8"), "name": seed.name}, timeout=60)
    assert answer.status_code == 200, answer.text
    expected = json.loads((cli_outputs / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert comparable(answer.json()) == comparable(expected)
    assert answer.json()["clusters"], "the recorded answers reached the pipeline"


def test_a_file_upload_gives_the_same_release_as_json(service, cli_outputs):
    url, _ = service
    seed = SEEDS[1]
    with seed.open("rb") as handle:
        answer = httpx.post(f"{url}/releases", files={"file": (seed.name, handle, "text/plain")}, timeout=60)
    assert answer.status_code == 200, answer.text
    assert comparable(answer.json()) == comparable(json.loads((cli_outputs / f"{seed.stem}.json").read_text(encoding="utf-8")))


def test_a_batch_is_queued_then_done_with_the_cli_clusters(service, cli_outputs):
    url, _ = service
    body = {"releases": [{"text": seed.read_text(encoding="utf-8"), "name": seed.name} for seed in SEEDS]}
    queued = httpx.post(f"{url}/batches", json=body, timeout=30)
    assert queued.status_code == 202 and queued.json()["status"] in ("queued", "running")
    job = queued.json()
    for _ in range(600):
        job = httpx.get(f"{url}/batches/{job['id']}", timeout=10).json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done", job
    # The single releases above put their answers in the service's cache: the batch reuses them.
    assert [r["status"] for r in job["run"]["releases"]] == ["cached"] * len(SEEDS)
    cli_clusters = json.loads((cli_outputs / "clusters.json").read_text(encoding="utf-8"))
    assert job["clusters"] == cli_clusters
    by_id = {r["id"]: r for r in job["releases"]}
    for seed in SEEDS:
        assert comparable(by_id[seed.stem]) == comparable(json.loads((cli_outputs / f"{seed.stem}.json").read_text(encoding="utf-8")))
    assert httpx.get(f"{url}/clusters", timeout=10).json() == cli_clusters


def test_refusals_are_clear_4xx(service):
    url, _ = service
    too_big = httpx.post(f"{url}/releases", json={"text": "x" * 2_100_000, "name": "big.txt"}, timeout=30)
    assert too_big.status_code == 413 and "limit of 2000000 bytes" in too_big.json()["detail"]
    plain = httpx.post(f"{url}/releases", content=b"some text", headers={"content-type": "text/plain"}, timeout=10)
    assert plain.status_code == 415 and "application/json" in plain.json()["detail"]
    bad_name = httpx.post(f"{url}/releases", json={"text": "Un communiqué.", "name": "../etc/passwd"}, timeout=10)
    assert bad_name.status_code == 422 and "name" in bad_name.json()["detail"]
    binary = httpx.post(f"{url}/releases", files={"file": ("blob.txt", b"\x00\x01\x02" * 100, "application/octet-stream")}, timeout=10)
    assert binary.status_code == 422 and binary.json()["detail"] == "blob.txt is a binary file, not a text release."
    unknown = httpx.get(f"{url}/batches/nope", timeout=10)
    assert unknown.status_code == 404 and "POST /batches" in unknown.json()["detail"]
    twice = httpx.post(f"{url}/batches", json={"releases": [{"text": "a", "name": "a.txt"}, {"text": "b", "name": "a.md"}]}, timeout=10)
    assert twice.status_code == 422 and "own name" in twice.json()["detail"]


class Slow:
    """A stand-in model that answers only when the test lets it: a release that outlives the deadline."""

    model = "slow stand-in"
    endpoint = "test fixture"

    def __init__(self) -> None:
        self.release = threading.Event()

    def ask(self, response_model, messages, max_tokens=512):
        self.release.wait(timeout=30)
        return response_model.model_validate({name: [] for name in response_model.model_fields}), Usage(1, 1, 1, 0.0)


def test_a_release_past_the_deadline_is_answered_504(tmp_path):
    slow = Slow()
    with serving(settings_for(tmp_path, deadline_s=1.0), slow) as url:
        started = time.monotonic()
        answer = httpx.post(f"{url}/releases", json={"text": SEEDS[0].read_text(encoding="utf-8"), "name": "late.txt"}, timeout=30)
        slow.release.set()
    assert answer.status_code == 504 and "1-second deadline" in answer.json()["detail"]
    assert time.monotonic() - started < 10


def test_with_an_api_key_only_health_is_open(tmp_path):
    with serving(settings_for(tmp_path, api_key="s3cret-key"), StandInModel().client()) as url:
        assert httpx.get(f"{url}/health", timeout=10).status_code == 200
        refused = httpx.get(f"{url}/clusters", timeout=10)
        assert refused.status_code == 401 and "s3cret" not in refused.text
        assert httpx.get(f"{url}/clusters", headers={"authorization": "Bearer wrong"}, timeout=10).status_code == 401
        assert httpx.get(f"{url}/clusters", headers={"authorization": "Bearer s3cret-key"}, timeout=10).status_code == 200


def test_serving_beyond_loopback_without_a_key_is_refused():
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "pass --api-key" in " ".join(result.output.split())


def test_the_committed_openapi_document_is_up_to_date():
    assert OPENAPI_PATH.read_text(encoding="utf-8") == render_openapi(), "run `make schema` to regenerate schemas/openapi.json"
