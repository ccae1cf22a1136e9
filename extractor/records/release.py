"""The PressRelease record: the release's analysis joined with the model's grounded answers."""
from __future__ import annotations

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import Linking
from extractor.ask.answers import PersonAnswer
from extractor.ask.release import Answers
from extractor.ground import evidence
from extractor.identity.people import same_person
from extractor.layout import Layout
from extractor.normalize.countries import country_code
from extractor.read import SourceText
from extractor.records.agreements import build_agreements
from extractor.records.clusters import build_clusters
from extractor.records.contacts import build_contacts, lend_organisations
from extractor.records.flags import ANSWER_CUT, PROMPT_INJECTION, QUESTION_FAILED, flag
from extractor.records.people import (
    build_people,
    is_person_name,
    name_organisations,
    names_from_contacts,
    names_from_emails,
    names_from_titles,
)
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


def injection_flags(text: str, spans: tuple[tuple[int, int], ...]) -> list[Flag]:
    return [flag(PROMPT_INJECTION, Severity.warning,
                 "This sentence addresses an AI model rather than the reader; its numbers were not used as figures.",
                 evidence=[evidence(text, s, e)]) for s, e in spans if text[s:e].strip()]


def failure_flags(failed: list[str], cut: list[str]) -> list[Flag]:
    return [flag(QUESTION_FAILED, Severity.warning,
                 f"The model gave no valid answer to the {step} question within its token limit after re-asking; "
                 f"the release has no {step} from the model.")
            for step in failed] + [
            flag(ANSWER_CUT, Severity.warning,
                 f"The model's answer to the {step} question ran to its token limit; the {step} it had finished are "
                 f"kept, and any it would have named after them are missing.")
            for step in cut]


def _affiliated(person: PersonAnswer, name: str, clusters: list[str]) -> bool:
    """A person the model ties to a role, or to an organisation under a name no cluster bears and no
    organisation word marks ("Regione Piemonte" is never a person, whatever the model says)."""
    return bool(person.role) or (bool(person.organisation) and is_person_name(name, False, clusters))


def build_release(
    source: SourceText,
    analysis: ReleaseAnalysis,
    answers: Answers,
    roster: list[str],
    linking: Linking,
    extraction: Extraction,
) -> PressRelease:
    text = analysis.text
    places = places_of(analysis.layout)
    default_country = next((p.country for p in places if p.country), None) or analysis.country

    named = (answers.people + names_from_emails(analysis.candidates, text) + names_from_titles(text)
             + names_from_contacts(text, analysis.layout.contacts_body))
    # A party is an organisation unless the model also lists it as a person with a role or an organisation
    # and the name has a person's shape: it sometimes puts the signatories among the parties ("signed by the
    # presidents of A and B, Jane Roe and John Doe"), and sometimes companies among the people.
    parties = [party for answer in answers.agreements for party in answer.parties
               if not any(same_person(party, person.name) and _affiliated(person, party, roster) for person in named)]
    organisations = [*roster, *parties]
    people, people_flags = build_people(named, text, organisations)
    name_organisations(people, organisations, text)  # before the clusters, which list the people they lead
    clusters, cluster_flags = build_clusters(answers.clusters, roster, linking, analysis, people)
    agreements, agreement_flags = build_agreements(answers.agreements, analysis, [p.name for p in people], roster)
    contacts = build_contacts(list(analysis.candidates), text, people, clusters, default_country, analysis.layout.contacts_start)
    lend_organisations(contacts, people)

    return PressRelease(
        id=source.id,
        source=Source(path=str(source.path), sha256=source.sha256, chars=len(text), encoding=source.encoding,
                      format=source.format, converter=source.converter, title=source.title, published_on=source.published_on),
        language=analysis.language,
        # A web page's title stands in when its text has no title line of its own (its date: ReleaseAnalysis).
        title=analysis.layout.title or source.title,
        published_on=analysis.published_on,
        places=places,
        agreements=agreements,
        clusters=clusters,
        people=people,
        contacts=contacts,
        flags=failure_flags(extraction.failed_questions, answers.cut) + injection_flags(text, analysis.injections)
        + cluster_flags + agreement_flags + people_flags,
        extraction=extraction,
    )
