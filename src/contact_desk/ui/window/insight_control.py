"""The window's views beyond one list: View → Overview, Tools → Possible duplicates and
Edit → Search every account (Ctrl+Shift+F). Each reads offline copies off the window's thread
(connections of their own) and hands the window what to show or filter."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from contact_desk.accounts import Account, AccountError
from contact_desk.api.dialect import Condition, Query
from contact_desk.api.models import Contact
from contact_desk.api.schema import SCHEMAS
from contact_desk.files import FileProblem, atomic_write
from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten
from contact_desk.mirror.changes.journal import COPY_TO
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.local_copy import copy_path
from contact_desk.mirror.query import across, overview
from contact_desk.mirror.query import duplicates as dup
from contact_desk.mirror.query.search import SearchTooLong, words
from contact_desk.transfer.writers import write_mixed_csv
from contact_desk.ui.context import Services
from contact_desk.ui.host import Navigator, Target
from contact_desk.ui.insight.duplicates_dialog import DuplicatesDialog, Shown
from contact_desk.ui.insight.everywhere_dialog import EverywhereDialog
from contact_desk.ui.insight.overview_dialog import OverviewDialog
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.window.editing import Editing


class InsightControl(QObject):
    said = Signal(str, int)  # a passing status message, for this many ms
    windowWanted = Signal()  # the main window should come to the front (a contact opened in it)

    def __init__(self, services: Services, navigator: Navigator, copies: OfflineCopy, editing: Editing,
                 clock: Callable[[float | None, bool], str], main: QWidget) -> None:
        super().__init__(main)
        self.services, self.navigator, self.copies, self.editing = services, navigator, copies, editing
        self.clock, self.main = clock, main
        self.overview_action = QAction(self.tr("&Overview…"), main)
        self.overview_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O))
        self.overview_action.setStatusTip(self.tr("Counts and charts of this account's contacts, from the "
                                                  "offline copy"))
        self.overview_action.triggered.connect(self.open_overview)
        self.overview: OverviewDialog | None = None
        self.everywhere_action = QAction(self.tr("Search &every account…"), main)
        self.everywhere_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_F))
        self.everywhere_action.setStatusTip(self.tr("One search over every account's offline copy"))
        self.everywhere_action.triggered.connect(self.open_everywhere)
        self.everywhere: EverywhereDialog | None = None
        self._searching: asyncio.Task[None] | None = None
        self._kept: dict[across.Place, CopyFile] = {}  # the copies' connections while the dialog is open
        self.duplicates_action = QAction(self.tr("Possible &duplicates…"), main)
        self.duplicates_action.setStatusTip(self.tr("Contacts with the same email, the same phone, or the "
                                                    "same name and one more field, from the offline copies"))
        self.duplicates_action.triggered.connect(self.open_duplicates)
        self.duplicates: DuplicatesDialog | None = None
        self._scanned: list[Account] = []  # the accounts of the last scan, by source index
        self.save_dialog: QFileDialog | None = None
        self._cache: dict[tuple[str, str], tuple[float | None, overview.Overview]] = {}

    def offered(self) -> str:
        """'' when the open account's copy can be read for these views, else why not."""
        account, copies = self.navigator.account, self.copies
        if account is None or self.navigator.dialect is None:
            return self.tr("Open an account first.")
        if not copies.keeps(account.id):
            return self.tr("This needs an offline copy of this account (File → Offline copy → Keep an "
                           "offline copy).")
        if copies.status is None or not copies.status.complete:
            return self.tr("This is offered once the offline copy holds every contact: its first sync is "
                           "not finished.")
        return ""

    # -- one search over every account --------------------------------------------------------
    def open_everywhere(self) -> EverywhereDialog:
        dialog = self.everywhere
        if dialog is None:
            dialog = self.everywhere = EverywhereDialog(self.main)
            dialog.searchWanted.connect(self.search_everywhere)
            dialog.finished.connect(lambda _r: across.close_all(self._kept))
            dialog.openWanted.connect(self.open_found)
        dialog.show()
        dialog.raise_()
        dialog.box.setFocus()
        dialog.box.selectAll()
        return dialog

    def search_everywhere(self, text: str) -> None:
        dialog, folder = self.everywhere, self.copies.folder
        if dialog is None:
            return
        try:
            accounts = self.services.accounts.all()
            words(text)
        except (AccountError, SearchTooLong) as exc:
            dialog.said.setText(str(exc))
            return
        if not text:
            dialog.show_results(text, accounts, [])
            return
        if folder is None:
            dialog.said.setText(self.tr("No offline copies are kept here: there is nothing to search."))
            return
        places = [across.Place(a.id, a.dialect, folder) for a in accounts]
        if self._searching is not None:
            self._searching.cancel()  # its answer would be stale

        async def run() -> None:
            found = await across.search_all(places, Query(search=text), dialog.limit, kept=self._kept)
            dialog.show_results(text, accounts, found)

        self._searching = self.services.tasks.spawn(run(), name="search-everywhere")

    def open_found(self, account_id: str, contact_id: str) -> None:
        """The account shown as the user left it, the contact selected and in view; when its
        search or filters hide the contact, every contact is shown (the list a click away)."""
        self.navigator.show(Target(account_id, select=contact_id, reveal=True))
        self.windowWanted.emit()

    # -- possible duplicates -------------------------------------------------------------------
    def open_duplicates(self) -> DuplicatesDialog | None:
        why = self.offered()
        if why:
            self.said.emit(why, 8000)
            return None
        dialog = self.duplicates
        if dialog is None:
            dialog = self.duplicates = DuplicatesDialog(self.main)
            dialog.scanWanted.connect(self.scan_duplicates)
            dialog.groupChosen.connect(lambda g: self.services.tasks.spawn(self._show_group(g), name="group"))
            dialog.copyWanted.connect(self.copy_into)
            dialog.exportWanted.connect(self.ask_export)
            dialog.dismissWanted.connect(self.dismiss)
        dialog.show()
        dialog.raise_()
        self.scan_duplicates(dialog.across.isChecked())
        return dialog

    def _dismissed(self) -> set[str]:
        return self.services.accounts.dismissed().all()

    @staticmethod
    def _group_key(group: dup.Group, accounts: list[Account]) -> str:
        members = sorted(f"{accounts[m.source].id}/{m.id}" for m in group.members)
        return "\x1f".join([group.reason, group.key, *members])

    def scan_duplicates(self, across_all: bool) -> None:
        dialog, folder, shown = self.duplicates, self.copies.folder, self.navigator.account
        if dialog is None or folder is None or shown is None:
            return
        try:
            accounts = self.services.accounts.all() if across_all else [shown]
        except AccountError as exc:
            dialog.said.setText(str(exc))
            return
        accounts = [a for a in accounts if copy_path(a.id, folder).exists()]
        sources = [dup.Source(copy_path(a.id, folder), SCHEMAS[a.dialect]) for a in accounts]
        count = self.copies.status.contacts if self.copies.status else 0
        number = QLocale().toString
        if across_all:
            text = self.tr("Looking for possible duplicates in {accounts} accounts…")
            text = text.format(accounts=len(accounts))
        else:
            text = self.tr("Looking for possible duplicates among {count} contacts…")
            text = text.format(count=number(count))
        dialog.scanning(text)
        loop = asyncio.get_running_loop()

        def progress(done: int, total: int) -> None:  # on the scan's thread
            loop.call_soon_threadsafe(dialog.scanning, text, done, total)

        async def scan() -> None:
            await self._derived()
            groups = await asyncio.to_thread(dup.scan, sources, progress=progress)
            dismissed = self._dismissed()
            shown = [g for g in groups if self._group_key(g, accounts) not in dismissed]
            self._scanned = accounts
            said = self.tr("%Ln group(s) of possible duplicates.", "", len(shown))
            if len(groups) > len(shown):
                said += " " + self.tr("{n} marked “not duplicates” are left out.").format(
                    n=number(len(groups) - len(shown)))
            dialog.show_groups(shown, said)

        self.services.tasks.spawn(scan(), name="duplicates")

    async def _show_group(self, group: dup.Group) -> None:
        dialog, accounts = self.duplicates, self._scanned
        if dialog is None:
            return
        by_source: dict[int, list[str]] = {}
        for m in group.members:
            by_source.setdefault(m.source, []).append(m.id)
        found: dict[tuple[int, str], Contact] = {}
        for source, ids in by_source.items():
            account = accounts[source]
            got = await across.contacts(across.Place(account.id, account.dialect, self.copies.folder), ids)
            found.update({(source, i): c for i, c in got.items()})
        members = [Shown(accounts[m.source].id, accounts[m.source].name, SCHEMAS[accounts[m.source].dialect],
                         found[(m.source, m.id)]) for m in group.members if (m.source, m.id) in found]
        dialog.show_members(group, members)

    def copy_into(self, target: Shown, field: str, value: object) -> None:
        """An edit of ``target`` with ``value`` in ``field``: the usual form, saved (or not) by the user."""
        shown = self.navigator.account
        if shown is None or shown.id != target.account_id:
            self.navigator.show(Target(target.account_id, select=target.contact.id, reveal=True))
        form = self.editing.open_form(target.contact)
        if form is None:
            self.said.emit(self.tr("This contact cannot be edited now."), 6000)
            return
        form.origin = COPY_TO  # My changes says where the change came from
        editor = form.editors.get(field)
        if editor is not None:
            editor.set_value(value)
        self.copied_form = form

    def ask_export(self, members: list[Shown]) -> None:
        dialog = self.save_dialog = QFileDialog(self.duplicates, self.tr("Export the group as CSV"), "",
                                                self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda path: self.export(Path(path), members))
        dialog.open()

    def export(self, path: Path, members: list[Shown]) -> bool:
        try:
            with atomic_write(path, text=True) as out:
                write_mixed_csv(out, [(m.account, m.schema, m.contact) for m in members])
        except FileProblem as exc:
            self.said.emit(str(exc), 10_000)
            return False
        said = self.tr("{n} contacts written to {file}").format(n=len(members), file=path.name)
        self.said.emit(said, 6000)
        return True

    def dismiss(self, group: dup.Group) -> None:
        if not self.services.accounts.dismissed().add(self._group_key(group, self._scanned)):
            self.said.emit(self.tr("“Not duplicates” could not be remembered: the settings folder cannot "
                                    "be written."), 8000)

    async def _derived(self) -> None:
        """The open copy's counts and duplicate keys made, if a first sync left them to be."""
        copy = self.copies.copy
        with contextlib.suppress(CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten):
            if copy is not None:
                await copy.ensure_derived()

    def close(self) -> None:
        """The window's end: the copies' connections kept for the search go."""
        across.close_all(self._kept)

    # -- the overview -------------------------------------------------------------------------
    def open_overview(self) -> OverviewDialog | None:
        account, dialect = self.navigator.account, self.navigator.dialect
        why = self.offered()
        if why or account is None or dialect is None:
            self.said.emit(why, 8000)
            return None
        if self.overview is not None:
            self.overview.close()
        dialog = self.overview = OverviewDialog(account.name, dialect.schema, self.main)
        dialog.filterWanted.connect(lambda where: self._bar_chosen(dialog, where))
        dialog.periodChanged.connect(lambda period: self._fill_overview(dialog, period))
        dialog.show()
        self._fill_overview(dialog, overview.MONTHS)
        return dialog

    def _bar_chosen(self, dialog: OverviewDialog, where: tuple[Condition, ...]) -> None:
        if self.navigator.show(Target(where=where)):
            self.said.emit(self.tr("Listed: {bar}. The overview is a key away: Ctrl+Shift+O.").format(
                bar=dialog.chosen_text), 8000)

    def _fill_overview(self, dialog: OverviewDialog, period: str) -> None:
        account, shown, copies = self.navigator.account, self.navigator.dialect, self.copies
        if account is None or shown is None:
            return
        account_id, dialect, folder = account.id, shown.name, copies.folder
        synced = copies.status.synced_at if copies.status else None
        kept = self._cache.get((account_id, period))
        if kept is not None and kept[0] == synced:  # nothing synced since: shown at once
            dialog.show_overview(kept[1], self._note(kept[1], synced))
            return
        count = copies.status.contacts if copies.status else 0
        dialog.loading(self.tr("Counting {count} contacts in the offline copy…").format(
            count=QLocale().toString(count)))

        async def compute() -> None:
            started = time.monotonic()
            await self._derived()
            found = await asyncio.to_thread(overview.of_copy, account_id, dialect, folder, period=period)
            if found is None:
                dialog.loading(self.tr("The offline copy cannot be read now."))
                return
            self._cache[(account_id, period)] = (synced, found)
            if dialog.isVisible():
                dialog.show_overview(found, self._note(found, synced, time.monotonic() - started))

        self.services.tasks.spawn(compute(), name="overview")

    def _note(self, found: overview.Overview, synced: float | None, seconds: float | None = None) -> str:
        locale = QLocale()
        when = self.clock(synced, True)
        schema = self.navigator.dialect.schema if self.navigator.dialect else None
        archives = schema is not None and schema.lists_archived_on_request  # only SmartCQ archives
        text = self.tr("{count} contacts (archived ones apart), from the offline copy synced {when}.") \
            if archives else self.tr("{count} contacts, from the offline copy synced {when}.")
        text = text.format(count=locale.toString(found.contacts), when=when)
        if seconds is not None and seconds >= 1:
            took = locale.toString(round(seconds, 1))
            text += " " + self.tr("Counted in {seconds} s.").format(seconds=took)
        return text
