"""The one sentence splitter: where a sentence of a release starts and ends.

A sentence ends at ".", "!" or "?" followed by a blank, except after an initial or an abbreviation
("M.", "Prof.", "J.", "e. V.") or a day before its month ("am 10. März") or before a small letter, and at
every line break: press releases put titles, datelines, list items and contact lines on lines of their own,
none of which ends with a stop.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from extractor.text.languages import LANGUAGES

_STOP = re.compile(r"[.!?]+[»\"”’)]*(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"(?:^|[\s(])([\w'’-]+)$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
# No sentence of the languages read starts with a small letter: the dot before one ends an abbreviation no
# list holds ("BioLAGO e.V. haben", "Nordcluster GmbH u.a. mit").
_LOWER_AFTER = re.compile(r"[ \t]+[^\W\d_A-ZÀ-Ý]")
# A legal form in initials before the short name in brackets ends no sentence: "Laboratorios Farmacéuticos A.C.
# (AMELAF) acordaron", "Acme S.p.A. (Acme) firma".
_INITIALS_BEFORE = re.compile(r"(?:^|[\s(])(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")
_BRACKET_AFTER = re.compile(r"[ \t]+\(")
# Abbreviations that end with a dot inside a sentence: titles before a name, "e. V.", "n°"-like marks, and the
# scale of an amount before its currency ("3,2 Mrd. Euro", "12 Mio. €", "1,5 mld. di euro").
_ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mlle", "mr", "mrs", "ms", "dr", "dres", "pr", "prof", "st", "ste", "sr", "sra", "srta", "dott",
    "ing", "dipl", "mag", "hr", "fr", "nr", "no", "vol", "art", "av", "bd", "etc", "cf", "ca", "approx", "vs", "inc", "ltd",
    "co", "corp", "jr", "sen", "rep", "gov", "hon", "mgr", "mevr", "dhr", "sig", "v",
    "mrd", "mio", "tsd", "md", "mds", "mld", "mln", "mill",
})


@dataclass(frozen=True)
class Sentences:
    """The sentence spans of one text, in order, blanks trimmed at both ends."""

    spans: tuple[tuple[int, int], ...]

    def at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding offset (or the nearest one before it)."""
        starts = [s for s, _ in self.spans]
        index = max(0, bisect_right(starts, offset) - 1)
        return self.spans[index] if self.spans else (0, 0)


@lru_cache(maxsize=16)
def split_sentences(text: str) -> Sentences:
    spans: list[tuple[int, int]] = []
    start = 0
    for stop in _STOP.finditer(text):
        # "(Servier, Ipsen, Pierre Fabre...) ou des biotechnologies": dots before a small letter end no sentence.
        dots = stop.group().startswith(".")
        if dots and ((stop.group() == "." and _abbreviation(text, stop.start())) or _LOWER_AFTER.match(text, stop.end())
                     or (_BRACKET_AFTER.match(text, stop.end()) and _INITIALS_BEFORE.search(text, max(0, stop.start() - 12), stop.start()))):
            continue
        _add(spans, text, start, stop.end())
        start = stop.end()
    _add(spans, text, start, len(text))
    return Sentences(tuple(spans))


def _abbreviation(text: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    token = word.group(1)
    if token.isdigit() and len(token) <= 2:
        after = _WORD_AFTER.match(text, dot + 1)
        return after is not None and after.group(1).casefold() in _months()
    return (len(token) == 1 and token.isalpha()) or token.casefold() in _ABBREVIATIONS


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names, full and short, in every language read: German and Dutch write the day as an ordinal."""
    names: set[str] = set()
    for code in LANGUAGES:
        months = Locale.parse(code).months["format"]
        for width in ("wide", "abbreviated"):
            names.update(name.casefold().rstrip(".") for name in months[width].values())
    return frozenset(names)


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
