from pathlib import Path

import pytest

from builders import Doc, cluster, release
from extractor.errors import SetupError
from extractor.identity.clusters import AliasRegistry, Curated, build_registry, cluster_key, is_acronym, load_curated

CURATED = Curated(
    groups=(("Polepharma", ("Polepharma-GIPSO",)),),
    never_merge=(("GIPSO", "Polepharma"),),
)


def test_cluster_key_drops_generic_words_and_punctuation():
    assert cluster_key("Le Cluster GIPSO") == "gipso"
    assert cluster_key("POLEPHARMA - GIPSO") == "polepharma gipso"
    assert cluster_key("Pôle BioWin") == "biowin"
    assert cluster_key("The Cluster") == "the cluster"


def test_acronyms():
    assert is_acronym("GIPSO") and is_acronym("Cluster GIPSO") and is_acronym("UCB")
    assert not is_acronym("Polepharma") and not is_acronym("Basque Health Cluster")


def test_spellings_of_one_cluster_share_a_canonical_name():
    registry = AliasRegistry(CURATED)
    for name in ("Polepharma-GIPSO", "POLEPHARMA - GIPSO", "Polepharma GIPSO", "Polepharma", "POLEPHARMA", "Pôle Polepharma"):
        assert registry.add(name) == "Polepharma"
    assert registry.aliases("polepharma") == ["Polepharma-GIPSO"]


def test_gipso_never_merges_into_polepharma():
    registry = AliasRegistry(CURATED)
    registry.add("Polepharma-GIPSO")
    assert registry.add("GIPSO") == "GIPSO"
    # Even a release that lists GIPSO as one of Polepharma's names cannot join them.
    registry.add("Polepharma", "GIPSO")
    assert registry.canonical("Le Cluster GIPSO") == "GIPSO"
    assert registry.canonical("Polepharma GIPSO") == "Polepharma"


def test_profile_aliases_join_their_cluster():
    registry = AliasRegistry(Curated())
    registry.add("Basque Health Cluster", "Basque Biocluster")
    assert registry.canonical("BASQUE BIOCLUSTER") == "Basque Health Cluster"


def test_fuzzy_match_needs_a_close_spelling_and_no_acronym():
    registry = AliasRegistry(Curated())
    registry.add("Atlanpole Biotherapies")
    assert registry.find("Atlanpole Biotherapie") == "Atlanpole Biotherapies"
    assert registry.find("Atlanpole") is None
    registry.add("MEDVIA")
    assert registry.find("MEDVIO") is None
    assert registry.find("Medvia") == "MEDVIA"


def test_canonical_name_is_the_most_used_plain_spelling():
    registry = AliasRegistry(Curated())
    for name in ("Cluster GIPSO", "GIPSO", "Le GIPSO", "GIPSO"):
        registry.add(name)
    assert registry.canonical("cluster gipso") == "GIPSO"
    registry = AliasRegistry(Curated())
    for name in ("BIOWIN", "BioWin", "Biowin", "BioWin"):
        registry.add(name)
    assert registry.canonical("BIOWIN") == "BioWin"


def test_unknown_name_is_its_own_canonical():
    registry = AliasRegistry(Curated())
    assert registry.find("Medicen") is None
    assert registry.canonical("Medicen") == "Medicen"


def test_build_registry_reads_every_profile():
    doc = Doc()
    doc.add("Texte.")
    r = release(doc.text, cluster("Polepharma GIPSO"), cluster("BioWin", aliases=["Pôle BioWin"]))
    registry = build_registry([r], CURATED)
    assert registry.canonical("Polepharma-GIPSO") == "Polepharma"
    assert registry.canonical("BIOWIN") == "BioWin"


def test_curated_file_keeps_gipso_apart():
    curated = load_curated()
    assert ("GIPSO", "Polepharma") in curated.never_merge
    registry = AliasRegistry(curated)
    assert registry.add("POLEPHARMA - GIPSO") == "Polepharma"
    assert registry.add("GIPSO") == "GIPSO"


def test_broken_curated_file_is_a_setup_error(tmp_path: Path):
    bad = tmp_path / "aliases.toml"
    bad.write_text("[aliases\n", encoding="utf-8")
    with pytest.raises(SetupError, match="not valid TOML"):
        load_curated(bad)
    bad.write_text('never_merge = [["only one"]]\n', encoding="utf-8")
    with pytest.raises(SetupError, match="never_merge"):
        load_curated(bad)
