"""metric_hint: which cluster metric the words around a number name."""
from __future__ import annotations

import pytest

from extractor.normalize.metrics import metric_hint
from schemas.figure import Metric

M = Metric


def _hint(sentence: str, number: str) -> Metric | None:
    """metric_hint for the first occurrence of ``number`` in ``sentence``."""
    at = sentence.index(number)
    return metric_hint(sentence[:at], sentence[at + len(number):])


@pytest.mark.parametrize(("sentence", "number", "metric"), [
    # the brief's examples and the seeds' figure sentences
    ("445+ members in all of France", "445+", M.members),
    ("26 billion in export sales, 80k jobs", "26 billion", M.export_revenue),
    ("80k jobs throughout the entire sector", "80k", M.jobs),
    ("5 offices (Chartres, Louviers, Tours, Paris, Bordeaux).", "5", M.offices),
    ("It includes 250 members from the private, public and academic sectors.", "250", M.members),
    ("60% de la production de médicaments en France", "60%", M.production_share),
    ("représentant 53% de la production pharmaceutique française", "53%", M.production_share),
    ("4 antennes Polepharma : Chartres, Louviers, Tours et Paris.", "4", M.offices),
    ("5 antennes Polepharma Chartres Louviers Tours Bordeaux Paris", "5", M.offices),
    ("1 antenne à Louviers.", "1", M.offices),
    ("Ce sont 75 adhérents, dont 31 sites de production de médicaments.", "31", M.production_sites),
    ("Ce sont 75 adhérents, dont 31 sites de production de médicaments.", "75", M.members),
    ("y compris 140 entreprises industrielles innovantes", "140", M.companies),
    ("cinq institutions académiques et six centres de recherche", "cinq", M.academic_institutions),
    ("cinq institutions académiques et six centres de recherche", "six", M.research_centres),
    ("six institutions académiques, sept hôpitaux et 80 entreprises", "sept", M.hospitals),
    ("six institutions académiques, sept hôpitaux et 80 entreprises ayant des activités", "80", M.companies),
    ("BioWin représente 260 membres pour un total de 18 500 employés", "260", M.members),
    ("BioWin représente 260 membres pour un total de 18 500 employés", "18 500", M.jobs),
    ("un bassin de 60 000 emplois et 25,3 milliards", "60 000", M.jobs),
    ("25,3 milliards de chiffre d'affaires à l'export.", "25,3 milliards", M.export_revenue),
    ("avec 26 Mds de chiffre d'affaires à l'export", "26 Mds", M.export_revenue),
    ("avec 25,3Mds de chiffre d’affaires à l’export.", "25,3Mds", M.export_revenue),
    ("ce secteur réalise 5,74 milliards d’euros de chiffre d’affaires à l’export, soit 16%", "5,74 milliards d’euros",
     M.export_revenue),
    ("Un écosystème de plus de 360 acteurs (laboratoires, fournisseurs)", "plus de 360", M.members),
    ("Plus de 70 000 emplois répartis sur tous les acteurs de la filière", "Plus de 70 000", M.jobs),
    ("un réseau d'une centaine d'entreprises de la filière pharmacie-santé", "une centaine", M.companies),
    ("la filière représente 9 892 emplois directs en 2017 et 20 000 au global", "9 892", M.jobs),
    ("la filière représente 9 892 emplois directs en 2017 et 20 000 au global", "20 000", M.jobs),
    ("un budget global de plus de 2 000 000 € sur 3 ans", "plus de 2 000 000 €", M.funding),
    ("Il mobilise plus de 470 entreprises, organismes académiques, hôpitaux", "plus de 470", M.companies),
    # other press-release phrasing
    ("The cluster now counts over 3,500 jobs", "over 3,500", M.jobs),
    ("about 120 member companies", "about 120", M.members),
    ("More than 200 SMEs joined", "More than 200", M.smes),
    ("220 PME innovantes", "220", M.smes),
    ("35 KMU", "35", M.smes),
    ("15 universities", "15", M.academic_institutions),
    ("7 universités et 4 CHU", "7", M.academic_institutions),
    ("7 universités et 4 CHU", "4", M.hospitals),
    ("At least 30 hospitals take part", "At least 30", M.hospitals),
    ("8 research centres", "8", M.research_centres),
    ("18 chercheurs", "18", M.researchers),
    ("Up to 500 researchers will work", "Up to 500", M.researchers),
    ("Le pôle compte plus de 1 200 emplois directs.", "plus de 1 200", M.jobs),
    ("La filière emploie 12 000 salariés en Occitanie.", "12 000", M.jobs),
    ("nearly 40,000 life science employees", "nearly 40,000", M.jobs),
    ("Our five regional offices employ 80 staff.", "five", M.offices),
    ("Our five regional offices employ 80 staff.", "80", M.jobs),
    ("employing 1,200 people.", "1,200", M.jobs),
    ("Au moins 45 projets collaboratifs ont été labellisés", "Au moins 45", M.projects),
    ("Le cluster fédère 350 adhérents", "350", M.members),
    ("près de 600 start-ups", "près de 600", M.companies),
    ("8,5 Md€ de chiffre d'affaires", "8,5 Md€", M.revenue),
    ("Avec un chiffre d'affaires de 1,2 milliard d'euros, l'entreprise", "1,2 milliard d'euros", M.revenue),
    ("Revenue of EUR 450 million, up 12%", "EUR 450 million", M.revenue),
    ("Sales rose to 1.5 billion euros from 2019 to 2021", "1.5 billion euros", M.revenue),
    ("€2bn in revenue", "€2bn", M.revenue),
    ("Exports reached $2.5 billion", "$2.5 billion", M.export_revenue),
    ("The company raised €1.2bn in 2021.", "€1.2bn", M.funding),
    ("Funding of €15 million was secured.", "€15 million", M.funding),
    ("Une enveloppe de 3 M€ a été votée par la Région.", "3 M€", M.funding),
    ("Le projet est doté d'un budget d'environ 2,5 millions d'euros.", "environ 2,5 millions d'euros", M.funding),
    ("5 M€ de financement", "5 M€", M.funding),
    ("62 % de la production nationale", "62 %", M.production_share),
    ("Around 45% of the region's pharmaceutical production", "Around 45%", M.production_share),
    ("Nombre d'adhérents : 300", "300", M.members),
    ("El clúster agrupa 85 empresas", "85", M.companies),
    ("más de 40 miembros", "más de 40", M.members),
    ("über 200 Mitglieder", "über 200", M.members),
    ("50 Unternehmen", "50", M.companies),
    ("3.000 Arbeitsplätze", "3.000", M.jobs),
    ("150 leden", "150", M.members),
    ("1.200 banen", "1.200", M.jobs),
    ("40 bedrijven", "40", M.companies),
    ("12 projets", "12", M.projects),
    ("370 projets de R&D pour un montant total de 1,5 Md€, dont 480 M€ de financements", "1,5 Md€", M.funding),
    ("370 projets de R&D pour un montant total de 1,5 Md€, dont 480 M€ de financements", "480 M€", M.funding),
    ("En 2022, 12 start-ups ont levé 150 M€.", "150 M€", M.funding),
    ("a budget of €2.4M funded by Interreg.", "€2.4M", M.funding),
    ("2 M€ cofinancés par la Région", "2 M€", M.funding),
    ("its membership has grown to 380+ member organisations, including", "380+", M.members),
    ("Le CA à l'export atteint 2,3 Mds€ (+12 %).", "2,3 Mds€", M.export_revenue),
    ("generated €27.4 billion in exports in 2022", "€27.4 billion", M.export_revenue),
    ("The sector employs around 37,000 people", "around 37,000", M.jobs),
    ("Le cluster dispose de 3 bureaux (Marseille, Nice).", "3", M.offices),
])
def test_hint(sentence: str, number: str, metric: Metric) -> None:
    assert _hint(sentence, number) is metric


@pytest.mark.parametrize(("sentence", "number"), [
    ("où 75 entrepreneurs ont pu rencontrer plus de 60 investisseurs", "75"),
    ("où 75 entrepreneurs ont pu rencontrer plus de 60 investisseurs", "plus de 60"),
    ("auquel assistent plus de 200 décideurs et acteurs de la bioproduction", "plus de 200"),
    ("chaque année depuis 5 ans.", "5"),
    ("un programme sur 3 ans", "3"),
    ("soit 16% des exportations de la région.", "16%"),
    ("près de 40 % du chiffre d'affaires du secteur", "près de 40 %"),
    ("The agreement focuses on three key areas", "three"),
    ("our two regions", "two"),
    ("supporting its transformation for 20 years now.", "20"),
    ("some 2,000 participants", "some 2,000"),
    ("Il accompagne depuis 5 ans auprès des entreprises.", "5"),
    ("Depuis 3 ans les membres se réunissent.", "3"),
    ("plus de 50% des sciences de la vie en France", "plus de 50%"),
    ("200 personnes ont assisté", "200"),
    ("The top 10 companies account for 60% of jobs.", "60%"),
    ("la filière santé représente 1 000 établissements", "1 000"),
    ("l'ADN de nos deux organisations", "deux"),
    ("its membership has grown to 380+ organisations", "380+"),
])
def test_no_hint(sentence: str, number: str) -> None:
    assert _hint(sentence, number) is None


def test_looks_after_before_before() -> None:
    assert metric_hint("chiffre d'affaires : ", " emplois") is Metric.jobs


def test_stops_at_the_clause() -> None:
    assert metric_hint("", ". Les membres") is None
    assert metric_hint("Les membres. ", "") is None
    assert metric_hint("Les membres : ", "") is Metric.members
