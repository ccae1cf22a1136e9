"""Reads a quantity phrase ("plus de 300", "25,3 milliards", "445+", "53 %", "cinq", "200-300") into base units.

One grammar serves two callers: ``parse_quantity`` reads a whole surface, and the candidate finder
scans running text with the same compiled pattern, so what the finder spans is exactly what this
module can read. Its words (qualifiers, multipliers, number words, fractions, ranges, currency names)
are the word lists of extractor/lexicon/<language>/numbers.toml.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel.numbers import get_decimal_symbol
from text_to_num import text2num

from extractor.lexicon import concepts, words
from extractor.text.languages import LANGUAGES
from extractor.text.trie import trie_pattern
from schemas.common import Qualifier

# One horizontal space: plain, no-break (U+00A0) and narrow no-break (U+202F), all used as
# thousands separators and before units in French typography.
SP = "[ \u00a0\u202f]"
_APOS = "['\u2019]"

# Comparison signs belong to no language, so they are not in the word lists.
_SIGN_QUALIFIERS = {">": Qualifier.at_least, "≥": Qualifier.at_least, "<": Qualifier.at_most,
                    "≤": Qualifier.at_most, "~": Qualifier.approx, "≈": Qualifier.approx}
_STATED = (Qualifier.at_least, Qualifier.at_most, Qualifier.approx)


def _phrase_regex(phrase: str) -> str:
    parts = [re.escape(word).replace("'", _APOS) for word in phrase.split()]
    return r"\s+".join(parts)


def _spaced_regex(phrase: str) -> str:
    return SP.join(re.escape(word) for word in phrase.split())


def _qualifier_key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower().replace("\u2019", "'"))


def _stated(table: str, language: str | None = None) -> dict[str, Qualifier]:
    return {_qualifier_key(p): q for q in _STATED for p in words(f"numbers.{table}.{q.value}", language)}


@cache
def _qualifier_of() -> dict[str, Qualifier]:
    """Every language's qualifier phrases, read whatever the release's language: releases mix them."""
    return {**_stated("qualifier"), **_stated("qualifier_elided"), **_SIGN_QUALIFIERS}


def _qualifier_regex() -> str:
    stated = sorted(_stated("qualifier"), key=len, reverse=True)
    # An elided qualifier counts only before its own language's "one": "plus d'une centaine".
    elided = "|".join(
        rf"(?:{'|'.join(_phrase_regex(p) for p in phrases)})(?=(?:{_alternation(words('numbers.one', code))})\b)"
        for code in LANGUAGES if (phrases := _stated("qualifier_elided", code))
    ) or "(?!)"
    # Signs ("~", ">") count only after a space or bracket: a ">" opening a line is a markdown quote.
    return (
        r"(?P<qual>(?i:(?<!\w)(?:"
        + "|".join(_phrase_regex(p) for p in stated)
        + r")(?:\s+|(?<=\.)\s?)|(?:(?<=[ \t(:])|^)(?:" + "|".join(re.escape(p) for p in _SIGN_QUALIFIERS) + r")\s?"
        + rf"|(?<!\w)(?:{elided})))"
    )


# Multipliers written as symbols are case-sensitive ("M" is a million, "m" alone is a metre).
_SYMBOL_MULTIPLIERS = {"k": 10**3, "K": 10**3, "M": 10**6}
# Only after a currency sign: "£3m", "$2b" (a bare "3m" is three metres).
_CURRENCY_ONLY_MULTIPLIERS = {"m": 10**6, "b": 10**9, "B": 10**9}
_CURRENCY_SIGNS = {"€": "EUR", "eur": "EUR", "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP",
                   "chf": "CHF"}
# The share in percent each [numbers.fraction] list stands for.
_FRACTION_SHARES: dict[str, int | float] = {"two_thirds": 66.67, "one_third": 33.33, "half": 50,
                                            "three_quarters": 75, "one_quarter": 25}


def _by_key(table: str) -> dict[str, str]:
    """A word list keyed by what its phrases stand for ("1_000 = ['mille']"), every language's, as phrase -> key."""
    prefix = f"numbers.{table}."
    return {phrase: concept.removeprefix(prefix) for concept in concepts(prefix) for phrase in words(concept)}


@cache
def _abbreviations() -> dict[str, int]:
    return {**_SYMBOL_MULTIPLIERS, **{p: int(count) for p, count in _by_key("abbreviation").items()}}


@cache
def _word_multipliers() -> dict[str, int]:
    return {p: int(count) for p, count in _by_key("multiplier").items()}


@cache
def _collectives() -> dict[str, tuple[int, Qualifier]]:
    """"une centaine" is about a hundred; "a hundred" is a hundred."""
    return {p: (int(count), q) for q in (Qualifier.approx, Qualifier.exact)
            for p, count in _by_key(f"collective.{q.value}").items()}


@cache
def _currency_names() -> dict[str, str]:
    return _by_key("currency")


@cache
def _fractions(language: str) -> dict[str, int | float]:
    """Fractions of a whole, read as shares in percent, only where a "de"/"of" says of what: "deux tiers
    des adhérents" is 66.67 %, but "deux tiers" alone or "half an hour" is no share of anything stated."""
    return {p: share for name, share in _FRACTION_SHARES.items() for p in words(f"numbers.fraction.{name}", language)}


def _prepositions(phrases: Iterable[str], space: str) -> str:
    """Words before a noun as alternatives: an elided one ("d'") ends at its apostrophe, any other at ``space``."""
    return "|".join(re.escape(w[:-1]) + _APOS if w.endswith("'") else re.escape(w) + space
                    for w in sorted(phrases, key=len, reverse=True))


@cache
def _currency_of() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_prepositions(words('numbers.currency_of'), ' ')})")


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: str
    qualifier: Qualifier
    suspicious: tuple[str, ...] = ()
    high: int | float | None = None  # the upper end of a range ("200-300"); value is the lower


def _words_for(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang is not None and words("numbers.words.starts", lang) else ("fr", "en")


def _alternation(phrases: Iterable[str]) -> str:
    return trie_pattern(phrases)


def _table_words(concept: str, langs: tuple[str, ...]) -> set[str]:
    return {w for code in langs for w in words(f"numbers.{concept}", code)}


def _compounds(langs: tuple[str, ...]) -> str:
    return "|".join(c for code in langs for c in words("numbers.words.compound", code))


def _fraction_regex(langs: tuple[str, ...]) -> str:
    phrases = sorted({p for code in langs for p in _fractions(code)}, key=len, reverse=True)
    after = _prepositions(_table_words("fraction.of", langs), rf"{SP}+(?!\d)")
    not_after = "".join(rf"(?<!{re.escape(w)} )" for code in langs for w in words("numbers.fraction.not_after", code))
    return (rf"(?P<fraction>(?i:(?<![\w-]){not_after}(?:{'|'.join(_phrase_regex(p) for p in phrases)})))"
            rf"(?={SP}+(?i:{after}))")


def _range_regex(langs: tuple[str, ...]) -> str:
    """Ranges, one quantity with both ends: "entre 10 et 20" (``between`` ... ``and``), "10 à 15 %" (``to``)
    and "200-300" in every language. After a word meaning ``from`` the two numbers are a change, not a
    range ("grew from 300 to 445 members"), and stay two quantities."""
    between = _alternation(_table_words("range.between", langs))
    joiners = _alternation(_table_words("range.and", langs))
    to = _alternation(_table_words("range.to", langs))
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in sorted(_table_words("range.from", langs)))
    low = (
        rf"(?<![\w.,])(?<![^\W\d_]-)(?<!\d:)(?i:{not_after})"
        rf"(?P<low>\d{{1,3}}(?:(?:{SP}|[.,])\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)(?:{SP}?%)?"
    )
    return (
        rf"(?:(?:(?P<between>(?i:(?<![\w])(?:{between}))){SP}+)?{low}"
        rf"(?P<to>(?(between){SP}+(?i:{joiners}){SP}+|(?:{SP}?[-–]{SP}?|{SP}+(?i:{to}){SP}+)))(?=\d))"
    )


@cache
def quantity_regex(lang: str | None = None) -> re.Pattern[str]:
    """The compiled quantity grammar for one language (None: French and English number words).

    Spelled-out numbers are tried in the release's language only. text2num reads them; what it cannot
    do is find them in running text, so [numbers.words] says which words to try: ``starts`` may open a
    number (two to twenty, the tens, some hundreds: "un"/"one" are left out on purpose, "l'un des" and
    "one of the" are idioms, not counts); ``continues`` only carries one on ("deux cents", "two
    hundred"); ``ends``, read in every language, only closes one ("vingt et un", "twenty-one");
    ``joiner`` links its parts ("vingt et un", "veinte y dos"); ``compound`` is the tens and units
    written as one word ("novantadue").
    """
    langs = _words_for(lang)
    starters = _table_words("words.starts", langs)
    carried = starters | _table_words("words.continues", langs)
    compounds = _compounds(langs)
    first = f"{compounds}|{_alternation(starters)}" if compounds else _alternation(starters)
    joiners = _alternation(_table_words("words.joiner", langs))
    joined = rf"(?:(?:{joiners})[ \u00a0-]+)?" if joiners else ""
    number_words = (
        rf"(?P<words>(?i:(?<![\w'\u2019-])(?:{first})"
        rf"(?:(?:[ \u00a0-]+{joined})(?:{_alternation(carried)}|{_alternation(words('numbers.words.ends'))}))*))"
        r"(?![\w-])"
    )
    if hundred := _table_words("words.hundred", langs):
        number_words = rf"(?:{number_words}|(?P<cent>(?i:(?<![\w'\u2019-])(?:{_alternation(hundred)})))(?![\w-]))"
    one = _alternation(words("numbers.one"))
    collective = (
        rf"(?P<collective>(?i:(?<![\w-])(?:{one}){SP}+"
        rf"(?:{_alternation(_collectives())})s?))(?![\w-])"
    )
    one_of_many = (  # "un million", "a billion", "one thousand"
        rf"(?P<one>(?i:(?<![\w-])(?:{one})))(?={SP}+(?i:{_alternation(_word_multipliers())})\b)"
    )
    digits = (
        r"(?<![\w.,])(?<![^\W\d_]-)(?<!\d:)(?P<num>"  # not in "COVID-19", "B-1000"
        r"\d[\dOo]*[Oo][\dOo]*|\d+[lI]\d+"                       # letter-for-digit typos: 13O, 1l0
        rf"|\d{{1,3}}(?:(?:{SP}|[.,]|{_APOS})\d{{3}})+(?:[.,]\d+)?(?!\d)"  # grouped: 9 892, 2 000 000, 1,234, 3’000
        r"|\d+(?:[.,]\d+)?)"
    )
    word_multipliers = "|".join(
        _phrase_regex(w) for w in sorted(_word_multipliers(), key=len, reverse=True)
    )
    multiplier = (
        rf"(?P<mult>{SP}?(?:{_alternation(_abbreviations())})(?![^\W\d_])|{SP}?(?i:{word_multipliers})(?![\w])"
        rf"|(?(cur1)(?:{_alternation(_CURRENCY_ONLY_MULTIPLIERS)})(?![\w])|(?!)))"
    )
    currency_before = r"(?P<cur1>(?:US\$|€|\$|£|(?:EUR|USD|GBP|CHF)(?=[ \u00a0\u202f\d]))[ \u00a0\u202f]?)"
    names = "|".join(_spaced_regex(n) for n in sorted(_currency_names(), key=len, reverse=True))
    currency_after = (
        rf"(?P<cur2>{SP}?(?:€|\$|£)|{SP}(?:EUR|USD|GBP|CHF)(?![\w])"
        rf"|{SP}(?i:(?:{_prepositions(words('numbers.currency_of'), SP)})?(?:{names}))(?![\w]))"
    )
    percent_words = "|".join(_spaced_regex(p) for p in sorted(words("numbers.percent"), key=len, reverse=True))
    percent = rf"(?P<pct>{SP}?%|{SP}(?i:{percent_words})(?![\w]))"
    # A range's upper end is digits too: "10 à une centaine" is no range.
    pattern = (
        rf"{_qualifier_regex()}?{currency_before}?{_range_regex(langs)}?"
        rf"(?:{collective}|{one_of_many}|{_fraction_regex(langs)}|{number_words}|{digits})(?(low)(?(num)|(?!)))"
        rf"(?:{multiplier})?(?P<plus>\+)?(?:{currency_after}|{percent})?"
        r"(?![\w])(?![.,]\d)(?!:\d)"
    )
    return re.compile(pattern)


@cache
def quantity_anchors(lang: str | None = None) -> re.Pattern[str]:
    """What every quantity holds: a digit, a number word, a collective ("centaine"), a multiplier word
    ("million") or a fraction ("moitié"). The finder tries the full grammar only near these, which is
    several times faster."""
    langs = _words_for(lang)
    anchors = _table_words("words.starts", langs) | _table_words("words.continues", langs)
    anchors |= set(words("numbers.words.hundred")) | set(_collectives())
    anchors |= {m for m in _word_multipliers() if " " not in m}
    anchors |= {p.split()[-1] for code in langs for p in _fractions(code)}
    compounds = _compounds(langs)
    return re.compile(rf"[0-9]|(?i:(?<![\w])(?:{compounds + '|' if compounds else ''}{_alternation(anchors)}))")


@cache
def _decimal_symbol(lang: str | None) -> str | None:
    if lang is None:
        return None
    try:
        return get_decimal_symbol(lang)
    except Exception:  # babel raises several types for unknown locales; any means "unknown"
        return None


def _digits_value(raw: str, lang: str | None, scaled: bool, counted: bool = False) -> tuple[Decimal, bool]:
    """The number, and whether the reading of its separator is a guess.

    Spaces always group thousands. With both "." and ",", the last one is decimal. A lone "," or
    "." followed by exactly three digits is the ambiguous case: the language's decimal symbol
    (from babel) decides; without a language it groups thousands unless a multiplier follows
    ("1,234 jobs" but "1.234 million"). When the language's decimal symbol is the one written but a
    count noun follows (``counted``: "1.200 employees" in English), a fraction cannot be meant: it
    groups thousands, and that reading is returned as a guess.
    """
    # Swiss typography groups thousands with an apostrophe ("3’000 Mitarbeitende"), as certain as a space.
    text = re.sub(rf"{SP}|{_APOS}", " ", raw)
    spaced = " " in text
    text = text.replace(" ", "")
    dots, commas = text.count("."), text.count(",")
    decimal: str | None = None
    guessed = False
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        tail = text.split(sep)[1]
        symbol = _decimal_symbol(lang)
        if len(tail) != 3 or spaced:
            decimal = sep
        elif symbol is None:
            decimal = sep if scaled else None
        elif sep == symbol:
            guessed = counted and not scaled
            decimal = None if guessed else sep
    if decimal is None:
        text = text.replace(".", "").replace(",", "")
    else:
        grouping = "," if decimal == "." else "."
        text = text.replace(grouping, "").replace(decimal, ".")
    return Decimal(text), guessed


def _words_value(spelled: str, lang: str | None) -> int | None:
    phrase = re.sub(r"[\s\u00a0]+", " ", spelled.lower()).strip()
    for code in _words_for(lang):
        for candidate in (phrase, phrase.replace("-", " ")):
            try:
                return int(text2num(candidate, code))
            except (ValueError, KeyError, AssertionError):
                continue
    return None


def _as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _multiplier_value(raw: str, lang: str | None) -> int:
    token = raw.strip(" \u00a0\u202f")
    if token in _abbreviations():
        return _abbreviations()[token]
    if token in _CURRENCY_ONLY_MULTIPLIERS:
        return _CURRENCY_ONLY_MULTIPLIERS[token]
    word = re.sub(r"\s+", " ", token.lower())
    if lang is not None and word in words("numbers.long_scale", lang):
        return 10**12
    return _word_multipliers()[word]


def _currency(raw: str | None) -> str | None:
    if not raw:
        return None
    token = re.sub(r"\s+", " ", re.sub(SP, " ", raw)).strip().lower()
    token = _currency_of().sub("", token)
    return _CURRENCY_SIGNS.get(token) or _currency_names().get(token)


def read_match(match: re.Match[str], lang: str | None = None, counted: bool = False) -> Quantity | None:
    """The quantity a match of ``quantity_regex(lang)`` denotes, or None if its words do not add up or
    its range runs downwards. ``counted``: a count noun follows the match ("1.200 employees")."""
    qualifier = Qualifier.exact
    suspicious: tuple[str, ...] = ()
    scaled = bool(match["mult"] or match["pct"])
    if match["num"]:
        raw = match["num"]
        if re.search(r"[OolI]", raw):
            suspicious = ("letter_for_digit",)
            raw = raw.translate(str.maketrans("OolI", "0011"))
        try:
            value, guessed = _digits_value(raw, lang, scaled, counted)
        except InvalidOperation:
            return None
        if guessed:
            suspicious += ("ambiguous_separator",)
    elif match["collective"]:
        noun = match["collective"].split()[-1].lower()
        if noun not in _collectives():
            noun = noun.removesuffix("s")
        if noun not in _collectives():
            return None
        count, qualifier = _collectives()[noun]
        value = Decimal(count)
    elif match["one"]:
        value = Decimal(1)
    elif match.groupdict().get("cent"):
        value = Decimal(100)
    elif match["fraction"]:
        phrase = _qualifier_key(match["fraction"])
        value = Decimal(str(next(_fractions(code)[phrase] for code in _words_for(lang) if phrase in _fractions(code))))
        qualifier = Qualifier.approx
    else:
        number = _words_value(match["words"], lang)
        if number is None:
            return None
        value = Decimal(number)
    low: Decimal | None = None
    if match["low"]:
        low, guessed = _digits_value(match["low"], lang, scaled, counted)
        if guessed and "ambiguous_separator" not in suspicious:
            suspicious += ("ambiguous_separator",)
    if match["mult"]:
        multiplier = _multiplier_value(match["mult"], lang)
        value *= multiplier
        low = None if low is None else low * multiplier
    if low is not None and low >= value:
        return None
    if match["qual"]:
        qualifier = _qualifier_of()[_qualifier_key(match["qual"].strip())]
    if match["plus"]:
        qualifier = Qualifier.at_least
    unit = "percent" if match["pct"] or match["fraction"] else (
        _currency(match["cur1"]) or _currency(match["cur2"]) or "count")
    if low is None:
        return Quantity(_as_number(value), unit, qualifier, suspicious)
    return Quantity(_as_number(low), unit, qualifier, suspicious, high=_as_number(value))


def parse_quantity(surface: str, lang: str | None = None) -> Quantity | None:
    """One surface phrase -> value in base units; None when the phrase is not a quantity.

    "25,3 milliards" -> 25300000000; "plus de 300" -> 300 at_least; "445+" -> 445 at_least;
    "53%" -> 53 percent; "une centaine" -> 100 approx; "13O" -> 130 flagged letter_for_digit;
    "entre 10 et 20" -> 10 with high 20; "deux tiers" (before "de") -> 66.67 percent approx.
    The unit is the stated currency (ISO 4217), "percent" or "count": a money multiplier with no
    currency ("26 Mds") stays "count" and the caller decides from the metric.
    """
    text = surface.strip().rstrip(".,;:")
    match = quantity_regex(lang).fullmatch(text)
    if match is None:
        return None
    return read_match(match, lang)
