"""Fault corpus for the output store, the reader and the folder walk.

Every case ends in a valid output or a clear per-release error, the batch going on, and nothing half
written (``assert_sound``). Batches get their answers from the stand-in test fixture (tests/empty_server.py):
in-process through an httpx transport, or over a real socket on 127.0.0.1 when the batch runs in a
subprocess that is killed or runs beside another.
"""
from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from builders import cluster, release
from empty_server import MODEL, empty_answers_llm, standin_server
from extractor.analysis import analyse
from extractor.batch import BatchOptions, run_batch
from extractor.cli import app
from extractor.revalidate import rerun
from extractor.store import LOCK_FILE, release_id
from extractor.summary import release_line
from extractor.write import schema_errors
from schemas import PressRelease
from schemas.run import ReleaseRun, Status

DATA = Path(__file__).parent / "data"
GOOD = (DATA / "latin1.txt").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
SENTENCE_END = (".", ")")


def assert_sound(out: Path) -> None:
    """Every file in the store is whole and valid; every finished release has its output, every failure a sentence."""
    assert not [p.name for p in out.rglob(".*.tmp")], "a temporary file was left behind"
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert schema_errors(report, "run") == []
    for archived in (out / "runs").glob("*.json"):
        assert schema_errors(json.loads(archived.read_text(encoding="utf-8")), "run") == []
    if (out / "clusters.json").exists():
        assert schema_errors(json.loads((out / "clusters.json").read_text(encoding="utf-8")), "clusters") == []
    for run in report["releases"]:
        output = out / f"{run['id']}.json"
        if run["status"] in ("ok", "cached", "partial"):
            data = json.loads(output.read_text(encoding="utf-8"))
            assert schema_errors(data, "press_release") == []
            assert data["id"] == run["id"]
        if run["status"] == "failed":
            error = run["error"]
            assert error.endswith(SENTENCE_END) and "Traceback" not in error and "\n" not in error


def batch(paths: list[Path], out: Path, tmp_path: Path, **options) -> tuple[int, str]:
    console = Console(record=True, width=80, file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the console
    code = run_batch(paths, BatchOptions(out=out, cache_dir=tmp_path / "cache", **options), console, llm=empty_answers_llm())
    return code, console.export_text()


def runs_by_id(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["releases"]}


def skipped(out: Path) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in json.loads((out / "run.json").read_text(encoding="utf-8"))["skipped"]}


@pytest.fixture
def releases(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    return folder


@pytest.fixture
def bounded() -> Iterator[None]:
    """A walk that opened a FIFO would wait forever: the alarm turns that into a failure."""
    def expire(*_: object) -> None:
        raise TimeoutError("the batch blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --- bad files: each fails alone with a sentence naming it, or is read -----------------------------------

BAD_FILES = [
    ("empty.txt", b"", "failed", "is empty"),
    ("blank.txt", b"  \n\n\t \n", "failed", "is empty"),
    ("image.txt", PNG * 20, "failed", "binary file"),
    ("nul.txt", b"Le p\xc3\xb4le\x00 regroupe 300 membres.\n" * 5, "failed", "binary file"),
    ("badbom.txt", codecs.BOM_UTF8 + b"\xff\xfe caf\xe9", "failed", "byte-order mark"),
    ("hidden.html", b"<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>", "failed", "is empty"),
    ("oversize.txt", b"Le pole regroupe 300 membres. " * 200, "failed", "--max-size"),
    ("utf16.txt", "Le pôle Alpha regroupe 300 membres à Lyon.\n".encode("utf-16"), "ok", None),
    ("cp1252.txt", "Le pôle Bêta regroupe 120 adhérents à Évry.\n".encode("cp1252"), "ok", None),
    ("crlf.md", b"# Titre\r\n\r\nLe p\xc3\xb4le Gamma regroupe 80 membres.\r\n", "ok", None),
    ("page.html", "<html><body><h1>Alliance</h1><p>Le pôle Delta regroupe 42 membres.</p></body></html>".encode(), "ok", None),
    ("long_line.txt", b"word " * 50_000, "ok", None),
    ("one_long_word.txt", b"abcdefghij" * 25_000, "ok", None),
]


@pytest.mark.parametrize(("name", "content", "status", "error"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_fails_alone_and_the_batch_goes_on(tmp_path, releases, name, content, status, error):
    (releases / name).write_bytes(content)
    out = tmp_path / "out"
    code, printed = batch([releases], out, tmp_path, max_bytes=5_000 if name == "oversize.txt" else 1_000_000)
    runs = runs_by_id(out)
    stem = Path(name).stem
    assert runs["good"]["status"] == "ok"
    assert runs[stem]["status"] == status
    assert code == (1 if status == "failed" else 0)
    if error:
        assert error in runs[stem]["error"] and name in runs[stem]["error"]
        assert not (out / f"{stem}.json").exists()
        assert runs[stem]["error"] in printed.replace("\n    ", " ")
    assert_sound(out)


@pytest.mark.parametrize("text", ["abcdefghij" * 25_000, "aBcDeFgHiJ" * 25_000, "Le pôle Alpha regroupe 300 membres. " * 7_000])
def test_reading_a_long_line_takes_linear_time(text):
    # Before, a 250 KB word took 327 s: every letter restarted a scan of the rest of the word.
    started = time.monotonic()
    analyse(text)
    assert time.monotonic() - started < 15


# --- walking: never hangs, never stops, says what it did not read ----------------------------------------

def _dir_loop(folder: Path) -> Path:
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    return folder / "sub" / "back"


def _file_loop(folder: Path) -> Path:
    (folder / "self.txt").symlink_to(folder / "self.txt")
    return folder / "self.txt"


def _dangling(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder / "gone.txt"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _device(folder: Path) -> Path:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder / "zero.txt"


def _unsupported(suffix: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / f"report{suffix}").write_bytes(b"\x89PNG\r\n" if suffix == ".png" else b"PK\x03\x04 zipped")
        return folder / f"report{suffix}"
    return make


WALKS = [
    ("folder-link-loop", _dir_loop, "already walked"),
    ("file-link-loop", _file_loop, "symbolic link loop"),
    ("dangling-link", _dangling, "to nothing"),
    ("fifo-named-txt", _fifo, "named pipe"),
    ("device-named-txt", _device, "a device"),
    *[(f"unsupported{suffix}", _unsupported(suffix), f"no reader for {suffix} files")
      for suffix in (".png", ".doc", ".odt", ".rtf", ".xlsx", ".pptx")],
]


@pytest.mark.parametrize(("make", "reason"), [case[1:] for case in WALKS], ids=[case[0] for case in WALKS])
def test_walking_lists_what_it_cannot_read_and_goes_on(tmp_path, releases, bounded, make, reason):
    path = make(releases)
    out = tmp_path / "out"
    code, printed = batch([releases], out, tmp_path)
    assert code == 0
    assert runs_by_id(out)["good"]["status"] == "ok"
    assert reason in skipped(out)[str(path)]
    assert f"{path}: " in printed and reason in printed
    assert_sound(out)


def test_a_fifo_named_on_the_command_line_is_never_opened(tmp_path, releases, bounded):
    pipe = _fifo(tmp_path)
    out = tmp_path / "out"
    assert batch([pipe, releases], out, tmp_path)[0] == 0
    assert "named pipe" in skipped(out)[str(pipe)]


@pytest.mark.parametrize("what", ["folder", "file"])
def test_unreadable_folders_and_files_are_listed(tmp_path, releases, monkeypatch, what):
    target = releases / "locked"
    if what == "folder":
        target.mkdir()
        (target / "inside.txt").write_bytes(GOOD)
    else:
        target = releases / "locked.txt"
        target.write_bytes(GOOD)
    target.chmod(0)
    if os.geteuid() == 0:  # root reads through permissions: make the operating system's answer the one a user gets
        real_scandir, real_access = os.scandir, os.access
        monkeypatch.setattr(os, "scandir", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                            if Path(p) == target else real_scandir(p))
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == target else real_access(p, mode))
    out = tmp_path / "out"
    try:
        assert batch([releases], out, tmp_path)[0] == 0
    finally:
        target.chmod(0o755)
    assert "permission denied" in skipped(out)[str(target)]
    assert set(runs_by_id(out)) == {"good"}


def test_nothing_to_read_is_one_sentence_naming_what_was_skipped(tmp_path, bounded):
    folder = tmp_path / "in"
    folder.mkdir()
    _fifo(folder)
    result = CliRunner().invoke(app, ["extract", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "No release" in result.output and "named pipe" in result.output and "Traceback" not in result.output


# --- names: a release never takes a report's place, two releases never one name ---------------------------

@pytest.mark.parametrize("stem", ["run", "clusters", "runs", "review", "export", "Run", "CLUSTERS"])
def test_a_release_named_like_a_report_gets_its_own_id(tmp_path, releases, stem):
    source = releases / f"{stem}.txt"
    source.write_bytes(GOOD.replace(b"\n", b"\n\n", 1))
    out = tmp_path / "out"
    assert batch([releases], out, tmp_path)[0] == 0
    expected = release_id(source)
    assert expected.startswith(f"{stem}-") and len(expected) == len(stem) + 9
    runs = runs_by_id(out)
    assert runs[expected]["status"] == "ok" and runs[expected]["path"] == str(source.absolute())
    written = json.loads((out / f"{expected}.json").read_text(encoding="utf-8"))
    assert written["id"] == expected and written["source"]["path"] == str(source)
    assert "releases" in json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert_sound(out)


def test_two_releases_with_one_stem_get_distinct_stable_ids(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "news.txt").write_bytes(GOOD + folder.name.encode())
    out = tmp_path / "out"
    assert batch([a, b], out, tmp_path)[0] == 0
    ids = {release_id(a / "news.txt"), release_id(b / "news.txt")}
    assert set(runs_by_id(out)) == ids and len(ids) == 2
    assert batch([b, a], out, tmp_path)[0] == 0
    assert set(runs_by_id(out)) == ids
    assert_sound(out)


def test_a_stem_already_in_the_store_for_another_source_is_not_overwritten(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "news.txt").write_bytes(GOOD + folder.name.encode())
    out = tmp_path / "out"
    batch([a], out, tmp_path)
    first = (out / "news.json").read_text(encoding="utf-8")
    batch([b], out, tmp_path)
    assert (out / "news.json").read_text(encoding="utf-8") == first
    assert set(runs_by_id(out)) == {"news", release_id(b / "news.txt")}
    assert_sound(out)


def test_a_store_whose_run_json_holds_paths_as_given_keeps_its_ids(tmp_path, releases, monkeypatch):
    out = tmp_path / "out"
    batch([releases], out, tmp_path)
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    report["releases"][0]["path"] = "in/good.txt"  # how run.json named sources before they were absolute
    (out / "run.json").write_text(json.dumps(report), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "out")  # not the folder the relative path was given from
    batch([releases], out, tmp_path)
    assert set(runs_by_id(out)) == {"good"}
    assert_sound(out)


# --- the store across batches ----------------------------------------------------------------------------

ABOUT = "{name} regroupe {count} membres.\n\nÀ propos de {name}\n\n{name} est le pôle de compétitivité santé de la région, avec {count} membres.\n"


def test_a_second_batch_merges_into_run_json_and_the_cluster_history(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "one.txt").write_text(ABOUT.format(name="Medipole", count=120), encoding="utf-8")
    (second / "two.txt").write_text(ABOUT.format(name="Curapole", count=80), encoding="utf-8")
    out = tmp_path / "out"
    batch([first], out, tmp_path)
    time.sleep(1.1)  # a second run in the same second would only get a suffixed history file name
    batch([second], out, tmp_path)
    assert set(runs_by_id(out)) == {"one", "two"}
    names = {c["name"] for c in json.loads((out / "clusters.json").read_text(encoding="utf-8"))["clusters"]}
    assert {"Medipole", "Curapole"} <= names
    history = sorted((out / "runs").glob("*.json"))
    assert [[r["id"] for r in json.loads(p.read_text(encoding="utf-8"))["releases"]] for p in history] == [["one"], ["two"]]
    assert_sound(out)


def test_two_runs_in_one_second_keep_both_histories(tmp_path, releases):
    out = tmp_path / "out"
    batch([releases], out, tmp_path)
    batch([releases], out, tmp_path)
    assert len(list((out / "runs").glob("*.json"))) == 2


def test_validate_from_another_folder_finds_the_source_through_run_json(tmp_path, releases, monkeypatch):
    (releases / "offices.txt").write_text("Polepharma : 5 offices (Chartres, Louviers).\n", encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    batch([Path("in")], out, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    console = Console(record=True, width=200, file=open(os.devnull, "w"))  # noqa: SIM115
    rerun(Path("../out"), console=console)
    assert "cannot be read" not in console.export_text()


def test_validate_keeps_a_flag_it_cannot_recompute_and_says_why(tmp_path, monkeypatch):
    text = "Polepharma : 5 offices (Chartres, Louviers).\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "001.json").write_text(release(text, cluster("Polepharma"), id="001", path="seeds/001.txt").model_dump_json(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rerun(out, console=Console(file=open(os.devnull, "w")))  # noqa: SIM115
    assert [f.code for f in PressRelease.model_validate_json((out / "001.json").read_text(encoding="utf-8")).flags] == ["count_list_mismatch"]
    (tmp_path / "seeds" / "001.txt").unlink()
    console = Console(record=True, width=400, file=open(os.devnull, "w"))  # noqa: SIM115
    rerun(out, console=console)
    kept = PressRelease.model_validate_json((out / "001.json").read_text(encoding="utf-8")).flags
    assert [f.code for f in kept] == ["count_list_mismatch"]
    printed = console.export_text()
    assert "kept 1 flag(s) (count_list_mismatch)" in printed and "need the source text" in printed


# --- killed batches, concurrent batches ------------------------------------------------------------------

def extract_command(paths: list[Path], out: Path, url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", *map(str, paths), "--out", str(out), "--base-url", url, "--model", MODEL, *extra]


def subprocess_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "EXTRACTOR_CACHE": str(tmp_path / "cache")}


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def variant(index: int) -> bytes:
    """GOOD with its date and counts changed in every passage: releases that differ only outside the passages
    are answered from the cache after the first, and a batch of them ends before a test can stop it."""
    text = GOOD.replace(b"9 avril", f"{index + 10} avril".encode()).replace(b"180", str(180 + index).encode())
    return text.replace(b"12 000", f"{12 + index} 000".encode())


def _some_done(out: Path) -> bool:
    try:
        return any(r["status"] != "not_done" for r in runs_by_id(out).values())
    except (OSError, json.JSONDecodeError, KeyError):
        return False


def test_a_killed_batch_leaves_its_report_and_a_rerun_resumes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(5):
        (folder / f"r{index}.txt").write_bytes(variant(index))
    out = tmp_path / "out"
    with standin_server(delay=0.3) as url:
        batch_process = subprocess.Popen(extract_command([folder], out, url), env=subprocess_env(tmp_path),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: _some_done(out))
        finally:
            batch_process.send_signal(signal.SIGKILL)
            batch_process.wait(timeout=30)
        killed = runs_by_id(out)
        done = {i for i, r in killed.items() if r["status"] == "ok"}
        assert done and any(r["status"] == "not_done" for r in killed.values())
        assert schema_errors(json.loads((out / "run.json").read_text(encoding="utf-8")), "run") == []

        again = subprocess.run(extract_command([folder], out, url), env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    resumed = runs_by_id(out)
    assert all(r["status"] in ("ok", "cached") for r in resumed.values())
    assert all(resumed[i]["status"] == "cached" and resumed[i]["llm_calls"] == 0 for i in done)
    assert_sound(out)


HOLD_LOCK = "import sys, time; from pathlib import Path; from extractor.store import locked\nwith locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)"


@pytest.fixture
def held(tmp_path) -> Iterator[tuple[Path, int]]:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield out, holder.pid
    holder.kill()
    holder.wait(timeout=10)


@pytest.mark.parametrize("command", ["extract", "validate"])
def test_a_second_writer_into_a_locked_folder_stops_at_once(tmp_path, releases, held, command):
    out, pid = held
    (out / "x.json").write_text("{}", encoding="utf-8")
    args = ["extract", str(releases), "--out", str(out), "--base-url", "http://127.0.0.1:9/v1", "--model", MODEL] if command == "extract" \
        else ["validate", str(out)]
    started = time.monotonic()
    result = CliRunner().invoke(app, args)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert str(out) in message and f"process {pid}" in message and "Traceback" not in message
    assert (out / "x.json").read_text(encoding="utf-8") == "{}" and not (out / "run.json").exists()


def test_two_real_batches_at_once_one_stops_the_other_finishes(tmp_path, releases):
    out = tmp_path / "out"
    for index in range(3):
        (releases / f"slow{index}.txt").write_bytes(variant(index))
    with standin_server(delay=1.0) as url:
        first = subprocess.Popen(extract_command([releases], out, url), env=subprocess_env(tmp_path),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: (out / "run.json").exists())
        second = subprocess.run(extract_command([releases], out, url), env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=60)
        assert first.wait(timeout=120) == 0
    assert second.returncode == 2
    assert f"process {first.pid}" in " ".join(second.stderr.split())
    assert (out / LOCK_FILE).exists()
    assert all(r["status"] == "ok" for r in runs_by_id(out).values()), runs_by_id(out)
    assert_sound(out)


# --- the size limit and the summary ----------------------------------------------------------------------

def test_the_size_limit_is_an_option_and_fails_only_that_release(tmp_path, releases):
    (releases / "big.txt").write_bytes(GOOD * 40)
    out = tmp_path / "out"
    with standin_server() as url:
        limited = CliRunner().invoke(app, ["extract", str(releases), "--out", str(out), "--base-url", url, "--model", MODEL,
                                           "--max-size", "0.01", "--no-cache"])
        assert limited.exit_code == 1
        assert "over the 0.0 MB limit" in runs_by_id(out)["big"]["error"] or "limit" in runs_by_id(out)["big"]["error"]
        assert runs_by_id(out)["good"]["status"] == "ok"
        unlimited = CliRunner().invoke(app, ["extract", str(releases), "--out", str(out), "--base-url", url, "--model", MODEL,
                                             "--max-size", "0", "--no-cache"])
    assert unlimited.exit_code == 0
    assert runs_by_id(out)["big"]["status"] == "ok"
    assert_sound(out)


def test_the_summary_puts_each_error_on_its_own_line_within_80_columns(tmp_path, releases):
    (releases / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    _, printed = batch([releases], out, tmp_path)
    lines = printed.splitlines()
    error = runs_by_id(out)["empty"]["error"]
    row = next(i for i, line in enumerate(lines) if line.strip().startswith("failed"))
    assert lines[row].rstrip().endswith("empty") and len(lines[row]) <= 80
    assert error.startswith(lines[row + 1].strip()[:40])
    assert all(len(release_line(ReleaseRun(id="001_4705eb67459d9180", path="/x", status=status, seconds=9999.9, llm_calls=99,
                                            prompt_tokens=99999, completion_tokens=9999), 9, 9)) <= 80 for status in Status)
