"""The language of a release, by lingua restricted to the languages releases come in."""
from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from extractor.text.languages import LANGUAGES

_LANGUAGES = tuple(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in LANGUAGES)
# A release's opening paragraphs decide its language; reading the whole file only costs time.
_SAMPLE_CHARS = 4000


# Low accuracy mode reads trigrams only: it loads in a fraction of the time and memory, and on
# paragraphs (what a release is) it is as accurate as the full mode, which is tuned for words.
@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ("fr", "en", ...) of the text, or None when it has no words to judge by."""
    sample = text[:_SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
