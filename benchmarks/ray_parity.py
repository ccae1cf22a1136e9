"""1,000 synthetic releases through the plain batch and through Ray: same clusters.json? `python benchmarks/ray_parity.py`.

Both runs use the stand-in model of tests/standin.py (no model, no network) on a local Ray instance
with 2 CPUs; the script prints the times and exits 1 when the two clusters.json differ.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

import ray
from rich.console import Console

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

from extractor.batch import BatchOptions, run_batch  # noqa: E402
from extractor.scale.ray_batch import run_on_ray  # noqa: E402
from standin import standin_client  # noqa: E402
from synthetic import write_releases  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--releases", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_releases(root / "in", args.releases)
        started = time.monotonic()
        run_batch([root / "in"], BatchOptions(out=root / "plain", use_cache=False), Console(file=io.StringIO()), llm=standin_client())
        plain_s = time.monotonic() - started
        ray.init(num_cpus=2, include_dashboard=False, runtime_env={"env_vars": {"PYTHONPATH": str(TESTS)}})
        started = time.monotonic()
        run_on_ray([root / "in"], BatchOptions(out=root / "ray", use_cache=False, jobs=2), Console(file=io.StringIO()), client=standin_client)
        ray_s = time.monotonic() - started
        ray.shutdown()
        plain, on_ray = ((root / name / "clusters.json").read_bytes() for name in ("plain", "ray"))
        index = json.loads(plain)
        same = plain == on_ray
        print(f"{args.releases} releases: plain batch {plain_s:.1f} s, Ray (2 actors) {ray_s:.1f} s; clusters {len(index['clusters'])}, "
              f"conflict flags {sum(len(c['flags']) for c in index['clusters'])}; clusters.json identical: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
