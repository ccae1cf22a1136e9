"""The questions asked about one release, each narrow, all in one answer shape.

One narrow question per call suits a small model better than one wide question: it lists clusters,
agreements and people. Every question is the release followed by the question, and every
answer has the same schema (extractor.ask.answers.Answer), so what comes before the release in the prompt
never changes: a llama.cpp server keeps the instructions and the schema evaluated from one release to the
next, and the release from one question to the next; each question costs only its own words. Numbers are
linked by the release's structure (extractor.analysis.links) where it decides; the model is asked only
about the numbers it leaves open, and it answers by candidate number, so it cannot pad, round or invent a
value.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import Link
from extractor.ask import offer
from extractor.ask.answers import FIGURES_PER_QUESTION, AgreementAnswer, Answer, ClusterAnswer, Names, Parties, PersonAnswer
from extractor.ask.asker import Asker
from extractor.ask.prompts import render
from extractor.candidates import Candidate
from extractor.identity.clusters import same_cluster
from schemas.agreement import AgreementKind
from schemas.figure import Metric

T = TypeVar("T", Parties, Names)
PASSAGE_BREAK = "\n[…]\n"  # where the release goes on with a part the model is not shown
MAX_TOKENS = {"clusters": 300, "agreements": 500, "parties": 300, "people": 700, "names": 300, "figures": 600}


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
    figures: list[FigureAnswer] = field(default_factory=list)


def ask_release(asker: Asker, analysis: ReleaseAnalysis) -> Answers:
    """Clusters, agreements and people, asked of each part of the release in turn.

    The answers of several parts are joined as they are: the records ground every name in the whole text and
    merge what two parts both name. An answer that does not fit its token limit is asked for again in its
    short form (parties only, names only); only when that fails too is its list left empty. The press
    contacts are no question of their own: the people question reads their block with the rest, and
    extractor.records.contacts ties each address and number to its person and organisation.
    """
    answers = Answers()
    for number in range(len(analysis.parts)):
        _ask_part(asker, _part_text(analysis, number), answers)
    return answers


def _part_text(analysis: ReleaseAnalysis, index: int) -> str:
    """What the model is shown of one part: its passages, and which part it is when there are several."""
    parts = analysis.parts
    text = PASSAGE_BREAK.join(analysis.text[start:end].strip("\n") for start, end in parts[index])
    if len(parts) == 1:
        return text
    return render("part", number=str(index % len(parts) + 1), count=str(len(parts)), text=text)


def _ask(asker: Asker, step: str, text: str, question: str) -> Answer | None:
    return asker.ask(step, Answer, render("release", text=text, question=question), MAX_TOKENS[step])


def _short_form(asker: Asker, step: str, model: type[T], text: str) -> T | None:
    """A list asked again in its own small schema, when the full answer did not fit its token limit."""
    return asker.ask(step, model, render("release", text=text, question=render(step)), MAX_TOKENS[step])


def _ask_part(asker: Asker, text: str, answers: Answers) -> None:
    clusters = _ask(asker, "clusters", text, render("clusters"))
    answers.clusters += clusters.clusters if clusters else []
    if (agreements := _ask(asker, "agreements", text, render("agreements"))) is not None:
        answers.agreements += agreements.agreements
    elif (parties := _short_form(asker, "parties", Parties, text)) is not None:
        answers.agreements += [AgreementAnswer(kind=AgreementKind.other, parties=p) for p in parties.agreements]
        asker.recovered("agreements")
    if (people := _ask(asker, "people", text, render("people"))) is not None:
        answers.people += people.people
    elif (names := _short_form(asker, "names", Names, text)) is not None:
        answers.people += [PersonAnswer(name=name) for name in names.names]
        asker.recovered("people")


def ask_figures(asker: Asker, analysis: ReleaseAnalysis, unsure: Sequence[Link], clusters: Sequence[str]) -> list[FigureAnswer]:
    """Which cluster and metric each number the structure left open describes, by candidate number.

    Only a link to a number and a cluster the question offered is kept. A long release may leave many numbers
    open; they are asked about in groups, so each question and its answer stay within their token limits.
    """
    if not clusters:
        return []
    # After the last part, as the questions before: the server has that prefix evaluated already.
    text = _part_text(analysis, -1)
    answers: list[FigureAnswer] = []
    for first in range(0, len(unsure), FIGURES_PER_QUESTION):
        numbers = [link.candidate for link in unsure[first:first + FIGURES_PER_QUESTION]]
        question = render("figures", candidates=offer.render(analysis.text, numbers, analysis.layout), clusters=", ".join(clusters))
        links = _ask(asker, "figures", text, question)
        seen: set[int] = set()
        for link in links.figures if links else []:
            cluster = next((c for c in clusters if same_cluster(c, link.cluster)), None)
            if 1 <= link.n <= len(numbers) and cluster is not None and link.n not in seen:
                seen.add(link.n)
                answers.append(FigureAnswer(numbers[link.n - 1], cluster, link.metric, link.scope))
    return answers
