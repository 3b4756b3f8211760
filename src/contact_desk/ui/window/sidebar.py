"""The sidebar: every account with its contact count, and under each its saved views and (where
the dialect has tags) its tags with their counts, from the offline copy. A click (or Enter)
applies what it names; the views' context menu and keys rename (F2), delete (Delete) and
reorder them (Alt+Up, Alt+Down)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from contact_desk.accounts import Account, View

ROLE = Qt.ItemDataRole.UserRole
ACCOUNT, VIEW, TAG, GROUP = "account", "view", "tag", "group"
MAX_TAGS = 40  # tags listed under an account (the most used)


@dataclass(frozen=True)
class Entry:
    kind: str  # ACCOUNT, VIEW, TAG or GROUP
    account_id: str
    name: str = ""  # a view's or a tag's


class Sidebar(QTreeWidget):
    accountChosen = Signal(str)
    viewChosen = Signal(str, str)  # account id, view name
    tagChosen = Signal(str, str)  # account id, tag
    renameWanted = Signal(str, str)  # account id, view name
    deleteWanted = Signal(str, str)
    moveWanted = Signal(str, str, int)  # account id, view name, -1 up / +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Accounts, saved views and tags"))
        self.setWhatsThis(self.tr(
            "<b>Sidebar</b><p>Your accounts, each with its saved views and tags and how many contacts they "
            "hold. Click one to show its contacts; right-click a saved view to rename or delete it. "
            "<i>View → Save view…</i> keeps the search and filters shown now.</p>"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.menu: QMenu | None = None
        self._collapsed: set[Entry] = set()  # what the user closed

    def fill(self, accounts: list[Account], current: str | None, counts: dict[str, int | None],
             views: dict[str, list[View]], tags: dict[str, list[tuple[str, int]]],
             applied: Entry | None = None, partial: set[str] | None = None) -> None:
        """Shows the accounts (expanded as the user left them), the shown one and the view applied
        to the list marked (``mark``)."""
        self._remember_expanded()
        self.clear()
        locale = QLocale()
        if not accounts:  # a first start: say what will be here, not an empty pane
            note = QTreeWidgetItem([self.tr("Your accounts, their saved views and tags appear here.")])
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(note)
        for account in accounts:
            n = counts.get(account.id)
            if account.id in (partial or ()):  # a first sync: no count the list disagrees with
                title = self.tr("{name} (syncing…)").format(name=account.name)
            elif n is None:
                title = account.name
            else:
                title = self.tr("{name} ({count})").format(name=account.name, count=locale.toString(n))
            top = self._item(None, title, Entry(ACCOUNT, account.id))
            top.setToolTip(0, account.title)
            shown = views.get(account.id, [])
            if shown:
                group = self._item(top, self.tr("Views"), Entry(GROUP, account.id, "views"))
                for view in shown:
                    self._item(group, view.name, Entry(VIEW, account.id, view.name))
            listed = tags.get(account.id, [])
            if listed:
                group = self._item(top, self.tr("Tags"), Entry(GROUP, account.id, "tags"))
                for tag, count in listed[:MAX_TAGS]:
                    text = self.tr("{tag} ({count})").format(tag=tag, count=locale.toString(count))
                    self._item(group, text, Entry(TAG, account.id, tag))
        for item in self._items():
            item.setExpanded(self.entry(item) not in self._collapsed)
        self.mark(Entry(ACCOUNT, current) if current else None, applied)

    def mark(self, account: Entry | None, view: Entry | None) -> None:
        """The account shown in bold, and the saved view the list shows now (if it shows one); the
        highlight on that view, else on the account: never left on what was shown before."""
        for item in self._items():
            font = item.font(0)
            font.setBold(self.entry(item) in (account, view) and self.entry(item) is not None)
            item.setFont(0, font)
        wanted = view or account
        if wanted is not None and self.entry(self.currentItem()) != wanted:
            self.blockSignals(True)
            try:
                self.select(wanted)
            finally:
                self.blockSignals(False)

    def _item(self, parent: QTreeWidgetItem | None, text: str, entry: Entry) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, ROLE, entry)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _remember_expanded(self) -> None:
        for item in self._items():
            entry = self.entry(item)
            if entry is not None and item.childCount():
                (self._collapsed.discard if item.isExpanded() else self._collapsed.add)(entry)

    @staticmethod
    def entry(item: QTreeWidgetItem | None) -> Entry | None:
        data = item.data(0, ROLE) if item is not None else None
        return data if isinstance(data, Entry) else None

    def select(self, wanted: Entry) -> None:
        for item in self._items():
            if self.entry(item) == wanted:
                self.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        """Every entry, depth first."""
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))
        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        entry = self.entry(item)
        if entry is None:
            return
        if entry.kind == ACCOUNT:
            self.accountChosen.emit(entry.account_id)
        elif entry.kind == VIEW:
            self.viewChosen.emit(entry.account_id, entry.name)
        elif entry.kind == TAG:
            self.tagChosen.emit(entry.account_id, entry.name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self.entry(self.currentItem())
        if entry is not None and entry.kind == VIEW:
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_F2:
                self.renameWanted.emit(entry.account_id, entry.name)
                return
            if key == Qt.Key.Key_Delete:
                self.deleteWanted.emit(entry.account_id, entry.name)
                return
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.moveWanted.emit(entry.account_id, entry.name, -1 if key == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)

    def _menu(self, pos: QPoint) -> None:
        entry = self.entry(self.itemAt(pos))
        if entry is None or entry.kind != VIEW:
            return
        menu = self.menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.viewChosen.emit(entry.account_id, entry.name))
        menu.addAction(self.tr("&Rename…"), lambda: self.renameWanted.emit(entry.account_id, entry.name))
        menu.addAction(self.tr("Move &up"), lambda: self.moveWanted.emit(entry.account_id, entry.name, -1))
        menu.addAction(self.tr("Move &down"), lambda: self.moveWanted.emit(entry.account_id, entry.name, 1))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete"), lambda: self.deleteWanted.emit(entry.account_id, entry.name))
        menu.popup(self.viewport().mapToGlobal(pos))
