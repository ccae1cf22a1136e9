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
