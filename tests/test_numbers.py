"""parse_quantity on the phrases releases use, French and English first."""
from __future__ import annotations

import pytest

from extractor.normalize.numbers import Quantity, parse_quantity
from schemas.common import Qualifier

EXACT, AT_LEAST, AT_MOST, APPROX = Qualifier.exact, Qualifier.at_least, Qualifier.at_most, Qualifier.approx

# (surface, lang, value, unit, qualifier)
PHRASES = [
    # from the brief and the seeds
    ("25,3 milliards", "fr", 25_300_000_000, "count", EXACT),
    ("plus de 300", "fr", 300, "count", AT_LEAST),
    ("445+", "en", 445, "count", AT_LEAST),
    ("53%", "fr", 53, "percent", EXACT),
    ("60 %", "fr", 60, "percent", EXACT),
    ("60\u00a0%", "fr", 60, "percent", EXACT),
    ("60\u202f%", "fr", 60, "percent", EXACT),
    ("16 pour cent", "fr", 16, "percent", EXACT),
    ("26 billion", "en", 26_000_000_000, "count", EXACT),
    ("80k", "en", 80_000, "count", EXACT),
    ("80K", "en", 80_000, "count", EXACT),
    ("80k+", "en", 80_000, "count", AT_LEAST),
    ("deux cents", "fr", 200, "count", EXACT),
    ("une centaine", "fr", 100, "count", APPROX),
    ("un centinaio", "it", 100, "count", APPROX),
    ("una veintena", "es", 20, "count", APPROX),
    ("een twintigtal", "nl", 20, "count", APPROX),
    ("pressoché 150", "it", 150, "count", APPROX),
    ("rond de 300", "nl", 300, "count", APPROX),
    ("1,234", "en", 1234, "count", EXACT),
    ("25,3", "fr", 25.3, "count", EXACT),
    ("9 892", "fr", 9892, "count", EXACT),
    ("2 000 000 €", "fr", 2_000_000, "EUR", EXACT),
    ("2\u00a0000 000 €", "fr", 2_000_000, "EUR", EXACT),
    ("2\u202f000\u202f000\u00a0€", "fr", 2_000_000, "EUR", EXACT),
    ("plus de 2\u00a0000 000 €", "fr", 2_000_000, "EUR", AT_LEAST),
    ("25,3Mds", "fr", 25_300_000_000, "count", EXACT),
    ("26 Mds", "fr", 26_000_000_000, "count", EXACT),
    ("26 Md", "fr", 26_000_000_000, "count", EXACT),
    ("3 Mrd", "de", 3_000_000_000, "count", EXACT),
    ("4,2 Mio", "de", 4_200_000, "count", EXACT),
    ("5 M€", "fr", 5_000_000, "EUR", EXACT),
    ("5 M", "fr", 5_000_000, "count", EXACT),
    ("12 Mrds", "de", 12_000_000_000, "count", EXACT),
    ("5M€", "fr", 5_000_000, "EUR", EXACT),
    ("2 millions", "fr", 2_000_000, "count", EXACT),
    ("1 million", "en", 1_000_000, "count", EXACT),
    ("3 milliards", "fr", 3_000_000_000, "count", EXACT),
    ("1 milliard", "fr", 1_000_000_000, "count", EXACT),
    ("7 billions", "en", 7_000_000_000, "count", EXACT),
    ("4.5bn", "en", 4_500_000_000, "count", EXACT),
    ("588 000 euros", "fr", 588_000, "EUR", EXACT),
    ("5,74 milliards d\u2019euros", "fr", 5_740_000_000, "EUR", EXACT),
    ("12 EUR", "en", 12, "EUR", EXACT),
    ("$40", "en", 40, "USD", EXACT),
    ("40 USD", "en", 40, "USD", EXACT),
    ("£25", "en", 25, "GBP", EXACT),
    ("près de 40 %", "fr", 40, "percent", APPROX),
    ("environ 2,5 millions d'euros", "fr", 2_500_000, "EUR", APPROX),
    ("quelque 300", "fr", 300, "count", APPROX),
    ("au moins 12", "fr", 12, "count", AT_LEAST),
    ("jusqu'à 500", "fr", 500, "count", AT_MOST),
    ("jusqu\u2019à 500", "fr", 500, "count", AT_MOST),
    ("moins de 10 %", "fr", 10, "percent", AT_MOST),
    ("more than 1,000", "en", 1000, "count", AT_LEAST),
    ("over 3,500", "en", 3500, "count", AT_LEAST),
    ("about 120", "en", 120, "count", APPROX),
    ("around 45%", "en", 45, "percent", APPROX),
    ("nearly 40,000", "en", 40_000, "count", APPROX),
    ("almost 600", "en", 600, "count", APPROX),
    ("approximately 1,100", "en", 1100, "count", APPROX),
    ("up to 500", "en", 500, "count", AT_MOST),
    ("at least 30", "en", 30, "count", AT_LEAST),
    ("less than 10%", "en", 10, "percent", AT_MOST),
    ("más de 40", "es", 40, "count", AT_LEAST),
    ("über 1.200", "de", 1200, "count", AT_LEAST),
    ("mehr als 200", "de", 200, "count", AT_LEAST),
    ("meer dan 150", "nl", 150, "count", AT_LEAST),
    ("cinq", "fr", 5, "count", EXACT),
    ("three", "en", 3, "count", EXACT),
    ("six", "fr", 6, "count", EXACT),
    ("seven", "en", 7, "count", EXACT),
    ("sept", "fr", 7, "count", EXACT),
    ("a dozen", "en", 12, "count", APPROX),
    ("une douzaine", "fr", 12, "count", APPROX),
    ("a hundred", "en", 100, "count", EXACT),
    ("13O", "fr", 130, "count", EXACT),
    # press-release phrases not in the seeds
    ("plus de 1 200", "fr", 1200, "count", AT_LEAST),
    ("€1.2bn", "en", 1_200_000_000, "EUR", EXACT),
    ("€1.2 billion", "en", 1_200_000_000, "EUR", EXACT),
    ("$2.5 billion", "en", 2_500_000_000, "USD", EXACT),
    ("£3m", "en", 3_000_000, "GBP", EXACT),
    ("$2B", "en", 2_000_000_000, "USD", EXACT),
    ("US$ 5 million", "en", 5_000_000, "USD", EXACT),
    ("EUR 450 million", "en", 450_000_000, "EUR", EXACT),
    ("USD 250 million", "en", 250_000_000, "USD", EXACT),
    ("1.5 billion euros", "en", 1_500_000_000, "EUR", EXACT),
    ("2 milliards de dollars", "fr", 2_000_000_000, "USD", EXACT),
    ("1,2 milliard d'euros", "fr", 1_200_000_000, "EUR", EXACT),
    ("8,5 Md€", "fr", 8_500_000_000, "EUR", EXACT),
    ("25 k€", "fr", 25_000, "EUR", EXACT),
    ("750 000 €", "fr", 750_000, "EUR", EXACT),
    ("15 millions d'euros", "fr", 15_000_000, "EUR", EXACT),
    ("un million d'euros", "fr", 1_000_000, "EUR", EXACT),
    ("près d'un million d'euros", "fr", 1_000_000, "EUR", APPROX),
    ("plus d'une centaine", "fr", 100, "count", AT_LEAST),
    ("une vingtaine", "fr", 20, "count", APPROX),
    ("une dizaine", "fr", 10, "count", APPROX),
    ("un millier", "fr", 1000, "count", APPROX),
    ("a thousand", "en", 1000, "count", EXACT),
    ("a billion", "en", 1_000_000_000, "count", EXACT),
    ("250+", "en", 250, "count", AT_LEAST),
    ("1,200+", "en", 1200, "count", AT_LEAST),
    ("some 2,000", "en", 2000, "count", APPROX),
    ("roughly 70", "en", 70, "count", APPROX),
    ("approx. 300", "en", 300, "count", APPROX),
    ("~300", "en", 300, "count", APPROX),
    ("fewer than 50", "en", 50, "count", AT_MOST),
    ("pas moins de 40", "fr", 40, "count", AT_LEAST),
    ("environ 35", "fr", 35, "count", APPROX),
    ("two hundred and fifty", "en", 250, "count", EXACT),
    ("vingt et un", "fr", 21, "count", EXACT),
    ("dix-sept", "fr", 17, "count", EXACT),
    ("quatre-vingts", "fr", 80, "count", EXACT),
    ("trois mille", "fr", 3000, "count", EXACT),
    ("deux millions", "fr", 2_000_000, "count", EXACT),
    ("fifty", "en", 50, "count", EXACT),
    ("1 234,5", "fr", 1234.5, "count", EXACT),
    ("1.234,5", "de", 1234.5, "count", EXACT),
    ("1,234.5", "en", 1234.5, "count", EXACT),
    ("1.200", "fr", 1200, "count", EXACT),
    ("1.200", "de", 1200, "count", EXACT),
    ("1,5", "fr", 1.5, "count", EXACT),
    ("0,5 %", "fr", 0.5, "percent", EXACT),
    ("12.5%", "en", 12.5, "percent", EXACT),
    ("45 percent", "en", 45, "percent", EXACT),
    ("45 per cent", "en", 45, "percent", EXACT),
    ("30 Prozent", "de", 30, "percent", EXACT),
    ("3 Mrd. Euro", "de", 3_000_000_000, "EUR", EXACT),
    ("rund 500", "de", 500, "count", APPROX),
    ("ongeveer 80", "nl", 80, "count", APPROX),
    ("cerca de 90", "es", 90, "count", APPROX),
    ("fünf", "de", 5, "count", EXACT),
    ("doce", "es", 12, "count", EXACT),
    ("twaalf", "nl", 12, "count", EXACT),
    ("dos mil", "es", 2000, "count", EXACT),
    ("3,5 millones de euros", "es", 3_500_000, "EUR", EXACT),
    ("2 miljoen euro", "nl", 2_000_000, "EUR", EXACT),
    # Swiss typography: an apostrophe groups thousands; Swiss francs by their name
    ("3’000", "it", 3000, "count", EXACT),
    ("1'250'000", "de", 1_250_000, "count", EXACT),
    ("2.5 miliardi di franchi", "it", 2_500_000_000, "CHF", EXACT),
    ("40 Millionen Franken", "de", 40_000_000, "CHF", EXACT),
]


@pytest.mark.parametrize(("surface", "lang", "value", "unit", "qualifier"), PHRASES)
def test_reads_phrase(surface: str, lang: str, value: float, unit: str, qualifier: Qualifier) -> None:
    quantity = parse_quantity(surface, lang)
    assert quantity is not None, surface
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)
    assert type(quantity.value) is type(value)


def test_values_are_ints_when_whole() -> None:
    assert parse_quantity("25,3 milliards", "fr").value == 25_300_000_000
    assert isinstance(parse_quantity("25,3 milliards", "fr").value, int)
    assert isinstance(parse_quantity("25,3", "fr").value, float)


@pytest.mark.parametrize(("surface", "value"), [("13O", 130), ("1O0", 100), ("2OO", 200), ("1l0", 110)])
def test_letter_for_digit_is_read_but_flagged(surface: str, value: int) -> None:
    assert parse_quantity(surface, "fr") == Quantity(value, "count", EXACT, ("letter_for_digit",))


def test_clean_numbers_are_not_flagged() -> None:
    assert parse_quantity("130", "fr").suspicious == ()


@pytest.mark.parametrize("surface", ["", "abc", "18ème", "1er", "8th", "2ème", "3e", "5G", "14h30", "3m", "10 km",
                                     "covid", "l'un", "one"])
def test_not_a_quantity(surface: str) -> None:
    assert parse_quantity(surface, "fr" if surface not in ("8th", "one") else "en") is None


def test_ambiguous_separator_without_language_groups_thousands() -> None:
    assert parse_quantity("1,234").value == 1234
    assert parse_quantity("1.234").value == 1234
    assert parse_quantity("1.5").value == 1.5
    assert parse_quantity("1.234 million").value == 1_234_000


def test_french_billion_is_a_million_millions() -> None:
    assert parse_quantity("2 billions", "fr").value == 2 * 10**12
    assert parse_quantity("2 billion", "en").value == 2 * 10**9


def test_trailing_punctuation_is_ignored() -> None:
    assert parse_quantity("250.", "en").value == 250
    assert parse_quantity(" 53%, ", "fr").value == 53


# Italian and Dutch amounts, and number words text2num reads but the finder had no table for.
OTHER_LANGUAGES = [
    ("oltre 2.300", "it", 2300, "count", AT_LEAST),
    ("più di 150", "it", 150, "count", AT_LEAST),
    ("circa 40", "it", 40, "count", APPROX),
    ("fino a 500", "it", 500, "count", AT_MOST),
    ("1,8 miliardi di euro", "it", 1_800_000_000, "EUR", EXACT),
    ("150 milioni di euro", "it", 150_000_000, "EUR", EXACT),
    ("3 mila", "it", 3000, "count", EXACT),
    ("12 per cento", "it", 12, "percent", EXACT),
    ("6,5 miljoen euro", "nl", 6_500_000, "EUR", EXACT),
    ("8 miljard euro", "nl", 8_000_000_000, "EUR", EXACT),
    ("ruim 1.200", "nl", 1200, "count", AT_LEAST),
    ("novantadue", "it", 92, "count", EXACT),
    ("dodici", "it", 12, "count", EXACT),
    ("venti", "it", 20, "count", EXACT),
    ("ventuno", "it", 21, "count", EXACT),
    ("trentatré", "it", 33, "count", EXACT),
    ("veertien", "nl", 14, "count", EXACT),
    ("vijf", "nl", 5, "count", EXACT),
    ("drie", "nl", 3, "count", EXACT),
    ("vier", "nl", 4, "count", EXACT),
    ("tweeëntwintig", "nl", 22, "count", EXACT),
    ("veintidós", "es", 22, "count", EXACT),
    ("veintiuno", "es", 21, "count", EXACT),
    ("veintinueve", "es", 29, "count", EXACT),
    ("treinta y dos", "es", 32, "count", EXACT),
    ("zweiundzwanzig", "de", 22, "count", EXACT),
]


@pytest.mark.parametrize(("surface", "lang", "value", "unit", "qualifier"), OTHER_LANGUAGES)
def test_reads_other_languages(surface: str, lang: str, value: float, unit: str, qualifier: Qualifier) -> None:
    quantity = parse_quantity(surface, lang)
    assert quantity is not None, surface
    assert (quantity.value, quantity.unit, quantity.qualifier, quantity.high) == (value, unit, qualifier, None)


# (surface, lang, low, high, unit, qualifier)
RANGES = [
    ("200-300", "fr", 200, 300, "count", EXACT),
    ("200–300", "en", 200, 300, "count", EXACT),
    ("10 à 15 %", "fr", 10, 15, "percent", EXACT),
    ("10%-15%", "en", 10, 15, "percent", EXACT),
    ("between 10 and 20", "en", 10, 20, "count", EXACT),
    ("entre 10 et 20", "fr", 10, 20, "count", EXACT),
    ("entre 10 y 20", "es", 10, 20, "count", EXACT),
    ("zwischen 10 und 20", "de", 10, 20, "count", EXACT),
    ("tra 10 e 20", "it", 10, 20, "count", EXACT),
    ("tussen 10 en 20", "nl", 10, 20, "count", EXACT),
    ("10 to 20", "en", 10, 20, "count", EXACT),
    ("10 bis 20 Prozent", "de", 10, 20, "percent", EXACT),
    ("2 à 3 millions d'euros", "fr", 2_000_000, 3_000_000, "EUR", EXACT),
    ("€10-20 million", "en", 10_000_000, 20_000_000, "EUR", EXACT),
    ("environ 10 à 15 %", "fr", 10, 15, "percent", APPROX),
    ("1 200-1 500", "fr", 1200, 1500, "count", EXACT),
]


@pytest.mark.parametrize(("surface", "lang", "low", "high", "unit", "qualifier"), RANGES)
def test_range_keeps_both_ends(surface: str, lang: str, low: float, high: float, unit: str,
                               qualifier: Qualifier) -> None:
    assert parse_quantity(surface, lang) == Quantity(low, unit, qualifier, (), high=high)


@pytest.mark.parametrize(("surface", "lang"), [("20-10", "fr"), ("15 à 15 %", "fr"), ("between 10", "en")])
def test_a_range_must_run_upwards_and_be_whole(surface: str, lang: str) -> None:
    assert parse_quantity(surface, lang) is None


@pytest.mark.parametrize("lang", ["fr", "de", "nl", "it", "es"])
def test_dot_groups_thousands_where_comma_is_decimal(lang: str) -> None:
    assert parse_quantity("1.200", lang) == Quantity(1200, "count", EXACT)


def test_english_dot_is_decimal_without_a_count_noun() -> None:
    assert parse_quantity("1.200", "en") == Quantity(1.2, "count", EXACT)
    assert parse_quantity("1.5 million", "en").value == 1_500_000
    assert parse_quantity("1.234 million", "en").value == 1_234_000
