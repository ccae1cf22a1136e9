"""Language of a release."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.normalize.language import detect_language

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize(("text", "code"), [
    ("BioWin and Polepharma sign a partnership agreement to strengthen collaboration.", "en"),
    ("BioWin et MEDVIA signent la première collaboration stratégique entre pôles.", "fr"),
    ("El clúster reúne a más de 40 empresas del sector sanitario.", "es"),
    ("Der Cluster hat über 200 Mitglieder und zehn Forschungseinrichtungen.", "de"),
    ("De cluster telt 150 leden en zeven ziekenhuizen.", "nl"),
])
def test_detects_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_seed_languages() -> None:
    found = {path.name[:3]: detect_language(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}
    assert found == {"000": "en", "001": "fr", "002": "fr", "003": "fr", "004": "fr"}


@pytest.mark.parametrize("text", ["", "   ", "123 456", "+32 476 650 438"])
def test_no_words_no_language(text: str) -> None:
    assert detect_language(text) is None
