"""Press contacts: each e-mail and phone number of the release, attached to the person it belongs to.

No model call: an address whose local part spells a person's name is theirs; otherwise an address or a
number belongs to the closest person named before it in its paragraph or its press-contacts block. Press-contact blocks laid out as tab-separated
columns (names on one line, numbers on the next) are read column by column.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from extractor.candidates import Candidate
from extractor.ground import evidence, find_all
from extractor.identity.clusters import same_cluster, spelt_by
from extractor.normalize.phones import to_e164
from extractor.text.fold import name_tokens
from schemas.cluster import ClusterProfile
from schemas.release import Contact, Person

REACH = 400
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def _column(text: str, offset: int) -> int | None:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if "\t" not in line:
        return None
    return text.count("\t", line_start, offset)


def _owner_by_email(address: str, people: list[Person]) -> Person | None:
    local = name_tokens(address.split("@")[0])
    for person in people:
        parts = name_tokens(person.name)
        if len(parts) >= 2 and parts[-1] in local:
            return person
    return None


def _owner_nearby(offset: int, text: str, mentions: list[tuple[Person, tuple[int, int]]], contacts_start: int | None) -> Person | None:
    """The person named last before the address or number, within REACH, in its paragraph; in the press-contacts
    block, anywhere in the block. A line that names no one ("Kontakt: Acme GmbH, presse@acme.de") is nobody's:
    the person quoted in the paragraph before it is no press contact."""
    floor = max((m.end() for m in _BLANK_LINE.finditer(text, 0, offset)), default=0)
    if contacts_start is not None and offset >= contacts_start:
        floor = min(floor, contacts_start)
    placed = [(p, span) for p, span in mentions if floor <= span[0] and span[1] <= offset and offset - span[1] <= REACH]
    column = _column(text, offset)
    if column is not None:
        aligned = [(p, span) for p, span in placed if _column(text, span[0]) == column]
        placed = aligned or placed
    return max(placed, key=lambda pe: pe[1][1])[0] if placed else None


def _organisation(address: str | None, person: Person | None, clusters: list[ClusterProfile], text: str) -> str | None:
    """The cluster the person belongs to or whose website shares the mail domain, else the person's organisation."""
    domain = address.split("@")[1].lower() if address else ""
    for cluster in clusters:
        host = (urlparse(cluster.website).hostname or "").removeprefix("www.") if cluster.website else ""
        if (host and domain == host) or (person and same_cluster(person.organisation, cluster.name)) \
                or (domain and spelt_by(domain.split(".")[0].replace("-", ""), cluster.name, text)):
            return cluster.name
    return person.organisation if person else None


def _line_of(text: str, offset: int) -> str:
    """The key of a contact no one is named for: its line, so an address and a number written on one line
    ("Ufficio Stampa – stampa@acme.it – 06 5555 1234") are one contact."""
    start = text.rfind("\n", 0, offset) + 1
    return f"line {start}"


def build_contacts(candidates: list[Candidate], text: str, people: list[Person], clusters: list[ClusterProfile],
                   default_country: str | None, contacts_start: int | None = None) -> list[Contact]:
    contacts: dict[str, Contact] = {}
    mentions = [(person, span) for person in people for span in find_all(person.name, text)]
    emails = [c for c in candidates if c.kind == "email"]
    phones = [c for c in candidates if c.kind == "phone"]
    for email in emails:
        owner = _owner_by_email(str(email.value), people) or _owner_nearby(email.start, text, mentions, contacts_start)
        key = owner.name if owner else _line_of(text, email.start)
        organisation = _organisation(str(email.value), owner, clusters, text)
        if key not in contacts:
            contacts[key] = Contact(name=owner.name if owner else None, organisation=organisation,
                                    email=str(email.value), evidence=evidence(text, email.start, email.end))
    for phone in phones:
        owner = _owner_nearby(phone.start, text, mentions, contacts_start)
        key = owner.name if owner else _line_of(text, phone.start)
        contact = contacts.get(key)
        if contact is None:
            organisation = _organisation(None, owner, clusters, text)
            contact = contacts[key] = Contact(name=owner.name if owner else None, organisation=organisation,
                                              evidence=evidence(text, phone.start, phone.end))
        if contact.phone:
            continue
        country = next((c.country for c in clusters if c.name == contact.organisation), None) or default_country
        contact.phone = to_e164(phone.text, country) or (str(phone.value) if phone.value else None)
    return list(contacts.values())


def lend_organisations(contacts: list[Contact], people: list[Person]) -> None:
    """A press contact named without an organisation works for the one their address points to: the model
    reads "For BioWin: Jane Doe, jane.doe@biowin.org" as a name, and the domain says whose contact she is."""
    for contact in contacts:
        person = next((p for p in people if contact.name and p.name == contact.name), None)
        if person is not None and person.organisation is None and contact.organisation:
            person.organisation = contact.organisation
