"""`extractor review`: what the site holds and what it says about bad input (the browser test reads the pages)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.review.spans import Span, pieces

ROOT = Path(__file__).resolve().parents[1]
RELEASES = sorted(p.stem for p in (ROOT / "outputs").glob("0*.json"))
runner = CliRunner()


@pytest.fixture
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "outputs"
    folder.mkdir()
    for path in (ROOT / "outputs").glob("*.json"):
        shutil.copy(path, folder / path.name)
    monkeypatch.chdir(ROOT)
    return folder


def said(result) -> str:
    """The output without white space: the console wraps long sentences wherever it likes."""
    return "".join(result.output.split())


def test_writes_an_index_a_page_per_release_and_per_cluster(outputs):
    result = runner.invoke(app, ["review", str(outputs)])
    assert result.exit_code == 0, result.output
    site = outputs / "review"
    assert result.stdout.strip() == str((site / "index.html").resolve())
    assert sorted(p.stem for p in (site / "releases").glob("*.html")) == RELEASES
    clusters = json.loads((outputs / "clusters.json").read_text(encoding="utf-8"))["clusters"]
    assert len(list((site / "clusters").glob("*.html"))) == len(clusters)
    assert not list(outputs.glob(".review.*")), "no build folder is left behind"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").split("<main>")[0], "no asset from the network"
        assert "<script src" not in html and "<link" not in html


def test_a_release_failing_its_schema_is_named_skipped_and_the_rest_rendered(outputs):
    (outputs / "broken.json").write_text('{"id": "broken", "language": "french"}', encoding="utf-8")
    (outputs / "runs").mkdir()
    (outputs / "runs" / "old.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["review", str(outputs)])
    assert result.exit_code == 0, result.output
    assert "".join(["broken.json", "is", "not", "a", "press-release", "output"]) in said(result)
    assert sorted(p.stem for p in (outputs / "review" / "releases").glob("*.html")) == RELEASES
    assert "broken.json is not a press-release output" in (outputs / "review" / "index.html").read_text(encoding="utf-8")


def test_a_folder_with_no_outputs_is_one_sentence(tmp_path):
    result = runner.invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 2
    assert "".join(f"{tmp_path} holds no release output".split()) in said(result) and "Traceback" not in result.output


def test_a_release_whose_source_is_gone_lists_its_records_without_the_text(outputs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["review", str(outputs)])
    assert result.exit_code == 0, result.output
    assert "".join(["cannot", "be", "read", "or", "changed", "since", "extraction"]) in said(result)
    page = (outputs / "review" / "releases" / f"{RELEASES[1]}.html").read_text(encoding="utf-8")
    assert 'class="source"' not in page and 'class="card record"' in page


def test_a_piece_is_coloured_by_its_innermost_span():
    outer = Span("s0", "agreement", 0, 20, "BioWin compte 260 membres"[:20], "a", "/agreements/0")
    inner = Span("s1", "figure", 14, 17, "260", "f", "/clusters/0/figures/0")
    cut = pieces("BioWin compte 260 membres", [outer, inner])
    assert [(p.text, p.kind, p.ids) for p in cut] == [
        ("BioWin compte ", "agreement", "s0"), ("260", "figure", "s1 s0"), (" me", "agreement", "s0"), ("mbres", None, ""),
    ]


def test_the_conflicting_figures_are_marked_on_the_cluster_chart(outputs):
    runner.invoke(app, ["review", str(outputs)])
    contradiction = next(
        f for r in RELEASES for f in json.loads((outputs / f"{r}.json").read_text(encoding="utf-8"))["flags"] if "contradict" in f["code"]
    )
    page = next(p for p in (outputs / "review" / "clusters").glob("*.html") if f"<h1>{contradiction['cluster']}</h1>" in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    assert html.count('class="point conflict"') == len(contradiction["evidence"])

