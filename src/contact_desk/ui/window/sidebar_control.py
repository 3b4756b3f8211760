"""The sidebar in the window, and saved views: View → Sidebar shows it (its width and whether it
is shown are remembered), View → Save view… keeps the list as it is (search, filters, sort,
columns) under a name. Choosing a view or a tag in the sidebar applies it, switching account
first when it is another's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QMainWindow

from contact_desk.accounts import AccountError, View, ViewError, ViewStore
from contact_desk.api.dialect import Condition, Query
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror import across
from contact_desk.mirror import conditions as cond
from contact_desk.ui.window.parts import WindowParts
from contact_desk.ui.window.sidebar import MAX_TAGS, VIEW, Entry, Sidebar

DEFAULT_WIDTH = 220
REFRESH_AFTER_MS = 400  # several changes in a row (a sync's end, a switch): one refresh


class SidebarControl(QObject):
    def __init__(self, window: WindowParts, main: QMainWindow) -> None:
        super().__init__(main)
        self.w, self.main = window, main  # the same window: its parts, and where the dock goes
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
        self.dialog: QInputDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_AFTER_MS)
        self._timer.timeout.connect(lambda: self.w.services.tasks.spawn(self.refresh(), name="sidebar"))
        s = self.sidebar
        s.accountChosen.connect(self.w.show_account)
        s.viewChosen.connect(self.apply_view)
        s.tagChosen.connect(self.apply_tag)
        s.renameWanted.connect(self.ask_rename)
        s.deleteWanted.connect(self.delete)
        s.moveWanted.connect(self.move)
        self._restore()
        self.toggle.triggered.connect(lambda _on: self._remember())  # the dock's own X: kept on close

    # -- remembered state ---------------------------------------------------------------
    def _restore(self) -> None:
        settings = self.w.services.settings
        shown = settings.value("sidebar/visible", True, type=bool)
        width = settings.value("sidebar/width", DEFAULT_WIDTH, type=int)
        self.dock.setVisible(bool(shown))
        wanted = width if isinstance(width, int) else DEFAULT_WIDTH
        self.main.resizeDocks([self.dock], [max(120, min(wanted, 600))], Qt.Orientation.Horizontal)

    def _remember(self) -> None:
        settings = self.w.services.settings
        settings.setValue("sidebar/visible", self.dock.isVisible())
        if self.dock.isVisible() and self.dock.width() > 0:
            settings.setValue("sidebar/width", self.dock.width())

    def save_state(self) -> None:
        """On close: shown or not, and the width, as the user left them."""
        self._remember()

    # -- what it shows ----------------------------------------------------------------------
    def changed(self) -> None:
        """Something the sidebar shows may have changed: refreshed once things settle."""
        self._timer.start()

    async def refresh(self) -> None:
        w = self.w
        try:
            accounts = w.services.accounts.all()
            store = w.services.accounts.views()
            views = {a.id: store.of(a.id) for a in accounts}
        except (AccountError, ViewError) as exc:
            w.host.say(str(exc), 8000)
            return
        folder = w.copies.folder
        places = [across.Place(a.id, a.dialect, folder) for a in accounts]
        counts = await across.sizes(places) if folder is not None else {}
        current = w.account.id if w.account else None
        tags: dict[str, list[tuple[str, int]]] = {}
        if folder is not None:  # every account's, where its dialect has tags (read from the counts kept)
            for account in accounts:
                schema = SCHEMAS[account.dialect]
                field = next((f.name for f in schema.fields if f.kind is Kind.TAGS), None)
                if field is not None and counts.get(account.id) is not None:
                    place = across.Place(account.id, account.dialect, folder)
                    tags[account.id] = await across.tag_counts(place, field, MAX_TAGS)
        status = w.copies.status
        if status is not None and current is not None and not status.complete:
            counts[current] = status.contacts  # a first sync under way: what it holds so far
        self.sidebar.fill(accounts, current, counts, views, tags)

    # -- applying ---------------------------------------------------------------------------
    def apply_view(self, account_id: str, name: str) -> None:
        w = self.w
        try:
            view = w.services.accounts.views().find(account_id, name)
        except ViewError as exc:
            w.host.say(str(exc), 8000)
            return
        query = view.query()
        sort = (view.sort, view.descending) if view.sort else None
        if w.account is None or w.account.id != account_id:
            w.state.remember_query(account_id, query)  # the switch shows it
            w.show_account(account_id)
        else:
            w.filter_bar.set_query(query)
        w.offline_view.sort = sort
        if view.columns:
            self._show_columns(view.columns)
        w.query_changed(w.filter_bar.query())
        w.host.say(self.tr("View “{name}”").format(name=view.name), 3000)

    def apply_tag(self, account_id: str, tag: str) -> None:
        w = self.w
        try:
            account = w.services.accounts.find(account_id)
        except AccountError as exc:
            w.host.say(str(exc), 8000)
            return
        field = next((f.name for f in cond.offered(SCHEMAS[account.dialect]) if f.kind is Kind.TAGS), None)
        if field is None:
            return
        wanted = (Condition(field, cond.HAS, tag),)
        if w.account is None or w.account.id != account_id:
            w.state.remember_query(account_id, Query(where=wanted))  # applied once its copy is open
            w.show_account(account_id)
        else:
            self.apply_where(wanted)

    def apply_where(self, conditions: tuple[Condition, ...]) -> bool:
        """These filters in the list, in place of any on the same fields (a chart's bar, a tag);
        False, said, when filters on any field cannot apply now."""
        w = self.w
        if not w.filter_bar.chips.available:
            w.host.say(w.filter_bar.chips.add_button.toolTip(), 8000)
            return False
        query = w.filter_bar.query()
        fields = {c.field for c in conditions}
        kept = tuple(c for c in query.where if c.field not in fields)
        w.filter_bar.set_query(replace(query, where=(*kept, *conditions)))
        w.query_changed(w.filter_bar.query())
        return True

    def _show_columns(self, names: list[str]) -> None:
        table = self.w.table
        header = table.horizontalHeader()
        fields = [f.name for f in self.w.model.fields]
        wanted = [n for n in names if n in fields]
        if not wanted:
            return
        for col, name in enumerate(fields):
            header.setSectionHidden(col, name not in wanted)
        for place, name in enumerate(wanted):
            col = fields.index(name)
            header.moveSection(header.visualIndex(col), place)
        table.save_header()

    def shown_columns(self) -> list[str]:
        header = self.w.table.horizontalHeader()
        fields = [f.name for f in self.w.model.fields]
        cols = sorted((header.visualIndex(c), c) for c in range(len(fields)) if not header.isSectionHidden(c))
        return [fields[c] for _v, c in cols]

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
        if self.w.account is None:
            return None
        return self._ask(self.tr("Save view"),
                         self.tr("A name for this list (search, filters, sort, columns):"), "", self.save)

    def save(self, name: str) -> bool:
        w = self.w
        if w.account is None:
            return False
        view = View.of(name, w.filter_bar.query(), w.offline_view.sort, self.shown_columns())
        try:
            kept = w.services.accounts.views().save(w.account.id, view)
        except ViewError as exc:
            w.host.say(str(exc), 8000)
            return False
        w.host.say(self.tr("View “{name}” saved").format(name=kept.name), 4000)
        self.changed()
        return True

    def ask_rename(self, account_id: str, name: str) -> QInputDialog:
        return self._ask(self.tr("Rename view"), self.tr("New name:"), name,
                         lambda new: self.rename(account_id, name, new))

    def rename(self, account_id: str, name: str, new: str) -> None:
        self._change(lambda store: store.rename(account_id, name, new))

    def delete(self, account_id: str, name: str) -> None:
        if self._change(lambda store: store.delete(account_id, name)):
            self.w.host.say(self.tr("View “{name}” deleted").format(name=name), 4000)

    def move(self, account_id: str, name: str, step: int) -> None:
        store = self.w.services.accounts.views()
        names = [v.name for v in store.of(account_id)]
        at = next((i for i, n in enumerate(names) if n.casefold() == name.casefold()), None)
        if at is not None:
            self._change(lambda s: s.move(account_id, name, at + step))
            self.sidebar.select(Entry(VIEW, account_id, names[at]))

    def _change(self, work: Callable[[ViewStore], None]) -> bool:
        try:
            work(self.w.services.accounts.views())
        except ViewError as exc:
            self.w.host.say(str(exc), 8000)
            return False
        self.changed()
        return True
