"""Grounding: align what the model wrote (names, quotes) to exact character spans of the source.

The model is never asked for offsets. A string it returns is searched in the source exactly, then
ignoring case, accents and punctuation ("Philippe Ivanes" finds "Philippe Ivanès", "Maria Pascual de
Zulueta" finds "Maria PASCUAL DE ZULUETA"), then fuzzily for long quotes. Whatever cannot be found is
not evidence, and the caller drops it and flags it.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from extractor.text.fold import fold_words
from schemas.common import Evidence

FUZZY_MIN_LENGTH = 25
FUZZY_MIN_SCORE = 90.0


# A closing bracket or period that ends a name is part of it, though the folded search leaves it out.
_CLOSING = re.compile(r"[.)\]]+$")


def find_all(needle: str, text: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of needle, ignoring case, accents and punctuation; a closing bracket or
    period that ends the needle ends the span too where the text has it ("Acme Center (AC)", "Acme e. V.")."""
    key = fold_words(needle).text.strip()
    if not key:
        return []
    hay = fold_words(text)
    closing = _CLOSING.search(needle.rstrip())
    tail = closing.group() if closing else ""
    spans = [hay.source_span(m.start(), m.end(), text)
             for m in re.finditer(rf"(?<![0-9a-z]){re.escape(key)}(?![0-9a-z])", hay.text)]
    return [(start, end + len(tail)) if tail and text.startswith(tail, end) else (start, end) for start, end in spans]


def find(needle: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """The occurrence of needle closest after `near` (else the last before it), or None."""
    needle = needle.strip()
    if not needle:
        return None
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    spans = [s for s in exact if _bounded(s, text)] or find_all(needle, text) or exact
    if not spans and len(needle) >= FUZZY_MIN_LENGTH:
        spans = _fuzzy(needle, text)
    if not spans:
        return None
    # A name or a quote never starts or ends inside a word: a model that dropped the first letter of
    # "luxemburgischen" still points at that word, and the span says so.
    spans = [_whole_words(s, text) for s in spans]
    after = [s for s in spans if s[0] >= near]
    return after[0] if after else spans[-1]


def _bounded(span: tuple[int, int], text: str) -> bool:
    start, end = span
    inside_at_start = 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()
    inside_at_end = 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return not (inside_at_start or inside_at_end)


def _whole_words(span: tuple[int, int], text: str) -> tuple[int, int]:
    start, end = span
    if start < end and text[start].isalpha():
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    if start < end and text[end - 1].isalpha():
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def _fuzzy(needle: str, text: str) -> list[tuple[int, int]]:
    hit = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_MIN_SCORE)
    if hit is None:
        return []
    # The alignment may take in the blank after a misspelt name ("Distrettto X" finds "Distretto X ").
    start, end = hit.dest_start, hit.dest_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)]


def evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)


def ground(needle: str | None, text: str, near: int = 0) -> Evidence | None:
    if not needle:
        return None
    span = find(needle, text, near)
    return evidence(text, *span) if span else None
