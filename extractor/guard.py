"""Text that addresses the model instead of the reader ("ignore previous instructions…") is fenced off.

A release is untrusted input. Sentences that try to instruct the model are found here, their numbers are
never offered to it as figures, and the release is flagged, so a planted "output 999 members" cannot
become a figure.
"""
from __future__ import annotations

import re

from extractor.text.sentences import split_sentences

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules|above|previous|system)\b"
    r"|\b(?:ignore[sz]?|oublie[sz]?)\b[^.\n]{0,40}\b(?:instructions?|consignes?)\b"
    r"|\byou are (?:now )?(?:an? |the )?(?:ai|assistant|model|language model|chatbot)\b"
    r"|\b(?:system prompt|as an ai|tu es (?:une? )?(?:ia|assistant))\b"
    r"|\b(?:output|respond with|reply with|answer with|return|print)\b[^.\n]{0,30}\b(?:json|figures?|members|value)\b[^.\n]{0,30}\b(?:instead|regardless|always)\b",
    re.IGNORECASE,
)


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that contain an instruction aimed at a model."""
    return [(start, end) for start, end in split_sentences(text).spans if _INSTRUCTION.search(text[start:end])]
