"""The word lists: data per language, read as one vocabulary."""
from __future__ import annotations

import pytest

from extractor.lexicon import alternation, concepts, pattern, words
from extractor.text.fold import plain
from extractor.text.languages import LANGUAGES


def test_a_concept_reads_every_language_and_one_language_alone():
    subset = words("subset")
    assert {"dont", "including", "darunter", "di cui", "waarvan", "de los cuales"} <= set(subset)
    assert words("subset", "fr") == tuple(w for w in subset if w in words("subset", "fr"))
    assert "including" not in words("subset", "fr")


def test_every_language_has_the_reading_concepts():
    for concept in ("cluster_word", "agreement", "honorific", "subset", "aggregate", "past", "about", "contacts"):
        for language in LANGUAGES:
            assert words(concept, language), (concept, language)


def test_metric_concepts_name_metrics():
    assert "metric.members" in concepts("metric.")


@pytest.mark.parametrize(("concept", "text", "found"), [
    ("agreement", "Ils ont signé une convention de partenariat", True),
    ("agreement", "Kooperationsvereinbarung mit Brainport", True),
    ("agreement", "Die Signalwirkung ist gross", False),  # "sign" inside another word is no signing
    ("agreement", "hanno firmato un protocollo d'intesa", True),
    ("aggregate", "À eux deux, ils comptent 900 entreprises", True),
    ("subset", "150 members, including 80 companies", True),
    ("subset", "150 members in total", False),
])
def test_patterns_match_whole_phrases_in_folded_text(concept, text, found):
    assert bool(pattern(concept).search(plain(text))) is found


def test_an_unknown_concept_matches_nothing():
    assert words("no such concept") == ()
    assert not pattern("no such concept").search("anything at all")
    assert alternation("no such concept") == r"(?!x)x"
