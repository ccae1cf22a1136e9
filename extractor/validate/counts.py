"""A stated count beside the list it counts: "5 offices (Chartres, Louviers, Tours, Paris, Bordeaux)".

Lists are read by extractor.analysis.lists; a count that matches either reading of the last
conjunction ("A, Recherche et Développement") is consistent.

A cluster profile's ``offices`` list is compared with its ``offices`` figure when every listed
city is in the figure's sentence, i.e. both came from the same statement.
"""
from __future__ import annotations

from collections.abc import Iterable

from extractor.analysis.lists import counted_lists, sentence_end
from extractor.text.fold import name_key
from extractor.validate.flags import make_flag, quote
from extractor.validate.subject import PlacedFigure, Subject
from schemas.common import Evidence, Flag, Qualifier
from schemas.figure import Metric


def check(subject: Subject) -> list[Flag]:
    if subject.text is None:
        return []
    flags = []
    covered: list[tuple[int, int]] = []
    for found in counted_lists(subject.text, subject.candidates):
        if found.count in found.readings:
            continue
        covered.append((found.start, found.end))
        figures = [
            p for p in subject.figures
            if p.figure.evidence is not None and p.figure.evidence.start < found.end and found.start < p.figure.evidence.end
        ]
        listed = len(found.items) if len(found.readings) == 1 else " or ".join(map(str, sorted(found.readings)))
        span = subject.text[found.start:found.end]
        flags.append(make_flag(
            "count_list_mismatch",
            f"The text says {found.count} {found.noun} but lists {listed}: {', '.join(found.items)} ({quote(span)}).",
            cluster=figures[0].cluster if figures else None,
            metric=str(figures[0].figure.metric) if figures else None,
            paths=[p.path for p in figures],
            evidence=[Evidence(text=span, start=found.start, end=found.end)],
        ))
    flags.extend(_office_flags(subject, subject.text, covered))
    return flags


def _office_flags(subject: Subject, text: str, covered: list[tuple[int, int]]) -> Iterable[Flag]:
    for i, profile in enumerate(subject.release.clusters):
        if not profile.offices:
            continue
        for placed in subject.figures:
            ev = _exact_office_count(placed)
            if ev is None or not placed.path.startswith(f"/clusters/{i}/"):
                continue
            if any(s < ev.end and ev.start < e for s, e in covered) or not subject.slices(ev):
                continue
            sentence = _sentence_around(text, ev.start, ev.end)
            words = f" {name_key(sentence)} "
            if not all(f" {name_key(city)} " in words for city in profile.offices):
                continue
            if len(profile.offices) != placed.figure.value:
                yield make_flag(
                    "count_list_mismatch",
                    f"{placed.cluster} is given {placed.figure.value:g} offices but its office list from the same sentence "
                    f"names {len(profile.offices)}: {', '.join(profile.offices)}.",
                    cluster=placed.cluster, metric=str(Metric.offices),
                    paths=[placed.path, f"/clusters/{i}/offices"], evidence=[ev],
                )


def _exact_office_count(placed: PlacedFigure) -> Evidence | None:
    """The evidence of an exact office count, the one figure an office list can contradict; None for any other."""
    f = placed.figure
    return f.evidence if f.metric == Metric.offices and f.qualifier == Qualifier.exact else None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    right = sentence_end(text, end)
    return text[left + 1:right]
