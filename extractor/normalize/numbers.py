"""Reads a quantity phrase ("plus de 300", "25,3 milliards", "445+", "53 %", "cinq") into base units.

One grammar serves two callers: ``parse_quantity`` reads a whole surface, and the candidate finder
scans running text with the same compiled pattern, so what the finder spans is exactly what this
module can read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import get_decimal_symbol
from text_to_num import text2num

from schemas.common import Qualifier


# One horizontal space: plain, no-break (U+00A0) and narrow no-break (U+202F), all used as
# thousands separators and before units in French typography.
SP = "[ \u00a0\u202f]"
_APOS = "['\u2019]"

_QUALIFIERS: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.at_least: (
        "plus de", "au moins", "pas moins de", "au-delà de", "au dela de", "plus que",
        "more than", "over", "above", "at least", "in excess of", "upwards of", "no fewer than",
        "no less than", "well over", "más de", "mas de", "al menos", "por lo menos", "über",
        "mehr als", "mindestens", "meer dan", "ruim", "minstens", "ten minste", ">", "≥",
    ),
    Qualifier.at_most: (
        "jusqu'à", "jusqu'a", "moins de", "au plus", "up to", "less than", "fewer than", "under",
        "no more than", "hasta", "menos de", "bis zu", "weniger als", "höchstens", "tot",
        "minder dan", "hooguit", "<", "≤",
    ),
    Qualifier.approx: (
        "près de", "pres de", "environ", "quelque", "quelques", "aux alentours de",
        "approximativement", "presque", "quasiment", "about", "around", "nearly", "almost",
        "approximately", "approx.", "roughly", "some", "close to", "circa", "ca.", "~", "≈",
        "cerca de", "alrededor de", "aproximadamente", "casi", "unos", "unas", "rund", "etwa",
        "ungefähr", "fast", "knapp", "nahezu", "annähernd", "ongeveer", "bijna", "zo'n", "zowat",
    ),
}
# "plus d'une centaine", "près d'un million": the elided article belongs to the number phrase.
# "autour de" is left out: releases mostly write "s'articule autour de deux axes", not a count.
_ELIDED_QUALIFIERS = {"plus": Qualifier.at_least, "près": Qualifier.approx, "pres": Qualifier.approx,
                      "moins": Qualifier.at_most}


def _phrase_regex(phrase: str) -> str:
    parts = [re.escape(word).replace("'", _APOS) for word in phrase.split()]
    return r"\s+".join(parts)


def _qualifier_key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower().replace("\u2019", "'"))


_QUALIFIER_OF = {_qualifier_key(p): q for q, phrases in _QUALIFIERS.items() for p in phrases}
_WORD_QUALIFIERS = sorted((p for p in _QUALIFIER_OF if p[0].isalpha()), key=len, reverse=True)
_SIGN_QUALIFIERS = sorted((p for p in _QUALIFIER_OF if not p[0].isalpha()), key=len, reverse=True)
# Signs ("~", ">") count only after a space or bracket: a ">" opening a line is a markdown quote.
_QUALIFIER_RE = (
    r"(?P<qual>(?i:(?<!\w)(?:"
    + "|".join(_phrase_regex(p) for p in _WORD_QUALIFIERS)
    + r")(?:\s+|(?<=\.)\s?)|(?:(?<=[ \t(:])|^)(?:" + "|".join(re.escape(p) for p in _SIGN_QUALIFIERS) + r")\s?"
    + r"|(?<!\w)(?:" + "|".join(_ELIDED_QUALIFIERS) + r")\s+d" + _APOS + r"(?=une?\b)))"
)

# Multipliers written as symbols are case-sensitive ("M" is a million, "m" alone is a metre).
_SYMBOL_MULTIPLIERS = {
    "k": 10**3, "K": 10**3, "M": 10**6, "Mio": 10**6, "Mio.": 10**6, "mln": 10**6, "mn": 10**6,
    "MM": 10**6, "Md": 10**9, "Mds": 10**9, "Mrd": 10**9, "Mrd.": 10**9, "Mrds": 10**9,
    "Mia": 10**9, "Mia.": 10**9, "bn": 10**9, "Bn": 10**9, "BN": 10**9, "bln": 10**9,
}
# Only after a currency sign: "£3m", "$2b" (a bare "3m" is three metres).
_CURRENCY_ONLY_MULTIPLIERS = {"m": 10**6, "b": 10**9, "B": 10**9}
_WORD_MULTIPLIERS = {
    "mille": 10**3, "thousand": 10**3, "tausend": 10**3, "duizend": 10**3, "mil": 10**3,
    "million": 10**6, "millions": 10**6, "millón": 10**6, "millon": 10**6, "millones": 10**6,
    "millionen": 10**6, "miljoen": 10**6, "miljoenen": 10**6,
    "milliard": 10**9, "milliards": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "miljard": 10**9, "miljarden": 10**9, "billion": 10**9, "billions": 10**9,
    "mil millones": 10**9,
}
# In French, German and Dutch a "billion" is a million millions.
_LONG_SCALE_BILLION = {"fr", "de", "nl"}

_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "dólares": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "livre sterling": "GBP",
    "livres sterling": "GBP", "pounds sterling": "GBP", "chf": "CHF", "franc suisse": "CHF",
    "francs suisses": "CHF",
}

# "une centaine" is about a hundred; "a hundred" is a hundred.
_COLLECTIVES: dict[str, tuple[int, Qualifier]] = {
    "dizaine": (10, Qualifier.approx), "douzaine": (12, Qualifier.approx),
    "quinzaine": (15, Qualifier.approx), "vingtaine": (20, Qualifier.approx),
    "trentaine": (30, Qualifier.approx), "quarantaine": (40, Qualifier.approx),
    "cinquantaine": (50, Qualifier.approx), "soixantaine": (60, Qualifier.approx),
    "centaine": (100, Qualifier.approx), "millier": (1000, Qualifier.approx),
    "dozen": (12, Qualifier.approx), "docena": (12, Qualifier.approx),
    "centenar": (100, Qualifier.approx), "millar": (1000, Qualifier.approx),
    "dutzend": (12, Qualifier.approx), "dozijn": (12, Qualifier.approx),
    "tiental": (10, Qualifier.approx), "honderdtal": (100, Qualifier.approx),
    "hundred": (100, Qualifier.exact), "thousand": (1000, Qualifier.exact),
}
_ONE = ("une", "un", "an", "a", "one", "una", "uno", "ein", "eine", "een")

# Spelled-out numbers the finder trusts: two to twenty, the tens, hundreds. "un"/"one" are left
# out on purpose: "l'un des", "one of the" are idioms, not counts.
_NUMBER_WORDS = {
    "fr": ("deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
           "dix-sept dix-huit dix-neuf vingt vingts trente quarante cinquante soixante "
           "soixante-dix quatre-vingt quatre-vingts quatre-vingt-dix cent cents mille"),
    "en": ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
           "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
           "ninety hundred thousand"),
    "es": ("dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
           "dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta "
           "setenta ochenta noventa cien ciento doscientos doscientas trescientos trescientas "
           "cuatrocientos quinientos mil"),
    "de": ("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
           "sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig "
           "achtzig neunzig hundert tausend"),
    "nl": ("twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien "
           "zestien zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig "
           "tachtig negentig honderd duizend"),
}
# Words that only continue a number ("deux cents", "two hundred"), never start one.
_CONTINUATIONS = {"cent", "cents", "mille", "hundred", "thousand", "mil", "hundert", "tausend",
                  "honderd", "duizend", "vingts"}
# Joiners inside one spelled-out number: "vingt et un", "two hundred and fifty", "veinte y dos".
_JOINERS = {"fr": "et", "en": "and", "es": "y", "de": "und", "nl": "en"}


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: str
    qualifier: Qualifier
    suspicious: tuple[str, ...] = ()


def _words_for(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang in _NUMBER_WORDS else ("fr", "en")


def _alternation(words: set[str] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def quantity_regex(lang: str | None = None) -> re.Pattern[str]:
    """The compiled quantity grammar for one language (None: French and English number words)."""
    langs = _words_for(lang)
    words = {w for code in langs for w in _NUMBER_WORDS[code].split()}
    starters = words - _CONTINUATIONS
    joiners = "|".join(_JOINERS[code] for code in langs)
    number_words = (
        rf"(?P<words>(?i:(?<![\w'\u2019-])(?:{_alternation(starters)})"
        rf"(?:(?:[ \u00a0-]+(?:(?:{joiners})[ \u00a0-]+)?)(?:{_alternation(words)}|une?|one))*))"
        r"(?![\w-])"
    )
    if "fr" in langs:
        # "cent entreprises": the one French continuation word that also stands alone.
        number_words = rf"(?:{number_words}|(?P<cent>(?i:(?<![\w'\u2019-])cent))(?![\w-]))"
    collective = (
        rf"(?P<collective>(?i:(?<![\w-])(?:{_alternation(_ONE)}){SP}+"
        rf"(?:{_alternation(set(_COLLECTIVES))})s?))(?![\w-])"
    )
    one_of_many = (  # "un million", "a billion", "one thousand"
        rf"(?P<one>(?i:(?<![\w-])(?:{_alternation(_ONE)})))(?={SP}+(?i:{_alternation(set(_WORD_MULTIPLIERS))})\b)"
    )
    digits = (
        r"(?<![\w.,])(?<![^\W\d_]-)(?<!\d:)(?P<num>"  # not in "COVID-19", "B-1000"
        r"\d[\dOo]*[Oo][\dOo]*|\d+[lI]\d+"                       # letter-for-digit typos: 13O, 1l0
        rf"|\d{{1,3}}(?:(?:{SP}|[.,])\d{{3}})+(?:[.,]\d+)?(?!\d)"  # grouped: 9 892, 2 000 000, 1,234
        r"|\d+(?:[.,]\d+)?)"
    )
    symbol_multipliers = _alternation(set(_SYMBOL_MULTIPLIERS))
    word_multipliers = "|".join(
        _phrase_regex(w) for w in sorted(_WORD_MULTIPLIERS, key=len, reverse=True)
    )
    multiplier = (
        rf"(?P<mult>{SP}?(?:{symbol_multipliers})(?![^\W\d_])|{SP}?(?i:{word_multipliers})(?![\w])"
        rf"|(?(cur1)(?:{_alternation(set(_CURRENCY_ONLY_MULTIPLIERS))})(?![\w])|(?!)))"
    )
    currency_before = r"(?P<cur1>(?:US\$|€|\$|£|(?:EUR|USD|GBP|CHF)(?=[ \u00a0\u202f\d]))[ \u00a0\u202f]?)"
    currency_after = (
        rf"(?P<cur2>{SP}?(?:€|\$|£)|{SP}(?:EUR|USD|GBP|CHF)(?![\w])"
        rf"|{SP}(?i:(?:d{_APOS}|de{SP}|of{SP})?(?:euros?|dollars?|dólares|livres{SP}sterling"
        rf"|pounds(?:{SP}sterling)?|francs{SP}suisses))(?![\w]))"
    )
    percent = (
        rf"(?P<pct>{SP}?%|{SP}(?i:pour{SP}?cent|pourcent|per{SP}?cent|percent|por{SP}ciento"
        r"|prozent|procent)(?![\w]))"
    )
    pattern = (
        rf"{_QUALIFIER_RE}?{currency_before}?"
        rf"(?:{collective}|{one_of_many}|{number_words}|{digits})"
        rf"(?:{multiplier})?(?P<plus>\+)?(?:{currency_after}|{percent})?"
        r"(?![\w])(?![.,]\d)(?!:\d)"
    )
    return re.compile(pattern)


@lru_cache(maxsize=None)
def quantity_anchors(lang: str | None = None) -> re.Pattern[str]:
    """What every quantity holds: a digit, a number word, a collective ("centaine") or a multiplier word
    ("million"). The finder tries the full grammar only near these, which is several times faster."""
    words = {w for code in _words_for(lang) for w in _NUMBER_WORDS[code].split()}
    words |= {"cent"} | {c for c in _COLLECTIVES} | {m for m in _WORD_MULTIPLIERS if " " not in m}
    return re.compile(rf"[0-9]|(?i:(?<![\w])(?:{_alternation(words)}))")


@lru_cache(maxsize=None)
def _decimal_symbol(lang: str | None) -> str | None:
    if lang is None:
        return None
    try:
        return get_decimal_symbol(lang)
    except Exception:  # babel raises several types for unknown locales; any means "unknown"
        return None


def _digits_value(raw: str, lang: str | None, scaled: bool) -> Decimal:
    """Decide which separator is the decimal mark.

    Spaces always group thousands. With both "." and ",", the last one is decimal. A lone "," or
    "." followed by exactly three digits is the ambiguous case: the language's decimal symbol
    (from babel) decides; without a language it groups thousands unless a multiplier follows
    ("1,234 jobs" but "1.234 million").
    """
    text = re.sub(SP, " ", raw)
    spaced = " " in text
    text = text.replace(" ", "")
    dots, commas = text.count("."), text.count(",")
    decimal: str | None = None
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        tail = text.split(sep)[1]
        if len(tail) != 3 or spaced:
            decimal = sep
        else:
            symbol = _decimal_symbol(lang)
            decimal = (sep if scaled else None) if symbol is None else (sep if sep == symbol else None)
    if decimal is None:
        text = text.replace(".", "").replace(",", "")
    else:
        grouping = "," if decimal == "." else "."
        text = text.replace(grouping, "").replace(decimal, ".")
    return Decimal(text)


def _words_value(words: str, lang: str | None) -> int | None:
    phrase = re.sub(r"[\s\u00a0]+", " ", words.lower()).strip()
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
    if token in _SYMBOL_MULTIPLIERS:
        return _SYMBOL_MULTIPLIERS[token]
    if token in _CURRENCY_ONLY_MULTIPLIERS:
        return _CURRENCY_ONLY_MULTIPLIERS[token]
    word = re.sub(r"\s+", " ", token.lower())
    if word.startswith("billion") and lang in _LONG_SCALE_BILLION:
        return 10**12
    return _WORD_MULTIPLIERS[word]


def _currency(raw: str | None) -> str | None:
    if not raw:
        return None
    token = re.sub(r"\s+", " ", re.sub(SP, " ", raw)).strip().lower()
    token = re.sub(r"^(?:d['\u2019]|de |of )", "", token)
    return _CURRENCIES.get(token)


def read_match(match: re.Match[str], lang: str | None = None) -> Quantity | None:
    """The quantity a match of ``quantity_regex(lang)`` denotes, or None if its words do not add up."""
    qualifier = Qualifier.exact
    suspicious: tuple[str, ...] = ()
    if match["num"]:
        raw = match["num"]
        if re.search(r"[OolI]", raw):
            suspicious = ("letter_for_digit",)
            raw = raw.translate(str.maketrans("OolI", "0011"))
        try:
            value = _digits_value(raw, lang, scaled=bool(match["mult"] or match["pct"]))
        except InvalidOperation:
            return None
    elif match["collective"]:
        noun = match["collective"].split()[-1].lower()
        if noun not in _COLLECTIVES:
            noun = noun.removesuffix("s")
        if noun not in _COLLECTIVES:
            return None
        count, qualifier = _COLLECTIVES[noun]
        value = Decimal(count)
    elif match["one"]:
        value = Decimal(1)
    elif match.groupdict().get("cent"):
        value = Decimal(100)
    else:
        number = _words_value(match["words"], lang)
        if number is None:
            return None
        value = Decimal(number)
    if match["mult"]:
        value *= _multiplier_value(match["mult"], lang)
    if match["qual"]:
        key = _qualifier_key(match["qual"].strip())
        if key.endswith(("d'", "d\u2019")):
            key = key.split()[0]
            stated = _ELIDED_QUALIFIERS[key]
        else:
            stated = _QUALIFIER_OF[key]
        if stated is not Qualifier.exact:
            qualifier = stated
    if match["plus"]:
        qualifier = Qualifier.at_least
    unit = "percent" if match["pct"] else (_currency(match["cur1"]) or _currency(match["cur2"]) or "count")
    return Quantity(_as_number(value), unit, qualifier, suspicious)


def parse_quantity(surface: str, lang: str | None = None) -> Quantity | None:
    """One surface phrase -> value in base units; None when the phrase is not a quantity.

    "25,3 milliards" -> 25300000000; "plus de 300" -> 300 at_least; "445+" -> 445 at_least;
    "53%" -> 53 percent; "une centaine" -> 100 approx; "13O" -> 130 flagged letter_for_digit.
    The unit is the stated currency (ISO 4217), "percent" or "count": a money multiplier with no
    currency ("26 Mds") stays "count" and the caller decides from the metric.
    """
    text = surface.strip().rstrip(".,;:")
    match = quantity_regex(lang).fullmatch(text)
    if match is None:
        return None
    return read_match(match, lang)
