"""Asks an OpenAI-compatible endpoint for answers shaped like a Pydantic model, and counts what it cost.

Two kinds of failure are handled in two places. An answer that does not validate goes back to the model
with the validation error (instructor's re-ask, ``reasks`` times). A transient endpoint failure (no
connection, timeout, 429, 5xx) is retried by tenacity around the whole exchange with backoff.

What instructor 1.17 does with errors (instructor/v2/core/retry.py, ``retry_sync_v2``): it only retries
parse errors; any exception from the HTTP call, and the last parse error once re-asks run out, comes out
as ``InstructorRetryException`` with the original error as ``__cause__``. ``IncompleteOutputException``
(the answer hit ``max_tokens``) comes out unwrapped. Usage: instructor adds every attempt's usage into
``completion.usage`` of the final response, but a failed exchange only reports it on the exception, and
calls that failed at the HTTP level report none; so calls and tokens are counted per HTTP call through
instructor's ``completion:kwargs`` and ``completion:response`` hooks instead, so plain ``create`` suffices.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import httpx
import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from instructor.core.hooks import Hooks
from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError
from pydantic_core import from_json
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential,
    wait_random,
)
from tenacity.wait import wait_base

from extractor.engine.deadline import CURRENT, Call, Deadlines, DeadlineTransport, retry_after
from extractor.errors import (
    BadEndpointResponse,
    EndpointAuthError,
    EndpointServerError,
    EndpointTimeout,
    EndpointUnreachable,
    ExtractorError,
    ModelNotFound,
    ModelOutputError,
    RateLimited,
    ReleaseError,
    UsageError,
)
from extractor.redact import mask_url, redact, register, url_secrets

T = TypeVar("T", bound=BaseModel)

# instructor logs every failed attempt at ERROR; with no logging configured Python would print those to stderr
# on top of the one sentence we report. A NullHandler keeps them out of sight unless the app sets up logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Usage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cut: int = 0  # answers cut off at their token limit, of which only the finished items were kept

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.calls + other.calls,
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.seconds + other.seconds,
            self.cut + other.cut,
        )


def _cause(error: BaseException) -> BaseException:
    """The endpoint's own error behind instructor's wrapper."""
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        return error.__cause__
    return error


def _ours(error: BaseException) -> ExtractorError | None:
    """An error of this tool raised below openai (the stop switch, a body that is no completion), which openai
    wraps in APIConnectionError."""
    seen: BaseException | None = _cause(error)
    while seen is not None:
        if isinstance(seen, ExtractorError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _cut_off(response_model: type[BaseModel], max_tokens: int) -> ModelOutputError:
    return ModelOutputError(f"The model's answer for {response_model.__name__} was cut off at the {max_tokens}-token limit.")


def _written(response: Any) -> str:
    """The JSON the model wrote: its tool call's arguments, or its message when it answered in the message."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return ""
    calls = getattr(message, "tool_calls", None) or []
    arguments = getattr(getattr(calls[0], "function", None), "arguments", None) if calls else None
    return arguments if isinstance(arguments, str) else getattr(message, "content", None) or ""


def finished_json(written: str) -> dict[str, Any] | None:
    """What an answer cut off at its token limit had finished: every list item written in full, none of the one
    the limit cut in the middle. A small model runs into the limit repeating a list ("X, X, X, …"); the items
    before the cut are as good as in an answer that ended, and asking again would run into the limit again.
    None when no item was finished."""
    try:
        data = from_json(written, allow_partial=True)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    lists = [key for key, value in data.items() if isinstance(value, list) and value]
    # An object or list item is whole only when the text stops right after its closing bracket; a string item
    # cut in the middle is already left out by the parser.
    if lists and isinstance(data[lists[-1]][-1], dict | list) and not written.rstrip().rstrip(",").rstrip().endswith(("}", "]")):
        data[lists[-1]] = data[lists[-1]][:-1]
    return data if any(data.get(key) for key in lists) else None


def finished_items(response_model: type[T], written: str) -> T | None:
    """The finished items of a cut-off answer (finished_json), when they fit the answer's schema."""
    data = finished_json(written)
    if data is None:
        return None
    try:
        return response_model.model_validate(data)
    except ValidationError:
        return None


def _is_bad_answer(error: BaseException) -> bool:
    """Re-asks ran out on answers that did not parse or validate (or the model refused outright)."""
    return isinstance(error, InstructorRetryException) and (
        bool(error.failed_attempts) or isinstance(error.__cause__, AssertionError)
    )


def is_transient(error: BaseException) -> bool:
    """Worth another attempt: no connection, 429, 5xx. A timeout is not: a server that let one deadline pass
    would let the next pass too, and each attempt would cost the whole deadline again."""
    cause = _cause(error)
    if isinstance(cause, openai.APITimeoutError) or _ours(error) is not None:
        return False
    if isinstance(cause, (openai.APIConnectionError, openai.RateLimitError)):
        return True
    return isinstance(cause, openai.APIStatusError) and cause.status_code >= 500


class _Meter:
    """Counts every HTTP call of one ``ask``, re-asks and retries included, and sees an answer cut off at the limit.

    llama.cpp's server reports a tool call cut off at ``max_tokens`` as finished ("tool_calls"), not as
    "length", so instructor takes the truncated JSON for a bad answer and re-asks; a small model that ran into
    the limit (often repeating itself) runs into it again, each time on a longer prompt. An answer that used
    every token it was allowed is taken as cut off, and is not asked again.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.cut = False
        self.written = ""  # the last answer's JSON, kept for the items it finished if it was cut off

    def hooks(self) -> Hooks:
        hooks = Hooks()
        hooks.on("completion:kwargs", self._on_call)
        hooks.on("completion:response", self._on_response)
        return hooks

    def _on_call(self, *args: Any, **kwargs: Any) -> None:
        self.calls += 1

    def _on_response(self, response: Any) -> None:
        # Runs before instructor folds this response's usage into its running total.
        usage = getattr(response, "usage", None)
        self.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
        completion = getattr(usage, "completion_tokens", 0) or 0
        self.completion_tokens += completion
        self.cut = completion >= self.limit
        self.written = _written(response)

    def worth_reasking(self, error: BaseException) -> bool:
        return isinstance(error, ValueError) and not self.cut  # instructor's parse errors are all ValueErrors


def check_base_url(base_url: str) -> None:
    """A base URL must be an http(s) URL with a host; anything else is a usage error, never retried."""
    try:
        parts = httpx.URL(base_url)
        valid = parts.scheme in ("http", "https") and bool(parts.host)
    except (httpx.InvalidURL, TypeError, ValueError):
        valid = False
    if not valid:
        raise UsageError(
            f"--base-url {mask_url(base_url)!r} is not an http(s) URL; give the full address, such as http://localhost:8000/v1."
        )


class LLM:
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        deadlines: Deadlines | None = None,
        timeout: float | None = None,
        attempts: int = 4,
        reasks: int = 2,
        http_client: httpx.Client | None = None,
        temperature: float = 0.0,
        wait: wait_base | None = None,
    ) -> None:
        check_base_url(base_url)
        user, password = url_secrets(base_url)
        register(api_key, password, user if password is None else None)
        self.base_url = base_url
        self.model = model
        self.attempts = attempts
        self.reasks = reasks
        self.temperature = temperature
        # Short first pauses: a refused connection is told in ~4 s per release, and the breaker ends the rest.
        self.wait = wait or wait_exponential(multiplier=0.5, max=30) + wait_random(0, 0.5)
        # ``timeout`` alone (tests, older callers) bounds both the wait for each byte and the whole question.
        self.deadlines = deadlines or (Deadlines(read=timeout, total=timeout) if timeout else Deadlines())
        self.stopping = threading.Event()
        if http_client is None:
            http_client = httpx.Client(transport=DeadlineTransport())
        http_client.event_hooks["response"] = [*http_client.event_hooks["response"], _check_completion]
        # openai 3 types http_client and timeout as httpx2 ones, yet takes httpx's as well (its
        # is_legacy_httpx_sync_client path); httpx is what this package and its tests use.
        client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", max_retries=0,
            timeout=self.deadlines.timeout(),  # type: ignore[arg-type]
            http_client=http_client,  # type: ignore[arg-type]
        )
        # TOOLS, not JSON_SCHEMA: llama-cpp's server answers response_format json_schema with HTTP 500, while
        # a forced tool call works and its JSON schema is enforced as a grammar while decoding.
        self._client = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
        self._total = Usage()
        self._lock = threading.Lock()

    def interrupt(self) -> None:
        """Ends every question under way within a fraction of a second and refuses new ones (Ctrl-C, breaker)."""
        self.stopping.set()

    @property
    def endpoint(self) -> str:
        """The base URL as it may be written: credentials masked."""
        return mask_url(self.base_url)

    @property
    def usage(self) -> Usage:
        """Everything this client has spent so far, failed asks included."""
        return self._total

    def ask(self, response_model: type[T], messages: Sequence[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        meter = _Meter(max_tokens)
        started = time.monotonic()
        call = Call(self.deadlines, self.stopping)
        token = CURRENT.set(call)
        cut = 0
        try:
            call.check()
            answer = Retrying(
                stop=stop_after_attempt(self.attempts) | stop_before_delay(self.deadlines.total),
                wait=self._pause,
                retry=retry_if_exception(is_transient),
                sleep=call.sleep,
                reraise=True,
            )(self._exchange, response_model, list(messages), max_tokens, meter)
        except IncompleteOutputException as exc:
            if (finished := finished_items(response_model, meter.written)) is None:
                raise _cut_off(response_model, max_tokens) from exc
            answer, cut = finished, 1
        except (InstructorRetryException, openai.OpenAIError) as exc:
            answer, cut = self._finished_or_raise(exc, response_model, max_tokens, meter, call), 1
        finally:
            CURRENT.reset(token)
            # failed asks are spent too
            usage = Usage(meter.calls, meter.prompt_tokens, meter.completion_tokens, time.monotonic() - started, cut)
            with self._lock:
                self._total += usage
        return answer, usage

    def _finished_or_raise(self, exc: InstructorRetryException | openai.OpenAIError, response_model: type[T],
                           max_tokens: int, meter: _Meter, call: Call) -> T:
        """The finished items of an answer cut off at its token limit, else the one error that tells what failed."""
        if meter.cut and _is_bad_answer(exc):
            if (finished := finished_items(response_model, meter.written)) is None:
                raise _cut_off(response_model, max_tokens) from None
            return finished
        ours = _ours(exc)
        if ours is not None:
            raise ours from None
        cause = _cause(exc)
        if not (isinstance(cause, openai.OpenAIError) or _is_bad_answer(exc)):
            # Not the endpoint and not the answer: a bug on our side, which deserves its own traceback
            # without instructor's wrapper around it.
            raise cause from None
        raise self._explain(cause, response_model, call) from None

    def _pause(self, state: RetryCallState) -> float:
        """The backoff, or the server's Retry-After (seconds or HTTP date) up to the cap when it gave one."""
        error = state.outcome.exception() if state.outcome else None
        response = getattr(_cause(error), "response", None) if error else None
        asked = retry_after(getattr(response, "headers", None))
        if asked is not None:
            return min(asked, self.deadlines.retry_after_cap)
        return self.wait(state)

    def _exchange(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int, meter: _Meter) -> T:
        answer = self._client.create(
            model=self.model,
            response_model=response_model,
            # Plain {"role", "content"} dicts, the shape openai's message TypedDicts describe.
            messages=cast("list[ChatCompletionMessageParam]", messages),
            max_tokens=max_tokens,
            temperature=self.temperature,
            max_retries=Retrying(stop=stop_after_attempt(self.reasks + 1), retry=retry_if_exception(meter.worth_reasking), reraise=True),
            hooks=meter.hooks(),
        )
        # instructor answers with an instance of its own subclass of response_model, carrying the raw completion
        # in __dict__; callers get the class they asked for, so == and copies behave. The values are validated.
        values = {name: getattr(answer, name) for name in response_model.model_fields}
        return response_model.model_construct(_fields_set=answer.model_fields_set, **values)

    def _explain(self, cause: BaseException, response_model: type[BaseModel], call: Call) -> Exception:
        where = f"The model endpoint at {self.endpoint}"
        if isinstance(cause, openai.APITimeoutError):
            which = call.expired or "read"
            seconds = {"connect": self.deadlines.connect, "read": self.deadlines.read}.get(which, self.deadlines.total)
            option = {"connect": "--connect-timeout", "read": "--read-timeout"}.get(which, "--total-timeout")
            return EndpointTimeout(redact(
                f"{where} did not answer within the {which} deadline of {seconds:g} s; check that it is up and not "
                f"overloaded, or allow more time with {option}."
            ))
        if isinstance(cause, openai.APIConnectionError):
            return EndpointUnreachable(redact(
                f"Cannot reach the model endpoint at {self.endpoint} ({_connection_detail(cause)}; {_attempts(self.attempts)}). "
                "Start it, or pass --base-url with a running OpenAI-compatible endpoint."
            ))
        if isinstance(cause, openai.APIStatusError):
            detail = _status_detail(cause)
            code = cause.status_code
            if code in (401, 403):
                return EndpointAuthError(redact(f"{where} refused the API key ({detail}); pass a valid --api-key or set OPENAI_API_KEY."))
            if code == 404:
                return ModelNotFound(redact(f"{where} does not serve {self.model!r} ({detail}); check --model and --base-url (it usually ends in /v1)."))
            if code == 429:
                return RateLimited(redact(
                    f"{where} kept refusing with HTTP 429 (rate limit) after {_attempts(self.attempts)} ({detail}); "
                    "lower --jobs or wait before re-running."
                ))
            if code >= 500:
                return EndpointServerError(redact(
                    f"{where} kept failing after {_attempts(self.attempts)} ({detail}); check the server's log, then re-run."
                ))
            return ReleaseError(redact(f"{where} rejected the request for {response_model.__name__} ({detail}); this release was skipped."))
        if isinstance(cause, openai.OpenAIError):
            return BadEndpointResponse(redact(
                f"{where} sent an answer that is not an OpenAI chat completion ({cause}); check that --base-url points at an "
                "OpenAI-compatible API."
            ))
        return ModelOutputError(
            f"The model's answer did not fit {response_model.__name__} after {self.reasks + 1} tries ({_first_problem(cause)})."
        )


def _check_completion(response: httpx.Response) -> None:
    """A 200 from the chat endpoint must be a chat completion; anything else is named here, in one sentence,
    instead of failing deep inside openai or instructor ("list index out of range", "'NoneType' object …")."""
    if response.status_code != 200 or not response.request.url.path.endswith("/chat/completions"):
        return
    response.read()
    where = f"The model endpoint at {mask_url(str(response.request.url))}"
    fix = "check that --base-url points at an OpenAI-compatible API and that the server is healthy"
    try:
        body = response.json()
    except ValueError:
        sample = " ".join(response.text[:80].split())
        raise BadEndpointResponse(redact(f"{where} answered HTTP 200 with a body that is not JSON ({sample!r}); {fix}.")) from None
    if not isinstance(body, dict):
        raise BadEndpointResponse(redact(f"{where} answered HTTP 200 with JSON that is not an object; {fix}."))
    if body.get("error"):
        error = body["error"]
        message = error.get("message") if isinstance(error, dict) else error
        said = " ".join(str(message).split())[:300]
        raise BadEndpointResponse(redact(f"{where} answered HTTP 200 with an error instead of a completion ({said}); {fix}."))
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices or not all(isinstance(c, dict) and isinstance(c.get("message"), dict) for c in choices):
        raise BadEndpointResponse(redact(f"{where} answered HTTP 200 with no usable choices in its completion; {fix}."))


def _status_detail(error: openai.APIStatusError) -> str:
    body = error.body
    message = body.get("message") if isinstance(body, dict) else None
    message = " ".join(str(message or error.message).split())
    return f"HTTP {error.status_code}: {message[:300]}"


def _attempts(count: int) -> str:
    return f"{count} attempt" if count == 1 else f"{count} attempts"


def _connection_detail(error: openai.APIConnectionError) -> str:
    # openai says only "Connection error."; the httpx error underneath says which ("Connection refused").
    underlying = str(error.__cause__ or "").strip()
    return re.sub(r"^\[Errno -?\d+\] ", "", underlying) or str(error).rstrip(".")


def _first_problem(error: BaseException) -> str:
    if isinstance(error, ValidationError) and error.errors():
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "answer"
        return f"{where}: {problem['msg']}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
