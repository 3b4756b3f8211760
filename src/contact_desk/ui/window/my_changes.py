"""View → My changes: every change made from this computer, kept per account beside its copy
(``mirror/journal.py``). The window's parts hand it what they wrote (``record``); the dialog
lists it, exports it as CSV, and undoes one entry with the Undo's rule (only the fields it set,
only where the server still holds its values)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from contact_desk.api import Dialect, errors
from contact_desk.files import FileProblem
from contact_desk.mirror.changes.journal import UNDO, Entry, Journal, journal_path
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import BulkResult, Changed, undo
from contact_desk.transfer.history_export import entries_of, write_history_csv
from contact_desk.ui.insight.history_dialog import HistoryDialog
from contact_desk.ui.transfer.undo_words import undo_words
from contact_desk.ui.widgets.messages import describe

log = logging.getLogger("contact_desk.ui")


class MyChanges(QObject):
    said = Signal(str)  # what an Undo of one entry did, or why My changes could not be kept
    contactSaved = Signal(object)  # a Contact an Undo of one entry put back: shown at once

    def __init__(self, tasks: Tasks, folder: Callable[[], Path | None],
                 shown: Callable[[], tuple[str, str, Dialect] | None], parent: QWidget) -> None:
        """``folder``: where the copies are (None: nothing is kept); ``shown``: the account shown
        (id, name, dialect)."""
        super().__init__(parent)
        self.tasks, self.folder, self.shown, self.window = tasks, folder, shown, parent
        self.action = QAction(self.tr("&My changes…"), parent)
        self.action.setToolTip(self.tr("Every change made from this computer to this account's contacts"))
        self.action.triggered.connect(self.open_dialog)
        self.dialog: HistoryDialog | None = None
        self.save_dialog: QFileDialog | None = None

    def journal(self, account_id: str) -> Journal | None:
        folder = self.folder()
        return Journal(journal_path(account_id, folder)) if folder is not None else None

    def record(self, changes: Iterable[Changed], source: str, account_id: str | None = None) -> None:
        """Keeps what was just written to ``account_id`` (the account shown when None)."""
        shown = self.shown()
        account = account_id or (shown[0] if shown else None)
        journal = self.journal(account) if account else None
        if journal is None:
            return
        entries = entries_of(changes, source)
        try:
            journal.record(entries)
        except (OSError, sqlite3.Error) as exc:  # the change is made; only its record is missing
            log.warning("My changes could not record %d change(s): %s", len(entries), exc)
            self.said.emit(self.tr("The change was saved, but My changes could not record it: {why}").format(
                why=str(exc)))
        if self.dialog is not None and self.dialog.isVisible() and shown and shown[0] == account:
            self.dialog.show_entries(journal.recent())

    def open_dialog(self) -> HistoryDialog | None:
        shown = self.shown()
        journal = self.journal(shown[0]) if shown else None
        if shown is None or journal is None:
            self.said.emit(self.tr("My changes are kept with the offline copies; none are kept here."))
            return None
        if self.dialog is None:
            self.dialog = HistoryDialog(self.window)
            self.dialog.undoWanted.connect(self.undo_entry)
            self.dialog.exportWanted.connect(self.export)
        self.dialog.open_for(shown[1], shown[2].schema, journal.recent())
        return self.dialog

    def undo_entry(self, entry: Entry) -> None:
        """Undo this change: the fields it set, where the server still holds them."""
        shown = self.shown()
        if shown is None or self.dialog is None:
            return
        account_id, _name, dialect = shown
        change = Changed(entry.contact_id, entry.before, entry.after, entry.request_id, entry.name)
        dialog = self.dialog

        async def run() -> None:
            try:
                back = await undo(dialect, BulkResult(changed=[change]))
            except errors.ApiError as exc:
                dialog.say(describe(exc), error=True)
                return
            for contact in back.saved:
                self.contactSaved.emit(contact)
            self.record(back.changed, UNDO, account_id)
            dialog.say(undo_words(dialect, back), error=bool(back.failed))

        if entry.before:  # a create has nothing to put back (neither API deletes)
            self.tasks.spawn(run(), name="undo-entry")

    def export(self) -> None:
        shown = self.shown()
        journal = self.journal(shown[0]) if shown else None
        if shown is None or journal is None or self.dialog is None:
            return
        chooser = self.save_dialog = QFileDialog(self.dialog, self.tr("Export my changes"),
                                                 f"{shown[1]} - my changes.csv", self.tr("CSV files (*.csv)"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.fileSelected.connect(lambda path: self.export_to(Path(path), journal))
        chooser.open()  # never exec() on the event loop

    def export_to(self, path: Path, journal: Journal) -> None:
        if self.dialog is None:
            return
        try:
            count = write_history_csv(path, journal.recent())
        except (FileProblem, sqlite3.Error) as exc:
            self.dialog.say(str(exc), error=True)
            return
        self.dialog.say(self.tr("Exported %Ln change(s) to {path}", "", count).format(path=str(path)),
                        error=False)
