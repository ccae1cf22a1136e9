"""Reads a quantity phrase ("plus de 300", "25,3 milliards", "445+", "53 %", "cinq", "200-300") into base units.

One grammar serves two callers: ``parse_quantity`` reads a whole surface, and the candidate finder
scans running text with the same compiled pattern, so what the finder spans is exactly what this
module can read.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

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
        "mehr als", "mindestens", "meer dan", "ruim", "minstens", "ten minste", "oltre", "più di",
        "piu di", "almeno", "non meno di", ">", "≥",
    ),
    Qualifier.at_most: (
        "jusqu'à", "jusqu'a", "moins de", "au plus", "up to", "less than", "fewer than", "under",
        "no more than", "hasta", "menos de", "bis zu", "weniger als", "höchstens", "tot",
        "minder dan", "hooguit", "fino a", "meno di", "non più di", "al massimo", "<", "≤",
    ),
    Qualifier.approx: (
        "près de", "pres de", "environ", "quelque", "quelques", "aux alentours de",
        "approximativement", "presque", "quasiment", "about", "around", "nearly", "almost",
        "approximately", "approx.", "roughly", "some", "close to", "circa", "ca.", "~", "≈",
        "cerca de", "alrededor de", "aproximadamente", "casi", "unos", "unas", "rund", "etwa",
        "ungefähr", "fast", "knapp", "nahezu", "annähernd", "ongeveer", "bijna", "zo'n", "zowat",
        "quasi", "intorno a", "all'incirca",
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
    "Mia": 10**9, "Mia.": 10**9, "bn": 10**9, "Bn": 10**9, "BN": 10**9, "bln": 10**9, "mld": 10**9,
}
# Only after a currency sign: "£3m", "$2b" (a bare "3m" is three metres).
_CURRENCY_ONLY_MULTIPLIERS = {"m": 10**6, "b": 10**9, "B": 10**9}
_WORD_MULTIPLIERS = {
    "mille": 10**3, "thousand": 10**3, "tausend": 10**3, "duizend": 10**3, "mil": 10**3,
    "million": 10**6, "millions": 10**6, "millón": 10**6, "millon": 10**6, "millones": 10**6,
    "millionen": 10**6, "miljoen": 10**6, "miljoenen": 10**6,
    "milliard": 10**9, "milliards": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "miljard": 10**9, "miljarden": 10**9, "billion": 10**9, "billions": 10**9,
    "mil millones": 10**9, "mila": 10**3, "milione": 10**6, "milioni": 10**6, "miliardo": 10**9,
    "miliardi": 10**9,
}
# In French, German and Dutch a "billion" is a million millions.
_LONG_SCALE_BILLION = {"fr", "de", "nl"}

_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "dólares": "USD",
    "dollari": "USD",
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

# Spelled-out numbers the finder trusts, per language. text2num reads every one of these languages;
# what it cannot do is find numbers in running text, so this table says which words to try:
# ``starts`` may open a number (two to twenty, the tens, some hundreds: "un"/"one" are left out on
# purpose, "l'un des" and "one of the" are idioms, not counts); ``continues`` only carries one on
# ("deux cents", "two hundred"); ``joiner`` links its parts ("vingt et un", "veinte y dos");
# ``compound`` is the tens and units written as one word ("novantadue", "zweiundzwanzig").
_NUMBER_WORDS: dict[str, dict[str, str]] = {
    "fr": {"starts": "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
                     "dix-sept dix-huit dix-neuf vingt trente quarante cinquante soixante soixante-dix "
                     "quatre-vingt quatre-vingts quatre-vingt-dix",
           "continues": "cent cents mille vingts", "joiner": "et"},
    "en": {"starts": "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                     "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety",
           "continues": "hundred thousand", "joiner": "and"},
    "es": {"starts": "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
                     "dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta "
                     "setenta ochenta noventa cien ciento doscientos doscientas trescientos trescientas "
                     "cuatrocientos quinientos",
           "continues": "mil", "joiner": "y",
           "compound": "veinti(?:uno|una|dós|trés|cuatro|cinco|séis|siete|ocho|nueve)"},
    "de": {"starts": "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
                     "sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig "
                     "achtzig neunzig",
           "continues": "hundert tausend", "joiner": "und",
           "compound": "(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und"
                       "(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"},
    "nl": {"starts": "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien "
                     "zestien zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig "
                     "tachtig negentig",
           "continues": "honderd duizend", "joiner": "en",
           "compound": "(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)"
                       "(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"},
    # Italian joins no words with "e" ("centoventi" is one word), so it has no joiner.
    "it": {"starts": "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
                     "quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta "
                     "sessanta settanta ottanta novanta cento duecento trecento quattrocento cinquecento",
           "continues": "mila", "joiner": "",
           "compound": "(?:vent|trent|quarant|cinquant|sessant|settant|ottant|novant)[aei]?"
                       "(?:uno|due|tre|tré|quattro|cinque|sei|sette|otto|nove)"},
}

# Fractions of a whole, read as shares in percent, only where a "de"/"of" says of what: "deux tiers
# des adhérents" is 66.67 %, but "deux tiers" alone or "half an hour" is no share of anything stated.
_FRACTIONS: dict[str, dict[str, float]] = {
    "fr": {"deux tiers": 66.67, "un tiers": 33.33, "la moitié": 50, "trois quarts": 75, "un quart": 25},
    "en": {"two thirds": 66.67, "two-thirds": 66.67, "one third": 33.33, "one-third": 33.33,
           "a third": 33.33, "half": 50, "three quarters": 75, "three-quarters": 75, "a quarter": 25,
           "one quarter": 25},
    "es": {"dos tercios": 66.67, "un tercio": 33.33, "la mitad": 50, "tres cuartas partes": 75},
    "de": {"zwei drittel": 66.67, "ein drittel": 33.33, "die hälfte": 50, "drei viertel": 75,
           "ein viertel": 25},
    "nl": {"twee derde": 66.67, "een derde": 33.33, "de helft": 50, "driekwart": 75, "een kwart": 25},
    "it": {"due terzi": 66.67, "un terzo": 33.33, "la metà": 50, "tre quarti": 75, "un quarto": 25},
}
_FRACTION_OF = {"fr": "de des du d'", "en": "of", "es": "de del", "de": "der des von",
                "nl": "van", "it": "di dei degli delle del della dell'"}
# After an ordinal a fraction is part of a period, not a share: "the first half of the year".
_FRACTION_NOT_AFTER = {"en": "first second"}

# Ranges, one quantity with both ends: "entre 10 et 20" (``between`` ... ``and``), "10 à 15 %" (``to``)
# and "200-300" in every language. After a word meaning "from" the two numbers are a change, not a
# range ("grew from 300 to 445 members"), and stay two quantities. French and Spanish "de" mostly
# means "of" ("une hausse de 10 à 15 %") and blocks nothing.
_RANGES: dict[str, dict[str, str]] = {
    "fr": {"between": "entre", "and": "et", "to": "à", "from": ""},
    "en": {"between": "between", "and": "and", "to": "to", "from": "from"},
    "es": {"between": "entre", "and": "y", "to": "a", "from": "desde"},
    "de": {"between": "zwischen", "and": "und", "to": "bis", "from": "von"},
    "nl": {"between": "tussen", "and": "en", "to": "tot", "from": "van"},
    "it": {"between": "tra fra", "and": "e", "to": "a", "from": "da"},
}


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: str
    qualifier: Qualifier
    suspicious: tuple[str, ...] = ()
    high: int | float | None = None  # the upper end of a range ("200-300"); value is the lower


def _words_for(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang in _NUMBER_WORDS else ("fr", "en")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _table_words(table: dict[str, dict[str, str]], key: str, langs: tuple[str, ...]) -> set[str]:
    return {w for code in langs for w in table[code].get(key, "").split()}


def _compounds(langs: tuple[str, ...]) -> str:
    return "|".join(_NUMBER_WORDS[code]["compound"] for code in langs if "compound" in _NUMBER_WORDS[code])


def _fraction_regex(langs: tuple[str, ...]) -> str:
    phrases = sorted({p for code in langs for p in _FRACTIONS[code]}, key=len, reverse=True)
    after = []
    for word in sorted({w for code in langs for w in _FRACTION_OF[code].split()}, key=len, reverse=True):
        after.append(re.escape(word[:-1]) + _APOS if word.endswith("'") else rf"{re.escape(word)}{SP}+(?!\d)")
    not_after = "".join(rf"(?<!{re.escape(w)} )" for code in langs for w in _FRACTION_NOT_AFTER.get(code, "").split())
    return (rf"(?P<fraction>(?i:(?<![\w-]){not_after}(?:{'|'.join(_phrase_regex(p) for p in phrases)})))"
            rf"(?={SP}+(?i:{'|'.join(after)}))")


def _range_regex(langs: tuple[str, ...]) -> str:
    between = _alternation(_table_words(_RANGES, "between", langs))
    joiners = _alternation(_table_words(_RANGES, "and", langs))
    to = _alternation(_table_words(_RANGES, "to", langs))
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in sorted(_table_words(_RANGES, "from", langs)))
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
    """The compiled quantity grammar for one language (None: French and English number words)."""
    langs = _words_for(lang)
    starters = _table_words(_NUMBER_WORDS, "starts", langs)
    words = starters | _table_words(_NUMBER_WORDS, "continues", langs)
    compounds = _compounds(langs)
    first = f"{compounds}|{_alternation(starters)}" if compounds else _alternation(starters)
    joiners = "|".join(_NUMBER_WORDS[code]["joiner"] for code in langs if _NUMBER_WORDS[code]["joiner"])
    joined = rf"(?:(?:{joiners})[ \u00a0-]+)?" if joiners else ""
    number_words = (
        rf"(?P<words>(?i:(?<![\w'\u2019-])(?:{first})"
        rf"(?:(?:[ \u00a0-]+{joined})(?:{_alternation(words)}|une?|one))*))"
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
        rf"|{SP}(?i:(?:d{_APOS}|de{SP}|di{SP}|of{SP})?(?:euros?|dollars?|dollari|dólares|livres{SP}sterling"
        rf"|pounds(?:{SP}sterling)?|francs{SP}suisses))(?![\w]))"
    )
    percent = (
        rf"(?P<pct>{SP}?%|{SP}(?i:pour{SP}?cent|pourcent|per{SP}?cento?|percent|por{SP}ciento"
        r"|prozent|procent)(?![\w]))"
    )
    # A range's upper end is digits too: "10 à une centaine" is no range.
    pattern = (
        rf"{_QUALIFIER_RE}?{currency_before}?{_range_regex(langs)}?"
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
    words = _table_words(_NUMBER_WORDS, "starts", langs) | _table_words(_NUMBER_WORDS, "continues", langs)
    words |= {"cent"} | {c for c in _COLLECTIVES} | {m for m in _WORD_MULTIPLIERS if " " not in m}
    words |= {p.split()[-1] for code in langs for p in _FRACTIONS[code]}
    compounds = _compounds(langs)
    return re.compile(rf"[0-9]|(?i:(?<![\w])(?:{compounds + '|' if compounds else ''}{_alternation(words)}))")


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
    text = re.sub(SP, " ", raw)
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
    token = re.sub(r"^(?:d['\u2019]|de |di |of )", "", token)
    return _CURRENCIES.get(token)


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
    elif match["fraction"]:
        phrase = _qualifier_key(match["fraction"])
        value = Decimal(str(next(_FRACTIONS[code][phrase] for code in _words_for(lang) if phrase in _FRACTIONS[code])))
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
