"""The sidebar in the window, and saved views: View → Sidebar shows it (its width and whether it
is shown are remembered), View → Save view… keeps the list as it is (search, filters, sort,
columns) under a name. Choosing a view or a tag in the sidebar applies it, switching account
first when it is another's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QMainWindow

from contact_desk.accounts import AccountError, View, ViewError, ViewStore
from contact_desk.accounts.views import check_name
from contact_desk.api.dialect import Condition, Query
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror.query import across
from contact_desk.mirror.query import conditions as cond
from contact_desk.ui.context import Services
from contact_desk.ui.host import KEEP, Navigator, Target
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.window.sidebar import ACCOUNT, MAX_TAGS, VIEW, Entry, Sidebar
from contact_desk.ui.window.state import WindowState
from contact_desk.ui.window.view_sharing import ViewSharing

DEFAULT_WIDTH = 220
REFRESH_AFTER_MS = 400  # several changes in a row (a sync's end, a switch): one refresh


class SidebarControl(QObject):
    said = Signal(str, int)  # a passing status message, for this many ms

    def __init__(self, services: Services, navigator: Navigator, copies: OfflineCopy, state: WindowState,
                 main: QMainWindow) -> None:
        super().__init__(main)
        self.services, self.navigator, self.copies, self.state = services, navigator, copies, state
        self.main = main  # where the dock goes
        self.sidebar = Sidebar(main)
        dock = self.dock = QDockWidget(self.tr("Sidebar"), main)
        dock.setObjectName("sidebar-dock")
        dock.setWidget(self.sidebar)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        main.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.toggle = dock.toggleViewAction()
        self.toggle.setText(self.tr("&Sidebar"))
        self.toggle.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_B))
        self.save_action = QAction(self.tr("&Save view…"), main)
        self.save_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S))
        self.save_action.setStatusTip(self.tr("Keep this list (search, filters, sort and columns) under a "
                                              "name"))
        self.save_action.triggered.connect(self.ask_save)
        self.sharing = ViewSharing(self, self)  # View → Share view…, Import view…
        self.view_actions = [self.save_action, self.sharing.share_action, self.sharing.import_action]
        self.dialog: QInputDialog | None = None
        self._views: dict[str, list[View]] = {}  # each account's saved views, as last read
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_AFTER_MS)
        self._timer.timeout.connect(lambda: self.services.tasks.spawn(self.refresh(), name="sidebar"))
        s = self.sidebar
        s.viewChosen.connect(self.apply_view)
        s.tagChosen.connect(self.apply_tag)
        s.renameWanted.connect(self.ask_rename)
        s.deleteWanted.connect(self.delete)
        s.moveWanted.connect(self.move)
        self._restore()
        self.toggle.triggered.connect(lambda _on: self._remember())  # the dock's own X: kept on close

    # -- remembered state ---------------------------------------------------------------
    def _restore(self) -> None:
        shown, width = self.state.sidebar(DEFAULT_WIDTH)
        self.dock.setVisible(shown)
        self.main.resizeDocks([self.dock], [max(120, min(width, 600))], Qt.Orientation.Horizontal)

    def _remember(self) -> None:
        shown = self.dock.isVisible()
        self.state.remember_sidebar(shown, self.dock.width() if shown and self.dock.width() > 0 else None)

    def save_state(self) -> None:
        """On close: shown or not, and the width, as the user left them."""
        self._remember()

    # -- what it shows ----------------------------------------------------------------------
    def changed(self) -> None:
        """Something the sidebar shows may have changed: refreshed once things settle."""
        self._timer.start()

    async def refresh(self) -> None:
        try:
            accounts = self.services.accounts.all()
            store = self.services.accounts.views()
            views = {a.id: store.of(a.id) for a in accounts}
        except (AccountError, ViewError) as exc:
            self.said.emit(str(exc), 8000)
            return
        folder = self.copies.folder
        places = [across.Place(a.id, a.dialect, folder) for a in accounts]
        counts = await across.sizes(places) if folder is not None else {}
        current = self.navigator.account.id if self.navigator.account else None
        tags: dict[str, list[tuple[str, int]]] = {}
        if folder is not None:  # every account's, where its dialect has tags (read from the counts kept)
            for account in accounts:
                schema = SCHEMAS[account.dialect]
                field = next((f.name for f in schema.fields if f.kind is Kind.TAGS), None)
                if field is not None and counts.get(account.id) is not None:
                    place = across.Place(account.id, account.dialect, folder)
                    tags[account.id] = await across.tag_counts(place, field, MAX_TAGS)
        status, partial = self.copies.status, set()
        if status is not None and current is not None and not status.complete:
            # a first sync under way: "syncing" rather than a count the list would not agree with (the
            # copy's totals are made at its end: it said 0 beside a list of rows, or counted archived
            # contacts the list leaves out); the status bar says how far the sync is
            partial.add(current)
        self._views = views
        self.sidebar.fill(accounts, current, counts, views, tags, self._applied(current), partial)

    def _applied(self, current: str | None) -> Entry | None:
        """The saved view the list shows now: its search, filters and order, unchanged."""
        shown = self.navigator.shown()
        for view in self._views.get(current or "", []):
            sort = (view.sort, view.descending) if view.sort else None
            if view.query() == shown.query and sort == shown.sort:
                return Entry(VIEW, current or "", view.name)
        return None

    def applied_view(self) -> View | None:
        """The saved view the list shows now, if it shows one."""
        current = self.navigator.account.id if self.navigator.account else None
        entry = self._applied(current)
        views = self._views.get(current or "", [])
        return next((v for v in views if entry is not None and v.name == entry.name), None)

    def current_view(self, name: str) -> View | None:
        """The list as it is now, as a view named ``name`` (None, said: not a name)."""
        shown = self.navigator.shown()
        try:
            name = check_name(name)
        except ViewError as exc:
            self.said.emit(str(exc), 8000)
            return None
        sort = shown.sort if shown.sort != KEEP else None
        return View.of(name, shown.query or Query(), sort, list(shown.columns))

    def mark(self) -> None:
        """The account and the view shown, marked again (the list changed)."""
        current = self.navigator.account.id if self.navigator.account else None
        self.sidebar.mark(Entry(ACCOUNT, current) if current else None, self._applied(current))

    # -- applying: the Navigator shows it ----------------------------------------------------
    def apply_view(self, account_id: str, name: str) -> None:
        try:
            view = self.services.accounts.views().find(account_id, name)
        except ViewError as exc:
            self.said.emit(str(exc), 8000)
            return
        sort = (view.sort, view.descending) if view.sort else None
        self.navigator.show(Target(account_id, view.query(), sort=sort, columns=tuple(view.columns or ()),
                                   note=self.tr("View “{name}”").format(name=view.name)))

    def apply_tag(self, account_id: str, tag: str) -> None:
        try:
            account = self.services.accounts.find(account_id)
        except AccountError as exc:
            self.said.emit(str(exc), 8000)
            return
        field = next((f.name for f in cond.offered(SCHEMAS[account.dialect]) if f.kind is Kind.TAGS), None)
        if field is not None:  # the tag alone, so the list holds as many as the sidebar counts
            aside = self.tr("Every contact with the tag “{tag}” is listed, as the sidebar counts them: the "
                            "search and filters you had are set aside.").format(tag=tag)
            self.navigator.show(Target(account_id, Query(where=(Condition(field, cond.HAS, tag),)),
                                       aside=aside))

    def apply_where(self, conditions: tuple[Condition, ...]) -> bool:
        """These filters in the list, in place of any on the same fields (a chart's bar, a tag);
        False, said, when filters on any field cannot apply now."""
        return self.navigator.show(Target(where=conditions, sort=KEEP))

    # -- saving, renaming, deleting, moving -------------------------------------------------
    def _ask(self, title: str, label: str, text: str, done: Callable[[str], object]) -> QInputDialog:
        dialog = self.dialog = QInputDialog(self.main)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(done)
        dialog.open()
        return dialog

    def ask_save(self) -> QInputDialog | None:
        if self.navigator.account is None:
            return None
        return self._ask(self.tr("Save view"),
                         self.tr("A name for this list (search, filters, sort, columns):"), "", self.save)

    def save(self, name: str) -> bool:
        shown, view = self.navigator.shown(), self.current_view(name)
        if shown.account_id is None or view is None:
            return False
        try:
            kept = self.services.accounts.views().save(shown.account_id, view)
        except ViewError as exc:
            self.said.emit(str(exc), 8000)
            return False
        self.said.emit(self.tr("View “{name}” saved").format(name=kept.name), 4000)
        self.changed()
        return True

    def ask_rename(self, account_id: str, name: str) -> QInputDialog:
        return self._ask(self.tr("Rename view"), self.tr("New name:"), name,
                         lambda new: self.rename(account_id, name, new))

    def rename(self, account_id: str, name: str, new: str) -> None:
        self._change(lambda store: store.rename(account_id, name, new))

    def delete(self, account_id: str, name: str) -> None:
        if self._change(lambda store: store.delete(account_id, name)):
            self.said.emit(self.tr("View “{name}” deleted").format(name=name), 4000)

    def move(self, account_id: str, name: str, step: int) -> None:
        store = self.services.accounts.views()
        names = [v.name for v in store.of(account_id)]
        at = next((i for i, n in enumerate(names) if n.casefold() == name.casefold()), None)
        if at is not None:
            self._change(lambda s: s.move(account_id, name, at + step))
            self.sidebar.select(Entry(VIEW, account_id, names[at]))

    def _change(self, work: Callable[[ViewStore], None]) -> bool:
        try:
            work(self.services.accounts.views())
        except ViewError as exc:
            self.said.emit(str(exc), 8000)
            return False
        self.changed()
        return True
