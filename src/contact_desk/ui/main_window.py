"""The main window: account switcher, filter bar, the contact table, details, status."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import (
    Account,
    AccountError,
    KeyringProblem,
    MemoryAccountStore,
    MemoryKeyStore,
)
from contact_desk.api import ApiKey, Dialect, Query, errors, open_dialect
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.format import field_label
from contact_desk.sandbox import Sandbox
from contact_desk.ui.accounts_dialog import AccountsDialog
from contact_desk.ui.detail_panel import DetailPanel
from contact_desk.ui.error_banner import ErrorBanner
from contact_desk.ui.filter_bar import FilterBar
from contact_desk.ui.messages import describe
from contact_desk.ui.services import Services
from contact_desk.ui.welcome import WelcomePage

log = logging.getLogger("contact_desk.ui")
ROW_HEIGHT = 26


class MainWindow(QMainWindow):
    closed = Signal()
    accountShown = Signal(str)  # account id, once its source is set

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Contact Desk"))
        self.resize(1280, 760)
        self.services = services
        self.model = ContactTableModel(services.tasks, parent=self)
        self.account: Account | None = None
        self.dialect: Dialect | None = None
        self._retry: Callable[[], None] | None = None
        self._accounts_dialog: AccountsDialog | None = None
        self._switching = False  # while the table changes account, header signals are not user changes
        self._build()
        self._wire()

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("MainToolBar")
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addWidget(QLabel(self.tr("Account:") + " ", bar))
        self.switcher = QComboBox(bar)
        self.switcher.setObjectName("account-switcher")
        self.switcher.setMinimumWidth(240)
        bar.addWidget(self.switcher)
        self.accounts_action = QAction(self.tr("Accounts…"), self)
        bar.addAction(self.accounts_action)
        bar.addSeparator()
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip(self.tr("Load the contacts again (F5)"))
        bar.addAction(self.refresh_action)
        self.addAction(self.refresh_action)
        self._build_body()
        self._build_status()

    def _build_body(self) -> None:
        self.welcome = WelcomePage(self)
        self.filter_bar = FilterBar(self)
        self.banner = ErrorBanner(self)
        self.table = QTableView(self)
        self.table.setObjectName("contact-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)  # the server sorts; a local sort over partial data would lie
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel(self.table.viewport())
        self.empty.setObjectName("empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777; font-size: 13pt;")
        self.empty.hide()
        self.table.viewport().installEventFilter(self)
        self.detail = DetailPanel(self)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        browse = QWidget(self)
        column = QVBoxLayout(browse)
        column.setContentsMargins(4, 0, 4, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.banner)
        column.addWidget(split, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(browse)
        self.setCentralWidget(self.pages)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.rows_label = QLabel(status)
        self.rows_label.setObjectName("rows-label")
        self.busy = QProgressBar(status)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Loading"))
        self.busy.hide()
        self.error_label = QLabel(status)
        self.error_label.setObjectName("status-error")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.rows_label)
        status.addWidget(self.busy)
        status.addPermanentWidget(self.error_label)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.filter_bar.focus_first)

    def _wire(self) -> None:
        self.switcher.activated.connect(self._switcher_activated)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.refresh_action.triggered.connect(self.refresh)
        self.filter_bar.queryChanged.connect(self._query_changed)
        self.banner.retry.connect(self._retry_clicked)
        self.welcome.addAccount.connect(self.open_accounts)
        self.welcome.tryDemo.connect(lambda: self.services.tasks.spawn(self.start_demo(), name="demo"))
        self.model.loadingChanged.connect(self._loading_changed)
        self.model.countsChanged.connect(self._update_status)
        self.model.loadFailed.connect(self._load_failed)
        self.model.modelReset.connect(self._update_status)
        self.model.dataChanged.connect(self._data_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        header = self.table.horizontalHeader()
        header.customContextMenuRequested.connect(self._column_menu)
        for sig in (header.sectionMoved, header.sectionResized):
            sig.connect(self._save_header)

    # -- accounts ------------------------------------------------------------------
    def load_accounts(self, select: str | None = None) -> None:
        """Fills the switcher; shows the welcome page when there is no account."""
        try:
            accounts = self.services.accounts.all()
        except AccountError as exc:
            accounts = []
            self.welcome.busy("")
            self.welcome.status.setText(str(exc))
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for a in accounts:
            self.switcher.addItem(a.title, a.id)
        self.switcher.blockSignals(False)
        if not accounts:
            self.pages.setCurrentWidget(self.welcome)
            self.show_account(None)
            return
        self.pages.setCurrentIndex(1)
        target = select if select and self.switcher.findData(select) >= 0 else (
            self.account.id if self.account and self.switcher.findData(self.account.id) >= 0
            else accounts[0].id)
        self.switcher.setCurrentIndex(self.switcher.findData(target))
        if self.account is None or self.account.id != target or select:
            self.show_account(target)

    def _switcher_activated(self, index: int) -> None:
        account_id = self.switcher.itemData(index)
        if isinstance(account_id, str) and (self.account is None or account_id != self.account.id):
            self.show_account(account_id)

    def show_account(self, account_id: str | None) -> None:
        """Switches the table to another account; the previous one's work is cancelled."""
        self.banner.hide()
        self.error_label.clear()
        self._save_header()
        self._switching = True
        try:
            self._show_account(account_id)
        finally:
            self._switching = False

    def _show_account(self, account_id: str | None) -> None:
        previous = self.dialect.name if self.dialect else None
        self.account, self.dialect = None, None
        if account_id is not None:
            try:
                account = self.services.accounts.find(account_id)
                key = self.services.keys.get(account.id, account.name)
                self.dialect = open_dialect(self.services.http, account.dialect, key, account.base_url)
                self.account = account
            except (AccountError, KeyringProblem, errors.ApiError) as exc:
                self._fail(describe(exc), lambda: self.show_account(account_id))
        schema = self.dialect.schema if self.dialect else None
        if schema is None or schema.dialect != previous:
            self.filter_bar.build(schema)
        self.model.set_source(self.dialect, self.filter_bar.query())
        self._restore_header()
        self.detail.show_contact(None, schema)
        self.setWindowTitle(self.tr("Contact Desk") + (f" — {self.account.name}" if self.account else ""))
        if self.account is not None:
            self.accountShown.emit(self.account.id)
        self.table.setFocus()

    def open_accounts(self) -> None:
        if self._accounts_dialog is None:
            s = self.services
            self._accounts_dialog = AccountsDialog(s.accounts, s.keys, s.http, s.tasks, self)
            self._accounts_dialog.accountsChanged.connect(
                lambda account_id: self.load_accounts(select=account_id or None))
        self._accounts_dialog.refresh(self.account.id if self.account else None)
        self._accounts_dialog.show()  # non-modal: never exec() on the event loop
        self._accounts_dialog.raise_()

    async def start_demo(self, contacts: int = 10_000, seed: int = 1) -> None:
        """Starts the embedded sandbox off the UI thread and opens two demo accounts
        whose keys stay in memory (nothing is written)."""
        self.welcome.busy(self.tr("Starting the demo…"))
        self.statusBar().showMessage(self.tr("Starting the demo sandbox…"))
        sandbox = Sandbox(contacts=contacts, seed=seed)
        try:
            await asyncio.get_running_loop().run_in_executor(None, sandbox.start)
        except (OSError, RuntimeError) as exc:
            self.welcome.busy("")
            self.welcome.status.setText(self.tr("The demo could not start: {error}").format(error=exc))
            return
        s = self.services
        s.sandbox = sandbox
        s.accounts, s.keys = MemoryAccountStore(), MemoryKeyStore()
        first = s.accounts.add(self.tr("Demo SmartCQ"), "smartcq", sandbox.base_url)
        s.keys.set(first.id, ApiKey("demo-smartcq"))
        second = s.accounts.add(self.tr("Demo Replicer"), "replicer", sandbox.base_url)
        s.keys.set(second.id, ApiKey("rpl_test_demo"))
        if self._accounts_dialog is not None:
            self._accounts_dialog.deleteLater()
            self._accounts_dialog = None
        self.welcome.busy("")
        self.statusBar().clearMessage()
        self.load_accounts(select=first.id)

    # -- loading, errors, status -----------------------------------------------------
    def refresh(self) -> None:
        if self.dialect is None and self.account is None:
            self.load_accounts()
            return
        self.banner.hide()
        self._query_changed(self.model.query)

    def _query_changed(self, query: Query) -> None:
        self.banner.hide()
        self._switching = True
        try:
            self.model.set_source(self.dialect, query)
            self._restore_header()
        finally:
            self._switching = False

    def _fail(self, text: str, retry: Callable[[], None] | None) -> None:
        self._retry = retry
        self.banner.show_error(text, can_retry=retry is not None)
        self.error_label.setText(text)

    def _load_failed(self, exc: errors.ApiError) -> None:
        self._fail(describe(exc), self.model.retry)
        self._update_status()

    def _retry_clicked(self) -> None:
        self.banner.hide()
        self.error_label.clear()
        if self._retry is not None:
            self._retry()

    def _loading_changed(self, loading: bool) -> None:
        self.busy.setVisible(loading)
        self._update_status()

    def _update_status(self) -> None:
        m = self.model
        if self.dialect is None:
            self.rows_label.setText("")
        elif m.total is not None:
            self.rows_label.setText(self.tr("{loaded} loaded of {total} contacts").format(
                loaded=f"{m.loaded_rows:,}", total=f"{m.total:,}"))
        else:
            more = "" if m.at_end else "+"
            self.rows_label.setText(self.tr("{rows}{more} contacts").format(rows=f"{m.rowCount():,}",
                                                                            more=more))
        empty = (self.dialect is not None and not m.loading and m.rowCount() == 0
                 and m.last_error is None and (m.at_end or m.total == 0))
        if empty:
            self.empty.setText(self.tr("No contacts match") if m.query.is_filtered()
                               else self.tr("This account has no contacts yet"))
            self.empty.resize(self.table.viewport().size())
        self.empty.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty.resize(self.table.viewport().size())
        return super().eventFilter(watched, event)

    # -- selection and details ------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contact = self.model.contact(current.row()) if current.isValid() else None
        self.detail.show_contact(contact, self.dialect.schema if self.dialect else None)

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        row = self.table.currentIndex().row()
        if top_left.row() <= row <= bottom_right.row():
            self._row_changed(self.table.currentIndex(), QModelIndex())

    # -- columns: chooser and remembered layout, per dialect ---------------------------
    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for col, f in enumerate(self.model.fields):
            action = menu.addAction(field_label(f))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: self._set_column(c, on))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self._reset_columns)
        menu.popup(header.mapToGlobal(pos))

    def _set_column(self, col: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep at least one column
        header.setSectionHidden(col, not visible)
        self._save_header()

    def _reset_columns(self) -> None:
        if self.dialect is not None:
            self.services.settings.remove(f"table/{self.dialect.name}/header")
        self._restore_header()

    def _save_header(self) -> None:
        if not self._switching and self.dialect is not None and self.model.columnCount():
            state = self.table.horizontalHeader().saveState()
            self.services.settings.setValue(f"table/{self.dialect.name}/header", state)

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        if self.dialect is None:
            return
        state = self.services.settings.value(f"table/{self.dialect.name}/header")
        if isinstance(state, QByteArray) and header.restoreState(state) \
                and header.count() == len(self.model.fields):
            return
        for col, f in enumerate(self.model.fields):
            header.setSectionHidden(col, not f.shown)
            if header.visualIndex(col) != col:
                header.moveSection(header.visualIndex(col), col)
            header.resizeSection(col, 200 if f.kind.value in ("email", "text") else 140)

    # -- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_header()
        self.services.settings.sync()
        super().closeEvent(event)
        self.closed.emit()
