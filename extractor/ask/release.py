"""The questions asked about one release, each narrow, each after the same long prefix.

One narrow question per call suits a small model better than one wide question: it lists clusters,
agreements, people and press contacts. Numbers are linked by the release's structure
(extractor.analysis.links) where it decides; the model is asked only about the numbers it leaves open,
and it answers by candidate number, so it cannot pad, round or invent a value.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import Link
from extractor.ask import offer
from extractor.ask.answers import (
    AgreementAnswer,
    Agreements,
    ClusterAnswer,
    Clusters,
    Names,
    Parties,
    People,
    PersonAnswer,
    figure_links_model,
)
from extractor.ask.asker import Asker
from extractor.ask.prompts import render
from extractor.candidates import Candidate
from schemas.agreement import AgreementKind
from schemas.figure import Metric

CONTACT_BLOCK_CHARS = 1500
MAX_TOKENS = {"clusters": 300, "agreements": 500, "parties": 300, "people": 700, "names": 300, "contacts": 400, "figures": 600}


@dataclass(frozen=True)
class FigureAnswer:
    """The model's link of one offered number to a cluster, kept by span so it survives renumbering."""

    candidate: Candidate
    cluster: str
    metric: Metric
    scope: str | None


@dataclass
class Answers:
    clusters: list[ClusterAnswer] = field(default_factory=list)
    agreements: list[AgreementAnswer] = field(default_factory=list)
    people: list[PersonAnswer] = field(default_factory=list)
    contacts: list[PersonAnswer] = field(default_factory=list)
    figures: list[FigureAnswer] = field(default_factory=list)


def ask_release(asker: Asker, analysis: ReleaseAnalysis) -> Answers:
    """Clusters, agreements, people and press contacts.

    A long list may not fit its token limit; the question is then asked again in its short form (parties
    only, names only), and only when that fails too is its list left empty.
    """
    answers = Answers()
    clusters = asker.ask("clusters", Clusters, render("clusters"), MAX_TOKENS["clusters"])
    answers.clusters = clusters.clusters if clusters else []
    agreements = asker.ask("agreements", Agreements, render("agreements"), MAX_TOKENS["agreements"])
    if agreements is not None:
        answers.agreements = agreements.agreements
    elif (parties := asker.ask("parties", Parties, render("parties"), MAX_TOKENS["parties"])) is not None:
        answers.agreements = [AgreementAnswer(kind=AgreementKind.other, parties=p) for p in parties.agreements]
        asker.recovered("agreements")
    people = asker.ask("people", People, render("people"), MAX_TOKENS["people"])
    if people is not None:
        answers.people = people.people
    elif (names := asker.ask("names", Names, render("names"), MAX_TOKENS["names"])) is not None:
        answers.people = [PersonAnswer(name=name) for name in names.names]
        asker.recovered("people")
    start = analysis.layout.contacts_start
    if start is not None:
        block = analysis.text[start:start + CONTACT_BLOCK_CHARS].strip()
        contacts = asker.ask("contacts", People, render("contacts", block=block), MAX_TOKENS["contacts"])
        answers.contacts = contacts.people if contacts else []
    return answers


def ask_figures(asker: Asker, analysis: ReleaseAnalysis, unsure: Sequence[Link], clusters: Sequence[str]) -> list[FigureAnswer]:
    """Which cluster and metric each number the structure left open describes, by candidate number."""
    if not unsure or not clusters:
        return []
    numbers = [link.candidate for link in unsure]
    model = figure_links_model(list(range(1, len(numbers) + 1)), list(clusters))
    question = render("figures", candidates=offer.render(analysis.text, numbers, analysis.layout), clusters=", ".join(clusters))
    links = asker.ask("figures", model, question, MAX_TOKENS["figures"])
    answers: list[FigureAnswer] = []
    seen: set[int] = set()
    for link in links.figures if links else []:
        if link.n not in seen:
            seen.add(link.n)
            answers.append(FigureAnswer(numbers[link.n - 1], link.cluster, link.metric, link.scope))
    return answers
