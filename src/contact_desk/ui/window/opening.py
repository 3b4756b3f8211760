"""A file opened with Contact Desk (``contact-desk FILE``: the file manager's "Open with", a
double click where the installer registered it, macOS's Finder through Qt's FileOpen event): the
window asks which account when there are several, shows it, and opens the Import dialog on the
file. Without an account yet, it says so and opens the file once one is added."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, SignalInstance
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QInputDialog, QWidget

from contact_desk.accounts import Account, AccountError
from contact_desk.ui.host import Navigator, Target

if TYPE_CHECKING:  # the import stack is loaded when a file is first imported
    from contact_desk.ui.transfer.import_dialog import ImportDialog


class FileOpening(QObject):
    def __init__(self, accounts: Callable[[], list[Account]], navigator: Navigator, shown: SignalInstance,
                 added: SignalInstance, import_dialog: Callable[[], ImportDialog | None],
                 say: Callable[[str], None], parent: QWidget) -> None:
        """``shown``: another account is shown; ``added``: the accounts changed; ``import_dialog``:
        File → Import… for the account shown (None, said by it: it cannot import now)."""
        super().__init__(parent)
        self.accounts, self.navigator, self.shown = accounts, navigator, shown
        self.import_dialog, self._say, self.parent_widget = import_dialog, say, parent
        self.pending: Path | None = None  # a file waiting for an account to be added
        self.ask: QInputDialog | None = None
        self.dialog: ImportDialog | None = None
        added.connect(lambda _id: self._added())
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # macOS hands files over as an event, not an argument

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.open(Path(event.file()))
            return True
        return super().eventFilter(watched, event)

    def open(self, path: Path) -> None:
        if not path.is_file():
            missing = self.tr("{file} cannot be opened: it is not there, or not a file.")
            self._say(missing.format(file=path.name))
            return
        try:
            accounts = self.accounts()
        except AccountError as exc:
            self._say(str(exc))
            return
        if not accounts:
            self.pending = path
            self._say(self.tr("To import {file}, add an account first (Accounts…): the file opens in Import "
                              "as soon as there is one.").format(file=path.name))
            return
        if len(accounts) == 1:
            self._into(accounts[0], path)
            return
        shown = self.navigator.account
        ask = self.ask = QInputDialog(self.parent_widget)
        ask.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        ask.setLabelText(self.tr("Into which account?"))
        ask.setComboBoxItems([a.name for a in accounts])
        if shown is not None:
            ask.setTextValue(shown.name)
        ask.textValueSelected.connect(
            lambda name: self._into(next(a for a in accounts if a.name == name), path))
        ask.open()

    def _added(self) -> None:
        path, self.pending = self.pending, None
        if path is not None:
            self.open(path)

    def _into(self, account: Account, path: Path) -> None:
        nav = self.navigator
        if nav.account is not None and nav.account.id == account.id and nav.dialect is not None:
            self._import(path)
            return

        def shown() -> None:
            self.shown.disconnect(shown)
            if nav.account is not None and nav.account.id == account.id:
                self._import(path)
        self.shown.connect(shown)
        nav.show(Target(account.id))

    def _import(self, path: Path) -> None:
        dialog = self.dialog = self.import_dialog()
        if dialog is None:
            name = self.navigator.account.name if self.navigator.account else ""
            refused = self.tr("{file} cannot be imported into {account} now: this account cannot create "
                              "contacts, or the server cannot be reached.")
            self._say(refused.format(file=path.name, account=name))
            return
        dialog.open_file(path)
