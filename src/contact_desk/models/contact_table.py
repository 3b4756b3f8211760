"""The contact table: a lazily paging item model over one dialect adapter.

Two strategies behind one model, chosen by the dialect's schema:

* cursor paging (SmartCQ): infinite scroll. ``fetchMore`` loads the next page,
  one page in flight at most; each page remembers the cursor it started from
  so that a page evicted from memory is fetched again when scrolled back to.
* page paging (Replicer): the row count is the total from the first answer;
  rows in view ask for their page (placeholders meanwhile), requests for one
  page are coalesced, and the most recently wanted page is loaded first, so a
  jump to the last row loads only what is shown.

Loaded rows are kept within a budget (least recently used pages go first).
Every request carries the generation it was made for: an answer for an older
account, filter or search is dropped, and switching cancels work in flight.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from contact_desk.api import Dialect, Query, errors
from contact_desk.api.models import Contact
from contact_desk.api.paging import CursorGuard
from contact_desk.api.schema import Field, Paging
from contact_desk.models.format import display, field_label
from contact_desk.tasks import Tasks

log = logging.getLogger("contact_desk.models")

ContactRole = Qt.ItemDataRole.UserRole + 1
LoadingRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

# data() runs about a thousand times per repaint: compare plain ints, not enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_CONTACT = int(ContactRole)
_LOADING = int(LoadingRole)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _CONTACT, _LOADING})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
ROW_TEXT_CACHE = 600  # rows whose formatted cells are kept (a few screens)

PAGE_SIZE = 100
ROW_BUDGET = 20_000  # loaded rows kept in memory; older pages are fetched again if needed
MAX_PAGE_FETCHES = 3  # page paging: pages loading at once
MAX_WANTED = 12  # page paging: wanted pages queued beyond this were scrolled past; forget them
PLACEHOLDER = "…"


@dataclass
class _CursorPage:
    start: str | None  # the cursor this page was fetched with (None: the first page)
    count: int  # rows this page occupies in the table; fixed once shown
    items: list[Contact | None] | None  # None while evicted
    skipped: frozenset[str] = frozenset()  # ids dropped as repeats of earlier pages


@dataclass
class _State:
    """Everything that belongs to one generation (account + query)."""

    dialect: Dialect | None = None
    query: Query = field(default_factory=Query)
    fields: tuple[Field, ...] = ()
    # cursor paging
    cpages: list[_CursorPage] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)  # first row of each cursor page
    next_cursor: str | None = None
    at_end: bool = False
    seen: set[str] = field(default_factory=set)
    guard: CursorGuard = field(default_factory=CursorGuard)  # stops a walk that does not move on
    # page paging
    total: int | None = None
    pages: dict[int, list[Contact | None]] = field(default_factory=dict)


class ContactTableModel(QAbstractTableModel):
    loadingChanged = Signal(bool)
    countsChanged = Signal()
    loadFailed = Signal(object)  # errors.ApiError
    pageLoaded = Signal()

    def __init__(self, tasks: Tasks | None = None, *, page_size: int = PAGE_SIZE,
                 row_budget: int = ROW_BUDGET, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks or Tasks("table")
        self.page_size = page_size
        self.row_budget = max(row_budget, page_size * 4)
        self.generation = 0
        self.s = _State()
        self._lru: OrderedDict[int, None] = OrderedDict()  # page numbers, least recent first
        self._inflight: dict[int, asyncio.Task[Any]] = {}
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._pump_scheduled = False
        self.last_error: errors.ApiError | None = None
        self._failed_pages: set[int] = set()
        self._grey = QBrush(QColor(140, 140, 140))  # mid grey: readable on light and dark rows
        self._italic = QFont()
        self._italic.setItalic(True)
        self._paging: Paging | None = None
        self._texts: OrderedDict[int, tuple[Contact, tuple[str, ...]]] = OrderedDict()
        self.dataChanged.connect(self._forget_texts)
        self.modelReset.connect(self._texts.clear)

    # -- public ---------------------------------------------------------------
    @property
    def dialect(self) -> Dialect | None:
        return self.s.dialect

    @property
    def query(self) -> Query:
        return self.s.query

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.s.fields

    @property
    def paging(self) -> Paging | None:
        return self._paging

    @property
    def total(self) -> int | None:
        return self.s.total

    @property
    def loading(self) -> bool:
        return bool(self._inflight)

    @property
    def loaded_rows(self) -> int:
        if self.paging is Paging.CURSOR:
            return sum(len(p.items) for p in self.s.cpages if p.items is not None)
        return sum(len(items) for items in self.s.pages.values())

    @property
    def at_end(self) -> bool:
        return self.s.at_end

    def set_source(self, dialect: Dialect | None, query: Query | None = None) -> None:
        """Shows another account or query: drops everything of the previous one."""
        self.generation += 1
        for task in self._inflight.values():
            task.cancel()
        self._inflight.clear()
        self._wanted.clear()
        self._lru.clear()
        self._failed_pages.clear()
        self.last_error = None
        self.beginResetModel()
        self.s = _State(dialect=dialect, query=query or Query(),
                        fields=dialect.schema.columns if dialect else ())
        self._paging = dialect.schema.paging if dialect else None
        self.endResetModel()
        self.loadingChanged.emit(False)
        self.countsChanged.emit()
        if dialect is not None:
            self._start(0)

    def retry(self) -> None:
        """After a failure: ask again for what failed (and keep what is shown)."""
        failed, self._failed_pages = self._failed_pages, set()
        self.last_error = None
        if self.paging is Paging.CURSOR:
            for page in failed or {len(self.s.cpages)}:
                self._start(page)  # page == len(cpages) continues from the last cursor
        elif self.s.total is None:
            self._start(0)
        else:
            for page in failed:
                self._want(page)
            self._visible_refresh()

    def contact(self, row: int) -> Contact | None:
        """The contact at ``row`` if it is loaded (never starts a request)."""
        return self._item(row, touch=False)

    def replace_contact(self, contact: Contact) -> int | None:
        """Puts a saved contact in place of its row; returns the row, or None if not loaded."""
        if self.paging is Paging.CURSOR:
            for n, page in enumerate(self.s.cpages):
                for i, item in enumerate(page.items or ()):
                    if item is not None and item.id == contact.id:
                        assert page.items is not None
                        page.items[i] = contact
                        return self._changed(self.s.offsets[n] + i, 1)
        else:
            for n, items in self.s.pages.items():
                for i, item in enumerate(items):
                    if item is not None and item.id == contact.id:
                        items[i] = contact
                        return self._changed(n * self.page_size + i, 1)
        return None

    def insert_top(self, contact: Contact) -> bool:
        """Shows a newly created contact as the first row (SmartCQ lists newest first).
        Returns False where it cannot (page paging, or the first page is not in memory):
        the caller reloads instead."""
        s = self.s
        if self._paging is not Paging.CURSOR or not s.cpages or s.cpages[0].items is None:
            return False
        if contact.id in s.seen:
            return self.replace_contact(contact) is not None
        self.beginInsertRows(QModelIndex(), 0, 0)
        first = s.cpages[0]
        assert first.items is not None
        first.items.insert(0, contact)
        first.count += 1
        s.offsets = [0] + [o + 1 for o in s.offsets[1:]]
        s.seen.add(contact.id)
        self._texts.clear()
        self.endInsertRows()
        self.countsChanged.emit()
        return True

    def known_tags(self) -> set[str]:
        """Tags seen on the contacts in memory: what the tags editor completes."""
        items: list[Contact | None] = []
        for page in self.s.cpages:
            items.extend(page.items or ())
        for loaded in self.s.pages.values():
            items.extend(loaded)
        return {t for c in items if c is not None for t in getattr(c, "tags", ())}

    def row_of(self, contact_id: str) -> int | None:
        """The row of a loaded contact (only what is in memory is searched, never a million rows)."""
        if self._paging is Paging.CURSOR:
            for n, page in enumerate(self.s.cpages):
                for i, item in enumerate(page.items or ()):
                    if item is not None and item.id == contact_id:
                        return self.s.offsets[n] + i
            return None
        for n, items in self.s.pages.items():
            for i, item in enumerate(items):
                if item is not None and item.id == contact_id:
                    return n * self.page_size + i
        return None

    # -- Qt model API -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self.paging is Paging.CURSOR:
            return self.s.offsets[-1] + self.s.cpages[-1].count if self.s.cpages else 0
        return self.s.total or 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.s.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.s.fields):
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(self.s.fields[section])
            if role == Qt.ItemDataRole.UserRole:
                return self.s.fields[section].name
            if role == Qt.ItemDataRole.ToolTipRole:  # neither API sorts: say the order, never fake one
                return self.tr("Listed newest first, in the server's order")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        item = self._item(row, touch=True)
        if role == _LOADING:
            return item is None
        if role == _CONTACT:
            return item
        if item is None:
            if role == _FOREGROUND:
                return self._grey
            return PLACEHOLDER if role == _DISPLAY else None
        archived = getattr(item, "archived", False)  # SmartCQ: shown, but visibly set apart
        if role == _FOREGROUND:
            return self._grey if archived else None
        if role == _FONT:
            return self._italic if archived else None
        texts = self._row_texts(row, item)
        if not 0 <= col < len(texts):
            return None
        text = texts[col]
        if role == _TOOLTIP:
            long = text if len(text) > 30 else ""
            return "\n".join(t for t in (long, self.tr("Archived") if archived else "") if t) or None
        return text

    def _row_texts(self, row: int, item: Contact) -> tuple[str, ...]:
        """The row's cells, formatted once (timestamps and labels are not free)."""
        cached = self._texts.get(row)
        if cached is not None and cached[0] is item:
            return cached[1]
        texts = tuple(display(f, getattr(item, f.attr)) for f in self.s.fields)
        self._texts[row] = (item, texts)
        if len(self._texts) > ROW_TEXT_CACHE:
            self._texts.popitem(last=False)
        return texts

    def _forget_texts(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        first, last = top_left.row(), bottom_right.row()
        for row in [r for r in self._texts if first <= r <= last]:  # the cache is small; the range may not be
            del self._texts[row]

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self.paging is not Paging.CURSOR or self.s.dialect is None:
            return False
        if self.s.at_end or self._inflight or self._failed_pages:
            return False  # one page in flight at most; nothing after the end or a failure
        return bool(self.s.cpages)

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._start(len(self.s.cpages))

    # -- loading --------------------------------------------------------------
    def _start(self, page: int) -> None:
        if page in self._inflight or self.s.dialect is None:
            return
        generation = self.generation
        task = self.tasks.spawn(self._load(page, generation), name=f"page-{page}")
        self._inflight[page] = task
        if len(self._inflight) == 1:
            self.loadingChanged.emit(True)

    async def _load(self, page: int, generation: int) -> None:
        s = self.s
        assert s.dialect is not None
        try:
            if s.dialect.schema.paging is Paging.CURSOR:
                start = s.cpages[page].start if page < len(s.cpages) else s.next_cursor
                result = await s.dialect.list_page(s.query, start, self.page_size)
                if page >= len(s.cpages):
                    s.guard.check(start, result)
            else:
                result = await s.dialect.list_page(s.query, page + 1, self.page_size)
        except asyncio.CancelledError:
            raise
        except errors.ApiError as exc:
            if generation == self.generation:
                self._finish(page)
                self._failed_pages.add(page)
                self.last_error = exc
                self.loadFailed.emit(exc)
            return
        if generation != self.generation:
            return  # an answer for an older account or query: never shown
        self._finish(page)
        if s.dialect.schema.paging is Paging.CURSOR:
            self._put_cursor_page(page, start, result.items, result.next)
        else:
            self._put_page(page, result.items, result.total)
        self.pageLoaded.emit()
        self._pump()

    def _finish(self, page: int) -> None:
        self._inflight.pop(page, None)
        if not self._inflight:
            self.loadingChanged.emit(False)

    # -- cursor paging -----------------------------------------------------
    def _put_cursor_page(self, page: int, start: Any, items: list[Contact], nxt: Any) -> None:
        s = self.s
        if page < len(s.cpages):  # an evicted page fetched again
            slot = s.cpages[page]
            fresh: list[Contact | None] = [c for c in items if c.id not in slot.skipped]
            del fresh[slot.count:]
            fresh += [None] * (slot.count - len(fresh))  # rows gone since: shown as placeholders
            slot.items = fresh
            self._touch(page)
            self._changed(s.offsets[page], slot.count)
            return
        kept: list[Contact | None] = []
        skipped = set()
        for c in items:
            if c.id in s.seen:
                skipped.add(c.id)
            else:
                s.seen.add(c.id)
                kept.append(c)
        s.next_cursor = nxt if isinstance(nxt, str) else None
        s.at_end = s.next_cursor is None
        first = self.rowCount()
        if kept:
            self.beginInsertRows(QModelIndex(), first, first + len(kept) - 1)
        s.offsets.append(first)
        s.cpages.append(_CursorPage(start, len(kept), kept, frozenset(skipped)))
        if kept:
            self.endInsertRows()
        self._touch(page)
        self.countsChanged.emit()

    # -- page paging -----------------------------------------------------------
    def _put_page(self, page: int, items: list[Contact], total: int | None) -> None:
        s = self.s
        if total is not None and total != s.total:
            self._set_total(total, keep=page)
        start = page * self.page_size
        expected = max(0, min(self.page_size, (s.total or 0) - start))
        s.pages[page] = list[Contact | None](items[:expected])
        self._touch(page)
        if expected:
            self._changed(start, expected)
        self.countsChanged.emit()

    def _set_total(self, total: int, keep: int) -> None:
        """The server's total changed (or is known for the first time)."""
        s = self.s
        old = s.total or 0
        if s.total is not None:  # pages shifted: what is cached may be off by some rows
            s.pages = {k: v for k, v in s.pages.items() if k == keep}
            self._lru = OrderedDict((k, None) for k in self._lru if k == keep)
        if total > old:
            self.beginInsertRows(QModelIndex(), old, total - 1)
            s.total = total
            self.endInsertRows()
        elif total < old:
            self.beginRemoveRows(QModelIndex(), total, old - 1)
            s.total = total
            self.endRemoveRows()
        else:
            s.total = total
        s.at_end = True
        if old and self.rowCount():
            self._changed(0, self.rowCount())

    def _want(self, page: int) -> None:
        if page in self._inflight or page in self._failed_pages:
            return
        self._wanted.pop(page, None)
        self._wanted[page] = None
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        if not self._pump_scheduled:
            self._pump_scheduled = True
            QTimer.singleShot(0, self._pump)

    def _pump(self) -> None:
        self._pump_scheduled = False
        while self._wanted and len(self._inflight) < MAX_PAGE_FETCHES:
            page, _ = self._wanted.popitem(last=True)  # the most recently wanted first
            if page not in self.s.pages:
                self._start(page)

    def _visible_refresh(self) -> None:
        if self.rowCount():
            self._changed(0, self.rowCount())

    # -- rows and memory -------------------------------------------------------
    def _item(self, row: int, touch: bool) -> Contact | None:
        s = self.s
        if row < 0:
            return None
        if self._paging is Paging.CURSOR:
            page = bisect.bisect_right(s.offsets, row) - 1
            if page < 0 or row >= s.offsets[page] + s.cpages[page].count:
                return None
            slot = s.cpages[page]
            if slot.items is None:
                if touch and page not in self._failed_pages:
                    self._start(page)
                return None
            if touch:
                self._touch(page)
            offset = row - s.offsets[page]
            return slot.items[offset] if offset < len(slot.items) else None
        if self._paging is None or row >= (s.total or 0):
            return None
        page = row // self.page_size
        items = s.pages.get(page)
        if items is None:
            if touch:
                self._want(page)
            return None
        if touch:
            self._touch(page)
        offset = row - page * self.page_size
        return items[offset] if offset < len(items) else None

    def _touch(self, page: int) -> None:
        lru = self._lru
        if page in lru:
            lru.move_to_end(page)
            return
        lru[page] = None
        budget_pages = self.row_budget // self.page_size
        while len(lru) > budget_pages:
            old, _ = lru.popitem(last=False)
            self._evict(old)

    def _evict(self, page: int) -> None:
        if self.paging is Paging.CURSOR:
            if page < len(self.s.cpages):
                self.s.cpages[page].items = None
        else:
            self.s.pages.pop(page, None)

    def _changed(self, first: int, count: int) -> int:
        if count > 0 and self.s.fields:
            self.dataChanged.emit(self.index(first, 0), self.index(first + count - 1, len(self.s.fields) - 1))
        return first
