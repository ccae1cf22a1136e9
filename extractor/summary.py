"""The end-of-batch summary: one short line per release, and each error on a line of its own.

It has to read the same in an 80-column terminal and in a log file: no table squeezes an error into a
column, and long lines are left whole (soft wrap) for the terminal to fold, never cut.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console

from schemas.common import Severity
from schemas.release import PressRelease
from schemas.run import ReleaseRun, Status

INDENT = " " * 4


def release_line(run: ReleaseRun, errors: int, warnings: int) -> str:
    # The fixed-width part first and the id last, so a long id cannot push the figures out of line.
    tokens = f"{run.prompt_tokens}/{run.completion_tokens}"
    return f"  {run.status.value:<8} {run.seconds:>6.1f}s {run.llm_calls:>2} calls {tokens:>11} tok {errors}E {warnings}W  {run.id}"


def print_summary(console: Console, runs: list[ReleaseRun], releases: list[PressRelease],
                  skipped: list[tuple[Path, str]], out: Path) -> None:
    severities = {r.id: Counter(f.severity for f in r.flags) for r in releases}

    def say(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    say(f"extraction: {len(runs)} release(s); E/W = error and warning flags")
    for run in runs:
        counts = severities.get(run.id, Counter())
        say(release_line(run, counts[Severity.error], counts[Severity.warning]))
        if run.error:
            say(f"{INDENT}{run.error}")
    if skipped:
        say(f"{len(skipped)} path(s) skipped:")
        for path, reason in skipped:
            say(f"{INDENT}{path}: {reason}")
    failed = sum(r.status is Status.failed for r in runs)
    not_done = sum(r.status is Status.not_done for r in runs)
    not_attempted = sum(r.status is Status.not_attempted for r in runs)
    left = (f", {not_done} not done" if not_done else "") + (f", {not_attempted} not attempted" if not_attempted else "")
    say(f"{len(runs) - failed - not_done - not_attempted} of {len(runs)} releases written, {failed} failed{left}, "
        f"{sum(r.llm_calls for r in runs)} LLM calls; report in {out / 'run.json'}.")
