"""The form's country field: chosen by name in the interface's language ("Spagna", "Spain"), typed
with completion on any part of the name; the API's two-letter code is what it holds. A code typed
("ES") or a name in another language ("España", via transfer/countries.py) is taken too."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from contact_desk.models.format import country_name, territories
from contact_desk.transfer.countries import NOT_COUNTRIES, country_code
from contact_desk.ui.contacts.editor_base import Editor


@lru_cache(maxsize=4)
def _codes(_language: str) -> tuple[tuple[str, str], ...]:
    """(name, code) of every territory Qt knows, in the language's alphabetical order."""
    seen = {code: country_name(code) for code in territories() if code not in NOT_COUNTRIES}
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return tuple(sorted(((n, c) for c, n in seen.items()), key=lambda nc: collator.sortKey(nc[0])))


def countries() -> tuple[tuple[str, str], ...]:
    """(name, code) pairs as the interface names them now."""
    return _codes(country_name("IT"))  # the translation in use is part of the key


class CountryEditor(Editor):
    def __init__(self, parent: QWidget) -> None:
        self.combo = QComboBox(parent)
        self.widget = self.combo
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(15)
        self.combo.addItem("", "")
        for name, code in countries():
            self.combo.addItem(name, code)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        line = self.combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(country_name("IT"))

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return ""
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)  # any case
        if index > 0:
            return str(self.combo.itemData(index))
        if len(text) == 2 and text.isalpha():
            return text.upper()
        return country_code(text) or text  # a name in another language, else as typed (the check says)

    def set_value(self, value: Any) -> None:
        code = "" if value is None else str(value).strip().upper()
        index = self.combo.findData(code) if code else 0
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:  # a code Qt does not know: as the API sent it
            self.combo.setEditText(str(value))

    def on_change(self, fn: Callable[[], None]) -> None:
        self.combo.editTextChanged.connect(lambda _t: fn())
        self.combo.currentIndexChanged.connect(lambda _i: fn())
