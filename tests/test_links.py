import pytest

from extractor.analysis.links import is_budget, link_figures
from extractor.analysis.offer import offered_numbers
from extractor.candidates import find_candidates
from extractor.layout import read_layout
from extractor.text.sentences import split_sentences
from schemas.common import Decision
from schemas.figure import Metric


def link_candidates(text, candidates, layout, clusters):
    return link_figures(text, split_sentences(text), layout, candidates, clusters, candidates).links


def link_text(text, lang, clusters):
    candidates = [c for c in find_candidates(text, lang) if c.kind == "quantity"]
    return {link.candidate.text: link for link in link_candidates(text, candidates, read_layout(text, candidates), clusters)}

TEXT = """Deux pôles signent une convention de partenariat ambitieuse

Namur, le 14 mai 2024 – BioWin représente 260 membres pour un total de 18 500 employés. MEDVIA représente 150 membres, dont sept hôpitaux. Le programme dispose d'un budget de 2 000 000 € sur 3 ans. Lors du salon, 75 entrepreneurs ont rencontré 60 investisseurs.

A propos de l'industrie de la santé en Wallonie

Le secteur réalise 5,74 milliards d'euros à l'export et compte 9 892 emplois.

A propos de BioWin

BioWin est le pôle santé de Wallonie. Il comprend 250 membres, 26 Mds de chiffre d'affaires à l'export et 53% de la production.

BioWin en Flandre :

Ce sont 40 adhérents et 2 antennes.
"""


def links():
    candidates = find_candidates(TEXT, "fr")
    layout = read_layout(TEXT, candidates)
    quantities = [c for c in candidates if c.kind == "quantity"]
    return {link.candidate.text: link for link in link_candidates(TEXT, quantities, layout, ["BioWin", "MEDVIA"])}


def test_subject_of_the_sentence_owns_its_figures():
    found = links()
    assert (found["260"].cluster, found["260"].metric.value) == ("BioWin", "members")
    assert (found["18 500"].cluster, found["18 500"].metric.value) == ("BioWin", "jobs")
    assert (found["150"].cluster, found["150"].metric.value) == ("MEDVIA", "members")
    assert (found["sept"].cluster, found["sept"].metric.value) == ("MEDVIA", "hospitals")


def test_about_section_owns_its_figures():
    found = links()
    assert (found["250"].cluster, found["250"].metric.value) == ("BioWin", "members")
    assert found["26 Mds"].metric.value == "export_revenue" and found["26 Mds"].complete
    assert found["53%"].metric.value == "production_share" and found["53%"].complete


def test_section_about_something_else_is_outside_any_cluster():
    found = links()
    for text in ("5,74 milliards d'euros", "9 892"):
        assert found[text].outside and found[text].cluster is None


def test_budget_belongs_to_the_agreement():
    found = links()
    budget = found["2 000 000 €"]
    assert budget.outside and is_budget(TEXT, budget.candidate)


def test_numbers_without_a_metric_word_stay_unlinked():
    found = links()
    assert found["75"].metric is None and found["60"].metric is None
    assert not found["75"].complete


def test_sub_heading_names_the_scope():
    found = links()
    assert (found["40"].cluster, found["40"].metric.value, found["40"].scope) == ("BioWin", "members", "Flandre")
    assert (found["2"].metric.value, found["2"].scope) == ("offices", "Flandre")
    assert found["250"].scope is None


def test_scope_stated_after_the_noun_but_not_the_whole_country():
    text = "BioWin compte 75 adhérents en Normandie. Polepharma: 445+ members in all of France."
    candidates = [c for c in find_candidates(text, "fr") if c.kind == "quantity"]
    layout = read_layout(text, candidates)
    found = {link.candidate.text: link for link in link_candidates(text, candidates, layout, ["BioWin", "Polepharma"])}
    assert found["75"].scope == "Normandie"
    assert found["445+"].scope is None


def test_a_figure_said_of_a_list_of_places_or_of_a_placed_noun_has_no_scope():
    text = ("Baltic Health Alliance has 430 members in Sweden, Denmark and Norway. NordBio counts 75 members in Skåne. "
            "Oresund Cluster represents 380 member companies in Denmark and southern Sweden. Its members employ 41,000 "
            "people in Scanian life sciences.")
    candidates = [c for c in find_candidates(text, "en") if c.kind == "quantity"]
    found = {link.candidate.text: link for link in link_candidates(text, candidates, read_layout(text, candidates),
                                                          ["Baltic Health Alliance", "NordBio", "Oresund Cluster"])}
    assert found["430"].scope is None and found["380"].scope is None and found["41,000"].scope is None
    assert found["75"].scope == "Skåne"


def test_a_count_over_several_kinds_of_organisation_is_a_membership():
    text = ("MEDICEN mobilise plus de 470 entreprises, organismes académiques, hôpitaux et collectivités territoriales. "
            "BioWin compte 140 entreprises industrielles innovantes, cinq institutions académiques et six centres de recherche.")
    candidates = [c for c in find_candidates(text, "fr") if c.kind == "quantity"]
    found = {link.candidate.text: link for link in link_candidates(text, candidates, read_layout(text, candidates), ["MEDICEN", "BioWin"])}
    assert found["plus de 470"].metric.value == "members"
    assert found["140"].metric.value == "companies"
    assert found["cinq"].metric.value == "academic_institutions"



@pytest.mark.parametrize(("text", "lang"), [
    ("Zorgnet Delta telt 210 bedrijven. Het netwerk ondersteunde sinds 2020 zo'n 70 startups.", "nl"),
    ("Zorgnet Delta compte 210 entreprises et a accompagné 70 start-up depuis 2015.", "fr"),
    ("Zorgnet Delta counts 210 companies and has supported 70 start-ups since 2020.", "en"),
    ("Zorgnet Delta zählt 210 Unternehmen und hat seit 2020 rund 70 Start-ups unterstützt.", "de"),
])
def test_the_start_ups_a_cluster_has_supported_are_no_count_of_its_companies(text, lang):
    candidates = [c for c in find_candidates(text, lang) if c.kind == "quantity"]
    found = {link.candidate.value: link for link in link_candidates(text, candidates, read_layout(text, candidates),
                                                           ["Zorgnet Delta"])}
    assert (found[210].cluster, found[210].metric.value) == ("Zorgnet Delta", "companies")
    assert found[70].outside


def test_a_part_of_a_membership_counts_the_kind_it_names_first():
    text = ("Harbour BioAlliance represents more than 310 members, including 190 life sciences companies, academic "
            "institutions and service providers.")
    candidates = [c for c in find_candidates(text, "en") if c.kind == "quantity"]
    found = {link.candidate.text: link for link in link_candidates(text, candidates, read_layout(text, candidates),
                                                          ["Harbour BioAlliance"])}
    assert found["more than 310"].metric.value == "members"
    assert found["190"].metric.value == "companies" and found["190"].part_of.text == "more than 310"


def test_a_mixed_membership_ends_where_the_next_number_starts():
    text = ("Der Verbund Gesundheitsnetz Weser vertritt mehr als 250 Unternehmen, Kliniken und Hochschulen mit zusammen "
            "rund 60.000 Beschäftigten. Zorgnetwerk Delta telt 48 kmo's, zestien grote bedrijven, de drie ziekenhuizen "
            "en twee universiteiten.")
    both = [c for c in find_candidates(text, "de") + find_candidates(text, "nl") if c.kind == "quantity"]
    quantities = list({(c.start, c.end): c for c in both}.values())
    offered = offered_numbers(quantities, text, [])
    assert "zestien" not in {c.text for c in offered}  # a small count with no metric word is not offered
    found = {link.candidate.text: link for link in link_figures(
        text, split_sentences(text), read_layout(text, quantities), offered,
        ["Gesundheitsnetz Weser", "Zorgnetwerk Delta"], quantities).links}
    assert found["mehr als 250"].metric.value == "members"
    assert found["rund 60.000"].metric.value == "jobs"
    assert found["48"].metric.value == "smes"

def test_the_network_refers_to_the_cluster_named_so():
    text = ("Nordic Life Science Network and Baltic Biotech Hub join forces. Founded in 2010, the network now counts "
            "85 member companies. Across the region, 40 hospitals take part.")
    candidates = [c for c in find_candidates(text, "en") if c.kind == "quantity"]
    found = {link.candidate.text: link for link in link_candidates(text, candidates, read_layout(text, candidates),
                                                          ["Nordic Life Science Network", "Baltic Biotech Hub"])}
    assert (found["85"].cluster, found["85"].metric.value) == ("Nordic Life Science Network", "members")
    assert found["40"].cluster is None and found["40"].metric.value == "hospitals"


def test_links_say_how_they_were_decided():
    found = links()
    assert found["260"].decided_by is Decision.sentence_subject
    assert found["250"].decided_by is Decision.about_section


def test_a_part_is_linked_with_its_whole():
    found = link_text("Fin 2013, Lyonbiopôle comptabilisait 139 adhérents, parmi lesquels on compte 4 grands groupes, "
                      "105 PME, 11 ETI et 19 centres de compétences.", "fr", ["Lyonbiopôle"])
    assert found["139"].part_of is None and found["139"].cluster == "Lyonbiopôle"
    for part in ("105", "19"):
        assert found[part].part_of == found["139"].candidate and found[part].cluster == "Lyonbiopôle"
    found = link_text("BioNorth has 150 members, including 80 companies.", "en", ["BioNorth"])
    assert found["80"].part_of == found["150"].candidate
    found = link_text("Der Cluster BioRegio zählt 42 Unternehmen, darunter 17 Start-ups.", "de", ["BioRegio"])
    assert found["17"].part_of == found["42"].candidate
    found = link_text("BioSur ya suma 185 entidades, de las que 140 son empresas.", "es", ["BioSur"])
    assert found["140"].part_of == found["185"].candidate and found["140"].metric.value == "companies"
    found = link_text("Daarmee telt ZorgNoord 182 leden, van wie 120 mkb-bedrijven.", "nl", ["ZorgNoord"])
    assert found["120"].part_of == found["182"].candidate


def test_a_combined_figure_belongs_to_neither_cluster():
    found = link_text("Between them, Nordic Biotech and Baltic Health count 1,800 SMEs.", "en", ["Nordic Biotech", "Baltic Health"])
    assert found["1,800"].outside and found["1,800"].cluster is None
    found = link_text("Ensemble, BioNord et MedSud représentent 900 entreprises.", "fr", ["BioNord", "MedSud"])
    assert found["900"].outside


def test_new_members_and_last_years_count_are_no_figures_of_today():
    found = link_text("Atlanbio a enregistré 36 nouveaux adhérents sur 2024. Atlanbio a financé 30 projets, "
                      "contre 12 projets l'année précédente.", "fr", ["Atlanbio"])
    assert found["36"].outside and found["12"].outside
    assert found["30"].cluster == "Atlanbio" and not found["30"].outside


@pytest.mark.parametrize(("text", "language", "future"), [
    ("Nordbio y Surbio firman un protocolo para crear la Alianza Norte, que agrupará a más de 400 empresas.", "es",
     "más de 400"),
    ("Nordbio et Surbio créent l'Alliance Nord, qui regroupera plus de 400 entreprises.", "fr", "plus de 400"),
    ("Nordbio and Surbio found the North Alliance, which will bring together 400 companies.", "en", "400"),
])
def test_what_a_new_alliance_will_count_is_no_figure_of_today(text, language, future):
    assert link_text(text, language, ["Nordbio", "Surbio"])[future].outside


@pytest.mark.parametrize(("text", "language", "created", "counted"), [
    ("AlpiBio compte 250 membres. Depuis 2001, une quarantaine de start-up se sont créées dans le parc.", "fr",
     "une quarantaine", "250"),
    ("NordBio has 300 members. Since 2005, 45 start-ups have been spun out of its universities.", "en", "45", "300"),
    ("BioSur agrupa 120 empresas. Desde su creación, 30 empresas se han creado en su entorno.", "es", "30", "120"),
    ("AlpiBio conta 90 soci. In dieci anni sono nate 25 start-up nel distretto.", "it", "25", "90"),
    ("NordSanté fédère 160 entreprises. Il a accompagné la création de 45 start-up depuis 2015.", "fr", "45", "160"),
])
def test_companies_created_over_a_period_are_no_count_of_today(text, language, created, counted):
    cluster = text.split()[0]
    found = link_text(text, language, [cluster])
    assert found[created].outside
    assert found[counted].cluster == cluster and not found[counted].outside


@pytest.mark.parametrize(("text", "lang", "number", "metric"), [
    ("Der Verbund Gesundheitsnetz Weser wächst.\n\nDie Mitgliedsunternehmen beschäftigen zusammen rund 9.400 Menschen. "
     "Zu den Mitgliedern zählen 96 Unternehmen.", "de", "96", "companies"),
    ("Harbour BioHub had a strong year.\n\nMember companies now employ around 25,000 people.", "en", "around 25,000", "jobs"),
    ("Le pôle Santé Loire grandit.\n\nLes adhérents emploient 9 500 salariés.", "fr", "9 500", "jobs"),
])
def test_the_members_of_a_release_s_one_cluster_are_its_members(text, lang, number, metric):
    cluster = next(name for name in ("Gesundheitsnetz Weser", "Harbour BioHub", "Santé Loire") if name in text)
    found = link_text(text, lang, [cluster])
    assert (found[number].cluster, found[number].metric.value, found[number].decided_by) == (cluster, metric, Decision.reference)


@pytest.mark.parametrize(("text", "lang", "number"), [
    ("Provence Santé compte 520 adhérents. Riviera Biotech en réunit 380.", "fr", "380"),
    ("Il Cluster Salute Piemonte conta 180 soci; il Polo Lifescience Liguria ne conta 95, con circa 4.000 addetti.",
     "it", "95"),
])
def test_a_count_whose_noun_a_pronoun_stands_for_counts_what_the_count_before_does(text, lang, number):
    clusters = ["Provence Santé", "Riviera Biotech", "Cluster Salute Piemonte", "Polo Lifescience Liguria"]
    found = link_text(text, lang, [c for c in clusters if c in text])
    assert (found[number].cluster, found[number].metric.value) == (next(c for c in clusters[1::2] if c in text), "members")


def test_key_figures_under_a_heading_about_the_cluster_are_the_cluster_s():
    text = ("Der Cluster Medizintechnik Weser zieht Bilanz.\n\nKennzahlen des Clusters\nMitglieder: 210\n"
            "Beschäftigte in den Mitgliedsunternehmen: 15.000\nUmsatz der Mitglieder: 3,2 Mrd. Euro\n")
    found = link_text(text, "de", ["Medizintechnik Weser"])
    assert [(found[n].cluster, found[n].metric.value) for n in ("210", "15.000", "3,2 Mrd. Euro")] == [
        ("Medizintechnik Weser", "members"), ("Medizintechnik Weser", "jobs"), ("Medizintechnik Weser", "revenue")]


def test_a_sentence_that_names_nothing_continues_its_paragraph_s_cluster():
    text = ("Er zijn al veel clusters. BioVlaanderen is de zevende cluster. De sector groeit snel. Al meer dan 70 partners "
            "hebben zich geëngageerd. Volgend jaar wordt het steunbedrag opgetrokken naar 8 miljoen euro.\n\n"
            "La Wallonie compte 9 892 emplois.")
    found = link_text(text, "nl", ["BioVlaanderen"])
    assert (found["meer dan 70"].cluster, found["meer dan 70"].decided_by) == ("BioVlaanderen", Decision.paragraph_subject)
    assert found["8 miljoen euro"].outside
    assert found["9 892"].cluster is None


def test_capitalised_items_of_a_counted_list_do_not_change_the_sentence_s_subject():
    text = ("Zorg Oost is de achtste cluster. Het gaat om 30 kmo's, de twee Universitaire Ziekenhuizen, koepel Zorgwerk, "
            "drie onderzoekscentra en vier universiteiten.")
    found = link_text(text, "nl", ["Zorg Oost"])
    assert {found[n].cluster for n in ("30", "twee", "drie", "vier")} == {"Zorg Oost"}
    assert (found["drie"].metric, found["vier"].metric) == (Metric.research_centres, Metric.academic_institutions)


def test_a_count_over_a_list_with_a_comma_before_and_is_a_membership():
    text = "Nordvita brings together 310 companies, universities, and hospitals across the region."
    candidates = [c for c in find_candidates(text, "en") if c.kind == "quantity"]
    (link,) = link_candidates(text, candidates, read_layout(text, candidates), ["Nordvita"])
    assert link.metric.value == "members"


@pytest.mark.parametrize(("text", "language", "number"), [
    ("BioSur agrupa a 95 socios, y el sector da empleo a 4.500 personas en Andalucía.", "es", "4.500"),
    ("NordBio counts 300 members, and the Nordic life sciences industry employs 42,000 people.", "en", "42,000"),
    ("AlpiBio conta 90 soci e il settore impiega 12.000 addetti in regione.", "it", "12.000"),
])
def test_a_number_said_of_the_whole_industry_after_the_cluster_is_no_figure_of_it(text, language, number):
    cluster = text.split()[0]
    found = link_text(text, language, [cluster])
    assert found[number].outside and found[number].cluster is None
    assert found[next(iter(found))].cluster == cluster  # the cluster's own count before it stays its own


def test_a_cluster_of_the_sector_keeps_its_figures():
    found = link_text("BioWin, the health cluster of the sector in Wallonia, includes 250 members.", "en", ["BioWin"])
    assert found["250"].cluster == "BioWin"


@pytest.mark.parametrize(("text", "language", "clusters", "number"), [
    ("Le pôle NordSanté et la Région Ouest signent une convention. Le pôle fédère également 25 centres de recherche "
     "et 8 établissements hospitaliers.", "fr", ["NordSanté", "Région Ouest"], "25"),
    ("Alpenmed, das Netzwerk der Gesundheitswirtschaft, und die Stadt Kiel kooperieren. Das Netzwerk zählt 140 "
     "Mitglieder.", "de", ["Alpenmed", "Stadt Kiel"], "140"),
])
def test_a_reference_goes_to_the_cluster_the_text_introduced_with_that_noun(text, language, clusters, number):
    found = link_text(text, language, clusters)
    assert (found[number].cluster, found[number].decided_by) == (clusters[0], Decision.reference)


def test_a_reference_after_a_contracted_article_names_the_cluster():
    text = "Bilancio del Polo AlpiBio.\n\nCresce il numero dei membri della rete che conta ottantasette cluster member."
    found = link_text(text, "it", ["AlpiBio"])
    assert (found["ottantasette"].cluster, found["ottantasette"].decided_by) == ("AlpiBio", Decision.reference)


def test_a_list_under_a_heading_that_refers_to_the_cluster_is_the_cluster_s():
    text = ("Nordvita signs with the University of Lakeland\n\nNordvita has signed an agreement.\n\n"
            "The cluster at a glance:\n• 450 member companies\n• 25,000 jobs across the region")
    found = link_text(text, "en", ["Nordvita"])
    assert (found["450"].cluster, found["450"].metric) == ("Nordvita", Metric.members)
    assert (found["25,000"].cluster, found["25,000"].metric) == ("Nordvita", Metric.jobs)


@pytest.mark.parametrize(("text", "language", "clusters", "number"), [
    ("Life Sciences Cluster Oostland en Health Valley Rijnmond tekenen. Het Oostlandse cluster telt 85 leden.", "nl",
     ["Life Sciences Cluster Oostland", "Health Valley Rijnmond"], "85"),
    ("Le pôle Normandie Santé et le pôle Armorsanté signent. Le pôle normand fédère 120 adhérents.", "fr",
     ["Normandie Santé", "Armorsanté"], "120"),
    ("BioCantabria y BioMurcia firman un convenio. El clúster murciano agrupa a unas 70 empresas.", "es",
     ["BioMurcia", "BioCantabria"], "unas 70"),
])
def test_a_reference_with_an_adjective_of_place_goes_to_the_cluster_of_that_place(text, language, clusters, number):
    found = link_text(text, language, clusters)
    assert (found[number].cluster, found[number].decided_by) == (clusters[0], Decision.reference)


@pytest.mark.parametrize(("text", "language", "parts", "whole"), [
    ("Nordvita represents 260 members with 18,500 employees in all, including 140 companies and 6 research centres.",
     "en", ["140", "6"], "260"),
    ("Il cluster AlpiBio riunisce 85 soci, tra cui 60 imprese, per un totale di 9.500 addetti.", "it", ["60"], "85"),
])
def test_a_part_counts_the_same_kind_of_thing_as_its_whole(text, language, parts, whole):
    found = link_text(text, language, ["Nordvita", "AlpiBio"])
    assert [found[part].part_of.text for part in parts] == [whole] * len(parts)
    other = next(c for c in found if c not in [*parts, whole])
    assert found[other].part_of is None


@pytest.mark.parametrize("table", [
    "|  | Nordvita | Medalis |\n|---|---|---|\n| Members | 180 | 310 |\n| Jobs | 9,000 | 21,500 |",
    "| Cluster | Members | Jobs |\n|---|---|---|\n| Nordvita | 180 | 9,000 |\n| Medalis | 310 | 21,500 |",
])
def test_a_table_gives_each_number_the_cluster_heading_its_column_or_row(table):
    text = f"Nordvita and Medalis sign a cooperation agreement.\n\n{table}\n\nThe agreement runs for three years."
    found = link_text(text, "en", ["Nordvita", "Medalis"])
    got = {number: (found[number].cluster, found[number].metric, found[number].decided_by) for number in ("180", "310", "9,000", "21,500")}
    assert got == {"180": ("Nordvita", Metric.members, Decision.table), "310": ("Medalis", Metric.members, Decision.table),
                   "9,000": ("Nordvita", Metric.jobs, Decision.table), "21,500": ("Medalis", Metric.jobs, Decision.table)}


def test_a_table_no_cluster_heads_links_nothing_by_itself():
    text = "Nordvita and Medalis sign.\n\n| Year | Members |\n|---|---|\n| 2024 | 180 |"
    found = link_text(text, "en", ["Nordvita", "Medalis"])
    assert found["180"].decided_by is not Decision.table


@pytest.mark.parametrize(("text", "language", "number"), [
    ("Fort de 280 adhérents, le pôle Nordvita accompagne une cinquantaine de projets.", "fr", "280"),
    ("With more than 410 members, Nordvita is the largest network in the region.", "en", "more than 410"),
])
def test_a_number_in_the_phrase_opening_the_sentence_is_the_subject_s(text, language, number):
    found = link_text(text, language, ["Nordvita", "Medalis"])
    assert (found[number].cluster, found[number].decided_by) == ("Nordvita", Decision.sentence_subject)


def test_a_number_after_a_comma_is_not_in_the_opening_phrase():
    text = "In 2024, 280 members joined the region's programme, Nordvita said."
    found = link_text(text, "en", ["Nordvita", "Medalis"])
    assert found["280"].cluster is None


def test_the_short_name_the_release_gives_a_cluster_names_it_as_subject():
    text = ("The Nordvita Life Sciences Cluster (NLSC) signed two agreements.\n\n"
            "NLSC counts 540 member organisations employing 32,000 people.")
    found = link_text(text, "en", ["Nordvita Life Sciences Cluster"])
    assert (found["540"].cluster, found["540"].decided_by) == ("Nordvita Life Sciences Cluster", Decision.sentence_subject)
    assert found["32,000"].cluster == "Nordvita Life Sciences Cluster"


def test_a_web_page_table_with_a_blank_line_between_rows_is_one_table():
    text = ("Nordvita and Medalis sign.\n\n| Network | Members |\n\n|---|---|\n\n| Nordvita | 120 |\n\n| Medalis | 260 |\n\n"
            "The agreement runs three years.")
    found = link_text(text, "en", ["Nordvita", "Medalis"])
    assert [(found[n].cluster, found[n].metric) for n in ("120", "260")] == [("Nordvita", Metric.members), ("Medalis", Metric.members)]


def test_a_cluster_named_without_its_kind_word_is_still_the_subject():
    text = "Nordvita signe avec le pôle Alpes MedTech.\n\nChiffres clés d'Alpes MedTech :\n• 180 adhérents\n• 40 projets"
    found = link_text(text, "fr", ["Pôle Alpes MedTech", "Nordvita"])
    assert (found["180"].cluster, found["180"].metric) == ("Pôle Alpes MedTech", Metric.members)


def test_an_amount_of_projects_is_their_funding():
    found = link_text("Le pôle Nordvita a labellisé 35 projets et 12 M€ de projets financés en 2025.", "fr", ["Nordvita"])
    assert (found["35"].metric, found["12 M€"].metric) == (Metric.projects, Metric.funding)


@pytest.mark.parametrize(("text", "lang", "number"), [
    ("Nordvita hosts the forum of Medvalley Alliance (MVA). There are over 300 member companies of MVA, and the number grows.",
     "en", "over 300"),
    ("Nordvita accueille le forum de Medvalley Alliance. Les 250 adhérents de Medvalley Alliance sont invités.", "fr", "250"),
])
def test_a_count_belongs_to_the_cluster_named_after_its_noun(text, lang, number):
    found = link_text(text, lang, ["Nordvita", "Medvalley Alliance"])
    assert (found[number].cluster, found[number].metric) == ("Medvalley Alliance", Metric.members)


def test_a_cluster_written_without_the_places_of_its_name_is_the_subject():
    text = "Le pôle de compétitivité Nordmed Hauts-de-France fédère la filière. Nordmed compte plus de 170 membres actifs."
    found = link_text(text, "fr", ["Nordmed Hauts-de-France"])
    assert (found["plus de 170"].cluster, found["plus de 170"].decided_by) == ("Nordmed Hauts-de-France", Decision.sentence_subject)


def test_a_kind_whose_items_open_on_of_is_one_kind_not_a_mixed_membership():
    text = "Nordmed compte 170 membres, dont 23 organismes de recherche, d'enseignement supérieur et de valorisation."
    assert link_text(text, "fr", ["Nordmed"])["23"].metric is Metric.research_centres


@pytest.mark.parametrize(("text", "lang", "number"), [
    ("Un anno intenso per Nordmed, che nel 2022 ha visto l'ingresso di 13 soci, portando a 112 il numero totale di associati.",
     "it", "13"),
    ("Nordmed celebrated the arrival of 14 members this year.", "en", "14"),
])
def test_members_who_joined_over_a_period_are_no_count_of_now(text, lang, number):
    link = link_text(text, lang, ["Nordmed"])[number]
    assert link.cluster is None and link.outside


def test_a_reference_after_an_opening_phrase_with_a_list_is_its_subject():
    text = ("Nordvita Health received a label. With over 21,000 companies and 360,000 employees in health management, "
            "supply, and life sciences, the cluster covers the whole value chain.")
    found = link_text(text, "en", ["Nordvita Health"])
    assert (found["over 21,000"].cluster, found["over 21,000"].metric) == ("Nordvita Health", Metric.companies)


def test_a_workforce_counts_jobs():
    found = link_text("Nordvita is home to 200 companies with a scientific workforce of about 20,000 professionals.", "en",
                      ["Nordvita"])
    assert found["about 20,000"].metric is Metric.jobs


def test_a_list_of_kinds_followed_by_a_list_of_fields_is_a_mixed_membership():
    text = ("Nordalp réunit près de 70 start-up, PME, grands groupes, universités et collectivités du domaine des "
            "biotechnologies, des technologies médicales et de l’e-santé.")
    assert link_text(text, "fr", ["Nordalp"])["près de 70"].metric is Metric.members


def test_a_cluster_is_known_by_its_initials_where_the_text_writes_them():
    text = ("Assemblea di Bio Industria Valtellina. La relazione si è aperta sui numeri di BIV, che mostrano 28 aziende "
            "associate e quasi 2’400 persone occupate.")
    found = link_text(text, "it", ["Bio Industria Valtellina"])
    assert found["28"].cluster == "Bio Industria Valtellina" and found["28"].metric is Metric.members
    assert found["quasi 2’400"].metric is Metric.jobs


def test_an_amount_of_money_counts_no_companies():
    text = "Il Polo Vallesalute ha 40 soci. Sono stati confermati gli investimenti previsti dalle aziende: CHF 350’000’000."
    found = link_text(text, "it", ["Polo Vallesalute"])
    assert found["CHF 350’000’000"].metric is None


@pytest.mark.parametrize(("text", "lang", "number", "metric"), [
    ("Branchenverband Nordbio gegründet\n\n40 norddeutsche Biotech-Unternehmen haben sich zum Branchenverband "
     "„Nordbio“ zusammengeschlossen, der die Interessen der Szene bündeln will.", "de", "40", "companies"),
    ("Nace Nordbio\n\nUn conjunto de 18 empresas y organismos nacionales dieron forma a Nordbio, una nueva asociación "
     "gremial del sector salud.", "es", "18", "members"),
])
def test_members_that_join_the_cluster_named_after_them_are_its_own(text, lang, number, metric):
    found = link_text(text, lang, ["Nordbio"])
    assert (found[number].cluster, found[number].metric.value) == ("Nordbio", metric)


def test_a_count_that_joins_no_cluster_is_no_cluster_s():
    text = "Nordbio wächst\n\n40 norddeutsche Biotech-Unternehmen haben sich in diesem Jahr bei Messen vorgestellt."
    assert link_text(text, "de", ["Nordbio"])["40"].cluster is None
