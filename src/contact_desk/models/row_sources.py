"""Where the contact table's rows come from: one small strategy per source, chosen once
per generation, so the model never asks "which kind of paging is this?".

* ``CursorSource`` (SmartCQ's server): infinite scroll. ``fetchMore`` loads the next
  page, one in flight at most; each page remembers the cursor it started from, so a
  page evicted from memory is fetched again when scrolled back to.
* ``PageSource`` (Replicer's server): the row count is the total from the first
  answer; rows in view ask for their page (placeholders meanwhile), requests for
  one page are coalesced, and the most recently wanted page is loaded first, so a
  jump to the last row loads only what is shown.
* ``LocalSource`` (the offline copy): sparse pages like ``PageSource``, read from
  the copy, in the API's order or sorted by any column.

Pages are numbered from 0; the model keeps loaded pages within its row budget and
drops answers from an older generation.
"""

from __future__ import annotations

import abc
import bisect
import enum
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QTimer

from contact_desk.api import Dialect, Query
from contact_desk.api.models import Contact
from contact_desk.api.paging import CursorGuard
from contact_desk.mirror import LocalCopy

MAX_PAGE_FETCHES = 3  # sparse sources: pages loading at once
MAX_WANTED = 12  # sparse sources: wanted pages queued beyond this were scrolled past; forget them


class SourceKind(enum.Enum):
    """Where the table's rows come from."""

    NONE = "none"  # no account shown
    CURSOR = "cursor"  # SmartCQ's server
    PAGE = "page"  # Replicer's server
    LOCAL = "local"  # the offline copy


class PageHost(Protocol):
    """All a row source may ask of the model that shows it (ContactTableModel is one): it starts
    page loads, keeps the page budget, and turns row changes into the model's signals."""

    page_size: int

    def shows(self, source: RowSource) -> bool:
        """Whether ``source`` is still the one shown (not of an older generation)."""

    def start_page(self, page: int) -> None: ...

    def in_flight(self, page: int) -> bool: ...

    def in_flight_count(self) -> int: ...

    def failed(self, page: int) -> bool: ...

    def inserting(self, first: int, count: int) -> AbstractContextManager[None]: ...

    def removing(self, first: int, count: int) -> AbstractContextManager[None]: ...

    def forget_pages_but(self, keep: int) -> None: ...

    def touch(self, page: int) -> None:
        """``page`` was used: the least recently used pages beyond the budget are evicted."""

    def changed(self, first: int, count: int) -> int:
        """Rows ``first`` .. ``first + count - 1`` changed; returns ``first``."""

    def counts_changed(self) -> None:
        """The total or the loaded rows changed (the status bar says them)."""

    def replace_contact(self, contact: Contact) -> int | None: ...


class RowSource(abc.ABC):
    kind = SourceKind.NONE

    def __init__(self, model: PageHost, query: Query) -> None:
        self.model = model
        self.query = query
        self.total: int | None = None
        self.at_end = False

    @abc.abstractmethod
    def row_count(self) -> int: ...

    @abc.abstractmethod
    def item(self, row: int, touch: bool) -> Contact | None: ...

    @abc.abstractmethod
    async def fetch(self, page: int) -> Any:
        """The request for ``page`` (raises ApiError); its answer goes to ``put``."""

    @abc.abstractmethod
    def put(self, page: int, answer: Any) -> None: ...

    @abc.abstractmethod
    def evict(self, page: int) -> None: ...

    @abc.abstractmethod
    def loaded(self) -> Iterator[tuple[int, list[Contact | None]]]:
        """(first row, items) of each page in memory; items may be replaced in place."""

    @abc.abstractmethod
    def retry(self, failed: set[int]) -> None: ...

    @abc.abstractmethod
    def has_page(self, page: int) -> bool:
        """Whether page ``page`` is in memory."""

    def start(self) -> None:
        self.model.start_page(0)

    def can_fetch_more(self) -> bool:
        return False

    def fetch_more(self) -> None:
        return None

    def insert_top(self, contact: Contact) -> bool:
        return False


# -- the server, cursor paging ------------------------------------------------------
@dataclass
class _CursorPage:
    start: str | None  # the cursor this page was fetched with (None: the first page)
    count: int  # rows this page occupies in the table; fixed once shown
    items: list[Contact | None] | None  # None while evicted
    skipped: frozenset[str] = frozenset()  # ids dropped as repeats of earlier pages


class CursorSource(RowSource):
    kind = SourceKind.CURSOR

    def __init__(self, model: PageHost, query: Query, dialect: Dialect) -> None:
        super().__init__(model, query)
        self.dialect = dialect
        self.pages: list[_CursorPage] = []
        self.offsets: list[int] = []  # first row of each page
        self.next_cursor: str | None = None
        self.seen: set[str] = set()
        self.guard = CursorGuard()  # stops a walk that does not move on

    def row_count(self) -> int:
        return self.offsets[-1] + self.pages[-1].count if self.pages else 0

    def item(self, row: int, touch: bool) -> Contact | None:
        page = bisect.bisect_right(self.offsets, row) - 1
        if row < 0 or page < 0 or row >= self.offsets[page] + self.pages[page].count:
            return None
        slot = self.pages[page]
        if slot.items is None:
            if touch and not self.model.failed(page):
                self.model.start_page(page)
            return None
        if touch:
            self.model.touch(page)
        offset = row - self.offsets[page]
        return slot.items[offset] if offset < len(slot.items) else None

    async def fetch(self, page: int) -> Any:
        start = self.pages[page].start if page < len(self.pages) else self.next_cursor
        answer = await self.dialect.list_page(self.query, start, self.model.page_size)
        if page >= len(self.pages):
            self.guard.check(start, answer)
        return start, answer

    def put(self, page: int, answer: Any) -> None:
        start, result = answer
        m = self.model
        if page < len(self.pages):  # an evicted page fetched again
            slot = self.pages[page]
            fresh: list[Contact | None] = [c for c in result.items if c.id not in slot.skipped]
            del fresh[slot.count:]
            fresh += [None] * (slot.count - len(fresh))  # rows gone since: shown as placeholders
            slot.items = fresh
            m.touch(page)
            m.changed(self.offsets[page], slot.count)
            return
        kept: list[Contact | None] = []
        skipped = set()
        for c in result.items:
            if c.id in self.seen:
                skipped.add(c.id)
            else:
                self.seen.add(c.id)
                kept.append(c)
        self.next_cursor = result.next if isinstance(result.next, str) else None
        self.at_end = self.next_cursor is None
        first = self.row_count()
        with m.inserting(first, len(kept)):
            self.offsets.append(first)
            self.pages.append(_CursorPage(start, len(kept), kept, frozenset(skipped)))
        m.touch(page)
        m.counts_changed()

    def evict(self, page: int) -> None:
        if page < len(self.pages):
            self.pages[page].items = None

    def loaded(self) -> Iterator[tuple[int, list[Contact | None]]]:
        for first, page in zip(self.offsets, self.pages, strict=True):
            if page.items is not None:
                yield first, page.items

    def retry(self, failed: set[int]) -> None:
        for page in failed or {len(self.pages)}:
            self.model.start_page(page)  # len(pages) continues from the last cursor

    def can_fetch_more(self) -> bool:
        return bool(self.pages) and not self.at_end

    def has_page(self, page: int) -> bool:
        return page < len(self.pages) and self.pages[page].items is not None

    def fetch_more(self) -> None:
        self.model.start_page(len(self.pages))

    def insert_top(self, contact: Contact) -> bool:
        """A newly created contact as the first row (newest first), when page 0 is in memory."""
        if not self.pages or self.pages[0].items is None:
            return False
        if contact.id in self.seen:
            return self.model.replace_contact(contact) is not None
        with self.model.inserting(0, 1):
            first = self.pages[0]
            assert first.items is not None
            first.items.insert(0, contact)
            first.count += 1
            self.offsets = [0] + [o + 1 for o in self.offsets[1:]]
            self.seen.add(contact.id)
        self.model.counts_changed()
        return True


# -- sparse pages: the server's numbered pages, or the local copy --------------------
class SparseSource(RowSource):
    """Row count known up front; pages loaded where the view looks."""

    def __init__(self, model: PageHost, query: Query) -> None:
        super().__init__(model, query)
        self.pages: dict[int, list[Contact | None]] = {}
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._pump_scheduled = False

    def row_count(self) -> int:
        return self.total or 0

    def item(self, row: int, touch: bool) -> Contact | None:
        if row < 0 or row >= (self.total or 0):
            return None
        size = self.model.page_size
        page = row // size
        items = self.pages.get(page)
        if items is None:
            if touch:
                self._want(page)
            return None
        if touch:
            self.model.touch(page)
        offset = row - page * size
        return items[offset] if offset < len(items) else None

    def put(self, page: int, answer: Any) -> None:
        items, total = answer
        m = self.model
        if total is not None and total != self.total:
            self._set_total(total, keep=page)
        start = page * m.page_size
        expected = max(0, min(m.page_size, (self.total or 0) - start))
        self.pages[page] = list[Contact | None](items[:expected])
        m.touch(page)
        if expected:
            m.changed(start, expected)
        m.counts_changed()
        self._pump()

    def _set_total(self, total: int, keep: int) -> None:
        """The total changed (or is known for the first time)."""
        m = self.model
        old = self.total or 0
        if self.total is not None:  # pages shifted: what is cached may be off by some rows
            self.pages = {k: v for k, v in self.pages.items() if k == keep}
            m.forget_pages_but(keep)
        if total > old:
            with m.inserting(old, total - old):
                self.total = total
        elif total < old:
            with m.removing(total, old - total):
                self.total = total
        else:
            self.total = total
        self.at_end = True
        if old and self.row_count():
            m.changed(0, self.row_count())

    def evict(self, page: int) -> None:
        self.pages.pop(page, None)

    def has_page(self, page: int) -> bool:
        return page in self.pages

    def loaded(self) -> Iterator[tuple[int, list[Contact | None]]]:
        size = self.model.page_size
        for page, items in self.pages.items():
            yield page * size, items

    def retry(self, failed: set[int]) -> None:
        if self.total is None:
            self.model.start_page(0)
            return
        for page in failed:
            self._want(page)
        if self.row_count():
            self.model.changed(0, self.row_count())

    def _want(self, page: int) -> None:
        m = self.model
        if m.in_flight(page) or m.failed(page):
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
        m = self.model
        if not m.shows(self):
            return  # a source of an older generation
        while self._wanted and m.in_flight_count() < MAX_PAGE_FETCHES:
            page, _ = self._wanted.popitem(last=True)  # the most recently wanted first
            if page not in self.pages:
                m.start_page(page)


class PageSource(SparseSource):
    kind = SourceKind.PAGE

    def __init__(self, model: PageHost, query: Query, dialect: Dialect) -> None:
        super().__init__(model, query)
        self.dialect = dialect

    async def fetch(self, page: int) -> Any:
        result = await self.dialect.list_page(self.query, page + 1, self.model.page_size)
        return result.items, result.total


class LocalSource(SparseSource):
    kind = SourceKind.LOCAL

    def __init__(self, model: PageHost, query: Query, copy: LocalCopy,
                 sort: tuple[str, bool] | None = None) -> None:
        super().__init__(model, query)
        self.copy = copy
        self.sort = sort

    async def fetch(self, page: int) -> Any:
        size = self.model.page_size
        field, descending = self.sort or (None, False)
        if field is not None:
            await self.copy.ensure_sort_index(field)
        total = self.total
        if total is None and page == 0 and field is None:
            count, first = await self.copy.search(self.query, size)  # count and rows in one pass
            return first, count
        if total is None:
            total = await self.copy.count(self.query)
        items = await self.copy.rows(self.query, page * size, size, sort=field, descending=descending,
                                     count=total)
        return items, total

