"""How field values read in the table and the detail panel, per field kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from contact_desk.api.schema import Field, Kind
from contact_desk.api.validate import phone_for_people


def field_label(field: Field) -> str:
    return QCoreApplication.translate("fields", field.label)


def date_format() -> str:
    """The locale's short date format, with four-digit years (a birthday in 1960 is not 60):
    the same in the table, the details and the form's date field."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


def territories() -> dict[str, str]:
    """Two-letter code -> Qt's English name, for every territory Qt knows (the window's country
    list and the catalogue's "countries" context are both made from it)."""
    names: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if territory != QLocale.Country.AnyTerritory and len(code) == 2 and code.isalpha():
            names.setdefault(code, QLocale.territoryToString(territory))
    return names


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
