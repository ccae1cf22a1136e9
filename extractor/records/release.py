"""The PressRelease record: the deterministic reading of the text joined with the model's grounded answers."""
from __future__ import annotations

from extractor.ask.release import Answers
from extractor.candidates import LANGUAGE_COUNTRY, Candidate
from extractor.layout import Layout
from extractor.link import link_candidates
from extractor.normalize.countries import country_code
from extractor.read import SourceText
from extractor.records.agreements import build_agreements
from extractor.records.clusters import build_clusters
from extractor.records.contacts import build_contacts
from extractor.records.flags import PROMPT_INJECTION, flag
from extractor.records.people import build_people, names_from_emails
from extractor.roster import roster
from extractor.ground import evidence
from schemas.common import Flag, Severity
from schemas.release import Extraction, Place, PressRelease, Source

def places_of(layout: Layout) -> list[Place]:
    """Dateline places; a country named after cities ("Namur, Belgium and Chartre, France") applies to them."""
    if layout.dateline is None:
        return []
    places: list[Place] = []
    pending: list[str] = []
    for name in layout.dateline.places:
        code = country_code(name)
        if code:
            places.extend(Place(name=p, country=code) for p in pending or [name])
            pending = []
        else:
            pending.append(name)
    places.extend(Place(name=p) for p in pending)
    return places


def injection_flags(text: str, spans: list[tuple[int, int]]) -> list[Flag]:
    return [flag(PROMPT_INJECTION, Severity.warning,
                 "This sentence addresses an AI model rather than the reader; its numbers were not used as figures.",
                 evidence=[evidence(text, s, e)]) for s, e in spans if text[s:e].strip()]


def build_release(
    source: SourceText,
    language: str | None,
    layout: Layout,
    candidates: list[Candidate],
    offered: list[Candidate],
    answers: Answers,
    extraction: Extraction,
    injections: list[tuple[int, int]],
) -> PressRelease:
    text = source.text
    published_on = layout.dateline.date if layout.dateline else None
    places = places_of(layout)
    default_country = next((p.country for p in places if p.country), None) or LANGUAGE_COUNTRY.get(language or "")

    named = answers.people.people + answers.contacts.people + names_from_emails(candidates, text)
    people, people_flags = build_people(named, text)
    clusters_named = roster(answers.clusters.clusters, text, layout)
    structural = link_candidates(text, offered, layout, [c.name for c in clusters_named])
    links = [link.as_answer() for link in structural if link.complete] + answers.figures
    clusters, cluster_flags = build_clusters(clusters_named, links, candidates, text, layout, people, published_on)
    agreements, agreement_flags = build_agreements(answers.agreements.agreements, text, candidates, layout, published_on, language)
    contacts = build_contacts(candidates, text, people, clusters, default_country)

    return PressRelease(
        id=source.id,
        source=Source(path=str(source.path), sha256=source.sha256, chars=len(text), encoding=source.encoding),
        language=language,
        title=layout.title,
        published_on=published_on,
        places=places,
        agreements=agreements,
        clusters=clusters,
        people=people,
        contacts=contacts,
        flags=injection_flags(text, injections) + cluster_flags + agreement_flags + people_flags,
        extraction=extraction,
    )
