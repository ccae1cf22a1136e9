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


class UsageError(SetupError):
    """An option the tool cannot use as given (a base URL that is not a URL). Exit code 2 at once, no retry."""


class Interrupted(ExtractorError):
    """The batch was asked to stop (Ctrl-C, or the circuit breaker) while this request was under way."""


class EndpointStopped(SetupError):
    """The circuit breaker: the endpoint failed the same way for several releases in a row. Exit code 2."""


# What went wrong at the model endpoint, one class per cause: the circuit breaker compares causes by class.
class EndpointUnreachable(EndpointError):
    """No connection: refused, unknown host, reset."""


class EndpointTimeout(EndpointError):
    """Connected, but the answer did not come within the connect, read or total deadline."""


class EndpointAuthError(EndpointError):
    """HTTP 401 or 403: the key was refused."""


class ModelNotFound(EndpointError):
    """HTTP 404: no such model (or no such path) at the endpoint."""


class RateLimited(EndpointError):
    """HTTP 429 after every allowed retry."""


class EndpointServerError(EndpointError):
    """HTTP 5xx after every allowed retry."""


class BadEndpointResponse(EndpointError):
    """An answer that is no chat completion: not JSON, no choices, an error object in a 200."""
