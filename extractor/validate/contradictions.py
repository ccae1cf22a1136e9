"""One release giving one cluster two values of a figure that cannot both hold (BioWin: 260 and 250 members).

Figures are compared only within the same cluster (after alias resolution), metric, unit, scope and
date; scope "Normandie" is another population than the whole cluster, and "plus de 300" beside "360"
is not a contradiction (see intervals.py). Two values in one sentence are two populations the sentence tells
apart ("2.5 miliardi di fatturato globale e 1.7 miliardi di fatturato globale industriale"), not a clash. A figure given as part of another ("42 entreprises dont 17
start-up") is no rival of any figure, and flows (funding, projects) are never compared: a release states
several programmes' budgets and several years' project counts without any of them contradicting another.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from extractor.text.sentences import Sentences, split_sentences
from extractor.validate.flags import describe, make_flag, quote
from extractor.validate.intervals import compatible, same_value, scope_key
from extractor.validate.subject import PlacedFigure, Subject
from schemas.common import Flag
from schemas.figure import FLOW_METRICS, Metric


def check(subject: Subject) -> list[Flag]:
    groups: dict[tuple[str, Metric, str, str | None, dt.date | None], list[PlacedFigure]] = defaultdict(list)
    for placed in subject.figures:
        f = placed.figure
        if f.part_of is not None or f.metric in FLOW_METRICS:
            continue
        groups[(placed.cluster, f.metric, f.unit, scope_key(f.scope), placed.as_of)].append(placed)
    flags = []
    sentences: Sentences | None = None
    for (cluster, metric, _, _, _), members in groups.items():
        if len(members) > 1 and sentences is None:
            sentences = split_sentences(subject.text or "")
        clashing = [
            p for p in members
            if any(not _agree(p, other) and not _one_sentence(p, other, sentences) for other in members if other is not p)
        ]
        if clashing:
            flags.append(_flag(cluster, str(metric), clashing))
    return flags


def _one_sentence(a: PlacedFigure, b: PlacedFigure, sentences: Sentences | None) -> bool:
    ea, eb = a.figure.evidence, b.figure.evidence
    return sentences is not None and ea is not None and eb is not None and bool(sentences.spans) and sentences.at(ea.start) == sentences.at(eb.start)


def _agree(a: PlacedFigure, b: PlacedFigure) -> bool:
    fa, fb = a.figure, b.figure
    return compatible(fa.value, fa.qualifier, fb.value, fb.qualifier)


def _flag(cluster: str, metric: str, clashing: list[PlacedFigure]) -> Flag:
    stated: list[str] = []
    seen: list[tuple[float, str]] = []
    for p in clashing:
        f = p.figure
        if any(same_value(v, f.value) and q == f.qualifier for v, q in seen):
            continue
        seen.append((f.value, f.qualifier))
        stated.append(f"{describe(f.value, f.unit, f.qualifier, metric)} ({quote(f.evidence)}, {p.path})")
    scope = clashing[0].figure.scope
    where = f" in {scope}" if scope else ""
    return make_flag(
        "contradictory_figures",
        f"{cluster}{where} is given {' and '.join(stated)} in the same release; these values cannot all hold.",
        cluster=cluster,
        metric=metric,
        paths=[p.path for p in clashing],
        evidence=[p.figure.evidence for p in clashing],
    )
