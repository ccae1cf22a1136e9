"""The questions asked about one release, each narrow, all in one answer shape.

One narrow question per call suits a small model better than one wide question: it lists clusters,
agreements and people. Every question is the release followed by the question, and every
answer has the same schema (extractor.ask.answers.Answer), so what comes before the release in the prompt
never changes: a llama.cpp server keeps the instructions and the schema evaluated from one release to the
next, and the release from one question to the next; each question costs only its own words. Numbers are
linked by the release's structure alone (extractor.analysis.links). Asking the model about the numbers the
structure left open cost each development release that had any about 14 s, and changed no figure there or
on the seeds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from extractor.analysis import ReleaseAnalysis, speaks_of_agreement
from extractor.ask.answers import AgreementAnswer, Answer, ClusterAnswer, Names, Parties, PersonAnswer
from extractor.ask.asker import Asker
from extractor.ask.prompts import render
from schemas.agreement import AgreementKind

T = TypeVar("T", Parties, Names)
A = TypeVar("A", Answer, Parties, Names)
PASSAGE_BREAK = "\n[…]\n"  # where the release goes on with a part the model is not shown
MAX_TOKENS = {"clusters": 300, "agreements": 500, "parties": 300, "people": 700, "names": 300}


@dataclass
class Answers:
    clusters: list[ClusterAnswer] = field(default_factory=list)
    agreements: list[AgreementAnswer] = field(default_factory=list)
    people: list[PersonAnswer] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)  # questions answered only in part: the answer ran to its token limit


def ask_release(asker: Asker, analysis: ReleaseAnalysis) -> Answers:
    """Clusters, agreements and people, asked of each part of the release in turn.

    The answers of several parts are joined as they are: the records ground every name in the whole text and
    merge what two parts both name. An answer cut off at its token limit keeps the items it had finished
    (extractor.engine.client.finished_items); one that finished none, or did not fit its schema, is asked for
    again in its short form (parties only, names only), and only when that fails too is its list left empty. The press
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


def _asked(asker: Asker, answers: Answers, step: str, model: type[A], question: str) -> A | None:
    """The answer, noting in answers a question whose answer ran to its token limit (whether asked now or
    remembered in the cache): only the items it finished were kept."""
    cut = asker.behind.cut
    answer = asker.ask(step, model, question, MAX_TOKENS[step])
    if asker.behind.cut > cut and step not in answers.cut:
        answers.cut.append(step)
    return answer


def _ask(asker: Asker, answers: Answers, step: str, text: str, question: str) -> Answer | None:
    return _asked(asker, answers, step, Answer, render("release", text=text, question=question))


def _short_form(asker: Asker, answers: Answers, step: str, model: type[T], text: str) -> T | None:
    """A list asked again in its own small schema, when the full answer did not fit its token limit."""
    return _asked(asker, answers, step, model, render("release", text=text, question=render(step)))


def _ask_part(asker: Asker, text: str, answers: Answers) -> None:
    clusters = _ask(asker, answers, "clusters", text, render("clusters"))
    answers.clusters += clusters.clusters if clusters else []
    _ask_agreements(asker, text, answers)
    if (people := _ask(asker, answers, "people", text, render("people"))) is not None:
        answers.people += people.people
    elif (names := _short_form(asker, answers, "names", Names, text)) is not None:
        answers.people += [PersonAnswer(name=name) for name in names.names]
        asker.recovered("people")


def _ask_agreements(asker: Asker, text: str, answers: Answers) -> None:
    """Asked only of a part that speaks of an agreement, a partnership or a signing in some language: of any
    other part the question costs a call and finds none."""
    if not speaks_of_agreement(text):
        return
    if (agreements := _ask(asker, answers, "agreements", text, render("agreements"))) is not None:
        answers.agreements += agreements.agreements
    elif (parties := _short_form(asker, answers, "parties", Parties, text)) is not None:
        answers.agreements += [AgreementAnswer(kind=AgreementKind.other, parties=p) for p in parties.agreements]
        asker.recovered("agreements")
