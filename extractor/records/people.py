"""People records: names the model listed, kept only where the release spells them, one record per person."""
from __future__ import annotations

import re

from extractor.ask.answers import PersonAnswer
from extractor.candidates import Candidate
from extractor.consolidate.names import name_tokens, same_person
from extractor.ground import evidence, find
from extractor.records.flags import ungrounded
from schemas.common import Flag
from schemas.release import Person

_OF_ORGANISATION = re.compile(r"\b(?:of|de|du|de la|des|d['’]|at|chez|bei|van)\s+(?:the\s+|l['’]\s*)?(?P<org>[A-Z][\w&'’ -]+)$")
_NOT_A_PERSON = re.compile(
    r"^(?:[A-Z]{2,}|[^ ]+)$|[&@0-9]|\b(?:associates|associés|group|groupe|sas?|ltd|gmbh|inc|llc|agency|agence|"
    r"consulting|cluster|pôle|pole|r[ée]gion|university|universit[ée]|partners|team|équipe|press|presse)\b",
    re.IGNORECASE,
)
# A name answer sometimes drags its role along ("Laure WATTINNE- Attachée de presse").
_NAME_END = re.compile(r"\s*(?:[,(|/]|\s[-–—]|[-–—]\s).*$")
_NAME = re.compile(
    r"(?<![\w@.])[A-ZÀ-Ý][\w'’-]*[^\W\d_](?:[ \u00a0]+(?:(?:de|van|von|da|del|der|den|le|la|du)[ \u00a0]+)?[A-ZÀ-Ý][\w'’-]*[^\W\d_]){1,3}"
)
EMAIL_REACH = 300


def names_from_emails(candidates: list[Candidate], text: str) -> list[PersonAnswer]:
    """A capitalised name shortly before an e-mail address whose local part spells part of it
    ("Capucine SARRADE-LOUCHEUR … capucine.sarrade-loucheur@…") is a press contact's name."""
    found = []
    for email in (c for c in candidates if c.kind == "email"):
        local = {t for t in name_tokens(str(email.value).split("@")[0]) if len(t) >= 3}
        before = text[max(0, email.start - EMAIL_REACH):email.start]
        matches = [m.group() for m in _NAME.finditer(before) if local & set(name_tokens(m.group()))]
        if matches:
            found.append(PersonAnswer(name=matches[-1]))
    return found


def _title_case(surface: str) -> str:
    """"Maria PASCUAL DE ZULUETA" -> "Maria Pascual de Zulueta"; mixed-case names stay as written."""
    words = surface.split()
    if not any(w.isupper() and len(w) > 1 for w in words):
        return surface
    small = {"de", "da", "del", "van", "von", "der", "den", "le", "la", "du", "di"}
    out = []
    for i, word in enumerate(words):
        if word.isupper() and len(word) > 1:
            lowered = word.lower()
            word = lowered if i and lowered in small else "-".join(p.capitalize() for p in lowered.split("-"))
        out.append(word)
    return " ".join(out)


def _organisation(answer: PersonAnswer) -> str | None:
    if answer.organisation and answer.organisation.strip():
        return answer.organisation.strip()
    match = _OF_ORGANISATION.search(answer.role or "")
    return match.group("org").strip() if match else None


def build_people(answers: list[PersonAnswer], text: str) -> tuple[list[Person], list[Flag]]:
    """One record per person, in the order the answers name them; later answers only fill gaps."""
    flags: list[Flag] = []
    people: list[Person] = []
    for answer in answers:
        name = _NAME_END.sub("", " ".join(answer.name.split()))
        if not name or _NOT_A_PERSON.search(name):
            continue
        span = find(name, text)
        if span is None:
            flags.append(ungrounded("the person", name))
            continue
        surface = text[span[0]:span[1]]
        known = next((p for p in people if same_person(p.name, surface)), None)
        if known is None:
            people.append(Person(
                name=_title_case(text[span[0]:span[1]]),
                role=(answer.role or "").strip() or None,
                organisation=_organisation(answer),
                evidence=evidence(text, *span),
            ))
        else:
            known.role = known.role or (answer.role or "").strip() or None
            known.organisation = known.organisation or _organisation(answer)
    return people, flags
