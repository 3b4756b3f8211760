"""View → My changes: the list of changes made from this computer to the account shown, newest
first, as people read them (local times, field names, values formatted); Undo this change,
Export as CSV. What it does is said in the dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema
from contact_desk.mirror.changes.journal import BULK, COPY_TO, CREATE, EDIT, IMPORT, KEEP, UNDO, Entry
from contact_desk.models.format import date_format, field_label
from contact_desk.ui.contacts.form_clashes import shown_value
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen

SOURCE_WORDS = {
    EDIT: QT_TRANSLATE_NOOP("HistoryDialog", "Edit form"),
    CREATE: QT_TRANSLATE_NOOP("HistoryDialog", "New contact"),
    BULK: QT_TRANSLATE_NOOP("HistoryDialog", "Change contacts"),
    UNDO: QT_TRANSLATE_NOOP("HistoryDialog", "Undo"),
    COPY_TO: QT_TRANSLATE_NOOP("HistoryDialog", "Copy to… (duplicates)"),
    IMPORT: QT_TRANSLATE_NOOP("HistoryDialog", "Import"),
}


def change_words(schema: DialectSchema, entry: Entry) -> str:
    """ "Stage: Lead → Customer; City: Milano → Torino", fields and values as people read them."""
    parts = []
    for f in schema.fields:
        if f.name not in entry.after and f.name not in entry.before:
            continue
        after = shown_value(f, entry.after.get(f.name))
        if entry.before:
            before = shown_value(f, entry.before.get(f.name))
            parts.append(f"{field_label(f)}: {before} → {after}")
        else:
            parts.append(f"{field_label(f)}: {after}")
    return "; ".join(parts)


class HistoryDialog(QDialog):
    undoWanted = Signal(object)  # the Entry to undo
    exportWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.entries: list[Entry] = []
        self.schema: DialectSchema | None = None
        outer = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("history-table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Contact"), self.tr("Change"),
                                              self.tr("From"), self.tr("Request id")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per change; the whole text in its tooltip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        outer.addWidget(self.table, 1)
        self.said = QLabel(self)
        self.said.setObjectName("history-said")
        self.said.setWordWrap(True)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.said)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo this change"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo)
        self.export_button = QPushButton(self.tr("&Export as CSV…"), self)
        self.export_button.clicked.connect(self.exportWanted)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer.addLayout(buttons)
        fit_on_screen(self, 980, 560)

    def open_for(self, account: str, schema: DialectSchema, entries: list[Entry]) -> None:
        self.setWindowTitle(self.tr("My changes — {account}").format(account=account))
        self.schema = schema
        self.intro.setText(self.tr(
            "Every change made from this computer to this account's contacts, newest first (the last "
            "{n} are kept). Undo this change puts back only the fields it set, where nobody changed them "
            "since.").format(n=QLocale().toString(KEEP)))
        self.say("", error=False)
        self.show_entries(entries)
        self.show()
        self.raise_()

    def show_entries(self, entries: list[Entry]) -> None:
        schema = self.schema
        if schema is None:
            return
        self.entries = entries
        self.table.setRowCount(len(entries))
        locale = QLocale()
        when_format = f"{date_format()} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
        for row, e in enumerate(entries):
            when = QDateTime.fromSecsSinceEpoch(int(e.at)).toLocalTime()
            cells = [locale.toString(when, when_format), e.name, change_words(schema, e),
                     QCoreApplication.translate("HistoryDialog", SOURCE_WORDS.get(e.source, e.source)),
                     e.request_id]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        for column in (0, 1, 3):
            self.table.resizeColumnToContents(column)
        self._selected()

    def current(self) -> Entry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) and self.table.selectedItems() else None

    def _selected(self) -> None:
        entry = self.current()
        self.undo_button.setEnabled(entry is not None and bool(entry.before))
        self.undo_button.setToolTip("" if entry is None or entry.before else
                                    self.tr("A created contact cannot be undone: neither service deletes."))

    def _undo(self) -> None:
        entry = self.current()
        if entry is not None and entry.before:
            self.say(self.tr("Putting the previous values back…"), error=False)
            self.undoWanted.emit(entry)

    def say(self, text: str, error: bool) -> None:
        self.said.setText(text)
        self.said.setStyleSheet(error_css() if error else "")
