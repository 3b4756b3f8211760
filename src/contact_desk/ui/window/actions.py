"""The main window's actions, menu bar and toolbar: one place for their texts,
shortcuts and icons. The window connects them to what they do."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar, QWhatsThis

from contact_desk.ui.widgets.appearance import Appearance
from contact_desk.ui.widgets.icons import icon


class WindowActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

        def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None, tip: str = "",
                   icon_name: str | None = None) -> QAction:
            a = QAction(text, window)
            if shortcut is not None:
                a.setShortcut(shortcut)
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            if icon_name:
                a.setIcon(icon(icon_name))
            window.addAction(a)  # shortcuts work wherever the focus is in the window
            return a

        ctrl = Qt.Modifier.CTRL
        self.new_tip = self.tr("Create a contact (Ctrl+N)")
        self.edit_tip = self.tr("Edit the selected contact (Ctrl+E, Enter)")
        self.new = action(self.tr("&New contact"), QKeySequence.StandardKey.New, self.new_tip, "new")
        self.edit = action(self.tr("&Edit contact"), QKeySequence(ctrl | Qt.Key.Key_E), self.edit_tip, "edit")
        shift = Qt.Modifier.SHIFT
        self.bulk = action(self.tr("C&hange contacts…"), QKeySequence(ctrl | shift | Qt.Key.Key_E),
                           self.tr("Set fields on the selected or all matching contacts, with Undo"))
        self.accounts = action(self.tr("&Accounts…"), None, self.tr("Add, change, test or remove accounts"),
                               "accounts")
        self.network = action(self.tr("&Network settings…"), None, self.tr(
            "How the servers are reached: the system's proxies, one proxy, or direct"))
        self.import_ = action(self.tr("&Import…"), None, self.tr(
            "Create contacts from a CSV, Excel or vCard file: every row is checked before anything is sent"))
        self.export = action(self.tr("E&xport…"), None, self.tr(
            "Save the selected or all matching contacts as CSV, Excel or vCard"))
        self.print_ = action(self.tr("&Print…"), QKeySequence.StandardKey.Print, self.tr(
            "Print the selected or all matching contacts: a phone list, contact cards or address labels"))
        self.pdf = action(self.tr("Save as P&DF…"), None, self.tr(
            "The same printed list, as a PDF file"))
        self.quit = action(self.tr("&Quit"), QKeySequence(ctrl | Qt.Key.Key_Q))  # Ctrl+Q on Windows too
        self.quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.copy = action(self.tr("&Copy"), QKeySequence.StandardKey.Copy,
                           self.tr("Copy the selected rows, to paste into a spreadsheet"), "copy")
        self.copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.select_all = action(self.tr("Select &all"), QKeySequence.StandardKey.SelectAll)
        self.select_all.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find = action(self.tr("&Find"), QKeySequence.StandardKey.Find,
                           self.tr("Go to the search or the filters (Ctrl+F)"))
        self.refresh = action(self.tr("&Refresh"), QKeySequence(Qt.Key.Key_F5),
                              self.tr("Load the contacts again (F5)"), "refresh")
        self.details = action(self.tr("Show &details"), QKeySequence(Qt.Key.Key_F9))
        self.details.setCheckable(True)
        self.details.setChecked(True)
        self.compact = action(self.tr("&Compact rows"))
        self.compact.setCheckable(True)
        self.guide = action(self.tr("&User guide"), None, self.tr(
            "The user guide, on this computer: searchable, no connection needed"))
        self.shortcuts = action(self.tr("&Keyboard shortcuts"), QKeySequence(Qt.Key.Key_F1))
        self.whats_this = action(self.tr("&What's this?"), QKeySequence(shift | Qt.Key.Key_F1), self.tr(
            "Then click any part of the window to learn what it is for"))
        self.about = action(self.tr("&About Contact Desk"))
        self.columns, self.appearance = (QMenu(self.tr("C&olumns"), window),
                                         QMenu(self.tr("&Appearance"), window))
        group = QActionGroup(self)
        self.looks: dict[Appearance, QAction] = {}
        looks = ((Appearance.SYSTEM, self.tr("As the &system")), (Appearance.LIGHT, self.tr("&Light")),
                 (Appearance.DARK, self.tr("&Dark")))
        for look, text in looks:
            choice = self.appearance.addAction(text)
            choice.setCheckable(True)
            group.addAction(choice)
            self.looks[look] = choice

    def update(self, *, online: bool, can_write: bool, can_edit: bool, has_account: bool,
               bulk: bool = True) -> None:
        """What can be done now: creating and editing need a key that may write, and the server or,
        offline, a complete copy (the change waits in the outbox); Change contacts and Import need
        the server."""
        self.new.setEnabled(can_write)
        self.edit.setEnabled(can_edit)
        self.bulk.setEnabled(can_edit and bulk)
        self.export.setEnabled(has_account)
        self.print_.setEnabled(has_account)
        self.pdf.setEnabled(has_account)
        self.refresh.setEnabled(has_account)  # no account (a first start): nothing to load
        self.import_.setEnabled(can_write and online)
        waits = self.tr("Offline: what you save waits on this computer and is sent when the server answers")
        off = self.tr("Offline: comes back when the server answers")
        for action, tip, enabled in ((self.new, self.new_tip, can_write),
                                     (self.edit, self.edit_tip, can_edit)):
            action.setToolTip(tip if online else waits if enabled else off)

    def add_undo(self, undo: QAction) -> None:
        """Edit → Undo, first in the Edit menu."""
        self.edit_menu.insertAction(self.edit_menu.actions()[0], undo)
        self.edit_menu.insertSeparator(self.edit_menu.actions()[1])

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.new, self.import_, self.export])
        file.addSeparator()
        file.addActions([self.print_, self.pdf])
        file.addSeparator()
        file.addActions([self.accounts, self.network])
        self.copy_menu = file.addMenu(self.tr("&Offline copy"))
        file.addSeparator()
        file.addAction(self.quit)
        edit = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.edit, self.bulk, self.copy, self.select_all])
        edit.addSeparator()
        edit.addAction(self.find)
        view = self.view_menu = bar.addMenu(self.tr("&View"))
        view.addMenu(self.columns)
        view.addActions([self.details, self.compact])
        view.addMenu(self.appearance)
        view.addSeparator()
        view.addAction(self.refresh)
        self.tools_menu = QMenu(self.tr("&Tools"), self.window)
        help_ = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_.addActions([self.guide, self.shortcuts, self.whats_this, self.about])
        self.whats_this.triggered.connect(QWhatsThis.enterWhatsThisMode)

    def add_insight(self, view: list[QAction], everywhere: QAction, duplicates: QAction) -> None:
        """The sidebar, saved views and overview under View (after the details), the search over
        every account under Edit, possible duplicates under Tools (before Help)."""
        before = self.appearance.menuAction()
        for action in view:
            self.view_menu.insertAction(before, action)
        self.view_menu.insertSeparator(before)
        self.edit_menu.addAction(everywhere)
        self.window.menuBar().insertMenu(self.help_menu.menuAction(), self.tools_menu)
        self.tools_menu.addAction(duplicates)

    def add_copy_actions(self, sync: QAction, keep: QAction, interval: QMenu, forget: QAction) -> None:
        """The offline copy's commands (``ui/offline/offline_view.py``), under File."""
        self.copy_menu.addActions([sync, keep])
        self.copy_menu.addMenu(interval)
        self.copy_menu.addSeparator()
        self.copy_menu.addAction(forget)
        sync.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F5))

    def build_toolbar(self, switcher: QComboBox) -> QToolBar:
        bar = QToolBar(self.tr("Main"), self.window)
        bar.setObjectName("MainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        label = QLabel(self.tr("Account:") + " ", bar)
        label.setBuddy(switcher)
        bar.addWidget(label)
        bar.addWidget(switcher)
        bar.addAction(self.accounts)
        bar.addSeparator()
        bar.addActions([self.new, self.edit, self.refresh])
        self.window.addToolBar(bar)
        return bar
