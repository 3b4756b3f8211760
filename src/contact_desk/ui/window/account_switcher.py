"""The account switcher: the toolbar's list of accounts, choosing one (once the open forms'
unsaved changes are settled), and the Accounts dialog. It says what was chosen by a signal;
the window shows the account."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from contact_desk.accounts import Account
from contact_desk.api.network import Route
from contact_desk.ui.accounts.accounts_dialog import AccountsDialog
from contact_desk.ui.accounts.network_dialog import NetworkDialog, system_proxy_now
from contact_desk.ui.contacts.form_registry import FormRegistry
from contact_desk.ui.context import Services


class AccountSwitcher(QObject):
    accountChosen = Signal(str)  # an account id, to show
    accountsChanged = Signal(str)  # the Accounts dialog added or changed one ("" after a removal)
    accountRemoved = Signal(str)  # its offline copy goes too
    keyChanged = Signal(str)  # what was learned about the account's old key no longer holds
    accessLearned = Signal(str, bool)  # account id, whether its key may create and edit

    def __init__(self, services: Services, registry: FormRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.registry = registry
        self.parent_widget = parent
        self.combo = QComboBox(parent)
        self.combo.setObjectName("account-switcher")
        self.combo.setAccessibleName(self.tr("Account"))
        self.combo.setWhatsThis(self.tr(
            "<b>Account</b><p>The account whose contacts are shown. Each account is one organisation's "
            "contacts on a SmartCQ or Replicer server; its key is kept in your system's keyring, never "
            "in a file. <i>Accounts…</i> adds, tests or removes them.</p>"))
        self.combo.setMinimumWidth(240)
        self.combo.activated.connect(self._activated)
        self.dialog: AccountsDialog | None = None
        self.shown: str | None = None  # the account the window shows
        services.book.replaced.connect(self.forget_dialog)

    def fill(self, accounts: list[Account], *, shown: str | None, last: str | None,
             select: str | None = None) -> str | None:
        """Lists ``accounts``; returns the one to show: ``select``, else the one shown, else the
        last one used, else the first (None: there is none)."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for a in accounts:
            self.combo.addItem(a.title, a.id)
        self.combo.blockSignals(False)
        if not accounts:
            return None
        listed = {a.id for a in accounts}
        target = next(c for c in (select, shown, last, accounts[0].id) if c in listed)
        self.combo.setCurrentIndex(self.combo.findData(target))
        return target

    def showing(self, account_id: str | None) -> None:
        """The window now shows this account: the list says so."""
        self.shown = account_id
        if account_id is not None and self.combo.findData(account_id) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(account_id))

    def _activated(self, index: int) -> None:
        account_id = self.combo.itemData(index)
        if not isinstance(account_id, str) or account_id == self.shown:
            return
        if self.shown is not None:  # stay put until the forms' unsaved changes are settled
            self.combo.setCurrentIndex(self.combo.findData(self.shown))

        def go() -> None:
            self.combo.setCurrentIndex(self.combo.findData(account_id))
            self.accountChosen.emit(account_id)

        self.registry.leave(go)

    def open_dialog(self) -> AccountsDialog:
        if self.dialog is None:
            s = self.services
            self.dialog = AccountsDialog(s.accounts, s.keys, s.http, s.tasks, self.parent_widget,
                                         route=lambda: s.network.route if s.network is not None else Route())
            self.dialog.accountsChanged.connect(self.accountsChanged)
            self.dialog.accountRemoved.connect(self.accountRemoved)
            self.dialog.keyChanged.connect(self.keyChanged)
            self.dialog.accessLearned.connect(self.accessLearned)
        # The account in the list, also when it could not be opened (e.g. its key is missing).
        current = self.combo.currentData()
        self.dialog.refresh(current if isinstance(current, str) else None)
        self.dialog.show()  # non-modal: never exec() on the event loop
        self.dialog.raise_()
        return self.dialog

    def open_network(self) -> NetworkDialog:
        """File → Network settings…: saved beside the accounts, applied to the client at once."""
        s = self.services
        dialog = self.network_dialog = NetworkDialog(s.accounts.network_choice(), s.keys, system_proxy_now(),
                                                     self.parent_widget)
        dialog.routeChanged.connect(self._route_changed)
        dialog.open()
        return dialog

    def _route_changed(self, route: Route) -> None:
        if self.services.network is not None:
            self.services.network.route = route

    def forget_dialog(self) -> None:
        """The account book was replaced (the demo): the dialog is made anew when opened."""
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
