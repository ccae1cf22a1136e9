"""Cluster profiles: the clusters the model named, grounded, with their figures, website and leaders."""
from __future__ import annotations

from urllib.parse import urlparse

from rapidfuzz import fuzz

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import Linking
from extractor.analysis.lists import counted_lists, item_separator
from extractor.analysis.roster import PRESENTATION_CHARS, whole_name
from extractor.ask.answers import ClusterAnswer
from extractor.candidates import Candidate
from extractor.ground import evidence, find, find_all
from extractor.identity.clusters import abbreviations, same_cluster
from extractor.identity.organisations import is_event_or_country
from extractor.layout import Section
from extractor.lexicon import pattern
from extractor.normalize.countries import country_code, first_country_in, place_country
from extractor.records.figures import FigureLink, build_figure
from extractor.records.flags import UNGROUNDED, flag, ungrounded
from extractor.text.fold import name_key, plain
from schemas.cluster import ClusterProfile, Leader
from schemas.common import Flag, Severity
from schemas.figure import Figure, Metric
from schemas.release import Person

SCOPE_WINDOW = 300


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


def _restates(known: Figure, new: Figure) -> bool:
    """The same span, or the same fact said again ("30 projets" in the title and in the body): one figure."""
    if known.evidence == new.evidence:
        return True
    same = ("metric", "value", "unit", "qualifier", "scope", "as_of", "high")
    return all(getattr(known, name) == getattr(new, name) for name in same)


def _country(answer: ClusterAnswer, about: Section | None, text: str) -> str | None:
    """The country the model names, else the one its region or its "About" section names ("in Wallonia, Belgium")."""
    if answer.country and (code := place_country(answer.country)):
        return code
    if answer.region and find(answer.region, text) and (code := place_country(answer.region)):
        return code
    if about is not None:
        return first_country_in(text[about.start:min(about.end, about.start + PRESENTATION_CHARS)])
    return None


def _is_cluster_name(name: str, people: list[Person]) -> bool:
    """A year makes an event ("BIO 2017"), a country a place, a listed person no organisation."""
    return not is_event_or_country(name) and not any(name_key(p.name) == name_key(name) for p in people)


def build_clusters(
    named: list[ClusterAnswer],
    roster: list[str],
    linking: Linking,
    analysis: ReleaseAnalysis,
    people: list[Person],
) -> tuple[list[ClusterProfile], list[Flag]]:
    text, layout = analysis.text, analysis.layout
    flags: list[Flag] = []
    profiles: dict[str, ClusterProfile] = {}
    answered: dict[str, ClusterProfile] = {}
    urls = analysis.of_kind("url")
    addresses = [c for c in analysis.candidates if c.kind in ("url", "email")]
    # keyed as the roster names them: "Regensburg" said is "BioRegio Regensburg" there
    said = {whole: answer.model_copy(update={"name": whole}) for answer in named for whole in [whole_name(answer.name.strip(), text)]}
    for name_said in roster:
        # The model's answer for the short name the release gives this one in brackets, or for this name joined to
        # another ("X e la Regione Y"), tells its region too.
        short = next((said[n] for n in abbreviations(name_said, text) if n in said), None) or next(
            (answer for n, answer in said.items() if n.startswith(name_said) and item_separator().match(n, len(name_said))), None)
        answer = said.get(name_said) or (short.model_copy(update={"name": name_said}) if short else ClusterAnswer(name=name_said))
        span = find(answer.name, text)
        if span is None:
            flags.append(ungrounded("the cluster", answer.name))
            continue
        name = _display_name(answer.name, text, addresses)
        if not _is_cluster_name(name, people):
            continue
        key = next((k for k, p in profiles.items() if same_cluster(p.name, name)), name_key(name))
        if key not in profiles:
            about = next((s for s in layout.sections if s.about and same_cluster(s.about, name)), None)
            heading = find(about.heading, text, near=about.start) if about else None
            profiles[key] = ClusterProfile(
                name=name,
                region=answer.region if answer.region and find(answer.region, text) else None,
                country=_country(answer, about, text),
                website=_website(name, urls),
                leaders=[Leader(name=p.name, role=p.role) for p in people
                         if same_cluster(p.organisation, name) and p.role and pattern("role").search(plain(p.role))],
                evidence=evidence(text, *(heading or span)),
            )
        answered[name_said] = profiles[key]

    links = [FigureLink(link.candidate, link.cluster, link.metric, link.scope, link.decided_by, link.part_of)
             for link in linking.decided if link.cluster and link.metric]
    for link in links:
        profile = answered.get(link.cluster)
        if profile is None:
            continue
        candidate = link.candidate
        scope = _scope(link.scope, candidate, text, profile)
        if link.scope and scope is None and not same_cluster(link.scope, profile.name):
            flags.append(flag(UNGROUNDED, Severity.info,
                              f"The scope {link.scope!r} given for {candidate.text!r} is not stated near it; the figure is kept for the whole cluster.",
                              cluster=profile.name, metric=link.metric.value, evidence=[evidence(text, candidate.start, candidate.end)]))
        figure, raised = build_figure(link._replace(scope=scope), text, analysis.published_on, profile.country, profile.name)
        flags.extend(raised)
        if figure is not None and not any(_restates(f, figure) for f in profile.figures):
            profile.figures.append(figure)
    # A name only the text's wording suggests ("le pôle X") is kept when a figure is tied to it; the
    # model's clusters and those an "About" section profiles are kept in any case.
    sure = [*said, *analysis.described]
    kept = [p for p in profiles.values() if p.figures or any(same_cluster(p.name, name) for name in sure)]
    lists = {found.start: found for found in counted_lists(text, list(analysis.candidates))}
    for profile in kept:
        profile.figures.sort(key=lambda f: f.evidence.start if f.evidence else 0)
        stated = next((lists[f.evidence.start] for f in profile.figures
                       if f.metric is Metric.offices and f.scope is None and f.evidence and f.evidence.start in lists), None)
        if stated:
            profile.offices = list(stated.items)
    return kept, flags
