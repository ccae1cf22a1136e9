"""The tool as users install it: a wheel built from the repository, installed into a fresh virtual environment,
run from a folder outside the repository (prompts, word lists, the alias file and the schemas come from the
wheel, not from the checkout)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from fault_server import StandIn

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("pyproject.toml", "README.md", "extractor", "schemas", "prompts")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv holding only the wheel; the dependencies are seen through a path
    entry to this test environment's site-packages (offline), without its editable install of the project."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SHIPPED:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}))
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", work / "dist", source, cwd=work)
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("*.whl")
    venv = work / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).stdout.strip()
    # A plain path line: the directory joins sys.path, but its own .pth files (the editable finder) are not run.
    Path(purelib, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=work)
    assert done.returncode == 0, done.stderr
    return venv / "bin"


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, outside):
    found = run(installed / "python", "-c", "import extractor, prompts, schemas; print(extractor.__file__, prompts.__file__, schemas.__file__)", cwd=outside)
    assert found.returncode == 0, found.stderr
    assert str(ROOT) not in found.stdout
    assert all(str(installed.parent) in path for path in found.stdout.split())


def test_normalize_runs_from_the_wheel(installed, outside):
    result = run(installed / "extractor", "normalize", "Polepharma regroupe plus de 300 acteurs", "--lang", "fr", cwd=outside)
    assert result.returncode == 0, result.stderr
    assert any(item["value"] == 300 for item in json.loads(result.stdout))


def test_validate_runs_from_the_wheel_on_a_copy_of_outputs(installed, outside):
    shutil.copytree(ROOT / "outputs", outside / "outputs")
    result = run(installed / "extractor", "validate", "outputs", cwd=outside)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "missing" not in result.stderr
    assert json.loads((outside / "outputs" / "clusters.json").read_text(encoding="utf-8"))["clusters"]


def test_an_extraction_runs_from_the_wheel_against_a_stand_in_server(installed, outside, tmp_path):
    (outside / "in").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "latin1.txt", outside / "in" / "release.txt")
    with StandIn() as server:
        result = run(installed / "extractor", "extract", "in", "--out", "out", "--base-url", server.url, "--model", "qwen",
                     cwd=outside, env={"PATH": str(installed), "EXTRACTOR_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    release = json.loads((outside / "out" / "release.json").read_text(encoding="utf-8"))
    assert release["extraction"]["prompt_version"].startswith("p-") and release["language"] == "fr"
    assert server.hits >= 3
