"""find_dateline: the release's publication date, in the ways releases write their dateline, never a date
from the body."""
from __future__ import annotations

import datetime as dt

import pytest

from extractor.candidates import find_candidates
from extractor.layout import find_dateline

D = dt.date
TITLE = "Le pôle de compétitivité signe un accord de partenariat international\n\n"


def dateline_of(text: str, lang: str | None = None):
    return find_dateline(text, find_candidates(text, lang))


@pytest.mark.parametrize(("text", "date", "places"), [
    (TITLE + "Publié le 23 octobre 2014\n\nDans le cadre de la mission conduite le 12 septembre 2014, le pôle a signé.",
     D(2014, 10, 23), ()),
    ("BIOQuébec and MassBio Announce the Renewal of their Agreement\n\nMay 30, 2019\n\n"
     "Philadelphia (Pennsylvania), June 3, 2019 – While participating in the BIO International Convention",
     D(2019, 6, 3), ("Philadelphia", "Pennsylvania")),
    ("Niederländisches Königspaar im Gespräch mit\n\nMedical Valley EMN e. V. – Pressemitteilung vom 14.04.2016\n"
     "Das Königspaar besuchte am 10. März 2016 das Medical Valley Center.",
     D(2016, 4, 14), ()),
    (TITLE + "mars 12 09:30 2015\n\nLe pôle a signé le 10 mars 2015 un accord avec son homologue.",
     D(2015, 3, 12), ()),
    ("Lettre d'information du pôle de compétitivité\nJuin 2008 - n°142\n\nLe 3 juin 2008, le pôle a réuni ses membres.",
     D(2008, 6, 1), ()),
    (TITLE + "PARIS, le 12 mars 2015 - Les deux pôles ont signé le 10 mars 2015 une convention.",
     D(2015, 3, 12), ("PARIS",)),
    ("Galicia refuerza su alianza biotecnológica con Estados Unidos\n\n"
     "Santiago de Compostela, 28 de octubre de 2025. Bioga y BioPharma Crescent sellan una alianza el 27 de octubre de 2025.",
     D(2025, 10, 28), ("Santiago de Compostela",)),
    ("Medical Valley EMN: Besuch des Wirtschaftsministers\n\nMeldung\n16.03.2022\n\n"
     "Der Minister besuchte am 10. März 2022 das Digital-Health-Cluster.", D(2022, 3, 16), ()),
    ("Bioga y BioPharma Crescent sellan una alianza\n\nEladio Lois\n28/10/2025 11:22\n"
     "El clúster firmó el 27 de octubre de 2025 un acuerdo.", D(2025, 10, 28), ()),
    (TITLE + "Published on June 3, 2019\n\nThe agreement, first signed on May 2, 2017, was renewed.", D(2019, 6, 3), ()),
    ("NordBio and Alpenmed Sign MOU\n\nHALIFAX, Nova Scotia--(BUSINESS WIRE)--June 10, 2025--NordBio and Alpenmed "
     "are pleased to announce a Memorandum of Understanding.", D(2025, 6, 10), ("HALIFAX", "Nova Scotia")),
    ("NordBio and Alpenmed Sign MOU\n\nBOSTON, June 3, 2025 /PRNewswire/ -- NordBio and Alpenmed today announced "
     "a partnership.", D(2025, 6, 3), ("BOSTON",)),
])
def test_publication_date_from_the_dateline(text: str, date: dt.date, places: tuple[str, ...]) -> None:
    dateline = dateline_of(text)
    assert (dateline.date, dateline.places) == (date, places)


def test_a_dateline_with_places_wins_over_an_earlier_bare_date() -> None:
    text = "Title of the release with enough words\n\nMay 30, 2019\n\nBoston, June 3, 2019 – The clusters agreed."
    assert dateline_of(text, "en").date == D(2019, 6, 3)


def test_a_sentence_before_a_date_is_no_place() -> None:
    text = TITLE + "Le pôle a signé le 10 mars 2015 un accord avec la Région, qui a voté le 12 mars 2015."
    dateline = dateline_of(text, "fr")
    assert (dateline.date, dateline.places) == (D(2015, 3, 10), ())


def test_a_date_deep_in_a_body_sentence_is_not_the_publication_date() -> None:
    body = "Le pôle de compétitivité fédère les acteurs de la santé de la région depuis sa création. " * 4
    text = TITLE + body + "Il a signé le 14 mai 2024 un accord avec son homologue wallon.\n"
    assert len(TITLE + body) > 300
    assert dateline_of(text, "fr") is None


def test_a_month_in_the_body_is_not_the_publication_date() -> None:
    text = "Interview de Jean Dupont, directeur du pôle depuis février 2017, sur la stratégie du pôle."
    assert dateline_of(text, "fr") is None


def test_an_early_date_in_the_first_sentence_is_the_publication_date() -> None:
    text = "Quatre pôles de compétitivité viennent d'officialiser, le 19 mai 2022, la création d'une alliance."
    assert dateline_of(text, "fr").date == D(2022, 5, 19)


def test_a_dateline_whose_year_follows_del_dates_the_release():
    text = "Monterrey, Nuevo León, 4 de marzo del 2025.- El Clúster Médico Norteño presentó su informe anual."
    dateline = find_dateline(text, [c for c in find_candidates(text, "es") if c.kind == "date"])
    assert dateline is not None and (dateline.date, dateline.places) == (D(2025, 3, 4), ("Monterrey", "Nuevo León"))


def test_a_day_alone_on_its_line_beats_a_later_month_after_a_name():
    text = "Nordcoop: een prachtig ecosysteem\n\nwoensdag 30 januari 2019\n\nNoorder Courant, januari 2019.\n\nNordcoop is een coöperatie."
    dateline = find_dateline(text, [c for c in find_candidates(text, "nl") if c.kind in ("date", "period")])
    assert dateline is not None and dateline.date == D(2019, 1, 30)
