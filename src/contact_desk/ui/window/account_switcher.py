"""Which account the window shows: the switcher's list, switching (once the open
forms' unsaved changes are settled), opening an account's dialect with its key, its
remembered filters, and the Accounts dialog."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from contact_desk.accounts import AccountError, KeyringProblem
from contact_desk.api import Query, errors, open_dialect
from contact_desk.ui.accounts.accounts_dialog import AccountsDialog
from contact_desk.ui.widgets.messages import describe

if TYPE_CHECKING:
    from contact_desk.ui.window.main_window import MainWindow


class AccountSwitching(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.dialog: AccountsDialog | None = None
        self._local = False  # the filter bar has a search box for the offline copy

    def load(self, select: str | None = None) -> None:
        """Fills the switcher; shows the welcome page when there is no account."""
        try:
            accounts = self.w.services.accounts.all()
        except AccountError as exc:
            accounts = []
            self.w.welcome.busy("")
            self.w.welcome.status.setText(str(exc))
        self.w.switcher.blockSignals(True)
        self.w.switcher.clear()
        for a in accounts:
            self.w.switcher.addItem(a.title, a.id)
        self.w.switcher.blockSignals(False)
        if not accounts:
            self.w.pages.setCurrentWidget(self.w.welcome)
            self.show(None)
            return
        self.w.pages.setCurrentIndex(1)
        last = self.w.state.last_account
        target = select if select and self.w.switcher.findData(select) >= 0 else (
            self.w.account.id if self.w.account and self.w.switcher.findData(self.w.account.id) >= 0
            else last if last and self.w.switcher.findData(last) >= 0 else accounts[0].id)
        self.w.switcher.setCurrentIndex(self.w.switcher.findData(target))
        if self.w.account is None or self.w.account.id != target or select:
            self.show(target)

    def activated(self, index: int) -> None:
        account_id = self.w.switcher.itemData(index)
        current = self.w.account.id if self.w.account else None
        if not isinstance(account_id, str) or account_id == current:
            return
        if self.w.account is not None:  # stay put until the forms' unsaved changes are settled
            self.w.switcher.setCurrentIndex(self.w.switcher.findData(self.w.account.id))

        def go() -> None:
            self.w.switcher.setCurrentIndex(self.w.switcher.findData(account_id))
            self.show(account_id)

        self.w.registry.leave(go)

    def show(self, account_id: str | None) -> None:
        """Switches the table to another account; the previous one's work is cancelled,
        its filters remembered for when it comes back."""
        if self.w.account is not None:
            self.w.state.remember_query(self.w.account.id, self.w.filter_bar.query())
        self.w.banner.hide()
        self.w._save_header()
        self.w._switching = True
        try:
            self._show(account_id)
        finally:
            self.w._switching = False

    def _show(self, account_id: str | None) -> None:
        previous = self.w.dialect.name if self.w.dialect else None
        self.w.account, self.w.dialect = None, None
        if account_id is not None:
            try:
                account = self.w.services.accounts.find(account_id)
                key = self.w.services.keys.get(account.id, account.name)
                self.w.dialect = open_dialect(self.w.services.http, account.dialect, key, account.base_url)
                self.w.account = account
            except (AccountError, KeyringProblem, errors.ApiError) as exc:
                self.w._fail(describe(exc), lambda: self.show(account_id))
        schema = self.w.dialect.schema if self.w.dialect else None
        shown = self.w.account
        local = shown is not None and self.w.copies.keeps(shown.id)
        if schema is None or (schema.dialect, local) != (previous, self._local):
            self.w.filter_bar.build(schema, local_search=local)
            self._tab_order()
        self._local = local
        if shown is not None:
            self.w.state.last_account = shown.id
            self.w.filter_bar.set_query(self.w.state.query_for(shown.id) or Query())
        self.w.offline_view.account_changed()
        self.w.model.set_source(None)  # until the offline copy is open (milliseconds)

        def ready() -> None:
            if self.w.account is shown:
                self.w._query_changed(self.w.filter_bar.query())

        self.w.copies.open(shown, self.w.dialect, ready)
        self.w.detail.show_contact(None, schema)
        title = f" — {self.w.account.name}" if self.w.account else ""
        self.w.setWindowTitle(self.w.tr("Contact Desk") + title)
        self.w._update_actions()
        self.w.table.setFocus()

    def _tab_order(self) -> None:
        """Account switcher, then the filters left to right, the table, the details."""
        chain = [self.w.switcher, *self.w.filter_bar.focus_chain(), self.w.table, self.w.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def open_dialog(self) -> None:
        if self.dialog is None:
            s = self.w.services
            self.dialog = AccountsDialog(s.accounts, s.keys, s.http, s.tasks, self.w)
            self.dialog.accountsChanged.connect(self._changed)
            self.dialog.accountRemoved.connect(self.w.copies.forget)
            self.dialog.keyChanged.connect(self.w._key_changed)
            self.dialog.accessLearned.connect(self.w._access_learned)
        # The account in the switcher, also when it could not be opened (e.g. its key is missing).
        shown = self.w.switcher.currentData()
        self.dialog.refresh(shown if isinstance(shown, str) else None)
        self.dialog.show()  # non-modal: never exec() on the event loop
        self.dialog.raise_()

    def _changed(self, account_id: str) -> None:
        self.load(select=account_id or None)

    def forget_dialog(self) -> None:
        """The accounts changed wholesale (the demo): the dialog is made anew when opened."""
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
