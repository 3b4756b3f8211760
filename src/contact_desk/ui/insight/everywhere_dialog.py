"""Edit → Search every account (Ctrl+Shift+F): one search over every account's offline copy, the
results with an Account column; Enter or a double click opens that account with the contact
selected. Accounts whose copy is incomplete or missing are named, with why."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import Account
from contact_desk.api.models import Contact
from contact_desk.mirror.query.across import Found
from contact_desk.mirror.query.search import MAX_TEXT

TYPING_MS = 150  # the copies answer in milliseconds: a short pause after the last key
ROLE = Qt.ItemDataRole.UserRole


class _Results(QTableWidget):
    openWanted = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.openWanted.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class _SearchBox(QLineEdit):
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class EverywhereDialog(QDialog):
    searchWanted = Signal(str)
    openWanted = Signal(str, str)  # account id, contact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("everywhere")
        self.setWindowTitle(self.tr("Search every account"))
        self.resize(820, 520)
        self.box = _SearchBox(self)
        self.box.setObjectName("everywhere-search")
        self.box.setPlaceholderText(self.tr("Name, email, phone, company, city or tag, in every account"))
        self.box.setClearButtonEnabled(True)
        self.box.setMaxLength(MAX_TEXT)
        self.said = QLabel(self)
        self.said.setObjectName("everywhere-said")
        self.said.setWordWrap(True)
        self.table = _Results(0, 4, self)
        self.table.setObjectName("everywhere-results")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Name"), self.tr("Email"),
                                              self.tr("Phone or company")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.openWanted.connect(self._open)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.box.down.connect(self._to_results)
        self.box.returnPressed.connect(self._enter)
        box = QVBoxLayout(self)
        box.addWidget(self.box)
        box.addWidget(self.said)
        box.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_MS)
        self._timer.timeout.connect(lambda: self.searchWanted.emit(self.box.text().strip()))
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.rows: list[tuple[str, str]] = []  # (account id, contact id) of each row

    def _enter(self) -> None:
        if self.table.rowCount():
            self._open(max(0, self.table.currentRow()))
        else:
            self._timer.stop()
            self.searchWanted.emit(self.box.text().strip())

    def _to_results(self) -> None:
        if self.table.rowCount():
            self.table.setFocus()
            self.table.selectRow(max(0, self.table.currentRow()))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.openWanted.emit(*self.rows[row])

    def show_results(self, text: str, accounts: list[Account], found: list[Found]) -> None:
        """What each account's copy found for ``text``, and which could only be searched in part."""
        if text != self.box.text().strip():
            return  # an older search: the newer one is on its way
        names = {a.id: a.name for a in accounts}
        self.table.setRowCount(0)
        self.rows = []
        notes, total = [], 0
        for result in found:
            name = names.get(result.account_id, result.account_id)
            if result.problem:
                why = self.tr("{account}: not searched ({why})")
                notes.append(why.format(account=name, why=result.problem))
                continue
            if not result.complete:
                part = self.tr("{account}: searched as far as its offline copy is synced")
                notes.append(part.format(account=name))
            total += result.total
            for contact in result.contacts:
                self._add(name, result.account_id, contact)
        locale = self.locale()
        head = self.tr("{count} found in {accounts} accounts").format(
            count=locale.toString(total), accounts=locale.toString(sum(1 for f in found if not f.problem)))
        if total > len(self.rows):
            head += " " + self.tr("(the first {shown} shown)").format(shown=locale.toString(len(self.rows)))
        self.said.setText("; ".join([head + "." if not notes else head, *notes]) if text else "")
        self.table.resizeColumnsToContents()

    def _add(self, account: str, account_id: str, contact: Contact) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        other = getattr(contact, "phone_number", None) or getattr(contact, "company", None) or ""
        for col, text in enumerate((account, contact.full_name, contact.email or "", other)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.rows.append((account_id, contact.id))
