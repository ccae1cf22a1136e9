import json

from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()


def test_normalize_prints_spans_values_and_qualifiers():
    text = "Polepharma regroupe plus de 300 acteurs et 25,3 milliards à l'export, le 24 septembre 2020."
    result = runner.invoke(app, ["normalize", text, "--lang", "fr"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    by_text = {c["text"]: c for c in found}
    assert by_text["plus de 300"]["value"] == 300 and by_text["plus de 300"]["qualifier"] == "at_least"
    assert by_text["25,3 milliards"]["value"] == 25300000000
    assert by_text["24 septembre 2020"]["value"] == "2020-09-24"
    for c in found:
        assert text[c["start"]:c["end"]] == c["text"]


def test_a_missing_path_is_one_sentence_and_exit_code_2(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nowhere" in result.output and "Traceback" not in result.output


def test_a_folder_without_releases_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "No release" in result.output


def test_base_url_needs_a_model_name(tmp_path):
    (tmp_path / "r.txt").write_text("Un communiqué.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--base-url", "http://127.0.0.1:9/v1"],
                           env={"EXTRACTOR_MODEL": ""})
    assert result.exit_code == 2
    assert "--model" in result.output
