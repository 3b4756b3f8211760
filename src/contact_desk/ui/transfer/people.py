"""The window's export for people: field labels and values as the window shows them (choice
labels, countries by name, phones grouped), in the interface's language."""

from __future__ import annotations

from typing import Any

from contact_desk.api.schema import Field
from contact_desk.models.format import display, field_label


class ForPeople:
    """transfer.writers.Presenter from the window's own formatting."""

    def header(self, field: Field) -> str:
        return field_label(field)

    def text(self, field: Field, value: Any) -> str:
        return display(field, value)
