"""What of a release the model reads, and in how many questions: its passages, packed into parts.

The passages are the release without its "About" sections. Those describe each organisation in words the
release repeats for every announcement; the clusters they present are read from their headings
(extractor.analysis.roster), their figures are linked by structure or shown to the model number by number,
and leaving them out spares the model a third of a typical release.

A release too long for one question is read in parts. Parts end where the release itself breaks: at a
section heading if one falls late enough in the part, else at a paragraph break, else at a sentence end, and
only when a single sentence is longer than a part, at a space. Every passage is a span of the release, so
answers are grounded in the whole text as before.
"""
from __future__ import annotations

import re

from extractor.layout import Layout
from extractor.text.sentences import Sentences

# About 3,500 tokens of European-language text: with the instructions, the answer schema and a full answer,
# a part fits the embedded model's 8,192-token context with room to spare.
PART_CHARS = 12_000
# A part is not cut before half its length, so no part is a sliver.
MIN_FILL = 0.5
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _cut(text: str, start: int, limit: int, breaks: list[list[int]]) -> int:
    """The best place to end the part that starts at start: the latest break of the strongest kind."""
    lowest = start + int((limit - start) * MIN_FILL)
    for kind in breaks:
        inside = [b for b in kind if lowest < b <= limit]
        if inside:
            return inside[-1]
    space = text.rfind(" ", lowest, limit)
    return space + 1 if space > start else limit


Span = tuple[int, int]
Part = tuple[Span, ...]  # passages of the release, in order, shown together in one question


def passages(text: str, layout: Layout) -> list[Span]:
    """The release's spans outside its "About" sections; the whole release when nothing else is left."""
    spans: list[Span] = []
    start = 0
    for section in sorted((s for s in layout.sections if s.about), key=lambda s: s.start):
        if section.start > start:
            spans.append((start, section.start))
        start = max(start, section.end)
    spans.append((start, len(text)))
    kept = [(a, b) for a, b in spans if text[a:b].strip()]
    return kept or [(0, len(text))]


def _pieces(text: str, span: Span, breaks: list[list[int]], part_chars: int) -> list[Span]:
    start, end = span
    pieces = []
    while end - start > part_chars:
        cut = _cut(text, start, start + part_chars, breaks)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def reading_parts(text: str, sentences: Sentences, layout: Layout, part_chars: int = PART_CHARS) -> tuple[Part, ...]:
    """The passages the model reads, packed in order into parts of at most part_chars characters each."""
    headings = sorted(section.start for section in layout.sections)
    paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    sentence_ends = [end for _, end in sentences.spans]
    breaks = [headings, paragraphs, sentence_ends]
    parts: list[list[Span]] = [[]]
    for span in passages(text, layout):
        for piece in _pieces(text, span, breaks, part_chars):
            if parts[-1] and sum(b - a for a, b in parts[-1]) + piece[1] - piece[0] > part_chars:
                parts.append([])
            parts[-1].append(piece)
    return tuple(tuple(part) for part in parts)
