"""One release, start to finish: read → find candidates → ask → ground and normalise → validate.

Writing and consolidation happen at the batch level (extractor.batch), once every release is known.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from extractor.ask import offer
from extractor.ask.prompts import prompt_version
from extractor.ask.release import Answers, ask_release
from extractor.cache import AnswerCache, cache_key
from extractor.candidates import Candidate, find_candidates
from extractor.engine.client import LLM, Usage
from extractor.guard import instruction_spans
from extractor.layout import Layout, read_layout
from extractor.normalize.language import detect_language
from extractor.read import SourceText
from extractor.records.release import build_release
from extractor.validate import validate_release
from schemas.release import SCHEMA_VERSION, Extraction, PressRelease


@dataclass(frozen=True)
class Reading:
    """Everything the tool reads from a release before any model call."""

    language: str | None
    candidates: list[Candidate]
    layout: Layout
    offered: list[Candidate]
    injections: list[tuple[int, int]]


@dataclass(frozen=True)
class Result:
    release: PressRelease
    usage: Usage
    cache_hit: bool


def read_release_text(text: str) -> Reading:
    language = detect_language(text)
    candidates = find_candidates(text, language)
    layout = read_layout(text, candidates)
    injections = instruction_spans(text)
    return Reading(language, candidates, layout, offer.choose(candidates, text, injections), injections)


def extract_release(source: SourceText, llm: LLM, cache: AnswerCache | None = None) -> Result:
    started = time.monotonic()
    reading = read_release_text(source.text)
    key = cache_key(source.sha256, llm.model, prompt_version(), SCHEMA_VERSION)
    cached = cache.get(key) if cache else None
    if cached is not None and {"answers", "usage"} <= cached.keys():
        answers, spent, usage = Answers.from_dict(cached["answers"]), Usage(**cached["usage"]), Usage()
    else:
        cached = None
        answers, usage = ask_release(llm, source.text, reading.offered, reading.layout)
        spent = usage
        if cache:
            cache.put(key, {"answers": answers.to_dict(), "usage": asdict(usage)})
    # The record describes the model work behind its answers, also when this run took them from the
    # cache; run.json tells what this run itself spent.
    extraction = Extraction(
        model=llm.model,
        endpoint=llm.endpoint,
        prompt_version=prompt_version(),
        llm_calls=spent.calls,
        prompt_tokens=spent.prompt_tokens,
        completion_tokens=spent.completion_tokens,
        seconds=round(spent.seconds if cached else time.monotonic() - started, 2),
    )
    release = build_release(source, reading.language, reading.layout, reading.candidates, reading.offered, answers, extraction, reading.injections)
    release.flags.extend(validate_release(release, source.text, reading.candidates))
    return Result(release, usage, cached is not None)
