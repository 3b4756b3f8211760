"""Every matching contact exactly once, as fast as the dialect allows, and never
forever: a listing that stops moving forward is a ProtocolError."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from contact_desk.api import errors
from contact_desk.api.dialect import Dialect, Page, PageToken, Query
from contact_desk.api.models import Contact, epoch
from contact_desk.api.schema import Paging

PAGE_CONCURRENCY = 4
MAX_EMPTY_PAGES = 3  # cursor paging: empty pages in a row that still say "more"


class CursorGuard:
    """Checks that a newest-first cursor walk moves forward: no cursor twice, no page
    newer than the one before it, no endless run of empty pages. One per walk."""

    def __init__(self) -> None:
        self._cursors: set[str] = set()
        self._oldest: float | None = None
        self._empty = 0
        self.pages = 0

    def check(self, start: PageToken, page: Page) -> None:
        """Raises ProtocolError when ``page`` (fetched from ``start``) does not move on."""
        self.pages += 1
        if isinstance(start, str):
            self._cursors.add(start)
        nxt = page.next
        where = f"after {self.pages:,} pages"
        if isinstance(nxt, str) and nxt in self._cursors:
            raise errors.ProtocolError(
                f"The server sent a page cursor it had sent before ({where}): the listing does not "
                "move forward, so Contact Desk stopped it", request_id=page.request_id)
        stamps = [m for m in (epoch(c.created_at) for c in page.items) if m is not None]
        if stamps and self._oldest is not None and max(stamps) > self._oldest:
            raise errors.ProtocolError(
                f"The server's listing went forward in time ({where}) though it is ordered newest "
                "first, so Contact Desk stopped it", request_id=page.request_id)
        if stamps:
            self._oldest = min(stamps)
        self._empty = self._empty + 1 if not page.items and nxt is not None else 0
        if self._empty >= MAX_EMPTY_PAGES:
            raise errors.ProtocolError(
                f"The server sent {self._empty} empty pages in a row that each said more would "
                f"follow ({where}), so Contact Desk stopped the listing", request_id=page.request_id)


def check_page_number(number: int, page: Page) -> bool:
    """For page paging: False when ``page`` is past a total that shrank (the walk ends);
    a ProtocolError when the server sends an empty page it says is within its total."""
    if page.items or page.total_pages is None:
        return True
    if number <= page.total_pages:
        raise errors.ProtocolError(
            f"The server says there are {page.total_pages:,} pages, but page {number:,} is empty; "
            "Contact Desk stopped the listing", request_id=page.request_id)
    return False


async def iter_pages(dialect: Dialect, query: Query, *, concurrency: int = PAGE_CONCURRENCY
                     ) -> AsyncIterator[Page]:
    """Pages in order with the largest page size. Page dialects fetch ahead
    concurrently (bounded) once the first answer tells how many pages there are."""
    limit = dialect.schema.max_page_size
    first = await dialect.list_page(query, None, limit)
    yield first
    if dialect.schema.paging is Paging.CURSOR or first.total_pages is None:
        guard = CursorGuard()
        guard.check(None, first)
        page = first
        while page.next is not None:
            start = page.next
            page = await dialect.list_page(query, start, limit)
            guard.check(start, page)
            yield page
        return
    pending: dict[int, asyncio.Task[Page]] = {}
    numbers = iter(range(2, first.total_pages + 1))
    try:
        for number in numbers:
            pending[number] = asyncio.ensure_future(dialect.list_page(query, number, limit))
            if len(pending) >= concurrency:
                break
        expected = 2
        while pending:
            page = await pending.pop(expected)
            if not check_page_number(expected, page):
                return  # the total shrank while walking: this page and the rest are past it
            expected += 1
            nxt = next(numbers, None)
            if nxt is not None:
                pending[nxt] = asyncio.ensure_future(dialect.list_page(query, nxt, limit))
            yield page
    finally:
        for task in pending.values():
            task.cancel()
        if pending:
            await asyncio.gather(*pending.values(), return_exceptions=True)


async def iter_all(dialect: Dialect, query: Query | None = None, *,
                   concurrency: int = PAGE_CONCURRENCY,
                   on_page: Callable[[Page], None] | None = None) -> AsyncIterator[Contact]:
    """Each matching contact once: a repeated id (a page boundary that moved) is skipped.
    ``on_page`` sees each page as it arrives (an export's progress uses its total)."""
    query = query or Query()
    seen: set[str] = set()
    async for page in iter_pages(dialect, query, concurrency=concurrency):
        if on_page is not None:
            on_page(page)
        for contact in page.items:
            if contact.id not in seen:
                seen.add(contact.id)
                yield contact
