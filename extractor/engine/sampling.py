"""The embedded server with greedy sampling that asks the grammar about the one token it picks.

llama-cpp-python samples an answer held to a JSON grammar by running the grammar over every token of the
vocabulary (151,936 for Qwen2.5) at every step, then taking the best token left: on 2 cores that costs about
20 ms a generated token, a quarter of each token's time. At temperature 0 the best token the grammar allows
is the best token overall whenever the grammar allows that one, which inside a JSON answer it nearly always
does. llama.cpp's own sampler (common_sampler) therefore asks the grammar about that one token first and
filters the whole vocabulary only when it is refused; this module does the same inside llama-cpp-python's
server, so every answer is the same, token for token, only sooner.

It is the module the server process runs (``python -m extractor.engine.sampling`` with the server's own
arguments); any sampling other than greedy under a grammar is left to llama-cpp-python as it is.
"""
from __future__ import annotations

import ctypes
import math
import runpy
from typing import Any

import numpy as np
from llama_cpp import llama_cpp as native
from llama_cpp._internals import LlamaModel, LlamaSampler
from llama_cpp.llama import Llama
from llama_cpp.llama_grammar import LlamaGrammar

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)])


class GrammarFirst:
    """A sampler for llama.cpp's chain: it leaves the candidates alone when the grammar allows the best of
    them, and otherwise lets the grammar remove every token it refuses; the chain's greedy sampler then picks."""

    def __init__(self, model: LlamaModel, grammar: LlamaGrammar) -> None:
        self.grammar = native.llama_sampler_init_grammar(
            model.vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8")
        )
        self._one = native.llama_token_data()
        self._probe = native.llama_token_data_array(ctypes.pointer(self._one), 1, -1, False)
        # The callbacks are kept on the object: llama.cpp holds bare pointers to them.
        self._apply = native.llama_sampler_i_apply(self._apply_to)
        self._accept = native.llama_sampler_i_accept(lambda _, token: native.llama_sampler_accept(self.grammar, token))
        self._reset = native.llama_sampler_i_reset(lambda _: native.llama_sampler_reset(self.grammar))
        self._iface = native.llama_sampler_i(apply=self._apply, accept=self._accept, reset=self._reset)
        self.sampler = native.llama_sampler(iface=ctypes.pointer(self._iface), ctx=None)

    def _apply_to(self, _: Any, candidates: Any) -> None:
        array = candidates.contents
        size = ctypes.sizeof(native.llama_token_data) * array.size
        data = ctypes.cast(array.data, ctypes.POINTER(ctypes.c_char * size)).contents
        tokens = np.frombuffer(data, dtype=_TOKEN_DATA)
        best = tokens[int(np.argmax(tokens["logit"]))]
        self._one.id, self._one.logit, self._one.p = int(best["id"]), float(best["logit"]), 0.0
        self._probe.size, self._probe.selected = 1, -1
        native.llama_sampler_apply(self.grammar, ctypes.byref(self._probe))
        if math.isinf(self._one.logit):
            native.llama_sampler_apply(self.grammar, candidates)

    def add_to(self, chain: LlamaSampler) -> None:
        """Adds this sampler to chain, which then removes it before it frees itself (llama.cpp would otherwise
        free memory Python owns), and frees the grammar when the chain is closed."""
        native.llama_sampler_chain_add(chain.sampler, ctypes.pointer(self.sampler))
        chain.custom_samplers.append((native.llama_sampler_chain_n(chain.sampler) - 1, self))
        chain._exit_stack.callback(native.llama_sampler_free, self.grammar)


_llama_sampler = Llama._init_sampler


def _init_sampler(self: Llama, **settings: Any) -> LlamaSampler:
    grammar = settings.get("grammar")
    plain_greedy = settings.get("temp") == 0.0 and not settings.get("mirostat_mode") and settings.get("logits_processor") is None
    if grammar is None or not plain_greedy:
        return _llama_sampler(self, **settings)
    chain = LlamaSampler()
    # The same chain llama-cpp-python builds for greedy sampling: penalties, grammar, greedy.
    chain.add_penalties(
        n_vocab=self._n_vocab,
        penalty_last_n=self.last_n_tokens_size,
        penalty_repeat=settings.get("repeat_penalty", 1.0),
        penalty_freq=settings.get("frequency_penalty", 0.0),
        penalty_present=settings.get("presence_penalty", 0.0),
    )
    GrammarFirst(self._model, grammar).add_to(chain)
    chain.add_greedy()
    return chain


def main() -> None:
    Llama._init_sampler = _init_sampler
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
