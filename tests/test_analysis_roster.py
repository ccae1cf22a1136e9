import pytest

from extractor.analysis.roster import described_clusters, introduced_clusters, roster
from extractor.candidates import find_candidates
from extractor.identity.clusters import same_cluster
from extractor.layout import read_layout

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
    assert roster(["Medicen", "Industry clusters", "BIO 2017", "France"], described_clusters(TEXT, layout()), TEXT + " BIO 2017 France") == ["Medicen", "GIPSO"]


def test_same_cluster_across_spellings():
    assert same_cluster("Polepharma-GIPSO", "POLEPHARMA")
    assert same_cluster("Pôle Santé", "pole sante")
    assert not same_cluster("BioWin", "MEDVIA")
    assert not same_cluster(None, "BioWin")
    assert same_cluster("MassBio", "Massachusetts Biotech Council (MassBio)")
    assert same_cluster("Lyonbiopôle", "Lyonbiopôle Auvergne-Rhône-Alpes")
    assert not same_cluster("Atlanpole", "Atlanpole Biothérapies")


@pytest.mark.parametrize(("text", "language", "names"), [
    ("la création d'une alliance baptisée Enosis Santé.", "fr", ["Enosis Santé"]),
    ("Le pôle de compétitivité Atlanpole Biothérapies a financé 30 projets.", "fr", ["Atlanpole Biothérapies"]),
    ("nous avons signé un accord avec le cluster québécois Neomed.", "fr", ["Neomed"]),
    ("Dabei besuchte das Paar den Nationalen Spitzencluster Medical Valley in Erlangen.", "de", ["Medical Valley"]),
    ("firms and research organizations across California formed a network of laboratories.", "en", []),
    ("Le cluster de la génomique accueille Illumina.", "fr", []),
    # the name a capitalised cluster word closes is the cluster, not the name after it
    ("Oslo Cancer Cluster and AstraZeneca signed.", "en", ["Oslo Cancer Cluster"]),
    ("Signed at the EU Japan Cluster Matchmaking Event in Munich.", "en", []),
    # a preposition names where the networks are from, and a region alone is no cluster
    ("Medizintechnik-Netzwerke aus Oberfranken kooperieren mit dem Netzwerk NordMed Hessen.", "de", ["NordMed Hessen"]),
    ("Les réseaux Bretagne et Normandie se rapprochent.", "fr", []),
])
def test_clusters_the_text_introduces(text, language, names):
    assert introduced_clusters(text, language) == names


@pytest.mark.parametrize(("text", "names"), [
    ("Flanders.health is de zevende cluster.", ["Flanders.health"]),
    ("BioNord est le pôle santé de la région.", ["BioNord"]),
    ("Le GIPSO est un réseau d'entreprises.", ["GIPSO"]),
    ("Il est le premier pôle de France.", []),
    ("Rheinland Zulieferer ist ein Zuliefernetzwerk von 40 Firmen.", ["Rheinland Zulieferer"]),
    ("Zorg Oost is een regionaal zorgcluster.", ["Zorg Oost"]),
    ("Acme Labs is a framework for networking.", []),
])
def test_a_name_the_sentence_calls_a_cluster(text, names):
    assert introduced_clusters(text, "fr") == names


def test_companies_events_and_countries_are_no_clusters():
    text = "Value Service S.p.A, Acme GmbH, BIO 2017 in Spain, with bioPmed."
    assert roster(["Value Service S.p.A", "Acme GmbH", "BIO 2017", "Spain", "bioPmed"], [], text) == ["bioPmed"]


def test_a_name_the_text_refers_back_to_by_its_kind_is_a_cluster():
    text = ("Fjordmed Health Network and Acme Biologics signed an agreement today. Founded in 2010, the network now "
            "counts 85 member companies. Acme Biologics Cluster Days take place in May.")
    assert introduced_clusters(text, "en") == ["Fjordmed Health Network"]


def test_a_reference_needs_a_name_of_the_same_kind_close_before_it():
    far = "Fjordmed Health Network was founded in 2010. " + "Its members met again. " * 80 + "The network counts 85 members."
    assert introduced_clusters(far, "en") == []
    other = "Fjordmed Health Alliance signed today. The network counts 85 members."
    assert introduced_clusters(other, "en") == []
    assert introduced_clusters("Le Cluster a signé. Le cluster compte 85 membres.", "fr") == []


def test_authorities_universities_hospitals_and_companies_are_no_clusters():
    text = ("Firmato il protocollo tra AlpiBio, la Regione Valle Verde, l'Università di Poggio e l'Azienda ospedaliera di "
            "Borgo. Aderiscono Nordica S.r.l., Agorà S.R.L. - Salute 360 (TO), Alpenmed GmbH e la Città di Borgo. "
            "Le pôle Région Sud Santé et la Région Sud signent; BioLAGO e.V. et Medicen Paris Région aussi.")
    named = ["AlpiBio", "Regione Valle Verde", "Università di Poggio", "Azienda ospedaliera di Borgo", "Nordica S.r.l.",
             "Agorà S.R.L. - Salute 360 (TO)", "Alpenmed GmbH", "Città di Borgo", "Région Sud", "BioLAGO e.V.",
             "Medicen Paris Région"]
    assert roster(named, [], text) == ["AlpiBio", "BioLAGO e.V.", "Medicen Paris Région"]


def test_an_investment_agency_is_no_cluster():
    text = "NordBio, HarbourMed and Invest Porthaven sign a memorandum; Investors Bio Network hosts the forum."
    assert roster(["NordBio", "Invest Porthaven", "Investors Bio Network"], [], text) == ["NordBio", "Investors Bio Network"]


def test_a_university_or_an_institute_is_no_cluster_wherever_its_word_stands():
    text = ("NordBio, Porthaven Université, the Fraunhofer-Institut für Gewebetechnik and Harbour Research Institute "
            "sign a memorandum with the Universität Nordhafen and Medalis Cluster.")
    named = ["NordBio", "Porthaven Université", "Fraunhofer-Institut für Gewebetechnik", "Harbour Research Institute",
             "Universität Nordhafen", "Medalis Cluster"]
    assert roster(named, [], text) == ["NordBio", "Medalis Cluster"]


@pytest.mark.parametrize(("text", "company"), [
    ("Le pôle Loire Santé a élu Marc Roy, dirigeant de la société Ostéa, à sa présidence.", "Ostéa"),
    ("Der Verbund Rheinmed begrüßt das Unternehmen Medivo als neues Mitglied.", "Medivo"),
    ("Il Distretto Emiliano accoglie l'azienda Biorex tra i soci.", "Biorex"),
])
def test_a_name_written_after_a_company_noun_is_no_cluster(text, company):
    cluster = next(name for name in ("Loire Santé", "Rheinmed", "Distretto Emiliano") if name in text)
    assert roster([company, cluster], [], text) == [cluster]


def test_a_capitalised_cluster_word_after_an_article_opens_the_clusters_own_name():
    text = ("El Clúster Saúde de Galicia, el Clúster de Salud de Asturias y BioEuskadi firman un protocolo. "
            "Il Polo di Innovazione bioAlpi cresce.")
    assert introduced_clusters(text, "es") == ["Clúster Saúde de Galicia", "Clúster de Salud de Asturias"]


def test_a_short_name_given_in_brackets_is_the_cluster_under_its_full_name():
    text = "El Clúster de Salud de Galicia (CSG) y la Fundación Sur firman un convenio. El CSG integra 130 socios."
    assert roster(["CSG"], ["Clúster de Salud de Galicia"], text) == ["Clúster de Salud de Galicia"]


@pytest.mark.parametrize(("text", "names"), [
    ("Met 90 organisaties is het Zeeland Bio Science Park een groeiend cluster. De komende jaren zal het ZBSP groeien.",
     ["Zeeland Bio Science Park"]),
    # initials that two names of the release share stand for neither
    ("Het ZBSP groeit. Zeeland Bio Science Park en Zuid Bio Service Punt werken samen.", ["ZBSP"]),
])
def test_an_acronym_the_model_gives_is_the_name_whose_initials_it_is(text, names):
    assert roster(["ZBSP"], [], text) == names


def test_a_name_closing_in_a_capitalised_cluster_word_is_a_cluster_s_own_name():
    text = ("More than 500 participants attended the EU Japan Cluster Matchmaking Event, organised by Oresund Nordic "
            "Cluster. Oresund Nordic Cluster represents 380 member organisations; a Biotech Cluster of the region too.")
    assert introduced_clusters(text, "en") == ["Oresund Nordic Cluster"]


def test_a_name_closing_in_a_cluster_word_starts_after_the_sentence_before_it():
    text = ("Die Medora AG beliefert Industrie und Handel. Der Nordheim Cluster ist ein Netzwerk von "
            "Herstellern und zählt 310 Mitglieder.")
    assert introduced_clusters(text, "de") == ["Nordheim Cluster"]


def test_a_heading_ending_in_a_cluster_word_introduces_no_name_on_the_line_below():
    text = "Der Cluster Medizintechnik Weser zieht Bilanz.\n\nKennzahlen des Clusters\nMitglieder: 210\n"
    assert introduced_clusters(text, "de") == ["Medizintechnik Weser"]


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Le pôle Vallée de la Pharma publie ses chiffres. Le pôle compte 140 adhérents.", "fr", ["Vallée de la Pharma"]),
    ("Der Biotech-Cluster Rhein-Main und das Netzwerk Saarmed kooperieren.", "de", ["Saarmed"]),
    ("La rete innovativa Medi4Nord è la risposta del Veneto; il polo Farmalpi conta 40 soci.", "it", ["Medi4Nord", "Farmalpi"]),
])
def test_a_name_keeps_its_joining_words_and_a_compound_s_cluster_word_introduces_none(text, language, names):
    assert introduced_clusters(text, language) == names


def test_a_ministry_is_no_cluster_though_its_field_opens_the_word():
    text = "Das Netzwerk Nordmed und das Wirtschaftsministerium Nordland unterzeichnen eine Absichtserklärung."
    assert roster(["Nordmed", "Wirtschaftsministerium Nordland"], [], text) == ["Nordmed"]


def test_two_names_the_model_gave_as_one_cluster_are_the_cluster_the_text_presents():
    text = "Il Cluster Tecnologico Alpino Scienze della Vita e la Regione Valle Verde hanno siglato un accordo."
    named = ["Cluster Tecnologico Alpino Scienze della Vita e la Regione Valle Verde"]
    assert roster(named, ["Cluster Tecnologico Alpino Scienze della Vita"], text) == ["Cluster Tecnologico Alpino Scienze della Vita"]


def test_a_short_name_in_brackets_after_a_university_is_no_cluster():
    text = ("Durante la Asamblea del Clúster Médico Norteño se firmó un convenio con la Universidad Politécnica (UNIPOL) "
            "de Monterrey.")
    assert roster(["Clúster Médico Norteño", "UNIPOL"], [], text) == ["Clúster Médico Norteño"]


def test_a_place_ranked_among_hubs_is_no_cluster():
    text = ("“Valdora es el segundo polo biotecnológico del país”, dijo el alcalde. El sector suma 900 empleos en Valdora, "
            "y el clúster Biovaldo cuenta 40 socios.")
    assert introduced_clusters(text, "es") == ["Biovaldo"]


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Dans le cadre de ses actions, Nordmed, le pôle de compétitivité santé du Nord, signe un accord.", "fr", ["Nordmed"]),
    ("The deal was signed with Harborbio, a cluster based in Maine.", "en", ["Harborbio"]),
    ("Ainsi, le pôle signe un accord. Today, the network counts 40 members.", "fr", []),
    ("« Nous signons », a rappelé Jean-Marc Roux, président du pôle.", "fr", []),
    ("The panel included Jane Roe, the network's president, and John Doe, cluster manager at Acme.", "en", []),
    ("Jan de Vries, directeur Vereniging Nordmed, tekende.", "nl", []),
])
def test_a_name_set_beside_a_cluster_word_inside_a_sentence_is_a_cluster(text, language, names):
    assert introduced_clusters(text, language) == names


def test_a_preposition_between_a_cluster_word_and_a_name_introduces_no_cluster():
    text = "All cluster formations within Life Science collaborate, and Nordvita Alliance leads them."
    assert "Life Science" not in introduced_clusters(text, "en")


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Neuer Dachverband Nordbio vertritt 245 Unternehmen.", "de", ["Nordbio"]),
    ("Het zorgnetwerk Oostmed groeit.", "nl", ["Oostmed"]),
])
def test_a_compound_that_ends_in_a_cluster_word_introduces_a_name(text, language, names):
    assert introduced_clusters(text, language) == names


def test_a_name_of_filler_words_alone_is_no_cluster():
    text = "Le pôle Nordmed renforce la filière francilienne « Santé et technologies »."
    assert introduced_clusters(text, "fr") == ["Nordmed"]


@pytest.mark.parametrize(("text", "language"), [
    ("El presidente del clúster será Albert Roig, consejero delegado de Acme.", "es"),
    ("Le président du pôle sera Paul Morel.", "fr"),
])
def test_a_person_named_after_a_cluster_word_and_a_verb_is_no_cluster(text, language):
    assert introduced_clusters(text, language) == []


def test_a_noun_that_counts_is_no_cluster_though_german_capitalises_it():
    text = "Die Nordregio Halden wächst: 4200 Mitarbeiter vereinen die an dem Cluster beteiligten Unternehmen."
    assert "Unternehmen" not in introduced_clusters(text, "de")
    assert roster(["Unternehmen", "Mitarbeiter", "Nordregio Halden"], [], text) == ["Nordregio Halden"]


def test_a_university_of_applied_sciences_is_no_cluster():
    text = "Der Cluster Medtech Nordalpen begrüßt die FH Tannberg und die Fachhochschule Halden als Mitglieder."
    assert roster(["FH Tannberg", "Fachhochschule Halden", "Medtech Nordalpen"], [], text) == ["Medtech Nordalpen"]


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Il Distretto lucano Scienze della vita conta 60 imprese.", "it", ["Distretto lucano Scienze"]),
    ("El Clúster andino de Salud Digital firma un convenio.", "es", ["Clúster andino de Salud Digital"]),
    ("Speaking for the Cluster, the Cluster manager Jane Roe said so.", "en", []),
])
def test_a_cluster_word_opens_a_name_after_one_adjective(text, language, names):
    assert introduced_clusters(text, language) == names


def test_a_name_listed_between_companies_is_a_company():
    text = ("Tra le imprese aderenti ci sono la Orvieto Pharma SpA, la Velara Farmaceutici, Tessa SpA; "
            "il distretto Campobio Scienze le riunisce.")
    assert roster(["Velara Farmaceutici", "Campobio Scienze"], [], text) == ["Campobio Scienze"]


def test_a_name_a_sentence_gives_in_quotes_to_a_cluster_presented_before_is_a_cluster():
    text = "È nato in Molise il primo Distretto ad alta tecnologia della salute. Si chiama \"Molise Bioscienze\". Conta 30 soci."
    assert introduced_clusters(text, "it") == ["Molise Bioscienze"]
    assert introduced_clusters("Il nuovo prodotto si chiama \"Velox\".", "it") == []


def test_a_single_word_the_model_gives_stands_for_the_longer_name_it_ends_in_the_text():
    text = "Halden.Die BioRegion Halden hat sich als Jobmotor erwiesen. Halden wächst: Today NordBio signs."
    assert roster(["Halden"], [], "Halden.Die BioRegion Halden hat sich als Jobmotor erwiesen.") == ["BioRegion Halden"]
    assert roster(["NordBio"], [], "Namur. Today NordBio signs an agreement.") == ["NordBio"]
    assert roster(["Halden"], [], text) == ["Halden"]


@pytest.mark.parametrize(("text", "named", "kept"), [
    # a phrase the model capitalised: a kind of firm, not a name
    ("Nordsalud reúne firmas del sector (laboratorios, farmacias digitales) y centros de I+D. Nordsalud cuenta con 40 socios.",
     ["Farmacias digitales", "Nordsalud"], ["Nordsalud"]),
    # one word may be a brand written in lower case
    ("Die Generalversammlung von nordpharma wählte einen Präsidenten. nordpharma vertritt 250 Firmen.",
     ["Nordpharma"], ["Nordpharma"]),
])
def test_a_name_of_several_words_the_text_writes_only_in_lower_case_is_no_cluster(text, named, kept):
    assert roster(named, [], text) == kept
