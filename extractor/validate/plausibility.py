"""Values that cannot be right whatever the text says: a share over 100 %, a negative count, an
agreement signed after the release announcing it, "13O" for 130, a phone number that is invalid or
belongs to another country than the organisation it is given for.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from urllib.parse import urlsplit

import pycountry

from extractor.normalize.phones import is_valid_phone, phone_country
from extractor.validate.flags import describe, make_flag, quote
from extractor.validate.subject import Subject
from schemas.common import Evidence, Flag
from schemas.figure import SHARE_METRICS
from schemas.release import Contact

# A number with letters that look like digits in it; see _is_typo for which ones count.
LETTER_IN_NUMBER = re.compile(r"(?<!\w)\d[\dOolI]*[OolI][\dOolI]*(?!\w)")
# Country-code top-level domains that are not the ISO code of their country.
TLD_COUNTRIES = {"uk": "GB"}


def check(subject: Subject) -> list[Flag]:
    return [
        *_figure_flags(subject),
        *_date_flags(subject),
        *_letter_flags(subject),
        *_phone_flags(subject),
    ]


def _figure_flags(subject: Subject) -> Iterable[Flag]:
    for placed in subject.figures:
        f = placed.figure
        metric = str(f.metric)
        stated = describe(f.value, f.unit, f.qualifier, metric)
        flag = partial(make_flag, cluster=placed.cluster, metric=metric, paths=[placed.path], evidence=[f.evidence])
        if (f.unit == "percent" or f.metric in SHARE_METRICS) and not 0 <= f.value <= 100:
            yield flag("implausible_share", f"{placed.cluster}: {metric.replace('_', ' ')} of {stated} is not a share between 0 and 100%.")
        if f.value < 0:
            yield flag("negative_value", f"{placed.cluster}: {stated} is negative, which a {metric.replace('_', ' ')} figure cannot be.")


def _date_flags(subject: Subject) -> Iterable[Flag]:
    published = subject.release.published_on
    if published is None:
        return
    for i, agreement in enumerate(subject.release.agreements):
        if agreement.signed_on is not None and agreement.signed_on > published:
            parties = " and ".join(agreement.parties) or "its parties"
            yield make_flag(
                "date_after_release",
                f"The agreement between {parties} is dated {agreement.signed_on}, after the release itself ({published}).",
                paths=[f"/agreements/{i}/signed_on"], evidence=[agreement.evidence],
            )
    for placed in subject.figures:
        f = placed.figure
        if f.as_of is not None and f.as_of > published:
            yield make_flag(
                "date_after_release",
                f"{placed.cluster}: {describe(f.value, f.unit, f.qualifier, str(f.metric))} is dated {f.as_of}, "
                f"after the release itself ({published}).",
                cluster=placed.cluster, metric=str(f.metric), paths=[f"{placed.path}/as_of"], evidence=[f.evidence],
            )


def _letter_flags(subject: Subject) -> Iterable[Flag]:
    # Without the source text, the evidence spans are the text there is to read.
    pieces = [(0, subject.text)] if subject.text is not None else [(ev.start, ev.text) for _, ev in subject.evidence]
    spans = {
        (offset + m.start(), offset + m.end()): m.group()
        for offset, piece in pieces for m in LETTER_IN_NUMBER.finditer(piece) if _is_typo(m.group())
    }
    for (start, end), text in sorted(spans.items()):
        figures = [
            p for p in subject.figures
            if p.figure.evidence is not None and p.figure.evidence.start < end and start < p.figure.evidence.end
        ]
        first = figures[0] if figures else None
        about = f" in the evidence of {first.cluster}'s {first.figure.metric.replace('_', ' ')} figure" if first else ""
        yield make_flag(
            "letter_in_number",
            f"The number {quote(text)}{about} contains a letter where a digit belongs (O for 0?); check the source.",
            cluster=first.cluster if first else None,
            metric=str(first.figure.metric) if first else None,
            paths=[p.path for p in figures],
            evidence=[Evidence(text=text, start=start, end=end)],
        )


def _is_typo(token: str) -> bool:
    """Capital O anywhere ("13O", "2O2O"); o, l or I only between digits ("1l0"): "2o" is a Spanish or
    Portuguese ordinal and "10l" ten litres."""
    return "O" in token or any(c in "olI" for c in token.rstrip("olI"))


def _phone_flags(subject: Subject) -> Iterable[Flag]:
    for i, contact in enumerate(subject.release.contacts):
        if contact.phone is None:
            continue
        who = contact.name or contact.organisation or "a contact"
        flag = partial(
            make_flag,
            cluster=subject.registry.find(contact.organisation) if contact.organisation else None,
            paths=[f"/contacts/{i}/phone"],
            evidence=[contact.evidence],
        )
        if not is_valid_phone(contact.phone):
            yield flag(
                "invalid_phone",
                f"The phone number {contact.phone} given for {who} is not a valid number for its country code.",
            )
            continue
        phone_in = phone_country(contact.phone)
        organisation_in = _organisation_country(subject, contact)
        if phone_in and organisation_in and phone_in != organisation_in:
            org = contact.organisation or "the organisation of its e-mail address"
            yield flag(
                "foreign_phone",
                f"The phone number {contact.phone} given for {who} is a {phone_in} number but {org} is in {organisation_in}; "
                f"check the country code.",
            )


def _organisation_country(subject: Subject, contact: Contact) -> str | None:
    """The country of the cluster the contact speaks for, else the one its e-mail domain names."""
    profiles = subject.release.clusters
    if contact.organisation:
        canonical = subject.registry.find(contact.organisation)
        for profile in profiles:
            if profile.country and canonical is not None and subject.registry.canonical(profile.name) == canonical:
                return profile.country
    domain = contact.email.rpartition("@")[2].casefold().rstrip(".") if contact.email and "@" in contact.email else ""
    if not domain:
        return None
    for profile in profiles:
        if profile.country and profile.website and _same_site(domain, profile.website):
            return profile.country
    return tld_country(domain)


def _same_site(domain: str, website: str) -> bool:
    host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
    host = host.casefold().removeprefix("www.")
    return bool(host) and (domain == host or domain.endswith(f".{host}") or host.endswith(f".{domain}"))


def tld_country(domain: str) -> str | None:
    """The country a domain's top-level domain names (.fr -> FR, .co.uk -> GB); .com, .org, .eu name none."""
    tld = domain.rpartition(".")[2].casefold()
    if len(tld) != 2:
        return None
    code = TLD_COUNTRIES.get(tld, tld.upper())
    return code if pycountry.countries.get(alpha_2=code) is not None else None
