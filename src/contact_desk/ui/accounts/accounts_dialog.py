"""Accounts: add, edit, remove, test connection. Non-modal; keys go to the keyring only."""

from __future__ import annotations

import itertools
import ssl
from collections.abc import Callable

import httpx
from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import (
    Account,
    AccountError,
    AccountStore,
    KeyringProblem,
    KeyStore,
    MemoryKeyStore,
)
from contact_desk.api import ApiKey, Dialect, errors, guess_dialect, open_dialect
from contact_desk.api.network import Route, trace
from contact_desk.api.schema import SCHEMAS
from contact_desk.tasks import Tasks
from contact_desk.ui.widgets.messages import describe, with_request_id
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen


class AccountsDialog(QDialog):
    accountsChanged = Signal(str)  # the id of the account added or changed ("" after a removal)
    accountRemoved = Signal(str)  # its offline copy goes too
    accessLearned = Signal(str, bool)  # account id, whether its key may create and edit
    keyChanged = Signal(str)  # account id: what was learned about its old key no longer holds

    def __init__(self, accounts: AccountStore, keys: KeyStore, http: httpx.AsyncClient, tasks: Tasks,
                 parent: QWidget | None = None, route: Callable[[], Route] = Route) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.accounts, self.keys, self.http, self.tasks = accounts, keys, http, tasks
        self.route = route  # how requests go now (File → Network settings): Test connection says it
        self._busy = False
        self._focus_before: QWidget | None = None
        self._close_when_saved = False
        self._closing = False
        self.prompt: QMessageBox | None = None
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
        for edit in (self.name, self.base_url, self.key):  # a new edit makes "Saved." old news
            edit.textEdited.connect(self._edited)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget, name in ((self.list, self.tr("Accounts")), (self.name, self.tr("Name")),
                             (self.dialect, self.tr("Service")), (self.base_url, self.tr("Address")),
                             (self.key, self.tr("API key")), (self.status, self.tr("Status"))):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Service"), self.dialect)
        form.addRow(self.tr("Address"), self.base_url)
        form.addRow(self.tr("API key"), self.key)
        buttons = self._build_buttons()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)  # Enter saves; only a click or Esc closes
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
        fit_on_screen(self, 720, 360)
        chain = [self.list, self.name, self.dialect, self.base_url, self.key, self.new_button,
                 self.save_button, self.remove_button, self.test_button, self.close_button]
        for first, second in itertools.pairwise(chain):  # the list first, as it is shown
            QWidget.setTabOrder(first, second)
        self.dialect.currentIndexChanged.connect(self._dialect_changed)
        self.refresh()

    def _build_buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test)
        for b in (self.new_button, self.remove_button, self.test_button):
            b.setAutoDefault(False)  # Enter in a field saves; it never starts a new account
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.remove_button, self.test_button):
            buttons.addWidget(b)
        return buttons

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
        else:
            self.list.setFocus()  # the same first focus at every opening: the list, or a new account's name

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
        self.key.setPlaceholderText(
            self.tr("kept in memory for this demo (type to replace)") if isinstance(self.keys, MemoryKeyStore)
            else self.tr("stored in the system keyring (type to replace)"))
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
        """A new account gets the dialect's address, unless the user typed one of their own."""
        typed = self.base_url.text().strip().rstrip("/")
        defaults = {s.default_base_url.rstrip("/") for s in SCHEMAS.values()}
        if self.current() is None and (not typed or typed in defaults):
            self.base_url.setText(SCHEMAS[str(self.dialect.currentData())].default_base_url)

    def _key_typed(self, text: str) -> None:
        guess = guess_dialect(text)
        if guess and self.current() is None:
            self.dialect.setCurrentIndex(self.dialect.findData(guess))

    def _edited(self) -> None:
        if not self._busy:
            self._say("")

    def is_dirty(self) -> bool:
        """Whether the form holds edits not saved: a new account typed, or the shown one changed."""
        account = self.current()
        if self.key.text().strip():
            return True
        if account is None:
            return bool(self.name.text().strip())
        moved = self.base_url.text().rstrip("/") != account.base_url.rstrip("/")
        return self.name.text() != account.name or moved

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close, Esc or the title bar's button with edits not saved asks first: Save, Discard or
        Cancel (QDialog turns a close into reject())."""
        if self._closing or not self.is_dirty():
            super().closeEvent(event)
            return
        event.ignore()
        self._ask_before_closing()

    def reject(self) -> None:
        if self._closing or not self.is_dirty():
            self._closing = False
            super().reject()
            return
        self._ask_before_closing()

    def _ask_before_closing(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Save the account you have typed?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setObjectName("confirm-close")

        def answered(clicked: object) -> None:
            role = box.standardButton(clicked)  # type: ignore[arg-type]
            if role == QMessageBox.StandardButton.Discard:
                self.key.clear()
                self.start_new() if self.current() is None else self._selected()
                self._closing = True
                self.reject()
            elif role == QMessageBox.StandardButton.Save:
                self._close_when_saved = True
                self.save()

        box.buttonClicked.connect(answered)
        box.open()
        self.prompt = box

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(error_css() if error else "")
        self.status.setText(text)

    # -- actions ----------------------------------------------------------------
    def _typed_key(self) -> ApiKey | None:
        text = self.key.text().strip()
        return ApiKey(text) if text else None

    def save(self) -> None:
        """Saves the account; a typed key is tried first (with "save anyway" when the
        server cannot be reached), and what it may do is remembered."""
        if self._busy:
            return
        account = self.current()
        try:
            key = self._typed_key()
            if account is None and key is None:
                self._say(self.tr("Enter the API key."), error=True)
                return
            if key is None:
                self._commit(account, None)
                return
            dialect = open_dialect(self.http, str(self.dialect.currentData()), key, self.base_url.text())
        except (AccountError, KeyringProblem, errors.ApiError) as exc:
            self._say(describe(exc), error=True)
            return
        self._set_busy(True)
        self._say(self.tr("Checking the key…"))
        self.tasks.spawn(self._check_and_save(dialect, account, key), name="check-key")

    async def _check_and_save(self, dialect: Dialect, account: Account | None, key: ApiKey) -> None:
        try:
            _, can_write = await dialect.check_key()
        except (errors.NetworkError, errors.ServerError, errors.RateLimited, errors.ProtocolError) as exc:
            self._set_busy(False)
            self._offer_save_anyway(account, key, describe(exc))
            return
        except errors.ApiError as exc:
            self._set_busy(False)
            self._say(self._refused(exc) + " " + self.tr("Nothing was saved."), error=True)
            return
        self._set_busy(False)
        saved = self._commit(account, key)
        if saved is not None and can_write is not None:
            self.accessLearned.emit(saved.id, can_write)
            if not can_write:
                self._say(self.tr("Saved. This key can only read: creating and editing are off for this "
                                  "account."))

    def _offer_save_anyway(self, account: Account | None, key: ApiKey, reason: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(),
                          self.tr("The key could not be checked: {reason}").format(reason=reason),
                          QMessageBox.StandardButton.Cancel, self)
        anyway = box.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("save-anyway")

        def answered(clicked: object) -> None:
            if clicked is anyway:
                self._commit(account, key)
            else:
                self._say(self.tr("Not saved: the key could not be checked."), error=True)

        box.buttonClicked.connect(answered)
        box.open()  # never exec() on the event loop
        self.prompt = box

    def _commit(self, account: Account | None, key: ApiKey | None) -> Account | None:
        try:
            if account is None:
                assert key is not None
                account = self.accounts.add(self.name.text(), str(self.dialect.currentData()),
                                            self.base_url.text(), key=key, keys=self.keys)
            else:
                account = self.accounts.update(account, name=self.name.text(), base_url=self.base_url.text())
                if key is not None:  # also how a key lost to a crash or a keyring reset is put back
                    self.accounts.set_key(account, key, self.keys)
        except (AccountError, KeyringProblem, errors.ApiError) as exc:
            self._say(describe(exc), error=True)
            return None
        self.key.clear()
        self.refresh(select=account.id)  # selecting it clears the status line, so say it after
        self._say(self.tr("Saved."))
        if self._close_when_saved:
            self._close_when_saved = False
            self.reject()  # saved: nothing left to ask about
        if key is not None:
            self.keyChanged.emit(account.id)
        self.accountsChanged.emit(account.id)
        return account

    def _set_busy(self, busy: bool) -> None:
        focus = self.focusWidget()
        self._busy = busy
        for b in (self.save_button, self.test_button, self.remove_button, self.new_button):
            b.setEnabled(not busy and (b is not self.remove_button or self.current() is not None))
        if busy:
            self._focus_before = focus  # a disabled button would hand the focus (and Enter) on
        elif self._focus_before is not None and self._focus_before.isEnabled():
            self._focus_before.setFocus()

    def remove(self) -> None:
        account = self.current()
        if account is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Remove {name}? Its key is deleted from the keyring; the contacts on "
                                  "the server are not touched.").format(name=account.title),
                          QMessageBox.StandardButton.Cancel, self)
        confirm = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirm-remove")
        box.buttonClicked.connect(lambda clicked: self._remove(account) if clicked is confirm else None)
        box.open()
        self.prompt = box

    def _remove(self, account: Account) -> None:
        try:
            self.accounts.remove(account, self.keys)
        except (AccountError, KeyringProblem) as exc:
            self._say(describe(exc), error=True)
            return
        self.refresh()
        self._say(self.tr("Removed {name}.").format(name=account.name))
        self.accountRemoved.emit(account.id)
        self.accountsChanged.emit("")

    async def _route_words(self, url: str) -> str:
        """Test connection's route, as people read it: direct or which proxy, the certificate's
        issuer and expiry (local date), the answer time. '' when it cannot be told."""
        try:
            seen = await trace(self.http, url, self.route())
        except errors.ApiError:
            return ""
        via = self.tr("directly") if seen.via == "direct" else self.tr("through the proxy {proxy}").format(
            proxy=seen.via)
        text = self.tr("Reached {via} in {ms} ms.").format(via=via, ms=QLocale().toString(round(seen.ms)))
        if seen.issuer and seen.expires:
            until = QDateTime.fromSecsSinceEpoch(int(ssl.cert_time_to_seconds(seen.expires)))
            text += " " + self.tr("Certificate issued by {issuer}, valid until {date}.").format(
                issuer=seen.issuer, date=QLocale().toString(until.date(), QLocale.FormatType.ShortFormat))
        return text

    def _refused(self, exc: errors.ApiError) -> str:
        """What went wrong checking a key, in this dialog's words: a refused key is the one being
        typed here (the window's "edit the account" would send the user where they already are)."""
        if not isinstance(exc, errors.Unauthorized):
            return describe(exc)
        refused = self.tr("The server refused this API key: it may be mistyped, revoked, expired or for "
                          "another service. Check it and enter it again.")
        return with_request_id(refused, exc.request_id)

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
        self._set_busy(True)
        self._say(self.tr("Testing…"))

        async def run() -> None:
            try:
                total, can_write = await dialect.check_key()
            except errors.ApiError as exc:
                self._say(self._refused(exc), error=True)
            else:
                if total is not None:
                    text = self.tr("The connection works: %Ln contact(s).", "", total)
                else:
                    text = self.tr("The connection works.")
                if can_write is False:
                    text += " " + self.tr("This key can only read: it cannot create or edit contacts.")
                self._say(text + " " + await self._route_words(dialect.endpoint.base_url))
            finally:
                self._set_busy(False)

        self.tasks.spawn(run(), name="test-connection")
