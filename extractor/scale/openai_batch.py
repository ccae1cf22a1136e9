"""`extractor extract --batch-api`: the questions go to OpenAI's Batch API instead of one chat call each.

The pipeline asks several questions per release in sequence, and later ones depend on earlier answers
(the figures question offers the clusters the first answer named; a short form is asked only when the
long one failed). So the batch runs in rounds: each round runs the pipeline on every unfinished release
until it reaches its first question without an answer, sends all those questions as one batch (one JSONL
line each, ``custom_id`` = the question's cache key), waits for it, and stores the answers in an answer
cache inside the output folder. When no release has a question left, the ordinary batch (extractor.batch)
runs once more on those answers and writes every release, run.json and clusters.json as `extract` does.
A seed-sized release takes four or five rounds.

Everything a restart needs is in ``OUT/.batch-api/``: the answers, the keys the batch has answered, and
the batch in flight. A restart waits for that batch instead of submitting again, and a batch already
created for the uploaded file is found by its input file id before any new one is made.

The Batch API cannot re-ask: an answer outside its schema, or cut off at the token limit, fails that
question (the release is written as ``partial``, or its short form is asked in the next round), as a
question whose re-asks ran out does in the ordinary path.
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import instructor
import openai
from instructor.processing.response import handle_response_model
from pydantic import BaseModel
from rich.console import Console

from extractor.ask.asker import question_key
from extractor.batch import BatchOptions, run_batch
from extractor.cache import AnswerCache
from extractor.engine.client import Usage, finished_json
from extractor.errors import EndpointError, ExtractorError, ModelOutputError, SetupError
from extractor.pipeline import extract_release
from extractor.read import read_release
from extractor.walk import walk_releases
from extractor.write import write_json

T = TypeVar("T", bound=BaseModel)
STATE_DIR = ".batch-api"
CHAT_ENDPOINT = "/v1/chat/completions"
DONE = frozenset({"completed", "failed", "expired", "cancelled"})
# Every round answers at least one question per unfinished release, and no release asks more than
# seven (clusters, agreements, parties, people, names, contacts, figures).
MAX_ROUNDS = 8


class Pending(Exception):
    """Raised by the collector at a release's first unanswered question, which it has noted."""


@dataclass
class BatchState:
    """OUT/.batch-api/state.json."""

    model: str
    rounds: int = 0
    answered: list[str] = field(default_factory=list)
    input_file_id: str | None = None
    batch_id: str | None = None


class Collector:
    """The model client of each round: it notes the request of every question the batch has not answered.

    A question the batch did answer reaches it only when the stored answer did not validate: that question
    failed, as one whose re-asks ran out.
    """

    def __init__(self, model: str, endpoint: str, answered: set[str]) -> None:
        self.model = model
        self.endpoint = endpoint
        self.answered = answered
        self.pending: dict[str, dict[str, Any]] = {}

    def ask(self, response_model: type[T], messages: list[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        key = question_key(self.model, response_model, messages, max_tokens)
        if key in self.answered:
            raise ModelOutputError(f"The Batch API's answer for {response_model.__name__} did not fit its schema or its token limit.")
        # The very request instructor sends in the ordinary path: a forced tool call with the answer's schema.
        _, body = handle_response_model(response_model, mode=instructor.Mode.TOOLS, messages=messages,
                                        max_tokens=max_tokens, temperature=0.0)
        self.pending[key] = {"model": self.model, **body}
        raise Pending(key)


def batch_client(base_url: str | None, api_key: str | None) -> openai.OpenAI:
    """The client for the files and batches endpoints; OpenAI's own unless --base-url names another."""
    return openai.OpenAI(base_url=base_url or "https://api.openai.com/v1", api_key=api_key or "not-needed", max_retries=3)


def run_batch_api(paths: list[Path], options: BatchOptions, client: openai.OpenAI, console: Console | None = None,
                  poll_seconds: float = 30.0, max_wait_seconds: float = 26 * 3600) -> int:
    """Extracts every release under paths through the Batch API at ``client``; returns the exit code."""
    console = console or Console(stderr=True)
    if not options.model:
        raise SetupError("--batch-api needs --model (or EXTRACTOR_MODEL): the model the Batch API should run.")
    folder = options.out / STATE_DIR
    state = _load(folder, options.model)
    cache = AnswerCache(folder / "answers")
    collector = Collector(options.model, f"OpenAI Batch API at {client.base_url}", set(state.answered))
    files = walk_releases(paths).files
    while True:
        if state.batch_id is not None:
            _collect(client, _wait(client, state.batch_id, poll_seconds, max_wait_seconds, console), cache, state)
            _save(folder, state)
        questions = _next_questions(files, collector, cache)
        if not questions:
            break
        if state.rounds >= MAX_ROUNDS:
            raise EndpointError(f"The Batch API left questions unanswered after {state.rounds} rounds; see {folder} and run again.")
        _submit(client, folder, state, questions, console)
    options = replace(options, use_cache=True, cache_dir=folder / "answers", jobs=1)
    return run_batch(paths, options, console, llm=collector)


def _load(folder: Path, model: str) -> BatchState:
    path = folder / "state.json"
    if not path.exists():
        return BatchState(model=model)
    try:
        state = BatchState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise SetupError(f"{path} is not a batch state this tool wrote ({exc}); delete {folder} to start the batch again.") from exc
    if state.model != model:
        raise SetupError(f"{folder} holds a batch for model {state.model!r}; use that --model, or another --out for {model!r}.")
    return state


def _save(folder: Path, state: BatchState) -> None:
    write_json(folder / "state.json", asdict(state))


def _next_questions(files: list[Path], collector: Collector, cache: AnswerCache) -> dict[str, dict[str, Any]]:
    collector.pending = {}
    for path in files:
        try:
            extract_release(read_release(path), collector, cache)
        except (Pending, ExtractorError):
            continue  # a release that cannot be read or extracted fails in the final run, with its message
    return collector.pending


def _submit(client: openai.OpenAI, folder: Path, state: BatchState, questions: dict[str, dict[str, Any]], console: Console) -> None:
    round_file = folder / f"round-{state.rounds + 1}.jsonl"
    lines = [json.dumps({"custom_id": key, "method": "POST", "url": CHAT_ENDPOINT, "body": body}, ensure_ascii=False)
             for key, body in sorted(questions.items())]
    content = ("\n".join(lines) + "\n").encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    round_file.write_bytes(content)
    try:
        if state.input_file_id is None:
            state.input_file_id = client.files.create(file=(round_file.name, content), purpose="batch").id
            _save(folder, state)
        # A batch may have been created for this file by a run stopped before it could note the batch's id.
        # The newest 100 batches: a run stopped moments after creating one finds it there.
        existing = next((b for b in client.batches.list(limit=100).data if b.input_file_id == state.input_file_id), None)
        # No automatic retry of the creation: a retried POST whose first answer was lost would make a second batch.
        batch = existing or client.with_options(max_retries=0).batches.create(
            input_file_id=state.input_file_id, endpoint="/v1/chat/completions", completion_window="24h",
            metadata={"tool": "cluster-release-extractor", "round": str(state.rounds + 1)},
        )
    except openai.OpenAIError as exc:
        raise EndpointError(f"The Batch API at {client.base_url} refused the batch ({exc}); {round_file} holds its requests.") from exc
    state.batch_id = batch.id
    _save(folder, state)
    console.print(f"round {state.rounds + 1}: {len(lines)} questions submitted as batch {batch.id}")


def _wait(client: openai.OpenAI, batch_id: str, poll_seconds: float, max_wait_seconds: float, console: Console) -> Any:
    deadline = time.monotonic() + max_wait_seconds
    while True:
        try:
            batch = client.batches.retrieve(batch_id)
        except openai.OpenAIError as exc:
            raise EndpointError(f"Cannot read batch {batch_id} from {client.base_url} ({exc}); run the same command again to resume.") from exc
        if batch.status in DONE:
            return batch
        if time.monotonic() >= deadline:
            raise EndpointError(f"Batch {batch_id} is still {batch.status}; run the same command again later to collect it "
                                "(it will not be submitted twice).")
        console.print(f"batch {batch_id} {batch.status}", highlight=False)
        time.sleep(poll_seconds)


def _collect(client: openai.OpenAI, batch: Any, cache: AnswerCache, state: BatchState) -> None:
    """Stores every answer of a finished batch; questions it left out are asked again in the next round."""
    if batch.status == "failed":
        state.input_file_id = state.batch_id = None
        errors = "; ".join(e.message or e.code or "" for e in (batch.errors.data or [])) if batch.errors else "no reason given"
        raise EndpointError(f"The Batch API failed batch {batch.id} ({errors}); run the same command again to submit a new one.")
    answered = set(state.answered)
    for file_id in (batch.output_file_id, batch.error_file_id):
        if not file_id:
            continue
        try:
            text = client.files.content(file_id).text
        except openai.OpenAIError as exc:
            raise EndpointError(f"Cannot download file {file_id} of batch {batch.id} ({exc}); run the same command again to resume.") from exc
        for line in text.splitlines():
            if line.strip():
                key, answer = _answer(json.loads(line))
                if answer is not None:
                    cache.put(key, answer)
                answered.add(key)
    state.answered = sorted(answered)
    state.input_file_id = state.batch_id = None
    state.rounds += 1


def _answer(line: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The cache entry for one output line, or None when it holds no answer a question can use."""
    key = str(line.get("custom_id"))
    response = line.get("response") or {}
    if response.get("status_code") != 200:
        return key, None
    body = response.get("body") or {}
    try:
        choice = body["choices"][0]
        written = choice["message"]["tool_calls"][0]["function"]["arguments"]
        cut = choice.get("finish_reason") == "length"
        arguments = finished_json(written) if cut else json.loads(written)
    except (KeyError, IndexError, TypeError, ValueError):
        return key, None
    if arguments is None:
        return key, None
    usage = body.get("usage") or {}
    spent = Usage(1, int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0), 0.0, int(cut))
    return key, {"answer": arguments, "usage": asdict(spent)}
