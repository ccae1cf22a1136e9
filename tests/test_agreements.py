import datetime as dt

import pytest

from extractor.analysis import analyse
from extractor.ask.answers import AgreementAnswer
from extractor.records.agreements import build_agreements

TEXT = """Le cluster et la Région Normandie renouvellent la convention avec la filière pharmaceutique

Giverny, le 6 octobre 2020

Polepharma et la Région Normandie ont renouvelé la convention sur la période 2020-2022. Ce programme se traduit par un budget global de plus de 2 000 000 € sur 3 ans. Polepharma officialise ce jour des accords avec Medicen et Gipso, signés ce jeudi 8 octobre.

A propos de POLEPHARMA

Polepharma est le 1er cluster pharmaceutique en Europe.
"""


def build(answers, text=TEXT, people=(), clusters=()):
    return build_agreements(answers, analyse(text), list(people), list(clusters))


def test_headline_agreement_gets_period_budget_and_renewal():
    agreements, flags = build([AgreementAnswer(kind="convention", parties=["Polepharma", "Région Normandie"], date=None)])
    (agreement,) = agreements
    assert agreement.kind.value == "renewal"
    assert agreement.signed_on == dt.date(2020, 10, 6)
    assert (agreement.period.start, agreement.period.end) == (dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert agreement.budget.amount == 2000000 and agreement.budget.currency == "EUR"
    assert agreement.budget.qualifier.value == "at_least"
    assert agreement.place == "Giverny"
    assert TEXT[agreement.evidence.start:agreement.evidence.end] == agreement.evidence.text
    assert [f.code for f in flags] == ["signed_on_assumed"]


def test_date_as_written_is_read_against_the_release_date():
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Polepharma", "Medicen"], date="jeudi 8 octobre")])
    assert agreements[0].signed_on == dt.date(2020, 10, 8)


def test_repeated_answers_merge_and_unknown_parties_are_dropped():
    agreements, flags = build([
        AgreementAnswer(kind="partnership", parties=["Polepharma", "Gipso"], date=None),
        AgreementAnswer(kind="alliance", parties=["Gipso", "Polepharma"], date="8 octobre 2020"),
        AgreementAnswer(kind="mou", parties=["Polepharma", "Atlantis Bio"], date=None),
    ])
    assert [a.parties for a in agreements] == [["Polepharma", "Gipso"]]
    assert agreements[0].signed_on == dt.date(2020, 10, 8)
    assert "ungrounded" in [f.code for f in flags]


def test_focus_areas_come_from_a_counted_list_of_areas():
    text = ("Namur, 18 October 2023 - BioWin and Polepharma have formalised their partnership. "
            "The agreement focuses on three key areas: human resources, biomanufacturing and biomedical research projects.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["BioWin", "Polepharma"])], text)
    assert agreements[0].focus_areas == ["human resources", "biomanufacturing", "biomedical research projects"]


def test_the_period_and_budget_go_to_the_agreement_the_title_names():
    agreements, _ = build([
        AgreementAnswer(kind="partnership", parties=["Polepharma", "Medicen"]),
        AgreementAnswer(kind="convention", parties=["Polepharma", "Région Normandie"]),
    ])
    medicen, normandie = agreements
    assert medicen.period is None and medicen.budget is None
    assert normandie.period is not None and normandie.budget.amount == 2000000


FOUR = ("Quatre pôles de compétitivité viennent d’officialiser, le 19 mai 2022, la création d’une alliance baptisée "
        "Enosis Santé. Aucun des pôles fondateurs, qu’il s’agisse de Biovalley France dans le Grand Est, d’Eurobiomed "
        "pour la région Sud, de Lyonbiopôle Auvergne-Rhône-Alpes ou de Medicen Paris Région, ne cessera ses travaux.")


def test_pairwise_answers_about_one_signing_are_one_agreement():
    agreements, _ = build([
        AgreementAnswer(kind="alliance", parties=["Biovalley France", "Eurobiomed"]),
        AgreementAnswer(kind="alliance", parties=["Lyonbiopôle Auvergne-Rhône-Alpes", "Medicen Paris Région"]),
    ], FOUR)
    (alliance,) = agreements
    assert alliance.parties == ["Biovalley France", "Eurobiomed", "Lyonbiopôle Auvergne-Rhône-Alpes", "Medicen Paris Région"]
    assert alliance.decided_by.value == "merged"
    assert alliance.signed_on == dt.date(2022, 5, 19)


def test_parties_lose_descriptors_and_events_places_people_are_no_parties():
    text = ("Graz, 3 March 2023 - BioNorth signed a cooperation agreement with Acme Bio from Styria (Austria) at BIO 2023 "
            "in Boston, in the presence of Jane Miller.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["BioNorth", "Acme Bio from Styria (Austria)"]),
                           AgreementAnswer(kind="partnership", parties=["BioNorth", "BIO 2023", "Boston", "Jane Miller"])],
                          text, people=["Jane Miller"])
    assert [a.parties for a in agreements] == [["BioNorth", "Acme Bio"]]


def test_a_deal_no_sentence_states_is_no_agreement():
    text = "Genopole a vingt ans. Illumina a décidé de s’implanter à Genopole. Nous avons signé un accord avec Neomed."
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Genopole", "Illumina"]),
                           AgreementAnswer(kind="partnership", parties=["Genopole", "Neomed"])], text)
    assert [a.parties for a in agreements] == [["Genopole", "Neomed"]]


def test_a_day_without_year_stays_unknown_without_a_release_date():
    text = "Lyonbiopôle et bioXclusters ont signé, mardi 8 novembre, un accord de coopération avec Osaka Bio Headquarters."
    agreements, _ = build([AgreementAnswer(kind="mou", parties=["bioXclusters", "Osaka Bio Headquarters"], date="mardi 8 novembre")], text)
    assert agreements[0].signed_on is None


def test_a_party_must_be_named_where_the_agreement_is_stated_unless_it_is_the_release_s_own_voice():
    text = ("Biovalley fête ses dix ans cette année\n\nLes régions accueillent Novartis et Roche. Biovalley organise des rencontres et propose "
            "des programmes de coopération. Biovalley pilote aussi un pôle.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Roche", "Biovalley"])], text)
    assert agreements == []


def test_a_name_that_is_a_common_word_and_its_place_keeps_its_place():
    text = ("Brest, 3 May 2024 - Nordbio and the City of Halden signed a memorandum of understanding today. Halden hosts forty firms. "
            "Nordbio also signed a cooperation agreement with the Université de Brest.")
    agreements, _ = build([AgreementAnswer(kind="mou", parties=["Nordbio", "City of Halden"]),
                           AgreementAnswer(kind="partnership", parties=["Nordbio", "Université de Brest"])], text)
    assert [a.parties for a in agreements] == [["Nordbio", "City of Halden"], ["Nordbio", "Université de Brest"]]


def test_one_signing_told_twice_with_a_longer_name_is_one_agreement():
    text = ("Nordbio concluded a memorandum of understanding with Halden, Viken on 30 August 2024. "
            "For Nordbio, this is the second MOU with a municipality. "
            "The City of Halden promotes life sciences. Nordbio and the City of Halden will hold joint events under the agreement.")
    agreements, _ = build([AgreementAnswer(kind="mou", parties=["Nordbio", "Halden", "Viken"]),
                           AgreementAnswer(kind="mou", parties=["Nordbio", "City of Halden"])], text)
    assert [a.parties for a in agreements] == [["Nordbio", "Halden", "Viken"]]


def test_parties_that_share_only_a_place_stay_apart():
    text = ("Oslo, 2 May 2024 - Acme Pharma, Fjord Cancer Cluster and Fjord Science City signed a collaboration "
            "agreement today.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Acme Pharma", "Fjord Cancer Cluster", "Fjord Science City"])], text)
    assert [a.parties for a in agreements] == [["Acme Pharma", "Fjord Cancer Cluster", "Fjord Science City"]]


def test_a_pair_the_model_gives_from_a_listed_three_way_signing_gets_the_third_party():
    text = ("OSLO--(BUSINESS WIRE)--NordBio, BalticHealth, and Invest Riga are pleased to announce a new Memorandum of "
            "Understanding (MOU) to enhance cooperation between their life sciences sectors.\n\nThe MOU provides a framework.")
    agreements, _ = build([AgreementAnswer(kind="mou", parties=["NordBio", "BalticHealth"], date=None)], text)
    assert [a.parties for a in agreements] == [["NordBio", "BalticHealth", "Invest Riga"]]


def test_an_agreement_between_two_named_parties_is_theirs_alone():
    text = ("Bilancio della rete AlpiBio, ente gestore del Polo. AlpiBio ha chiuso l'anno in crescita. AlpiBio conta 80 soci.\n\n"
            "Appena siglato il rinnovo dell'accordo quadro tra Regione Alpina e Regione Valle Verde in materia di ricerca.")
    answers = [AgreementAnswer(kind="convention", parties=["AlpiBio", "Regione Alpina"], date=None),
               AgreementAnswer(kind="convention", parties=["AlpiBio", "Regione Valle Verde"], date=None)]
    agreements, _ = build(answers, text)
    assert [a.parties for a in agreements] == [["Regione Alpina", "Regione Valle Verde"]]


def test_a_list_that_leaves_out_a_party_named_in_its_passage_is_not_the_party_list():
    text = ("Meldung\n16.03.2022\n\nDabei wurde ein Vertrag zwischen dem bayerischen Ministerium für Gesundheit, Nordcluster "
            "und dem Digitalzentrum Süd unterzeichnet.")
    answers = [AgreementAnswer(kind="partnership", parties=["bayerischen Ministerium für Gesundheit", "Nordcluster",
                                                             "Digitalzentrum Süd"], date=None)]
    agreements, _ = build(answers, text)
    assert [a.parties for a in agreements] == [["bayerischen Ministerium für Gesundheit", "Nordcluster", "Digitalzentrum Süd"]]


def test_the_date_of_the_visit_in_the_sentence_before_dates_the_signing():
    text = ("Meldung\n16.03.2022\n\nDer Minister besuchte am 10. März 2022 das Nordcluster in Kiel. Dort unterzeichneten "
            "das Ministerium für Wirtschaft und Nordcluster einen Kooperationsvertrag.\n\nDas Ziel ist klar.")
    answers = [AgreementAnswer(kind="partnership", parties=["Ministerium für Wirtschaft", "Nordcluster"], date=None)]
    agreements, flags = build(answers, text)
    assert agreements[0].signed_on == dt.date(2022, 3, 10) and flags == []


def test_an_earlier_passage_that_names_every_party_dates_the_signing():
    text = ("Meldung\n16.03.2022\n\nDer Minister für Wirtschaft besuchte am 10. März 2022 Nordcluster in Kiel. Dort "
            "unterzeichnete er einen Kooperationsvertrag.\n\nDas Ziel ist klar. Dabei wurde ein Kooperationsvertrag zwischen "
            "dem Ministerium für Wirtschaft und Nordcluster unterzeichnet.")
    answers = [AgreementAnswer(kind="partnership", parties=["Ministerium für Wirtschaft", "Nordcluster"], date=None)]
    agreements, flags = build(answers, text)
    assert agreements[0].signed_on == dt.date(2022, 3, 10) and flags == []


def test_an_earlier_signing_with_another_partner_does_not_date_this_one():
    text = ("Nouvelles de la filière\n\nParis, le 6 octobre 2020\n\nLe 3 mars 2019, Alpha et la Région Ouest ont signé une "
            "convention.\n\nAlpha officialise un accord de partenariat avec Beta.")
    answers = [AgreementAnswer(kind="partnership", parties=["Alpha", "Beta"], date=None)]
    agreements, flags = build(answers, text)
    assert agreements[0].signed_on == dt.date(2020, 10, 6) and [f.code for f in flags] == ["signed_on_assumed"]


@pytest.mark.parametrize(
    ("when", "signed_on"),
    [("am 20. November 2023", dt.date(2023, 11, 20)), ("heute", dt.date(2023, 11, 21))],
)
def test_a_lead_that_opens_with_the_dateline_is_dated_by_its_other_date_else_by_the_dateline(when, signed_on):
    text = ("Nordcluster und Alpenbio vereinbaren Partnerschaft\n\nKiel, 21. November 2023 – Nordcluster und Alpenbio haben "
            f"{when} eine Kooperationsvereinbarung unterzeichnet.\n\nDas Ziel ist klar.")
    answers = [AgreementAnswer(kind="partnership", parties=["Nordcluster", "Alpenbio"], date=None)]
    agreements, flags = build(answers, text)
    assert agreements[0].signed_on == signed_on and flags == []


def test_a_party_that_is_a_person_with_a_role_before_the_name_is_no_party():
    text = ("Nordcluster: Besuch des Wirtschaftsministers\n\nKiel, 16.03.2022\n\nDort unterzeichnete Wirtschaftsminister "
            "Karl Berger gemeinsam mit Nordcluster und dem Digitalzentrum Süd einen Kooperationsvertrag.")
    answers = [AgreementAnswer(kind="partnership", parties=["Nordcluster", "Wirtschaftsminister Karl Berger", "Digitalzentrum Süd"])]
    agreements, _ = build(answers, text, people=["Karl Berger"])
    assert [a.parties for a in agreements] == [["Nordcluster", "Digitalzentrum Süd"]]


@pytest.mark.parametrize(("text", "answered", "parties"), [
    ("Dabei wurde ein Vertrag zwischen dem bayerischen Ministerium für Gesundheit, Nordcluster und dem Digitalzentrum "
     "Süd unterzeichnet.", ["Nordcluster", "Digitalzentrum Süd"],
     ["Ministerium für Gesundheit", "Nordcluster", "Digitalzentrum Süd"]),
    ("Se firmó un convenio entre la Consejería de Salud, BioSur y el Instituto para la Innovación Sanitaria.",
     ["BioSur", "Instituto para la Innovación Sanitaria"],
     ["Consejería de Salud", "BioSur", "Instituto para la Innovación Sanitaria"]),
    ("È stato firmato un protocollo d'intesa tra il Ministero dello Sviluppo Economico, AlpiBio e la Regione Valle Verde.",
     ["AlpiBio", "Regione Valle Verde"], ["Ministero dello Sviluppo Economico", "AlpiBio", "Regione Valle Verde"]),
    ("Dabei wurde ein Vertrag zwischen Nordcluster, Alpenbio und Øresund Health unterzeichnet.",
     ["Nordcluster", "Alpenbio"], ["Nordcluster", "Alpenbio", "Øresund Health"]),
])
def test_a_list_after_between_gives_every_party_with_the_linking_words_of_its_names(text, answered, parties):
    """A model that leaves out a ministry ("dem bayerischen Ministerium für Gesundheit") gets it from the list:
    the adjective before its name is no part of it, the linking words inside it are."""
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=answered, date=None)], "Meldung\n\n" + text)
    assert [a.parties for a in agreements] == [parties]


def test_a_region_and_a_foundation_named_after_it_are_two_parties():
    text = ("Comunicato stampa\n\nSiena, 20 marzo 2025 – È stato firmato oggi il protocollo d'intesa tra la Fondazione "
            "Valdelsa Scienze, la Regione Valdelsa e l'Università di Poggio.")
    answers = [AgreementAnswer(kind="partnership", parties=["Valdelsa Scienze", "Università di Poggio"], date=None)]
    agreements, _ = build(answers, text)
    assert [a.parties for a in agreements] == [["Valdelsa Scienze", "Regione Valdelsa", "Università di Poggio"]]


@pytest.mark.parametrize("lead", [
    "BioSur y la Asociación Alpina han firmado hoy un acuerdo de colaboración.",
    "BioSur and Alpina Association today signed a Memorandum of Understanding.",
    "BioSur e l'Associazione Alpina hanno firmato oggi un protocollo d'intesa.",
])
def test_a_signing_said_to_be_today_is_dated_by_the_release_without_a_flag(lead):
    text = f"Nota de prensa\n\nBilbao, 8 de abril de 2025.\n\n{lead}\n\nEl objetivo es claro."
    parties = ["BioSur", next(p for p in ("Asociación Alpina", "Alpina Association", "Associazione Alpina") if p in lead)]
    agreements, flags = build([AgreementAnswer(kind="partnership", parties=parties, date=None)], text)
    assert agreements[0].signed_on == dt.date(2025, 4, 8) and flags == []



@pytest.mark.parametrize(("text", "signed_on"), [
    # a weekday named alone is the last such day before the release
    ("Hannover, 5. März 2025 – Nordcluster und Alpenbio haben am Dienstag ihre Kooperationsvereinbarung verlängert.",
     dt.date(2025, 3, 4)),
    ("Delft, 22 september 2025 – Op de beurs is vrijdag een intentieverklaring getekend tussen Nordcluster en Alpenbio.",
     dt.date(2025, 9, 19)),
    ("Boston, June 12, 2025 – Nordcluster and Alpenbio signed a partnership agreement on Thursday.", dt.date(2025, 6, 12)),
    # "yesterday" is the day before the release, read in the release's language
    ("Roma, 6 ottobre 2025 – Nordcluster e Alpenbio hanno sottoscritto ieri un protocollo d'intesa.", dt.date(2025, 10, 5)),
    ("Paris, le 6 octobre 2025 – Nordcluster et Alpenbio ont signé hier un accord de partenariat.", dt.date(2025, 10, 5)),
    # German "hier" is "here", not French "yesterday"
    ("Kiel, 6. Oktober 2025 – Nordcluster und Alpenbio haben hier eine Vereinbarung unterzeichnet.", dt.date(2025, 10, 6)),
])
def test_a_day_said_in_words_in_the_lead_dates_the_signing(text, signed_on):
    agreements, flags = build([AgreementAnswer(kind="partnership", parties=["Nordcluster", "Alpenbio"], date=None)],
                              "Note\n\n" + text + "\n\nEnd.")
    assert agreements[0].signed_on == signed_on and flags == []


def test_a_title_signing_is_dated_by_the_lead_past_a_dateline_of_its_own():
    text = ("Nordcluster y la Fundación Alpenbio firman un convenio\n\nBurgos, 14 de mayo de 2025.\n\nNordcluster y la "
            "Fundación Alpenbio han firmado este martes un convenio de colaboración.\n\nEl objetivo es claro.")
    agreements, flags = build([AgreementAnswer(kind="partnership", parties=["Nordcluster", "Fundación Alpenbio"], date=None)],
                              text)
    assert agreements[0].signed_on == dt.date(2025, 5, 13) and flags == []


@pytest.mark.parametrize(("later", "signed_on"), [
    ("The MOU was signed on June 9 during the BIO convention in Boston.", dt.date(2025, 6, 9)),
    # an earlier signing recalled in the next sentence is no date of this one: the lead's dateline dates it
    ("The first MOU was signed on June 9, 2019 in Boston.", dt.date(2025, 6, 10)),
    # a sentence that opens on a name tells another signing
    ("Nordcluster also signed an agreement with Baltica on June 2.", dt.date(2025, 6, 10)),
])
def test_a_headline_signing_is_dated_by_a_later_sentence_about_the_agreement(later, signed_on):
    text = ("Nordcluster and Alpenbio Sign MOU\n\nHALIFAX--(BUSINESS WIRE)--June 10, 2025--Nordcluster and Alpenbio are "
            f"pleased to announce a Memorandum of Understanding.\n\n{later}")
    agreements, flags = build([AgreementAnswer(kind="mou", parties=["Nordcluster", "Alpenbio"], date=None)], text)
    assert agreements[0].signed_on == signed_on and flags == []


def test_a_later_sentence_about_the_new_agreement_dates_the_headline_signing():
    text = ("Rinnovato l'accordo tra Nordcluster e Alpenbio\n\nGenova, 25 marzo 2026 – Nordcluster e Alpenbio hanno "
            "rinnovato per altri tre anni l'accordo firmato per la prima volta nel 2023. Il nuovo accordo è stato firmato "
            "il 12 marzo scorso a Genova.\n\nFine.")
    agreements, flags = build([AgreementAnswer(kind="renewal", parties=["Nordcluster", "Alpenbio"], date=None)], text)
    assert agreements[0].signed_on == dt.date(2026, 3, 12) and flags == []


@pytest.mark.parametrize(("text", "parties"), [
    ("Marseille, le 8 avril 2026 – Les pôles Nordsanté, Rivabio et Alpimed ainsi que la Région Sud ont signé le "
     "7 avril une lettre d'intention.", ["Nordsanté", "Rivabio", "Alpimed", "Région Sud"]),
    ("Leeds, 8 April 2026 – The clusters Nordsanté and Rivabio as well as the Alpimed Network signed a letter of "
     "intent on 7 April.", ["Nordsanté", "Rivabio", "Alpimed Network"]),
])
def test_a_list_of_parties_after_their_kind_in_the_plural_and_with_as_well_as_is_read_whole(text, parties):
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=[parties[0], parties[-1]], date=None)], text)
    assert [a.parties for a in agreements] == [parties]


def test_an_apposition_in_a_possessive_after_a_party_is_no_party():
    text = ("Leeds, 2 September 2025 – The Nordbio Network (NBN) and Alpen Invest, the Alpine Government's agency for "
            "health innovation, have signed a Memorandum of Understanding.")
    agreements, _ = build([AgreementAnswer(kind="mou", parties=["Nordbio Network", "Alpen Invest"], date=None)], text)
    assert [a.parties for a in agreements] == [["Nordbio Network", "Alpen Invest"]]


@pytest.mark.parametrize(("text", "answered"), [
    ("Trois questions à Anne Roy, directrice de Nordsanté Cluster\n\nLyon, le 5 février 2026\n\nNordsanté Cluster compte "
     "260 adhérents. Ma priorité est l'international : nous venons de signer un accord avec le cluster suisse Alpimed, et "
     "nous préparons un rapprochement avec Rivabio.", ["Alpimed", "Rivabio"]),
    ("Five questions for Dan Roe, CEO of Nordsanté Cluster\n\nSEATTLE, Feb. 10, 2026 – Dan Roe took the helm of Nordsanté "
     "Cluster on February 1.\n\nLast month we signed a memorandum of understanding with the Scandinavian cluster Alpimed "
     "Alliance, and we are exploring a partnership with Rivabio.", ["Nordsanté Cluster", "Alpimed Alliance"]),
])
def test_the_release_s_own_voice_signs_with_the_partner_of_its_we_signed(text, answered):
    partner = answered[0] if answered[0] != "Nordsanté Cluster" else answered[1]
    answers = [AgreementAnswer(kind="partnership", parties=answered),
               AgreementAnswer(kind="partnership", parties=["Nordsanté Cluster", "Rivabio"])]
    agreements, _ = build(answers, text, clusters=["Nordsanté Cluster"])
    assert [a.parties for a in agreements] == [["Nordsanté Cluster", partner]]


def test_two_names_given_as_one_party_are_two_parties_and_an_address_is_none():
    text = ("Milano, 14 ottobre 2025 – Il Cluster Alpino Scienze della Vita e la Regione Valle Verde hanno siglato lunedì "
            "un accordo.\n\nPer informazioni: comunicazione@clusteralpino.it")
    answered = ["Cluster Alpino Scienze della Vita e la Regione Valle Verde", "comunicazione@clusteralpino.it"]
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=answered, date=None)], text)
    assert [a.parties for a in agreements] == [["Cluster Alpino Scienze della Vita", "Regione Valle Verde"]]


@pytest.mark.parametrize(("text", "answered", "parties"), [
    # "de" joins a name the release never uses in short
    ("Nantes, le 18 novembre 2025 – Atlanbio et la Région Pays de la Loire ont signé lundi un accord-cadre.",
     ["Atlanbio", "Région Pays de la Loire"], ["Atlanbio", "Région Pays de la Loire"]),
    # "de" describes a party the release also names alone
    ("Graz, 3 mars 2025 – BioNord a signé un accord avec Acmebio de Styrie. Acmebio compte 40 salariés.",
     ["BioNord", "Acmebio de Styrie"], ["BioNord", "Acmebio"]),
    # the list's full name and the model's short form are one party; the elided article is no part of the name
    ("Roma, 6 ottobre 2025 – Il Cluster Alpino, il Consorzio BioNord e l'Università di Roma Tor Vergata hanno "
     "sottoscritto ieri un protocollo d'intesa.", ["Cluster Alpino", "Consorzio BioNord", "Università Tor Vergata"],
     ["Cluster Alpino", "Consorzio BioNord", "Università di Roma Tor Vergata"]),
])
def test_a_party_keeps_the_words_of_its_name(text, answered, parties):
    title = "Accordo con l'Università Tor Vergata" if "Vergata" in text else "Note"
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=answered, date=None)], f"{title}\n\n{text}")
    assert [a.parties for a in agreements] == [parties]


@pytest.mark.parametrize("text", [
    "Lille, le 3 mars 2025 – Les accords de partenariat que Nordbio officialise ce jour avec Medalis et Santeo "
    "renforcent la filière.",
    "Boston, March 3, 2025 - Harborbio signed cooperation agreements with Medalis and Santeo today.",
    "Torino, 3 marzo 2025 – Piemontebio ha firmato oggi accordi con Medalis e Santeo.",
])
def test_agreements_in_the_plural_with_partners_are_one_signing_each(text):
    hub = next(name for name in ("Nordbio", "Harborbio", "Piemontebio") if name in text)
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=[hub, "Medalis", "Santeo"])], text)
    assert [a.parties for a in agreements] == [[hub, "Medalis"], [hub, "Santeo"]]


@pytest.mark.parametrize(("text", "answered"), [
    ("Lille, le 26 septembre 2025 – Le cluster Nordbio a officialisé cette semaine deux partenariats. Le premier a été "
     "signé le 22 septembre avec le cluster québécois Medalis, pour l'accueil de start-up. Le second, conclu le "
     "24 septembre avec Santeo, vise des projets européens.", ["Medalis", "Santeo"]),
    ("Boston, September 26, 2025 - Nordbio signed two partnerships this week. The first, signed on September 22 with "
     "the Canadian cluster Medalis, covers start-ups. The second was concluded on September 24 with Santeo.",
     ["Nordbio", "Medalis", "Santeo"]),
    ("Leeds, 26 September 2025 – Nordbio has signed two international agreements this year. On 22 September 2025 "
     "it signed a memorandum with Medalis in Montreal, and on 24 September 2025 it concluded a partnership with the "
     "Santeo network in Valencia.", ["Medalis", "Santeo"]),
])
def test_agreements_told_one_by_one_are_the_subjects_signings_with_each_partner(text, answered):
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=answered)] * 2, text, clusters=["Nordbio"])
    assert [(a.parties, a.signed_on) for a in agreements] == [
        (["Nordbio", "Medalis"], dt.date(2025, 9, 22)), (["Nordbio", "Santeo"], dt.date(2025, 9, 24))]


def test_partners_told_one_by_one_without_agreements_in_the_plural_stay_as_answered():
    text = ("Lille, le 26 septembre 2025 – Nordbio, Medalis et Santeo ont signé un accord. Nordbio travaille déjà "
            "avec Medalis. Santeo a rejoint le projet avec Medalis.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Nordbio", "Medalis", "Santeo"])], text,
                          clusters=["Nordbio"])
    assert [a.parties for a in agreements] == [["Nordbio", "Medalis", "Santeo"]]


@pytest.mark.parametrize("text", [
    # One agreement of three, though "with" sits between them.
    "Boston, March 3, 2025 - Harborbio signed a cooperation agreement with Medalis and Santeo today.",
    # Two organisations sign with a third: not one organisation's agreements with each partner.
    "Boston, March 3, 2025 - Harborbio and Medalis signed agreements with Santeo today.",
])
def test_one_signing_of_three_stays_whole(text):
    parties = ["Harborbio", "Medalis", "Santeo"]
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=parties)], text)
    assert [a.parties for a in agreements] == [parties]


@pytest.mark.parametrize(("text", "end"), [
    ("Glasgow, 2 December 2025 – Harborbio and Medalis have renewed their cooperation agreement. "
     "The renewed agreement runs until December 2028.", dt.date(2028, 12, 31)),
    ("Lyon, le 3 mars 2025 – Nordbio et Medalis renouvellent leur convention jusqu’en 2027.", dt.date(2027, 12, 31)),
    ("Kiel, 3. März 2025 – Nordbio und Medalis haben ihre Kooperationsvereinbarung bis zum 30. Juni 2027 verlängert.",
     dt.date(2027, 6, 30)),
    ("Madrid, 3 de marzo de 2025 – Nordbio y Medalis firman un convenio vigente hasta diciembre de 2028.",
     dt.date(2028, 12, 31)),
    ("Torino, 3 marzo 2025 – Nordbio e Medalis hanno firmato un protocollo d'intesa valido fino al 2027.",
     dt.date(2027, 12, 31)),
])
def test_a_term_given_by_its_end_alone_has_no_start(text, end):
    parties = next([name, "Medalis"] for name in ("Harborbio", "Nordbio") if name in text)
    (agreement,), _ = build([AgreementAnswer(kind="partnership", parties=parties)], text)
    assert (agreement.period.start, agreement.period.end) == (None, end)


def test_until_outside_an_agreement_sentence_is_no_term():
    text = "Boston, 3 March 2025 – Harborbio and Medalis signed an agreement today. The exhibition runs until May 2025."
    (agreement,), _ = build([AgreementAnswer(kind="partnership", parties=["Harborbio", "Medalis"])], text)
    assert agreement.period is None


def test_a_party_named_from_the_contacts_line_signs_under_its_cluster_name():
    text = ("Kiel, 8. Juli 2025 – Das Netzwerk NordMed und der Cluster Alpenbio haben eine Partnerschaft vereinbart. "
            "Sie wurde in Kiel unterzeichnet.\n\nNordMed zählt 150 Mitglieder.\n\n"
            "Kontakt: NordMed Cluster Development GmbH, Presse, presse@nordmed.de")
    answer = AgreementAnswer(kind="partnership", parties=["NordMed Cluster Development GmbH", "Alpenbio"])
    (agreement,), _ = build_agreements([answer], analyse(text), [], ["NordMed", "Alpenbio"])
    assert agreement.parties == ["NordMed", "Alpenbio"]
    (kept,), _ = build_agreements([answer], analyse(text), [], ["Alpenbio"])
    assert kept.parties == ["Alpenbio", "NordMed Cluster Development GmbH"]


@pytest.mark.parametrize("text", [
    "Monterrey, 4 de marzo de 2025.- El Clúster Médico Norteño celebró su asamblea. Durante la asamblea se firmó un "
    "convenio de colaboración con la Universidad Politécnica (UNIPOL).",
    "Lille, le 4 mars 2025 – Le pôle Nordmed a tenu son assemblée. À cette occasion, une convention a été signée avec "
    "l'Université du Littoral (UNILIT).",
])
def test_a_signing_with_one_partner_and_no_signatory_is_the_release_s_one_cluster_s(text):
    cluster = "Clúster Médico Norteño" if "Clúster" in text else "Nordmed"
    partner = "UNIPOL" if "UNIPOL" in text else "UNILIT"
    (agreement,), _ = build([AgreementAnswer(kind="partnership", parties=[partner])], text, clusters=[cluster])
    assert agreement.parties == [cluster, partner]
    assert build([AgreementAnswer(kind="partnership", parties=[partner])], text, clusters=[cluster, "Biovaldo"])[0] == []


def test_a_party_named_after_the_sentence_of_a_partnership_between_two_others_signed_nothing():
    text = ("Nordvita Alliance is a non-profit membership organisation.\n\nIts vision is becoming a reality as the new "
            "partnership between Genomics North and the National Genome Centre was announced this month. Nordvita "
            "Alliance noted that more will follow.")
    answer = AgreementAnswer(kind="partnership", parties=["Nordvita Alliance", "Genomics North", "National Genome Centre"])
    (agreement,), _ = build([answer], text, clusters=["Nordvita Alliance"])
    assert agreement.parties == ["Genomics North", "National Genome Centre"]


def test_an_agreement_word_inside_a_capitalised_name_states_no_agreement():
    text = ("Nordalps est une association de la région. La conférence du 30 novembre au Swiss Tech Convention Center de "
            "l’EPFZ ne plongera pas dans l’histoire de l’association.")
    assert build([AgreementAnswer(kind="partnership", parties=["Nordalps", "EPFZ"])], text, clusters=["Nordalps"])[0] == []


def test_a_german_compound_of_an_agreement_word_states_the_agreement():
    text = "Konkret schlossen der BioCampus Nordstadt und der Südpark Life Science ein Kooperationsabkommen ab."
    (agreement,), _ = build([AgreementAnswer(kind="partnership", parties=["BioCampus Nordstadt", "Südpark Life Science"])], text)
    assert agreement.parties == ["BioCampus Nordstadt", "Südpark Life Science"]


@pytest.mark.parametrize(("text", "answered", "parties"), [
    ("Fondazione Nordvita: un accordo con ALBA e CL.NOR.\n\nLo scorso 30 ottobre la Fondazione Nordvita (istituto di "
     "ricerca) ha siglato un accordo con ALBA e con CL.NOR. La Fondazione Nordvita ne è lieta.",
     ["ALBA", "CL.NOR"], [["ALBA", "CL.NOR", "Fondazione Nordvita"]]),
    ("Leeds, 3 March 2025 – The Northern Care Alliance (NCA) has signed an MoU with Harbour Health in Australia and "
     "another MoU with Scan Health and Westcare in Canada. The Northern Care Alliance will host both.",
     ["Harbour Health", "Scan Health", "Westcare"],
     [["Northern Care Alliance", "Harbour Health"], ["Northern Care Alliance", "Scan Health", "Westcare"]]),
])
def test_partners_after_with_sign_with_the_organisation_the_sentence_names_before(text, answered, parties):
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=answered)], text)
    assert [a.parties for a in agreements] == parties


def test_a_capitalised_phrase_opening_the_sentence_is_no_signatory():
    text = "Monterrey, 4 de marzo de 2025.- Durante la Asamblea se firmó un convenio con la Universidad Norteña (UNOR)."
    assert build([AgreementAnswer(kind="partnership", parties=["UNOR"])], text)[0] == []


def test_an_alliance_told_by_the_german_buendnis_states_the_agreement():
    text = ("Vier Cluster gaben ein Bündnis bekannt.\n\nDem für zwei Jahre geschlossenen Bündnis mit dem Namen Nordic Medtech "
            "Alliance (NMA) gehören Nordbio, Alpmed und Medalis an.")
    (agreement,), _ = build([AgreementAnswer(kind="alliance", parties=["Nordbio", "Alpmed", "Medalis"])], text)
    assert agreement.parties == ["Nordbio", "Alpmed", "Medalis"]


def test_a_name_opening_the_release_s_first_sentence_signs_with_the_partner_after_with():
    text = ("Nordica Park annuncia la firma di un Memorandum of Understanding con Harbour Bio, la più grande organizzazione "
            "delle scienze della vita della regione, attiva da oltre 30 anni nel supporto allo sviluppo dell’ecosistema.\n"
            "Grazie a questo accordo prende forma il percorso di internazionalizzazione del cluster Alpmed, creando un "
            "collegamento tra le imprese della regione e uno dei cluster più innovativi a livello globale.")
    (agreement,), _ = build([AgreementAnswer(kind="partnership", parties=["Harbour Bio"])], text, clusters=["Alpmed"])
    assert agreement.parties == ["Nordica Park", "Harbour Bio"]


def test_where_a_party_is_said_to_be_in_brackets_is_no_part_of_its_name():
    text = ("Le pôle Nordsanté (Hauts-de-France, France) et le Harbor Biotech Council (HBC) ont signé un accord de "
            "coopération.")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Pôle Nordsanté (Hauts-de-France, France)",
                                                                          "Harbor Biotech Council (HBC)"])], text)
    assert [a.parties for a in agreements] == [["pôle Nordsanté", "Harbor Biotech Council (HBC)"]]


def test_the_sentence_where_two_organisations_agree_is_the_agreement_s_passage():
    # no title: the release opens on a paragraph longer than any title
    text = ("La Universidad del Valle, a través de su Facultad de Química, y la Asociación Norte de Laboratorios A.C. "
            "(ANOLA) acordaron desarrollar investigaciones conjuntas, dar cursos de capacitación en farmacovigilancia y "
            "bioequivalencia y difundir publicaciones conjuntas.\nEl convenio, firmado por la directora de la Facultad, Ana Ruiz, y el presidente "
            "de ANOLA, Luis Mora, prevé cursos de capacitación.\nLa Facultad cuenta con 20 mil alumnos.\n")
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Universidad del Valle", "ANOLA"])], text,
                          people=["Ana Ruiz", "Luis Mora"])
    assert [a.parties for a in agreements] == [["Universidad del Valle", "ANOLA"]]


def test_an_agreement_its_parties_sign_as_a_group_is_read_with_the_sentence_that_lists_them():
    text = ("Leiden krijgt een nieuwe campus\n\nDe campus wordt vandaag geopend door vier partijen: Universiteit Delta, "
            "Zorgbank Noord, gemeente Leiden en Provincie Zuid-Holland. Om tien uur wordt door de vier partners een "
            "samenwerkingsovereenkomst ondertekend.\n")
    parties = ["Universiteit Delta", "Zorgbank Noord", "gemeente Leiden", "Provincie Zuid-Holland"]
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=parties)], text)
    assert [a.parties for a in agreements] == [parties]
    # a sentence that calls no group of partners is no reason to read the one before it
    alone = text.replace("door de vier partners ", "")
    assert build([AgreementAnswer(kind="partnership", parties=parties)], alone)[0] == []


def test_answers_that_share_a_party_named_only_in_the_title_are_one_signing_when_the_passage_lists_the_rest():
    text = ("NVG ondertekent overeenkomst met Ohio\n\n12-05-2023\n\nDe directeur van NVG was een van de ondertekenaars van "
            "de nieuwe samenwerkingsovereenkomst. Een delegatie uit Ohio was naar Nederland gekomen.\n\nDe overeenkomst werd ook ondertekend door OhioBio, de Keller Foundation "
            "en BioNed uit Nederland.\n\nDe delegatie bezocht daarna Utrecht.\n")
    answers = [AgreementAnswer(kind="partnership", parties=["NVG", "OhioBio", other]) for other in ("Keller Foundation", "BioNed")]
    agreements, _ = build(answers, text)
    assert [sorted(a.parties) for a in agreements] == [sorted(["NVG", "OhioBio", "Keller Foundation", "BioNed"])]
