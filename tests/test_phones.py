"""Phone numbers to E.164 with the organisation's country as the hint."""
from __future__ import annotations

import pytest

from extractor.normalize.phones import is_valid_phone, phone_country, to_e164


@pytest.mark.parametrize(("raw", "hint", "expected"), [
    ("+32 476 650 438", None, "+32476650438"),
    ("+32 476 650 438", "FR", "+32476650438"),
    ("02 37 20 24 24", "FR", "+33237202424"),
    ("0237202424", "FR", "+33237202424"),
    ("02.37.20.24.24", "fr", "+33237202424"),
    ("+ 44 1273 952 481", None, "+441273952481"),
    ("+44 (0)1273 952481", None, "+441273952481"),
    ("+34 6 44 84 56 44", None, "+34644845644"),
    ("+ 1 203 724 5950", None, "+12037245950"),
    ("05 56 11 32 15", "FR", "+33556113215"),
    ("02 35 52 56 00", "FR", "+33235525600"),
    ("0475 12 34 56", "BE", "+32475123456"),
    ("030 1234567", "DE", "+49301234567"),
    ("+33 (0)1 44 55 66 77", None, "+33144556677"),
])
def test_to_e164(raw: str, hint: str | None, expected: str) -> None:
    assert to_e164(raw, hint) == expected


@pytest.mark.parametrize(("raw", "hint"), [("02 37 20 24 24", None), ("123", "FR"), ("hello", "FR"), ("", "FR")])
def test_unreadable_numbers(raw: str, hint: str | None) -> None:
    assert to_e164(raw, hint) is None


def test_country_and_validity() -> None:
    assert phone_country("+33237202424") == "FR"
    assert phone_country("+32476650438") == "BE"
    assert phone_country("+34644845644") == "ES"
    assert phone_country("not a number") is None
    assert is_valid_phone("+33237202424")
    assert not is_valid_phone("+33000000000")
    assert not is_valid_phone("garbage")
