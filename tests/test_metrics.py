"""metric_hint: which cluster metric the words around a number name."""
from __future__ import annotations

import pytest

from extractor.lexicon import concepts, words
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
    # what releases write in each language, beyond the first lexicon
    ("avec 12 laboratoires publics et 30 entreprises", "12", M.research_centres),
    ("et 8 laboratoires de recherche", "8", M.research_centres),
    ("le réseau réunit 5 centres hospitaliers", "5", M.hospitals),
    ("3 CHU et 2 cliniques", "3", M.hospitals),
    ("plus de 1 500 ingénieurs et chercheurs", "plus de 1 500", M.researchers),
    ("Fin 2013, le pôle comptabilisait 139 adhérents, parmi lesquels", "139", M.members),
    ("dont 40 sociétés membres", "40", M.members),
    ("4 grands groupes, 105 PME, 11 ETI et 19 centres de compétences.", "105", M.smes),
    ("4 grands groupes, 105 PME, 11 ETI et 19 centres de compétences.", "19", M.research_centres),
    ("12 start-up accompagnées", "12", M.companies),
    ("le pôle a financé 30 projets en 2024", "30", M.projects),
    ("l'usine a créé 200 emplois", "200", M.jobs),
    ("la rete che conta ottantasette cluster member", "ottantasette", M.members),
    ("conta 120 soci", "120", M.members),
    # members named by a generic noun and a member word
    ("El Basque Health Cluster cuenta con 140 entidades asociadas", "140", M.members),
    ("la red reúne 60 empresas asociadas", "60", M.members),
    ("le réseau fédère 90 entités adhérentes", "90", M.members),
    ("the alliance has 75 member institutions", "75", M.members),
    ("das Netzwerk zählt 120 Mitgliedsorganisationen", "120", M.members),
    ("il cluster riunisce 70 enti aderenti", "70", M.members),
    ("het netwerk telt 120 aangesloten bedrijven", "120", M.members),
    ("45 associati", "45", M.members),
    ("300 aziende", "300", M.companies),
    ("150 imprese del territorio", "150", M.companies),
    ("25 start-up innovative", "25", M.companies),
    ("80 PMI", "80", M.smes),
    ("12.000 addetti", "12.000", M.jobs),
    ("5.000 dipendenti", "5.000", M.jobs),
    ("oltre 20.000 occupati", "oltre 20.000", M.jobs),
    ("1.500 posti di lavoro", "1.500", M.jobs),
    ("il settore impiega 12.000 persone", "12.000", M.jobs),
    ("400 ricercatori", "400", M.researchers),
    ("6 università", "6", M.academic_institutions),
    ("10 centri di ricerca", "10", M.research_centres),
    ("3 ospedali", "3", M.hospitals),
    ("si aggiunge alle due aziende ospedaliere", "due", M.hospitals),
    ("sono stati finanziati 30 progetti", "30", M.projects),
    ("un fatturato di 2 miliardi di euro", "2 miliardi di euro", M.revenue),
    ("5 miliardi di esportazioni", "5 miliardi", M.export_revenue),
    ("10 milioni di euro di finanziamento", "10 milioni di euro", M.funding),
    ("finanziamenti per 3 milioni", "3 milioni", M.funding),
    ("2 milioni di investimenti", "2 milioni", M.funding),
    ("il 60% della produzione nazionale", "60%", M.production_share),
    ("Al meer dan 70 partners hebben zich geëngageerd", "meer dan 70", M.members),
    ("20 ondernemingen", "20", M.companies),
    ("Het gaat om 45 kmo’s, veertien grote bedrijven", "45", M.smes),
    ("Het gaat om 45 kmo’s, veertien grote bedrijven", "veertien", M.companies),
    ("300 kmo", "300", M.smes),
    ("200 mkb-bedrijven", "200", M.smes),
    ("3.000 werknemers", "3.000", M.jobs),
    ("500 onderzoekers", "500", M.researchers),
    ("vijf universiteiten en 7 hogescholen", "vijf", M.academic_institutions),
    ("vijf universiteiten en 7 hogescholen", "7", M.academic_institutions),
    ("drie strategische onderzoekscentra en vijf universiteiten", "drie", M.research_centres),
    ("12 kenniscentra", "12", M.research_centres),
    ("de vier universitaire ziekenhuizen", "vier", M.hospitals),
    ("8 ziekenhuizen", "8", M.hospitals),
    ("25 projecten", "25", M.projects),
    ("een omzet van 2 miljard euro", "2 miljard euro", M.revenue),
    ("een oproep met 6,5 miljoen euro aan steunmiddelen voor onderzoek", "6,5 miljoen euro", M.funding),
    ("wordt het steunbedrag opgetrokken naar 8 miljoen euro.", "8 miljoen euro", M.funding),
    ("2 miljoen euro subsidie", "2 miljoen euro", M.funding),
    ("120 Mitgliedsunternehmen", "120", M.members),
    ("ein Zuliefernetzwerk von 90 Hightech Unternehmen", "90", M.companies),
    ("mit 4.500 Beschäftigten", "4.500", M.jobs),
    ("2.000 Mitarbeiter", "2.000", M.jobs),
    ("12 Forschungseinrichtungen", "12", M.research_centres),
    ("8 Hochschulen", "8", M.academic_institutions),
    ("5 Kliniken", "5", M.hospitals),
    ("30 Projekte", "30", M.projects),
    ("einen Umsatz von 3 Mrd. Euro", "3 Mrd. Euro", M.revenue),
    ("5 Mio. Euro Fördermittel", "5 Mio. Euro", M.funding),
    ("120 socios", "120", M.members),
    ("60 pymes", "60", M.smes),
    ("1.500 empleos", "1.500", M.jobs),
    ("200 investigadores", "200", M.researchers),
    ("5 universidades", "5", M.academic_institutions),
    ("4 centros tecnológicos", "4", M.research_centres),
    ("3 hospitales", "3", M.hospitals),
    ("25 proyectos", "25", M.projects),
    ("una facturación de 2.000 millones de euros", "2.000 millones de euros", M.revenue),
    ("250 life sciences companies", "250", M.companies),
    ("40 startups", "40", M.companies),
    ("200,000 employees", "200,000", M.jobs),
    ("10,000 jobs", "10,000", M.jobs),
    ("500 researchers", "500", M.researchers),
    ("12 universities", "12", M.academic_institutions),
    ("6 research institutes", "6", M.research_centres),
    ("8 hospitals", "8", M.hospitals),
    ("€5 million in funding", "€5 million", M.funding),
    # a count of projects is projects, whatever else the sentence counts
    ("Le pôle a financé 30 projets en 2024 et compte 300 membres.", "30", M.projects),
    ("30 projects funded by the region, which employs 400 people", "30", M.projects),
    ("il polo ha finanziato 30 progetti con 120 soci", "30", M.projects),
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
    ("4 grands groupes, 105 PME, 11 ETI et 19 centres", "11"),
    ("pendant 3 campagnes de vaccination", "3"),
    ("il 40% del fatturato", "40%"),
    ("40% van de omzet", "40%"),
    ("60 % der Arbeitsplätze", "60 %"),
    ("el 40% de las empresas", "40%"),
])
def test_no_hint(sentence: str, number: str) -> None:
    assert _hint(sentence, number) is None


def test_looks_after_before_before() -> None:
    assert metric_hint("chiffre d'affaires : ", " emplois") is Metric.jobs


def test_stops_at_the_clause() -> None:
    assert metric_hint("", ". Les membres") is None
    assert metric_hint("Les membres. ", "") is None
    assert metric_hint("Les membres : ", "") is Metric.members


def test_lexicon_names_every_metric_and_only_metrics() -> None:
    named = {c.removeprefix("metric.") for c in concepts("metric.")}
    assert named == {m.value for m in Metric}
    assert all(words(f"metric.{m.value}") for m in Metric)
    assert {c.removeprefix("metric_before.") for c in concepts("metric_before.")} <= named
