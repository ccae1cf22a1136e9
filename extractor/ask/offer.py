"""How the numbers the model is asked about are shown to it: numbered, each in its own words."""
from __future__ import annotations

from extractor.candidates import Candidate
from extractor.layout import Layout

CONTEXT_BEFORE = 60
CONTEXT_AFTER = 70


def _context(text: str, candidate: Candidate) -> str:
    """The candidate's neighbourhood on its line, the number itself in brackets, on one line."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, candidate.start - CONTEXT_BEFORE)
    right = min(line_end, candidate.end + CONTEXT_AFTER)
    if left > line_start:
        left = text.find(" ", left, candidate.start) + 1 or left
    if right < line_end:
        cut = text.rfind(" ", candidate.end, right)
        right = cut if cut > candidate.end else right
    snippet = f"{text[left:candidate.start]}[{candidate.text}]{text[candidate.end:right]}"
    return " ".join(snippet.replace("*", "").split())


def render(text: str, offered: list[Candidate], layout: Layout) -> str:
    lines = []
    for n, candidate in enumerate(offered, 1):
        headings = layout.headings_at(candidate.start)
        where = f"({' > '.join(headings)}) " if headings else ""
        lines.append(f"{n}. {where}{_context(text, candidate)}")
    return "\n".join(lines)
