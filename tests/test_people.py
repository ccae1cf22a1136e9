import pytest

from extractor.ask.answers import MOST_PEOPLE, PersonAnswer
from extractor.candidates import find_candidates
from extractor.layout import read_layout
from extractor.records.people import (
    build_people,
    listed_with_a_role,
    name_organisations,
    names_from_contacts,
    names_from_emails,
    names_from_titles,
)

CONTACTS = """Contacts presse

Camille GARCIA — Chargée de Communication **POLEPHARMA - GIPSO**

camille.garcia@polepharma.com

Maria PASCUAL DE ZULUETA – Directrice du Basque Health Cluster

+34 6 44 84 56 44 - maria@basquehealthcluster.org

For BioWin\tFor Polepharma
Alexandra Schiettekatte\tSabrina Boireau
alexandra.schiettekatte@biowin.org\tsabrina.boireau@polepharma.com

Emmanuelle Pangaud, Directrice

Tél. : 05 56 11 32 15 - Email : e.pangaud@gipso.org

Ecrivez-nous : info@gipso.org
"""


def test_mail_addresses_name_their_owners():
    names = [p.name for p in names_from_emails(find_candidates(CONTACTS, "fr"), CONTACTS)]
    assert names == ["Camille GARCIA", "Maria PASCUAL DE ZULUETA", "Alexandra Schiettekatte", "Sabrina Boireau",
                     "Emmanuelle Pangaud"]


def test_people_are_grounded_deduplicated_and_tidied():
    answers = [
        PersonAnswer(name="Maria Pascual de Zulueta", role="Directrice", organisation="Basque Health Cluster"),
        PersonAnswer(name="MARIA PASCUAL DE ZULUETA"),
        PersonAnswer(name="Camille Garcia", role=None, organisation=None),
        PersonAnswer(name="Camille GARCIA", role="Chargée de Communication"),
        PersonAnswer(name="Jean Dupont", role="CEO"),
        PersonAnswer(name="POLEPHARMA"),
    ]
    people, flags = build_people(answers, CONTACTS, ["Polepharma"])
    assert [p.name for p in people] == ["Maria Pascual de Zulueta", "Camille Garcia"]
    assert people[1].role == "Chargée de Communication"
    for person in people:
        assert CONTACTS[person.evidence.start:person.evidence.end] == person.evidence.text
    assert [f.code for f in flags] == ["ungrounded"]
    assert "Jean Dupont" in flags[0].message


def test_organisation_read_from_the_role():
    text = "Sylvie Ponchaut, Managing Director of BioWin, said."
    people, _ = build_people([PersonAnswer(name="Sylvie Ponchaut", role="Managing Director of BioWin")], text, [])
    assert people[0].organisation == "BioWin"


def test_organisations_and_trailing_roles_are_not_names():
    text = "Contact : Andrew Lloyd & Associates. Laure WATTINNE- Attachée de presse – 02 35 52 56 00"
    people, _ = build_people([PersonAnswer(name="Andrew Lloyd & Associates"),
                              PersonAnswer(name="Laure WATTINNE- Attachée de presse")], text, [])
    assert [p.name for p in people] == ["Laure Wattinne"]
    assert people[0].evidence.text == "Laure WATTINNE"


def test_organisations_places_and_sentence_openings_are_no_people():
    text = ("Quatre des plus grands pôles viennent d’officialiser Enosis Santé. Fort de ce succès, Acme e.V. et "
            "BioXclusters Plus accueillent Osaka Bio Headquarters.")
    answers = [PersonAnswer(name=n) for n in ("Quatre des plus grands pôles viennent d’officialiser", "Enosis Santé",
                                              "Fort de ce succès", "Acme e.V.", "BioXclusters Plus", "Osaka Bio Headquarters")]
    people, _ = build_people(answers, text, ["Enosis Santé", "Osaka Bio Headquarters"])
    assert people == []


def test_titles_are_no_part_of_a_name():
    text = "M. Jean Dupont a reçu Seine Majestät König Willem-Alexander. Jean Dupont a dit : merci."
    people, _ = build_people([PersonAnswer(name="M. Jean Dupont"), PersonAnswer(name="Jean Dupont"),
                              PersonAnswer(name="König Willem-Alexander"), PersonAnswer(name="Willem")], text, [])
    assert [p.name for p in people] == ["Jean Dupont", "Willem-Alexander"]


def test_a_lone_surname_after_an_office_is_no_full_name_but_a_monarchs_first_name_is():
    text = "Governor Murphy welcomed Queen Anna and Prof. Dr. Jan Kowalski."
    people, _ = build_people([PersonAnswer(name="Governor Murphy"), PersonAnswer(name="Anna"),
                              PersonAnswer(name="Prof. Dr. Jan Kowalski")], text, [])
    assert [p.name for p in people] == ["Anna", "Jan Kowalski"]


@pytest.mark.parametrize(("text", "names"), [
    ("Am Donnerstag empfing Prof. Dr. Jan R. Kowalski von Acme Valley die Gäste. Seine Majestät König Jean-Baptiste "
     "und Ihre Majestät Königin Anna sprachen mit Piet de Vries,Vorsitzender des Verbandes.",
     ["Jan R. Kowalski", "Jean-Baptiste", "Anna", "Piet de Vries"]),
    ("Interview de Jean-Marc Dupuis, directeur de BioNord depuis 2017.", ["Jean-Marc Dupuis"]),
    ("said Ana Ruiz, Chief Executive Officer, Acme. For Jane Miller, President of BioNorth, it is a start.",
     ["Ana Ruiz", "Jane Miller"]),
    ("Governor Murphy welcomed the delegation on August 3.", []),
])
def test_the_text_marks_people_by_their_titles_and_roles(text, names):
    people, _ = build_people(names_from_titles(text), text, [])
    assert [p.name for p in people] == names


def test_a_person_repeated_up_to_the_cap_is_one_person():
    text = "Ada Lovelace, présidente du pôle BioNord, salue l'accord."
    answers = [PersonAnswer(name="Ada Lovelace", role="présidente", organisation="BioNord")] * MOST_PEOPLE
    people, _ = build_people(answers, text, ["BioNord"])
    assert [(p.name, p.role) for p in people] == [("Ada Lovelace", "présidente")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('"Samen groeien we," zegt Lotte Brouwer. Ook Pieter van Dam, directeur bij Oost BV, is positief.', "Ook Pieter van Dam"),
        ("Ada Lovelace signe l'accord. Aussi Pierre Durand, président du pôle, salue ce succès.", "Aussi Pierre Durand"),
        ("Also Jane Porter, chief executive of the network, welcomed the agreement.", "Also Jane Porter"),
        ("Según Ana Ruiz Calvo, presidenta del clúster, «el convenio abre puertas».", "Según Ana Ruiz Calvo"),
        ("Selon Marc Lefort, directeur du pôle, l'accord est historique.", "Selon Marc Lefort"),
    ],
)
def test_a_sentence_adverb_before_a_name_is_not_part_of_it(text, said):
    people, _ = build_people([PersonAnswer(name=said)], text, [])
    assert [p.name for p in people] == [said.split(" ", 1)[1]]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“Een sterke cluster,” zegt minister van Innovatie Peeters.", "Innovatie Peeters"),
        ("« Un beau projet », estime la ministre de la Santé Dubois.", "Santé Dubois"),
    ],
)
def test_the_field_of_a_role_is_not_a_first_name(text, said):
    people, _ = build_people([PersonAnswer(name=said)], text, [])
    assert people == []


def test_the_field_of_a_role_is_dropped_from_a_whole_name():
    text = "« Un beau projet », estime la ministre de la Santé Claire Dubois."
    people, _ = build_people([PersonAnswer(name="Santé Claire Dubois")], text, [])
    assert [p.name for p in people] == ["Claire Dubois"]


@pytest.mark.parametrize("place", ["Kendall Square", "Lab Central", "Potsdamer Platz", "Plaza Mayor"])
def test_a_place_or_a_lab_is_no_person(place):
    text = f"Une visite de {place} à Cambridge a permis des échanges."
    people, _ = build_people([PersonAnswer(name=place)], text, [])
    assert people == []


@pytest.mark.parametrize("event", ["Bio Japan Fall", "Medtech Innovation Days", "Semaine Rhône Alpes", "Giornate Nord Ovest"])
def test_an_event_is_no_person(event):
    text = f"L'accord a été signé lors de la convention d'affaires : {event}."
    people, _ = build_people([PersonAnswer(name=event)], text, [])
    assert people == []


@pytest.mark.parametrize("name", ["Eberhard van der Laan", "Mike Piazza", "Ana Calle", "Aminata Fall", "Tage Lindqvist"])
def test_a_surname_that_is_also_a_street_word_stays_a_person(name):
    text = f"« Un beau projet », estime {name}, président du pôle."
    people, _ = build_people([PersonAnswer(name=name)], text, [])
    assert [p.name for p in people] == [name]


@pytest.mark.parametrize(("block", "names"), [
    ("Pressekontakt: Anna Weber, Tel. +49 6221 123456, presse@biorn.org", ["Anna Weber"]),
    ("Media contact: Sarah Jensen, Communications Manager, press@nordvita.org", ["Sarah Jensen"]),
    ("Contacto de prensa: Leire Etxeberria – comunicacion@biosur.eus – 944 000 000", ["Leire Etxeberria"]),
    ("**Contacts Presse :**\n\nLaure WATTINNE- Attachée de presse – 02 35 52 56 00\n"
     "Claire BOUFFARD – Assistante Communication – 0237202500", ["Laure WATTINNE", "Claire BOUFFARD"]),
    ("Contacts presse\n\nALPIBIO\n\nEmmanuelle Durand, Directrice\n01 23 45 67 89", ["Emmanuelle Durand"]),
    ("Press contact :\n\nFor NordBio\tFor Alpenmed\nMedia Team\tPress Office\n+32 476 650 438", []),
])
def test_a_press_contacts_block_gives_the_persons_its_lines_open_with(block, names):
    text = "Nordvita and Alpenmed sign an agreement\n\nThe two clusters signed an agreement today.\n\n" + block + "\n"
    layout = read_layout(text, find_candidates(text, "en"))
    found = names_from_contacts(text, layout.contacts_body)
    assert [p.name for p in found] == names
    assert all(p.name in text for p in found)


def test_an_organisation_spelt_another_way_takes_its_records_name():
    text = ("Harbour Life Sciences Association (HLSA) and Nordmed Valley Alliance sign. Jane Roe, CEO of HLSA; "
            "John Doe (NVA); Ann Poe, comunicazione@nordbiosud.it; Eve Moe of North Harbour Biovalley.")
    said = {"Jane Roe": "HLSA", "John Doe": "NVA", "Ann Poe": "Nordbiosud", "Eve Moe": "North Harbour Biovalley"}
    people, _ = build_people([PersonAnswer(name=n, organisation=o) for n, o in said.items()], text, [])
    name_organisations(people, ["Harbour Life Sciences Association", "Nordmed Valley Alliance", "NordBio Sud",
                                "Harbour Biovalley"], text)
    assert [p.organisation for p in people] == [
        "Harbour Life Sciences Association", "Nordmed Valley Alliance", "NordBio Sud", "North Harbour Biovalley"]


def test_a_role_written_next_to_another_person_is_not_theirs():
    text = ('"A milestone," said Dr. Jane Roe, President and CEO of Nordbio. "We are ready," said John Doe, '
            "Executive Director of Medalis, présidente du jury.\n\nContacts\nAnn Poe, Nordbio, apoe@nordbio.ca")
    answers = [PersonAnswer(name="Jane Roe", role="President"),
               PersonAnswer(name="John Doe", role="Executive Director of Medalis"),
               PersonAnswer(name="Ann Poe", role="President and CEO of Nordbio", organisation="Nordbio")]
    people, _ = build_people(answers, text, [])
    assert [(p.name, p.role) for p in people] == [
        ("Jane Roe", "President"), ("John Doe", "Executive Director of Medalis"), ("Ann Poe", None)]


@pytest.mark.parametrize(("role", "organisation", "expected"), [
    ("Geschäftsführerin von NordMed Hessen", None, "NordMed Hessen"),
    ("directeur van het Life Sciences Cluster Oost", None, "Life Sciences Cluster Oost"),
    ("directrice générale de l'Agence Nordbio", None, "Agence Nordbio"),
    ("comunicazione", "Ufficio stampa NMB", "NMB"),
    (None, "Press office", None),
])
def test_the_organisation_comes_from_the_role_and_a_press_office_is_none(role, organisation, expected):
    text = "« Un beau projet », estime Jane Roe."
    people, _ = build_people([PersonAnswer(name="Jane Roe", role=role, organisation=organisation)], text, [])
    assert people[0].organisation == expected


def test_the_persons_own_name_is_no_part_of_their_role():
    text = "Ook gedeputeerde Bart Hoekstra van de provincie Overijssel was aanwezig."
    answer = PersonAnswer(name="Bart Hoekstra", role="gedeputeerde Bart Hoekstra van de provincie Overijssel")
    people, _ = build_people([answer], text, [])
    assert people[0].role == "gedeputeerde van de provincie Overijssel"


def test_a_role_that_names_an_organisation_of_the_release_gives_the_persons_organisation():
    text = "Voor meer informatie: Kees Vos, communicatie Oost Health Cluster, 026 555 4411"
    people, _ = build_people([PersonAnswer(name="Kees Vos", role="communicatie Oost Health Cluster")], text, [])
    name_organisations(people, ["Oost Health Cluster", "Limburg Booster"], text)
    assert people[0].organisation == "Oost Health Cluster"


def test_a_long_organisation_name_the_model_misspelt_is_read_as_the_release_writes_it():
    text = "«Una rete forte», ha dichiarato Paolo Verdi, presidente del Distretto Biomedicale Ferrarese."
    answer = PersonAnswer(name="Paolo Verdi", role="presidente", organisation="Distrettto Biomedicale Ferrarese")
    people, _ = build_people([answer], text, [])
    name_organisations(people, [], text)
    assert people[0].organisation == "Distretto Biomedicale Ferrarese"


def test_a_web_domain_is_a_persons_organisation_only_when_it_spells_one_of_the_release():
    text = "Media enquiries: Tom Ash, tom.ash@nwbio.co.uk. Kim Lee, kim@biowin.org. BioWin counts 300 members."
    answers = [PersonAnswer(name="Tom Ash", organisation="nwbio.co.uk"), PersonAnswer(name="Kim Lee", organisation="biowin.org")]
    people, _ = build_people(answers, text, [])
    name_organisations(people, ["BioWin", "Northwest Health Cluster"], text)
    assert [p.organisation for p in people] == [None, "BioWin"]


def test_a_persons_organisation_drops_its_article_and_an_austrian_title_is_no_part_of_a_name():
    text = "« Être au plus près », a souligné sa présidente, Claire Roy, du pôle Santé Morvan. Sagt Mag. Eva Lind."
    answers = [PersonAnswer(name="Claire Roy", organisation="Le pôle Santé Morvan"), PersonAnswer(name="Mag. Eva Lind")]
    people, _ = build_people(answers, text, [])
    assert [(p.name, p.organisation) for p in people] == [("Claire Roy", "pôle Santé Morvan"), ("Eva Lind", None)]


def test_a_name_only_among_organisations_in_brackets_is_a_company():
    text = ("Nordmed compte 120 entreprises (Acmepharm, Bexalis, GSK, Paul Dufour...). « Nous grandissons », dit Anne "
            "Morel, présidente (Nordmed, Lille).")
    people, _ = build_people([PersonAnswer(name="Paul Dufour"), PersonAnswer(name="Anne Morel")], text, [])
    assert [p.name for p in people] == ["Anne Morel"]


def test_a_name_in_brackets_that_say_more_than_a_list_is_a_person():
    text = "Acme Network, Inc. (head office: Lyon, France; chairman: Jean Morel; hereinafter \"Acme\") signed an MOU."
    people, _ = build_people([PersonAnswer(name="Jean Morel", role="chairman")], text, [])
    assert [p.name for p in people] == ["Jean Morel"]


@pytest.mark.parametrize("name", ["Europese Commissie", "Belgische Vereniging van Ziekenhuisdirecteurs", "Nordic Cooperative"])
def test_an_organisation_word_makes_a_name_no_person(name):
    people, _ = build_people([PersonAnswer(name=name)], f"Vandaag sprak {name} over de regio.", [])
    assert people == []


@pytest.mark.parametrize(("text", "said", "name"), [
    ("Le pôle a signé en présence d’Anne-Claire Morel, secrétaire d’État.", "Anne-Claire Morel", "Anne-Claire Morel"),
    ("A firmare l’intesa è stato il presidente Massimo Ferretti.", "Maximo Ferretti", "Massimo Ferretti"),
    ("Namens de universiteit tekende Willem te Brake, vice-voorzitter.", "Willem te Brake", "Willem te Brake"),
])
def test_a_name_after_an_elision_misspelt_or_with_a_dutch_particle_is_the_text_s_person(text, said, name):
    people, _ = build_people([PersonAnswer(name=said)], text, [])
    assert [p.name for p in people] == [name]


def test_a_surname_found_inside_a_name_with_an_apostrophe_is_no_person():
    people, _ = build_people([PersonAnswer(name="Brien Walsh")], "The keynote was given by Paul O’Brien Walsh.", [])
    assert [p.name for p in people] == []


def test_a_name_the_model_gives_the_role_of_a_company_is_no_person():
    text = "Several companies like Novartis, Ferring Pharma and Harbour Biological have set up units there, said Jane Roe."
    people, _ = build_people([PersonAnswer(name="Harbour Biological", role="company"), PersonAnswer(name="Jane Roe")], text, [])
    assert [p.name for p in people] == ["Jane Roe"]


def test_a_role_the_text_writes_beats_the_model_s_misspelling_of_it():
    text = "„We groeien”, zegt Ruud Janssen, voorzitter van Health Hub Oost."
    people, _ = build_people([PersonAnswer(name="Rud Janssen", role="forzitter"), PersonAnswer(name="Ruud Janssen", role="voorzitter")],
                             text, [])
    assert [(p.name, p.role) for p in people] == [("Ruud Janssen", "voorzitter")]
    people, _ = build_people([PersonAnswer(name="Ruud Janssen", role="chairman of Health Hub Oost"),
                              PersonAnswer(name="Ruud Janssen", role="voorzitter")], text, [])
    assert [p.role for p in people] == ["chairman of Health Hub Oost"]


def test_a_name_the_model_also_lists_as_a_person_with_a_role_is_that_person_where_the_text_marks_one():
    text = "Zum Vorstand gehören Jan Kowalczyk, Direktor Institut Nord, BioNord und Ewa Lis, Professorin in Kiel."
    answers = [PersonAnswer(name="Jan Kowalczyk", role="Direktor Institut Nord"), PersonAnswer(name="BioNord", role="Cluster"),
               PersonAnswer(name="Ewa Lis")]
    assert listed_with_a_role("Jan Kowalczyk", answers, text)
    assert not listed_with_a_role("BioNord", answers, text)  # the model's role alone
    assert not listed_with_a_role("Ewa Lis", answers, text)  # no role from the model


def test_a_title_in_the_plural_before_a_name_is_no_part_of_it():
    text = "Zum Vorstand gehören die Professoren Jan Kowalczyk, Direktor Institut Nord, und Ewa Lis."
    people, _ = build_people(names_from_titles(text), text, [])
    assert [p.name for p in people] == ["Jan Kowalczyk"]


@pytest.mark.parametrize(("text", "people"), [
    ("Der Minister überreicht Jan Kowalczyk den Preis in Kiel. Foto:Ewa Lis\n", ["Jan Kowalczyk"]),
    ("Bild: NORDBIO VERBAND / Ewa Lis\n\nJan Kowalczyk leitet den Verband.\n", ["Jan Kowalczyk"]),
    # a caption that names who is in the picture names the release's people
    ("Photo: Jan Kowalczyk signs the charter with Ewa Lis.\n", ["Jan Kowalczyk", "Ewa Lis"]),
])
def test_the_photographer_a_credit_names_is_none_of_the_release_s_people(text, people):
    answers = [PersonAnswer(name="Jan Kowalczyk"), PersonAnswer(name="Ewa Lis")]
    assert [p.name for p in build_people(answers, text, [])[0]] == people
