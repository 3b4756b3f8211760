"""The tests' plain reader of a server through our client: every matching contact once, in the
listing's order (page dialects fetch a few pages ahead). The app itself reads with api/walk.py;
this was api/paging.py's iter_all, kept as an oracle beside the tests' raw-HTTP walks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from contact_desk.api.dialect import Dialect, Page, Query
from contact_desk.api.models import Contact
from contact_desk.api.paging import CursorGuard, check_page_number
from contact_desk.api.schema import Paging

PAGE_CONCURRENCY = 4


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
