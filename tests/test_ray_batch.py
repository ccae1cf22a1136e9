"""The Ray path (extractor/scale/ray_batch.py) on a local Ray instance with the stand-in model, and the CLI
without Ray."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from extractor.batch import BatchOptions, run_batch
from standin import standin_client
from synthetic import write_releases

TESTS = Path(__file__).resolve().parent
RELEASES = 200

WITHOUT_RAY = """
import sys
sys.modules["ray"] = None  # as if Ray were not installed: importing it raises ModuleNotFoundError
from extractor.cli import main
sys.argv = ["extractor", "extract", sys.argv[1], "--out", sys.argv[2], "--ray"]
main()
"""


def test_the_cli_runs_without_ray_and_says_what_to_install(tmp_path):
    release = tmp_path / "a.txt"
    release.write_text("Un communiqué.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", WITHOUT_RAY, str(release), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "--ray needs Ray" in " ".join(done.stderr.split()) and "Traceback" not in done.stderr
    imported = subprocess.run([sys.executable, "-c", "import sys, extractor.cli; print('ray' in sys.modules)"],
                              capture_output=True, text=True, timeout=120)
    assert imported.stdout.strip() == "False"


def test_ray_gives_the_releases_and_clusters_of_the_plain_batch(tmp_path):
    ray = pytest.importorskip("ray")
    from extractor.scale.ray_batch import run_on_ray

    inputs = tmp_path / "in"
    write_releases(inputs, RELEASES)
    plain, on_ray = tmp_path / "plain", tmp_path / "ray"
    assert run_batch([inputs], BatchOptions(out=plain, use_cache=False), console=Console(file=io.StringIO()), llm=standin_client()) == 0
    # Workers import the stand-in from tests/, as the driver does.
    ray.init(num_cpus=2, include_dashboard=False, runtime_env={"env_vars": {"PYTHONPATH": str(TESTS)}})
    try:
        code = run_on_ray([inputs], BatchOptions(out=on_ray, use_cache=False, jobs=2), Console(file=io.StringIO()), client=standin_client)
    finally:
        ray.shutdown()
    assert code == 0
    clusters = json.loads((plain / "clusters.json").read_text(encoding="utf-8"))
    assert len(clusters["clusters"]) > 10 and any(c["flags"] for c in clusters["clusters"])
    assert (on_ray / "clusters.json").read_text(encoding="utf-8") == (plain / "clusters.json").read_text(encoding="utf-8")
    runs = json.loads((on_ray / "run.json").read_text(encoding="utf-8"))["releases"]
    assert [r["id"] for r in runs] == sorted(p.stem for p in inputs.glob("*.txt"))
    for path in inputs.glob("*.txt"):
        mine, theirs = (json.loads((folder / f"{path.stem}.json").read_text(encoding="utf-8")) for folder in (on_ray, plain))
        mine["extraction"].pop("seconds"), theirs["extraction"].pop("seconds")
        assert mine == theirs
