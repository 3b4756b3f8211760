"""The Navigator (ui/host.py): what the table shows. One owner for the account, the search and
filters, the order, the shown columns, which source the rows come from (the server, or the offline
copy as ``mirror/syncing/offline.py``'s policy says) and the contact to select. Every "open X with Q and
select C" goes through ``show(Target(...))``: the account switcher, the sidebar and saved views,
the overview's bars, Search every account, duplicates, a contact created but hidden.

A contact to select that is not on a loaded page has its page loaded (``models/seeking.py``); one
the search and filters hide is shown with every contact when the target asks (``reveal``), the
list as the user left it a click away ("Back to your list")."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QLocale, QObject, Signal

from contact_desk.accounts import Account, AccountError, KeyringProblem
from contact_desk.api import Dialect, Query, errors, open_dialect
from contact_desk.api.models import Contact
from contact_desk.mirror import CopyBusy, CopyDamaged
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.seeking import SEEK_ROWS, seek
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.filter_bar import FilterBar
from contact_desk.ui.context import Services
from contact_desk.ui.host import KEEP, Target
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.offline.offline_view import OfflineView
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.window.state import WindowState
from contact_desk.ui.window.status import StatusLine


class Browse(QObject):
    accountShown = Signal()  # another account (or none) is shown: the window updates what depends on it
    filtersBuilt = Signal()  # the filter bar was built anew (its widgets changed: the Tab order)
    said = Signal(str, int)  # a passing status message, for this many ms

    def __init__(self, services: Services, state: WindowState, copies: OfflineCopy,
                 model: ContactTableModel, table: ContactTableView, filter_bar: FilterBar,
                 offline_view: OfflineView, status: StatusLine, parent: QObject) -> None:
        super().__init__(parent)
        self.services, self.state, self.copies, self.model = services, state, copies, model
        self.table, self.filter_bar, self.offline_view, self.status = table, filter_bar, offline_view, status
        filter_bar.chips.known = model.known_tags  # the tag filter completes as the New form does
        self._account: Account | None = None
        self._dialect: Dialect | None = None
        self.sort: tuple[str, bool] | None = None  # the copy's order; None: the API's (newest first)
        self.switching = False  # while the table changes account, header signals are not user changes
        self._local = False  # the filter bar has a search box for the offline copy
        self._arriving: Target | None = None  # applied once the account's copy is open
        self._seeking: asyncio.Task[None] | None = None
        self._notice: tuple[Query, str, Callable[[], None], str] | None = None  # kept while its list is shown

    @property
    def account(self) -> Account | None:
        return self._account

    @property
    def dialect(self) -> Dialect | None:
        return self._dialect

    # -- the one way in ----------------------------------------------------------------
    def show(self, target: Target) -> bool:
        shown = self._account.id if self._account is not None else None
        other = target.account_id is not None and target.account_id != shown
        if target.where and not other and not self.filter_bar.chips.available:
            self.said.emit(self.filter_bar.chips.add_button.toolTip(), 8000)
            return False
        if other:
            self._arriving = target
            self.show_account(target.account_id)
            return True
        self._apply(target)
        return True

    def shown(self) -> Target:
        return Target(self._account.id if self._account else None, self.filter_bar.query(), sort=self.sort,
                      columns=tuple(self.shown_columns()))

    def _apply(self, target: Target) -> None:
        """``target`` in the account shown (its copy open)."""
        before = self.filter_bar.query()
        query = target.query if target.query is not None else before
        if target.aside and before not in (Query(), query):
            self._notice = (query, target.aside, lambda: self._back_to(before), self.tr("Back to your list"))
        if target.where:
            fields = {c.field for c in target.where}
            query = replace(query, where=(*(c for c in query.where if c.field not in fields), *target.where))
        self.filter_bar.set_query(query)
        if target.sort != KEEP:
            self.sort = target.sort
        if target.columns:
            self._show_columns(list(target.columns))
        if target.select is not None:
            self.table.select_when_loaded(target.select)
        self.query_changed(self.filter_bar.query())
        if target.note:
            self.said.emit(target.note, 3000)
        if target.select is not None:
            self._seek(target)

    # -- the account ---------------------------------------------------------------------
    def show_account(self, account_id: str | None) -> None:
        """Switches the table to another account: the previous one's work is cancelled, its
        filters and place remembered for when it comes back."""
        if self._account is not None:
            self.state.remember_query(self._account.id, self.filter_bar.query(), self.table.place())
        self.status.banner.hide()
        self.save_header()
        self.switching = True
        try:
            self._open_account(account_id)
        finally:
            self.switching = False
        if self._account is None or self._account.id != account_id:
            self._arriving = None  # it could not be opened (said)

    def _open_account(self, account_id: str | None) -> None:
        previous = self._dialect.name if self._dialect else None
        self._account, self._dialect = None, None
        if account_id is not None:
            try:
                account = self.services.accounts.find(account_id)
                key = self.services.keys.get(account.id, account.name)
                self._dialect = open_dialect(self.services.http, account.dialect, key, account.base_url)
                self._account = account
            except (AccountError, KeyringProblem, errors.ApiError) as exc:
                self.status.fail(describe(exc), lambda: self.show_account(account_id))
        shown, schema = self._account, self._dialect.schema if self._dialect else None
        self.status.has_account = self._dialect is not None
        local = shown is not None and self.copies.keeps(shown.id)
        if schema is None or (schema.dialect, local) != (previous, self._local):
            self.filter_bar.build(schema, local_search=local)
            self.filtersBuilt.emit()
        self._local = local
        arriving = self._arriving
        if shown is not None:
            self.state.last_account = shown.id
            own = self.state.query_for(shown.id) or Query()
            self.filter_bar.set_query(arriving.query if arriving and arriving.query is not None else own)
        self.sort = None
        self.offline_view.show_sort(None)
        self.model.set_source(None)  # until the offline copy is open (milliseconds)

        def ready() -> None:
            if self._account is not shown:
                return
            target, self._arriving = self._arriving, None
            if target is not None and shown is not None:
                self._apply(target)
                return
            place = self.state.place_for(shown.id) if shown else None
            if place is not None:  # back where the user was in this account's list
                self.table.return_to(place)
            self.query_changed(self.filter_bar.query())

        self.copies.open(shown, self._dialect, ready)
        self.accountShown.emit()

    # -- the list ------------------------------------------------------------------------
    def query_changed(self, query: Query) -> None:
        """Loads the list again for ``query``, from the source the offline policy chooses; the
        selected contact stays selected when it is still in the list."""
        self.table.keep_selection()  # the selected rows stay selected if the reload brings them back
        self.status.banner.hide()
        notice = self._notice
        if notice is not None and (notice[0] != query or self._account is None):
            notice = self._notice = None  # another list: what it said no longer holds
        if notice is not None:  # the same list loaded again (a sync's end): still true
            self.status.fail(notice[1], notice[2], action=notice[3])
        if self.copies.offline:
            self.offline_view.say_offline()  # still true after a reload
        self.switching = True
        try:
            self._set_source(query)
            self.table.restore_header(self._dialect.name if self._dialect else None)
            self.offline_view.show_sort(self.model.sort_order)  # the header's saved state has none
        finally:
            self.switching = False

    def _set_source(self, query: Query) -> None:
        """The copy or the server, in the chosen order; what the server cannot do is left out
        (and said by the filter bar and the status line)."""
        sort = self.sort if self.copies.can_sort() else None
        source = self.copies.source_for(query, sort)
        dialect = self._dialect
        if source is None:
            sort = None
            if query.search and dialect is not None and not dialect.schema.search:
                query = replace(query, search=None)  # no copy to search: the whole list, said below
            query = replace(query, where=())  # the chips say why they are not applied
        self.model.allow_sorting(self.copies.can_sort())
        self.model.set_source(dialect, query, copy=source, sort=sort)
        self.offline_view.update_label()
        self.offline_view.update_actions()

    def load_failed(self, exc: Exception) -> None:
        """A page could not be loaded: the copy set aside when damaged, offline when the server
        cannot be reached (the copy shows the list), else said with Retry."""
        if isinstance(exc, CopyDamaged):
            self.copies.damaged()
            return
        if isinstance(exc, CopyBusy):  # another program holds the file: not damage, nothing set aside
            self.status.fail(self.tr("The offline copy is in use by another program: {reason}").format(
                reason=exc), self.model.retry)
            return
        assert isinstance(exc, errors.ApiError)
        if errors.unreachable(exc) and self.copies.server_unreachable():
            return  # offline: the banner says so and the table shows the copy
        self.status.fail(describe(exc), self.model.retry)
        self.status.update()

    def reload_in_place(self, keep_scroll: bool = True) -> None:
        """Loads the list again where it is: the selection kept, and the scroll (F5, a sync)."""
        if keep_scroll:
            self.table.keep_scroll()
        self.query_changed(self.filter_bar.query())

    def set_sort(self, sort: tuple[str, bool] | None, reload: bool = True) -> None:
        """A header click (or the copy no longer able to sort: ``reload`` False)."""
        self.sort = sort
        if reload:
            self.reload_in_place(keep_scroll=False)

    # -- the contact to select ------------------------------------------------------------
    def _seek(self, target: Target) -> None:
        if self._seeking is not None:
            self._seeking.cancel()  # a newer wish wins
        self._seeking = self.services.tasks.spawn(self._find(target), name="seek")

    async def _find(self, target: Target) -> None:
        contact_id, account = target.select, self._account
        assert contact_id is not None
        found = await seek(self.model, contact_id)
        if self._account is not account or asyncio.current_task() is not self._seeking:
            return  # a newer wish (its cancel can be lost when a page arrives at the same moment)
        if found.row is not None:
            self.table.select_pending()  # its page may have come before the wish
            return
        query = self.filter_bar.query()
        if found.listed is False and target.reveal and query != Query():
            left = query
            self._notice = (Query(), self.tr("The search and filters of this list hid the contact: every "
                                             "contact is shown now."),
                            lambda: self._back_to(left), self.tr("Back to your list"))
            self.filter_bar.set_query(Query())
            self.table.select_when_loaded(contact_id)
            self.query_changed(Query())
            self._seek(replace(target, reveal=False))
            return
        self.table.select_when_loaded(None)
        if found.listed is False:
            self.said.emit(self.tr("This contact is not in the list (it may have been archived or removed)."),
                           8000)
        else:
            self.said.emit(self.tr("This contact is not among the first {n} contacts of the list: search for "
                                   "it to see it.").format(n=QLocale().toString(SEEK_ROWS)), 10_000)

    def _back_to(self, query: Query) -> None:
        self._notice = None
        self.filter_bar.set_query(query)
        self.query_changed(query)

    # -- columns ---------------------------------------------------------------------------
    def _show_columns(self, names: list[str]) -> None:
        header = self.table.horizontalHeader()
        fields = [f.name for f in self.model.fields]
        wanted = [n for n in names if n in fields]
        if not wanted:
            return
        for col, name in enumerate(fields):
            header.setSectionHidden(col, name not in wanted)
        for place, name in enumerate(wanted):
            col = fields.index(name)
            header.moveSection(header.visualIndex(col), place)
        self.table.save_header()

    def shown_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        fields = [f.name for f in self.model.fields]
        cols = sorted((header.visualIndex(c), c) for c in range(len(fields)) if not header.isSectionHidden(c))
        return [fields[c] for _v, c in cols]

    def save_header(self) -> None:
        """Column widths and order, remembered per dialect (not while the table changes account)."""
        if not self.switching:
            self.table.save_header()

    def created_but_hidden(self, contact: Contact) -> None:
        """A contact just created that the filters or the search hide: said, with Show it."""
        def show_it() -> None:  # the filters and search cleared, the contact selected
            self.show(Target(query=Query(), select=contact.id))

        text = self.tr("Contact created. The filters or the search hide it from the list.")
        self.status.fail(text, show_it, action=self.tr("Show it"))

    def imported(self) -> None:
        """Contacts were created by an import: the offline copy brings them in, the list shows them."""
        self.copies.sync_now()
        self.reload_in_place()
