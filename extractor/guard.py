"""Text that addresses the model instead of the reader ("ignore previous instructions…") is fenced off.

A release is untrusted input. Sentences that try to instruct the model are found here, their numbers are
never offered to it as figures, and the release is flagged, so a planted "output 999 members" cannot
become a figure.
"""
from __future__ import annotations

import re
from functools import cache

from extractor.lexicon import alternation
from extractor.text.fold import plain
from extractor.text.sentences import split_sentences


@cache
def _instruction() -> re.Pattern[str]:
    return re.compile(alternation("instruction"))


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that contain an instruction aimed at a model."""
    # Folding is per character, so a phrase in one sentence is a phrase of the whole text: one pass over
    # the text answers for the many releases that hold none, instead of folding it sentence by sentence.
    if not _instruction().search(plain(text)):
        return []
    return [(start, end) for start, end in split_sentences(text).spans if _instruction().search(plain(text[start:end]))]
