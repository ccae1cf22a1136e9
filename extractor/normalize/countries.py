"""Country names in French, English, Spanish, German, Dutch (and codes) to ISO 3166 alpha-2.

Names come from pycountry (English, official and common names) and babel's CLDR territory names
for each language; nothing is listed by hand except the usual short forms CLDR does not carry.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale

from extractor.text.fold import fold
from extractor.text.languages import LANGUAGES

# Everyday forms that neither pycountry nor CLDR spell this way.
_SHORT_FORMS = {"uk": "GB", "great britain": "GB", "grande bretagne": "GB", "angleterre": "GB",
                "england": "GB", "usa": "US", "us": "US", "etats unis d amerique": "US",
                "holland": "NL", "hollande": "NL"}
_ARTICLES = re.compile(r"^(?:the|la|le|les|l|el|los|las|die|der|das|de|het)\s+")


def _key(name: str) -> str:
    text = re.sub(r"[^a-z0-9]+", " ", fold(name)).strip()
    return _ARTICLES.sub("", text)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code in LANGUAGES:
        for territory, name in Locale.parse(code).territories.items():
            if len(territory) == 2 and territory.isalpha() and pycountry.countries.get(alpha_2=territory):
                names.setdefault(_key(name), territory)
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(_key(value), country.alpha_2)
        names.setdefault(_key(country.alpha_3), country.alpha_2)
    names.update(_SHORT_FORMS)
    return names


def country_code(name: str) -> str | None:
    """"Belgique", "Belgium", "België", "Bélgica" -> "BE"; "FR" or "FRA" -> "FR"; unknown -> None."""
    text = name.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        country = pycountry.countries.get(alpha_2=text.upper())
        if country is not None:
            return country.alpha_2
        return _SHORT_FORMS.get(text.lower())
    return _names().get(_key(text)) if text else None


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Region names ("Wallonia", "Auvergne-Rhône-Alpes", "Massachusetts") -> their country, where one country has that name."""
    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        found.setdefault(_key(subdivision.name), set()).add(subdivision.country_code)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1 and len(name) > 3}


def place_country(name: str) -> str | None:
    """The country a country or region name stands for: "Belgium" -> "BE", "Wallonia" -> "BE"."""
    return country_code(name) or _subdivisions().get(_key(name))


_PLACE_NAME = re.compile(r"(?<![\w])[A-ZÀ-Ý][\w'’]+(?:[ -](?:de |du |des )?[A-ZÀ-Ý][\w'’]+){0,2}")


def first_country_in(text: str) -> str | None:
    """The country of the first country or region a passage names ("the health cluster in Wallonia, Belgium" -> "BE")."""
    for found in _PLACE_NAME.finditer(text):
        words = found.group().split()
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                code = place_country(" ".join(words[start:start + size]))
                if code:
                    return code
    return None
