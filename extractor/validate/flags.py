"""Every flag code the validators and the consolidation raise, its severity, and how a flag is worded.

VALIDATOR_CODES is the one place that says which codes a validation run owns: `extractor validate`
replaces exactly those in a release and keeps the rest (``ungrounded``, ``model_output_error``,
``currency_inferred``... belong to the extraction step).
"""
from __future__ import annotations

from collections.abc import Iterable

from schemas.common import Evidence, Flag, Severity

SEVERITIES: dict[str, Severity] = {
    # inside one release (extractor/validate)
    "contradictory_figures": Severity.warning,
    "count_list_mismatch": Severity.warning,
    "value_mismatch": Severity.error,
    "figure_without_evidence": Severity.warning,
    "evidence_span_mismatch": Severity.error,
    "implausible_share": Severity.error,
    "negative_value": Severity.error,
    "date_after_release": Severity.warning,
    "letter_in_number": Severity.warning,
    "invalid_phone": Severity.warning,
    "foreign_phone": Severity.warning,
    # across a batch (extractor/consolidate), on clusters.json
    "conflicting_sources": Severity.warning,
}
HISTORY_CODES = frozenset({"conflicting_sources"})
VALIDATOR_CODES = frozenset(SEVERITIES) - HISTORY_CODES

_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}
_QUALIFIER_WORDS = {"at_least": "at least ", "at_most": "at most ", "approx": "about ", "exact": ""}


def make_flag(
    code: str,
    message: str,
    *,
    cluster: str | None = None,
    metric: str | None = None,
    paths: Iterable[str] = (),
    evidence: Iterable[Evidence | None] = (),
) -> Flag:
    """A flag with the severity its code always has; missing evidence spans are left out."""
    return Flag(
        code=code,
        severity=SEVERITIES[code],
        message=message,
        cluster=cluster,
        metric=metric,
        paths=list(dict.fromkeys(paths)),
        evidence=list({(e.start, e.end, e.text): e for e in evidence if e is not None}.values()),
    )


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    return _RANK[Severity(severity)] >= _RANK[Severity(threshold)]


def describe(value: int | float, unit: str, qualifier: str = "exact", metric: str | None = None) -> str:
    """A value as a person reads it: "at least 300 members", "53%", "25,300,000,000 EUR"."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    if unit == "percent":
        body = f"{number}%"
    elif unit == "count":
        body = f"{number} {metric.replace('_', ' ')}" if metric else number
    else:
        body = f"{number} {unit}"
    return _QUALIFIER_WORDS.get(str(qualifier), "") + body


def quote(evidence: Evidence | str | None) -> str:
    """Evidence text in quotes for a message, shortened when long, or a note that there is none."""
    if evidence is None:
        return "no evidence"
    text = " ".join((evidence if isinstance(evidence, str) else evidence.text).split())
    return f'"{text[:77]}..."' if len(text) > 80 else f'"{text}"'
