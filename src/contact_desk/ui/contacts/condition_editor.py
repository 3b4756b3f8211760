"""One filter on any field, edited: how it compares and to what (a text, a choice, a day, a month).
Its words (``describe``) are also the chip's text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.dialect import Condition
from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.mirror.query import conditions as cond
from contact_desk.mirror.query.conditions import FieldFilter
from contact_desk.models.format import date_format


def field_label(f: FieldFilter) -> str:
    return QCoreApplication.translate("fields", f.label)


_OPS = {
    cond.CONTAINS: QT_TRANSLATE_NOOP("filters", "contains"), cond.IS: QT_TRANSLATE_NOOP("filters", "is"),
    cond.EMPTY: QT_TRANSLATE_NOOP("filters", "is empty"),
    cond.FILLED: QT_TRANSLATE_NOOP("filters", "is not empty"),
    cond.HAS: QT_TRANSLATE_NOOP("filters", "include"), cond.EQUALS: QT_TRANSLATE_NOOP("filters", "is"),
    cond.FROM: QT_TRANSLATE_NOOP("filters", "from (day included)"),
    cond.TO: QT_TRANSLATE_NOOP("filters", "until (day included)"),
    cond.BIRTHDAY: QT_TRANSLATE_NOOP("filters", "is in the month"),
}
_CHIP_OPS = {  # as a chip says it, shorter than the editor (the same word where it can: "include")
    cond.FROM: QT_TRANSLATE_NOOP("filters", "from"),
    cond.TO: QT_TRANSLATE_NOOP("filters", "until"), cond.BIRTHDAY: QT_TRANSLATE_NOOP("filters", "in"),
}


def op_label(op: str, *, chip: bool = False) -> str:
    text = _CHIP_OPS.get(op) if chip else None
    return QCoreApplication.translate("filters", text or _OPS[op])


def value_label(f: FieldFilter, c: Condition) -> str:
    """The condition's value as the user reads it: a choice's label, a date and a month in the
    interface's language."""
    locale = QLocale()
    if c.op in (cond.EMPTY, cond.FILLED):
        return ""
    if c.op in (cond.FROM, cond.TO):
        day = QDate.fromString(c.value, Qt.DateFormat.ISODate)
        return locale.toString(day, date_format())
    if c.op == cond.BIRTHDAY:
        if c.value == "this":
            return QCoreApplication.translate("filters", "this month")
        if c.value == "next":
            return QCoreApplication.translate("filters", "next month")
        return locale.standaloneMonthName(int(c.value))
    for choice in f.choices:
        if choice.value == c.value:
            return QCoreApplication.translate("fields", choice.label)
    return "“" + c.value + "”"


def describe(f: FieldFilter, c: Condition) -> str:
    """"City contains “Milano”", "Tags include “vip”", "Created from 01/02/2026"."""
    value = value_label(f, c)
    return " ".join(p for p in (field_label(f), op_label(c.op, chip=True), value) if p)


class ConditionEditor(QDialog):
    """Add or change a filter: opened with ``open()``; ``chosen`` says the condition on OK."""

    chosen = Signal(object)  # Condition

    def __init__(self, f: FieldFilter, current: Condition | None, parent: QWidget | None = None, *,
                 known: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("condition-editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.field = f
        self.setWindowTitle(self.tr("Filter by {field}").format(field=field_label(f)))
        form = QFormLayout()
        self.op = QComboBox(self)
        self.op.setObjectName("condition-op")
        for op in f.ops:
            self.op.addItem(op_label(op), op)
        form.addRow(self.tr("&Keep contacts whose {field}").format(field=field_label(f).lower()), self.op)
        self.values = QStackedWidget(self)
        self.text = QLineEdit(self)
        self.text.setObjectName("condition-text")
        self.text.setMaxLength(cond.MAX_VALUE)
        self._complete(known)
        self.choice = QComboBox(self)
        self.choice.setObjectName("condition-choice")
        self.choice.setEditable(f.open_choices)  # a vendor's open list: other values exist
        for choice in f.choices:
            self.choice.addItem(QCoreApplication.translate("fields", choice.label), choice.value)
        self.day = QDateEdit(self)
        self.day.setObjectName("condition-day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format())  # four-digit years, as everywhere
        self.day.setDate(QDate.currentDate())
        self.month = self._months()
        self.none = QLabel("", self)
        for w in (self.text, self.choice, self.day, self.month, self.none):
            self.values.addWidget(w)
        self.value_caption = QLabel(self.tr("&Value"), self)
        self.value_caption.setBuddy(self.values)
        form.addRow(self.value_caption, self.values)
        self.problem = QLabel("", self)
        self.problem.setObjectName("condition-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.op.currentIndexChanged.connect(self._op_changed)
        if current is not None:
            self.op.setCurrentIndex(max(0, self.op.findData(current.op)))
            self._show(current)
        self._op_changed()

    def _months(self) -> QComboBox:
        month = QComboBox(self)
        month.setObjectName("condition-month")
        month.addItem(self.tr("this month"), "this")
        month.addItem(self.tr("next month"), "next")
        for m in range(1, 13):
            month.addItem(QLocale().standaloneMonthName(m), str(m))
        return month

    def _complete(self, known: Sequence[str]) -> None:
        """The account's tags, completed on any part as the New form's Tags field does."""
        if known:
            completer = QCompleter(list(known), self.text)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.text.setCompleter(completer)

    def _show(self, c: Condition) -> None:
        if c.op in (cond.FROM, cond.TO):
            self.day.setDate(QDate.fromString(c.value, Qt.DateFormat.ISODate))
        elif c.op == cond.BIRTHDAY:
            self.month.setCurrentIndex(max(0, self.month.findData(c.value)))
        elif c.op == cond.EQUALS:
            index = self.choice.findData(c.value)
            if index >= 0:
                self.choice.setCurrentIndex(index)
            else:
                self.choice.setEditText(c.value)
        else:
            self.text.setText(c.value)

    def _op_changed(self) -> None:
        op = self.op.currentData()
        shown: dict[str, QWidget] = {cond.FROM: self.day, cond.TO: self.day, cond.BIRTHDAY: self.month,
                                     cond.EQUALS: self.choice, cond.EMPTY: self.none, cond.FILLED: self.none}
        widget = shown.get(op, self.text)
        self.values.setCurrentWidget(widget)
        self.value_caption.setVisible(widget is not self.none)
        self.values.setVisible(widget is not self.none)
        self.value_caption.setBuddy(widget)
        self.problem.hide()

    def condition(self) -> Condition:
        op = str(self.op.currentData())
        if op in (cond.FROM, cond.TO):
            value = self.day.date().toString(Qt.DateFormat.ISODate)
        elif op == cond.BIRTHDAY:
            value = str(self.month.currentData())
        elif op == cond.EQUALS:
            data, typed = self.choice.currentData(), self.choice.currentText()
            listed = data is not None and self.choice.itemText(self.choice.currentIndex()) == typed
            value = str(data) if listed else typed.strip()  # an open list: a value typed in
        elif op in (cond.EMPTY, cond.FILLED):
            value = ""
        else:
            value = self.text.text().strip()
        return Condition(self.field.name, op, value)

    def _ok(self) -> None:
        c = self.condition()
        if c.op in (cond.CONTAINS, cond.IS, cond.HAS, cond.EQUALS) and not c.value:
            self.problem.setText(self.tr("Type what {field} should contain or be.").format(
                field=field_label(self.field).lower()))
            self.problem.show()
            self.text.setFocus()
            return
        self.chosen.emit(c)
        self.accept()
