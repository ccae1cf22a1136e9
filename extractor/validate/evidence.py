"""Whether each figure is what its evidence says, and whether each evidence span is really in the source.

A figure's value is re-read from its own evidence with the number parser; it must match in value
and in unit family (a count is not a percent). Evidence that names no currency still supports a
money figure: the currency was inferred at extraction, which that step flags itself.
"""
from __future__ import annotations

from collections.abc import Iterable

from extractor.candidates import find_candidates
from extractor.normalize.numbers import parse_quantity
from extractor.validate.flags import describe, make_flag, quote
from extractor.validate.intervals import same_value
from extractor.validate.subject import PlacedFigure, Subject
from schemas.common import Evidence, Flag

Reading = tuple[float, str]   # value, unit


def check(subject: Subject) -> list[Flag]:
    flags: list[Flag] = []
    if subject.text is not None:
        flags.extend(_span_flags(subject, subject.text))
    for placed in subject.figures:
        flags.extend(_figure_flags(subject, placed))
    return flags


def _span_flags(subject: Subject, text: str) -> Iterable[Flag]:
    for pointer, evidence in subject.evidence:
        if not subject.slices(evidence):
            found = text[evidence.start:evidence.end]
            yield make_flag(
                "evidence_span_mismatch",
                f"The evidence at {pointer} says {quote(evidence)} but the source has "
                f"{quote(found) if found else 'nothing (the text is shorter)'} "
                f"at characters {evidence.start}-{evidence.end}.",
                paths=[pointer],
                evidence=[evidence],
            )


def _figure_flags(subject: Subject, placed: PlacedFigure) -> Iterable[Flag]:
    figure = placed.figure
    metric = str(figure.metric)
    if figure.evidence is None:
        yield make_flag(
            "figure_without_evidence",
            f"{placed.cluster}: {describe(figure.value, figure.unit, figure.qualifier, metric)} has no evidence "
            "in the source text to check it against.",
            cluster=placed.cluster, metric=metric, paths=[placed.path],
        )
        return
    readings = list(_readings(subject, figure.evidence))
    if any(same_value(value, figure.value) and units_agree(unit, figure.unit) for value, unit in readings):
        return
    if readings:
        read = " or ".join(describe(v, u) for v, u in dict.fromkeys(readings))
        detail = f"the evidence {quote(figure.evidence)} reads {read}"
    else:
        detail = f"no number can be read from the evidence {quote(figure.evidence)}"
    yield make_flag(
        "value_mismatch",
        f"{placed.cluster}: the figure says {describe(figure.value, figure.unit, figure.qualifier, metric)} but {detail}.",
        cluster=placed.cluster, metric=metric, paths=[placed.path], evidence=[figure.evidence],
    )


def _readings(subject: Subject, evidence: Evidence) -> Iterable[Reading]:
    # The whole text's candidates carry the context the parser needs ("plus de" just before
    # the span); a span that does not slice the text is read on its own.
    if subject.slices(evidence):
        candidates = [c for c in subject.candidates if c.start < evidence.end and evidence.start < c.end]
    else:
        candidates = find_candidates(evidence.text, subject.release.language)
    found = [(float(c.value), c.unit or "count") for c in candidates if c.kind == "quantity" and isinstance(c.value, int | float)]
    if found:
        return found
    quantity = parse_quantity(evidence.text, subject.release.language)
    return [] if quantity is None else [(float(quantity.value), quantity.unit)]


def unit_family(unit: str) -> str:
    return unit if unit in ("count", "percent") else "money"


def units_agree(read: str, stated: str) -> bool:
    """Same unit, or a bare number read where the figure names a currency."""
    if read == stated:
        return True
    return unit_family(read) == "count" and unit_family(stated) == "money"
