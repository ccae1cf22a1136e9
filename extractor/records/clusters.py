"""Cluster profiles: the clusters the model named, grounded, with their figures, website and leaders."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlparse

from rapidfuzz import fuzz

from extractor.ask.answers import ClusterAnswer
from extractor.candidates import Candidate
from extractor.consolidate.names import name_key
from extractor.ground import evidence, find, find_all
from extractor.layout import Layout
from extractor.normalize.countries import country_code
from extractor.normalize.lists import counted_lists
from extractor.records.figures import build_figure
from extractor.records.flags import UNGROUNDED, flag, ungrounded
from extractor.roster import same_cluster
from schemas.cluster import ClusterProfile, Leader
from schemas.common import Flag, Severity
from schemas.figure import Metric
from schemas.release import Person

SCOPE_WINDOW = 300
_LEADER_ROLE = re.compile(
    r"pr[ée]sident|president|chair|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|managing director|"
    r"\bceo\b|general manager|director general|gesch[äa]ftsf[üu]hrer|directeur|directrice|director",
    re.IGNORECASE,
)


def _display_name(name: str, text: str, addresses: list[Candidate]) -> str:
    """The release's own spelling, outside web and mail addresses, capitalised, not all-caps when it can be."""
    spans = [(s, e) for s, e in find_all(name, text) if not any(a.start <= s < a.end for a in addresses)]
    surfaces = [text[s:e] for s, e in spans if text[s].isupper() or text[s].isdigit()]
    mixed = [s for s in surfaces if not s.isupper()]
    return (mixed or surfaces or [name.strip()])[0]


def _website(name: str, urls: list[Candidate]) -> str | None:
    key = name_key(name).replace(" ", "")
    best, best_score = None, 0.0
    for url in urls:
        host = urlparse(str(url.value)).hostname or ""
        label = host.removeprefix("www.").split(".")[0].replace("-", "")
        score = fuzz.ratio(key, label)
        if (key in label or label in key) and len(label) >= 4:
            score = max(score, 95.0)
        if score >= 80 and score > best_score:
            best, best_score = str(url.value), score
    return best


def _scope(scope: str | None, candidate: Candidate, text: str, cluster: ClusterProfile) -> str | None:
    if not scope or not scope.strip():
        return None
    scope = scope.strip()
    if same_cluster(scope, cluster.name) or (cluster.country and country_code(scope) == cluster.country):
        return None
    window = text[max(0, candidate.start - SCOPE_WINDOW):candidate.end + SCOPE_WINDOW]
    span = find(scope, window)
    return window[span[0]:span[1]] if span else None


def build_clusters(
    named: list[ClusterAnswer],
    links: list[dict[str, Any]],
    candidates: list[Candidate],
    text: str,
    layout: Layout,
    people: list[Person],
    published_on: dt.date | None,
) -> tuple[list[ClusterProfile], list[Flag]]:
    flags: list[Flag] = []
    profiles: dict[str, ClusterProfile] = {}
    answered: dict[str, ClusterProfile] = {}
    urls = [c for c in candidates if c.kind == "url"]
    addresses = [c for c in candidates if c.kind in ("url", "email")]
    for answer in named:
        span = find(answer.name, text)
        if span is None:
            flags.append(ungrounded("the cluster", answer.name))
            continue
        name = _display_name(answer.name, text, addresses)
        key = next((k for k, p in profiles.items() if same_cluster(p.name, name)), name_key(name))
        if key not in profiles:
            about = next((s for s in layout.sections if s.about and same_cluster(s.about, name)), None)
            heading = find(about.heading, text, near=about.start) if about else None
            profiles[key] = ClusterProfile(
                name=name,
                region=answer.region if answer.region and find(answer.region, text) else None,
                country=country_code(answer.country) if answer.country else None,
                website=_website(name, urls),
                leaders=[Leader(name=p.name, role=p.role) for p in people
                         if same_cluster(p.organisation, name) and p.role and _LEADER_ROLE.search(p.role)],
                evidence=evidence(text, *(heading or span)),
            )
        answered[answer.name.strip()] = profiles[key]

    by_span = {(c.start, c.end): c for c in candidates if c.kind == "quantity"}
    for link in links:
        profile = answered.get(link["cluster"])
        candidate = by_span.get((link["start"], link["end"]))
        if profile is None or candidate is None:
            continue
        scope = _scope(link.get("scope"), candidate, text, profile)
        if link.get("scope") and scope is None and not same_cluster(link["scope"], profile.name):
            flags.append(flag(UNGROUNDED, Severity.info,
                              f"The scope {link['scope']!r} given for {candidate.text!r} is not stated near it; the figure is kept for the whole cluster.",
                              cluster=profile.name, metric=link["metric"], evidence=[evidence(text, candidate.start, candidate.end)]))
        figure, raised = build_figure({**link, "scope": scope}, candidate, text, published_on, profile.country, profile.name)
        flags.extend(raised)
        if figure is not None:
            profile.figures.append(figure)
    lists = {found.start: found for found in counted_lists(text, candidates)}
    for profile in profiles.values():
        profile.figures.sort(key=lambda f: f.evidence.start if f.evidence else 0)
        stated = next((lists[f.evidence.start] for f in profile.figures
                       if f.metric is Metric.offices and f.scope is None and f.evidence and f.evidence.start in lists), None)
        if stated:
            profile.offices = list(stated.items)
    return list(profiles.values()), flags
