"""What the window shows of the offline copy: where the rows come from and how fresh
they are, the sync's progress, the offline banner, the sort a header click asks for, and
the copy's menu commands. ``OfflineCopy`` does the work; this says it. Which source the table
reads is the Navigator's choice (``ui/window/browse.py``)."""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QMessageBox, QStatusBar, QWidget

from contact_desk.mirror import SyncProgress
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.format import date_format
from contact_desk.models.row_sources import SourceKind
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.widgets.eliding_label import ElidingLabel
from contact_desk.ui.widgets.palette import ThemeWatcher

INTERVALS = (5, 15, 60, 240)  # minutes between full syncs, offered in the menu
RELOAD_AFTER_MS = 150  # the copy's changes that come together reload the list once


class OfflineView(QObject):
    reloadWanted = Signal(bool)  # the list should load again; whether the scroll is kept
    reopenWanted = Signal(str)  # the account should be shown anew (its copy kept or forgotten)
    offlineSaid = Signal(str)  # the server cannot be reached: the banner says this
    onlineAgain = Signal()  # the server answers again
    actionsChanged = Signal()  # what can be done changed (offline: no creating or editing)
    said = Signal(str, int)  # a passing status message, for this many ms
    filtersOffered = Signal(str)  # '' when filters on any field can apply, else why not (in words)
    sortWanted = Signal(object, bool)  # (field, descending) or None; whether the list reloads for it

    def __init__(self, copy: OfflineCopy, model: ContactTableModel, header: QHeaderView, status: QStatusBar,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.copy = copy
        self.model = model
        self.header = header
        # Where the rows come from: elided when the window is narrow, never widening it.
        self.label = ElidingLabel(status)
        self.label.setObjectName("source-label")
        self.label.setWhatsThis(self.tr(
            "<b>Where the rows come from</b><p>The server, or the offline copy kept on this computer, and "
            "how recent it is. With a complete copy the list works without a connection, and what you "
            "save waits in the outbox until the server answers.</p>"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # by its link
        self.link = QLabel(status)
        self._link_text()
        ThemeWatcher(self, self._link_text)  # a rich-text link keeps the colour of its palette
        self.link.setObjectName("sync-link")
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.linkActivated.connect(self._link)
        self.link.hide()
        status.addPermanentWidget(self.label, 1)
        status.addPermanentWidget(self.link)
        self._tick = QTimer(self)  # "synced 3 minutes ago" stays true
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.update_label)
        self._tick.start()
        self._build_actions(parent)
        self.sync_action.triggered.connect(copy.sync_now)
        self.keep_action.toggled.connect(self._keep_toggled)
        self.forget_action.triggered.connect(self._ask_forget)
        copy.progress.connect(self._progress)
        copy.statusChanged.connect(self._status_changed)
        copy.offlineChanged.connect(self._offline_changed)
        copy.contentChanged.connect(self._content_changed)
        copy.problem.connect(lambda text: self.said.emit(text, 10_000))
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        self.prompt: QMessageBox | None = None
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_AFTER_MS)
        self._reload.timeout.connect(lambda: self.reloadWanted.emit(True))

    def _build_actions(self, parent: QWidget) -> None:
        """The copy's commands, under File (the window puts them in its menu)."""
        self.sync_action = QAction(self.tr("&Sync the offline copy now"), parent)
        self.sync_action.setStatusTip(self.tr("Bring every contact of this account into the offline copy"))
        self.keep_action = QAction(self.tr("&Keep an offline copy"), parent)
        self.keep_action.setCheckable(True)
        self.keep_action.setStatusTip(self.tr("A copy of this account's contacts on this computer: search "
                                              "and sorting of every contact, and the list when offline"))
        self.forget_action = QAction(self.tr("&Forget the offline copy…"), parent)
        self.forget_action.setStatusTip(self.tr("Delete this account's copy from this computer and keep "
                                                "none"))
        self.interval_menu = QMenu(self.tr("Sync &every"), parent)
        group = QActionGroup(self)
        for minutes in INTERVALS:
            text = self.tr("{n} minutes").format(n=QLocale().toString(minutes)) if minutes < 60 else \
                self.tr("1 hour") if minutes == 60 else \
                self.tr("{n} hours").format(n=QLocale().toString(minutes // 60))
            a = self.interval_menu.addAction(text)
            a.setCheckable(True)
            a.setChecked(minutes == self.copy.interval_min())
            a.triggered.connect(lambda _on, m=minutes: self._set_interval(m))
            group.addAction(a)

    def stop(self) -> None:
        """The window's end: a reload still pending (the copy changed a moment ago) never runs."""
        self._reload.stop()
        self._tick.stop()

    def update_actions(self) -> None:
        account = self.copy.account
        keeps = account is not None and self.copy.keeps(account.id)
        available = account is not None and self.copy.folder is not None
        self.keep_action.blockSignals(True)
        self.keep_action.setChecked(keeps)
        self.keep_action.blockSignals(False)
        self.keep_action.setEnabled(available)
        self.sync_action.setEnabled(keeps and self.copy.copy is not None and self.copy.syncing is None)
        self.forget_action.setEnabled(keeps)
        self.filtersOffered.emit(self.filters_why_not(keeps))

    def filters_why_not(self, keeps: bool) -> str:
        """Why filters on any field cannot apply now ('' when they can): neither API has them,
        so they read the offline copy, and only a complete one gives every match."""
        status = self.copy.status
        if not keeps:
            return self.tr("Filters on any field need an offline copy of this account "
                           "(File → Offline copy → Keep an offline copy).")
        if status is None or not status.complete:
            return self.tr("Filters on any field are offered once the offline copy holds every "
                           "contact: its first sync is not finished.")
        if not status.search_complete:
            return self.tr("Filters on any field are offered once the offline copy's search index "
                           "is built.")
        return ""

    # -- the status line ----------------------------------------------------------------
    def update_label(self) -> None:
        text, link = self._label_text()
        self.label.set_full_text(text + (" ·" if link else ""))
        self.link.setVisible(link)

    def _link_text(self) -> None:
        self.link.clear()
        self.link.setText('<a href="sync">' + self.tr("Sync now") + "</a>")

    def _label_text(self) -> tuple[str, bool]:
        """The text, and whether "Sync now" follows it."""
        c, m = self.copy, self.model
        if c.syncing is not None:
            return self._progress_text(c.syncing), False
        st = c.status
        if c.copy is None or st is None:
            return "", False
        when = self._when(st.synced_at)
        if m.source_kind is not SourceKind.LOCAL:
            if not st.complete:  # a search or the list from the server: the copy has nothing to add
                return "", False
            text = self.tr("Offline copy: %Ln contact(s), synced {when}", "", st.contacts)
            return text.format(when=when), True
        if c.offline:
            return self.tr("Offline copy from {time}").format(time=self.clock(st.synced_at)), False
        if not st.complete:
            return self.tr("Searched in the %Ln contact(s) synced so far; the copy is being completed", "",
                           st.contacts), False
        if m.query.search and not st.search_complete:
            return self.tr("Searched in {done} of {total} contacts: the search index is being built").format(
                done=QLocale().toString(st.searchable or 0), total=QLocale().toString(st.contacts)), False
        if m.query.search:
            return self.tr("Searched in the copy synced {when}").format(when=when), True
        return self.tr("From the offline copy, synced {when}").format(when=when), True

    def _progress_text(self, p: SyncProgress) -> str:
        number = QLocale().toString
        total = self.copy.status.contacts if self.copy.status is not None else 0
        if p.searchable is not None and total:
            return self.tr("Every contact is in the offline copy; building its search index: {done} of "
                           "{total}").format(done=number(min(p.searchable, total)), total=number(total))
        if p.expected and p.fetched < p.expected:
            text = self.tr("Syncing the offline copy: {done} of {total} contacts").format(
                done=number(p.fetched), total=number(p.expected))
            eta = p.eta()
            if eta is not None and p.fetched > 0:
                text += ", " + (self.tr("about {n} s left").format(n=number(max(1, round(eta)))) if eta < 90
                                else self.tr("about {n} min left").format(n=number(round(eta / 60))))
            return text
        if p.fetched:
            return self.tr("Syncing the offline copy: %Ln contact(s)", "", p.fetched)
        return self.tr("Syncing the offline copy…")

    def _when(self, stamp: float | None) -> str:
        if stamp is None:
            return self.tr("never")
        ago = max(0.0, time.time() - stamp)
        number = QLocale().toString
        if ago < 60:
            return self.tr("just now")
        if ago < 3600:
            minutes = int(ago // 60)
            return self.tr("1 minute ago") if minutes == 1 else \
                self.tr("{n} minutes ago").format(n=number(minutes))
        if ago < 86400:
            hours = int(ago // 3600)
            return self.tr("1 hour ago") if hours == 1 else self.tr("{n} hours ago").format(n=number(hours))
        return self.tr("on {date}").format(date=self.clock(stamp, with_date=True))

    def clock(self, stamp: float | None, with_date: bool = False) -> str:
        if stamp is None:
            return self.tr("never")
        from PySide6.QtCore import QDateTime

        moment = QDateTime.fromSecsSinceEpoch(int(stamp))
        same_day = moment.date() == QDateTime.currentDateTime().date()
        locale, short = QLocale(), QLocale.FormatType.ShortFormat
        if same_day and not with_date:
            return locale.toString(moment.time(), short)
        return locale.toString(moment, f"{date_format()} {locale.timeFormat(short)}")  # a four-digit year

    def _link(self, href: str) -> None:
        if href == "sync":
            self.copy.sync_now()

    # -- what the copy says -----------------------------------------------------------------
    def _progress(self, _p: SyncProgress | None) -> None:
        self.update_label()
        self.update_actions()

    def _status_changed(self) -> None:
        self.model.allow_sorting(self.copy.can_sort())
        if not self.copy.can_sort():
            self.sortWanted.emit(None, False)  # no sort offered any more (the list reloads when it changes)
        self.update_label()
        self.update_actions()

    def _content_changed(self) -> None:
        """The copy changed: a table reading it reloads, in place; one reading the server
        switches to the copy once it is complete."""
        wanted = self.copy.source_for(self.model.query, self.model.sort_order)
        if self.model.source_kind is SourceKind.LOCAL or wanted is not None:
            self._reload.start()  # many changes in a row (an Undo of 50 contacts): one reload

    def _offline_changed(self, offline: bool) -> None:
        if self.model.source_kind is SourceKind.LOCAL or offline:
            self.reloadWanted.emit(True)
        else:
            self.update_label()
        if offline:
            self.say_offline()
        else:
            self.onlineAgain.emit()
        self.actionsChanged.emit()

    def say_offline(self) -> None:
        when = self.clock(self.copy.status.synced_at if self.copy.status else None)
        status = self.copy.status
        if status is not None and status.complete:  # a save waits in the outbox (outbox_control.py)
            self.offlineSaid.emit(self.tr(
                "Offline: the server cannot be reached. Showing the offline copy from {time}; what you "
                "create or edit waits on this computer and is sent when the server answers.").format(
                time=when))
            return
        self.offlineSaid.emit(self.tr("Offline: the server cannot be reached. Showing the offline copy from "
                                    "{time}; creating and editing come back when the server answers.").format(
            time=when))

    # -- sorting ------------------------------------------------------------------------
    def _header_clicked(self, section: int) -> None:
        name = self.model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole)
        if not isinstance(name, str):
            return
        if not self.copy.can_sort():
            self.show_sort(None)
            why = (self.tr("Sorting needs a complete offline copy: it is offered as soon as the sync "
                           "has finished.") if self.copy.copy is not None else
                   self.tr("Sorting needs an offline copy of this account (File → Offline copy → Keep an "
                           "offline copy): the server lists newest first only."))
            self.said.emit(why, 8000)
            return
        now = self.model.sort_order
        sort = (name, False) if now is None or now[0] != name else (name, True) if not now[1] else None
        self.sortWanted.emit(sort, True)  # a third click: None, back to newest first

    def show_sort(self, sort: tuple[str, bool] | None) -> None:
        header = self.header
        header.blockSignals(True)
        try:
            if sort is None:
                header.setSortIndicatorShown(False)
                header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
                return
            fields = [f.name for f in self.model.fields]
            if sort[0] in fields:
                header.setSortIndicatorShown(True)
                header.setSortIndicator(fields.index(sort[0]), Qt.SortOrder.DescendingOrder if sort[1]
                                        else Qt.SortOrder.AscendingOrder)
        finally:
            header.blockSignals(False)

    def _set_interval(self, minutes: int) -> None:
        self.copy.set_interval(minutes)
        text = self.tr("The offline copy is synced in full every {n} minutes.")
        self.said.emit(text.format(n=QLocale().toString(minutes)), 5000)

    # -- keeping and forgetting -----------------------------------------------------------
    def _keep_toggled(self, keep: bool) -> None:
        account = self.copy.account
        if account is None:
            return
        if keep:
            self.copy.set_keeps(account.id, True)
            self.reopenWanted.emit(account.id)  # opens the copy and starts its first sync
        else:
            self.keep_action.blockSignals(True)
            self.keep_action.setChecked(True)  # stays until confirmed
            self.keep_action.blockSignals(False)
            self._ask_forget()

    def _ask_forget(self) -> None:
        account = self.copy.account
        if account is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Forget the offline copy"),
                          self.tr("Delete the offline copy of {name} from this computer? Searching and "
                                  "sorting then need the server (SmartCQ cannot search), and nothing is "
                                  "shown offline. The contacts on the server are not touched.").format(
                              name=account.title),
                          QMessageBox.StandardButton.Cancel, self.parent_widget)
        confirm = box.addButton(self.tr("&Delete the copy"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirm-forget")
        box.buttonClicked.connect(lambda clicked: self._forget(account.id) if clicked is confirm else None)
        box.open()
        self.prompt = box

    def _forget(self, account_id: str) -> None:
        self.copy.set_keeps(account_id, False)
        self.copy.forget(account_id)
        self.reopenWanted.emit(account_id)
        self.said.emit(self.tr("The offline copy was deleted."), 6000)
