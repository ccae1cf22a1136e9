"""Asking the model about one release: three short questions after the same long prefix.

Every call starts with the same system message (instructions, then the release text), so a llama.cpp
server evaluates the release once and reuses that prefix for the next questions; only the question and
the answer cost time. The model links the numbers the normaliser found instead of retyping them, so it
cannot pad, round or invent a value: its answer names a candidate, the tool reads the value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.ask.answers import FigureLinks, Overview, People, figure_links_model
from extractor.ask.prompts import render
from extractor.candidates import Candidate
from extractor.engine.client import LLM, Usage

CONTEXT_BEFORE = 60
CONTEXT_AFTER = 70
MAX_TOKENS = {"overview": 400, "people": 600, "figures": 600}


@dataclass
class Answers:
    """The model's answers for one release, with figure links stored as spans so a cache survives renumbering."""

    overview: Overview
    people: People
    figures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overview": self.overview.model_dump(mode="json"),
            "people": self.people.model_dump(mode="json"),
            "figures": self.figures,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answers:
        return cls(
            overview=Overview.model_validate(data["overview"]),
            people=People.model_validate(data["people"]),
            figures=list(data.get("figures", [])),
        )


def _context(text: str, candidate: Candidate) -> str:
    """The candidate's line neighbourhood, with the number itself in brackets, on one line."""
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
    return " ".join(snippet.split())


def render_offer(text: str, offered: list[Candidate]) -> str:
    return "\n".join(f"{n}. {_context(text, c)}" for n, c in enumerate(offered, 1))


def _messages(system: str, question: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": system}, {"role": "user", "content": question}]


def ask_release(llm: LLM, text: str, offered: list[Candidate]) -> tuple[Answers, Usage]:
    system = render("system", text=text)
    usage = Usage()

    overview, spent = llm.ask(Overview, _messages(system, render("overview")), MAX_TOKENS["overview"])
    usage += spent

    figures: list[dict[str, Any]] = []
    names = list(dict.fromkeys(c.name.strip() for c in overview.clusters if c.name.strip()))
    if offered and names:
        model = figure_links_model(list(range(1, len(offered) + 1)), names)
        question = render("figures", candidates=render_offer(text, offered), clusters=", ".join(names))
        links, spent = llm.ask(model, _messages(system, question), MAX_TOKENS["figures"])
        usage += spent
        figures = [_link_as_span(link, offered) for link in _unique(links)]

    people, spent = llm.ask(People, _messages(system, render("people")), MAX_TOKENS["people"])
    usage += spent
    return Answers(overview=overview, people=people, figures=figures), usage


def _unique(links: FigureLinks) -> list:
    seen: set[int] = set()
    out = []
    for link in links.figures:
        if link.n not in seen:
            seen.add(link.n)
            out.append(link)
    return out


def _link_as_span(link, offered: list[Candidate]) -> dict[str, Any]:
    candidate = offered[link.n - 1]
    return {
        "start": candidate.start,
        "end": candidate.end,
        "cluster": link.cluster,
        "metric": link.metric.value,
        "scope": link.scope,
    }
