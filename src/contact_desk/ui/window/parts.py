"""What the window's controllers (the sidebar, the overview, duplicates, the search over every
account) may use of the main window: its parts, typed, so they need not import the window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QLocale

from contact_desk.accounts import Account
from contact_desk.api import Dialect
from contact_desk.api.dialect import Query
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.filter_bar import FilterBar
from contact_desk.ui.context import Services
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.offline.offline_view import OfflineView
from contact_desk.ui.window.dialog_host import DialogHost
from contact_desk.ui.window.editing import Editing
from contact_desk.ui.window.state import WindowState


class WindowParts(Protocol):
    services: Services
    state: WindowState
    account: Account | None
    dialect: Dialect | None
    copies: OfflineCopy
    filter_bar: FilterBar
    offline_view: OfflineView
    table: ContactTableView
    model: ContactTableModel
    host: DialogHost
    editing: Editing

    def show_account(self, account_id: str | None) -> None: ...

    def query_changed(self, query: Query) -> None: ...

    def locale(self) -> QLocale: ...

    def activateWindow(self) -> None: ...
