"""The import's words (``transfer.texts.Text``, made without Qt) in the window's language:
templates translated, fields by their translated labels, numbers as the locale writes them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from contact_desk.api.schema import DialectSchema
from contact_desk.models.format import field_label
from contact_desk.transfer.texts import Text, joined


def shown(texts: Text | Sequence[Text], schema: DialectSchema | None = None) -> str:
    def label(name: str) -> str:
        try:
            return field_label(schema.field(name)) if schema is not None else name
        except KeyError:  # a name the server used that our schema does not know
            return name

    def number(value: object) -> str:
        return QLocale().toString(value) if isinstance(value, int) else str(value)

    items = (texts,) if isinstance(texts, Text) else tuple(texts)
    return joined(items, QCoreApplication.translate, label, number)
