"""The whole path — request, instructor, validation, grounding, normalisation, validators, JSON — on
traffic recorded from the real embedded model (see conftest.py; `make record` records it again)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from builders import long_release
from conftest import recorded
from extractor.pipeline import extract_release
from extractor.read import read_release
from extractor.write import schema_errors, write_release

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DATA = Path(__file__).parent / "data"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def extract(path: Path, cassette_name: str, base_url: str, out: Path) -> dict:
    source = read_release(path)
    with recorded(cassette_name, base_url) as llm:
        result = extract_release(source, llm)
    write_release(result.release, out)
    return json.loads((out / f"{source.id}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory, model_url) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    for path in SEEDS:
        extract(path, f"seed_{path.stem[:3]}", model_url, out)
    return out


def load(out: Path, prefix: str) -> dict:
    return json.loads(next(out.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))


def evidence_of(node):
    if isinstance(node, dict):
        if set(node) >= {"text", "start", "end"} and isinstance(node.get("start"), int):
            yield node
        for value in node.values():
            yield from evidence_of(value)
    elif isinstance(node, list):
        for value in node:
            yield from evidence_of(value)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_output_is_schema_valid_and_every_span_slices_the_source(seed_outputs, path):
    release = json.loads((seed_outputs / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert schema_errors(release, "press_release") == []
    text = path.read_text(encoding="utf-8")
    spans = list(evidence_of(release))
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
    assert release["extraction"]["llm_calls"] >= 3  # clusters, agreements, people
    assert release["extraction"]["prompt_version"].startswith("p-")


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the project")
def test_seed_outputs_reach_the_f1_target(seed_outputs, capsys):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    score.main(["score.py", str(GOLD), str(seed_outputs), "--json"])
    report = json.loads(capsys.readouterr().out.rsplit("\nF1", 1)[0])
    assert report["missing"] == []
    assert report["f1"] >= 0.85, report["kinds"]


def figures(release: dict, cluster: str) -> list[tuple]:
    profile = next(c for c in release["clusters"] if c["name"].casefold().startswith(cluster.casefold()))
    return [(f["metric"], f["value"], f["qualifier"], f["scope"]) for f in profile["figures"]]


def test_english_release_figures_are_normalised(seed_outputs):
    release = load(seed_outputs, "000")
    assert release["language"] == "en" and release["published_on"] == "2023-10-18"
    assert ("members", 445, "at_least", None) in figures(release, "Polepharma")
    assert ("export_revenue", 26000000000, "exact", None) in figures(release, "Polepharma")
    assert ("jobs", 80000, "exact", None) in figures(release, "Polepharma")
    assert ("offices", 5, "exact", None) in figures(release, "Polepharma")
    codes = {f["code"] for f in release["flags"]}
    assert {"currency_inferred", "foreign_phone"} <= codes
    assert not any("contradict" in code for code in codes)


def test_the_biowin_contradiction_is_flagged_with_both_spans(seed_outputs):
    release = load(seed_outputs, "001")
    (flag,) = [f for f in release["flags"] if f["code"] == "contradictory_figures"]
    assert (flag["cluster"], flag["metric"]) == ("BioWin", "members")
    assert sorted(e["text"] for e in flag["evidence"]) == ["250", "260"]


def test_a_regional_figure_is_scoped_not_contradictory(seed_outputs):
    release = load(seed_outputs, "004")
    polepharma = figures(release, "Polepharma")
    assert ("members", 300, "at_least", None) in polepharma
    assert ("members", 75, "exact", "Normandie") in polepharma
    assert ("production_sites", 31, "exact", "Normandie") in polepharma
    assert not [f for f in release["flags"] if f["code"] == "contradictory_figures"]
    assert "letter_in_number" in {f["code"] for f in release["flags"]}


def test_a_planted_instruction_does_not_become_a_figure(model_url, tmp_path):
    release = extract(DATA / "injection.txt", "injection", model_url, tmp_path)
    values = [f["value"] for c in release["clusters"] for f in c["figures"]]
    assert 999 not in values
    assert "prompt_injection" in {f["code"] for f in release["flags"]}
    assert ("members", 120, "at_least", None) in figures(release, "Alpine Health Cluster")


def test_a_latin1_release_reads_with_its_accents(model_url, tmp_path):
    release = extract(DATA / "latin1.txt", "latin1", model_url, tmp_path)
    assert release["source"]["encoding"] != "utf-8"
    assert release["published_on"] == "2024-04-09"
    assert "Hélène Béranger" in [p["name"] for p in release["people"]]
    assert ("members", 180, "at_least", None) in figures(release, "pôle Santé Atlantique")


def test_numbers_the_structure_leaves_open_are_left_unlinked(model_url, tmp_path):
    release = extract(DATA / "open_figures.txt", "open_figures", model_url, tmp_path)
    # "the network now counts 85 member companies" is linked by the structure; "40 hospitals" in the
    # Baltic region names no cluster, and no fourth question, after clusters, agreements and people, asks about it
    assert release["extraction"]["llm_calls"] == 3
    assert ("members", 85, "exact", None) in figures(release, "Nordic Life Science Network")
    assert ("research_centres", 12, "exact", None) in figures(release, "Nordic Life Science Network")
    text = (DATA / "open_figures.txt").read_text(encoding="utf-8")
    for cluster in release["clusters"]:
        for figure in cluster["figures"]:
            assert figure["value"] in (85, 12, 9000, 40)
            assert text[figure["evidence"]["start"]:figure["evidence"]["end"]] == figure["evidence"]["text"]
    (agreement,) = release["agreements"]
    assert set(agreement["parties"]) == {"Nordic Life Science Network", "Baltic Biotech Hub"}
    assert all(area in text for area in agreement["focus_areas"])


def test_a_release_longer_than_the_context_is_read_in_parts(model_url, tmp_path):
    """About 60,000 characters (the seeds twice over, then a release about other clusters): each part fits the
    8,192-token context, every part is asked, and figures are found in the first part and in the last. The
    recorded model does not name the last release's network as a cluster; the text does, by calling it "the
    network" after its name, and that is enough for its figures to be linked."""
    path = tmp_path / "long.txt"
    path.write_text(long_release(), encoding="utf-8")
    release = extract(path, "long_release", model_url, tmp_path)
    assert release["extraction"]["failed_questions"] == []
    text = path.read_text(encoding="utf-8")
    tail = text.index("Nordic Life Science Network")
    assert len(text) >= 60_000 and tail > len(text) * 4 // 5
    starts = [f["evidence"]["start"] for c in release["clusters"] for f in c["figures"] if c["name"] == "Polepharma"]
    assert min(starts) < len(text) // 5
    parties = [set(a["parties"]) for a in release["agreements"]]
    assert {"Nordic Life Science Network", "Baltic Biotech Hub"} in parties
    assert ("members", 85, "exact", None) in figures(release, "Nordic Life Science Network")
    last = [f["evidence"]["start"] for c in release["clusters"] for f in c["figures"] if c["name"] == "Nordic Life Science Network"]
    assert last and min(last) > tail
    # The seeds are read two or three times over, in different parts: each of their figures is still one figure.
    for cluster in release["clusters"]:
        stated = figures(release, cluster["name"])
        assert len(stated) == len(set(stated)), cluster["name"]
