"""A stated count beside the list it counts: "5 offices (Chartres, Louviers, Tours, Paris, Bordeaux)".

Only clearly delimited lists are checked: a count (from the candidate finder, so "three" counts),
up to MAX_NOUN_WORDS words, then ":" or "(", then items separated by commas or semicolons. A list
of examples ("...", "etc."), a breakdown whose items carry their own numbers ("dont six
institutions, sept hôpitaux") and a count too large to be enumerated are left alone. Words
separated by spaces only ("5 antennes Chartres Louviers Tours") are not a list one can count.

"A, B et C" is three items but "A, Recherche et Développement" may be two: a count that matches
either reading of the last conjunction is consistent.

A cluster profile's ``offices`` list is compared with its ``offices`` figure when every listed
city is in the figure's sentence, i.e. both came from the same statement.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.candidates import Candidate
from extractor.consolidate.names import name_key
from extractor.validate.flags import make_flag, quote
from extractor.validate.subject import PlacedFigure, Subject
from schemas.common import Evidence, Flag, Qualifier
from schemas.figure import Metric

MAX_ENUMERATED = 12
MAX_NOUN_WORDS = 5
MAX_ITEM_WORDS = 8
_INTRO = re.compile(
    rf"[ \t\u00a0]*((?:[^\W\d_][\w'’-]*[ \t\u00a0]+){{0,{MAX_NOUN_WORDS - 1}}}[^\W\d_][\w'’-]*)?[ \t\u00a0]*([:(])"
)
_CONJUNCTION = re.compile(r"\s+(?:et|and|y|e|und|en|ou|or|&)\s+", re.IGNORECASE)
_LEADING_CONJUNCTION = re.compile(r"^(?:et|and|y|e|und|en|ou|or|&)\s+", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\([^()]*\)")
_EXAMPLES = re.compile(r"(?:\.\.\.|…|\betc\b\.?|\band so on\b|\bu\. ?a\.|\busw\b\.?)\s*$", re.IGNORECASE)
_STARTS_WITH_NUMBER = re.compile(r"^\W*\d")
# A full stop that ends a sentence, not one after an initial or a title ("J.", "St.", "Dr.").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?](?=\s|$)")


@dataclass(frozen=True)
class CountedList:
    count: int
    noun: str
    items: tuple[str, ...]
    readings: frozenset[int]   # item counts the separators allow
    start: int
    end: int


def check(subject: Subject) -> list[Flag]:
    if subject.text is None:
        return []
    flags = []
    covered: list[tuple[int, int]] = []
    for found in counted_lists(subject.text, subject.candidates):
        if found.count in found.readings:
            continue
        covered.append((found.start, found.end))
        figures = [
            p for p in subject.figures
            if p.figure.evidence is not None and p.figure.evidence.start < found.end and found.start < p.figure.evidence.end
        ]
        listed = len(found.items) if len(found.readings) == 1 else " or ".join(map(str, sorted(found.readings)))
        span = subject.text[found.start:found.end]
        flags.append(make_flag(
            "count_list_mismatch",
            f"The text says {found.count} {found.noun} but lists {listed}: {', '.join(found.items)} ({quote(span)}).",
            cluster=figures[0].cluster if figures else None,
            metric=str(figures[0].figure.metric) if figures else None,
            paths=[p.path for p in figures],
            evidence=[Evidence(text=span, start=found.start, end=found.end)],
        ))
    flags.extend(_office_flags(subject, covered))
    return flags


def counted_lists(text: str, candidates: Iterable[Candidate]) -> Iterable[CountedList]:
    """Every "<count> <noun> : item, item and item" or "<count> <noun> (item, item)" in the text."""
    for c in candidates:
        if not _is_small_count(c):
            continue
        intro = _INTRO.match(text, c.end)
        if intro is None:
            continue
        noun = intro.group(1) or ""
        body_start = intro.end()
        body_end = _closing(text, body_start) if intro.group(2) == "(" else _sentence_end(text, body_start)
        if body_end is None:
            continue
        body = text[body_start:body_end]
        parsed = _items(body)
        if parsed is None:
            continue
        items, readings = parsed
        yield CountedList(int(c.value), noun.strip(), items, readings, c.start, body_end + (intro.group(2) == "("))


def _is_small_count(c: Candidate) -> bool:
    return (
        c.kind == "quantity"
        and (c.unit or "count") == "count"
        and (c.qualifier or Qualifier.exact) == Qualifier.exact
        and isinstance(c.value, int | float)
        and float(c.value).is_integer()
        and 2 <= c.value <= MAX_ENUMERATED
    )


def _closing(text: str, start: int) -> int | None:
    depth = 1
    for i in range(start, min(len(text), start + 400)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _sentence_end(text: str, start: int) -> int:
    end = len(text)
    newline = text.find("\n", start)
    if newline != -1:
        end = newline
    for m in _SENTENCE_STOP.finditer(text[start:end]):
        # "..." ends a list of examples, not the sentence; keep it for _EXAMPLES to see.
        if text[start + m.start() - 2:start + m.start() + 1] == "...":
            continue
        return start + m.start()
    return end


def _items(body: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The items of a delimited list and the counts it can be read as, or None when it is no list."""
    stripped = body.strip()
    if not stripped or _EXAMPLES.search(stripped):
        return None
    flat = _PARENTHESISED.sub(" ", stripped)
    segments = [s.strip() for s in re.split(r"[,;]", flat)]
    segments = [_LEADING_CONJUNCTION.sub("", s).strip() for s in segments if s.strip()]
    if len(segments) < 2:
        return None
    if any(_STARTS_WITH_NUMBER.match(s) or len(s.split()) > MAX_ITEM_WORDS for s in segments):
        return None
    last = [p.strip() for p in _CONJUNCTION.split(segments[-1]) if p.strip()]
    items = tuple(segments[:-1] + last)
    return items, frozenset({len(segments), len(items)})


def _office_flags(subject: Subject, covered: list[tuple[int, int]]) -> Iterable[Flag]:
    for i, profile in enumerate(subject.release.clusters):
        if not profile.offices:
            continue
        for placed in subject.figures:
            if not placed.path.startswith(f"/clusters/{i}/") or not _compares_with_offices(placed):
                continue
            ev = placed.figure.evidence
            if any(s < ev.end and ev.start < e for s, e in covered) or not subject.slices(ev):
                continue
            sentence = _sentence_around(subject.text, ev.start, ev.end)
            words = f" {name_key(sentence)} "
            if not all(f" {name_key(city)} " in words for city in profile.offices):
                continue
            if len(profile.offices) != placed.figure.value:
                yield make_flag(
                    "count_list_mismatch",
                    f"{placed.cluster} is given {placed.figure.value:g} offices but its office list from the same sentence "
                    f"names {len(profile.offices)}: {', '.join(profile.offices)}.",
                    cluster=placed.cluster, metric=str(Metric.offices),
                    paths=[placed.path, f"/clusters/{i}/offices"], evidence=[ev],
                )


def _compares_with_offices(placed: PlacedFigure) -> bool:
    f = placed.figure
    return f.metric == Metric.offices and f.qualifier == Qualifier.exact and f.evidence is not None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    right = _sentence_end(text, end)
    return text[left + 1:right]
