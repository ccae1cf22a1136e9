"""parse_date and parse_period on the date phrases releases use, and the date-shape finder."""
from __future__ import annotations

import datetime as dt

import pytest

from extractor.normalize.dates import date_regex, parse_date, parse_period, weekday_before

D = dt.date


@pytest.mark.parametrize(("surface", "lang", "expected"), [
    ("le 14 mai 2024", "fr", D(2024, 5, 14)),
    ("14 mai 2024", "fr", D(2024, 5, 14)),
    ("18 October 2023", "en", D(2023, 10, 18)),
    ("24 septembre 2020", "fr", D(2020, 9, 24)),
    ("12 mai 2022", "fr", D(2022, 5, 12)),
    ("6 octobre 2020", "fr", D(2020, 10, 6)),
    ("5 novembre 2020", None, D(2020, 11, 5)),
    ("October 18, 2023", "en", D(2023, 10, 18)),
    ("Oct. 18, 2023", "en", D(2023, 10, 18)),
    ("18th October 2023", "en", D(2023, 10, 18)),
    ("2023-10-18", None, D(2023, 10, 18)),
    ("14/05/2024", "fr", D(2024, 5, 14)),
    ("05/14/2024", "en", D(2024, 5, 14)),
    ("1er décembre 2022", "fr", D(2022, 12, 1)),
    ("jeudi 12 mai 2022", "fr", D(2022, 5, 12)),
    ("14 de mayo de 2024", "es", D(2024, 5, 14)),
    ("10 de diciembre del 2025", "es", D(2025, 12, 10)),
    ("14. Mai 2024", "de", D(2024, 5, 14)),
    ("14 mei 2024", "nl", D(2024, 5, 14)),
    ("3 June 2021", None, D(2021, 6, 3)),
])
def test_full_dates(surface: str, lang: str | None, expected: dt.date) -> None:
    assert parse_date(surface, lang) == expected


@pytest.mark.parametrize("surface", ["jeudi 12 mai", "12 mai", "février 2020", "2020", "", "the 8th BioWin Day",
                                     "31 février 2020"])
def test_partial_or_impossible_dates_are_none(surface: str) -> None:
    assert parse_date(surface, "fr") is None


@pytest.mark.parametrize(("surface", "start", "end"), [
    ("2020-2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("2020–2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("2020 - 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("de 2020 à 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("dal 2026 al 2028", D(2026, 1, 1), D(2028, 12, 31)),
    ("from 2020 to 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("entre 2020 et 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("between 2021 and 2027", D(2021, 1, 1), D(2027, 12, 31)),
    ("2021/22", D(2021, 1, 1), D(2022, 12, 31)),
    ("2021-2027", D(2021, 1, 1), D(2027, 12, 31)),
    ("4 et 5 février 2020", D(2020, 2, 4), D(2020, 2, 5)),
    ("22 et 23 mars 2021", D(2021, 3, 22), D(2021, 3, 23)),
    ("12 au 14 octobre 2022", D(2022, 10, 12), D(2022, 10, 14)),
    ("March 22-23, 2021", D(2021, 3, 22), D(2021, 3, 23)),
    ("du 1er janvier 2020 au 31 mars 2021", D(2020, 1, 1), D(2021, 3, 31)),
    ("from 1 January 2020 to 31 December 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("from January 2024 to December 2026", D(2024, 1, 1), D(2026, 12, 31)),
    ("de janvier 2020 à décembre 2022", D(2020, 1, 1), D(2022, 12, 31)),
    ("janvier-mars 2021", D(2021, 1, 1), D(2021, 3, 31)),
    ("January to February 2024", D(2024, 1, 1), D(2024, 2, 29)),
    ("septembre 2021 - juin 2022", D(2021, 9, 1), D(2022, 6, 30)),
    ("de mars 2020 jusqu’à fin décembre 2021", D(2020, 3, 1), D(2021, 12, 31)),
])
def test_periods(surface: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(surface) == (start, end)


@pytest.mark.parametrize("surface", ["2022-2020", "2020", "hello", "5 et 4 février 2020", "December 2024 to January 2024",
                                     "Mars 2020 to Jupiter 2021"])
def test_not_periods(surface: str) -> None:
    assert parse_period(surface) is None


def _shapes(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in date_regex().finditer(text)]


def test_date_shapes_in_running_text() -> None:
    text = ("Hendaye, le 12 mai 2022. Signée ce jeudi 12 mai, la convention couvre la période 2020-2022 ; "
            "le salon a lieu les 4 et 5 février 2020 et le 18 October 2023.")
    assert _shapes(text) == [
        ("date", "12 mai 2022"), ("no_year", "jeudi 12 mai"), ("year_range", "2020-2022"),
        ("day_range", "4 et 5 février 2020"), ("date", "18 October 2023"),
    ]
    assert _shapes("valable de janvier 2020 à décembre 2022, signé en mai 2019") == [
        ("month_range", "de janvier 2020 à décembre 2022"), ("month", "mai 2019")]


def test_no_date_shape_in_numbers_and_ordinals() -> None:
    assert _shapes("250 membres, 18ème assemblée, 3 ans, 2020, +32 476 650 438, 1er cluster") == []
    assert _shapes("Tél. 04.72.10.11.12, chapitre 1.2.3") == []


def test_a_date_joined_by_hyphens_around_its_month_is_a_date() -> None:
    assert _shapes("Published: 1-Jul-2011\n\nBoth associations signed.") == [("date", "1-Jul-2011")]
    assert parse_date("1-Jul-2011", "en") == D(2011, 7, 1)


def test_a_month_cut_short_before_its_dot_is_a_date_s_month() -> None:
    assert _shapes("QUÉBEC, le 20 juill. 2021 /CNW Telbec/ - La ministre annonce") == [("date", "20 juill. 2021")]


def test_a_web_page_s_date_with_a_two_digit_year_is_a_date() -> None:
    assert _shapes("erstellt am\n15. 03. 12\n") == [("date", "15. 03. 12")]


@pytest.mark.parametrize(("surface", "lang", "expected"), [
    ("30/06/2021", "fr", D(2021, 6, 30)),
    ("03.11.2022", "it", D(2022, 11, 3)),
    ("14.04.2016", "de", D(2016, 4, 14)),
    ("28/10/2025", "es", D(2025, 10, 28)),
    ("16-03-2022", "nl", D(2022, 3, 16)),
    ("05/06/2021", "en", D(2021, 6, 5)),
    ("06/30/2021", "en", D(2021, 6, 30)),
    ("06/30/2021", None, D(2021, 6, 30)),
    ("2021-06-30", "de", D(2021, 6, 30)),
    ("mars 12 09:30 2015", "fr", D(2015, 3, 12)),
    ("March 12 09:30 2015", "en", D(2015, 3, 12)),
    ("15. 03. 12", "de", D(2012, 3, 15)),
    ("12/05/21", "fr", D(2021, 5, 12)),
    ("24.11.98", "nl", D(1998, 11, 24)),
    ("20 juill. 2021", "fr", D(2021, 7, 20)),
    ("3 Okt. 2019", "de", D(2019, 10, 3)),
    ("5 dic. 2019", "es", D(2019, 12, 5)),
])
def test_numeric_dates_read_day_first(surface: str, lang: str | None, expected: dt.date) -> None:
    assert parse_date(surface, lang) == expected


@pytest.mark.parametrize(("surface", "lang"), [("06/30/2021", "fr"), ("06/30/2021", "de"), ("31/02/2021", "en"),
                                               ("13/13/2021", "en")])
def test_impossible_numeric_dates_are_none(surface: str, lang: str) -> None:
    assert parse_date(surface, lang) is None


@pytest.mark.parametrize(("surface", "start", "end"), [
    ("Q3 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("Q4/2022", D(2022, 10, 1), D(2022, 12, 31)),
    ("T1 2024", D(2024, 1, 1), D(2024, 3, 31)),
    ("3e trimestre 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("1er trimestre 2024", D(2024, 1, 1), D(2024, 3, 31)),
    ("deuxième trimestre 2022", D(2022, 4, 1), D(2022, 6, 30)),
    ("third quarter of 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("4th quarter 2021", D(2021, 10, 1), D(2021, 12, 31)),
    ("tercer trimestre de 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("drittes Quartal 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("2. Quartal 2023", D(2023, 4, 1), D(2023, 6, 30)),
    ("derde kwartaal van 2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("primo trimestre del 2024", D(2024, 1, 1), D(2024, 3, 31)),
    ("mai 2024", D(2024, 5, 1), D(2024, 5, 31)),
    ("June 2008", D(2008, 6, 1), D(2008, 6, 30)),
    ("Juin 2008", D(2008, 6, 1), D(2008, 6, 30)),
    ("febrero de 2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("März 2024", D(2024, 3, 1), D(2024, 3, 31)),
    ("maart 2023", D(2023, 3, 1), D(2023, 3, 31)),
    ("ottobre 2025", D(2025, 10, 1), D(2025, 10, 31)),
])
def test_quarters_and_months_are_periods(surface: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(surface) == (start, end)


def test_numeric_quarter_and_month_shapes_in_running_text() -> None:
    text = ("Publié le 30/06/2021 : au 3e trimestre 2023, puis en Q4 2023 et en mai 2024, le 14.04.2016, "
            "le 2021-06-30 et mars 12 09:30 2015.")
    assert _shapes(text) == [
        ("date", "30/06/2021"), ("quarter", "3e trimestre 2023"), ("quarter", "Q4 2023"), ("month", "mai 2024"),
        ("date", "14.04.2016"), ("date", "2021-06-30"), ("date", "mars 12 09:30 2015"),
    ]
    assert _shapes("the third quarter of 2023, June 2008 and 2020-2022") == [
        ("quarter", "third quarter of 2023"), ("month", "June 2008"), ("year_range", "2020-2022")]


@pytest.mark.parametrize(("said", "published", "day"), [
    ("haben am Dienstag unterzeichnet", dt.date(2025, 3, 5), dt.date(2025, 3, 4)),
    ("is vrijdag getekend", dt.date(2025, 9, 22), dt.date(2025, 9, 19)),
    ("signed on Monday", dt.date(2025, 9, 22), dt.date(2025, 9, 22)),
    ("firmato martedì", dt.date(2025, 9, 22), dt.date(2025, 9, 16)),
    ("signed the agreement", dt.date(2025, 9, 22), None),
])
def test_a_weekday_named_alone_is_the_last_such_day_on_or_before_the_release(said, published, day):
    assert weekday_before(said, published) == day



@pytest.mark.parametrize(("text", "found"), [
    ("The MOU was signed on June 9 during BIO.", "June 9"),
    ("on Tuesday, June 3rd at the fair", "Tuesday, June 3rd"),
    ("signed on June 9, 2025 in Boston", "June 9, 2025"),
])
def test_a_month_before_its_day_is_a_date_without_a_year_too(text, found):
    assert [m.group() for m in date_regex().finditer(text)] == [found]
