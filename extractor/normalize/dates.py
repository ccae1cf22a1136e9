"""Full dates and periods: "le 14 mai 2024", "October 18, 2023", "14/05/2024", "2020-2022", "mai 2024",
"Q3 2023".

dateparser reads a date surface; it is slow to scan text with, so ``date_regex`` finds the
date-shaped spans first (month and weekday names come from babel's CLDR data) and only those are
handed to dateparser. The words around them ("du … au …", "third quarter of") are the word lists of
extractor/lexicon/<language>/dates.toml.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache, lru_cache

import dateparser
from babel.dates import get_day_names, get_month_names

from extractor.lexicon import concepts, words
from extractor.text.fold import unaccent
from extractor.text.languages import LANGUAGES
from extractor.text.trie import trie_pattern

DATE_LANGS = LANGUAGES
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}

_YEAR = r"(?:19|20)\d{2}(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# A clock time inside a dateline ("mars 12 09:30 2015"); it says nothing about the day.
_TIME = r"(?:[01]?\d|2[0-3])[:h][0-5]\d"
# "14/05/2024", "03.11.2022", "2021-06-30": which part is the day is decided when reading.
_NUMERIC = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d{2})")
# A web page's "erstellt am 15. 03. 12", "publié le 12/05/21": a two-digit year, after a two-digit middle part so
# that section numbers ("1.2.3") stay numbers, and no fourth group, so that phone numbers ("04.72.10.11.12") do.
_SHORT_NUMERIC = r"\d{1,2}(?P<short>[/.]) ?\d{2}(?P=short) ?\d{2}(?! ?[/.\-]? ?\d)"
_SHORT_NUMERIC_PARTS = re.compile(r"(\d{1,2})([/.]) ?(\d{2})\2 ?(\d{2})")
# Two-digit years as POSIX reads them (strptime's %y): 69-99 are the 1900s, 00-68 the 2000s.
_CENTURY_PIVOT = 69


def _either(concept: str) -> str:
    """A dates.toml list as alternatives in source text: longest first, any blanks between words, either
    apostrophe; a list no language has matches nothing."""
    phrases = sorted(words(f"dates.{concept}"), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in phrases) or "(?!)"


def _day_suffix() -> str:
    return rf"(?:{_either('day_suffix')}|º|\.)?"


def _connect() -> str:
    return rf"(?:-|–|—|&|\s(?:{_either('day_and')})\s)"


def _month_to() -> str:
    return rf"(?:-|–|—|\s(?:{_either('month_to')})(?:\s+(?:{_either('month_end')}))?\s)"


def _of() -> str:
    """The word between day, month and year ("14 de mayo de 2024"), with the blanks after it."""
    return rf"(?:(?:{_either('of')})\s+)?"


@cache
def _quarter_ordinals() -> dict[str, int]:
    """The ordinal words of the quarters, as written, with the quarter each names ("troisième" -> 3)."""
    prefix = "dates.quarter.ordinal."
    return {word: int(concept.removeprefix(prefix)) for concept in concepts(prefix) for word in words(concept)}


@cache
def _quarter_number() -> dict[str, int]:
    return {unaccent(word): number for word, number in _quarter_ordinals().items()}


def _names(spelled: set[str]) -> str:
    variants = {w.lower().rstrip(".") for w in spelled} | {unaccent(w.lower().rstrip(".")) for w in spelled}
    return trie_pattern(variants)


def _month_key(name: str) -> str:
    return unaccent(name.lower().rstrip("."))


@lru_cache(maxsize=1)
def _shortened_months() -> dict[str, int]:
    """Month names cut short before a dot, as wires write them beside CLDR's own abbreviations ("20 juill.
    2021", "Okt."): every start of three letters or more of a month's name in a language read, lower case, with
    and without accents, when no other month's name in any of them starts the same way ("jui" is June or July)."""
    found: dict[str, set[int]] = {}
    for code in DATE_LANGS:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context=context, locale=code).items():
                for spelled in {name.lower(), unaccent(name.lower())}:
                    for end in range(3, len(spelled)):
                        found.setdefault(spelled[:end], set()).add(number)
    return {start: numbers.pop() for start, numbers in found.items() if len(numbers) == 1}


@cache
def _shortened_stem() -> str:
    return trie_pattern(set(_shortened_months()))


@cache
def _shortened() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])({_shortened_stem()})\.", re.IGNORECASE)


def _months_in_full(text: str, lang: str | None) -> str:
    """The date with a month cut short written whole, in the release's language when it is one read."""
    locale = lang if lang in DATE_LANGS else "en"
    names = get_month_names("wide", locale=locale)
    return _shortened().sub(lambda m: names[_shortened_months()[m.group(1).lower()]], text)


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
    wide: set[str] = set(words("dates.month_name"))
    abbreviated = set(words("dates.month_abbreviation"))
    weekdays: set[str] = set()
    for code in DATE_LANGS:
        for context in ("format", "stand-alone"):
            wide.update(get_month_names("wide", context=context, locale=code).values())
            abbreviated.update(get_month_names("abbreviated", context=context, locale=code).values())
        weekdays.update(get_day_names("wide", locale=code).values())
    return _names(wide), _names(abbreviated | wide), _names(weekdays)


@lru_cache(maxsize=1)
def _weekday_numbers() -> dict[str, int]:
    """Every language's weekday names, lower case and accentless, to Python's weekday number (Monday is 0)."""
    return {_month_key(name): number for code in DATE_LANGS for number, name in get_day_names("wide", locale=code).items()}


_WORD = re.compile(r"[^\W\d_]+")


def weekday_before(text: str, published: dt.date) -> dt.date | None:
    """The day a weekday named alone stands for: the last such day on or before the release date ("haben am
    Dienstag unterzeichnet" in a release of Wednesday 5 March 2025 is 4 March)."""
    numbers = _weekday_numbers()
    for word in _WORD.finditer(unaccent(text)):
        number = numbers.get(word.group().lower())
        if number is not None:
            return published - dt.timedelta(days=(published.weekday() - number) % 7)
    return None


def _quarter_shape() -> str:
    """"Q3 2023", "T3 2023", "3e trimestre 2023", "third quarter of 2023": group 1 or 2 holds the
    quarter's digit, group 3 its ordinal word, group 4 the year."""
    ordinals = _names(set(_quarter_ordinals()))
    return (
        rf"(?:(?:{_either('quarter.letter')})([1-4])\s?[/-]?\s?"
        rf"|(?:([1-4])\s?(?:{_either('quarter.suffix')}|º|°|\.)|({ordinals}))"
        rf"\s+(?:{_either('quarter.noun')})(?:\s+(?:{_either('quarter.joiner')}))?\s+)({_YEAR})"
    )


# Shapes from date_regex that denote a period rather than one day.
PERIOD_SHAPES = ("day_range", "month_range", "year_range", "quarter", "month")


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern[str]:
    """Date- and period-shaped spans in running text; the group name says which shape matched.

    ``day_range`` ("les 4 et 5 février 2020"), ``month_range`` ("from January 2024 to December
    2026", "janvier-mars 2021"), ``year_range`` ("2020-2022", "de 2020 à 2022"), ``date`` (a full
    date, "30/06/2021", "mars 12 09:30 2015"), ``no_year`` ("jeudi 12 mai"), ``quarter`` ("Q3 2023")
    and ``month`` ("mai 2024"), tried in that order at each position.
    """
    wide, any_month, weekdays = _calendar_words()
    month = rf"(?:(?:{any_month})\.?|(?:{_shortened_stem()})\.)(?![^\W\d_])"
    month_wide = rf"(?:{wide})(?![^\W\d_])"
    weekday = rf"(?:(?:{weekdays}),?\s+)"
    # A wire service's dateline joins the date with double dashes: "HALIFAX--(BUSINESS WIRE)--June 10, 2025--".
    lead = r"(?:(?<![\w/.\-])|(?<=--))"
    day_suffix, of, month_to = _day_suffix(), _of(), _month_to()
    day_first = rf"{_DAY}{day_suffix}\s+{of}{month}(?:\s+(?:{_either('of')}))?,?\s+{_YEAR}"
    month_first = rf"{month}\s+{_DAY}(?:{_either('month_day_suffix')})?,?\s+(?:{_TIME}\s+)?{_YEAR}"
    # "1-Jul-2011", as web pages write a date line
    numeric = (rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|\d{{1,2}}(?P<sep>[/.\-])\d{{1,2}}(?P=sep){_YEAR}"
               rf"|{_SHORT_NUMERIC}|{_DAY}-{month}-{_YEAR}")
    # "2021-06-30" is a date, not the years 2021 to 2006.
    not_a_date = r"(?![-./]\d)"
    pattern = (
        rf"(?i:{lead}(?P<day_range>{_DAY}{day_suffix}\s*{_connect()}\s*{day_first}"
        rf"|{month}\s+{_DAY}\s*[-–]\s*{_DAY},?\s+{_YEAR})"
        rf"|(?<![\w/.\-])(?P<month_range>(?:(?:{_either('month_from')})\s*)?"
        rf"{month_wide}\s+{of}{_YEAR}\s*{month_to}\s*{month_wide}\s+{of}{_YEAR}"
        rf"|{month_wide}\s*{month_to}\s*{month_wide}\s+{of}{_YEAR})"
        rf"|{lead}(?P<year_range>(?:{_YEAR}\s*[-–—]\s*(?:{_YEAR}|\d{{2}}(?!\d))|{_YEAR}/(?:{_YEAR}|\d{{2}}(?!\d))){not_a_date}"
        rf"|(?<!\w)(?:{_either('period_from')})\s+{_YEAR}\s+"
        rf"(?:{_either('year_to')})\s+{_YEAR})"
        rf"|{lead}(?P<date>{weekday}?(?:{day_first}|{month_first})|{numeric})"
        rf"|{lead}(?P<no_year>{weekday}?(?:{_DAY}{day_suffix}\s+{of}{month_wide}"
        rf"|{month_wide}\s+{_DAY}(?:{_either('month_day_suffix')})?(?![\d:])))"
        rf"|(?<![\w/.\-])(?P<quarter>{_quarter_shape()})"
        rf"|{lead}(?P<month>{month_wide}\s+{of}{_YEAR}))"
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
    language is English ("05/14/2024"). A clock time between day and year is skipped ("mars 12 09:30
    2015").
    """
    text = " ".join(surface.split())
    if short := _SHORT_NUMERIC_PARTS.fullmatch(text):
        year = int(short[4]) + (1900 if int(short[4]) >= _CENTURY_PIVOT else 2000)
        return _numeric_date(int(short[1]), int(short[3]), year, lang)
    if not re.search(_YEAR, text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        return _numeric_date(int(numeric[1]), int(numeric[3]), int(numeric[4]), lang)
    text = _months_in_full(re.sub(rf" {_TIME}(?= )", "", text), lang)
    languages = (lang,) if lang in DATE_LANGS else DATE_LANGS
    found = _dateparser(text, languages, "DMY")
    if found is None and lang in (None, "en"):
        found = _dateparser(text, languages, "MDY")
    if found is None and languages != DATE_LANGS:
        # releases quote dates in another language than their own ("12 janvier 2023" in an English text)
        found = _dateparser(text, DATE_LANGS, "DMY")
    return found


def _numeric_date(first: int, second: int, year: int, lang: str | None) -> dt.date | None:
    orders = [(first, second), (second, first)] if lang in (None, "en") else [(first, second)]
    for day, month in orders:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _year_bounds(first: str, last: str) -> tuple[dt.date, dt.date] | None:
    start = int(first)
    end = int(last) if len(last) == 4 else start // 100 * 100 + int(last)
    if end < start:
        return None
    return dt.date(start, 1, 1), dt.date(end, 12, 31)


_MONTH_DAY_SPAN = re.compile(rf"^(.+?)\s+({_DAY})\s*[-–]\s*({_DAY}),?\s+({_YEAR})$", re.IGNORECASE)


@cache
def _period_lead() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_either('period_from')})\s+", re.IGNORECASE)


@cache
def _year_span() -> re.Pattern[str]:
    return re.compile(rf"({_YEAR})\s*(?:[-–—/]|\s(?:{_either('year_to')})\s)\s*({_YEAR}|\d{{2}}(?!\d))", re.IGNORECASE)


@cache
def _day_span() -> re.Pattern[str]:
    return re.compile(rf"^({_DAY}){_day_suffix()}\s*{_connect()}\s*(.+)$", re.IGNORECASE)


@cache
def until() -> re.Pattern[str]:
    """"until", "jusqu'en", "bis Ende", "hasta finales de", with the blanks after it: what opens the last day,
    month or year of a term. The year alone is group "year" when one follows: "jusqu'en 2027"."""
    return re.compile(rf"(?<![\w'’])(?:{_either('until')})\s+(?P<year>{_YEAR}(?![\w/]|[.-]\d))?", re.IGNORECASE)


@cache
def between_dates() -> re.Pattern[str]:
    """What joins two full dates into a period: "du 1er janvier 2020 au 31 mars 2021", "2 May – 4 June 2024"."""
    return re.compile(rf"\s+(?:{_either('date_to')})\s+|\s*[-–—]\s*", re.IGNORECASE)


@cache
def _month_span() -> re.Pattern[str]:
    return re.compile(
        rf"([^\W\d]+)\.?(?:\s+{_of()}({_YEAR}))?\s*{_month_to()}\s*([^\W\d]+)\.?\s+{_of()}({_YEAR})", re.IGNORECASE
    )


@cache
def _one_month() -> re.Pattern[str]:
    return re.compile(rf"([^\W\d]+)\.?,?\s+{_of()}({_YEAR})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _quarter_span() -> re.Pattern[str]:
    return re.compile(_quarter_shape(), re.IGNORECASE)


def _month_bounds(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    names = _month_numbers()
    first, last = names.get(_month_key(found[1])), names.get(_month_key(found[3]))
    if first is None or last is None:
        return None
    start = dt.date(int(found[2] or found[4]), first, 1)
    end_year = int(found[4])
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    return (start, end) if start <= end else None


def _month_of(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    number = _month_numbers().get(_month_key(found[1]))
    if number is None:
        return None
    year = int(found[2])
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def _quarter_of(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    number = int(found[1] or found[2] or 0) or _quarter_number().get(unaccent((found[3] or "").lower()))
    if number is None:
        return None
    year, last = int(found[4]), number * 3
    return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def parse_period(surface: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period: "2020-2022" -> 2020-01-01..2022-12-31.

    Also "de 2020 à 2022", "from 2020 to 2022", "2021/22", month ranges ("from January 2024 to
    December 2026" -> 2024-01-01..2026-12-31, "janvier-mars 2021"), day ranges ("4 et 5 février
    2020", "March 22-23, 2021"), two full dates ("du 1er janvier 2020 au 31 mars 2021"), one month
    ("mai 2024" -> 2024-05-01..2024-05-31) and quarters ("Q3 2023", "third quarter of 2023" ->
    2023-07-01..2023-09-30).
    """
    text = _period_lead().sub("", " ".join(surface.split()))
    years = _year_span().fullmatch(text)
    if years:
        return _year_bounds(years[1], years[2])
    month = _one_month().fullmatch(text)
    if month:
        return _month_of(month)
    quarter = _quarter_span().fullmatch(text)
    if quarter:
        return _quarter_of(quarter)
    months = _month_span().fullmatch(text)
    if months:
        return _month_bounds(months)
    days = _day_span().match(text)
    if days:
        end = parse_date(days[2])
        if end is not None and int(days[1]) <= end.day:
            return end.replace(day=int(days[1])), end
    month_days = _MONTH_DAY_SPAN.match(text)
    if month_days:
        end = parse_date(f"{month_days[1]} {month_days[3]}, {month_days[4]}")
        if end is not None and int(month_days[2]) <= end.day:
            return end.replace(day=int(month_days[2])), end
    for split in between_dates().finditer(text):
        first, last = parse_date(text[: split.start()]), parse_date(text[split.end():])
        if first and last and first <= last:
            return first, last
    return None
