"""The one language table: the languages releases come in, and what each implies."""
from __future__ import annotations

# ISO 639-1 codes the reader handles, in the order ambiguous readings are tried.
LANGUAGES: tuple[str, ...] = ("fr", "en", "es", "de", "nl", "it", "pt")

# The country whose national numbering and currency a release most likely uses when it does not say;
# English is written in too many countries to imply one.
LANGUAGE_COUNTRY: dict[str, str] = {"fr": "FR", "de": "DE", "nl": "NL", "es": "ES", "it": "IT", "pt": "PT"}


def default_country(language: str | None) -> str | None:
    return LANGUAGE_COUNTRY.get(language or "")
