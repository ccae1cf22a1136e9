"""The shape of the code: packages import downwards only, and no rule names a release the project was tuned on."""
from __future__ import annotations

import ast
import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def package_imports() -> dict[str, set[str]]:
    """extractor.<package> -> the extractor packages it imports."""
    edges: dict[str, set[str]] = defaultdict(set)
    for path in (ROOT / "extractor").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        source = ".".join(parts[:2]).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extractor."):
                target = ".".join(node.module.split(".")[:2])
                if target != source:
                    edges[source].add(target)
    return edges


def test_no_import_cycle_between_packages():
    edges = package_imports()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in edges.get(node, ()):
            assert state.get(target) != 1, " -> ".join([*path, target])
            if target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in list(edges):
        if node not in state:
            visit(node, [node])


@pytest.mark.parametrize("early", ["extractor.analysis", "extractor.ask", "extractor.records", "extractor.validate"])
def test_reading_stages_do_not_import_the_orchestrators(early):
    assert not package_imports()[early] & {"extractor.pipeline", "extractor.batch", "extractor.cli", "extractor.revalidate"}


def gold_names() -> set[str]:
    names: set[str] = set()
    for gold in [EVAL / "seeds.gold.json", EVAL / "dev" / "gold.json"]:
        for doc in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            names.update(doc["people"])
            names.update(f["cluster"] for f in doc["figures"])
            names.update(p for a in doc["agreements"] for p in a["parties"])
    return {n for name in names for n in re.split(r"\s*[()]\s*", name) if len(n) >= 4}


def rule_texts() -> list[tuple[Path, str]]:
    """What can act as a rule: string literals in code (docstrings and comments only explain), word lists, prompts."""
    texts = []
    for path in (ROOT / "extractor").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        literals = [node.value for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
        texts.append((path, "\n".join(literals)))
    for path in (ROOT / "extractor" / "lexicon").rglob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts.append((path, "\n".join(str(v) for table in data.values() for v in (table.values() if isinstance(table, dict) else [table]))))
    for path in (ROOT / "prompts").glob("*.txt"):
        texts.append((path, path.read_text(encoding="utf-8")))
    return texts


@pytest.mark.skipif(not (EVAL / "dev" / "gold.json").exists(), reason="../shared/eval is not beside the project")
def test_no_rule_names_a_cluster_party_or_person_of_the_seeds_or_the_dev_set():
    """The curated alias file, which users edit, may name clusters; code, word lists and prompts may not."""
    found = []
    for path, text in rule_texts():
        for name in gold_names():
            if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text, re.IGNORECASE):
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert found == []
