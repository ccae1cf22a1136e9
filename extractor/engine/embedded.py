"""The default model: an LLM on the embedded server, which starts on the first question only.

A batch whose releases are all in the answer cache never loads 1.1 GB of weights nor starts a server.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from extractor.engine.client import LLM, Usage
from extractor.engine.server import EmbeddedServer
from extractor.engine.weights import MODELS, ensure_model
from extractor.errors import Interrupted, SetupError

T = TypeVar("T", bound=BaseModel)
ENDPOINT = "embedded llama-cpp-python server on 127.0.0.1"


class EmbeddedLLM:
    def __init__(self, name: str, **llm_options: Any) -> None:
        if name not in MODELS:
            raise SetupError(f"Unknown embedded model {name!r}; choose one of: {', '.join(sorted(MODELS))}.")
        self.name = name
        self.model = Path(MODELS[name].filename).stem
        self.endpoint = ENDPOINT
        self._options = llm_options
        self._server: EmbeddedServer | None = None
        self._llm: LLM | None = None
        self._stopped = False

    def interrupt(self) -> None:
        """See LLM.interrupt; also keeps a server that has not started yet from starting."""
        self._stopped = True
        if self._llm is not None:
            self._llm.interrupt()

    def ask(self, response_model: type[T], messages: Sequence[dict[str, Any]], max_tokens: int = 512) -> tuple[T, Usage]:
        if self._stopped:
            raise Interrupted("The batch was stopped before this release was extracted.")
        if self._llm is None:
            self._server = EmbeddedServer(ensure_model(self.name), alias=self.model)
            self._server.start()
            self._llm = LLM(self._server.base_url, self.model, **self._options)
        return self._llm.ask(response_model, messages, max_tokens)

    @property
    def started(self) -> bool:
        return self._server is not None

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
            self._llm = None
