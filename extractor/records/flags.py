"""Flags raised while building records (the validators raise their own)."""
from __future__ import annotations

from schemas.common import Evidence, Flag, Severity

UNGROUNDED = "ungrounded"
CURRENCY_INFERRED = "currency_inferred"
METRIC_UNIT_MISMATCH = "metric_unit_mismatch"
PROMPT_INJECTION = "prompt_injection"
SIGNED_ON_ASSUMED = "signed_on_assumed"
QUESTION_FAILED = "question_failed"
ANSWER_CUT = "answer_cut"

EXTRACTION_CODES = frozenset({UNGROUNDED, CURRENCY_INFERRED, METRIC_UNIT_MISMATCH, PROMPT_INJECTION, SIGNED_ON_ASSUMED,
                              QUESTION_FAILED, ANSWER_CUT})


def ungrounded(what: str, said: str, *, cluster: str | None = None, metric: str | None = None) -> Flag:
    return Flag(
        code=UNGROUNDED,
        severity=Severity.warning,
        message=f"The model named {what} {said!r}, which does not appear in the release; it was left out.",
        cluster=cluster,
        metric=metric,
    )


def flag(code: str, severity: Severity, message: str, *, cluster: str | None = None, metric: str | None = None,
         paths: list[str] | None = None, evidence: list[Evidence] | None = None) -> Flag:
    return Flag(code=code, severity=severity, message=message, cluster=cluster, metric=metric,
                paths=paths or [], evidence=evidence or [])
