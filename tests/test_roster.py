from extractor.ask.answers import ClusterAnswer
from extractor.candidates import find_candidates
from extractor.layout import read_layout
from extractor.roster import described_clusters, roster, same_cluster

TEXT = """Un titre de communiqué assez long pour passer

Corps.

A propos de l'industrie pharmaceutique en Normandie

Ce secteur réalise 5,74 milliards d'euros à l'export.

A propos de MEDICEN

MEDICEN est le hub où travaillent ensemble PME et startups.

A propos du GIPSO

Le GIPSO, Cluster des Industries de Santé Nouvelle-Aquitaine, est un réseau.
"""


def layout():
    return read_layout(TEXT, find_candidates(TEXT, "fr"))


def test_only_sections_presenting_a_cluster_count():
    assert described_clusters(TEXT, layout()) == ["MEDICEN", "GIPSO"]


def test_roster_adds_what_the_model_missed_without_duplicates():
    named = [ClusterAnswer(name="Medicen", region="Île-de-France")]
    names = [c.name for c in roster(named, TEXT, layout())]
    assert names == ["Medicen", "GIPSO"]


def test_same_cluster_across_spellings():
    assert same_cluster("Polepharma-GIPSO", "POLEPHARMA")
    assert same_cluster("Pôle Santé", "pole sante")
    assert not same_cluster("BioWin", "MEDVIA")
    assert not same_cluster(None, "BioWin")
