"""How an evaluation is shown: a table per fact kind and, per release, the facts missed and invented."""
from __future__ import annotations

import json
from typing import Any

from extractor.evaluate import Evaluation
from extractor.evaluate.matching import KINDS


def as_dict(evaluation: Evaluation) -> dict[str, Any]:
    kinds = {}
    for kind in KINDS:
        tally = evaluation.kind(kind)
        p, r, f = tally.prf()
        kinds[kind] = {"precision": p, "recall": r, "f1": f, "tp": tally.tp, "fp": tally.fp, "fn": tally.fn}
    p, r, f = evaluation.total().prf()
    return {
        "kinds": kinds,
        "precision": p,
        "recall": r,
        "f1": f,
        "missing": evaluation.missing,
        "releases": [
            {
                "doc": d.doc,
                "missed": [{"kind": x.kind, "fact": x.text} for x in d.missed],
                "invented": [{"kind": x.kind, "fact": x.text} for x in d.invented],
            }
            for d in evaluation.documents
        ],
    }


def as_json(evaluation: Evaluation) -> str:
    return json.dumps(as_dict(evaluation), ensure_ascii=False, indent=2)


def as_text(evaluation: Evaluation) -> str:
    lines = [f"{'kind':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for kind in KINDS:
        tally = evaluation.kind(kind)
        p, r, f = tally.prf()
        lines.append(f"{kind:<16}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tally.tp:>6}{tally.fp:>6}{tally.fn:>6}")
    total = evaluation.total()
    p, r, f = total.prf()
    lines.append(f"{'all':<16}{p:>7.3f}{r:>7.3f}{f:>7.3f}{total.tp:>6}{total.fp:>6}{total.fn:>6}")
    if evaluation.missing:
        lines.append("no output for: " + ", ".join(evaluation.missing))
    for d in evaluation.documents:
        if not d.missed and not d.invented:
            continue
        lines.append("")
        lines.append(d.doc)
        lines.extend(f"  missed   {x.kind:<16}{x.text}" for x in d.missed)
        lines.extend(f"  invented {x.kind:<16}{x.text}" for x in d.invented)
    lines.append("")
    lines.append(f"F1 {f:.3f}")
    return "\n".join(lines)
