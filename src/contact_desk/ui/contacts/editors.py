"""One editor per field kind, behind one small interface (value, set_value, changed)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from contact_desk.api.schema import Field, Kind
from contact_desk.api.validate import phone_e164, phone_for_people
from contact_desk.models.format import date_format
from contact_desk.ui.contacts.country_editor import CountryEditor
from contact_desk.ui.contacts.editor_base import Editor


def default_region() -> str:
    """The phone region for numbers typed without +: the user's locale, Italy when unknown."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code.upper() if len(code) == 2 and code.isalpha() else "IT"


class LineEditor(Editor):
    def __init__(self, field: Field, parent: QWidget, region: str = "IT") -> None:
        self.field = field
        self.region = region
        self.edit = QLineEdit(parent)
        self.widget = self.edit
        hints = {Kind.EMAIL: "mario.rossi@example.com", Kind.PHONE: "+39 333 123 4567",
                 Kind.URL: "https://www.example.com", Kind.COUNTRY: "IT"}
        if field.kind in hints:
            self.edit.setPlaceholderText(hints[field.kind])
        if field.kind is Kind.COUNTRY:  # editor_for gives a CountryEditor; this one for a code alone
            self.edit.setMaxLength(2)
            self.edit.setValidator(QRegularExpressionValidator(r"[A-Za-z]{0,2}", self.edit))
        if field.kind is Kind.PHONE:
            self.edit.editingFinished.connect(self._normalise_phone)

    def _normalise_phone(self) -> None:
        """Shows the number grouped as people read it (+39 347 136 0743) once the user leaves the
        field; what is stored is its E.164 form (``value``)."""
        text = self.edit.text().strip()
        if text:
            with contextlib.suppress(ValueError):  # the form's check says what is wrong
                self.edit.setText(phone_for_people(phone_e164(text, self.region)))

    def value(self) -> Any:
        text = self.edit.text().strip()
        if self.field.kind is Kind.COUNTRY:
            return text.upper()
        if self.field.kind is Kind.PHONE and text:
            with contextlib.suppress(ValueError):  # not a number: as typed, and the check says why
                return phone_e164(text, self.region)
        return text

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.field.kind is Kind.PHONE and text:
            with contextlib.suppress(ValueError):
                text = phone_for_people(phone_e164(text, self.region))
        self.edit.setText(text)

    def on_change(self, fn: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda _t: fn())


class TextEditor(Editor):
    def __init__(self, parent: QWidget) -> None:
        self.edit = QPlainTextEdit(parent)
        self.edit.setMaximumHeight(90)
        self.widget = self.edit

    def value(self) -> Any:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def on_change(self, fn: Callable[[], None]) -> None:
        self.edit.textChanged.connect(fn)


class EnumEditor(Editor):
    """Readable labels; an open list (the vendor's "contract, consent, ...") also takes typed values."""

    def __init__(self, field: Field, parent: QWidget, allow_none: bool) -> None:
        self.field = field
        self.combo = QComboBox(parent)
        self.widget = self.combo
        if allow_none:
            self.combo.addItem("—", None)
        for c in field.choices:
            self.combo.addItem(QCoreApplication.translate("fields", c.label), c.value)
        self.combo.setEditable(field.open_choices)

    def value(self) -> Any:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text)
            if index >= 0:
                return self.combo.itemData(index)
            return text or None
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            self.combo.addItem(str(value), value)  # a value the schema does not know: kept, not lost
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))

    def on_change(self, fn: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda _i: fn())
        self.combo.editTextChanged.connect(lambda _t: fn())


class TagsEditor(Editor):
    """Comma-separated tags, completing the word being typed from the tags already seen."""

    def __init__(self, parent: QWidget, known: Iterable[str]) -> None:
        self.edit = QLineEdit(parent)
        self.edit.setPlaceholderText(QCoreApplication.translate("form", "tags, separated by commas"))
        self.widget = self.edit
        self._model = QStringListModel(sorted(set(known)), self.edit)
        self.completer = QCompleter(self._model, self.edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._insert)
        self.edit.textEdited.connect(self._complete)

    def _current_word(self) -> str:
        return self.edit.text()[: self.edit.cursorPosition()].split(",")[-1].strip()

    def _complete(self, _text: str) -> None:
        word = self._current_word()
        if word:
            self.completer.setCompletionPrefix(word)
            self.completer.complete()

    def _insert(self, tag: str) -> None:
        parts = [p.strip() for p in self.edit.text().split(",")]
        parts[-1] = tag
        self.edit.setText(", ".join(p for p in parts if p) + ", ")

    def value(self) -> Any:
        tags = [t.strip() for t in self.edit.text().split(",") if t.strip()]
        return list(dict.fromkeys(tags)) or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(", ".join(value or []))

    def on_change(self, fn: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda _t: fn())


class DateEditor(Editor):
    """A date typed as text: in the locale's short format (19/02/1960 in Italy) or ISO
    (1960-02-19), empty for none. Select-all, Delete and Tab work as in any text field; the
    button (or Alt+Down, F4) opens a calendar on the date typed, else on today. What cannot be
    read as a date is left as typed, for the form to mark."""

    def __init__(self, parent: QWidget) -> None:
        self.widget = QWidget(parent)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.edit = QLineEdit(self.widget)
        self.edit.setPlaceholderText(QLocale().toString(QDate(1990, 3, 15), date_format()))
        self.edit.setClearButtonEnabled(True)
        self.button = QToolButton(self.widget)
        self.button.setText("▾")
        self.button.setAccessibleName(QCoreApplication.translate("form", "Choose a date"))
        self.button.setToolTip(QCoreApplication.translate("form", "Choose a date (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the text to the next field
        self.button.clicked.connect(self.open_calendar)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.widget.setFocusProxy(self.edit)
        for keys in (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), QKeySequence(Qt.Key.Key_F4)):
            shortcut = QShortcut(keys, self.edit, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def date(self) -> QDate | None:
        """The date typed (None: empty or not a date)."""
        return parse_date(self.edit.text())

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        typed = parse_date(text)
        return typed.toString("yyyy-MM-dd") if typed is not None else text

    def set_value(self, value: Any) -> None:
        d = QDate.fromString(str(value)[:10], "yyyy-MM-dd") if value else QDate()
        self.edit.setText(QLocale().toString(d, date_format()) if d.isValid() else "")

    def on_change(self, fn: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda _t: fn())

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self.widget)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("date-calendar")
        calendar.setMaximumDate(QDate.currentDate().addYears(10))
        calendar.setSelectedDate(self.date() or QDate.currentDate())

        def chosen(day: QDate) -> None:
            self.edit.setText(QLocale().toString(day, date_format()))
            calendar.close()
            self.edit.setFocus()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)  # Enter on a day
        calendar.move(self.widget.mapToGlobal(self.widget.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar


def parse_date(text: str) -> QDate | None:
    """A date typed in the locale's short format (four- or two-digit year) or ISO; None else."""
    text = text.strip()
    locale = QLocale()
    for fmt in (date_format(), locale.dateFormat(QLocale.FormatType.ShortFormat), "yyyy-MM-dd"):
        day = locale.toDate(text, fmt) if fmt != "yyyy-MM-dd" else QDate.fromString(text, fmt)
        if day.isValid():
            return day
    return None


def editor_for(field: Field, parent: QWidget, *, known_tags: Iterable[str] = (), region: str = "IT",
               creating: bool = True) -> Editor:
    if field.kind is Kind.ENUM:
        return EnumEditor(field, parent, allow_none=not field.required and (creating or field.open_choices))
    if field.kind is Kind.TAGS:
        return TagsEditor(parent, known_tags)
    if field.kind is Kind.DATE:
        return DateEditor(parent)
    if field.kind is Kind.MULTILINE:
        return TextEditor(parent)
    if field.kind is Kind.COUNTRY:
        return CountryEditor(parent)
    return LineEditor(field, parent, region)
