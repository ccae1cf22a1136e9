"""The matching rules: when a fact of the output counts as a fact of the gold file.

They are the rules of the team's scoring script, so that both give the same figures:
- names match when, after folding case and accents and keeping letters and digits only, they are equal,
  one (of at least 4 characters) contains the other, or their similarity ratio is at least 0.85;
- language and publication date: the output's value starts with the gold value;
- an agreement: every gold party matches a party of the output, which names at most one party more;
  its signing date is then compared to the first output agreement that matches (first 10 characters);
- a figure: same cluster name, a metric among the gold's accepted ones, a value within 0.5 %; only the
  output's clusters that the gold file knows for that release are counted, so a cluster the gold leaves
  out is never an invented fact;
- a person: same name;
- a contradiction: a flag whose code contains "contradict", with the same cluster name and metric.
Gold and output facts are paired greedily, in gold order, each output fact used once.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from extractor.evaluate.gold import GoldAgreement, GoldContradiction, GoldDocument, GoldFigure
from schemas.agreement import Agreement
from schemas.common import Flag
from schemas.figure import Figure
from schemas.release import PressRelease

KINDS = ("language", "published_on", "agreements", "agreement_dates", "figures", "people", "contradictions")
MIN_CONTAINED = 4
MIN_RATIO = 0.85
VALUE_TOLERANCE = 0.005

G = TypeVar("G")
P = TypeVar("P")


def name_key(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text.casefold() if c.isalnum())


def same_name(gold: str, pred: str | None) -> bool:
    a, b = name_key(gold), name_key(pred)
    if not a or not b:
        return False
    if a == b or (len(min(a, b, key=len)) >= MIN_CONTAINED and (a in b or b in a)):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= MIN_RATIO


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(frozen=True)
class Fact:
    kind: str
    text: str


@dataclass
class DocumentScore:
    doc: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    missed: list[Fact] = field(default_factory=list)
    invented: list[Fact] = field(default_factory=list)

    def count(self, kind: str, hits: int, missed: list[str], invented: list[str]) -> None:
        self.tallies[kind].add(Tally(hits, len(invented), len(missed)))
        self.missed.extend(Fact(kind, m) for m in missed)
        self.invented.extend(Fact(kind, i) for i in invented)


def _greedy(gold: Sequence[G], pred: Sequence[P], match: Callable[[G, P], bool]) -> tuple[list[G], list[P], int]:
    """Unmatched gold facts, unmatched output facts, and the number of pairs."""
    used: set[int] = set()
    missed: list[G] = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and match(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    return missed, [p for i, p in enumerate(pred) if i not in used], len(used)


def _parties(names: Sequence[str]) -> str:
    return " + ".join(names)


def score_document(gold: GoldDocument, pred: PressRelease | None) -> DocumentScore:
    """Scores one release; ``pred`` is None when the folder has no output for it (every gold fact missed)."""
    score = DocumentScore(gold.doc)
    _score_fields(score, gold, pred)
    agreements = pred.agreements if pred else []
    _score_agreements(score, gold.agreements, agreements)
    _score_figures(score, gold.figures, pred)
    people = [p.name for p in pred.people] if pred else []
    missed_people, invented_people, hits = _greedy(gold.people, people, same_name)
    score.count("people", hits, missed_people, invented_people)
    flags = [f for f in pred.flags if "contradict" in f.code.lower()] if pred else []
    _score_contradictions(score, gold.contradictions, flags)
    return score


def _score_fields(score: DocumentScore, gold: GoldDocument, pred: PressRelease | None) -> None:
    published = pred.published_on.isoformat() if pred and pred.published_on else None
    for kind, g, p in (("language", gold.language, pred.language if pred else None), ("published_on", gold.published_on, published)):
        if g is None:
            continue
        ok = p is not None and p.lower().startswith(g.lower())
        score.count(kind, int(ok), [] if ok else [f"{kind} {g}"], [f"{kind} {p}"] if not ok and p is not None else [])


def _same_agreement(g: GoldAgreement, p: Agreement) -> bool:
    matched = sum(any(same_name(gp, pp) for pp in p.parties) for gp in g.parties)
    return matched == len(g.parties) and len(p.parties) <= len(g.parties) + 1


def _score_agreements(score: DocumentScore, gold: list[GoldAgreement], pred: list[Agreement]) -> None:
    missed, invented, hits = _greedy(gold, pred, _same_agreement)
    score.count(
        "agreements", hits,
        [f"agreement {_parties(g.parties)}" for g in missed], [f"agreement {_parties(p.parties)}" for p in invented],
    )
    for g in gold:
        # The date is read from the first output agreement that matches, as the scoring script does.
        hit = next((p for p in pred if _same_agreement(g, p)), None)
        if hit is None or not g.signed_on:
            continue
        signed = hit.signed_on.isoformat() if hit.signed_on else ""
        ok = signed[:10] == g.signed_on
        who = _parties(g.parties)
        score.count(
            "agreement_dates", int(ok),
            [] if ok else [f"{who} signed on {g.signed_on}"], [] if ok else [f"{who} signed on {signed or 'no date'}"],
        )


def _accepted(metric: str | list[str]) -> list[str]:
    return metric if isinstance(metric, list) else [metric]


def _same_figure(g: GoldFigure, p: tuple[str, Figure]) -> bool:
    name, f = p
    value = float(f.value)
    return same_name(g.cluster, name) and str(f.metric) in _accepted(g.metric) and abs(value - g.value) <= VALUE_TOLERANCE * abs(g.value)


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def _score_figures(score: DocumentScore, gold: list[GoldFigure], pred: PressRelease | None) -> None:
    known = {g.cluster for g in gold}
    figures = [
        (c.name, f) for c in (pred.clusters if pred else []) if any(same_name(k, c.name) for k in known) for f in c.figures
    ]
    missed, invented, hits = _greedy(gold, figures, _same_figure)
    score.count(
        "figures", hits,
        [f"{g.cluster} {'/'.join(_accepted(g.metric))} {_number(g.value)}" for g in missed],
        [f"{name} {f.metric} {_number(float(f.value))}" for name, f in invented],
    )


def _score_contradictions(score: DocumentScore, gold: list[GoldContradiction], flags: list[Flag]) -> None:
    missed, invented, hits = _greedy(gold, flags, lambda g, f: same_name(g.cluster, f.cluster) and f.metric == g.metric)
    score.count(
        "contradictions", hits,
        [f"contradiction {g.cluster} {g.metric}" for g in missed],
        [f"contradiction {f.cluster} {f.metric}" for f in invented],
    )
