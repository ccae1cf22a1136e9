"""One exception hierarchy. Every message is a sentence a user can act on: what failed, where, and what to run."""
from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the tool reports to a user instead of a traceback."""


class SetupError(ExtractorError):
    """The tool cannot run at all: missing model, failed build, bad option. Exit code 2."""


class EndpointError(ExtractorError):
    """The model endpoint cannot be reached or keeps failing after retries."""


class ReleaseError(ExtractorError):
    """One release cannot be processed; the batch records it and goes on."""


class InputError(ReleaseError):
    """The source file itself is unusable: empty, binary, unreadable."""


class ModelOutputError(ReleaseError):
    """The model kept answering outside the schema after the allowed re-asks."""
