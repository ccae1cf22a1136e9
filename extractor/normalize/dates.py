"""Full dates and periods: "le 14 mai 2024", "October 18, 2023", "14/05/2024", "2020-2022".

dateparser reads a date surface; it is slow to scan text with, so ``date_regex`` finds the
date-shaped spans first (month and weekday names come from babel's CLDR data) and only those are
handed to dateparser.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from functools import lru_cache

import dateparser
from babel.dates import get_day_names, get_month_names

DATE_LANGS = ("fr", "en", "es", "de", "nl", "it", "pt")
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}

_YEAR = r"(?:19|20)\d{2}(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_DAY_SUFFIX = r"(?:er|re|ère|st|nd|rd|th|º|\.)?"
_CONNECT = r"(?:-|–|—|&|\s(?:et|and|au|to|à|y|und|en|tot|bis|al|e)\s)"
_MONTH_TO = r"(?:-|–|—|\s(?:à|a|to|au|until|till|jusqu['’](?:en|à|a)|et|and|tot|bis|hasta)(?:\s+(?:fin|end\s+of))?\s)"


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _names(words: set[str]) -> str:
    variants = {w.lower().rstrip(".") for w in words} | {_strip_accents(w.lower().rstrip(".")) for w in words}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


def _month_key(name: str) -> str:
    return _strip_accents(name.lower().rstrip("."))


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Full month names in every supported language -> month number ("février", "fevrier" -> 2)."""
    numbers: dict[str, int] = {}
    for code in DATE_LANGS:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context=context, locale=code).items():
                numbers[_month_key(name)] = number
    return numbers


@lru_cache(maxsize=1)
def _calendar_words() -> tuple[str, str, str]:
    wide, abbreviated, weekdays = set(), {"sept"}, set()
    for code in DATE_LANGS:
        for context in ("format", "stand-alone"):
            wide.update(get_month_names("wide", context=context, locale=code).values())
            abbreviated.update(get_month_names("abbreviated", context=context, locale=code).values())
        weekdays.update(get_day_names("wide", locale=code).values())
    return _names(wide), _names(abbreviated | wide), _names(weekdays)


# Shapes from date_regex that denote a period rather than one day.
PERIOD_SHAPES = ("day_range", "month_range", "year_range")


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern[str]:
    """Date- and period-shaped spans in running text; the group name says which shape matched.

    ``day_range`` ("les 4 et 5 février 2020"), ``month_range`` ("from January 2024 to December
    2026", "janvier-mars 2021"), ``year_range`` ("2020-2022", "de 2020 à 2022"), ``date`` (a full
    date) and ``no_year`` ("jeudi 12 mai"), tried in that order at each position.
    """
    wide, any_month, weekdays = _calendar_words()
    month = rf"(?:{any_month})\.?(?![^\W\d_])"
    month_wide = rf"(?:{wide})(?![^\W\d_])"
    weekday = rf"(?:(?:{weekdays}),?\s+)"
    lead = r"(?<![\w/.\-])"
    day_first = rf"{_DAY}{_DAY_SUFFIX}\s+(?:de\s+)?{month}(?:\s+de)?,?\s+{_YEAR}"
    month_first = rf"{month}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}"
    numeric = rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|{_DAY}([/.\-])(?:0?[1-9]|1[0-2])\1{_YEAR}"
    pattern = (
        rf"(?i:{lead}(?P<day_range>{_DAY}{_DAY_SUFFIX}\s*{_CONNECT}\s*{day_first}"
        rf"|{month}\s+{_DAY}\s*[-–]\s*{_DAY},?\s+{_YEAR})"
        rf"|(?<![\w/.\-])(?P<month_range>(?:(?:de|from|du|d['’]|entre|between|van|von|desde)\s*)?"
        rf"{month_wide}\s+(?:de\s+)?{_YEAR}\s*{_MONTH_TO}\s*{month_wide}\s+(?:de\s+)?{_YEAR}"
        rf"|{month_wide}\s*{_MONTH_TO}\s*{month_wide}\s+(?:de\s+)?{_YEAR})"
        rf"|{lead}(?P<year_range>{_YEAR}\s*[-–—]\s*(?:{_YEAR}|\d{{2}}(?!\d))|{_YEAR}/(?:{_YEAR}|\d{{2}}(?!\d))"
        rf"|(?<!\w)(?:de|from|entre|between|van|von|desde|du|del)\s+{_YEAR}\s+"
        rf"(?:à|a|to|et|and|tot|bis|hasta|au|al|until)\s+{_YEAR})"
        rf"|{lead}(?P<date>{weekday}?(?:{day_first}|{month_first})|{numeric})"
        rf"|{lead}(?P<no_year>{weekday}?{_DAY}{_DAY_SUFFIX}\s+(?:de\s+)?{month_wide}))"
        r"(?![\w/])"
    )
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _dateparser(surface: str, languages: tuple[str, ...], order: str) -> dt.date | None:
    parsed = dateparser.parse(surface, languages=list(languages), settings={**_SETTINGS, "DATE_ORDER": order})
    return parsed.date() if parsed else None


def parse_date(surface: str, lang: str | None = None) -> dt.date | None:
    """A full calendar date (day, month and year all stated), else None ("jeudi 12 mai" -> None).

    Numeric dates are read day first ("14/05/2024" is 14 May) unless that is impossible and the
    language is English ("05/14/2024").
    """
    text = " ".join(surface.split())
    if not re.search(_YEAR, text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    languages = (lang,) if lang in DATE_LANGS else DATE_LANGS
    found = _dateparser(text, languages, "DMY")
    if found is None and lang in (None, "en"):
        found = _dateparser(text, languages, "MDY")
    if found is None and languages != DATE_LANGS:
        # releases quote dates in another language than their own ("12 janvier 2023" in an English text)
        found = _dateparser(text, DATE_LANGS, "DMY")
    return found


def _year_bounds(first: str, last: str) -> tuple[dt.date, dt.date] | None:
    start = int(first)
    end = int(last) if len(last) == 4 else start // 100 * 100 + int(last)
    if end < start:
        return None
    return dt.date(start, 1, 1), dt.date(end, 12, 31)


_YEAR_SPAN = re.compile(
    rf"({_YEAR})\s*(?:[-–—/]|\s(?:à|a|to|et|and|tot|bis|hasta|au|al|until)\s)\s*({_YEAR}|\d{{2}}(?!\d))", re.IGNORECASE
)
_DAY_SPAN = re.compile(rf"^({_DAY}){_DAY_SUFFIX}\s*{_CONNECT}\s*(.+)$", re.IGNORECASE)
_MONTH_DAY_SPAN = re.compile(rf"^(.+?)\s+({_DAY})\s*[-–]\s*({_DAY}),?\s+({_YEAR})$", re.IGNORECASE)
_BETWEEN_DATES = re.compile(r"\s+(?:au|to|until|till|jusqu['’]au|bis|hasta|al|tot)\s+|\s*[-–—]\s*", re.IGNORECASE)
_PERIOD_LEAD = re.compile(r"^(?:du|from|de|entre|between|van|von|desde|del)\s+", re.IGNORECASE)


_MONTH_SPAN = re.compile(
    rf"([^\W\d]+)\.?(?:\s+(?:de\s+)?({_YEAR}))?\s*{_MONTH_TO}\s*([^\W\d]+)\.?\s+(?:de\s+)?({_YEAR})",
    re.IGNORECASE,
)


def _month_bounds(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    names = _month_numbers()
    first, last = names.get(_month_key(found[1])), names.get(_month_key(found[3]))
    if first is None or last is None:
        return None
    start = dt.date(int(found[2] or found[4]), first, 1)
    end_year = int(found[4])
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    return (start, end) if start <= end else None


def parse_period(surface: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period: "2020-2022" -> 2020-01-01..2022-12-31.

    Also "de 2020 à 2022", "from 2020 to 2022", "2021/22", month ranges ("from January 2024 to
    December 2026" -> 2024-01-01..2026-12-31, "janvier-mars 2021"), day ranges ("4 et 5 février
    2020", "March 22-23, 2021") and two full dates ("du 1er janvier 2020 au 31 mars 2021").
    """
    text = _PERIOD_LEAD.sub("", " ".join(surface.split()))
    years = _YEAR_SPAN.fullmatch(text)
    if years:
        return _year_bounds(years[1], years[2])
    months = _MONTH_SPAN.fullmatch(text)
    if months:
        return _month_bounds(months)
    days = _DAY_SPAN.match(text)
    if days:
        end = parse_date(days[2])
        if end is not None and int(days[1]) <= end.day:
            return end.replace(day=int(days[1])), end
    month_days = _MONTH_DAY_SPAN.match(text)
    if month_days:
        end = parse_date(f"{month_days[1]} {month_days[3]}, {month_days[4]}")
        if end is not None and int(month_days[2]) <= end.day:
            return end.replace(day=int(month_days[2])), end
    for split in _BETWEEN_DATES.finditer(text):
        first, last = parse_date(text[: split.start()]), parse_date(text[split.end():])
        if first and last and first <= last:
            return first, last
    return None
