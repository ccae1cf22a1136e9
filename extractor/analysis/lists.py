"""Counted lists: "5 offices (Chartres, Louviers, Tours, Paris, Bordeaux)", "three key areas: A, B and C".

Only clearly delimited lists are read: a count (from the candidate finder, so "three" counts), up to
MAX_NOUN_WORDS words, then ":" or "(", then items separated by commas or semicolons. A list of examples
("...", "etc."), a breakdown whose items carry their own numbers ("dont six institutions, sept
hôpitaux") and a count too large to be enumerated are left alone. Words separated by spaces only
("5 antennes Chartres Louviers Tours") are not a list one can count.

"A, B et C" is three items but "A, Recherche et Développement" may be two: both readings are kept.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from extractor.candidates import Candidate
from extractor.lexicon import alternation
from extractor.text.sentences import split_sentences
from schemas.common import Qualifier

MAX_ENUMERATED = 12
MAX_NOUN_WORDS = 5
MAX_ITEM_WORDS = 8
_INTRO = re.compile(
    rf"[ \t\u00a0]*((?:[^\W\d_][\w'’-]*[ \t\u00a0]+){{0,{MAX_NOUN_WORDS - 1}}}[^\W\d_][\w'’-]*)?[ \t\u00a0]*([:(])"
)
_PARENTHESISED = re.compile(r"\([^()]*\)")
_EXAMPLES = re.compile(r"(?:\.\.\.|…|\betc\b\.?|\band so on\b|\bu\. ?a\.|\busw\b\.?)\s*$", re.IGNORECASE)
_STARTS_WITH_NUMBER = re.compile(r"^\W*\d")


@cache
def item_separator() -> re.Pattern[str]:
    """What stands between two names of a list: a comma, "and", or both ("A, B, and C", "A, B und C")."""
    return re.compile(rf"[ \t]*,[ \t]*(?:(?i:{alternation('and')})[ \t]+)?|[ \t]+(?i:{alternation('and')})[ \t]+")


@cache
def _conjunction() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:(?i:{alternation('and')}|{alternation('or')})|&)\s+")


@cache
def _leading_conjunction() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?i:{alternation('and')}|{alternation('or')})|&)\s+")


@dataclass(frozen=True)
class CountedList:
    count: int
    noun: str
    items: tuple[str, ...]
    readings: frozenset[int]   # item counts the separators allow
    start: int
    end: int


def counted_lists(text: str, candidates: Iterable[Candidate]) -> Iterable[CountedList]:
    """Every "<count> <noun> : item, item and item" or "<count> <noun> (item, item)" in the text."""
    for c in candidates:
        count = _small_count(c)
        if count is None:
            continue
        intro = _INTRO.match(text, c.end)
        if intro is None:
            continue
        noun = intro.group(1) or ""
        body_start = intro.end()
        body_end = _closing(text, body_start) if intro.group(2) == "(" else sentence_end(text, body_start)
        if body_end is None:
            continue
        body = text[body_start:body_end]
        parsed = _items(body)
        if parsed is None:
            continue
        items, readings = parsed
        yield CountedList(count, noun.strip(), items, readings, c.start, body_end + (intro.group(2) == "("))


def _small_count(c: Candidate) -> int | None:
    """The exact whole count a list could spell out, or None when ``c`` is no such count."""
    if (
        c.kind == "quantity"
        and (c.unit or "count") == "count"
        and (c.qualifier or Qualifier.exact) == Qualifier.exact
        and isinstance(c.value, int | float)
        and float(c.value).is_integer()
        and 2 <= c.value <= MAX_ENUMERATED
    ):
        return int(c.value)
    return None


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


def sentence_end(text: str, start: int) -> int:
    """Where the sentence holding start ends, before its full stop; "..." stays, as it marks a list of examples."""
    end = split_sentences(text).at(start)[1]
    if text[:end].endswith((".", "!", "?")) and not text[:end].endswith("..."):
        end -= 1
    return end


def _items(body: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The items of a delimited list and the counts it can be read as, or None when it is no list."""
    stripped = body.strip()
    if not stripped or _EXAMPLES.search(stripped):
        return None
    flat = _PARENTHESISED.sub(" ", stripped)
    segments = [s.strip() for s in re.split(r"[,;]", flat)]
    segments = [_leading_conjunction().sub("", s).strip() for s in segments if s.strip()]
    if len(segments) < 2:
        return None
    if any(_STARTS_WITH_NUMBER.match(s) or len(s.split()) > MAX_ITEM_WORDS for s in segments):
        return None
    last = [p.strip() for p in _conjunction().split(segments[-1]) if p.strip()]
    items = tuple(segments[:-1] + last)
    return items, frozenset({len(segments), len(items)})


