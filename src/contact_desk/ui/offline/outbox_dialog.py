"""View → Outbox: every change waiting to be sent, with its state (waiting, sending, needs you:
and why, on which field), and Retry, Edit, Discard (asks), Discard all (asks)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema
from contact_desk.mirror.changes import outbox as ob
from contact_desk.models.format import field_label
from contact_desk.ui.contacts.form_clashes import shown_value
from contact_desk.ui.widgets.screen_fit import fit_on_screen

NEEDS_WORDS = {
    ob.CONFLICT: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: someone else changed {field} too"),
    ob.UNKNOWN_TAG: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: a tag the account lacks"),
    ob.EXISTS: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: a contact with this email already exists"),
    ob.INVALID: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: the server refused {field}"),
    ob.REFUSED: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: the server refused the account's key"),
    ob.GONE: QT_TRANSLATE_NOOP("OutboxDialog", "needs you: the contact no longer exists"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutboxDialog", text)


class OutboxDialog(QDialog):
    retryWanted = Signal(int)
    editWanted = Signal(object)  # the Item
    discardWanted = Signal(object)  # its seq, or None: all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutboxDialog")
        self.setWindowTitle(self.tr("Outbox"))
        self.items: list[ob.Item] = []
        self.schema: DialectSchema | None = None
        self.box: QMessageBox | None = None
        outer = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Changes made while the server could not be reached. They are sent, in "
                                    "order and checked against what others changed, when it answers again; "
                                    "quitting loses none of them."), self)
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("outbox-table")
        self.table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Change"), self.tr("State"),
                                              self.tr("Request id")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        outer.addWidget(self.table, 1)
        self.detail = QLabel(self)  # the selected item in full: its change and what it needs
        self.detail.setObjectName("outbox-detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.detail)
        row = QHBoxLayout()
        self.retry = QPushButton(self.tr("&Retry"), self)
        self.edit = QPushButton(self.tr("&Edit…"), self)
        self.discard = QPushButton(self.tr("&Discard…"), self)
        self.discard_all = QPushButton(self.tr("Discard &all…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.retry.clicked.connect(lambda: self._with_current(lambda i: self.retryWanted.emit(i.seq)))
        self.edit.clicked.connect(lambda: self._with_current(self.editWanted.emit))
        self.discard.clicked.connect(lambda: self._with_current(self._ask_discard))
        self.discard_all.clicked.connect(lambda: self._ask_discard(None))
        close.clicked.connect(self.accept)
        for b in (self.retry, self.edit, self.discard, self.discard_all):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        outer.addLayout(row)
        fit_on_screen(self, 900, 480)

    def open_for(self, schema: DialectSchema, items: list[ob.Item], sending: bool) -> None:
        self.schema = schema
        self.show_items(items, sending)
        self.show()
        self.raise_()

    def _state(self, item: ob.Item, sending: bool) -> str:
        if item.state != ob.NEEDS:
            return self.tr("sending") if sending and item.state == ob.SENDING else self.tr("waiting")
        schema = self.schema
        names = {f.name for f in schema.fields} if schema else set()
        label = field_label(schema.field(item.field)) if schema and item.field in names else item.field
        said = _tr(NEEDS_WORDS.get(item.problem, item.problem)).replace("{field}", label)
        if item.problem == ob.CONFLICT and schema is not None:
            for clash in json.loads(item.detail or "[]"):
                f = schema.field(clash["name"])
                said += " — " + self.tr("yours: {yours}; on the server now: {theirs}").format(
                    yours=shown_value(f, clash["yours"]), theirs=shown_value(f, clash["theirs"]))
        elif item.detail and item.problem != ob.EXISTS:
            said += f" ({item.detail})"
        return said

    def show_items(self, items: list[ob.Item], sending: bool) -> None:
        self.items = items
        schema = self.schema
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            what = self.tr("New contact") if item.kind == ob.CREATE else self.tr("Edit")
            fields = "; ".join(f"{field_label(schema.field(k)) if schema else k}: "
                               f"{shown_value(schema.field(k), v) if schema else v}"
                               for k, v in item.values.items())
            cells = [item.name or item.contact_id, f"{what}: {fields}", self._state(item, sending),
                     item.request_id]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 2 and item.state == ob.NEEDS:
                    cell.setData(Qt.ItemDataRole.AccessibleTextRole, text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 340))  # the rest in its tooltip
        self.discard_all.setEnabled(bool(items))
        self._selected()

    def current(self) -> ob.Item | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) and self.table.selectedItems() else None

    def _selected(self) -> None:
        item = self.current()
        row = self.table.currentRow()
        cells = [self.table.item(row, column) for column in (1, 2)] if item is not None else []
        self.detail.setText("\n".join(cell.text() for cell in cells if cell is not None))
        for b in (self.edit, self.discard):
            b.setEnabled(item is not None)
        self.retry.setEnabled(item is not None and item.state == ob.NEEDS)

    def _with_current(self, then: object) -> None:
        item = self.current()
        if item is not None and callable(then):
            then(item)

    def _ask_discard(self, item: ob.Item | None) -> None:
        n = 1 if item is not None else len(self.items)
        box = self.box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), self.tr(
            "Discard %Ln waiting change(s)? They will not be sent, and cannot be brought back.", "", n),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: None)

        def answered(clicked: object) -> None:
            if box.standardButton(clicked) == QMessageBox.StandardButton.Discard:  # type: ignore[arg-type]
                self.discardWanted.emit(item.seq if item is not None else None)

        box.buttonClicked.connect(answered)
        box.open()
