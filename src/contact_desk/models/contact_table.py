"""The contact table: a lazily paging item model over one row source.

The source (``row_sources.py``) says where rows come from: the server by cursor
(SmartCQ), the server by page number (Replicer), or the account's offline copy.
The model does what is common: Qt's API, cell texts, loaded rows kept within a
budget (least recently used pages go first), and generations: every request
carries the generation it was made for, an answer for an older account, filter,
search or sort is dropped, and switching cancels work in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from contact_desk.api import Dialect, Query, errors
from contact_desk.api.models import Contact
from contact_desk.api.schema import Field, Paging
from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, LocalCopy
from contact_desk.models.format import display, field_label
from contact_desk.models.row_sources import CursorSource, LocalSource, PageSource, RowSource, SourceKind
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
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _CONTACT, _LOADING, _DECORATION})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
ROW_TEXT_CACHE = 600  # rows whose formatted cells are kept (a few screens)

PAGE_SIZE = 100
ROW_BUDGET = 20_000  # loaded rows kept in memory; older pages are fetched again if needed
PLACEHOLDER = "…"


class ContactTableModel(QAbstractTableModel):
    loadingChanged = Signal(bool)
    countsChanged = Signal()
    loadFailed = Signal(object)  # errors.ApiError, or CopyDamaged / CopyBusy from the offline copy
    pageLoaded = Signal()
    firstPageIn = Signal(float, bool)  # ms from the query to its first page; whether the copy answered

    def __init__(self, tasks: Tasks | None = None, *, page_size: int = PAGE_SIZE,
                 row_budget: int = ROW_BUDGET, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks or Tasks("table")
        self.page_size = page_size
        self.row_budget = max(row_budget, page_size * 4)
        self.generation = 0
        self.pending: frozenset[str] = frozenset()  # contact ids with a change in the outbox
        self.pending_icon: object = None
        self.mark_column = 0  # where the mark goes: the first column shown (the view says which)
        self._asked = 0.0  # when the shown query was asked (perf_counter)
        self.source: RowSource | None = None
        self._dialect: Dialect | None = None
        self._fields: tuple[Field, ...] = ()
        self._lru: OrderedDict[int, None] = OrderedDict()  # page numbers, least recent first
        self._inflight: dict[int, asyncio.Task[Any]] = {}
        self.last_error: errors.ApiError | None = None
        self._failed_pages: set[int] = set()
        self._grey = QBrush(QColor(140, 140, 140))  # mid grey: readable on light and dark rows
        self._italic = QFont()
        self._italic.setItalic(True)
        self._sortable = False  # header clicks sort the whole list (a complete local copy)
        self._texts: OrderedDict[int, tuple[Contact, tuple[str, ...]]] = OrderedDict()
        self.dataChanged.connect(self._forget_texts)
        self.modelReset.connect(self._texts.clear)

    # -- public ---------------------------------------------------------------
    @property
    def dialect(self) -> Dialect | None:
        return self._dialect

    @property
    def query(self) -> Query:
        return self.source.query if self.source is not None else Query()

    @property
    def fields(self) -> tuple[Field, ...]:
        return self._fields

    @property
    def paging(self) -> Paging | None:
        return self._dialect.schema.paging if self._dialect is not None else None

    @property
    def source_kind(self) -> SourceKind:
        return self.source.kind if self.source is not None else SourceKind.NONE

    @property
    def sort_order(self) -> tuple[str, bool] | None:
        """The local sort (field name, descending); None: the API's order."""
        return self.source.sort if isinstance(self.source, LocalSource) else None

    @property
    def total(self) -> int | None:
        return self.source.total if self.source is not None else None

    @property
    def loading(self) -> bool:
        return bool(self._inflight)

    @property
    def at_end(self) -> bool:
        return self.source.at_end if self.source is not None else False

    def set_source(self, dialect: Dialect | None, query: Query | None = None, *,
                   copy: LocalCopy | None = None, sort: tuple[str, bool] | None = None) -> None:
        """Shows another account, query, source or order: drops everything of the previous
        one. With ``copy`` the rows come from the offline copy (``sort``: a field's name
        and whether descending), else from the server."""
        self.generation += 1
        self._asked = time.perf_counter()
        for task in self._inflight.values():
            task.cancel()
        self._inflight.clear()
        self._lru.clear()
        self._failed_pages.clear()
        self.last_error = None
        self.beginResetModel()
        query = query or Query()
        self._dialect = dialect
        self._fields = dialect.schema.columns if dialect else ()
        if dialect is None:
            self.source = None
        elif copy is not None:
            self.source = LocalSource(self, query, copy, sort)
        elif dialect.schema.paging is Paging.CURSOR:
            self.source = CursorSource(self, query, dialect)
        else:
            self.source = PageSource(self, query, dialect)
        self.endResetModel()
        self.loadingChanged.emit(False)
        self.countsChanged.emit()
        if self.source is not None:
            self.source.start()

    def retry(self) -> None:
        """After a failure: ask again for what failed (and keep what is shown)."""
        failed, self._failed_pages = self._failed_pages, set()
        self.last_error = None
        if self.source is not None:
            self.source.retry(failed)

    def contact(self, row: int) -> Contact | None:
        """The contact at ``row`` if it is loaded (never starts a request)."""
        return self.source.item(row, touch=False) if self.source is not None else None

    def _find(self, contact_id: str) -> Iterator[tuple[int, list[Contact | None], int]]:
        if self.source is None:
            return
        for first, items in self.source.loaded():
            for i, item in enumerate(items):
                if item is not None and item.id == contact_id:
                    yield first, items, i

    def set_pending(self, ids: frozenset[str], icon: object = None) -> None:
        """The contacts with a change waiting in the outbox: marked by ``icon`` and words."""
        if ids == self.pending:
            return
        self.pending, self.pending_icon = ids, icon
        rows = self.rowCount()
        if rows:
            last = max(0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, last), [_DECORATION, _TOOLTIP])

    def replace_contact(self, contact: Contact) -> int | None:
        """Puts a saved contact in place of its row; returns the row, or None if not loaded."""
        for first, items, i in self._find(contact.id):
            items[i] = contact
            return self.changed(first + i, 1)
        return None

    def insert_top(self, contact: Contact) -> bool:
        """Shows a newly created contact as the first row where the source can (SmartCQ's
        server, newest first). False otherwise: the caller reloads instead."""
        return self.source is not None and self.source.insert_top(contact)

    def known_tags(self) -> set[str]:
        """Tags seen on the contacts in memory: what the tags editor completes."""
        if self.source is None:
            return set()
        return {t for _f, items in self.source.loaded() for c in items if c is not None
                for t in getattr(c, "tags", ())}

    def rows_of(self, ids: set[str]) -> dict[str, int]:
        """The rows of those loaded contacts, in one pass over what is in memory."""
        if self.source is None or not ids:
            return {}
        return {c.id: first + i for first, items in self.source.loaded() for i, c in enumerate(items)
                if c is not None and c.id in ids}

    def row_of(self, contact_id: str) -> int | None:
        """The row of a loaded contact (only what is in memory is searched, never a million rows)."""
        for first, _items, i in self._find(contact_id):
            return first + i
        return None

    # -- Qt model API -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self.source.row_count() if self.source is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields):
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(self._fields[section])
            if role == Qt.ItemDataRole.UserRole:
                return self._fields[section].name
            if role == Qt.ItemDataRole.ToolTipRole:  # neither API sorts: say the order, never fake one
                if self._sortable:
                    return self.tr("Click to sort the whole list by this column (again: the other "
                                   "way, a third time: newest first)")
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
        waiting = item.id in self.pending  # a change made offline, not sent yet: an icon and words
        if role == _DECORATION:
            return self.pending_icon if waiting and col == self.mark_column else None
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
            marks = (self.tr("Archived") if archived else "",
                     self.tr("Waiting to be sent") if waiting else "")
            return "\n".join(t for t in (long, *marks) if t) or None
        return text

    def _row_texts(self, row: int, item: Contact) -> tuple[str, ...]:
        """The row's cells, formatted once (timestamps and labels are not free)."""
        cached = self._texts.get(row)
        if cached is not None and cached[0] is item:
            return cached[1]
        texts = tuple(display(f, getattr(item, f.attr)) for f in self._fields)
        self._texts[row] = (item, texts)
        if len(self._texts) > ROW_TEXT_CACHE:
            self._texts.popitem(last=False)
        return texts

    def _forget_texts(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        first, last = top_left.row(), bottom_right.row()
        for row in [r for r in self._texts if first <= r <= last]:  # the cache is small; the range may not be
            del self._texts[row]

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self.source is None:
            return False
        if self._inflight or self._failed_pages:
            return False  # one page in flight at most; nothing after a failure
        return self.source.can_fetch_more()

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent) and self.source is not None:
            self.source.fetch_more()

    def allow_sorting(self, on: bool) -> None:
        """Whether a header click sorts the whole list (the offline copy is complete): the
        headers' tooltips say which."""
        if on != self._sortable:
            self._sortable = on
            if self._fields:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._fields) - 1)

    # -- what sources use (row_sources.PageHost) -------------------------------------
    def shows(self, source: RowSource) -> bool:
        return self.source is source

    def counts_changed(self) -> None:
        self.countsChanged.emit()

    def start_page(self, page: int) -> None:
        if page in self._inflight or self.source is None:
            return
        task = self.tasks.spawn(self._load(self.source, page, self.generation), name=f"page-{page}")
        self._inflight[page] = task
        if len(self._inflight) == 1:
            self.loadingChanged.emit(True)

    def in_flight(self, page: int) -> bool:
        return page in self._inflight

    def in_flight_count(self) -> int:
        return len(self._inflight)

    def failed(self, page: int) -> bool:
        return page in self._failed_pages

    @contextlib.contextmanager
    def inserting(self, first: int, count: int) -> Iterator[None]:
        if count > 0:
            self.beginInsertRows(QModelIndex(), first, first + count - 1)
        yield
        if count > 0:
            self.endInsertRows()

    @contextlib.contextmanager
    def removing(self, first: int, count: int) -> Iterator[None]:
        if count > 0:
            self.beginRemoveRows(QModelIndex(), first, first + count - 1)
        yield
        if count > 0:
            self.endRemoveRows()

    def forget_pages_but(self, keep: int) -> None:
        self._lru = OrderedDict((k, None) for k in self._lru if k == keep)

    def touch(self, page: int) -> None:
        lru = self._lru
        if page in lru:
            lru.move_to_end(page)
            return
        lru[page] = None
        budget_pages = self.row_budget // self.page_size
        while len(lru) > budget_pages:
            old, _ = lru.popitem(last=False)
            if self.source is not None:
                self.source.evict(old)

    def changed(self, first: int, count: int) -> int:
        if count > 0 and self._fields:
            self.dataChanged.emit(self.index(first, 0), self.index(first + count - 1, len(self._fields) - 1))
        return first

    # -- loading --------------------------------------------------------------
    async def _load(self, source: RowSource, page: int, generation: int) -> None:
        try:
            answer = await source.fetch(page)
        except asyncio.CancelledError:
            raise
        except CopyClosed:  # the account or the window changed meanwhile: nothing to show
            if generation == self.generation:
                self._finish(page)
            return
        except (errors.ApiError, CopyDamaged, CopyBusy) as exc:
            if generation == self.generation:
                self._finish(page)
                self._failed_pages.add(page)
                problem = exc if isinstance(exc, errors.ApiError) else errors.ApiError(
                    self.tr("The offline copy cannot be read: {reason}").format(reason=exc))
                self.last_error = problem
                self.loadFailed.emit(exc)
            return
        if generation != self.generation:
            return  # an answer for an older account, query or order: never shown
        self._finish(page)
        source.put(page, answer)
        self.pageLoaded.emit()
        if page == 0:
            self.firstPageIn.emit((time.perf_counter() - self._asked) * 1000, source.kind is SourceKind.LOCAL)

    def _finish(self, page: int) -> None:
        self._inflight.pop(page, None)
        if not self._inflight:
            self.loadingChanged.emit(False)

    def _item(self, row: int, touch: bool) -> Contact | None:
        return self.source.item(row, touch) if self.source is not None else None
