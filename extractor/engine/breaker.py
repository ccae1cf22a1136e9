"""The circuit breaker: a batch stops when the model endpoint fails the same way for several releases in a row.

A dead, hung or misconfigured endpoint fails every release alike, and each failure costs retries or a whole
deadline; after ``limit`` releases in a row that failed with the same cause (the same EndpointError class),
the rest of the batch would fail that way too, so the batch stops and marks them "not attempted".
A release that succeeds, or fails for a reason of its own, resets the count. A limit of 0 turns it off.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import EndpointError, ExtractorError

DEFAULT_LIMIT = 3


@dataclass
class Breaker:
    limit: int = DEFAULT_LIMIT
    _cause: type[EndpointError] | None = None
    _count: int = 0

    @property
    def tripped(self) -> bool:
        return self.limit > 0 and self._count >= self.limit

    def record(self, error: ExtractorError | None) -> str | None:
        """Feeds one release's outcome; returns the sentence to stop the batch with once the limit is reached."""
        if not isinstance(error, EndpointError):
            self._cause, self._count = None, 0
            return None
        if type(error) is self._cause:
            self._count += 1
        else:
            self._cause, self._count = type(error), 1
        if not self.tripped:
            return None
        return (
            f"The batch stopped after {self._count} releases in a row failed the same way at the model endpoint "
            f"({str(error).rstrip('.')}); the releases left are marked \"not attempted\" in run.json, and running the "
            "same command again once the endpoint is fixed resumes them."
        )
