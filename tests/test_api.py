"""The Python API goes through the batch: same options, same files, PressRelease models back."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor import extract_paths, extract_text
from extractor.engine.deadline import Deadlines
from extractor.errors import EndpointServerError, ReleaseError
from fault_server import Handler, StandIn
from schemas.release import PressRelease

DATA = Path(__file__).parent / "data"


def test_extract_paths_returns_the_releases_written_and_the_batch_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "latin1.txt", folder / "one.txt")
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    with StandIn() as server:
        releases = extract_paths([folder], tmp_path / "out", base_url=server.url, model="qwen", cache_dir=tmp_path / "cache")
    assert [type(r) for r in releases] == [PressRelease]
    assert releases[0].id == "one" and releases[0].extraction.endpoint == server.url
    runs = {r["id"]: r["status"] for r in json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["releases"]}
    assert runs == {"empty": "failed", "one": "ok"}


def test_extract_text_returns_one_release_or_raises_its_error(tmp_path):
    text = (DATA / "latin1.txt").read_text(encoding="latin-1")
    with StandIn() as server:
        release = extract_text(text, name="mine", base_url=server.url, model="qwen", use_cache=False)
    assert release.id == "mine" and release.language == "fr"

    def failing(handler: Handler, request: dict, hit: int) -> None:
        handler.reply(503, {"error": {"message": "overloaded"}})

    fast = Deadlines(connect=5, read=5, total=10, retry_after_cap=0)  # room for a loaded machine; 3 quick attempts fit
    with StandIn(failing) as server, pytest.raises(EndpointServerError, match=r"kept failing .*HTTP 503: overloaded"):
        extract_text(text, base_url=server.url, model="qwen", use_cache=False, deadlines=fast)
    with pytest.raises(ReleaseError, match="empty"):
        extract_text(" \n", base_url="http://127.0.0.1:9/v1", model="qwen", use_cache=False)


def test_an_option_the_batch_does_not_know_is_refused(tmp_path):
    with pytest.raises(TypeError, match="colour"):
        extract_text("Un texte.", base_url="http://127.0.0.1:9/v1", model="m", colour="red")
