"""Every quantity, date, period, e-mail, phone number and web address in a release, with its span.

The model is asked about these, and grounding checks its answers against them, so each span is
exact (``source[start:end] == text``) and each piece of text belongs to one candidate at most:
web and mail addresses are found first, then dates and periods, then phone numbers, and the
quantity finder only sees what is left, so a year, a day of a date or a group of a phone number
never comes back as a count.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from extractor.lexicon import words
from extractor.normalize.dates import PERIOD_SHAPES, between_dates, date_regex, parse_date, parse_period
from extractor.normalize.language import detect_language
from extractor.normalize.metrics import metric_hint
from extractor.normalize.numbers import quantity_anchors, quantity_regex, read_match
from extractor.normalize.phones import PHONE_SHAPE, is_valid_phone, to_e164
from extractor.normalize.web import normalize_email, normalize_url
from extractor.text.languages import default_country
from schemas.common import Qualifier
from schemas.figure import Metric


@dataclass(frozen=True)
class Candidate:
    kind: str  # "quantity" | "date" | "period" | "email" | "phone" | "url"
    text: str
    start: int
    end: int
    value: int | float | str | None  # number; ISO date; "YYYY-MM-DD/YYYY-MM-DD"; email; E.164; URL
    unit: str | None = None
    qualifier: str | None = None
    flags: tuple[str, ...] = ()
    high: int | float | None = None  # the upper end of a range ("200-300"); value is the lower

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "unit": self.unit, "qualifier": self.qualifier,
                "flags": list(self.flags), "high": self.high}



_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?![\w\-])")
_URL = re.compile(
    r"(?<![\w@/.\-])(?:https?://|www\.)[^\s<>()\[\]\"'«»]+"
    r"|(?<![\w@/.\-])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
    r"\.(?:com|org|net|eu|be|fr|de|es|nl|it|pt|ch|lu|uk|io|info|health|bio)(?:/[^\s<>()\[\]\"'«»]*)?(?![\w@\-])",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?'\"*_"

@cache
def _noun_after() -> re.Pattern[str]:
    """A spelled-out number counts only when a noun follows it ("cinq institutions", "three key areas"),
    not in "les deux.", "deux tiers", "two of them", "deux fois" or "one in four is". Releases mix
    languages, so every language's list applies to all."""
    stops = sorted(words("numbers.not_a_noun"), key=len, reverse=True)
    return re.compile(r"[ \u00a0]+(?!(?i:" + "|".join(re.escape(w).replace("'", "['’]") for w in stops) + r")\b)(?P<noun>[^\W\d_])")


# Only a lowercase number word may stand before a capitalised noun ("de vier Universitaire
# ziekenhuizen", "due Cluster"): "Trois Vallées", "Four Seasons" are names. German capitalises
# every noun, so there a capital never makes a name.
_CAPITALISED_NOUNS = {"de"}
# Metrics that count things: before these nouns a lone decimal mark and three digits cannot be a
# fraction ("1.200 employees").
_COUNTED = {Metric.members, Metric.companies, Metric.smes, Metric.academic_institutions,
            Metric.research_centres, Metric.hospitals, Metric.jobs, Metric.researchers, Metric.offices,
            Metric.production_sites, Metric.projects}
_AMBIGUOUS_GROUPING = re.compile(r"\d{1,3}[.,]\d{3}")
# "BP 123", "n° 5", "#3": numbering, not counting. A markdown heading's "## " is not this.
_ADDRESS_BEFORE = re.compile(r"(?:\b(?:BP|CS|cedex|no\.|n\.)\s*|[°º]\s*|(?<!#)#)$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t•*\-]*$")
_MASK = "\x00"
_DIGITS = re.compile(r"[0-9]+")
REACH = 48  # longer than any qualifier, currency, multiplier or month words around a number


def _plain_integer(match: re.Match[str]) -> str | None:
    """The digits of a bare integer with nothing around it ("2020", "75008"), else None."""
    if any(match[name] for name in ("qual", "cur1", "low", "mult", "plus", "cur2", "pct")):
        return None
    raw = match["num"]
    return raw if raw and raw.isdigit() else None


def _looks_like_year(match: re.Match[str], text: str) -> bool:
    raw = match["num"]
    if not raw or not raw.isdigit() or len(raw) != 4 or not 1900 <= int(raw) <= 2100:
        return False
    if any(match[name] for name in ("cur1", "low", "mult", "plus", "cur2", "pct")):
        return False
    quantity = read_match(match) if match["qual"] else None
    if quantity is not None and quantity.qualifier is not Qualifier.at_most:
        return False  # "plus de 2000 participants" is a count; "jusqu'à 2025" a year
    return metric_hint("", text[match.end(): match.end() + 80]) is None


def _noun_follows(match: re.Match[str], after: str, lang: str | None) -> bool:
    noun = _noun_after().match(after)
    if noun is None:
        return False
    number = match["words"] or match.groupdict().get("cent") or ""
    return noun["noun"].islower() or number[:1].islower() or lang in _CAPITALISED_NOUNS


def _counted(match: re.Match[str], text: str) -> bool:
    """Whether a count noun follows a number whose separator could be a decimal mark ("1.200 employees")."""
    if not any(_AMBIGUOUS_GROUPING.fullmatch(match[name] or "") for name in ("num", "low")):
        return False
    return metric_hint("", text[match.end(): match.end() + 80]) in _COUNTED


def _not_a_quantity(match: re.Match[str], text: str, lang: str | None) -> bool:
    before = text[max(0, match.start() - 12): match.start()]
    after = text[match.end(): match.end() + 40]
    if match["words"] or match.groupdict().get("cent"):
        return not _noun_follows(match, after, lang)
    if _looks_like_year(match, text):
        return True
    digits = _plain_integer(match)
    if digits and len(digits) in (4, 5) and re.match(r"[ \u00a0]+[A-ZÀ-Ý]", after):
        return True  # a postal code before a town: "75008 Paris", "1000 Bruxelles"
    if digits and len(digits) >= 5 and metric_hint(text[max(0, match.start() - 80): match.start()], after) is None:
        return True  # "(69003)", "SIRET 123456789": a code; counts this large come grouped or named
    if digits and _ADDRESS_BEFORE.search(before):
        return True
    return bool(match["num"] and _LIST_MARKER.search(before) and re.match(r"[.)][ \t]", after))


def _near(pattern: re.Pattern[str], anchors: re.Pattern[str], view: str) -> Iterator[re.Match[str]]:
    """pattern's matches, tried only within REACH characters of an anchor: the date and quantity grammars
    (every month, weekday, qualifier and number word of six languages) are too slow to try at every
    character, while every date holds a digit and every quantity a digit or a number word."""
    windows: list[list[int]] = []
    for anchor in anchors.finditer(view):
        start, end = max(0, anchor.start() - REACH), min(len(view), anchor.end() + REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from pattern.finditer(view, start, end)


class _Finder:
    def __init__(self, text: str, lang: str | None, country: str | None) -> None:
        self.text = text
        self.lang = lang
        self.country = country or default_country(lang)
        self.masked = list(text)
        self.found: list[Candidate] = []

    def take(self, start: int, end: int) -> None:
        self.masked[start:end] = _MASK * (end - start)

    def add(self, kind: str, start: int, end: int, value: int | float | str | None, flags: tuple[str, ...] = ()) -> None:
        self.found.append(Candidate(kind, self.text[start:end], start, end, value, flags=flags))
        self.take(start, end)

    def view(self) -> str:
        return "".join(self.masked)

    def links(self) -> None:
        for link in _MARKDOWN_LINK.finditer(self.text):
            label_start, label_end = link.span(1)
            target_start, target_end = link.span(2)
            target = link[2]
            if target.lower().startswith("mailto:"):
                email = normalize_email(target)
                if email and normalize_email(link[1]):
                    self.add("email", label_start, label_end, email)
                elif email:
                    self.add("email", target_start + len("mailto:"), target_end, email)
            elif url := normalize_url(target):
                if normalize_url(link[1]):
                    self.add("url", label_start, label_end, url)
                else:
                    self.add("url", target_start, target_end, url)
            self.take(target_start - 1, target_end + 1)

    def addresses(self) -> None:
        for found in _EMAIL.finditer(self.view()):
            email = normalize_email(found.group())
            if email:
                self.add("email", found.start(), found.end(), email)
        for found in _URL.finditer(self.view()):
            start, end = found.start(), found.start() + len(found.group().rstrip(_URL_TRAILING))
            url = normalize_url(self.text[start:end])
            if url:
                self.add("url", start, end, url)

    def dates(self) -> None:
        dated: list[Candidate] = []
        for found in _near(date_regex(), _DIGITS, self.view()):
            start, end, surface = found.start(), found.end(), found.group()
            if found.lastgroup in PERIOD_SHAPES:
                period = parse_period(surface)
                if period:
                    # "mai 2024" reads as the whole month, and says it stated no day.
                    flags = ("no_day",) if found.lastgroup == "month" else ()
                    self.add("period", start, end, f"{period[0].isoformat()}/{period[1].isoformat()}", flags=flags)
                    continue
            if found.lastgroup == "no_year":
                dated.append(Candidate("date", surface, start, end, None, flags=("no_year",)))
                continue
            day = parse_date(surface, self.lang)
            dated.append(Candidate("date", surface, start, end, day.isoformat() if day else None,
                                   flags=() if day else ("unreadable_date",)))
        for candidate in self._join_date_pairs(dated):
            self.add(candidate.kind, candidate.start, candidate.end, candidate.value, flags=candidate.flags)

    def _join_date_pairs(self, dated: list[Candidate]) -> list[Candidate]:
        """"du 1er janvier 2020 au 31 mars 2021": two dates and a connector make one period."""
        out: list[Candidate] = []
        for candidate in dated:
            previous = out[-1] if out else None
            if (previous is not None and previous.kind == "date" and previous.value and candidate.value
                    and between_dates().fullmatch(self.text[previous.end: candidate.start])
                    and str(previous.value) <= str(candidate.value)):
                out[-1] = Candidate("period", self.text[previous.start: candidate.end], previous.start,
                                    candidate.end, f"{previous.value}/{candidate.value}")
                continue
            out.append(candidate)
        return out

    def phones(self) -> None:
        for found in PHONE_SHAPE.finditer(self.view()):
            surface = found.group()
            digits = len(re.sub(r"\(0\)|\D", "", surface))
            international = surface.startswith("+")
            if digits < (8 if international else 9) or digits > 15:
                continue
            e164 = to_e164(surface, self.country)
            flags: tuple[str, ...] = ()
            if e164 is None:
                flags = ("unreadable_phone",) if international or self.country else ("no_country",)
            elif not is_valid_phone(e164):
                flags = ("unassigned_number",)
            self.add("phone", found.start(), found.end(), e164, flags=flags)

    def quantities(self) -> None:
        view = self.view()
        for found in _near(quantity_regex(self.lang), quantity_anchors(self.lang), view):
            if _not_a_quantity(found, view, self.lang):
                continue
            quantity = read_match(found, self.lang, _counted(found, view))
            if quantity is None:
                continue
            self.found.append(Candidate("quantity", found.group(), found.start(), found.end(), quantity.value,
                                        unit=quantity.unit, qualifier=quantity.qualifier.value,
                                        flags=quantity.suspicious, high=quantity.high))


def find_candidates(text: str, lang: str | None = None, country: str | None = None) -> list[Candidate]:
    """Every quantity, date, period, email, phone and URL in ``text``, sorted by start.

    ``lang`` (ISO 639-1) picks the decimal mark and number words; when None it is detected from
    the text. ``country`` (ISO 3166 alpha-2) reads national phone numbers ("02 37 20 24 24");
    when None the release language's main country is assumed, and English gives none.
    """
    if lang is None:
        lang = detect_language(text)
    finder = _Finder(text, lang, country)
    finder.links()
    finder.addresses()
    finder.dates()
    finder.phones()
    finder.quantities()
    return sorted(finder.found, key=lambda c: (c.start, c.end))
