"""Benchmark: this design against a plain single call per release, on the same embedded model, on the
seeds and on the development set (../shared/eval/dev), in one run.

For each release it reports seconds, LLM calls, prompt and completion tokens for both designs, and per set
the F1 of each, per fact kind (scored with ../shared/eval/score.py). The plain design asks once for the
whole release (a PressRelease-shaped answer without offsets), as a first attempt with instructor would.
Outputs are written to RESULTS/<set>/ (this design) and RESULTS/plain/<set>/, so they can be scored again.

    python benchmarks/extract_bench.py [--model qwen2.5-coder-1.5b] [--out benchmarks/results] [--sets seeds dev]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from string import Template

from pydantic import BaseModel

from extractor.engine.client import LLM, Usage
from extractor.engine.deadline import EMBEDDED
from extractor.engine.server import EmbeddedServer
from extractor.engine.weights import MODELS, ensure_model
from extractor.pipeline import extract_release
from extractor.read import read_release
from extractor.write import write_release
from schemas.agreement import AgreementKind
from schemas.common import Qualifier
from schemas.figure import Metric

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"seeds": (ROOT / "seeds", EVAL / "seeds.gold.json"), "dev": (EVAL / "dev" / "docs", EVAL / "dev" / "gold.json")}
SCORER = EVAL / "score.py"
EVALUATED = re.compile(r"prompt eval time =\s*[0-9.]+ ms /\s*([0-9]+) tokens")
PLAIN_PROMPT = Template((Path(__file__).parent / "plain_prompt.txt").read_text(encoding="utf-8"))


class PlainFigure(BaseModel):
    metric: Metric
    value: float
    unit: str
    qualifier: Qualifier
    scope: str | None = None


class PlainCluster(BaseModel):
    name: str
    figures: list[PlainFigure]


class PlainAgreement(BaseModel):
    kind: AgreementKind
    parties: list[str]
    signed_on: str | None = None


class PlainPerson(BaseModel):
    name: str
    role: str | None = None
    organisation: str | None = None


class PlainRelease(BaseModel):
    language: str
    published_on: str | None = None
    agreements: list[PlainAgreement]
    clusters: list[PlainCluster]
    people: list[PlainPerson]


def score(gold: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(out), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.rsplit("\nF1", 1)[0])


class ServerLog:
    """Prompt tokens the server really evaluated: what the prefix cache did not already hold."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = path.stat().st_size

    def evaluated_since_last(self) -> int:
        with self.path.open("rb") as log:
            log.seek(self.offset)
            chunk = log.read().decode("utf-8", errors="replace")
            self.offset = log.tell()
        return sum(int(n) for n in EVALUATED.findall(chunk))


def run_design(name: str, corpus: str, releases: list[Path], out: Path, one, log: ServerLog) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    log.evaluated_since_last()
    for path in releases:
        started = time.monotonic()
        usage = one(path, out)
        rows.append({"design": name, "set": corpus, "release": path.stem, "seconds": round(time.monotonic() - started, 1),
                     "llm_calls": usage.calls, "prompt_tokens": usage.prompt_tokens,
                     "prompt_tokens_evaluated": log.evaluated_since_last(), "completion_tokens": usage.completion_tokens})
        print(json.dumps(rows[-1]), flush=True)
    return rows


KINDS = ("published_on", "agreements", "agreement_dates", "figures", "people", "contradictions")


def markdown(summary: dict[str, dict[str, dict]]) -> str:
    """The README's performance table, per set and design, with F1 per fact kind."""
    head = ("| set | design | F1 | " + " | ".join(KINDS) + " | s / release | calls / release "
            "| prompt tokens / release (sent → evaluated) | completion tokens / release |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for corpus, designs in summary.items():
        for design, s in designs.items():
            kinds = " | ".join(f"{s['per_kind'][k]['f1']:.3f}" for k in KINDS)
            lines.append(f"| {corpus} | {design} | {s['f1']:.3f} | {kinds} | {s['seconds_per_release']} | "
                         f"{s['llm_calls_per_release']} | {s['prompt_tokens_per_release']:,} → "
                         f"{s['prompt_tokens_evaluated_per_release']:,} | {s['completion_tokens_per_release']} |")
    lines.append("")
    for corpus, designs in summary.items():
        if {"designed", "plain"} <= designs.keys():
            r = ratios(designs["designed"], designs["plain"])
            lines.append(f"- {corpus}, designed / plain in the same run: seconds {r['seconds']:.2f}, prompt tokens evaluated "
                         f"{r['prompt_tokens_evaluated']:.2f}, completion tokens {r['completion_tokens']:.2f}.")
    return "\n".join(lines) + "\n"


def ratios(designed: dict, plain: dict) -> dict[str, float]:
    """This design's cost over the plain call's, per release, measured in the same run."""
    keys = {"seconds": "seconds_per_release", "prompt_tokens_evaluated": "prompt_tokens_evaluated_per_release",
            "completion_tokens": "completion_tokens_per_release"}
    return {name: round(designed[key] / plain[key], 3) if plain[key] else 0.0 for name, key in keys.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-coder-1.5b", choices=sorted(MODELS))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    alias = Path(MODELS[args.model].filename).stem

    with EmbeddedServer(ensure_model(args.model), alias=alias, log_path=args.out / "server.log") as server:
        llm = LLM(server.base_url, alias, deadlines=EMBEDDED)
        log = ServerLog(server.log_path)

        def designed(path: Path, out: Path) -> Usage:
            result = extract_release(read_release(path), llm)
            write_release(result.release, out)
            return result.usage

        def plain(path: Path, out: Path) -> Usage:
            text = read_release(path).text
            answer, usage = llm.ask(PlainRelease, [{"role": "user", "content": PLAIN_PROMPT.substitute(text=text)}], 1500)
            (out / f"{path.stem}.json").write_text(answer.model_dump_json(indent=2), encoding="utf-8")
            return usage

        rows = []
        for corpus in args.sets:
            releases = sorted(SETS[corpus][0].glob("*.txt"))
            rows += run_design("designed", corpus, releases, args.out / corpus, designed, log)
            rows += run_design("plain", corpus, releases, args.out / "plain" / corpus, plain, log)

    summary: dict[str, dict[str, dict]] = {}
    for corpus in args.sets:
        gold = SETS[corpus][1]
        for design, folder in (("designed", args.out / corpus), ("plain", args.out / "plain" / corpus)):
            mine = [r for r in rows if r["design"] == design and r["set"] == corpus]
            scored = score(gold, folder)
            count = len(mine)
            summary.setdefault(corpus, {})[design] = {
                "f1": round(scored["f1"], 3),
                "per_kind": scored["kinds"],
                "seconds_per_release": round(sum(r["seconds"] for r in mine) / count, 1),
                "llm_calls_per_release": round(sum(r["llm_calls"] for r in mine) / count, 2),
                "prompt_tokens_per_release": round(sum(r["prompt_tokens"] for r in mine) / count),
                "prompt_tokens_evaluated_per_release": round(sum(r["prompt_tokens_evaluated"] for r in mine) / count),
                "completion_tokens_per_release": round(sum(r["completion_tokens"] for r in mine) / count),
            }
    for designs in summary.values():
        if {"designed", "plain"} <= designs.keys():
            designs["designed"]["ratio_to_plain"] = ratios(designs["designed"], designs["plain"])
    result = {"date": dt.date.today().isoformat(), "model": args.model, "releases": rows, "summary": summary}
    (args.out / "extract_bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    (args.out / "extract_bench.md").write_text(markdown(summary), encoding="utf-8")
    print(f"{'set':<7}{'design':<10}{'F1':>7}{'s/release':>11}{'calls':>7}{'prompt tok':>12}{'evaluated':>11}{'compl tok':>11}")
    for corpus, designs in summary.items():
        for design, s in designs.items():
            if "ratio_to_plain" in s:
                print(f"{corpus:<7}{'ratio':<10} designed / plain seconds {s['ratio_to_plain']['seconds']:.2f} (goal ≤ 0.5)")
            print(f"{corpus:<7}{design:<10}{s['f1']:>7.3f}{s['seconds_per_release']:>11.1f}{s['llm_calls_per_release']:>7}"
                  f"{s['prompt_tokens_per_release']:>12}{s['prompt_tokens_evaluated_per_release']:>11}{s['completion_tokens_per_release']:>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
