"""The window's views beyond one list: View → Overview, Tools → Possible duplicates and
Edit → Search every account (Ctrl+Shift+F). Each reads offline copies off the window's thread
(connections of their own) and hands the window what to show or filter."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from contact_desk.accounts import AccountError
from contact_desk.api.dialect import Query
from contact_desk.mirror import across, overview
from contact_desk.mirror.search import SearchTooLong, words
from contact_desk.ui.insight.everywhere_dialog import EverywhereDialog
from contact_desk.ui.insight.overview_dialog import OverviewDialog

if TYPE_CHECKING:
    from contact_desk.ui.window.main_window import MainWindow


class InsightControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.overview_action = QAction(self.tr("&Overview…"), window)
        self.overview_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O))
        self.overview_action.setStatusTip(self.tr("Counts and charts of this account's contacts, from the "
                                                  "offline copy"))
        self.overview_action.triggered.connect(self.open_overview)
        self.overview: OverviewDialog | None = None
        self.everywhere_action = QAction(self.tr("Search &every account…"), window)
        self.everywhere_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_F))
        self.everywhere_action.setStatusTip(self.tr("One search over every account's offline copy"))
        self.everywhere_action.triggered.connect(self.open_everywhere)
        self.everywhere: EverywhereDialog | None = None
        self._searching: asyncio.Task[None] | None = None
        self._cache: dict[tuple[str, str], tuple[float | None, overview.Overview]] = {}

    def offered(self) -> str:
        """'' when the open account's copy can be read for these views, else why not."""
        w = self.w
        if w.account is None or w.dialect is None:
            return self.tr("Open an account first.")
        return w.offline_view.filters_why_not(w.copies.keeps(w.account.id)).replace(
            self.tr("Filters on any field"), self.tr("This view"))

    # -- one search over every account --------------------------------------------------------
    def open_everywhere(self) -> EverywhereDialog:
        dialog = self.everywhere
        if dialog is None:
            dialog = self.everywhere = EverywhereDialog(self.w)
            dialog.searchWanted.connect(self.search_everywhere)
            dialog.openWanted.connect(self.open_found)
        dialog.show()
        dialog.raise_()
        dialog.box.setFocus()
        dialog.box.selectAll()
        return dialog

    def search_everywhere(self, text: str) -> None:
        w, dialog = self.w, self.everywhere
        if dialog is None:
            return
        try:
            accounts = w.services.accounts.all()
            words(text)
        except (AccountError, SearchTooLong) as exc:
            dialog.said.setText(str(exc))
            return
        if not text:
            dialog.show_results(text, accounts, [])
            return
        if w.copies.folder is None:
            dialog.said.setText(self.tr("No offline copies are kept here: there is nothing to search."))
            return
        places = [across.Place(a.id, a.dialect, w.copies.folder) for a in accounts]
        if self._searching is not None:
            self._searching.cancel()  # its answer would be stale

        async def run() -> None:
            found = await across.search_all(places, Query(search=text))
            dialog.show_results(text, accounts, found)

        self._searching = w.services.tasks.spawn(run(), name="search-everywhere")

    def open_found(self, account_id: str, contact_id: str) -> None:
        """The account shown with every contact listed (no filter hides it), the contact selected."""
        w = self.w
        w.table.select_when_loaded(contact_id)
        if w.account is None or w.account.id != account_id:
            w.state.remember_query(account_id, Query())
            w.show_account(account_id)
        else:
            w.filter_bar.set_query(Query())
            w.query_changed(Query())
        w.activateWindow()

    # -- the overview -------------------------------------------------------------------------
    def open_overview(self) -> OverviewDialog | None:
        w = self.w
        why = self.offered()
        if why or w.account is None or w.dialect is None:
            w.host.say(why, 8000)
            return None
        if self.overview is not None:
            self.overview.close()
        dialog = self.overview = OverviewDialog(w.account.name, w.dialect.schema, w)
        dialog.filterWanted.connect(w.side.apply_where)
        dialog.periodChanged.connect(lambda period: self._fill_overview(dialog, period))
        dialog.show()
        self._fill_overview(dialog, overview.MONTHS)
        return dialog

    def _fill_overview(self, dialog: OverviewDialog, period: str) -> None:
        w = self.w
        if w.account is None or w.dialect is None:
            return
        account_id, dialect, folder = w.account.id, w.dialect.name, w.copies.folder
        synced = w.copies.status.synced_at if w.copies.status else None
        kept = self._cache.get((account_id, period))
        if kept is not None and kept[0] == synced:  # nothing synced since: shown at once
            dialog.show_overview(kept[1], self._note(kept[1], synced))
            return
        count = w.copies.status.contacts if w.copies.status else 0
        dialog.loading(self.tr("Counting {count} contacts in the offline copy…").format(
            count=w.locale().toString(count)))

        async def compute() -> None:
            started = time.monotonic()
            found = await asyncio.to_thread(overview.of_copy, account_id, dialect, folder, period=period)
            if found is None:
                dialog.loading(self.tr("The offline copy cannot be read now."))
                return
            self._cache[(account_id, period)] = (synced, found)
            if dialog.isVisible():
                dialog.show_overview(found, self._note(found, synced, time.monotonic() - started))

        w.services.tasks.spawn(compute(), name="overview")

    def _note(self, found: overview.Overview, synced: float | None, seconds: float | None = None) -> str:
        locale = self.w.locale()
        when = self.w.offline_view.clock(synced, with_date=True)
        text = self.tr("{count} contacts (archived ones apart), from the offline copy synced {when}.")
        text = text.format(count=locale.toString(found.contacts), when=when)
        if seconds is not None and seconds >= 1:
            took = locale.toString(round(seconds, 1))
            text += " " + self.tr("Counted in {seconds} s.").format(seconds=took)
        return text
