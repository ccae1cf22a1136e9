"""Agreement records: one per signing, every party by its name alone, dated from the text or the release.

The model's answers are checked against the text. A party must be an organisation the release names (not
a place, an event or a person), and an agreement must be stated: one of its parties sits in a sentence,
or the sentence after one, that holds an agreement word ("accord", "signed", "Vereinbarung", "protocollo
d'intesa"...). A small model often splits one signing among several partners into pairwise answers; answers
whose parties are all named in the same agreement passage are one signing, and are joined.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import dateparser

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import is_budget
from extractor.analysis.lists import counted_lists
from extractor.ask.answers import AgreementAnswer
from extractor.candidates import Candidate
from extractor.ground import evidence, find, find_all
from extractor.identity.clusters import GENERIC_WORDS, same_cluster
from extractor.identity.organisations import is_event_or_country
from extractor.identity.people import same_person
from extractor.lexicon import alternation, pattern, words
from extractor.records.flags import SIGNED_ON_ASSUMED, flag, ungrounded
from extractor.text.fold import name_tokens, plain, unaccent
from schemas.agreement import Agreement, AgreementKind, Money, Period
from schemas.common import Decision, Flag, Qualifier, Severity

_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
# Named this often, an organisation is what the release is about, and may sign as "we".
MAIN_ACTOR_MENTIONS = 3
DISTINCTIVE_CHARS = 4


@cache
def _descriptor() -> re.Pattern[str]:
    """What follows a party's name to describe it, not name it: "Acme Bio from Styria (Austria)"."""
    return re.compile(rf"\s*(?:,|\s(?i:{alternation('descriptor')})\s).*$")


def _without_descriptor(name: str) -> str:
    """The name before its description; the pattern runs on the accentless copy, which has the same length.

    What is left must still name something: "City of Yokohama" or "Université de Lyon" would leave a word
    every city or university shares, so such a name is kept whole.
    """
    trimmed = name[:len(_descriptor().sub("", unaccent(name)))]
    if all(token in _fillers() for token in name_tokens(trimmed)):
        return name
    return trimmed


@cache
def _locative() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?i:{alternation('locative')})\s+$")


@cache
def _fillers() -> frozenset[str]:
    return GENERIC_WORDS | frozenset(words("name_filler"))


@dataclass
class _Draft:
    kind: AgreementKind
    parties: list[tuple[str, tuple[int, int]]]  # surface, first span
    said_date: str | None
    passage: tuple[int, int] | None
    merged: bool = False


def _passages(analysis: ReleaseAnalysis) -> list[tuple[int, int]]:
    """Title and sentences that state an agreement, each with the sentence after it (where partners are often listed)."""
    spans = list(analysis.sentences.spans)
    found = []
    for i, (start, end) in enumerate(spans):
        if pattern("agreement").search(plain(analysis.text[start:end])):
            found.append((start, spans[i + 1][1] if i + 1 < len(spans) else end))
    return found


def _clean_party(name: str, text: str) -> tuple[str, tuple[int, int]] | None:
    name = " ".join(name.split())
    for candidate in (name, _without_descriptor(name)):
        span = find(candidate, text)
        if span is not None:
            surface = text[span[0]:span[1]]
            trimmed = _without_descriptor(surface)
            if trimmed and trimmed != surface:
                return trimmed, (span[0], span[0] + len(trimmed))
            return surface, span
    return None


def _only_as_place(name: str, text: str) -> bool:
    """Every mention follows "in", "à", "nach"...: the release uses the name as a place ("in Boston")."""
    spans = find_all(name, text)
    return bool(spans) and all(_locative().search(unaccent(text[max(0, s - 12):s])) for s, _ in spans)


def _is_organisation(name: str, people: Sequence[str], text: str) -> bool:
    if is_event_or_country(name) or _only_as_place(name, text):
        return False  # "BIO 2017" is an event, "Boston" a place
    return not any(same_person(name, person) for person in people)


def _passage_of(mentions: Sequence[Sequence[tuple[int, int]]], passages: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The agreement passage naming the most parties (each party by any of its mentions), or None."""
    best, best_count = None, 0
    for start, end in passages:
        count = sum(any(start <= s < end for s, _ in spans) for spans in mentions)
        if count > best_count:
            best, best_count = (start, end), count
    return best


def _stated(party: str, passage: tuple[int, int], analysis: ReleaseAnalysis) -> bool:
    """The party is named in the agreement's passage, or is the release's own voice, which a passage may
    leave unnamed ("nous avons signé un accord avec…"): named in the title, or throughout the text."""
    mentions = find_all(party, analysis.text)
    if any(passage[0] <= start < passage[1] for start, _ in mentions):
        return True
    # Releases vary a name ("Yokohama City", "the City of Yokohama"): a distinctive word of it will do.
    said = set(name_tokens(analysis.text[passage[0]:passage[1]]))
    if any(len(token) >= DISTINCTIVE_CHARS and token not in _fillers() and token in said for token in name_tokens(party)):
        return True
    title = analysis.layout.title or ""
    return bool(find_all(party, title)) or len(mentions) >= MAIN_ACTOR_MENTIONS


def _same_party(a: str, b: str) -> bool:
    """One organisation under two names: the same cluster key, or the same distinctive words ("City of Yokohama",
    "Yokohama"). Only the same words: a place many names share is not enough ("Oslo Science City", "Oslo Cancer
    Cluster")."""
    if same_cluster(a, b) or a.casefold() == b.casefold():
        return True
    words_a, words_b = ({t for t in name_tokens(n) if t not in _fillers()} for n in (a, b))
    return bool(words_a) and words_a == words_b


def _same_passage(a: _Draft, b: _Draft, passages: Sequence[tuple[int, int]], text: str) -> bool:
    if a.passage is None or a.passage != b.passage:
        return False
    start, end = a.passage
    everyone = [name for name, _ in a.parties + b.parties]
    return all(any(start <= s < end for s, _ in find_all(name, text)) for name in everyone)


def _signed_on(draft: _Draft, analysis: ReleaseAnalysis) -> dt.date | None:
    """A date stated in the agreement's passage, else the date the model read; a day without a year is read
    against the release date, and stays unknown when the release has none."""
    published = analysis.published_on
    if draft.passage is not None:
        start, end = draft.passage
        for date in analysis.of_kind("date"):
            if start <= date.start < end:
                if date.value:
                    day = dt.date.fromisoformat(str(date.value))
                    if published is None or day <= published:
                        return day
                elif published is not None:
                    return _read_date(date.text, published, analysis.language)
    if draft.said_date and (_YEAR.search(draft.said_date) or published is not None):
        said = _read_date(draft.said_date, published, analysis.language)
        if said is not None and find(draft.said_date, analysis.text) is not None:
            return said
    return None


def _read_date(said: str, published: dt.date | None, lang: str | None) -> dt.date | None:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(said, languages=[lang] if lang else None, settings=settings)
    return parsed.date() if parsed else None


def _focus_areas(text: str, candidates: Sequence[Candidate]) -> list[str]:
    """The items of the first counted list of areas ("three key areas: human resources, biomanufacturing and …")."""
    for found in counted_lists(text, list(candidates)):
        if pattern("focus_area").search(plain(found.noun)) and found.count in found.readings:
            return list(found.items)
    return []


def _drafts(answers: Sequence[AgreementAnswer], analysis: ReleaseAnalysis, people: Sequence[str],
            flags: list[Flag]) -> list[_Draft]:
    text = analysis.text
    passages = _passages(analysis)
    drafts: list[_Draft] = []
    for answer in answers:
        parties: list[tuple[str, tuple[int, int]]] = []
        for said in answer.parties:
            cleaned = _clean_party(said, text)
            if cleaned is None:
                if said.strip():
                    flags.append(ungrounded("the party", said))
                continue
            if _is_organisation(cleaned[0], people, text) and not any(_same_party(cleaned[0], p) for p, _ in parties):
                parties.append(cleaned)
        if len(parties) < 2:
            continue
        passage = _passage_of([find_all(name, text) or [span] for name, span in parties], passages)
        if passage is None or not all(_stated(name, passage, analysis) for name, _ in parties):
            continue  # no passage says these parties agreed on anything
        drafts.append(_Draft(answer.kind, parties, answer.date, passage))
    joined: list[_Draft] = []
    for draft in drafts:
        same = next((known for known in joined if _same_passage(known, draft, passages, text)), None)
        if same is None:
            joined.append(draft)
            continue
        for party in draft.parties:
            if not any(_same_party(party[0], p) for p, _ in same.parties):
                same.parties.append(party)
                same.merged = True
        same.said_date = same.said_date or draft.said_date
    return joined


def build_agreements(answers: Sequence[AgreementAnswer], analysis: ReleaseAnalysis, people: Sequence[str]) -> tuple[list[Agreement], list[Flag]]:
    text = analysis.text
    flags: list[Flag] = []
    layout = analysis.layout
    lead_end = min((s.start for s in layout.sections), default=len(text))
    # A month or a quarter ("depuis février 2017") dates an event; an agreement runs between days or years.
    periods = [c for c in analysis.of_kind("period") if c.start < lead_end and "no_day" not in c.flags]
    budget = next((c for c in analysis.of_kind("quantity") if is_budget(text, c, analysis.announces_agreement)), None)
    place = layout.dateline.places[0] if layout.dateline and layout.dateline.places else None
    agreements: list[Agreement] = []
    kept: list[list[str]] = []
    for draft in _drafts(answers, analysis, people, flags):
        parties = [name for name, _ in sorted(draft.parties, key=lambda p: p[1][0])]
        # The same signing told twice, once with a party's longer name ("Yokohama", "City of Yokohama").
        if any(all(any(_same_party(party, other) for other in earlier) for party in parties) for earlier in kept):
            continue
        kept.append(parties)
        signed_on = _signed_on(draft, analysis)
        if signed_on is None and analysis.published_on is not None:
            signed_on = analysis.published_on
            flags.append(flag(SIGNED_ON_ASSUMED, Severity.info,
                              f"The release gives no date for the agreement between {', '.join(parties)}; the release date was used.",
                              paths=[f"/agreements/{len(agreements)}/signed_on"]))
        proof = evidence(text, *draft.passage) if draft.passage else None
        kind = draft.kind
        if kind is not AgreementKind.renewal and proof and pattern("renewal").search(plain(proof.text)):
            kind = AgreementKind.renewal
        agreements.append(Agreement(kind=kind, parties=parties, signed_on=signed_on, place=place, evidence=proof,
                                    decided_by=Decision.merged if draft.merged else Decision.model))
    if agreements:
        # A period, budget or list of areas stated in the lead belongs to the headline agreement.
        headline = _headline(agreements, layout.title)
        headline.focus_areas = _focus_areas(text, analysis.candidates)
        if periods:
            first, last = str(periods[0].value).split("/")
            headline.period = Period(start=dt.date.fromisoformat(first), end=dt.date.fromisoformat(last))
        if budget:
            headline.budget = Money(amount=budget.value, currency=str(budget.unit), qualifier=Qualifier(budget.qualifier or "exact"),
                                    evidence=evidence(text, budget.start, budget.end))
    return agreements, flags


def _headline(agreements: list[Agreement], title: str | None) -> Agreement:
    """The agreement whose parties the title names most; the first one on a tie."""
    def named_in_title(agreement: Agreement) -> int:
        return sum(bool(find_all(party, title)) for party in agreement.parties) if title else 0
    return max(agreements, key=named_in_title)
