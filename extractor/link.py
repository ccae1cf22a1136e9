"""Linking candidate numbers to a cluster and a metric from the release's own structure.

Press releases state cluster figures in two places: in the "About X" section that profiles X, and in
sentences whose subject is the cluster ("BioWin représente 260 membres…"). A number whose metric word is
known (members, jobs, export sales…) and whose cluster follows from one of those two is linked here,
deterministically. What the structure leaves open — a known metric with no cluster in reach — is what the
model is asked about. A number in an "About" section of something that is not a cluster (a regional
industry, a company) is no cluster figure and is not linked at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.candidates import Candidate
from extractor.consolidate.names import name_tokens
from extractor.ground import find_all
from extractor.layout import Layout
from extractor.normalize.metrics import metric_around
from extractor.roster import same_cluster
from schemas.figure import MONEY_METRICS, Metric

_SENTENCE_START = re.compile(r"[.!?;]\s|\n\s*\n|\n[ \t]*[•*\-]")
_SCOPE_AFTER = re.compile(
    r"[^\W\d_]*(?:\s+[^\W\d_]+){0,3}?\s+(?:en|in|au|dans la région|in the region of|im|en la)\s+"
    r"(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,3})"
)
_SCOPE_HEADING = re.compile(r"\b(?:en|in|au|im|en la)\s+(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,3})\s*$")
_REFERENCE = re.compile(
    r"\b(?:the|this|our|le|ce|notre|la|cette|el|este|nuestro|der|das|die|dieses|unser|het|dit|ons)\s+"
    r"(?P<noun>cluster|network|hub|p[ôo]le|r[ée]seau|red|netzwerk|netwerk|verband)\b",
    re.IGNORECASE,
)
_BUDGET = re.compile(r"budget|enveloppe|financement|funding|presupuesto|dotation", re.IGNORECASE)
_KINDS_OF_MEMBER = frozenset({Metric.companies, Metric.smes, Metric.academic_institutions, Metric.research_centres, Metric.hospitals})
_CLAUSE_END = re.compile(r"[.;:()\n]| autour | pour | afin | which | that | qui | dont ")
_LIST_SEPARATOR = re.compile(r",| et | and | y | und | en ")
_WHOLE = re.compile(r"(?:all of|the whole of|toute la|tout le|toute l['’]|l['’]ensemble de la|l['’]ensemble du)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    candidate: Candidate
    cluster: str | None
    metric: Metric | None
    scope: str | None
    outside: bool = False  # in a section about something that is not a listed cluster

    @property
    def complete(self) -> bool:
        return self.cluster is not None and self.metric is not None

    def as_answer(self) -> dict:
        return {"start": self.candidate.start, "end": self.candidate.end, "cluster": self.cluster,
                "metric": self.metric.value if self.metric else None, "scope": self.scope}


def is_budget(text: str, candidate: Candidate) -> bool:
    """An amount introduced as a budget belongs to the agreement that announces it, not to a cluster."""
    return candidate.unit not in (None, "count", "percent") and bool(_BUDGET.search(text[max(0, candidate.start - 80):candidate.start]))


def _is_mixed_membership(text: str, candidate: Candidate, numbers: list[Candidate]) -> bool:
    """"470 entreprises, organismes académiques, hôpitaux et collectivités": a count over several kinds
    of organisation is a membership count, not a count of the first kind named. A list whose items carry
    their own numbers ("140 entreprises, cinq institutions…") is a breakdown instead."""
    clause = _CLAUSE_END.split(text[candidate.end:candidate.end + 200], maxsplit=1)[0]
    end = candidate.end + len(clause)
    if any(candidate.end <= other.start < end for other in numbers):
        return False
    items = [item.strip() for item in _LIST_SEPARATOR.split(clause)]
    return len(items) >= 3 and all(items)


def _metric(text: str, candidate: Candidate, numbers: list[Candidate]) -> Metric | None:
    metric = metric_around(text, candidate.start, candidate.end)
    if metric in _KINDS_OF_MEMBER and _is_mixed_membership(text, candidate, numbers):
        return Metric.members
    if metric is None and candidate.unit not in (None, "count", "percent"):
        return None
    if metric in MONEY_METRICS and candidate.unit == "percent":
        return None
    return metric


def _sentence_start(text: str, offset: int, floor: int) -> int:
    starts = [m.end() for m in _SENTENCE_START.finditer(text, floor, offset)]
    return starts[-1] if starts else floor


def _cluster_in_sentence(text: str, candidate: Candidate, clusters: list[str], floor: int) -> str | None:
    start = _sentence_start(text, candidate.start, floor)
    best, best_end = None, -1
    for name in clusters:
        for _, e in find_all(name, text[start:candidate.start]):
            if e > best_end:
                best, best_end = name, e
    return best


def _cluster_by_reference(text: str, candidate: Candidate, clusters: list[str], floor: int) -> str | None:
    """"the network now counts 85 members": the cluster whose name holds that noun, or the only cluster."""
    start = _sentence_start(text, candidate.start, floor)
    references = list(_REFERENCE.finditer(text, start, candidate.start))
    if not references:
        return None
    noun = name_tokens(references[-1].group("noun"))
    named = [c for c in clusters if set(noun) <= set(name_tokens(c))]
    if len(named) == 1:
        return named[0]
    return clusters[0] if len(clusters) == 1 else None


def _scope(text: str, candidate: Candidate, layout: Layout) -> str | None:
    after = _SCOPE_AFTER.match(text, candidate.end)
    if after and not _WHOLE.search(text[candidate.end:after.start("place")]):
        return after.group("place")
    heading = layout.subheading_at(candidate.start)
    found = _SCOPE_HEADING.search(heading.heading) if heading else None
    return found.group("place") if found else None


def link_candidates(text: str, offered: list[Candidate], layout: Layout, clusters: list[str]) -> list[Link]:
    links = []
    for candidate in offered:
        metric = _metric(text, candidate, offered)
        section = layout.about_section_at(candidate.start)
        cluster = None
        outside = False
        if is_budget(text, candidate):
            links.append(Link(candidate, None, metric, None, outside=True))
            continue
        if section is not None:
            cluster = next((c for c in clusters if same_cluster(c, section.about)), None)
            outside = cluster is None
        if cluster is None and not outside:
            floor = section.start if section else 0
            cluster = _cluster_in_sentence(text, candidate, clusters, floor) or _cluster_by_reference(text, candidate, clusters, floor)
        scope = _scope(text, candidate, layout) if cluster else None
        links.append(Link(candidate, cluster, metric, scope, outside))
    return links
