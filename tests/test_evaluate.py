"""`extractor evaluate`: the same figures as the team's scoring script, and the facts behind them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = [(EVAL / "seeds.gold.json", ROOT / "outputs"), (EVAL / "dev" / "gold.json", ROOT / "benchmarks" / "results" / "dev")]
runner = CliRunner()


@pytest.mark.parametrize(("gold", "outputs"), SETS, ids=["seeds", "dev"])
def test_scores_equal_the_scoring_script(gold: Path, outputs: Path):
    if not (EVAL / "score.py").exists() or not gold.exists():
        pytest.skip("the shared scoring script or gold file is not beside the repository")
    script = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(outputs), "--json"],
                            capture_output=True, text=True, check=True)
    expected = json.loads(script.stdout[:script.stdout.rindex("}") + 1])
    result = runner.invoke(app, ["evaluate", str(gold), str(outputs), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert ours["f1"] == pytest.approx(expected["f1"], abs=1e-12)
    assert ours["precision"] == pytest.approx(expected["precision"], abs=1e-12)
    assert ours["recall"] == pytest.approx(expected["recall"], abs=1e-12)
    for kind, row in expected["kinds"].items():
        assert {k: round(ours["kinds"][kind][k], 3) for k in row} == row, kind
    assert ours["missing"] == expected["missing"]


def _gold(tmp_path: Path, documents: list[dict]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return path


def test_lists_per_release_the_facts_missed_and_invented(tmp_path):
    release = json.loads((ROOT / "outputs" / "001_4705eb67459d9180.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "001_4705eb67459d9180.json").write_text(json.dumps(release), encoding="utf-8")
    gold = _gold(tmp_path, [{
        "doc": "001_4705eb67459d9180", "language": "fr", "published_on": "2024-05-14",
        "agreements": [{"parties": ["BioWin", "MEDVIA"], "signed_on": "2024-05-15"}],
        "figures": [{"cluster": "BioWin", "metric": "members", "value": 999}],
        "people": ["Somebody Else"], "contradictions": [],
    }])
    result = runner.invoke(app, ["evaluate", str(gold), str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["releases"][0]
    missed = {(m["kind"], m["fact"]) for m in report["missed"]}
    invented = {(m["kind"], m["fact"]) for m in report["invented"]}
    assert ("figures", "BioWin members 999") in missed
    assert ("people", "Somebody Else") in missed
    assert ("agreement_dates", "BioWin + MEDVIA signed on 2024-05-15") in missed
    assert ("agreement_dates", "BioWin + MEDVIA signed on 2024-05-14") in invented
    assert ("figures", "BioWin members 260") in invented
    assert ("people", "Ann Van Gysel") in invented
    assert ("contradictions", "contradiction BioWin members") in invented
    assert not any(kind == "figures" and "MEDVIA" in fact for kind, fact in invented), "MEDVIA is not a cluster of this gold"


def test_a_release_without_output_has_every_fact_missed(tmp_path):
    gold = _gold(tmp_path, [{"doc": "no_such_release", "language": "en", "people": ["A Person"]}])
    result = runner.invoke(app, ["evaluate", str(gold), str(ROOT / "outputs")])
    assert result.exit_code == 0
    assert "no output for: no_such_release" in result.stdout
    assert "missed   people          A Person" in result.stdout


@pytest.mark.parametrize("content", ['{"docs": []}', "not json", '{"documents": [{"doc": "x", "figures": [{"cluster": "A"}]}]}'])
def test_a_gold_file_in_the_wrong_format_is_one_sentence(tmp_path, content):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(ROOT / "outputs")])
    assert result.exit_code == 2
    said = "".join(result.output.split())
    assert "gold.json" in said and "'Goldfile'intheREADME" in said and "Traceback" not in said


def test_a_folder_with_no_outputs_is_one_sentence(tmp_path):
    gold = _gold(tmp_path, [{"doc": "001", "language": "fr"}])
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["evaluate", str(gold), str(empty)])
    assert result.exit_code == 2
    assert "holdsnoreleaseoutput" in "".join(result.output.split())
