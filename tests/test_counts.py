import pytest

from builders import Doc, cluster, figure, release
from extractor.validate import counts
from extractor.validate.subject import Subject


def flags_of(text, *clusters):
    return counts.check(Subject(release(text, *clusters, language="fr" if " et " in text else "en"), text))


@pytest.mark.parametrize("text", [
    "Polepharma: 445+ members, 5 offices (Chartres, Louviers, Tours, Paris, Bordeaux).\n",
    "Chiffres clés. 4 antennes Polepharma : Chartres, Louviers, Tours et Paris.\n",
    "The agreement focuses on three key areas: human resources, biomanufacturing and biomedical research projects.\n",
    # no separators: not a list one can count
    "5 antennes Polepharma Chartres Louviers Tours Bordeaux Paris\n",
    "4 antennes Polepharma Chartres Louviers Tours Bordeaux Paris\n",
    # examples, not an enumeration
    "Un écosystème de plus de 300 acteurs (laboratoires, fournisseurs, façonniers, universités...).\n",
    "12 membres (laboratoires, fournisseurs, etc.).\n",
    # a breakdown with its own numbers
    "MEDVIA représente 150 membres, dont six institutions académiques, sept hôpitaux et 80 entreprises.\n",
    "Il a 3 pôles : 2 à Paris, 1 à Lyon.\n",
    # one item only, or a list announced at the end of a line
    "L'alliance s'articule autour de deux axes principaux : la bioproduction et l'intelligence artificielle en santé (R&D ; thérapeutique et diagnostic).\n",
    "Un programme d'actions sur 3 ans a été construit autour de 4 grands axes d'intervention :\n  • Les Opérations Industrielles.\n",
    # "Recherche et Développement" is one item or two: both readings are fine
    "Une équipe de 3 experts : Bioproduction, Recherche et Développement.\n",
    "Une équipe de 2 experts : Bioproduction, Recherche et Développement.\n",
])
def test_consistent_or_uncountable_lists_are_not_flagged(text):
    assert flags_of(text) == []


@pytest.mark.parametrize(("text", "stated", "listed"), [
    ("Polepharma: 5 offices (Chartres, Louviers, Tours, Paris).\n", "5", "4"),
    ("Chiffres clés. 5 antennes Polepharma : Chartres, Louviers, Tours et Paris.\n", "5", "3 or 4"),
    ("The agreement focuses on four key areas: human resources, biomanufacturing and biomedical research.\n", "4", "2 or 3"),
    ("Sie hat 2 Standorte: Berlin, Hamburg, München.\n", "2", "3"),
    ("The cluster has 4 sites: Paris, St. Louis and Lyon. It grows.\n", "4", "2 or 3"),
])
def test_count_that_differs_from_its_list_is_flagged(text, stated, listed):
    (flag,) = flags_of(text)
    assert (flag.code, flag.severity) == ("count_list_mismatch", "warning")
    assert f"says {stated} " in flag.message and f"lists {listed}:" in flag.message
    (span,) = flag.evidence
    assert text[span.start:span.end] == span.text


def test_flag_names_the_figure_the_statement_backs():
    doc = Doc()
    ev = doc.one("Polepharma : {5 offices} (Chartres, Louviers, Tours, Paris).\n")
    (flag,) = flags_of(doc.text, cluster("Polepharma", figure("offices", 5, ev)))
    assert (flag.cluster, flag.metric, flag.paths) == ("Polepharma", "offices", ["/clusters/0/figures/0"])


def test_office_list_of_a_profile_against_its_figure():
    doc = Doc()
    ev = doc.one("Chiffres clés : {5 antennes} Polepharma Chartres Louviers Tours Bordeaux Paris\n")
    short = cluster("Polepharma", figure("offices", 5, ev), offices=["Chartres", "Louviers", "Tours", "Paris"])
    (flag,) = flags_of(doc.text, short)
    assert flag.code == "count_list_mismatch"
    assert flag.paths == ["/clusters/0/figures/0", "/clusters/0/offices"]
    whole = cluster("Polepharma", figure("offices", 5, ev), offices=["Chartres", "Louviers", "Tours", "Bordeaux", "Paris"])
    assert flags_of(doc.text, whole) == []


def test_office_list_from_another_sentence_is_not_compared():
    doc = Doc()
    ev = doc.one("En Normandie : {1 antenne} à Louviers.\n")
    doc.add("Polepharma a des antennes à Chartres, Louviers, Tours et Paris.\n")
    profile = cluster("Polepharma", figure("offices", 1, ev, scope="Normandie"), offices=["Chartres", "Louviers", "Tours", "Paris"])
    assert flags_of(doc.text, profile) == []


def test_no_text_no_count_check():
    text = "Polepharma: 5 offices (Chartres, Louviers).\n"
    assert counts.check(Subject(release(text), None)) == []
