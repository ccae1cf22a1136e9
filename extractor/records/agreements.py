"""Agreement records: the parties the model named, grounded, dated from the text or the release."""
from __future__ import annotations

import datetime as dt
import re

import dateparser

from extractor.ask.answers import AgreementAnswer
from extractor.candidates import Candidate
from extractor.ground import evidence, find, find_all
from extractor.layout import Layout
from extractor.link import is_budget
from extractor.normalize.lists import counted_lists
from extractor.records.flags import SIGNED_ON_ASSUMED, flag, ungrounded
from schemas.agreement import Agreement, AgreementKind, Money, Period
from schemas.common import Flag, Qualifier, Severity

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_AREAS = re.compile(r"\b(?:areas?|fields?|domaines?|axes?|th[èe]mes?|priorit(?:y|ies|[ée]s?)|pillars?|piliers?|"
                    r"themes?|[áa]reas?|ejes?|bereiche?|schwerpunkte?|gebieden)\b", re.IGNORECASE)
_RENEWAL = re.compile(r"renouvel|renew|verläng|renov|verlengd", re.IGNORECASE)


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, offset)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, offset)
    return start, end_match.start() if end_match else len(text)


def _signed_on(said: str | None, published_on: dt.date | None, lang: str | None) -> dt.date | None:
    if not said:
        return None
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if published_on:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published_on, dt.time())
    parsed = dateparser.parse(said, languages=[lang] if lang else None, settings=settings)
    return parsed.date() if parsed else None


def _evidence_for(parties: list[str], text: str):
    """The first sentence naming the most parties (at least two), else the sentence of the first mention."""
    mentions = {party: find_all(party, text) for party in parties}
    best, best_count = None, 0
    for spans in mentions.values():
        for start, _ in spans:
            s, e = _sentence_bounds(text, start)
            count = sum(any(s <= ps and pe <= e for ps, pe in found) for found in mentions.values())
            if count > best_count or (count == best_count and best and s < best[0]):
                best, best_count = (s, e), count
    if best is None:
        return None
    s, e = best
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return evidence(text, s, e) if s < e else None


def _nearby(candidates: list[Candidate], kind: str, before: int) -> list[Candidate]:
    return [c for c in candidates if c.kind == kind and c.start < before]


def _focus_areas(text: str, candidates: list[Candidate]) -> list[str]:
    """The items of the first counted list of areas ("three key areas: human resources, biomanufacturing and …")."""
    for found in counted_lists(text, candidates):
        if _AREAS.search(found.noun) and found.count in found.readings:
            return list(found.items)
    return []


def _merged(answers: list[AgreementAnswer]) -> list[AgreementAnswer]:
    """One answer per set of parties; a repeat only lends the date the first one lacked."""
    merged: dict[frozenset[str], AgreementAnswer] = {}
    for answer in answers:
        key = frozenset(p.strip().casefold() for p in answer.parties if p.strip())
        known = merged.get(key)
        if known is None:
            merged[key] = answer.model_copy()
        elif not known.date and answer.date:
            known.date = answer.date
    return list(merged.values())


def build_agreements(
    answers: list[AgreementAnswer],
    text: str,
    candidates: list[Candidate],
    layout: Layout,
    published_on: dt.date | None,
    lang: str | None,
) -> tuple[list[Agreement], list[Flag]]:
    flags: list[Flag] = []
    lead_end = min((s.start for s in layout.sections), default=len(text))
    periods = _nearby(candidates, "period", lead_end)
    budget = next((c for c in candidates if c.kind == "quantity" and is_budget(text, c)), None)
    place = layout.dateline.places[0] if layout.dateline and layout.dateline.places else None
    agreements: list[Agreement] = []
    seen: set[tuple[str, ...]] = set()
    for answer in _merged(answers):
        parties: list[str] = []
        for party in answer.parties:
            span = find(party, text)
            if span is None:
                flags.append(ungrounded("the party", party))
                continue
            surface = text[span[0]:span[1]]
            if surface.casefold() not in (p.casefold() for p in parties):
                parties.append(surface)
        if not parties:
            continue
        key = tuple(sorted(p.casefold() for p in parties))
        if key in seen:
            continue
        seen.add(key)
        signed_on = _signed_on(answer.date, published_on, lang)
        if signed_on is None and published_on is not None:
            signed_on = published_on
            flags.append(flag(SIGNED_ON_ASSUMED, Severity.info,
                              f"The release gives no date for the agreement between {', '.join(parties)}; the release date was used.",
                              paths=[f"/agreements/{len(agreements)}/signed_on"]))
        proof = _evidence_for(parties, text)
        kind = answer.kind
        if kind is not AgreementKind.renewal and proof and _RENEWAL.search(proof.text):
            kind = AgreementKind.renewal
        agreements.append(Agreement(kind=kind, parties=parties, signed_on=signed_on, place=place, evidence=proof))
    if agreements:
        # A period, budget or list of areas stated in the lead belongs to the headline agreement.
        headline = _headline(agreements, layout.title)
        headline.focus_areas = _focus_areas(text, candidates)
        if periods:
            first, last = str(periods[0].value).split("/")
            headline.period = Period(start=dt.date.fromisoformat(first), end=dt.date.fromisoformat(last))
        if budget:
            headline.budget = Money(amount=budget.value, currency=budget.unit, qualifier=Qualifier(budget.qualifier or "exact"),
                                    evidence=evidence(text, budget.start, budget.end))
    return agreements, flags


def _headline(agreements: list[Agreement], title: str | None) -> Agreement:
    """The agreement whose parties the title names most; the first one on a tie."""
    def named_in_title(agreement: Agreement) -> int:
        return sum(bool(find_all(party, title)) for party in agreement.parties) if title else 0
    return max(agreements, key=named_in_title)
