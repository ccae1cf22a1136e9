"""The asker: one question at a time, each answered from the cache when asked before; a question the model
cannot answer costs that question only."""
from __future__ import annotations

from pydantic import BaseModel

from extractor.analysis import analyse
from extractor.ask.answers import Clusters, Names
from extractor.ask.asker import Asker
from extractor.ask.release import ask_release
from extractor.cache import AnswerCache
from extractor.engine.client import Usage
from extractor.errors import ModelOutputError


class Scripted:
    """A stand-in model client for these tests: answers by response model, or fails for the ones named."""

    model = "scripted"
    endpoint = "test fixture"

    def __init__(self, answers: dict[str, BaseModel], failing: tuple[str, ...] = ()) -> None:
        self.answers = answers
        self.failing = failing
        self.asked: list[str] = []

    def ask(self, response_model, messages, max_tokens=512):
        self.asked.append(response_model.__name__)
        if response_model.__name__ in self.failing:
            raise ModelOutputError(f"The model's answer for {response_model.__name__} was cut off.")
        return self.answers[response_model.__name__], Usage(1, 100, 10, 0.5)


def test_an_answer_asked_before_comes_from_the_cache(tmp_path):
    model = Scripted({"Clusters": Clusters(clusters=[])})
    first = Asker(model, "RELEASE", AnswerCache(tmp_path))
    assert first.ask("clusters", Clusters, "Which clusters?", 300) == Clusters(clusters=[])
    again = Asker(model, "RELEASE", AnswerCache(tmp_path))
    assert again.ask("clusters", Clusters, "Which clusters?", 300) == Clusters(clusters=[])
    assert model.asked == ["Clusters"]
    assert (again.spent.calls, again.behind.calls, again.hits) == (0, 1, 1)
    other = Asker(model, "ANOTHER RELEASE", AnswerCache(tmp_path))
    other.ask("clusters", Clusters, "Which clusters?", 300)
    assert model.asked == ["Clusters", "Clusters"]


def test_a_failed_question_costs_that_question_and_its_short_form_rescues_it():
    text = "Un communiqué de presse assez long pour un titre\n\nJean Dupont préside le pôle BioNord."
    model = Scripted({"Clusters": Clusters(clusters=[]), "Names": Names(names=["Jean Dupont"])},
                     failing=("Agreements", "Parties", "People"))
    asker = Asker(model, text)
    answers = ask_release(asker, analyse(text))
    assert [p.name for p in answers.people] == ["Jean Dupont"]
    assert answers.agreements == []
    assert asker.failed == ["agreements", "parties"]
    assert model.asked == ["Clusters", "Agreements", "Parties", "People", "Names"]
