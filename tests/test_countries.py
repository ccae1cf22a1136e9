"""Country names in several languages to ISO 3166 alpha-2."""
from __future__ import annotations

import pytest

from extractor.normalize.countries import country_code, first_country_in, place_country


@pytest.mark.parametrize(("name", "code"), [
    ("Belgique", "BE"), ("Belgium", "BE"), ("België", "BE"), ("Bélgica", "BE"), ("Belgien", "BE"),
    ("France", "FR"), ("Frankrijk", "FR"), ("Frankreich", "FR"), ("Francia", "FR"),
    ("Espagne", "ES"), ("Spain", "ES"), ("España", "ES"), ("Spanje", "ES"),
    ("Allemagne", "DE"), ("Germany", "DE"), ("Deutschland", "DE"),
    ("Pays-Bas", "NL"), ("the Netherlands", "NL"), ("Nederland", "NL"),
    ("Royaume-Uni", "GB"), ("United Kingdom", "GB"), ("UK", "GB"),
    ("États-Unis", "US"), ("Etats-Unis", "US"), ("USA", "US"), ("United States", "US"),
    ("Suisse", "CH"), ("Italie", "IT"), ("Luxembourg", "LU"), ("Côte d'Ivoire", "CI"),
    ("la France", "FR"), ("  belgique  ", "BE"), ("FR", "FR"), ("be", "BE"), ("FRA", "FR"),
])
def test_country_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["", "Narnia", "Wallonie", "Normandie", "XX"])
def test_unknown_places(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize(("text", "code"), [
    ("BioWin is the health cluster in Wallonia, Belgium, the regional reference", "BE"),
    ("Le pôle est présent en Bretagne, Pays de la Loire et Centre-Val de Loire.", "FR"),
    ("The top industrial cooperation in Europe: 445+ members in all of France", "FR"),
    ("BioNJ represents the life sciences industry of New Jersey.", "US"),
    ("The network works across Europe.", None),
])
def test_the_first_country_or_region_a_passage_names(text, code):
    assert first_country_in(text) == code


def test_a_region_stands_for_its_country():
    assert place_country("Auvergne-Rhône-Alpes") == "FR"
    assert place_country("Belgique") == "BE"
    assert place_country("Atlantis") is None
