"""Benchmark: how `--jobs N` keeps N requests in flight against a remote endpoint, and what the pipeline
costs outside the model.

The endpoint is a stand-in, not a model: an OpenAI-compatible server on 127.0.0.1 that waits a fixed
latency L before answering every question with empty lists, so each release costs the same number of calls
and only scheduling is measured. It prints, and writes to RESULTS/jobs_bench.json:

- scheduling: N releases with --jobs C against latency L, the wall time against the ideal N·calls·L/C
  (the goal is a ratio within 1.15);
- overhead: the same releases with no latency and one job, the seconds per release spent outside the
  model (reading, analysis, records, validation, consolidation, writing, HTTP on loopback), the best of
  OVERHEAD_RUNS runs.

    python benchmarks/jobs_bench.py [--releases 40] [--jobs 8] [--latency 0.5] [--out benchmarks/results]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rich.console import Console

from extractor.batch import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev" / "docs")
OVERHEAD_RUNS = 3


class StandIn(BaseHTTPRequestHandler):
    """Answers a forced tool call with empty lists for every required field, after the server's latency."""

    latency = 0.0

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(self.latency)
        tool = body["tools"][0]["function"]
        arguments = {name: [] for name in tool["parameters"].get("required", [])}
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call", "type": "function", "function": {"name": tool["name"], "arguments": json.dumps(arguments)}}]}
        payload = json.dumps({
            "id": "stand-in", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": message}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


def releases(count: int, folder: Path) -> list[Path]:
    """count release files made from the seeds and the dev set, each under its own name."""
    texts = [p for corpus in CORPORA if corpus.is_dir() for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit("No release texts found in seeds/ or ../shared/eval/dev/docs.")
    folder.mkdir(parents=True)
    made = []
    for n in range(count):
        made.append(folder / f"r{n:04d}.txt")
        shutil.copy(texts[n % len(texts)], made[-1])
    return made


def timed_batch(folder: Path, out: Path, url: str, jobs: int) -> tuple[float, int]:
    options = BatchOptions(out=out, jobs=jobs, base_url=url, model="stand-in", use_cache=False)
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        run_batch([folder], options, Console(file=quiet))
    seconds = time.perf_counter() - started
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    failed = [r["id"] for r in report["releases"] if r["status"] == "failed"]
    if failed:
        raise SystemExit(f"{len(failed)} releases failed against the stand-in: {failed[:3]}")
    return seconds, sum(r["llm_calls"] for r in report["releases"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--latency", type=float, default=2.0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "in"
            releases(args.releases, folder)
            StandIn.latency = 0.0
            timed_batch(folder, Path(scratch) / "warm", url, 1)  # imports and first-use caches, not measured
            # The best of a few runs, as timeit reports: on this machine one run's fsyncs alone vary by 15 ms a release.
            runs = [timed_batch(folder, Path(scratch) / f"overhead-{n}", url, 1)[0] for n in range(OVERHEAD_RUNS)]
            overhead = min(runs)
            StandIn.latency = args.latency
            wall, calls = timed_batch(folder, Path(scratch) / "jobs", url, args.jobs)
    finally:
        server.shutdown()
    ideal = calls * args.latency / args.jobs
    result = {
        "releases": args.releases, "jobs": args.jobs, "latency_s": args.latency, "llm_calls": calls,
        "wall_s": round(wall, 2), "ideal_s": round(ideal, 2), "ratio_to_ideal": round(wall / ideal, 3),
        "overhead_ms_per_release": round(1000 * overhead / args.releases, 1),
        "overhead_ms_per_release_runs": [round(1000 * run / args.releases, 1) for run in runs],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "jobs_bench.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{args.releases} releases, {calls} calls, --jobs {args.jobs}, latency {args.latency} s: "
          f"{wall:.2f} s against an ideal {ideal:.2f} s (ratio {wall / ideal:.3f}, goal ≤ 1.15)")
    print(f"pipeline overhead outside the model: {result['overhead_ms_per_release']} ms per release, best of "
          f"{OVERHEAD_RUNS} runs {result['overhead_ms_per_release_runs']} (goal < 50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
