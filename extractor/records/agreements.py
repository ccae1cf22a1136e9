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
from itertools import pairwise

import dateparser

from extractor.analysis import ReleaseAnalysis
from extractor.analysis.links import is_budget
from extractor.analysis.lists import counted_lists, item_separator
from extractor.ask.answers import AgreementAnswer
from extractor.candidates import Candidate
from extractor.ground import evidence, find, find_all
from extractor.identity.clusters import GENERIC_WORDS, name_fillers, same_cluster
from extractor.identity.organisations import is_event_or_country
from extractor.identity.people import same_person
from extractor.lexicon import alternation, leading_article, pattern
from extractor.normalize.dates import until, weekday_before
from extractor.records.flags import SIGNED_ON_ASSUMED, flag, ungrounded
from extractor.text.fold import name_tokens, plain, unaccent
from extractor.text.sentences import Sentences
from schemas.agreement import Agreement, AgreementKind, Money, Period
from schemas.common import Decision, Flag, Qualifier, Severity

_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
_POSSESSIVE = re.compile(r"['’]s$")
_ADDRESS = re.compile(r"@|^(?:https?://|www\.)", re.IGNORECASE)
# Named this often, an organisation is what the release is about, and may sign as "we".
MAIN_ACTOR_MENTIONS = 3
# A signing the release tells in its next passage happened days before it; a date older than this is another signing.
RECENT_SIGNING_DAYS = 31
NEXT_PASSAGES = 2
DISTINCTIVE_CHARS = 4
HEADING_CAPITALS = 0.6  # a sentence with more of its words capitalised is a heading in title case
WITH_REACH = 60  # "con la Universidad Tecnológica (UNITEC)": from "with" to the partner's short name
ACRONYM_CHARS = 3  # a signatory named by its capitals alone: "NHSA"


@cache
def _descriptor(concept: str) -> re.Pattern[str]:
    """What follows a party's name to describe it, not name it: "Acme Bio from Styria (Austria)"."""
    return re.compile(rf"\s*(?:,|\s(?i:{alternation(concept)})\s).*$")


def _without_descriptor(name: str, text: str) -> str:
    """The name before its description; the pattern runs on the accentless copy, which has the same length.

    "from", "aus", "based in" always describe. "de", "of", "di" may as well join a name ("Région Pays de la
    Loire", "Cluster de Salud de Galicia"): the name is cut there only when the release also uses the cut name
    alone. What is left must still name something: "City of Yokohama" or "Université de Lyon" would leave a
    word every city or university shares, so such a name is kept whole.
    """
    for concept in ("descriptor", "descriptor_or_name"):
        trimmed = name[:len(_descriptor(concept).sub("", unaccent(name)))]
        if trimmed == name or all(token in name_fillers() for token in name_tokens(trimmed)):
            continue
        if concept == "descriptor_or_name" and not _used_alone(trimmed, name, text):
            continue
        return trimmed
    return name


def _used_alone(short: str, full: str, text: str) -> bool:
    whole = {start for start, _ in find_all(full, text)}
    return any(start not in whole for start, _ in find_all(short, text))


@cache
def _locative(language: str | None) -> re.Pattern[str]:
    """"in", "à", "nach" in the release's own language: Dutch "en" joins two names, Spanish "en" places one."""
    return re.compile(rf"(?<![\w])(?i:{alternation('locative', language)})\s+$")


@dataclass
class _Draft:
    kind: AgreementKind
    parties: list[tuple[str, tuple[int, int]]]  # surface, first span
    said_date: str | None
    passage: tuple[int, int] | None
    merged: bool = False


def _passages(analysis: ReleaseAnalysis) -> list[tuple[int, int]]:
    """Title and sentences that state an agreement, each with the sentence after it (where partners are often
    listed, and where the lead retells the title's signing with its day); a dateline standing as a sentence of
    its own between the title and the lead is passed over."""
    spans = [span for span in analysis.sentences.spans if not _only_the_dateline(span, analysis)]
    found = []
    for i, (start, end) in enumerate(spans):
        if pattern("agreement").search(plain(analysis.text[start:end])) and not _only_in_names(analysis.text[start:end]):
            found.append((start, spans[i + 1][1] if i + 1 < len(spans) else end))
    return found


def _only_in_names(sentence: str) -> bool:
    """Every agreement word of a sentence of prose is part of a capitalised name: "au Swiss Tech Convention Center",
    "at the BIO International Convention". A heading capitalises every word, so its words still count."""
    folded = unaccent(sentence)
    words = re.findall(r"[^\W\d_][\w'’-]*", folded)
    if not words or sum(w[0].isupper() for w in words) > HEADING_CAPITALS * len(words):
        return False
    said = list(re.finditer(pattern("agreement").pattern, folded, re.IGNORECASE))
    return bool(said) and all(_in_a_name(folded, found) for found in said)


def _in_a_name(sentence: str, found: re.Match[str]) -> bool:
    if not found.group()[0].isupper():
        return False
    before = re.search(r"([^\W\d_][\w'’.-]*)[ \t]+$", sentence[:found.start()])
    after = re.match(r"[ \t]+([^\W\d_][\w'’.-]*)", sentence[found.end():])
    capital_before = bool(before and before.group(1)[0].isupper() and not pattern("article").fullmatch(before.group(1).casefold()))
    return capital_before or bool(after and after.group(1)[0].isupper())


def _title_end(analysis: ReleaseAnalysis) -> int:
    title = analysis.layout.title
    return analysis.text.find(title) + len(title) if title and title in analysis.text else 0


def _only_the_dateline(span: tuple[int, int], analysis: ReleaseAnalysis) -> bool:
    dateline = analysis.layout.dateline
    return dateline is not None and not analysis.text[span[0]:span[1]].replace(
        analysis.text[dateline.start:dateline.end], "").strip(" \t\n.–—-:")


def _joined_names(party: str) -> list[str]:
    """A party the model gave as two names joined ("Cluster X della Vita e la Regione Lombardia"): the names, when
    the second opens on an article, as a new noun phrase does; "Bioscience and Health Network" stays one name."""
    parts = item_separator().split(party, maxsplit=1)
    if len(parts) == 2 and (article := leading_article().match(parts[1])) and re.match(r"[A-ZÀ-Ý]", parts[1][article.end():]):
        return [parts[0], parts[1][article.end():]]
    return [party]


# Brackets after a name that say where it is ("Biocat (Catalonia, Spain)"), not a short name of it ("(MTC)").
_PLACE_IN_BRACKETS = re.compile(r"\s*\([^()]*[\s,][^()]*\)$")


def _clean_party(name: str, text: str) -> tuple[str, tuple[int, int]] | None:
    name = _PLACE_IN_BRACKETS.sub("", " ".join(name.split())) or name
    for candidate in (name, _without_descriptor(name, text)):
        span = find(candidate, text)
        if span is not None:
            surface = text[span[0]:span[1]]
            trimmed = _without_descriptor(surface, text)
            if trimmed and trimmed != surface:
                return trimmed, (span[0], span[0] + len(trimmed))
            return surface, span
    return None


@cache
def _listed_name() -> str:
    """A name in a list of parties: capitalised words, the linking words between them ("Ministerium für
    Wirtschaft", "Agence pour la Recherche"), an abbreviation after it. Read in the accentless copy."""
    # Capitals no accent folds away ("Øresund", "Łódź") stay capitals in the copy.
    word = r"(?:[dl]')?[A-ZÀ-ÝŁ][\w'.&-]*"
    link = rf"(?:{alternation('name_link')}|&)"
    return rf"{word}(?:(?:[ \t]+{link})*[ \t]+(?:[dl]')?[A-ZÀ-ÝŁ0-9][\w'.&-]*)*(?:[ \t]*\([^()\n]{{1,40}}\))?"


@cache
def _party_list() -> re.Pattern[str]:
    """"entre A, B et C", "A, B, and C are pleased to announce", "Les pôles A, B et C ainsi que la Région D":
    names joined by commas, "and" or "as well as", after "between" or where a sentence or a dateline's dashes
    begin, there after their kind in the plural. After "between", up to two small
    words may describe the first party before its name: "zwischen dem luxemburgischen Ministerium für
    Wirtschaft, Medical Valley und dem dmac"."""
    article = rf"(?:(?i:{alternation('article')})[ \t]+)?"
    separator = rf"(?:{_party_separator().pattern}){article}"
    return re.compile(
        rf"(?:(?P<between>(?<![\w])(?i:{alternation('between')})[ \t]+){article}(?:[a-z][\w-]*[ \t]+){{0,2}}?"
        rf"|(?<![\w'][ \t])(?<![\w'])){article}(?:{alternation('cluster_word')}[ \t]+)?"
        rf"(?P<names>{_listed_name()}(?:{separator}{_listed_name()})+)"
    )


@cache
def _party_separator() -> re.Pattern[str]:
    """Between two parties of a list: a comma, "and", or "as well as" ("A, B et C ainsi que la Région D")."""
    return re.compile(rf"{item_separator().pattern}|[ \t]*,?[ \t]+(?i:{alternation('as_well_as')})[ \t]+")


def _listed_parties(draft: _Draft, analysis: ReleaseAnalysis, people: Sequence[str]) -> list[tuple[str, tuple[int, int]]] | None:
    """The parties of the passage's own list when it has one: the model names a pair of a three-way signing
    ("BIOQuébec, BioNJ, and Choose New Jersey announce…"), or adds the release's own voice to an agreement
    "between A and B". A list after "between" that holds a party is the whole list; any other list must
    hold two of the parties, and adds its other names. A list must hold every party the passage names.
    None when the passage has no such list."""
    if draft.passage is None:
        return None
    text = analysis.text
    folded = unaccent(text)  # the list is read in folded words; offsets are the same in both
    mentions = [(party, find_all(party[0], text)) for party in draft.parties]
    inside = [party for party, spans in mentions if any(draft.passage[0] <= s < draft.passage[1] for s, _ in spans)]
    separator, article = _party_separator(), re.compile(rf"^(?:(?i:{alternation('article')})[ \t]+|l')")
    title_end = _title_end(analysis)
    lists = []
    for found in _party_list().finditer(folded, *draft.passage):
        start, end = found.span("names")
        held = [party for party, spans in mentions if any(start <= s and e <= end for s, e in spans)]
        if len(held) < (1 if found.group("between") else 2):
            continue
        listed: list[tuple[str, tuple[int, int]]] = []
        offset = start
        for item in separator.split(found.group("names")):
            at = folded.index(item, offset)
            offset = at + len(item)
            bare = article.sub("", item)
            at += len(item) - len(bare)
            if _POSSESSIVE.search(bare):
                continue  # "B, the Basque Government's agency for health": an apposition, no party
            surface = text[at:at + len(bare)]
            known = next((party for party, spans in mentions if any(s <= at < e or at <= s < at + len(bare) for s, e in spans)), None)
            if known is not None:
                listed.append(known)
            elif _is_organisation(surface, people, text, analysis.language) and not any(s <= at < e for _, spans in mentions for s, e in spans):
                listed.append((surface, (at, at + len(bare))))
        # A list after "between" is whole in its own sentence: a party the next one names ("the new partnership
        # between A and B was announced. C noted…") is no signatory.
        sentence = analysis.sentences.at(start) if found.group("between") else draft.passage
        named = [party for party in inside if any(sentence[0] <= s < sentence[1] for s, _ in find_all(party[0], text))]
        if len(listed) < 2 or any(p not in listed and not any(_short_for(p[0], q) for q, _ in listed) for p in named):
            continue  # the list leaves out a party the passage names: it is part of a longer one
        if not found.group("between"):
            # The model's own parties the list leaves out, unless one is a short form of a listed name
            # ("Università Tor Vergata" for "l'Università di Roma Tor Vergata" in the list).
            listed += [p for p in draft.parties if p not in listed and not any(_short_for(p[0], q) for q, _ in listed)]
        lists.append((start < title_end, listed))
    # A title names the parties in short ("Accordo tra A, B e Università Tor Vergata"); the lead after it in full.
    return next((listed for in_title, listed in lists if not in_title), lists[0][1] if lists else None)


def _only_as_place(name: str, text: str, language: str | None) -> bool:
    """Every mention follows "in", "à", "nach"...: the release uses the name as a place ("in Boston")."""
    spans = find_all(name, text)
    return bool(spans) and all(_locative(language).search(unaccent(text[max(0, s - 12):s])) for s, _ in spans)


def _is_organisation(name: str, people: Sequence[str], text: str, language: str | None = None) -> bool:
    if is_event_or_country(name) or _only_as_place(name, text, language) or _ADDRESS.search(name):
        return False  # "BIO 2017" is an event, "Boston" a place, "press@acme.org" an address
    # A person, or a person with a role before the name ("Luxemburgs Wirtschaftsminister Franz Fayot").
    tokens = name_tokens(name)
    return not any(same_person(name, person) or (len(own := name_tokens(person)) > 1 and tokens[-len(own):] == own)
                   for person in people)


def _passage_of(mentions: Sequence[Sequence[tuple[int, int]]], passages: Sequence[tuple[int, int]],
                sentences: Sentences) -> tuple[int, int] | None:
    """The agreement passage naming the most parties (each party by any of its mentions), or None. Between
    passages naming as many, the one whose agreement sentence itself names the most: the sentence before
    a passage's second one may tell another signing, with its own date."""
    best, best_rank = None, (0, 0)
    for start, end in passages:
        own_end = sentences.at(start)[1]
        rank = (sum(any(start <= s < end for s, _ in spans) for spans in mentions),
                sum(any(start <= s < own_end for s, _ in spans) for spans in mentions))
        if rank[0] and rank > best_rank:
            best, best_rank = (start, end), rank
    return best


def _listed_before(parties: Sequence[tuple[str, tuple[int, int]]], analysis: ReleaseAnalysis,
                   passages: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """"…gegeven door vijf partijen: A, B, C, D en E. Om 9.30 uur wordt door de vijf partners een overeenkomst
    ondertekend": an agreement sentence that calls its parties as a group, read with the sentence before it in
    its paragraph, when that one names every party."""
    text = analysis.text
    for start, end in passages:
        sentence = analysis.sentences.at(start)
        if not pattern("the_partners", analysis.language).search(plain(text[sentence[0]:sentence[1]])):
            continue
        before = _sentence_before(sentence, analysis)
        if before is not None and all(_named_in(name, (before[0], sentence[1]), text) for name, _ in parties):
            return before[0], end
    return None


def _named_in(party: str, passage: tuple[int, int], text: str) -> bool:
    if any(passage[0] <= start < passage[1] for start, _ in find_all(party, text)):
        return True
    # Releases vary a name ("Yokohama City", "the City of Yokohama"): a distinctive word of it will do.
    said = set(name_tokens(text[passage[0]:passage[1]]))
    return any(len(token) >= DISTINCTIVE_CHARS and token not in name_fillers() and token in said for token in name_tokens(party))


def _stated(party: str, passage: tuple[int, int], analysis: ReleaseAnalysis) -> bool:
    """The party is named in the agreement's passage, or is the release's own voice, which a passage may
    leave unnamed ("nous avons signé un accord avec…"): named in the title, or throughout the text."""
    if _named_in(party, passage, analysis.text):
        return True
    title = analysis.layout.title or ""
    return bool(find_all(party, title)) or len(find_all(party, analysis.text)) >= MAIN_ACTOR_MENTIONS


def _as_written_in(party: tuple[str, tuple[int, int]], passage: tuple[int, int], text: str,
                   clusters: Sequence[str]) -> tuple[str, tuple[int, int]]:
    """The party under the cluster's name its agreement passage writes, when the passage does not write the name
    the model gave: "BioM Biotech Cluster Development GmbH", read off a contacts line, signs as "BioM". That
    name is a cluster of the release made of the first words of the model's."""
    name = party[0]
    if any(passage[0] <= start < passage[1] for start, _ in find_all(name, text)):
        return party
    words = name.split()
    for count in range(len(words) - 1, 0, -1):
        short = " ".join(words[:count])
        spans = [span for span in find_all(short, text) if passage[0] <= span[0] < passage[1]]
        if spans and any(short.casefold() == cluster.casefold() for cluster in clusters):
            return text[spans[0][0]:spans[0][1]], spans[0]
    return party


def _same_party(a: str, b: str) -> bool:
    """One organisation under two names: the same cluster key, or the same distinctive words, one name holding
    all the other's words ("City of Yokohama", "Yokohama"). Only the same words: a place many names share is
    not enough ("Oslo Science City", "Oslo Cancer Cluster"), nor is it when each name adds words of its own
    ("Regione Toscana", "Toscana Life Sciences")."""
    if same_cluster(a, b) or a.casefold() == b.casefold():
        return True
    all_a, all_b = ({t for t in name_tokens(n) if t not in GENERIC_WORDS} for n in (a, b))
    words_a, words_b = _distinctive(a), _distinctive(b)
    return bool(words_a) and words_a == words_b and (all_a <= all_b or all_b <= all_a)


def _short_for(short: str, name: str) -> bool:
    """Every distinctive word of short is in name: one organisation, named in full and in short."""
    words = _distinctive(short)
    return bool(words) and words < _distinctive(name)


def _distinctive(name: str) -> set[str]:
    """The words of a name that tell which organisation it is: none that many names share."""
    return {t for t in name_tokens(name) if t not in name_fillers()}


@cache
def _several_agreements(language: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?i:{alternation('several_agreements', language)})(?![\w])")


@cache
def _with_word(language: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?i:{alternation('with', language)})(?![\w])")


@cache
def _with_partners(language: str | None) -> re.Pattern[str]:
    """Agreements in the plural, then "with": "les accords de partenariats que A officialise avec B et C"."""
    return re.compile(rf"{_several_agreements(language).pattern}.*?(?P<with>{_with_word(language).pattern})", re.DOTALL)


def _bilateral(draft: _Draft, analysis: ReleaseAnalysis) -> list[_Draft]:
    """One signing per partner when the sentence tells several agreements of one organisation "with" the
    others: named alone before the "with", it signs with each partner named after it. "An agreement with B
    and C" stays one signing of three, and so do agreements that two organisations sign with a third."""
    if draft.passage is None or len(draft.parties) < 3:
        return [draft]
    start, end = analysis.sentences.at(draft.passage[0])
    said = _with_partners(analysis.language).search(unaccent(analysis.text), start, end)
    if said is None:
        return [draft]
    pivot = said.start("with")
    before, after = [], []
    for party in draft.parties:
        spans = [s for s, _ in find_all(party[0], analysis.text) if start <= s < end]
        if spans and all(s < pivot for s in spans):
            before.append(party)
        elif spans and all(s > pivot for s in spans):
            after.append(party)
    if len(before) != 1 or len(after) != len(draft.parties) - 1:
        return [draft]
    return [_Draft(draft.kind, [before[0], partner], draft.said_date, draft.passage) for partner in after]


@cache
def _with_before_name(language: str | None) -> re.Pattern[str]:
    """"with" and up to four words before a partner's name: "avec le cluster québécois Montréal InVivo"."""
    return re.compile(rf"{_with_word(language).pattern}(?:\s+[\w'’-]+){{0,4}}\s+$")


def _told_one_by_one(draft: _Draft, analysis: ReleaseAnalysis, clusters: Sequence[str]) -> list[_Draft] | None:
    """"X a officialisé deux partenariats. Le premier a été signé le 22 septembre avec B… Le second, conclu le
    24 septembre avec C…", "X has signed two agreements. On 2 March it signed an MoU with B, and on 9 April it
    concluded a partnership with C": agreements told in the plural, then one by one, each partner after a "with"
    of its own in the same paragraph, are X's signings with each partner. Each one's passage is its own clause,
    which dates it. X is the one party, or else the one cluster, named before the plural in its sentence; the
    model often leaves X out and gives the partners as one agreement."""
    if draft.passage is None or len(draft.parties) < 2:
        return None
    text, language = analysis.text, analysis.language
    folded = unaccent(text)
    paragraph = text.rfind("\n\n", 0, draft.passage[0]) + 1
    plural: tuple[tuple[int, int], int] | None = None
    for span in analysis.sentences.spans:
        if span[0] > draft.passage[0]:
            break
        if span[0] >= paragraph and (said := _several_agreements(language).search(folded, *span)) is not None:
            plural = span, said.start()
    if plural is None:
        return None
    (start, end), pivot = plural
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    told: list[tuple[int, int, tuple[str, tuple[int, int]]]] = []  # where its "with" starts, where its name ends
    subjects = []
    for party in draft.parties:
        spans = find_all(party[0], text)
        if any(start <= s < pivot for s, _ in spans):
            subjects.append(party)
            continue
        said_with = next(((w.start(), e) for s, e in spans if end <= s < paragraph_end
                          and (w := _with_before_name(language).search(folded, analysis.sentences.at(s)[0], s))), None)
        if said_with is None or any(said_with[0] == other[0] for other in told):
            return None
        told.append((*said_with, party))
    if not subjects:
        named = {cluster: [(s, e) for s, e in find_all(cluster, text) if start <= s < pivot] for cluster in clusters}
        subjects = [(text[spans[0][0]:spans[0][1]], spans[0]) for spans in named.values() if spans]
    if len(subjects) != 1 or len(told) < 2:
        return None
    told.sort()
    clauses = []
    clause_start = analysis.sentences.at(told[0][0])[0]
    for (_, name_end, _), (next_with, _, _) in pairwise(told):
        sentence = analysis.sentences.at(next_with)
        breaks = list(_clause_break().finditer(text, name_end, next_with))
        if sentence[0] >= name_end:  # the next partner's own sentence
            clauses.append((clause_start, analysis.sentences.at(name_end - 1)[1]))
            clause_start = sentence[0]
        elif breaks:
            clauses.append((clause_start, breaks[-1].start()))
            clause_start = breaks[-1].end()
        else:
            return None
    clauses.append((clause_start, analysis.sentences.at(told[-1][1] - 1)[1]))
    return [_Draft(draft.kind, [subjects[0], party], None, _stripped(clause, text))
            for clause, (_, _, party) in zip(clauses, told, strict=True)]


def _stripped(span: tuple[int, int], text: str) -> tuple[int, int]:
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    return start, end


@cache
def _clause_break() -> re.Pattern[str]:
    """Where one partner's clause ends and the next one's begins: a comma, a semicolon, a full stop or "and"."""
    return re.compile(rf"[,;.]|(?<![\w])(?i:{alternation('and')})(?![\w])")


def _same_passage(a: _Draft, b: _Draft, passages: Sequence[tuple[int, int]], text: str) -> bool:
    """Two answers tell one signing when their passage names every party of both; a party both share may be
    named elsewhere only ("VIG" in the title, signing with partners the passage lists)."""
    if a.passage is None or a.passage != b.passage:
        return False
    start, end = a.passage
    shared = [name for name, _ in a.parties if any(_same_party(name, other) for other, _ in b.parties)]
    everyone = [name for name, _ in a.parties + b.parties if not any(_same_party(name, common) for common in shared)]
    return bool(everyone) and all(any(start <= s < end for s, _ in find_all(name, text)) for name in everyone)


def _signed_on(draft: _Draft, analysis: ReleaseAnalysis, passages: Sequence[tuple[int, int]],
               claimed: Sequence[tuple[int, int]]) -> dt.date | None:
    """A date stated in the agreement's passage, else the date the model read, else the date of the sentence
    before the passage ("X visited on 10 March. There it signed…") or of an earlier passage about the same
    signing; a day without a year is read against the release date, and stays unknown when the release has none."""
    dateline = analysis.layout.dateline
    own = (dateline.start, dateline.end) if dateline else None  # the release's own date is no signing's
    published = analysis.published_on
    if draft.passage is not None:
        # A lead that opens with the dateline ("Stuttgart, 21. November 2023 – A und B haben am 20. November
        # unterzeichnet") holds the release's date and the signing's: the other one is the signing's, and a
        # weekday named alone ("haben am Dienstag unterzeichnet") is the last such day before the release.
        if (day := _date_in(draft.passage, analysis, own)) is not None:
            return day
        start, end = draft.passage
        words = analysis.text[start:end]
        if own is not None and start <= own[0] < end:
            words = words[:own[0] - start] + " " * (min(own[1], end) - own[0]) + words[min(own[1], end) - start:]
        if published is not None and (day := weekday_before(words, published)) is not None:
            return day
        # "hanno sottoscritto ieri", "han firmado hoy": the day before the release or its own day, stated, in the
        # release's language (French "hier" is yesterday, German and Dutch "hier" is here).
        folded = plain(words)
        if published is not None and pattern("yesterday", analysis.language).search(folded):
            return published - dt.timedelta(days=1)
        if (day := _told_next(draft.passage, analysis, passages, claimed, own)) is not None:
            return day
        if (day := _date_in(draft.passage, analysis)) is not None:
            return day
        if published is not None and pattern("today", analysis.language).search(folded):
            return published
    if draft.said_date and (_YEAR.search(draft.said_date) or published is not None):
        said = _read_date(draft.said_date, published, analysis.language)
        if said is not None and find(draft.said_date, analysis.text) is not None:
            return said
    # A lead often tells the signing with its date and a later paragraph names every party ("visited on
    # 10 March. There he signed a cooperation agreement […] Dabei wurde ein Vertrag zwischen A, B und C
    # unterzeichnet"): an earlier passage no other agreement claims, that with its sentence before names every
    # party, dates this one.
    if draft.passage is None:
        return None
    before = _sentence_before(draft.passage, analysis)
    if before is not None and (day := _date_in(before, analysis, own)) is not None:
        return day
    for passage in passages:
        if passage[0] >= draft.passage[0] or passage in claimed:
            continue
        sentence = analysis.sentences.at(passage[0])
        lead_in = _sentence_before(passage, analysis)
        told = (lead_in[0], sentence[1]) if lead_in else sentence
        if all(_named_in(name, told, analysis.text) for name, _ in draft.parties):
            for span in (sentence, lead_in):
                if span is not None and (day := _date_in(span, analysis, own)) is not None:
                    return day
    return None


def _told_next(passage: tuple[int, int], analysis: ReleaseAnalysis, passages: Sequence[tuple[int, int]],
               claimed: Sequence[tuple[int, int]],
               own: tuple[int, int] | None) -> dt.date | None:
    """A headline's signing dated by a later sentence that opens on the agreement itself ("… are pleased to
    announce a Memorandum of Understanding. The MOU was signed on June 9 during BIO"), when that date is a few
    days before the release: an earlier signing recalled there ("The first agreement was signed in May 2019")
    is older, and a sentence that opens on a name tells another signing."""
    published = analysis.published_on
    if published is None:
        return None
    later = [p for p in passages if p[0] > passage[0] and p not in claimed][:NEXT_PASSAGES]
    for start, _ in later:
        sentence = analysis.sentences.at(start)
        if not _on_the_agreement().match(plain(analysis.text[sentence[0]:sentence[1]])):
            continue
        day = _date_in(sentence, analysis, own)
        if day is not None:
            return day if 0 <= (published - day).days <= RECENT_SIGNING_DAYS else None
    return None


@cache
def _on_the_agreement() -> re.Pattern[str]:
    """"The MOU was signed…", "L'accord a été signé…", "Il nuovo accordo è stato firmato…": a sentence about the
    agreement, its noun after the article and up to two words that describe it."""
    return re.compile(rf"^(?:{alternation('article')})\s*(?:[\w'’-]+\s+){{0,2}}?(?:{alternation('agreement')})(?![\w])")


def _date_in(span: tuple[int, int], analysis: ReleaseAnalysis, skip: tuple[int, int] | None = None) -> dt.date | None:
    published = analysis.published_on
    for date in analysis.of_kind("date"):
        if skip is not None and skip[0] <= date.start < skip[1]:
            continue
        if span[0] <= date.start < span[1]:
            if date.value:
                day = dt.date.fromisoformat(str(date.value))
                if published is None or day <= published:
                    return day
            elif published is not None:
                return _read_date(date.text, published, analysis.language)
    return None


def _sentence_before(span: tuple[int, int], analysis: ReleaseAnalysis) -> tuple[int, int] | None:
    """The sentence before span in the same paragraph: "X visited on 10 March. There he signed…"."""
    start = analysis.sentences.at(span[0])[0]
    before = analysis.sentences.at(start - 1)
    return before if before[0] < start and "\n\n" not in analysis.text[before[0]:start] else None


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


def _drafts(answers: Sequence[AgreementAnswer], analysis: ReleaseAnalysis, passages: Sequence[tuple[int, int]],
            people: Sequence[str], clusters: Sequence[str], flags: list[Flag]) -> list[_Draft]:
    text = analysis.text
    drafts: list[_Draft] = []
    ours = _signed_by_us(analysis, passages, clusters)
    for answer in answers:
        parties: list[tuple[str, tuple[int, int]]] = []
        for said in (part for party in answer.parties for part in _joined_names(party)):
            cleaned = _clean_party(said, text)
            if cleaned is None:
                if said.strip():
                    flags.append(ungrounded("the party", said))
                continue
            if _is_organisation(cleaned[0], people, text, analysis.language) and not any(_same_party(cleaned[0], p) for p, _ in parties):
                parties.append(cleaned)
        if ours:
            told = _told_by_us(answer.kind, parties, ours, text)
            if told is not None:
                drafts.append(told)
            if told is not None or _beside_our_signing(parties, ours, text):
                continue
        if parties and (signed := _with_its_subject(answer, parties, analysis, passages, people, clusters)) is not None:
            drafts.extend(signed)
            continue
        if len(parties) == 1 and (alone := _with_the_one_cluster(answer, parties[0], analysis, passages, clusters)) is not None:
            drafts.append(alone)
            continue
        if len(parties) < 2:
            continue
        passage = _passage_of([find_all(name, text) or [span] for name, span in parties], passages, analysis.sentences)
        if passage is None or not all(_stated(name, passage, analysis) for name, _ in parties):
            passage = _listed_before(parties, analysis, passages)
            if passage is None:
                continue  # no passage says these parties agreed on anything
        draft = _Draft(answer.kind, [_as_written_in(party, passage, text, clusters) for party in parties], answer.date, passage)
        listed = _listed_parties(draft, analysis, people)
        if listed is not None:
            draft.parties = [p for i, p in enumerate(listed) if not any(_same_party(p[0], q[0]) for q in listed[:i])]
        drafts.append(draft)
    joined: list[_Draft] = []
    for draft in drafts:
        same = next((known for known in joined if _same_passage(known, draft, passages, text)), None)
        if same is None:
            joined.append(draft)
            continue
        for party in draft.parties:
            if not any(_same_party(party[0], p) or _short_for(party[0], p) or _short_for(p, party[0]) for p, _ in same.parties):
                same.parties.append(party)
                same.merged = True
        same.said_date = same.said_date or draft.said_date
    return [signing for draft in joined for signing in _told_one_by_one(draft, analysis, clusters) or _bilateral(draft, analysis)]


@dataclass(frozen=True)
class _OwnSigning:
    """The release's own voice telling its signing, and the partner's clause: "nous venons de signer un accord
    avec le cluster suisse X": the voice is the cluster the title names."""

    voice: tuple[str, tuple[int, int]]
    sentence: tuple[int, int]
    clause: tuple[int, int]


def _signed_by_us(analysis: ReleaseAnalysis, passages: Sequence[tuple[int, int]],
                  clusters: Sequence[str]) -> list[_OwnSigning]:
    """Each agreement passage's "we signed … with X" (the with-clause up to its end), when the title names one
    cluster of the release to speak as "we"."""
    title = analysis.layout.title or ""
    named = [c for c in clusters if find_all(c, title)]
    if len(named) != 1 or (voice := find(named[0], analysis.text)) is None:
        return []
    folded = unaccent(analysis.text)
    said = []
    for start, _ in passages:
        sentence = analysis.sentences.at(start)
        signed = pattern("we_signed", analysis.language).search(plain(analysis.text[sentence[0]:sentence[1]]))
        if signed is None:
            continue
        with_word = _with_word(analysis.language).search(folded, sentence[0] + signed.start(), sentence[1])
        if with_word is None:
            continue
        end = next((b.start() for b in _clause_break().finditer(folded, with_word.end(), sentence[1])), sentence[1])
        said.append(_OwnSigning((analysis.text[voice[0]:voice[1]], voice), sentence, (with_word.end(), end)))
    return said


def _with_its_subject(answer: AgreementAnswer, parties: Sequence[tuple[str, tuple[int, int]]], analysis: ReleaseAnalysis,
                      passages: Sequence[tuple[int, int]], people: Sequence[str], clusters: Sequence[str]) -> list[_Draft] | None:
    """"La Fondazione X ha siglato un accordo con A e con B", "X has signed an MoU with A and another MoU with B": the
    model gives the partners named after the sentence's "with" and leaves out the organisation the sentence names
    before its agreement word, which signs with them. One signing, unless the sentence tells "another" one: then
    each "with" opens a signing of its own."""
    text, language = analysis.text, analysis.language
    folded = unaccent(text)
    title_end = _title_end(analysis)
    # The lead tells the signing in full, with its day; the title only in short.
    for passage in sorted(passages, key=lambda p: p[0] < title_end):
        start, end = analysis.sentences.at(passage[0])
        mentions = [[m for m in find_all(name, text) if start <= m[0] < end] for name, _ in parties]
        sentence = folded[start:end]
        agreement = next((a for a in re.finditer(pattern("agreement").pattern, sentence, re.IGNORECASE) if not _in_a_name(sentence, a)), None)
        if not all(mentions) or agreement is None:
            continue
        said_at = start + agreement.start()
        withs = [w.start() for w in _with_word(language).finditer(folded, said_at, end)]
        if not withs or any(m[0] < withs[0] for spans in mentions for m in spans):
            return None
        subject = _subject_before(analysis, start, said_at, people, clusters, _opens_the_body(analysis, start, title_end))
        if subject is None or any(_same_party(subject[0], name) for name, _ in parties):
            return None
        groups: dict[int, list[tuple[str, tuple[int, int]]]] = {}
        for party, spans in zip(parties, mentions, strict=True):
            groups.setdefault(max(w for w in withs if w < spans[0][0]), []).append(party)
        if len(groups) > 1 and pattern("another", language).search(plain(text[start:end])):
            # Each signing's passage runs to the next one's "with", so that no two are joined again as one.
            opened = sorted(groups)
            ends = [*opened[1:], passage[1]]
            return [_Draft(answer.kind, [subject, *groups[at]], answer.date, (start if i == 0 else at, ends[i]))
                    for i, at in enumerate(opened)]
        return [_Draft(answer.kind, [subject, *parties], answer.date, passage)]
    return None


def _opens_the_body(analysis: ReleaseAnalysis, start: int, title_end: int) -> bool:
    """The sentence opens the text, or the body after the title and the dateline: it opens on the release's own
    subject."""
    spans = analysis.sentences.spans
    body = [s for s, e in spans if s >= title_end and not _only_the_dateline((s, e), analysis)]
    return bool(spans) and (spans[0][0] == start or (bool(body) and body[0] == start))


def _subject_before(analysis: ReleaseAnalysis, start: int, end: int, people: Sequence[str],
                    clusters: Sequence[str], opening: bool) -> tuple[str, tuple[int, int]] | None:
    """The organisation a sentence names before its agreement word: the one cluster of the release it names there,
    else the last name of two words or more, or of capitals, outside brackets, that the release names again, or
    that opens the release's first sentence ("Bioindustry Park annuncia la firma di un Memorandum con…")."""
    text = analysis.text
    named = [(s, e) for cluster in clusters for s, e in find_all(cluster, text) if start <= s and e <= end]
    if len(named) == 1:
        return text[named[0][0]:named[0][1]], named[0]
    # Brackets are blanked, not cut: offsets in the sentence stay those of the text.
    region = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), unaccent(text[start:end]))
    for found in reversed(list(re.finditer(_listed_name(), region))):
        article = leading_article().match(found.group())
        at = start + found.start() + (article.end() if article else 0)
        surface = text[at:start + found.end()].rstrip()
        shaped = len(name_tokens(surface)) > 1 or (surface.isupper() and len(surface) >= ACRONYM_CHARS)
        # Named again elsewhere: a capitalised phrase opening a later sentence ("Durante la Asamblea") is named once.
        again = len(find_all(surface, text)) > 1 or (opening and at == start)
        if shaped and again and not re.search(r"[0-9]", surface) and _is_organisation(surface, people, text, analysis.language):
            return surface, (at, at + len(surface))
    return None


def _with_the_one_cluster(answer: AgreementAnswer, party: tuple[str, tuple[int, int]], analysis: ReleaseAnalysis,
                          passages: Sequence[tuple[int, int]], clusters: Sequence[str]) -> _Draft | None:
    """"Durante la Asamblea se firmó un convenio con la Universidad X", "il a signé une convention avec X": a
    signing the release tells with one partner and no signatory, in a release about one cluster, is that
    cluster's. The model gives the partner alone; the sentence must hold both the agreement and its "with"."""
    text = analysis.text
    others = [c for c in clusters if not _same_party(c, party[0])]
    if len(others) != 1 or (voice := find(others[0], text)) is None:
        return None
    folded = unaccent(text)
    for at, _ in find_all(party[0], text):
        sentence = analysis.sentences.at(at)
        if (any(start <= at < end for start, end in passages) and pattern("agreement").search(plain(text[sentence[0]:at]))
                and _with_word(analysis.language).search(folded, max(sentence[0], at - WITH_REACH), at)):
            return _Draft(answer.kind, [(text[voice[0]:voice[1]], voice), party], answer.date, sentence)
    return None


def _told_by_us(kind: AgreementKind, parties: Sequence[tuple[str, tuple[int, int]]], ours: Sequence[_OwnSigning],
                text: str) -> _Draft | None:
    """The signing of the release's own voice with the one party the model gave that its "with" clause names;
    the model's other parties there ("et nous préparons un rapprochement avec Y") signed nothing."""
    for signing in ours:
        start, end = signing.clause
        partners = [p for p in parties if not _same_party(p[0], signing.voice[0])
                    and any(start <= s < end for s, _ in find_all(p[0], text))]
        if len(partners) == 1:
            return _Draft(kind, [signing.voice, partners[0]], None, signing.sentence)
    return None


def _beside_our_signing(parties: Sequence[tuple[str, tuple[int, int]]], ours: Sequence[_OwnSigning], text: str) -> bool:
    """A party named only in a sentence of the release's own signing, outside its "with" clause ("and we are
    exploring a partnership with Y"): the sentence tells no signing with it."""
    sentences = [signing.sentence for signing in ours]
    clauses = [signing.clause for signing in ours]
    for name, _ in parties:
        spans = find_all(name, text)
        if spans and all(any(s <= at < e for s, e in sentences) and not any(s <= at < e for s, e in clauses) for at, _ in spans):
            return True
    return False


def build_agreements(answers: Sequence[AgreementAnswer], analysis: ReleaseAnalysis, people: Sequence[str],
                     clusters: Sequence[str] = ()) -> tuple[list[Agreement], list[Flag]]:
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
    passages = _passages(analysis)
    drafts = _drafts(answers, analysis, passages, people, clusters, flags)
    claimed = [draft.passage for draft in drafts if draft.passage is not None]
    for draft in drafts:
        parties = [name for name, _ in sorted(draft.parties, key=lambda p: p[1][0])]
        # The same signing told twice, once with a party's longer name ("Yokohama", "City of Yokohama").
        if any(all(any(_same_party(party, other) for other in earlier) for party in parties) for earlier in kept):
            continue
        kept.append(parties)
        signed_on = _signed_on(draft, analysis, passages, claimed)
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
        elif (end := _runs_until(analysis, passages, lead_end)) is not None:
            headline.period = Period(end=end)
        if budget:
            headline.budget = Money(amount=budget.value, currency=str(budget.unit), qualifier=Qualifier(budget.qualifier or "exact"),
                                    evidence=evidence(text, budget.start, budget.end))
    return agreements, flags


def _runs_until(analysis: ReleaseAnalysis, passages: Sequence[tuple[int, int]], lead_end: int) -> dt.date | None:
    """The last day of a term a sentence of the lead that states an agreement gives with "until" alone ("The
    renewed agreement runs until December 2028", "jusqu'en 2027", "bis zum 30. Juni 2027"): a date, the end of
    a month, or the end of a year. The text says no start, and none is made up."""
    text = analysis.text
    ends = {c.start: c for c in analysis.candidates if c.kind in ("date", "period") and c.value}
    for start, _ in passages:
        sentence = analysis.sentences.at(start)
        if sentence[0] >= lead_end:
            break
        for found in until().finditer(text, *sentence):
            if found.group("year"):
                return dt.date(int(found.group("year")), 12, 31)
            if (said := ends.get(found.end())) is not None:
                return dt.date.fromisoformat(str(said.value).split("/")[-1])
    return None


def _headline(agreements: list[Agreement], title: str | None) -> Agreement:
    """The agreement whose parties the title names most; the first one on a tie."""
    def named_in_title(agreement: Agreement) -> int:
        return sum(bool(find_all(party, title)) for party in agreement.parties) if title else 0
    return max(agreements, key=named_in_title)
