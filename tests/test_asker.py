"""The asker: one question at a time, each answered from the cache when asked before; a question the model
cannot answer costs that question only."""
from __future__ import annotations

import json

from pydantic import BaseModel

from extractor.analysis import analyse
from extractor.ask.answers import MOST_PEOPLE, AgreementAnswer, Answer, ClusterAnswer, Names, Parties, PersonAnswer
from extractor.ask.asker import Asker
from extractor.ask.prompts import render
from extractor.ask.release import ask_release
from extractor.cache import AnswerCache
from extractor.engine.client import Usage
from extractor.errors import ModelOutputError
from extractor.pipeline import extract_release
from extractor.read import read_release


class Scripted:
    """A stand-in model client for these tests: answers by question, or fails for the ones named.

    Questions are told apart by their prompt's first words (``render(step)``), short forms by their answer
    model, as the release's questions all share one answer model.
    """

    model = "scripted"
    endpoint = "test fixture"

    def __init__(self, answers: dict[str, BaseModel], failing: tuple[str, ...] = (), cut: tuple[str, ...] = ()) -> None:
        self.answers = answers
        self.failing = failing
        self.cut = cut  # questions answered in part, as a client answers one that ran to its token limit
        self.asked: list[str] = []

    def step(self, response_model, messages) -> str:
        if response_model is not Answer:
            return response_model.__name__.lower()
        question = messages[-1]["content"]
        return next(step for step in ("clusters", "agreements", "people")
                    if render(step).split("\n")[0][:40] in question)

    def ask(self, response_model, messages, max_tokens=512):
        step = self.step(response_model, messages)
        self.asked.append(step)
        if step in self.failing:
            raise ModelOutputError(f"The model's answer for {step} was cut off.")
        return self.answers.get(step, Answer()), Usage(1, 100, 10, 0.5, int(step in self.cut))


def test_an_answer_asked_before_comes_from_the_cache(tmp_path):
    model = Scripted({"names": Names(names=[])})
    first = Asker(model, "RELEASE", AnswerCache(tmp_path))
    assert first.ask("names", Names, "Who?", 300) == Names(names=[])
    again = Asker(model, "RELEASE", AnswerCache(tmp_path))
    assert again.ask("names", Names, "Who?", 300) == Names(names=[])
    assert model.asked == ["names"]
    assert (again.spent.calls, again.behind.calls, again.hits) == (0, 1, 1)
    other = Asker(model, "ANOTHER SYSTEM", AnswerCache(tmp_path))
    other.ask("names", Names, "Who?", 300)
    assert model.asked == ["names", "names"]


TEXT = "Un communiqué de presse assez long pour un titre\n\nJean Dupont préside le pôle BioNord, qui signe un accord avec Pôle Sud."


def test_a_failed_question_costs_that_question_and_its_short_form_rescues_it():
    model = Scripted({"names": Names(names=["Jean Dupont"])}, failing=("agreements", "parties", "people"))
    asker = Asker(model, "SYSTEM")
    answers = ask_release(asker, analyse(TEXT))
    assert [p.name for p in answers.people] == ["Jean Dupont"]
    assert answers.agreements == []
    assert asker.failed == ["agreements", "parties"]
    assert model.asked == ["clusters", "agreements", "parties", "people", "names"]


def test_a_short_form_that_answers_leaves_no_failure():
    model = Scripted({"parties": Parties(agreements=[["BioNord", "Pôle Sud"]])}, failing=("agreements",))
    asker = Asker(model, "SYSTEM")
    answers = ask_release(asker, analyse(TEXT))
    assert [a.parties for a in answers.agreements] == [["BioNord", "Pôle Sud"]]
    assert asker.failed == []


def test_everything_before_the_release_is_the_same_for_every_question_and_release():
    """The system message and the answer schema are the prefix a llama.cpp server keeps between releases,
    and the release the prefix it keeps between one question and the next."""
    seen = []

    class Recording(Scripted):
        def ask(self, response_model, messages, max_tokens=512):
            seen.append((response_model.model_json_schema(), messages))
            return super().ask(response_model, messages, max_tokens)

    for text in ("Premier communiqué : le pôle BioNord signe une convention.", "Second release: the BioSud cluster signs a partnership."):
        ask_release(Asker(Recording({}), render("system")), analyse(text))
    assert len(seen) == 6
    schemas = {json.dumps(schema, sort_keys=True) for schema, _ in seen}
    systems = {messages[0]["content"] for _, messages in seen}
    assert len(schemas) == 1 and len(systems) == 1
    first, second = seen[0][1][1]["content"], seen[1][1][1]["content"]
    assert first.split("QUESTION")[0] == second.split("QUESTION")[0] and "BioNord" in first
    assert "title" not in str(seen[0][0]["properties"]) and "$ref" not in str(seen[0][0])


def test_the_people_list_is_capped_in_the_schema_but_a_longer_answer_is_still_taken():
    """The cap reaches the model as maxItems, so a grammar-following server ends a list a small model keeps
    repeating; a server that sends more people than the cap loses none of them."""
    properties = Answer.model_json_schema()["properties"]
    assert {name: spec.get("maxItems") for name, spec in properties.items()} == \
        {"clusters": None, "agreements": None, "people": MOST_PEOPLE}
    repeated = Answer.model_validate({"people": [{"name": "Ada Lovelace", "role": "présidente"}] * (MOST_PEOPLE + 4)})
    assert len(repeated.people) == MOST_PEOPLE + 4


SIGNED_BY_PRESIDENTS = ("Protocollo tra i cluster\n\nMilano, 3 marzo 2024 – È stato firmato dai presidenti dei due cluster, "
                        "AlpiBio e NordMed, Giulia Ferri e Marco Conti, un protocollo d'intesa triennale.")


def test_signatories_the_model_lists_as_parties_and_as_affiliated_people_are_people(tmp_path):
    path = tmp_path / "protocollo.txt"
    path.write_text(SIGNED_BY_PRESIDENTS, encoding="utf-8")
    model = Scripted({
        "clusters": Answer(clusters=[ClusterAnswer(name="AlpiBio"), ClusterAnswer(name="NordMed")]),
        "agreements": Answer(agreements=[AgreementAnswer(kind="mou", parties=["AlpiBio", "NordMed"]),
                                         AgreementAnswer(kind="mou", parties=["Giulia Ferri", "Marco Conti"])]),
        "people": Answer(people=[PersonAnswer(name="AlpiBio", organisation="cluster"),
                                 PersonAnswer(name="Giulia Ferri", organisation="AlpiBio"),
                                 PersonAnswer(name="Marco Conti", organisation="NordMed")]),
    })
    release = extract_release(read_release(path), model).release
    assert [a.parties for a in release.agreements] == [["AlpiBio", "NordMed"]]
    assert [p.name for p in release.people] == ["Giulia Ferri", "Marco Conti"]


def test_an_answer_cut_at_its_token_limit_is_kept_without_its_short_form_and_flagged(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(TEXT, encoding="utf-8")
    model = Scripted({"people": Answer(people=[PersonAnswer(name="Jean Dupont")])}, cut=("people",))
    for _ in range(2):  # asked, then from the cache: the cut is remembered with the answer
        release = extract_release(read_release(path), model, AnswerCache(tmp_path / "cache")).release
        assert [p.name for p in release.people] == ["Jean Dupont"]
        assert [(f.code, f.severity.value) for f in release.flags if f.code == "answer_cut"] == [("answer_cut", "warning")]
        assert release.extraction.failed_questions == []
    assert model.asked == ["clusters", "agreements", "people"]
