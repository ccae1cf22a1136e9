"""Telephone numbers to E.164, read by phonenumbers with the organisation's country as the hint."""
from __future__ import annotations

import re

import phonenumbers

# "+44 (0)1273 952481": the bracketed trunk zero is dialled only inside the country.
_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")
# Phone-shaped spans in running text: an international "+CC" or a national leading 0, then
# digit groups split by single spaces, dots, dashes or slashes. Digit counts are checked later.
PHONE_SHAPE = re.compile(
    r"(?<![\w+])(?:\+[ \u00a0]?[1-9]\d{0,2}(?:[ \u00a0]?\(0\))?|\(0\d{1,4}\)|0\d{0,4})"
    r"(?:[ \u00a0.\-/]?\d{1,4}){2,7}(?![\w])"
)


def to_e164(raw: str, country_hint: str | None) -> str | None:
    """"+32 476 650 438" -> "+32476650438"; "02 37 20 24 24" with hint "FR" -> "+33237202424".

    Returns None when the digits cannot be a number of that country (or, without a leading "+",
    when there is no hint); a possible but unassigned number is still returned: see is_valid_phone.
    """
    text = _TRUNK_ZERO.sub("", raw).strip()
    text = re.sub(r"^\+\s+", "+", text)
    region = country_hint.upper() if country_hint else None
    if not text.startswith("+") and region is None:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_country(e164: str) -> str | None:
    """ISO 3166 alpha-2 country of an E.164 number ("+33237202424" -> "FR")."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "ZZ" else None


def is_valid_phone(e164: str) -> bool:
    """True when the number is assigned in its country's numbering plan, not only the right length."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return False
