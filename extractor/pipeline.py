"""One release, start to finish: analyse → ask → link and ground → records → validate.

Writing and consolidation happen at the batch level (extractor.batch), once every release is known.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from extractor.analysis import ReleaseAnalysis, analyse
from extractor.analysis.links import link_figures
from extractor.analysis.roster import roster
from extractor.ask.asker import Asker, Model
from extractor.ask.prompts import prompt_version, render
from extractor.ask.release import ask_release
from extractor.cache import AnswerCache
from extractor.engine.client import Usage
from extractor.read import SourceText
from extractor.records.people import listed_with_a_role
from extractor.records.release import build_release
from extractor.validate import validate_release
from schemas.release import Extraction, PressRelease


@dataclass(frozen=True)
class Result:
    release: PressRelease
    usage: Usage  # what this run spent on the model
    cache_hit: bool  # every answer came from the cache
    failed_questions: tuple[str, ...]


def extract_release(source: SourceText, llm: Model, cache: AnswerCache | None = None) -> Result:
    started = time.monotonic()
    analysis: ReleaseAnalysis = analyse(source.text, source.published_on)
    asker = Asker(llm, render("system"), cache)
    answers = ask_release(asker, analysis)
    clusters = roster([c.name for c in answers.clusters if not listed_with_a_role(c.name, answers.people, analysis.text)],
                      analysis.presented, analysis.text)
    linking = link_figures(analysis.text, analysis.sentences, analysis.layout, analysis.offered, clusters,
                           analysis.of_kind("quantity"), analysis.announces_agreement)
    behind = asker.behind
    all_cached = asker.spent.calls == 0 and asker.hits > 0
    # The record describes the model work behind its answers, also when this run took them from the
    # cache; run.json tells what this run itself spent.
    extraction = Extraction(
        model=llm.model,
        endpoint=llm.endpoint,
        prompt_version=prompt_version(),
        llm_calls=behind.calls,
        prompt_tokens=behind.prompt_tokens,
        completion_tokens=behind.completion_tokens,
        seconds=round(behind.seconds if all_cached else time.monotonic() - started, 2),
        failed_questions=list(asker.failed),
    )
    release = build_release(source, analysis, answers, clusters, linking, extraction)
    release.flags.extend(validate_release(release, source.text, list(analysis.candidates)))
    return Result(release, asker.spent, all_cached, tuple(asker.failed))
