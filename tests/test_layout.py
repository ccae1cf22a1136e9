import datetime as dt
from pathlib import Path

import pytest

from extractor.candidates import find_candidates
from extractor.layout import clean_line, find_title, read_layout

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def layout_of(text: str, lang: str | None = None):
    return read_layout(text, find_candidates(text, lang))


@pytest.mark.parametrize(
    ("line", "date", "places"),
    [
        ("Namur, Belgium and Chartre, France, 18 October 2023 - BioWin, the health cluster", dt.date(2023, 10, 18),
         ("Namur", "Belgium", "Chartre", "France")),
        ("**Namur et Gand, Belgique, le 14 mai 2024** – BioWin, le pôle wallon", dt.date(2024, 5, 14),
         ("Namur", "Gand", "Belgique")),
        ("Hendaye, le 12 mai 2022", dt.date(2022, 5, 12), ("Hendaye",)),
        (" Giverny, le 6 octobre 2020", dt.date(2020, 10, 6), ("Giverny",)),
        ("Lyon, 3 March 2025 – Lyonbiopôle today announced", dt.date(2025, 3, 3), ("Lyon",)),
        ("PARIS – 12 janvier 2023 – Medicen annonce", dt.date(2023, 1, 12), ("PARIS",)),
        ("Graz, 27. Jänner 2026 – Das Netzwerk zieht Bilanz", dt.date(2026, 1, 27), ("Graz",)),
    ],
)
def test_dateline_gives_date_and_places(line, date, places):
    text = f"Title of the release with enough words\n\n{line}\n\nBody text."
    dateline = layout_of(text).dateline
    assert dateline.date == date
    assert dateline.places == places


def test_dateline_falls_back_to_first_date_without_places():
    text = "Un titre assez long pour un communiqué\n\nLe 14 mai 2024, les deux pôles ont signé."
    dateline = layout_of(text).dateline
    assert dateline.date == dt.date(2024, 5, 14)
    assert dateline.places == ()


def test_title_skips_labels_and_markup():
    assert find_title("\n\nPRESS RELEASE\n\nBioWin and Polepharma sign a partnership agreement\n") == \
        "BioWin and Polepharma sign a partnership agreement"
    assert find_title("## **BioWin et MEDVIA signent la première collaboration**\n") == \
        "BioWin et MEDVIA signent la première collaboration"
    assert find_title("Communiqué de Presse\n\nIndustrie pharmaceutique :\n\nLes Clusters GIPSO et Polepharma signent une Convention\n") == \
        "Les Clusters GIPSO et Polepharma signent une Convention"


def test_markdown_link_markup_is_dropped():
    assert clean_line("[www.medvia.be](http://www.medvia.be)") == "www.medvia.be"


def test_about_sections_and_contacts_in_a_seed():
    text = (SEEDS / "004_2fc6c36161d30cfb.txt").read_text(encoding="utf-8")
    layout = layout_of(text)
    abouts = [s.about for s in layout.sections if s.about]
    assert abouts == ["industrie pharmaceutique en Normandie", "POLEPHARMA", "MEDICEN", "GIPSO"]
    assert text[layout.contacts_start:].startswith("Contacts Presse")
    offset = text.index("75 adhérents")
    assert layout.headings_at(offset) == ["A propos de POLEPHARMA", "POLEPHARMA en Normandie"]


@pytest.mark.parametrize(
    "heading",
    ["About BioWin", "A propos de MEDVIA", "À PROPOS DE POLEPHARMA", "#### **A propos de BioWin**",
     "A propos du Cluster GIPSO", "Über BioRegio STERN", "Acerca de Basque Health Cluster", "Over Flanders.bio"],
)
def test_about_headings_in_several_languages(heading):
    text = f"Un titre assez long pour un communiqué de presse\n\nCorps du texte.\n\n{heading}\n\nLe pôle compte 100 membres."
    assert [s.about for s in layout_of(text).sections if s.about]


@pytest.mark.parametrize(
    ("line", "lang", "opens"),
    [
        ("Contacto de prensa: Laura Pérez – prensa@cataloniabio.org – +34 934 123 456 – www.cataloniabio.org", "es", True),
        ("Pressekontakt – Anna Weber, Kommunikation, weber@bioregio-stern.de, Tel. 0711 870354 0, Stuttgart", "de", True),
        ("Contacts between the two clusters began in 2019, when their members first met at a trade fair.", "en", False),
        ("Pers: Lotte de Vries, 050 555 1234", "nl", True),
        ("Press: media@nordbio.scot", "en", True),
        ("Presse is no label where a sentence goes on: presse reviews came in 2019 from 12 papers.", "en", False),
    ],
)
def test_a_contacts_label_opens_the_contacts_block_on_a_long_line(line, lang, opens):
    text = f"Titre du communiqué de presse\n\nLe pôle BioNord signe un accord.\n\n{line}\n"
    layout = layout_of(text, lang)
    assert (layout.contacts_start == text.index(line)) is opens
