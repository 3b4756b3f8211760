"""All a dialog may ask of the main window (ui/host.py: WindowHost), answered from the
window's parts: where work runs, which contacts a command covers, the offline copy, a status
message, and the folder a file dialog opens in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QLabel, QStatusBar

from contact_desk.accounts import AccountStore
from contact_desk.mirror import LocalCopy
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.row_sources import SourceKind
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import Changed
from contact_desk.transfer.mapping import Memory
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.host import Scope, Waiting
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.window.state import WindowState


class Recorder(Protocol):
    def record(self, changes: Iterable[Changed], source: str, account_id: str | None = None) -> None: ...


class DialogHost:
    def __init__(self, tasks: Tasks, table: ContactTableView, model: ContactTableModel, copies: OfflineCopy,
                 status: QStatusBar, state: WindowState, accounts: Callable[[], AccountStore]) -> None:
        self._tasks, self.table, self.model, self.copies = tasks, table, model, copies
        self.status, self.state, self._accounts = status, state, accounts
        self._mappings: tuple[AccountStore, Memory] | None = None
        self.recorder: Recorder | None = None  # My changes (the window sets it)
        self.outbox: Waiting | None = None  # the account's outbox (the window sets it)

    @property
    def tasks(self) -> Tasks:
        return self._tasks

    def scope(self) -> Scope:
        selected, missing = self.table.selected_contacts()
        model = self.model
        reads_copy = model.source_kind is SourceKind.LOCAL
        return Scope(selected, missing, model.total, model.query, model.sort_order,
                     self.copies.copy if reads_copy else None)

    def offline_copy(self) -> LocalCopy | None:
        return self.copies.copy

    def say(self, text: str, ms: int = 5000) -> None:
        """A passing message in the status bar, after the rows' count: Qt hides the bar's own
        widgets while a message shows, and the count vanished after every save, create or undo."""
        rows = self.status.findChild(QLabel, "rows-label")
        count = rows.text() if rows is not None else ""
        self.status.showMessage(f"{count}  ·  {text}" if count and text else text, ms)

    def folder_for(self, kind: str) -> Path:
        return self.state.folder_for(kind)

    def remember_folder(self, kind: str, chosen: Path) -> None:
        self.state.remember_folder(kind, chosen)

    def record(self, changes: Iterable[Changed], source: str) -> None:
        if self.recorder is not None:
            self.recorder.record(changes, source)

    def waiting(self) -> Waiting | None:
        return self.outbox

    def mappings(self) -> Memory:
        """Beside the account list; the demo's (accounts in memory) in memory for its life."""
        accounts = self._accounts()
        if self._mappings is None or self._mappings[0] is not accounts:
            self._mappings = (accounts, Memory(accounts.settings_folder))
        return self._mappings[1]
