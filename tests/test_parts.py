"""Long releases are read in parts: spans of the release that each fit one question, cut where the text breaks."""
from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from builders import long_release
from extractor.analysis import analyse
from extractor.analysis.parts import PART_CHARS, passages, reading_parts
from extractor.ask.answers import AgreementAnswer, Answer, ClusterAnswer, PersonAnswer
from extractor.ask.asker import Asker
from extractor.ask.prompts import render
from extractor.ask.release import ask_release
from extractor.engine.client import Usage
from extractor.text.sentences import split_sentences
from schemas.agreement import AgreementKind

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def size(part):
    return sum(end - start for start, end in part)


def test_the_model_reads_a_release_without_its_about_sections_in_one_part():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        analysis = analyse(text)
        (part,) = analysis.parts
        about = [(s.start, s.end) for s in analysis.layout.sections if s.about]
        assert about, path.name
        assert not any(a < end and start < b for start, end in part for a, b in about)
        shown = size(part) + sum(b - a for a, b in about)
        assert shown >= len(text) - 2 * len(about)  # everything else is shown, give or take a line end


def test_a_release_with_no_about_section_is_read_whole():
    text = "Titre du communiqué de presse\n\nLe pôle BioNord signe un accord avec BioSud."
    assert analyse(text).parts == (((0, len(text)),),)
    assert passages(text, analyse(text).layout) == [(0, len(text))]


def test_a_long_release_is_cut_into_parts_within_the_limit_where_the_text_breaks():
    text = long_release()
    parts = analyse(text).parts
    spans = [span for part in parts for span in part]
    assert len(parts) >= 4
    assert all(size(part) <= PART_CHARS for part in parts)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    # a cut inside a passage falls where the text breaks (a heading or a blank line), never inside a sentence
    assert all(text[end - 1] == "\n" or text[end:end + 1] == "\n" for _, end in spans[:-1])


def test_a_text_with_no_break_is_still_cut_within_the_limit_at_spaces():
    text = "mot " * 10_000
    analysis = analyse(text)
    parts = reading_parts(text, split_sentences(text), analysis.layout)
    assert all(size(part) <= PART_CHARS for part in parts)
    assert all(text[end - 1] == " " or end == len(text) for part in parts for _, end in part)


class ByPart:
    """A stand-in model client for this test: answers each question with a name numbered by the call, so the
    joined answers show which parts were asked."""

    model = "by-part"
    endpoint = "test fixture"

    def __init__(self) -> None:
        self.questions: list[str] = []

    def ask(self, response_model, messages, max_tokens=512):
        question = messages[-1]["content"]
        self.questions.append(question)
        n = len(self.questions)
        return Answer(
            clusters=[ClusterAnswer(name=f"Cluster {n}")],
            agreements=[AgreementAnswer(kind=AgreementKind.mou, parties=[f"Cluster {n}", "Partner"])],
            people=[PersonAnswer(name=f"Person {n}")],
        ), Usage(1, 10, 10, 0.0)


@pytest.mark.parametrize("where", ["first", "last"])
def test_every_part_is_asked_after_the_same_prefix_and_the_answers_are_joined(where):
    text = long_release()
    analysis = analyse(text)
    model = ByPart()
    asker = Asker(model, "SYSTEM")
    answers = ask_release(asker, analysis)
    count = len(analysis.parts)
    assert len(model.questions) == 3 * count
    assert len(answers.clusters) == len(answers.agreements) == len(answers.people) == count  # each question fills its own list
    index = 0 if where == "first" else count - 1
    start, end = analysis.parts[index][0]
    for question in model.questions[3 * index:3 * index + 3]:
        assert text[start:end].strip() in question
        assert f"Part {index + 1} of {count}" in question


@pytest.mark.parametrize(("lead", "asked"), [
    ("BioNord, the life-science cluster of the north, now counts 120 members, said Anna Berg, its director.", ["clusters", "people"]),
    ("BioNord, the life-science cluster of the north, signs with BioSud, said Anna Berg, its director.", ["clusters", "agreements", "people"]),
    ("Il polo BioNord ha firmato un protocollo d'intesa con BioSud, ha detto Anna Berg.", ["clusters", "agreements", "people"]),
    ("Nuovo accordo tra il polo BioNord e BioSud, annuncia Anna Berg.", ["clusters", "agreements", "people"]),
])
def test_the_agreements_question_is_asked_only_of_a_part_that_speaks_of_one(lead, asked):
    text = f"BioNord news\n\n{lead}"
    model = ByPart()
    answers = ask_release(Asker(model, "SYSTEM"), analyse(text))
    assert [next(step for step in ("clusters", "agreements", "people") if render(step) in q) for q in model.questions] == asked
    assert bool(answers.agreements) == ("agreements" in asked)
