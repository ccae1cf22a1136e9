"""Grounding: align what the model wrote (names, quotes) to exact character spans of the source.

The model is never asked for offsets. A string it returns is searched in the source exactly, then
ignoring case, accents and punctuation ("Philippe Ivanes" finds "Philippe Ivanès", "Maria Pascual de
Zulueta" finds "Maria PASCUAL DE ZULUETA"), then fuzzily for long quotes. Whatever cannot be found is
not evidence, and the caller drops it and flags it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from extractor.consolidate.names import fold as fold_name
from schemas.common import Evidence

FUZZY_MIN_LENGTH = 25
FUZZY_MIN_SCORE = 90.0


@dataclass(frozen=True)
class Folded:
    """A text reduced to lowercase, accentless words separated by single spaces, with a map back."""

    text: str
    origin: tuple[int, ...]  # origin[i] = index in the source of folded char i


def _fold_char(char: str) -> str:
    kept = fold_name(char)
    return kept if kept.isalnum() else " "


@lru_cache(maxsize=64)
def fold(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            if piece == " " and (not out or out[-1] == " "):
                continue
            out.append(piece)
            origin.append(index)
    return Folded("".join(out), tuple(origin))


def _source_span(folded: Folded, start: int, end: int, text: str) -> tuple[int, int]:
    begin = folded.origin[start]
    last = folded.origin[end - 1]
    finish = last + 1
    # a folded char may come from a decomposed source char; take the whole source char
    while finish < len(text) and unicodedata.combining(text[finish]):
        finish += 1
    return begin, finish


def find_all(needle: str, text: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of needle, ignoring case, accents and punctuation."""
    key = fold(needle).text.strip()
    if not key:
        return []
    hay = fold(text)
    spans = []
    for match in re.finditer(rf"(?<![0-9a-z]){re.escape(key)}(?![0-9a-z])", hay.text):
        spans.append(_source_span(hay, match.start(), match.end(), text))
    return spans


def find(needle: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """The occurrence of needle closest after `near` (else the last before it), or None."""
    needle = needle.strip()
    if not needle:
        return None
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    spans = exact or find_all(needle, text)
    if not spans and len(needle) >= FUZZY_MIN_LENGTH:
        spans = _fuzzy(needle, text)
    if not spans:
        return None
    after = [s for s in spans if s[0] >= near]
    return after[0] if after else spans[-1]


def _fuzzy(needle: str, text: str) -> list[tuple[int, int]]:
    hit = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_MIN_SCORE)
    if hit is None:
        return []
    return [(hit.dest_start, hit.dest_end)]


def evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)


def ground(needle: str | None, text: str, near: int = 0) -> Evidence | None:
    if not needle:
        return None
    span = find(needle, text, near)
    return evidence(text, *span) if span else None
