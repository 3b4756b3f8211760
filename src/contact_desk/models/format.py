"""How field values read in the table and the detail panel, per field kind."""

from __future__ import annotations

import functools
import re
from typing import Any

import phonenumbers
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from contact_desk.api.schema import Field, Kind


def field_label(field: Field) -> str:
    return QCoreApplication.translate("fields", field.label)


def date_format() -> str:
    """The locale's short date format, with four-digit years (a birthday in 1960 is not 60):
    the same in the table, the details and the form's date field."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


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


def country_name(code: str) -> str:
    """IT as "Italy", or "Italia" in the Italian interface: Qt's English name, translated
    in the "countries" context of our catalogue. An unknown code stays as it is."""
    region = code.strip().upper()
    territory = QLocale.codeToTerritory(region) if len(region) == 2 and region.isalpha() else None
    if territory is None or territory == QLocale.Country.AnyTerritory:
        return code
    return QCoreApplication.translate("countries", QLocale.territoryToString(territory))


def display(field: Field, value: Any) -> str:
    if value is None or value in ("", []):
        return ""
    kind = field.kind
    if kind is Kind.ENUM:
        return QCoreApplication.translate("fields", field.choice_label(value))
    if kind is Kind.TAGS:
        return ", ".join(value)
    if kind is Kind.TIMESTAMP:
        moment = QDateTime.fromString(value, Qt.DateFormat.ISODateWithMs)
        if not moment.isValid():
            return str(value)
        locale = QLocale()
        return locale.toString(moment.toLocalTime(),
                               f"{date_format()} {locale.timeFormat(QLocale.FormatType.ShortFormat)}")
    if kind is Kind.DATE:
        day = QDate.fromString(str(value)[:10], Qt.DateFormat.ISODate)
        return QLocale().toString(day, date_format()) if day.isValid() else str(value)
    if kind is Kind.PHONE:
        return phone_for_people(str(value))
    if kind is Kind.COUNTRY:
        return country_name(str(value))
    if kind is Kind.MULTILINE:
        return " ".join(str(value).split())
    return str(value)


def rows_as_tsv(fields: list[Field], contacts: list[Any]) -> str:
    """Rows as tab-separated text with a header, as spreadsheets paste it."""
    def cell(text: str) -> str:
        return " ".join(text.replace("\t", " ").split())

    lines = ["\t".join(cell(field_label(f)) for f in fields)]
    lines += ["\t".join(cell(display(f, getattr(c, f.attr, None))) for f in fields) for c in contacts]
    return "\n".join(lines) + "\n"
