"""The five seeds written as Word, PDF and web pages give the same agreements, figures and people as the
plain-text seeds, with every evidence span slicing the converted text.

The .txt seeds run on their recorded cassettes; the other formats run the whole deterministic path on their
own converted text with the model's answers replayed per question (replayed_answers.py says how and why).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import recorded
from documents import paragraphs, write_docx, write_pdf, write_web_page
from extractor.pipeline import extract_release
from extractor.read import read_release
from replayed_answers import ReplayedAnswers
from schemas.release import PressRelease

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SIDEBAR = ["Alpine Health Cluster : 250 membres", "Nordic Bio Network : 1 200 emplois et 40 start-up"]


def write(seed: Path, kind: str, folder: Path) -> Path:
    blocks = paragraphs(seed.read_text(encoding="utf-8"))
    path = folder / f"{seed.stem}.{kind}"
    if kind == "docx":
        return write_docx(blocks, path)
    if kind == "pdf":
        return write_pdf(blocks, path, language="en_GB" if seed.stem.startswith("000") else "fr_FR")
    return write_web_page(blocks, path, SIDEBAR, title=blocks[0], date="2024-01-01")


def facts(release: PressRelease) -> dict[str, object]:
    return {
        "agreements": sorted((a.kind.value, tuple(sorted(a.parties)), str(a.signed_on)) for a in release.agreements),
        "figures": sorted((c.name, f.metric.value, f.value, f.unit, f.qualifier.value, f.scope) for c in release.clusters for f in c.figures),
        "people": sorted((p.name, p.role, p.organisation) for p in release.people),
    }


def spans(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        found = [node] if {"text", "start", "end"} <= set(node) and isinstance(node.get("start"), int) else []
        return found + [span for value in node.values() for span in spans(value)]
    if isinstance(node, list):
        return [span for value in node for span in spans(value)]
    return []


@pytest.fixture(scope="module")
def plain(model_url) -> dict[str, PressRelease]:
    out = {}
    for seed in SEEDS:
        with recorded(f"seed_{seed.stem[:3]}", model_url) as llm:
            out[seed.stem] = extract_release(read_release(seed), llm).release
    return out


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_a_seed_in_another_format_gives_the_same_records(plain, seed, kind, tmp_path):
    source = read_release(write(seed, kind, tmp_path))
    model = ReplayedAnswers(f"seed_{seed.stem[:3]}")
    release = extract_release(source, model).release
    assert release.source.format == kind
    assert facts(release) == facts(plain[seed.stem])
    assert release.published_on == plain[seed.stem].published_on
    found = spans(release.model_dump(mode="json"))
    assert found
    for span in found:
        assert source.text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_a_web_page_sidebar_gives_no_text_cluster_or_figure(seed, tmp_path):
    source = read_release(write(seed, "html", tmp_path))
    release = extract_release(source, ReplayedAnswers(f"seed_{seed.stem[:3]}")).release
    assert "Alpine Health" not in source.text and "Nordic Bio" not in source.text and "cookies" not in source.text
    assert not {"Alpine Health Cluster", "Nordic Bio Network"} & {c.name for c in release.clusters}
    assert all(source.text[f.evidence.start:f.evidence.end] == f.evidence.text for c in release.clusters for f in c.figures)
