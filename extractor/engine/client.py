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
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter
from tenacity.wait import wait_base

from extractor.errors import EndpointError, ModelOutputError, ReleaseError

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

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.calls + other.calls,
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.seconds + other.seconds,
        )


def _cause(error: BaseException) -> BaseException:
    """The endpoint's own error behind instructor's wrapper."""
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        return error.__cause__
    return error


def _is_bad_answer(error: BaseException) -> bool:
    """Re-asks ran out on answers that did not parse or validate (or the model refused outright)."""
    return isinstance(error, InstructorRetryException) and (
        bool(error.failed_attempts) or isinstance(error.__cause__, AssertionError)
    )


def is_transient(error: BaseException) -> bool:
    cause = _cause(error)
    if isinstance(cause, (openai.APIConnectionError, openai.RateLimitError)):
        return True
    return isinstance(cause, openai.APIStatusError) and cause.status_code >= 500


class _Meter:
    """Counts every HTTP call of one ``ask``, re-asks and retries included."""

    def __init__(self) -> None:
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0

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
        self.completion_tokens += getattr(usage, "completion_tokens", 0) or 0


class LLM:
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 300.0,
        attempts: int = 4,
        reasks: int = 2,
        http_client: httpx.Client | None = None,
        temperature: float = 0.0,
        wait: wait_base | None = None,
    ) -> None:
        self.base_url = base_url
        self.model = model
        self.attempts = attempts
        self.reasks = reasks
        self.temperature = temperature
        self.wait = wait or wait_exponential_jitter(initial=1, max=30)
        # openai 3 types http_client as an httpx2.Client, yet takes an httpx.Client as well (its
        # is_legacy_httpx_sync_client path); httpx is what this package and its tests use.
        client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", max_retries=0, timeout=timeout,
            http_client=http_client,  # type: ignore[arg-type]
        )
        # TOOLS, not JSON_SCHEMA: llama-cpp's server answers response_format json_schema with HTTP 500, while
        # a forced tool call works and its JSON schema is enforced as a grammar while decoding.
        self._client = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
        self._total = Usage()
        self._lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return self.base_url

    @property
    def usage(self) -> Usage:
        """Everything this client has spent so far, failed asks included."""
        return self._total

    def ask(self, response_model: type[T], messages: Sequence[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        meter = _Meter()
        started = time.monotonic()
        try:
            answer = Retrying(
                stop=stop_after_attempt(self.attempts),
                wait=self.wait,
                retry=retry_if_exception(is_transient),
                reraise=True,
            )(self._exchange, response_model, list(messages), max_tokens, meter)
        except IncompleteOutputException as exc:
            raise ModelOutputError(
                f"The model's answer for {response_model.__name__} was cut off at the {max_tokens}-token limit."
            ) from exc
        except (InstructorRetryException, openai.OpenAIError) as exc:
            cause = _cause(exc)
            if not (isinstance(cause, openai.OpenAIError) or _is_bad_answer(exc)):
                # Not the endpoint and not the answer: a bug on our side, which deserves its own traceback
                # without instructor's wrapper around it.
                raise cause from None
            raise self._explain(cause, response_model) from exc
        finally:
            usage = Usage(meter.calls, meter.prompt_tokens, meter.completion_tokens, time.monotonic() - started)
            with self._lock:
                self._total += usage
        return answer, usage

    def _exchange(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int, meter: _Meter) -> T:
        answer = self._client.create(
            model=self.model,
            response_model=response_model,
            # Plain {"role", "content"} dicts, the shape openai's message TypedDicts describe.
            messages=cast("list[ChatCompletionMessageParam]", messages),
            max_tokens=max_tokens,
            temperature=self.temperature,
            max_retries=self.reasks,
            hooks=meter.hooks(),
        )
        # instructor answers with an instance of its own subclass of response_model, carrying the raw completion
        # in __dict__; callers get the class they asked for, so == and copies behave. The values are validated.
        values = {name: getattr(answer, name) for name in response_model.model_fields}
        return response_model.model_construct(_fields_set=answer.model_fields_set, **values)

    def _explain(self, cause: BaseException, response_model: type[BaseModel]) -> Exception:
        if isinstance(cause, openai.APIConnectionError):
            return EndpointError(
                f"Cannot reach the model endpoint at {self.base_url} ({_connection_detail(cause)}; {_attempts(self.attempts)}). "
                "Start it, or pass --base-url with a running OpenAI-compatible endpoint."
            )
        if isinstance(cause, openai.APIStatusError):
            detail = _status_detail(cause)
            if cause.status_code in (401, 403):
                return EndpointError(f"The model endpoint at {self.base_url} refused the API key ({detail}); pass a valid --api-key.")
            if cause.status_code == 404:
                return EndpointError(f"The model endpoint at {self.base_url} does not serve {self.model!r} ({detail}); check --model and --base-url.")
            if is_transient(cause):
                return EndpointError(f"The model endpoint at {self.base_url} kept failing after {_attempts(self.attempts)} ({detail}).")
            return ReleaseError(f"The model endpoint at {self.base_url} rejected the request for {response_model.__name__} ({detail}).")
        if isinstance(cause, openai.OpenAIError):
            return EndpointError(f"The model endpoint at {self.base_url} sent an answer that is not an OpenAI chat completion ({cause}).")
        return ModelOutputError(
            f"The model's answer did not fit {response_model.__name__} after {self.reasks + 1} tries ({_first_problem(cause)})."
        )


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
