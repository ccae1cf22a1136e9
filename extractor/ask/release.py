"""Asking the model about one release: short questions after the same long prefix.

Every call starts with the same system message (instructions, then the release text), so a llama.cpp
server evaluates the release once and reuses that prefix for the next questions; only the question and
the answer cost time. One narrow question per call suits a small model better than one wide question: it
lists clusters, agreements, people and press contacts. Numbers are linked by the release's structure
(extractor.link) where it decides; the model is asked only about the numbers it leaves open, and it answers
by candidate number, so it cannot pad, round or invent a value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.ask import offer
from extractor.ask.answers import Agreements, Clusters, FigureLinks, People, figure_links_model
from extractor.ask.prompts import render
from extractor.candidates import Candidate
from extractor.engine.client import LLM, Usage
from extractor.layout import Layout
from extractor.link import link_candidates
from extractor.roster import roster

CONTACT_BLOCK_CHARS = 1500
MAX_TOKENS = {"clusters": 300, "agreements": 400, "people": 600, "contacts": 400, "figures": 600}


@dataclass
class Answers:
    """The model's answers for one release, with figure links stored as spans so a cache survives renumbering."""

    clusters: Clusters
    agreements: Agreements
    people: People
    contacts: People
    figures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters.model_dump(mode="json"),
            "agreements": self.agreements.model_dump(mode="json"),
            "people": self.people.model_dump(mode="json"),
            "contacts": self.contacts.model_dump(mode="json"),
            "figures": self.figures,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answers:
        return cls(
            clusters=Clusters.model_validate(data["clusters"]),
            agreements=Agreements.model_validate(data["agreements"]),
            people=People.model_validate(data["people"]),
            contacts=People.model_validate(data["contacts"]),
            figures=list(data.get("figures", [])),
        )


def open_questions(text: str, offered: list[Candidate], layout: Layout, names: list[str]) -> list[Candidate]:
    """Numbers with a known metric that the release's structure does not tie to a cluster."""
    return [link.candidate for link in link_candidates(text, offered, layout, names)
            if link.metric is not None and link.cluster is None and not link.outside]


def _messages(system: str, question: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": system}, {"role": "user", "content": question}]


def ask_release(llm: LLM, text: str, offered: list[Candidate], layout: Layout) -> tuple[Answers, Usage]:
    system = render("system", text=text)
    usage = Usage()

    def ask(model, question: str, step: str):
        nonlocal usage
        answer, spent = llm.ask(model, _messages(system, question), MAX_TOKENS[step])
        usage += spent
        return answer

    clusters = ask(Clusters, render("clusters"), "clusters")
    agreements = ask(Agreements, render("agreements"), "agreements")
    people = ask(People, render("people"), "people")
    contacts = People(people=[])
    if layout.contacts_start is not None:
        block = text[layout.contacts_start:layout.contacts_start + CONTACT_BLOCK_CHARS].strip()
        contacts = ask(People, render("contacts", block=block), "contacts")

    figures: list[dict[str, Any]] = []
    names = [c.name for c in roster(clusters.clusters, text, layout)]
    unsure = open_questions(text, offered, layout, names)
    if unsure and names:
        model = figure_links_model(list(range(1, len(unsure) + 1)), names)
        links = ask(model, render("figures", candidates=offer.render(text, unsure, layout), clusters=", ".join(names)), "figures")
        figures = [_link_as_span(link, unsure) for link in _unique(links)]
    return Answers(clusters, agreements, people, contacts, figures), usage


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
