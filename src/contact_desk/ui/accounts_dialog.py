"""Accounts: add, edit, remove, test connection. Non-modal; keys go to the keyring only."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import Account, AccountError, AccountStore, KeyringProblem, KeyStore
from contact_desk.api import ApiKey, Query, errors, guess_dialect, open_dialect
from contact_desk.api.schema import SCHEMAS
from contact_desk.tasks import Tasks
from contact_desk.ui.messages import describe


class AccountsDialog(QDialog):
    accountsChanged = Signal(str)  # the id of the account added or changed ("" after a removal)

    def __init__(self, accounts: AccountStore, keys: KeyStore, http: httpx.AsyncClient, tasks: Tasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.accounts, self.keys, self.http, self.tasks = accounts, keys, http, tasks
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._selected)
        self.name = QLineEdit(self)
        self.dialect = QComboBox(self)
        for schema in SCHEMAS.values():
            self.dialect.addItem(schema.title, schema.dialect)
        self.base_url = QLineEdit(self)
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.textEdited.connect(self._key_typed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Service"), self.dialect)
        form.addRow(self.tr("Address"), self.base_url)
        form.addRow(self.tr("API key"), self.key)
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.remove_button, self.test_button):
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(close)
        self.resize(720, 360)
        self.dialect.currentIndexChanged.connect(self._dialect_changed)
        self.refresh()

    # -- list -------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        self.list.clear()
        try:
            accounts = self.accounts.all()
        except AccountError as exc:
            self._say(str(exc), error=True)
            accounts = []
        for account in accounts:
            item = QListWidgetItem(account.title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            if account.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0:
            self.start_new()

    def current(self) -> Account | None:
        if self.list.currentRow() < 0:
            return None
        item = self.list.currentItem()
        try:
            return self.accounts.find(str(item.data(Qt.ItemDataRole.UserRole)))
        except AccountError:
            return None

    def _selected(self) -> None:
        account = self.current()
        if account is None:
            return
        self.name.setText(account.name)
        self.dialect.setCurrentIndex(self.dialect.findData(account.dialect))
        self.dialect.setEnabled(False)
        self.base_url.setText(account.base_url)
        self.key.clear()
        self.key.setPlaceholderText(self.tr("stored in the system keyring (type to replace)"))
        self.remove_button.setEnabled(True)
        self._say("")

    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self.name.clear()
        self.dialect.setEnabled(True)
        self.dialect.setCurrentIndex(0)
        self._dialect_changed()
        self.key.clear()
        self.key.setPlaceholderText(self.tr("paste the API key"))
        self.remove_button.setEnabled(False)
        self.name.setFocus()

    def _dialect_changed(self) -> None:
        if self.current() is None:
            self.base_url.setText(SCHEMAS[str(self.dialect.currentData())].default_base_url)

    def _key_typed(self, text: str) -> None:
        guess = guess_dialect(text)
        if guess and self.current() is None:
            self.dialect.setCurrentIndex(self.dialect.findData(guess))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.setText(text)

    # -- actions ----------------------------------------------------------------
    def _typed_key(self) -> ApiKey | None:
        text = self.key.text().strip()
        return ApiKey(text) if text else None

    def save(self) -> None:
        account = self.current()
        try:
            key = self._typed_key()
            if account is None:
                if key is None:
                    self._say(self.tr("Enter the API key."), error=True)
                    return
                account = self.accounts.add(self.name.text(), str(self.dialect.currentData()),
                                            self.base_url.text(), key=key, keys=self.keys)
            else:
                account = self.accounts.update(account, name=self.name.text(), base_url=self.base_url.text())
                if key is not None:  # also how a key lost to a crash or a keyring reset is put back
                    self.accounts.set_key(account, key, self.keys)
        except (AccountError, KeyringProblem, errors.ApiError) as exc:
            self._say(describe(exc), error=True)
            return
        self.key.clear()
        self.refresh(select=account.id)  # selecting it clears the status line, so say it after
        self._say(self.tr("Saved."))
        self.accountsChanged.emit(account.id)

    def remove(self) -> None:
        account = self.current()
        if account is None:
            return
        try:
            self.accounts.remove(account, self.keys)
        except (AccountError, KeyringProblem) as exc:
            self._say(describe(exc), error=True)
            return
        self.refresh()
        self._say(self.tr("Removed {name}.").format(name=account.name))
        self.accountsChanged.emit("")

    def test(self) -> None:
        account = self.current()
        try:
            key = self._typed_key() or (self.keys.get(account.id, account.name) if account else None)
            if key is None:
                self._say(self.tr("Enter the API key."), error=True)
                return
            dialect = open_dialect(self.http, str(self.dialect.currentData()), key, self.base_url.text())
        except (KeyringProblem, errors.ApiError) as exc:
            self._say(describe(exc), error=True)
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing…"))

        async def run() -> None:
            try:
                page = await dialect.list_page(Query(), None, 1)
            except errors.ApiError as exc:
                self._say(describe(exc), error=True)
            else:
                if page.total is not None:
                    self._say(self.tr("The connection works: {n} contacts.").format(n=f"{page.total:,}"))
                else:
                    self._say(self.tr("The connection works."))
            finally:
                self.test_button.setEnabled(True)

        self.tasks.spawn(run(), name="test-connection")
