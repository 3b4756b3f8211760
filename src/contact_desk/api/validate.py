"""Client-side checks of form values, before anything is sent (Qt-free).

Each check returns the normalised value or raises ``Invalid`` with a message
for the field. Phones are parsed with Google's libphonenumber port and
normalised to E.164, with a default region for numbers typed without +, and
shown to people in one style (``phone_for_people``, for the window and ``--labels``).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

import phonenumbers

from contact_desk.api.schema import DialectSchema, Field, Kind

_EMAIL = re.compile(r"^[^@\s\"<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$")


class Invalid(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_SEPARATORS = re.compile(r"[\s().\-/]")


def phone_e164(text: str, region: str = "IT") -> str:
    """'+39 333 123 4567', '333 1234567' (region IT), '0039…' -> '+393331234567'. A number
    already written in E.164 (what the API stores) is taken as it is: the server's rule,
    even where libphonenumber does not know the range yet."""
    raw = text.strip()
    if _E164.match(raw):
        return raw
    compact = _SEPARATORS.sub("", raw)
    if raw.startswith("+") and _E164.match(compact):
        return compact  # "+39 333 123 4567": E.164 written with spaces
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, None if raw.startswith("+") else region)
    except phonenumbers.NumberParseException:
        raise ValueError("not a phone number") from None
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def url(text: str) -> str:
    value = text.strip()
    if "://" not in value:
        value = "https://" + value
    scheme, _, rest = value.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if scheme.lower() not in ("http", "https") or not _HOST.match(host):
        raise ValueError("not a web address")
    return value


def check(field: Field, value: Any, region: str = "IT") -> Any:
    """The value to send for ``field``, or raises Invalid. Empty text becomes None."""
    if isinstance(value, str):
        value = value.strip() or None
    if value is None:
        if field.required:
            raise Invalid(field.name, "required")
        return None
    try:
        if field.kind is Kind.EMAIL and not _EMAIL.match(value):
            raise ValueError("not a valid email address")
        if field.kind is Kind.PHONE:
            return phone_e164(value, region)
        if field.kind is Kind.URL:
            return url(value)
        if field.kind is Kind.DATE:
            try:
                day = value if isinstance(value, date) else date.fromisoformat(str(value).strip()[:10])
            except ValueError:
                raise ValueError("not a date") from None
            return day.isoformat()
        if field.kind is Kind.COUNTRY:
            if not re.fullmatch(r"[A-Za-z]{2}", value):
                raise ValueError("a two-letter country code, like IT")
            return value.upper()
        known = {c.value for c in field.choices}
        if field.kind is Kind.ENUM and not field.open_choices and value not in known:
            raise ValueError("not one of the choices")
    except ValueError as exc:
        raise Invalid(field.name, str(exc)) from None
    return value


def at_least_one_missing(schema: DialectSchema, values: dict[str, Any]) -> bool:
    return bool(schema.at_least_one) and not any(values.get(n) for n in schema.at_least_one)


@functools.lru_cache(maxsize=4096)
def phone_for_people(e164: str) -> str:
    """+393331234567 as +39 333 123 4567. A number libphonenumber cannot format is grouped the
    same way (the calling code, then threes) rather than shown in its own style; text that is
    not a number (letters, an extension) stays as it came."""
    try:
        number = phonenumbers.parse(e164, None)
        if phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        pass
    return _grouped(e164)


def _grouped(text: str) -> str:
    stripped = text.strip()
    if not stripped or not _PHONE_CHARS.fullmatch(stripped):
        return text  # letters, an extension, anything but a plain number: as it came
    digits = "".join(ch for ch in stripped if ch.isdigit())
    head = ""
    if stripped.startswith("+") or stripped.startswith("00"):
        digits = digits[2:] if stripped.startswith("00") else digits
        code = next((digits[:n] for n in (1, 2, 3) if int(digits[:n] or 0) in COUNTRY_CODES), "")
        head, digits = (f"+{code} " if code else "+"), digits[len(code):]
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:  # no lone digit at the end: 123 4567, not 123 456 7
        groups[-2:] = [groups[-2] + groups[-1]]
    return (head + " ".join(groups)).strip()


_PHONE_CHARS = re.compile(r"[+\d\s().\-/]+")
COUNTRY_CODES = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
