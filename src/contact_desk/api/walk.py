"""The parallel walker: every contact of a listing exactly once, many requests at a time.

* Cursor paging (SmartCQ): the cursor is a creation time ("contacts older than
  this"), so a walk can start anywhere in time. The walk is a set of parts, each a
  time range [low, cursor) walked newest first; an idle worker takes the lower part
  of the range likely to hold the most contacts still and starts there. Ranges never
  overlap and always cover everything, so nothing is missed or listed twice, whatever
  the spread of the data. A split costs about a request (the upper part's last page
  reads past its end, or the lower part is empty), so a range is split only when it
  likely holds several pages still, never at more than a set share of the requests
  (tests/mirror/test_walk_cost.py: at most 1.2 times the pages of a sequential walk
  plus 12, for accounts that grew, imported in bursts, or lay dormant for years).
* Page paging (Replicer): the first page gives the total; the other pages are
  fetched concurrently. Pages shift while contacts are added, so a contact can
  appear twice: whoever consumes the walk reconciles by id.

``on_items`` gets each batch as it arrives (not in the API's order) and is awaited,
so a slow consumer slows the walk instead of filling memory.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from contact_desk.api import errors
from contact_desk.api.dialect import Dialect, Page, Query
from contact_desk.api.models import Contact, epoch
from contact_desk.api.paging import CursorGuard, check_page_number
from contact_desk.api.schema import Paging
from contact_desk.tasks import together

CONCURRENCY = 6  # requests at once: the transport's own bound
MIN_SPLIT_MS = 2  # a range narrower than this is walked, not split
SPLIT_PAGES = 3  # a range is split only when it likely holds this many pages still
SPLIT_FREE, SPLIT_SHARE = 8, 0.15  # splits at most: 8 + 15 % of the requests made so far

OnItems = Callable[[list[Contact]], Awaitable[None]]
OnState = Callable[["WalkState"], Awaitable[None]]


UNREADABLE_TRIES = 3  # a page whose answer could not be read is asked for again, this many times in all


async def fetch_page(dialect: Dialect, query: Query, token: str | int | None, limit: int) -> Page:
    """One page; an answer that could not be read (cut, malformed) is asked for again: a
    listing is safe to repeat, and one bad answer must not stop a walk of thousands."""
    for attempt in range(1, UNREADABLE_TRIES + 1):
        try:
            return await dialect.list_page(query, token, limit)
        except errors.ProtocolError:
            if attempt == UNREADABLE_TRIES:
                raise
            await asyncio.sleep(0.1 * attempt)
    raise AssertionError("unreachable")


def iso_ms(ms: int) -> str:
    """Milliseconds since the epoch in the form SmartCQ's cursors take."""
    seconds, millis = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


_CANONICAL = len("2026-01-15T08:00:00.000Z")


def at_or_after(contact: Contact, low_ms: int, low_iso: str, request_id: str | None) -> bool:
    """Whether ``contact`` was created at ``low_ms`` or later. Timestamps in SmartCQ's own
    form (``2026-01-15T08:00:00.000Z``) compare as text, which is exact and cheap."""
    stamp = contact.created_at
    if len(stamp) == _CANONICAL and stamp[-1] == "Z" and stamp[10] == "T" and stamp[19] == ".":
        return stamp >= low_iso
    return created_us(contact, request_id) >= low_ms * 1000


def created_us(contact: Contact, request_id: str | None = None) -> int:
    moment = epoch(contact.created_at)
    if moment is None:
        raise errors.ProtocolError(f"The server sent a contact without a readable creation time "
                                   f"({contact.created_at!r})", request_id=request_id)
    return round(moment * 1_000_000)


@dataclass
class Part:
    low_ms: int  # inclusive
    cursor: str | None  # where the next page starts (None: the newest contact)
    high_ms: int | None  # the cursor as a time (None: unknown, not splittable)
    busy: bool = False
    done: bool = False
    ms_per_item: float | None = None  # the density of its last page (None: not known yet)

    def width(self) -> int:
        return 0 if self.high_ms is None else self.high_ms - self.low_ms

    def left(self) -> float:
        """About how many contacts remain in the range, were the last page's density to hold down to
        its low end (it rarely does: accounts grow, and a range may reach back years before the first
        contact)."""
        if self.ms_per_item is None:
            return 0.0
        return self.width() / max(self.ms_per_item, 1e-6)


@dataclass
class WalkState:
    """What a cursor walk has left to do: saved to resume after a stop."""

    parts: list[Part]

    def to_json(self) -> list[list[object]]:
        return [[p.low_ms, p.cursor, p.high_ms] for p in self.parts if not p.done]

    @classmethod
    def from_json(cls, data: object) -> WalkState | None:
        if not isinstance(data, list):
            return None
        parts = []
        for item in data:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], int)
                    and (item[1] is None or isinstance(item[1], str))
                    and (item[2] is None or isinstance(item[2], int))):
                return None
            parts.append(Part(item[0], item[1], item[2]))
        return cls(parts)


class CursorWalk:
    def __init__(self, dialect: Dialect, query: Query, on_items: OnItems, *, concurrency: int = CONCURRENCY,
                 state: WalkState | None = None, on_state: OnState | None = None) -> None:
        self.dialect = dialect
        self.query = query
        self.on_items = on_items
        self.concurrency = max(1, concurrency)
        self.state = state or WalkState([Part(0, None, None)])
        self.on_state = on_state
        self.limit = dialect.schema.max_page_size
        self.requests = 0
        self.splits = 0
        self.seen = 0  # contacts listed so far
        self.newest_ms: int | None = None  # the newest contact's creation time (from the first page)
        self._moved = asyncio.Event()

    async def run(self) -> None:
        await together(self.concurrency, self._worker)

    def _take(self) -> Part | None:
        for part in self.state.parts:
            if not part.busy and not part.done:
                part.busy = True
                return part
        if not self._may_split():
            return None
        widest = max((p for p in self.state.parts if p.busy and not p.done), key=self._worth, default=None)
        if widest is None or widest.width() < MIN_SPLIT_MS or \
                self._worth(widest)[0] < SPLIT_PAGES * self.limit:
            return None
        middle = self._middle(widest)
        lower = Part(widest.low_ms, iso_ms(middle), middle, busy=True, ms_per_item=widest.ms_per_item)
        widest.low_ms = middle  # its walker stops on reaching the middle
        self.state.parts.append(lower)
        self.splits += 1
        return lower

    def _may_split(self) -> bool:
        """A split costs about one request (the last page of the upper half reads past its end, or the
        lower half is empty): SaaS APIs meter requests, so splits stay within a share of the walk's."""
        return self.splits < SPLIT_FREE + SPLIT_SHARE * self.requests

    def _worth(self, part: Part) -> tuple[float, float]:
        """What splitting ``part`` may gain: the contacts it likely holds still, at most as many as
        were seen so far (what lies below the seen is unknown: assume no more than was seen)."""
        return min(part.left(), float(self.seen)), part.left()

    def _middle(self, part: Part) -> int:
        """Where to split ``part``: halfway between its ends in the logarithm of the age (time before
        the newest contact), which is halfway in time for a range far in the past, and close to the
        walker for one reaching back to 1970: empty years cost a few requests, not dozens."""
        assert part.high_ms is not None
        top = self.newest_ms if self.newest_ms is not None else part.high_ms
        near, far = max(top - part.high_ms, 1), max(top - part.low_ms, 1)
        middle = top - int(math.sqrt(near * far))
        return min(max(middle, part.low_ms + 1), part.high_ms - 1)

    async def _worker(self) -> None:
        while True:
            part = self._take()
            if part is None:
                if all(p.done for p in self.state.parts):
                    self._moved.set()
                    return
                self._moved.clear()
                await self._moved.wait()
                continue
            await self._walk(part)

    async def _walk(self, part: Part) -> None:
        guard = CursorGuard()
        while True:
            start = part.cursor
            page = await fetch_page(self.dialect, self.query, start, self.limit)
            self.requests += 1
            guard.check(start, page)
            low, low_iso = part.low_ms, iso_ms(part.low_ms)
            kept = [c for c in page.items if at_or_after(c, low, low_iso, page.request_id)]
            if self.newest_ms is None and start is None and page.items:
                self.newest_ms = created_us(page.items[0], page.request_id) // 1000
            self.seen += len(kept)
            if kept:
                await self.on_items(kept)
            if len(kept) < len(page.items) or page.next is None or not page.items:
                part.done = True
            else:
                part.cursor = str(page.next)
                first = created_us(page.items[0], page.request_id) // 1000
                last = created_us(page.items[-1], page.request_id) // 1000
                part.high_ms = last + 1 if part.high_ms is None else min(part.high_ms, last + 1)
                part.ms_per_item = max(first - last, 1) / len(page.items)
            if self.on_state is not None:
                await self.on_state(self.state)
            self._moved.set()
            if part.done:
                part.busy = False
                return


async def walk_pages(dialect: Dialect, query: Query, on_items: OnItems, *, concurrency: int = CONCURRENCY,
                     skip: frozenset[int] = frozenset(),
                     on_page: Callable[[int, Page], Awaitable[None]] | None = None) -> tuple[int, int]:
    """Page paging: every page (but those in ``skip``, done before a resume), ``concurrency``
    at a time. Returns the total at the start and at the end."""
    limit = dialect.schema.max_page_size
    first = await fetch_page(dialect, query, 1, limit)
    total_start = first.total or 0
    if 1 not in skip:
        await on_items(first.items)
        if on_page is not None:
            await on_page(1, first)
    pages = first.total_pages or 1
    numbers = iter([n for n in range(2, pages + 1) if n not in skip])
    last_total = total_start

    async def worker() -> None:
        nonlocal last_total
        for number in numbers:
            page = await fetch_page(dialect, query, number, limit)
            if not check_page_number(number, page):
                return
            if page.total is not None:
                last_total = page.total
            await on_items(page.items)
            if on_page is not None:
                await on_page(number, page)

    await together(concurrency, worker)
    return total_start, last_total


async def walk_in_order(dialect: Dialect, query: Query, on_items: OnItems) -> tuple[int, int, int]:
    """Page after page from the first, one at a time, until a page ends the listing. Contacts
    created meanwhile (at the top of the listing) push the others down, towards pages not yet
    asked: none that was there when it began is missed, which a parallel walk cannot promise.
    Returns the total at the start, at the end, and the requests made (bounded: the pages the
    listing had, and a tenth more for what is added meanwhile)."""
    limit = dialect.schema.max_page_size
    first = await fetch_page(dialect, query, 1, limit)
    await on_items(first.items)
    start = last = first.total or 0
    most = (first.total_pages or 1) * 11 // 10 + 10
    number, requests, page = 1, 1, first
    while page.next is not None and number < most and page.items:
        number += 1
        page = await fetch_page(dialect, query, number, limit)
        requests += 1
        if not check_page_number(number, page):
            break
        if page.total is not None:
            last = page.total
        await on_items(page.items)
    return start, last, requests


async def walk(dialect: Dialect, query: Query, on_items: OnItems, *, concurrency: int = CONCURRENCY,
               on_page: Callable[[int, Page], Awaitable[None]] | None = None) -> None:
    """Every contact matching ``query``, in batches as they arrive (not in the listing's
    order), as fast as the dialect allows. ``on_page``: page paging's pages (for totals)."""
    if dialect.schema.paging is Paging.CURSOR:
        await CursorWalk(dialect, query, on_items, concurrency=concurrency).run()
    else:
        await walk_pages(dialect, query, on_items, concurrency=concurrency, on_page=on_page)
