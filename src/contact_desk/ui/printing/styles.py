"""What each printed style puts on a page, as lines of text in boxes (a ``Block``): the painter
(pages.py) places the blocks, page by page. Values read as the window shows them (phones grouped,
countries by name, local dates)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Qt

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema, Kind
from contact_desk.models.format import display, field_label

PHONE_LIST, CARDS, LABELS = "phone-list", "cards", "labels"
STYLES = (PHONE_LIST, CARDS, LABELS)


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """One contact's lines (a card, a label, a row of the phone list), or a heading (the initial
    letter of the names that follow)."""

    lines: tuple[Line, ...]
    heading: bool = False


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def name_of(contact: Contact) -> str:
    return (contact.full_name or getattr(contact, "company", None) or contact.email or "").strip()


def initial(name: str) -> str:
    """The letter a name files under: "É" under "E", anything but a letter under "#"."""
    first = unicodedata.normalize("NFKD", name.strip()[:1].upper())[:1]
    return first if first.isalpha() else "#"


def _value(schema: DialectSchema, contact: Contact, attr: str) -> str:
    field = next((f for f in schema.fields if f.attr == attr), None)
    return display(field, getattr(contact, attr, None)) if field is not None else ""


def phone_list(contacts: Iterable[Contact], schema: DialectSchema) -> Iterator[Block]:
    """One line a contact: name, company, phone, email; sorted by name as the locale sorts them ("Élodie"
    with the E's), a heading per initial."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    rows = sorted(contacts, key=lambda c: collator.sortKey(name_of(c)))
    letter = None
    for c in rows:
        name = name_of(c)
        if initial(name) != letter:
            letter = initial(name)
            yield Block((Line(letter, bold=True),), heading=True)
        parts = [_value(schema, c, a) for a in ("company", "phone_number", "email")]
        yield Block((Line(name, bold=True), Line("   ".join(p for p in parts if p))))


def cards(contacts: Iterable[Contact], schema: DialectSchema) -> Iterator[Block]:
    """Every field that has a value, under the contact's name."""
    for c in contacts:
        lines = [Line(name_of(c), bold=True)]
        for f in schema.stored:
            if f.kind is Kind.ID:
                continue
            text = display(f, getattr(c, f.attr, None))
            if text:
                lines.append(Line(f"{field_label(f)}: {text}"))
        yield Block(tuple(lines))


def labels(contacts: Iterable[Contact], schema: DialectSchema) -> Iterator[Block]:
    """An address label: name, company, street, postal code and city, country. A contact with no
    address gets its name and company only (SmartCQ keeps no addresses)."""
    for c in contacts:
        lines = [Line(name_of(c), bold=True)]
        company = _value(schema, c, "company")
        if company and company != name_of(c):
            lines.append(Line(company))
        street = _value(schema, c, "street")
        town = " ".join(p for p in (_value(schema, c, "postal_code"), _value(schema, c, "city"),
                                    _value(schema, c, "state")) if p)
        lines += [Line(t) for t in (street, town, _value(schema, c, "country")) if t]
        yield Block(tuple(lines))


def blocks(style: str, contacts: Iterable[Contact], schema: DialectSchema) -> Iterator[Block]:
    makers = {PHONE_LIST: phone_list, CARDS: cards, LABELS: labels}
    return makers[style](contacts, schema)


def style_name(style: str) -> str:
    names = {PHONE_LIST: QCoreApplication.translate("Printing", "Phone list"),
             CARDS: QCoreApplication.translate("Printing", "Contact cards"),
             LABELS: QCoreApplication.translate("Printing", "Address labels")}
    return names[style]
