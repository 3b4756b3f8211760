"""Edit → Search every account (Ctrl+Shift+F): one search over every account's offline copy, the
results with an Account column, values as people read them, and a "Found in" column where the
words matched a field the row does not show; Enter or a double click opens that account with the
contact selected, and the dialog closes. "Show more" lists more of each account. Accounts whose copy
is incomplete or missing are named, with why; while one is still syncing, the search runs again
every few seconds, the selection kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import Account
from contact_desk.api.models import Contact
from contact_desk.api.schema import SCHEMAS, DialectSchema
from contact_desk.api.validate import phone_for_people
from contact_desk.mirror.query.across import MAX_LIMIT, Found
from contact_desk.mirror.query.search import MAX_TEXT, digits, fold, words
from contact_desk.models.format import display, field_label

TYPING_MS = 150  # the copies answer in milliseconds: a short pause after the last key
AGAIN_MS = 3000  # while a copy is still syncing, the search runs again this often
FIRST_LIMIT = 50  # contacts of each account listed at first; "Show more" lists four times as many
ROLE = Qt.ItemDataRole.UserRole


def found_in(contact: Contact, schema: DialectSchema, text: str, shown: list[str]) -> str:
    """Where the search's words matched, when no column the row shows (``shown``) holds them:
    "City: Milano" (the search also reads cities, companies, tags…). '' when a shown one does."""
    try:
        wanted = [w for w in words(text) if w.text]
    except ValueError:
        return ""

    def has(value: str) -> bool:
        folded, numbers = fold(value), digits(value)
        return any((w.text in numbers) if w.kind in ("phone", "phone_prefix") else (w.text in folded)
                   for w in wanted)

    if not wanted or any(has(v) for v in shown if v):
        return ""
    for field in schema.stored:
        value = getattr(contact, field.attr, None)
        raw = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
        if raw and (has(raw) or has(display(field, value))):
            return f"{field_label(field)}: {display(field, value)}"
    return ""


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
        self.table = _Results(0, 5, self)
        self.table.setObjectName("everywhere-results")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Name"), self.tr("Email"),
                                              self.tr("Phone or company"), self.tr("Found in")])
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
        self.more = QPushButton(self.tr("Show &more"), self)
        self.more.setObjectName("everywhere-more")
        self.more.setToolTip(self.tr("List more of the contacts found in each account"))
        self.more.clicked.connect(self._show_more)
        self.more.hide()
        head = QHBoxLayout()
        head.addWidget(self.said, 1)
        head.addWidget(self.more)
        box = QVBoxLayout(self)
        box.addWidget(self.box)
        box.addLayout(head)
        box.addWidget(self.table, 1)
        self.limit = FIRST_LIMIT  # contacts of each account asked for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_MS)
        self._timer.timeout.connect(self._search)
        self.box.textChanged.connect(self._typed)
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(AGAIN_MS)
        self._again.timeout.connect(self._search)
        self.rows: list[tuple[str, str]] = []  # (account id, contact id) of each row

    def _typed(self, _text: str) -> None:
        self.limit = FIRST_LIMIT
        self._again.stop()
        self._timer.start()

    def _search(self) -> None:
        if self.isVisible():
            self.searchWanted.emit(self.box.text().strip())

    def _show_more(self) -> None:
        self.limit = min(self.limit * 4, MAX_LIMIT)
        self._search()

    def _enter(self) -> None:
        if self.table.rowCount():
            self._open(max(0, self.table.currentRow()))
        else:
            self._timer.stop()
            self._search()

    def _to_results(self) -> None:
        if self.table.rowCount():
            self.table.setFocus()
            self.table.selectRow(max(0, self.table.currentRow()))

    def _open(self, row: int) -> None:
        """The contact opened in its account, and the dialog out of the way (Ctrl+Shift+F brings it
        back as it was)."""
        if 0 <= row < len(self.rows):
            self.openWanted.emit(*self.rows[row])
            self.close()

    def show_results(self, text: str, accounts: list[Account], found: list[Found]) -> None:
        """What each account's copy found for ``text``, and which could only be searched in part."""
        if text != self.box.text().strip():
            return  # an older search: the newer one is on its way
        by_id = {a.id: a for a in accounts}
        chosen = self.rows[self.table.currentRow()] if 0 <= self.table.currentRow() < len(self.rows) else None
        self.table.setRowCount(0)
        self.rows = []
        notes, total, syncing = [], 0, False
        for result in found:
            account = by_id.get(result.account_id)
            name = account.name if account is not None else result.account_id
            if result.problem:
                why = self.tr("{account}: not searched ({why})")
                notes.append(why.format(account=name, why=result.problem))
                continue
            if not result.complete:
                syncing = True
                part = self.tr("{account}: searched as far as its offline copy is synced")
                notes.append(part.format(account=name))
            total += result.total
            schema = SCHEMAS.get(account.dialect) if account is not None else None
            for contact in result.contacts:
                self._add(name, result.account_id, contact, schema, text)
        locale = self.locale()
        head = self.tr("{count} found in {accounts} accounts").format(
            count=locale.toString(total), accounts=locale.toString(sum(1 for f in found if not f.problem)))
        more = total > len(self.rows)
        if more:
            head += " " + self.tr("(the first {shown} shown)").format(shown=locale.toString(len(self.rows)))
        self.said.setText("; ".join([head + "." if not notes else head, *notes]) if text else "")
        self.more.setVisible(bool(text) and more and self.limit < MAX_LIMIT)
        self.table.resizeColumnsToContents()
        if chosen in self.rows:  # a search run again keeps the user's place
            self.table.selectRow(self.rows.index(chosen))
        if syncing and text:
            self._again.start()

    def _add(self, account: str, account_id: str, contact: Contact, schema: DialectSchema | None,
             text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        phone = getattr(contact, "phone_number", None)
        other = phone_for_people(phone) if phone else (getattr(contact, "company", None) or "")
        email = contact.email or ""
        shown = [contact.full_name, email, phone or "", other]
        where = found_in(contact, schema, text, shown) if schema is not None else ""
        for col, value in enumerate((account, contact.full_name, email, other, where)):
            self.table.setItem(row, col, QTableWidgetItem(value))
        self.rows.append((account_id, contact.id))
