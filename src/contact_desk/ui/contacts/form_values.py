"""The contact form's checks put in words (translated, with an example date in the locale's
format) and a field's value as the contact was loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from contact_desk.api.models import Contact
from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema, Field, Kind
from contact_desk.models.format import date_format, field_label

_CLIENT_MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("ContactForm", "This field is required."),
    "not a valid email address": QT_TRANSLATE_NOOP("ContactForm", "This is not a valid email address."),
    "not a phone number": QT_TRANSLATE_NOOP("ContactForm", "This is not a phone number."),
    "not a valid phone number": QT_TRANSLATE_NOOP(
        "ContactForm", "This phone number is not valid (use the international form, e.g. +39…)."
    ),
    "not a web address": QT_TRANSLATE_NOOP(
        "ContactForm", "This is not a web address (e.g. https://www.example.com)."
    ),
    "a two-letter country code, like IT": QT_TRANSLATE_NOOP(
        "ContactForm", "Use a two-letter country code, like IT."
    ),
    "not one of the choices": QT_TRANSLATE_NOOP("ContactForm", "Choose one of the listed values."),
    "not a date": QT_TRANSLATE_NOOP("ContactForm",
                                    "This is not a date: type it like {example} or 1990-03-15."),
}


def initial_value(field: Field, contact: Contact | None) -> Any:
    """A field's value as the contact was loaded (None for a new one); dates as yyyy-MM-dd."""
    if contact is None:
        return None
    value = getattr(contact, field.attr)
    if field.kind is Kind.DATE and isinstance(value, str):
        return value[:10]
    return value


def client_message(problem: str) -> str:
    """What the form says of a value its own checks refused (api/validate.py's words)."""
    example = QLocale().toString(QDate(1990, 3, 15), date_format())
    text = QCoreApplication.translate("ContactForm", _CLIENT_MESSAGES.get(problem, problem))
    return text.replace("{example}", example)


def unchangeable(schema: DialectSchema) -> str:
    """An edit form's word on the fields it lacks because the service cannot change them after
    creation (SmartCQ's email and tags): "" when it can change every field it creates."""
    fixed = [field_label(f) for f in schema.creatable if not f.patchable]
    if not fixed:
        return ""
    return QCoreApplication.translate(
        "ContactForm", "{fields} cannot be changed here: {service} does not let them be changed after a "
        "contact is created.").format(fields=", ".join(fixed), service=schema.title)
