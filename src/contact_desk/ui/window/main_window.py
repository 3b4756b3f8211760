"""The main window: account switcher, filter bar, the contact table, details, status."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import (
    Account,
)
from contact_desk.api import Dialect, Query, errors
from contact_desk.api.models import Contact
from contact_desk.mirror import CopyBusy, CopyDamaged, LocalCopy
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.row_sources import SourceKind
from contact_desk.tasks import Tasks
from contact_desk.ui.accounts.account_access import AccountAccess
from contact_desk.ui.accounts.accounts_dialog import AccountsDialog
from contact_desk.ui.accounts.welcome import WelcomePage
from contact_desk.ui.contacts.contact_form import ContactForm
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.detail_panel import DetailPanel
from contact_desk.ui.contacts.filter_bar import FilterBar
from contact_desk.ui.contacts.form_registry import FormRegistry
from contact_desk.ui.contacts.row_menu import row_menu
from contact_desk.ui.context import Services
from contact_desk.ui.host import Scope
from contact_desk.ui.offline.offline_copy import OfflineCopy, unreachable
from contact_desk.ui.offline.offline_view import OfflineView
from contact_desk.ui.transfer.bulk_dialog import BulkDialog
from contact_desk.ui.transfer.export_dialog import ExportDialog
from contact_desk.ui.transfer.import_dialog import ImportDialog
from contact_desk.ui.widgets.error_banner import ErrorBanner
from contact_desk.ui.widgets.help_dialogs import show_about, show_shortcuts
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.window import editing
from contact_desk.ui.window.account_switcher import AccountSwitching
from contact_desk.ui.window.actions import WindowActions
from contact_desk.ui.window.demo import start_demo
from contact_desk.ui.window.state import WindowState

log = logging.getLogger("contact_desk.ui")


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Contact Desk"))
        self.services = services
        self.state = WindowState(services.settings)
        self.model = ContactTableModel(services.tasks, parent=self)
        self.account: Account | None = None
        self.dialect: Dialect | None = None
        self._retry: Callable[[], None] | None = None
        self._switching = False  # while the table changes account, header signals are not user changes
        self.registry = FormRegistry()
        self.copies = OfflineCopy(services.settings, services.tasks, services.copies, self)
        self.switching = AccountSwitching(self)
        self.access = AccountAccess(self.state)
        self._closing = False
        self._build()
        self._wire()
        self.state.restore_window(self, self.split)
        self._update_actions()  # nothing to create or edit until an account is open

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.switcher = QComboBox(self)
        self.switcher.setObjectName("account-switcher")
        self.switcher.setAccessibleName(self.tr("Account"))
        self.switcher.setMinimumWidth(240)
        self.commands = WindowActions(self)
        self.commands.build_toolbar(self.switcher)
        self.commands.build_menus()
        a = self.commands
        self.new_action, self.edit_action, self.accounts_action = a.new, a.edit, a.accounts
        self.refresh_action, self.quit_action = a.refresh, a.quit
        self._build_body()
        self._build_status()
        self.offline_view = OfflineView(self, self.copies)
        self.commands.add_copy_actions(self.offline_view)
        for action in (a.copy, a.select_all):  # in the table only: elsewhere Ctrl+C copies text
            self.removeAction(action)
            self.table.addAction(action)

    def _build_body(self) -> None:
        self.welcome = WelcomePage(self)
        self.filter_bar = FilterBar(self)
        self.banner = ErrorBanner(self)
        self.table = ContactTableView(self.model, self.state, self)
        self.empty = self.table.empty
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
        status.addWidget(self.rows_label)
        status.addWidget(self.busy)

    def _wire(self) -> None:
        self.switcher.activated.connect(self.switching.activated)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.new_action.triggered.connect(self.new_contact)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter
        self.detail.editRequested.connect(self.edit_selected)
        self.refresh_action.triggered.connect(self.refresh)
        self.quit_action.triggered.connect(self.close)  # asks about unsaved forms first
        a = self.commands
        a.find.triggered.connect(self.filter_bar.focus_first)
        a.export.triggered.connect(self.export_contacts)
        a.import_.triggered.connect(self.import_contacts)
        a.bulk.triggered.connect(self.change_contacts)
        a.copy.triggered.connect(self.copy_rows)
        a.select_all.triggered.connect(self.table.selectAll)
        a.details.toggled.connect(self.detail.setVisible)
        a.compact.toggled.connect(self.table.set_compact)
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))
        a.about.triggered.connect(lambda: show_about(self, self.services))
        a.columns.aboutToShow.connect(lambda: self.table.fill_column_menu(a.columns))
        self.table.customContextMenuRequested.connect(self._row_menu)
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
        for sig in (header.sectionMoved, header.sectionResized):
            sig.connect(self._save_header)

    # -- accounts (ui/account_switching.py) ---------------------------------------------
    def load_accounts(self, select: str | None = None) -> None:
        self.switching.load(select)

    def show_account(self, account_id: str | None) -> None:
        self.switching.show(account_id)

    def open_accounts(self) -> None:
        self.switching.open_dialog()

    @property
    def _accounts_dialog(self) -> AccountsDialog | None:
        return self.switching.dialog

    @property
    def forms(self) -> list[ContactForm]:
        return self.registry.forms

    def _key_changed(self, account_id: str) -> None:
        self.access.key_changed(account_id)
        self._update_actions()

    def _editing_refused(self, account_id: str) -> None:
        self.access.editing_refused(account_id)
        self._update_actions()

    def _access_learned(self, account_id: str, can_write: bool) -> None:
        self.access.learned(account_id, can_write)
        self._update_actions()

    async def start_demo(self, contacts: int = 10_000, seed: int = 1) -> None:
        """Starts the embedded sandbox and opens its two demo accounts (``ui/demo.py``)."""
        await start_demo(self, contacts, seed)

    def forget_accounts_dialog(self) -> None:
        self.switching.forget_dialog()

    # -- creating and editing ----------------------------------------------------------
    def _update_actions(self) -> None:
        account = self.account.id if self.account and self.dialect else None
        online = not self.copies.offline
        self.new_action.setEnabled(online and self.access.can_write(account))
        patchable = bool(self.dialect and self.dialect.schema.patchable)
        can_edit = online and self.access.can_edit(account) and patchable
        self.edit_action.setEnabled(can_edit)
        self.commands.bulk.setEnabled(can_edit)
        self.detail.set_can_edit(can_edit)
        self.commands.export.setEnabled(self.dialect is not None)
        self.commands.import_.setEnabled(self.new_action.isEnabled())
        offline_tip = self.tr("Offline: comes back when the server answers")
        tips = ((self.new_action, self.commands.new_tip), (self.edit_action, self.commands.edit_tip))
        for action, tip in tips:
            action.setToolTip(tip if online else offline_tip)

    def _open_form(self, contact: Contact | None) -> ContactForm | None:
        if self.dialect is None or self.account is None:
            return None
        existing = self.registry.find(contact.id) if contact is not None else None
        if existing is not None:  # one form per contact
            existing.show()
            existing.raise_()
            return existing
        form = ContactForm(self.dialect, self.services.tasks, contact, known_tags=self.model.known_tags(),
                           parent=self)
        form.setWindowFlag(Qt.WindowType.Window)
        account_id = self.account.id
        form.saved.connect(self._saved)
        form.openExisting.connect(self.open_existing)
        form.readOnly.connect(lambda: self._access_learned(account_id, False))
        form.editingUnsupported.connect(lambda: self._editing_refused(account_id))
        self.registry.add(form)
        form.show()
        return form

    def export_contacts(self) -> ExportDialog | None:
        if self.dialect is None:
            return None
        name = self.account.name if self.account else ""
        dialog = self.export_dialog = ExportDialog(self, self.dialect, name, self)
        dialog.open()
        return dialog

    def import_contacts(self) -> ImportDialog | None:
        if self.dialect is None or not self.new_action.isEnabled():
            return None
        dialog = self.import_dialog = ImportDialog(self, self.dialect, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def change_contacts(self) -> BulkDialog | None:
        if self.dialect is None or not self.edit_action.isEnabled():
            return None
        dialog = self.bulk_dialog = BulkDialog(self, self.dialect, self)
        dialog.contactSaved.connect(self._changed_elsewhere)
        dialog.open()
        return dialog

    def _imported(self) -> None:
        self.copies.sync_now()  # the offline copy brings the new contacts in
        self.reload_in_place()

    def _changed_elsewhere(self, contact: Contact) -> None:
        """A contact saved by a dialog: its new values in the table and the offline copy at once."""
        self.model.replace_contact(contact)
        self.copies.saved(contact)

    # -- what dialogs may ask (ui/host.py: WindowHost) ------------------------------------
    @property
    def tasks(self) -> Tasks:
        return self.services.tasks

    def scope(self) -> Scope:
        selected, missing = self.table.selected_contacts()
        model = self.model
        reads_copy = model.source_kind is SourceKind.LOCAL
        return Scope(selected, missing, model.total, model.query, model.sort_order,
                     self.copies.copy if reads_copy else None)

    def offline_copy(self) -> LocalCopy | None:
        return self.copies.copy

    def say(self, text: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(text, ms)

    def new_contact(self) -> ContactForm | None:
        return self._open_form(None) if self.new_action.isEnabled() else None

    def edit_selected(self) -> ContactForm | None:
        index = self.table.currentIndex()
        contact = self.model.contact(index.row()) if index.isValid() else None
        if contact is None or not self.edit_action.isEnabled():
            return None
        return self._open_form(contact)

    def open_existing(self, contact_id: str, status: str) -> None:
        """A 409's "Open existing": the contact by id, in the details and an edit form."""
        editing.open_existing(self, contact_id)

    def _saved(self, contact: Contact, created: bool) -> None:
        editing.saved(self, contact, created)

    # -- loading, errors, status -----------------------------------------------------
    def refresh(self) -> None:
        if self.dialect is None and self.account is None:
            self.load_accounts()
            return
        self.banner.hide()
        self.copies.refresh()
        self.reload_in_place()

    def reload_in_place(self, keep_scroll: bool = True) -> None:
        """Loads the list again where it is: the selection kept, and the scroll (F5, a sync)."""
        if keep_scroll:
            self.table.keep_scroll()
        self._query_changed(self.filter_bar.query())

    def show_offline(self, text: str) -> None:
        self._fail(text, self.copies.probe_now)

    def _query_changed(self, query: Query) -> None:
        """Loads the list again for ``query``; the selected contact stays selected when it is
        still in the list, and the details never show one that is not."""
        current = self.model.contact(self.table.currentIndex().row())
        if current is not None:
            self.table.select_when_loaded(current.id, replace=False)
        self.detail.show_contact(None, self.dialect.schema if self.dialect else None)
        self.banner.hide()
        if self.copies.offline:
            self.offline_view.say_offline()  # still true after a reload
        self._switching = True
        try:
            self.offline_view.apply(query)
            self._restore_header()
            self.offline_view.show_sort(self.model.sort_order)  # the header's saved state has none
        finally:
            self._switching = False

    def _fail(self, text: str, retry: Callable[[], None] | None) -> None:
        """Says it once, in the banner (the status bar would only repeat it, truncated)."""
        self._retry = retry
        self.banner.show_error(text, can_retry=retry is not None)

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, CopyDamaged):
            self.copies.damaged()
            return
        if isinstance(exc, CopyBusy):  # another program holds the file: not damage, nothing set aside
            self._fail(self.tr("The offline copy is in use by another program: {reason}").format(
                reason=exc), self.model.retry)
            return
        assert isinstance(exc, errors.ApiError)
        if unreachable(exc) and self.copies.server_unreachable():
            return  # offline: the banner says so and the table shows the copy
        self._fail(describe(exc), self.model.retry)
        self._update_status()

    def _retry_clicked(self) -> None:
        self.banner.hide()
        if self._retry is not None:
            self._retry()

    def _loading_changed(self, loading: bool) -> None:
        self.busy.setVisible(loading)
        self._update_status()

    def _update_status(self) -> None:
        self.rows_label.setText(self.table.refresh_status(self.dialect is not None))

    # -- copying and the row menu ---------------------------------------------------------
    def copy_rows(self) -> None:
        said = self.table.copy_rows()
        if said:
            self.statusBar().showMessage(said, 5000)

    def _row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        contact = self.model.contact(index.row()) if index.isValid() else None
        if contact is None:
            return
        self.table.setCurrentIndex(index)
        menu = row_menu(self, contact, self.edit_selected if self.edit_action.isEnabled() else None)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.row_menu = menu

    # -- selection and details ------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contact = self.model.contact(current.row()) if current.isValid() else None
        self.detail.show_contact(contact, self.dialect.schema if self.dialect else None)

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        row = self.table.currentIndex().row()
        if top_left.row() <= row <= bottom_right.row():
            self._row_changed(self.table.currentIndex(), QModelIndex())

    # -- columns, remembered per dialect ------------------------------------------------
    def _save_header(self) -> None:
        if not self._switching:
            self.table.save_header()

    def _restore_header(self) -> None:
        self.table.restore_header(self.dialect.name if self.dialect else None)

    # -- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and self.registry.any_dirty():
            event.ignore()

            def really() -> None:
                self._closing = True
                self.close()

            self.registry.leave(really)
            return
        self._save_header()
        self.state.save_window(self, self.split)
        self.services.tasks.spawn(self.copies.aclose(), name="copy-close")
        self.services.settings.sync()
        super().closeEvent(event)
        self.closed.emit()
