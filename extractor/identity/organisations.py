"""Names that are no organisation: an event ("BIO 2017") or a country."""
from __future__ import annotations

import re

from extractor.normalize.countries import country_code

_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")


def is_event_or_country(name: str) -> bool:
    """A year makes a name an event ("BIO 2017", "Biotech Week 2024"); a country's name is a place."""
    return bool(_YEAR.search(name)) or country_code(name) is not None
