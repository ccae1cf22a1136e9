"""`extractor evaluate GOLD DIR`: precision, recall and F1 per fact kind, and per release what was missed or invented."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.evaluate.gold import read_gold
from extractor.evaluate.matching import KINDS, DocumentScore, Tally, score_document
from extractor.outputs import read_outputs


@dataclass(frozen=True)
class Evaluation:
    documents: list[DocumentScore]
    missing: list[str]
    problems: list[str]

    def kind(self, kind: str) -> Tally:
        total = Tally()
        for d in self.documents:
            total.add(d.tallies[kind])
        return total

    def total(self) -> Tally:
        total = Tally()
        for kind in KINDS:
            total.add(self.kind(kind))
        return total


def evaluate(gold_path: Path, directory: Path) -> Evaluation:
    gold = read_gold(gold_path)
    folder = read_outputs(directory)
    by_id = {r.id: r for r in folder.releases}
    documents = [score_document(doc, by_id.get(doc.doc)) for doc in gold.documents]
    missing = [doc.doc for doc in gold.documents if doc.doc not in by_id]
    return Evaluation(documents, missing, folder.problems)
