"""Builds releases in code: a source text written piece by piece, with evidence that slices it exactly."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from schemas import ClusterProfile, Contact, Evidence, Extraction, Figure, PressRelease, Source

_MARKED = re.compile(r"\{([^{}]+)\}")


class Doc:
    """``doc.add("BioWin compte {260 membres}.")`` appends the sentence and returns the marked spans."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, marked: str) -> list[Evidence]:
        spans = []
        for m in _MARKED.finditer(marked):
            before = _MARKED.sub(lambda x: x.group(1), marked[: m.start()])
            start = len(self.text) + len(before)
            spans.append(Evidence(text=m.group(1), start=start, end=start + len(m.group(1))))
        self.text += _MARKED.sub(lambda x: x.group(1), marked)
        return spans

    def one(self, marked: str) -> Evidence:
        (span,) = self.add(marked)
        return span


def figure(metric: str, value: float, evidence: Evidence | None, **fields) -> Figure:
    return Figure(metric=metric, value=value, unit=fields.pop("unit", "count"), evidence=evidence, **fields)


def cluster(name: str, *figures: Figure, **fields) -> ClusterProfile:
    return ClusterProfile(name=name, figures=list(figures), **fields)


def release(
    text: str,
    *clusters: ClusterProfile,
    id: str = "r1",
    published_on: dt.date | None = dt.date(2024, 5, 14),
    path: str | Path = "release.txt",
    contacts: list[Contact] = (),
    language: str = "fr",
    **fields,
) -> PressRelease:
    raw = text.encode("utf-8")
    return PressRelease(
        id=id,
        source=Source(path=str(path), sha256=hashlib.sha256(raw).hexdigest(), chars=len(text), encoding="utf-8"),
        language=language,
        published_on=published_on,
        clusters=list(clusters),
        contacts=list(contacts),
        extraction=Extraction(model="test", endpoint="none", prompt_version="test"),
        **fields,
    )


def long_release(length: int = 60_000) -> str:
    """About ``length`` characters of real releases one after the other, as a long digest would read: the seeds
    until the length is nearly reached, then a release about other clusters, so its figures are stated only
    in the last part."""
    here = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((here.parent / "seeds").glob("*.txt"))]
    last = (here / "data" / "open_figures.txt").read_text(encoding="utf-8")
    parts: list[str] = []
    while sum(map(len, parts)) + len(last) < length:
        parts.append(texts[len(parts) % len(texts)] + "\n\n")
    return "".join(parts) + last
