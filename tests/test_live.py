"""End to end on the real embedded model (`make live-test`); skipped by the default run."""
from pathlib import Path

import pytest

from extractor.engine.client import LLM
from extractor.engine.server import EmbeddedServer
from extractor.engine.weights import ensure_model
from extractor.pipeline import extract_release
from extractor.read import read_release
from extractor.write import write_release

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ce0a02a784ade571.txt"

pytestmark = pytest.mark.live


def test_the_real_server_extracts_a_seed(tmp_path):
    with EmbeddedServer(ensure_model(), alias="live") as server:
        result = extract_release(read_release(SEED), LLM(server.base_url, "live"))
    write_release(result.release, tmp_path)
    release = result.release
    assert result.usage.calls >= 4 and result.usage.prompt_tokens > 1000
    names = {c.name for c in release.clusters}
    assert {"BioWin", "Polepharma"} <= names
    polepharma = next(c for c in release.clusters if c.name == "Polepharma")
    assert any(f.metric.value == "members" and f.value == 445 for f in polepharma.figures)
    assert release.agreements and set(release.agreements[0].parties) == {"BioWin", "Polepharma"}


def test_grammar_first_sampling_writes_the_same_answer_as_llama_cpp_python():
    """The server's sampler (extractor.engine.sampling) must change the time of an answer, never a token of it."""
    import json

    from llama_cpp import Llama
    from llama_cpp.llama_grammar import LlamaGrammar

    from extractor.ask.answers import Answer
    from extractor.engine import sampling

    grammar = LlamaGrammar.from_json_schema(json.dumps(Answer.model_json_schema()), verbose=False)
    llm = Llama(model_path=str(ensure_model()), n_ctx=4096, n_threads=2, verbose=False)
    prompt = (f"<|im_start|>user\nPRESS RELEASE:\n{SEED.read_text(encoding='utf-8')}\n\nQUESTION: List every person named "
              "in the release with their role.<|im_end|>\n<|im_start|>assistant\n")
    answers = []
    for init in (Llama._init_sampler, sampling._init_sampler):
        Llama._init_sampler = init
        try:
            answers.append(llm.create_completion(prompt, max_tokens=120, temperature=0.0, grammar=grammar)["choices"][0]["text"])
        finally:
            Llama._init_sampler = sampling._llama_sampler
    assert answers[0] == answers[1] and json.loads(answers[0])["people"]
