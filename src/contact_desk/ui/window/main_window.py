"""The main window: its layout, and ``_connect_signals``, the one place its parts are wired. The
parts take explicit dependencies (the Navigator, ``browse.py``, owns what the table shows) and say
what happened by signals; dialogs get plain values and a ``WindowHost``."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from contact_desk.accounts import Account, AccountError
from contact_desk.api import Dialect
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.ui.accounts.account_access import AccountAccess
from contact_desk.ui.accounts.welcome import WelcomePage
from contact_desk.ui.contacts.contact_form import ContactForm
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.detail_panel import DetailPanel
from contact_desk.ui.contacts.filter_bar import FilterBar
from contact_desk.ui.contacts.form_registry import FormRegistry
from contact_desk.ui.context import Services
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.offline.offline_view import OfflineView
from contact_desk.ui.offline.outbox_control import OutboxControl
from contact_desk.ui.widgets.appearance import Appearance, AppearanceSwitch
from contact_desk.ui.widgets.error_banner import ErrorBanner
from contact_desk.ui.widgets.help_dialogs import show_about, show_guide, show_shortcuts
from contact_desk.ui.window.account_switcher import AccountSwitcher
from contact_desk.ui.window.actions import WindowActions
from contact_desk.ui.window.browse import Browse
from contact_desk.ui.window.demo import run_demo
from contact_desk.ui.window.dialog_host import DialogHost
from contact_desk.ui.window.editing import Editing
from contact_desk.ui.window.insight_control import InsightControl
from contact_desk.ui.window.mailing import Mailing
from contact_desk.ui.window.my_changes import MyChanges
from contact_desk.ui.window.rows import Rows
from contact_desk.ui.window.sidebar_control import SidebarControl
from contact_desk.ui.window.state import WindowState
from contact_desk.ui.window.status import StatusLine
from contact_desk.ui.window.transfers import Transfers
from contact_desk.ui.window.undo import LastChange


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Contact Desk"))
        self.services = services
        self.state = WindowState(services.settings)
        self.model = ContactTableModel(services.tasks, parent=self)
        self._closing = False
        self.registry = FormRegistry()
        choices = lambda: services.accounts.copy_choices()  # noqa: E731, PLW0108 (the demo swaps the store)
        self.copies = OfflineCopy(choices, services.tasks, services.copies_folder, self)
        self.access = AccountAccess(self.state, self)
        self.account_switcher = AccountSwitcher(services, self.registry, self)
        a = self.commands = WindowActions(self)
        a.build_toolbar(self.account_switcher.combo)
        a.build_menus()
        self.new_action, self.edit_action, self.refresh_action = a.new, a.edit, a.refresh
        self._build_body()
        self.status = StatusLine(self.statusBar(), self.banner, self.table)
        self.host = DialogHost(services.tasks, self.table, self.model, self.copies, self.statusBar(),
                               self.state, lambda: services.accounts)  # all a dialog may ask of the window
        self.history = MyChanges(services.tasks, lambda: self.copies.folder, self._shown_named, self)
        self.host.recorder = self.history  # View → My changes: what every part wrote
        self.editing = Editing(services.tasks, self.registry, self.model, self.table, self.detail,
                               self.copies, self.edit_action.isEnabled, self.history, self)
        self.offline_view = view = OfflineView(self.copies, self.model, self.table.horizontalHeader(),
                                               self.statusBar(), self)
        self.outbox = OutboxControl(services.tasks, self.copies, [self.model, self.detail], self.statusBar(),
                                    self.history, self.editing.open_form, self)  # View → Outbox
        self.editing.outbox = self.host.outbox = self.outbox  # a save the server cannot take now waits there
        self.browse = Browse(services, self.state, self.copies, self.model, self.table, self.filter_bar, view,
                             self.status, self)  # the Navigator: what the table shows
        self.last = LastChange(services.tasks, self._shown_named, self.history, self)  # Edit → Undo
        self.rows = Rows(self.table, self.model, self.detail, lambda: self.dialect,  # details, menu, Ctrl+C
                         lambda: self.edit_selected if self.edit_action.isEnabled() else None)
        self.transfers = Transfers(self.host, self.browse, a.new.isEnabled, a.edit.isEnabled, self)
        self.mailing = Mailing(self.table, a.edit_menu, self.rows, self.host.say, self)  # Email…, addresses
        a.add_undo(self.last.action)
        a.add_copy_actions(view.sync_action, view.keep_action, view.interval_menu, view.forget_action)
        self.side = SidebarControl(services, self.browse, self.copies, self.state, self)  # views, tags
        self.insight = InsightControl(services, self.browse, self.copies, self.editing, view.clock,
                                      self)  # overview, duplicates, every account
        a.add_insight([self.side.toggle, *self.side.view_actions, self.insight.overview_action,
                       self.history.action, self.outbox.action], self.insight.everywhere_action,
                      self.insight.duplicates_action)
        for action in (a.copy, a.select_all):  # in the table only: elsewhere Ctrl+C copies text
            self.removeAction(action)
            self.table.addAction(action)
        self.looks = AppearanceSwitch.of_app()
        self.looks.start(self.state.appearance)
        self._connect_signals()
        self.state.restore_window(self, self.split)
        self._update_actions()  # nothing to create or edit until an account is open

    # -- construction -------------------------------------------------------------
    def _build_body(self) -> None:
        self.welcome = WelcomePage(self)
        self.filter_bar = FilterBar(self)
        self.banner = ErrorBanner(self)
        self.table = ContactTableView(self.model, self.state, self)
        self.detail = DetailPanel(self)
        split = self.split = QSplitter(self)
        split.setObjectName("browse-splitter")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        browse = QWidget(self)
        column = QVBoxLayout(browse)
        column.setContentsMargins(4, 0, 4, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.filter_bar.chips)
        column.addWidget(self.banner)
        column.addWidget(split, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(browse)
        self.setCentralWidget(self.pages)

    def _connect_signals(self) -> None:
        """Every part's signals, wired in one place (the menus' and toolbar's actions first)."""
        self._connect_actions()
        s, e, v = self.account_switcher, self.editing, self.offline_view
        s.accountChosen.connect(self.show_account)
        s.accountsChanged.connect(lambda account_id: self.load_accounts(select=account_id or None))
        s.accountRemoved.connect(self.copies.forget)
        s.keyChanged.connect(self.access.key_changed)
        s.accessLearned.connect(self.access.learned)
        self.access.changed.connect(self._update_actions)
        e.failed.connect(lambda text: self.status.fail(text, None))
        e.reloadWanted.connect(lambda: self.browse.query_changed(self.filter_bar.query()))
        e.said.connect(lambda text: self.host.say(text, 4000))
        e.accessLearned.connect(self.access.learned)
        e.editingRefused.connect(self.access.editing_refused)
        e.hiddenByFilters.connect(self.browse.created_but_hidden)
        e.changeMade.connect(lambda result: self.last.record(result, self.tr("edit")))
        self.last.contactSaved.connect(e.refreshed)
        e.noted.connect(lambda text: self.host.say(text, 15_000))
        self.history.said.connect(lambda text: self.host.say(text, 10_000))
        for saved in (self.history.contactSaved, self.outbox.contactSaved):
            saved.connect(e.refreshed)
        self.outbox.said.connect(lambda text: self.host.say(text, 10_000))
        self.copies.statusChanged.connect(self._update_actions)  # a copy now complete: changes may wait
        self.last.said.connect(lambda t, kept: self.status.fail(t, None) if kept else self.host.say(t))
        v.reloadWanted.connect(self.browse.reload_in_place)
        v.reopenWanted.connect(self.browse.show_account)
        v.sortWanted.connect(self.browse.set_sort)
        self._connect_navigation()
        v.offlineSaid.connect(lambda text: self.status.fail(text, self.copies.probe_now))
        v.onlineAgain.connect(self.banner.hide)
        v.actionsChanged.connect(self._update_actions)
        v.said.connect(self.host.say)
        v.filtersOffered.connect(self.filter_bar.set_where_available)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter
        self.rows.said.connect(self.host.say)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.status.update())  # "12 selected"
        self.detail.editRequested.connect(self.edit_selected)
        self.filter_bar.queryChanged.connect(self.browse.query_changed)
        self.filter_bar.resultsWanted.connect(lambda: self.table.go_to_first(open_it=False))
        self.filter_bar.openWanted.connect(lambda: self.table.go_to_first(open_it=True))
        self.welcome.addAccount.connect(self.open_accounts)
        self.welcome.tryDemo.connect(lambda: self.services.tasks.spawn(self.start_demo(), name="demo"))
        self.model.loadingChanged.connect(self.status.loading)
        self.model.countsChanged.connect(self.status.update)
        self.model.loadFailed.connect(self.browse.load_failed)
        self.model.firstPageIn.connect(self.filter_bar.pace)  # the search waits as long as answers take
        self.filter_bar.typing.connect(self.copies.user_typing)  # a running sync lets the search go first
        self.model.modelReset.connect(self.status.update)
        header = self.table.horizontalHeader()
        for sig in (header.sectionMoved, header.sectionResized):
            sig.connect(self.browse.save_header)

    def _connect_navigation(self) -> None:
        """The Navigator and the controllers that ask it to show something."""
        b, side, insight = self.browse, self.side, self.insight
        b.accountShown.connect(self._account_shown)
        b.filtersBuilt.connect(self._filters_built)
        b.said.connect(self.host.say)
        side.sidebar.accountChosen.connect(self.show_account)
        side.said.connect(self.host.say)
        insight.said.connect(self.host.say)
        insight.windowWanted.connect(self.activateWindow)
        for changed in (b.accountShown, self.account_switcher.accountsChanged, self.copies.statusChanged):
            changed.connect(side.changed)
        self.model.modelReset.connect(side.mark)  # another list: the view it shows marked, or none

    def _connect_actions(self) -> None:
        a = self.commands
        a.accounts.triggered.connect(self.open_accounts)
        a.network.triggered.connect(self.account_switcher.open_network)
        a.new.triggered.connect(self.new_contact)
        a.edit.triggered.connect(self.edit_selected)
        a.refresh.triggered.connect(self.refresh)
        a.quit.triggered.connect(self.close)  # asks about unsaved forms first
        a.find.triggered.connect(self.filter_bar.focus_first)
        t = self.transfers
        for action, slot in ((a.export, t.export_contacts), (a.import_, t.import_contacts),
                             (a.bulk, t.change_contacts), (a.print_, t.print_contacts), (a.pdf, t.save_pdf)):
            action.triggered.connect(slot)
        t.contactSaved.connect(self.editing.refreshed)
        t.changeMade.connect(lambda result: self.last.record(result, self.tr("Change contacts")))
        t.undone.connect(self.last.forget)
        t.imported.connect(self.browse.imported)
        a.copy.triggered.connect(self.rows.copy)
        a.select_all.triggered.connect(self.table.selectAll)
        a.details.toggled.connect(self.detail.setVisible)
        a.compact.toggled.connect(self.table.set_compact)
        for look, choice in a.looks.items():
            choice.setChecked(look is self.state.appearance)
            choice.triggered.connect(lambda _on=False, look=look: self.set_appearance(look))
        for action, show in ((a.shortcuts, show_shortcuts), (a.guide, show_guide)):
            action.triggered.connect(lambda _on=False, show=show: show(self))
        a.about.triggered.connect(lambda: show_about(self, self.services))
        a.columns.aboutToShow.connect(lambda: self.table.fill_column_menu(a.columns))

    # -- accounts ---------------------------------------------------------------------
    def load_accounts(self, select: str | None = None) -> None:
        """Fills the account switcher and shows an account; the welcome page when there is none."""
        try:
            accounts = self.services.accounts.all()
        except AccountError as exc:
            accounts = []
            self.welcome.busy("")
            self.welcome.status.setText(str(exc))
        shown = self.account.id if self.account else None
        last = self.state.last_account
        target = self.account_switcher.fill(accounts, shown=shown, last=last, select=select)
        if target is None:
            self.pages.setCurrentWidget(self.welcome)
            self.show_account(None)
            return
        self.pages.setCurrentIndex(1)
        if shown != target or select:
            self.show_account(target)

    @property
    def account(self) -> Account | None:
        return self.browse.account

    @property
    def dialect(self) -> Dialect | None:
        return self.browse.dialect

    def show_account(self, account_id: str | None) -> None:
        """The account switcher's choice: the Navigator opens it (again, when it is the one shown:
        its key is read anew), as the user left it this session."""
        self.browse.show_account(account_id)

    def _shown_named(self) -> tuple[str, str, Dialect] | None:
        return (self.account.id, self.account.name, self.dialect) if self.account and self.dialect else None

    def _account_shown(self) -> None:
        """Another account (or none) is shown: what depends on it follows."""
        shown, dialect = self.account, self.dialect
        self.account_switcher.showing(shown.id if shown else None)
        self.last.account_shown(shown.id if shown else None)
        self.outbox.account_shown()
        self.editing.account_shown(shown.id if shown else None, dialect)
        self.detail.show_contact(None, dialect.schema if dialect else None)
        self.setWindowTitle(self.tr("Contact Desk") + (f" — {shown.name}" if shown else ""))
        self._update_actions()
        self.table.setFocus()

    def _filters_built(self) -> None:
        chain = [self.account_switcher.combo, *self.filter_bar.focus_chain(), self.table, self.detail]
        for first, second in itertools.pairwise(chain):  # the filters left to right, table, details
            QWidget.setTabOrder(first, second)

    def set_appearance(self, look: Appearance) -> None:
        """View → Appearance: applied at once and remembered (the next start applies it)."""
        self.state.appearance = look
        self.commands.looks[look].setChecked(True)
        self.looks.apply(look)

    def open_accounts(self) -> None:
        self.account_switcher.open_dialog()  # non-modal

    async def start_demo(self, contacts: int = 10_000, seed: int = 1) -> None:
        """Starts the embedded sandbox and opens its demo accounts (``ui/window/demo.py``)."""
        first = await run_demo(self.services, self.welcome, self.statusBar(), self.copies, contacts, seed)
        if first is not None:
            self.load_accounts(select=first)

    # -- creating, editing, many contacts ----------------------------------------------
    def _update_actions(self) -> None:
        account = self.account.id if self.account and self.dialect else None
        online, waits = not self.copies.offline, self.outbox.ready()  # offline, a complete copy: it waits
        patchable = bool(self.dialect and self.dialect.schema.patchable)
        can_edit = (online or waits) and self.access.can_edit(account) and patchable
        self.commands.update(online=online, can_write=(online or waits) and self.access.can_write(account),
                             can_edit=can_edit, has_account=self.dialect is not None)
        self.detail.set_can_edit(can_edit)

    def new_contact(self) -> ContactForm | None:
        return self.editing.open_form(None) if self.new_action.isEnabled() else None

    def edit_selected(self) -> ContactForm | None:
        index = self.table.currentIndex()
        contact = self.model.contact(index.row()) if index.isValid() else None
        if contact is None or not self.edit_action.isEnabled():
            return None
        return self.editing.open_form(contact)

    # -- loading, errors, status -----------------------------------------------------
    def refresh(self) -> None:
        if self.dialect is None and self.account is None:
            self.load_accounts()
            return
        self.banner.hide()
        self.copies.refresh()
        self.browse.reload_in_place()

    # -- closing ---------------------------------------------------------------------
    async def shutdown(self) -> None:
        """The end of the window's life (after it closed; a test's end): no more loading, the copy
        closed at a safe point, background work stopped, the demo's sandbox and copies gone."""
        self.model.set_source(None)
        self.offline_view.stop()
        self.insight.close()
        await self.copies.aclose()
        await self.services.tasks.drain()
        self.services.demo.end()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and (self.registry.any_dirty() or self.outbox.items):
            event.ignore()

            def really() -> None:
                self._closing = True
                self.close()

            self.registry.leave(lambda: self.outbox.before_quit(really))  # forms first, then the outbox
            return
        self.browse.save_header()
        self.side.save_state()
        self.state.save_window(self, self.split)
        self.services.tasks.spawn(self.copies.aclose(), name="copy-close")
        self.services.settings.sync()
        super().closeEvent(event)
        self.closed.emit()
