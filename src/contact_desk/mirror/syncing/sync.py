"""Bringing a local copy up to date: a full walk (parallel, resumable, removing what
the server no longer lists) or a quick top-up of the newest contacts.

One process syncs a copy at a time (a lock file beside it); another instance
reads the copy meanwhile and gets ``SyncBusy`` if it asks to sync too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import filelock

from contact_desk.api.dialect import Dialect, Page, Query
from contact_desk.api.models import Contact
from contact_desk.api.schema import Paging
from contact_desk.api.walk import CONCURRENCY, CursorWalk, WalkState, fetch_page, walk_in_order, walk_pages
from contact_desk.mirror.local_copy import LocalCopy
from contact_desk.mirror.syncing.fill import END_CHUNK, Filler
from contact_desk.tasks import time_left

TOP_UP_PAGES = 25  # a top-up that finds more new contacts than this many pages leaves them to a full sync
SAVE_EVERY = 1.0  # seconds between saves of a walk's place (to resume after a stop)


class SyncBusy(Exception):
    """Another Contact Desk is syncing this copy."""


@dataclass
class SyncProgress:
    fetched: int = 0  # contacts received so far
    expected: int | None = None  # how many there are (known or last counted)
    changed: int = 0
    started: float = field(default_factory=time.monotonic)
    full: bool = True
    searchable: int | None = None  # a first sync's search index being built: contacts in it so far

    def eta(self) -> float | None:
        """Seconds left, from the rate so far; None when it cannot be told."""
        return time_left(self.fetched, self.expected, self.started)


@dataclass(frozen=True)
class SyncResult:
    fetched: int
    changed: int
    removed: int
    complete: bool  # every contact was listed (a full walk that ended and saw them all)
    consistent: bool = True  # False: the server's total moved during the walk, removal skipped
    more: bool = False  # a top-up that stopped before reaching known contacts
    requests: int = 0


Report = Callable[[SyncProgress], None]
YIELD_MAX = 2.0  # seconds a page's walker waits for the user at most, however long the typing goes on


class Yielding:
    """Lets the user go first: while held (a search being typed), a sync's walkers ask for no new
    page once their page is stored, so the event loop and the CPU serve the search. Bounded: typing
    without end slows a sync, never stops it."""

    def __init__(self) -> None:
        self._until = 0.0

    def hold(self, seconds: float) -> None:
        self._until = max(self._until, time.monotonic() + seconds)

    async def wait(self) -> None:
        latest = time.monotonic() + YIELD_MAX
        while (left := min(self._until, latest) - time.monotonic()) > 0:  # noqa: ASYNC110 (a moving deadline)
            await asyncio.sleep(left)


def copy_query(dialect: Dialect) -> Query:
    """Everything, archived contacts included: filters apply to the copy afterwards."""
    return Query(include_archived=dialect.schema.lists_archived_on_request)


@contextlib.contextmanager
def sync_lock(path: Path) -> Iterator[None]:
    lock = filelock.FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise SyncBusy("Another Contact Desk is updating this copy") from None
    try:
        yield
    finally:
        lock.release()


async def full_sync(dialect: Dialect, copy: LocalCopy, *, report: Report | None = None,
                    concurrency: int = CONCURRENCY, yielding: Yielding | None = None) -> SyncResult:
    """Every contact into ``copy``; ``yielding``: held while the user types (the walk pauses)."""
    with sync_lock(copy.path):
        if await copy.can_fill():
            result = await _fill(dialect, copy, report, concurrency, yielding)
            if result is not None:
                return result
        async with copy.bulk():
            return await _full(dialect, copy, report, concurrency, yielding)


@dataclass
class _Sink:
    """Where a walk's contacts and places go: the ordinary writes, or a fill (fill.py)."""

    put: Callable[[list[Contact]], Awaitable[int]]  # returns how many were new or changed
    save: Callable[[str], Awaitable[None]]
    seen: Callable[[], Awaitable[int]]


@dataclass
class _Walked:
    consistent: bool
    complete: bool
    requests: int


async def _full(dialect: Dialect, copy: LocalCopy, report: Report | None, concurrency: int,
                yielding: Yielding | None) -> SyncResult:
    saved = await copy.meta_json("walk")
    status = await copy.status()
    progress = SyncProgress(expected=status.contacts or None)
    resumed = isinstance(saved, dict) and saved.get("dialect") == dialect.name
    if resumed:
        assert isinstance(saved, dict)
        top = saved.get("top")
    else:
        await copy.start_walk()
        top = await copy.newest_ord()

    async def save(text: str) -> None:
        await copy.set_meta(walk=text)

    sink = _Sink(lambda items: copy.put(items, mark_seen=True), save, copy.seen_count)
    walked = await _walk(dialect, sink, saved if resumed else None, {"dialect": dialect.name, "top": top},
                         progress, report, concurrency, yielding)
    removed = await _finish(copy, top, consistent=walked.consistent, complete=walked.complete)
    return SyncResult(progress.fetched, progress.changed, removed, walked.complete, walked.consistent,
                      requests=walked.requests)


async def _fill(dialect: Dialect, copy: LocalCopy, report: Report | None, concurrency: int,
                yielding: Yielding | None) -> SyncResult | None:
    """A first sync the fast way (fill.py): rows first (complete), then the search index. None when
    it ended a fill whose walk had ended before (the ordinary sync follows, to bring it up to date)."""
    saved = await copy.meta_json("walk")
    status = await copy.status()
    progress = SyncProgress(expected=None)
    resumed = isinstance(saved, dict) and saved.get("dialect") == dialect.name
    walked: _Walked | None = None
    async with copy.fill() as fill:
        if not status.complete:
            async def put(items: list[Contact]) -> int:
                await fill.put(items)
                return len(items)

            async def save(text: str) -> None:
                fill.place(text)

            async def seen() -> int:
                return await fill.call(Filler.stored)

            walked = await _walk(dialect, _Sink(put, save, seen), saved if resumed else None,
                                 {"dialect": dialect.name, "top": None}, progress, report, concurrency,
                                 yielding)
            complete = walked.complete
            await fill.call(lambda f: f.rows_done(complete))
        progress.searchable = total = (await copy.status()).contacts
        progress.searchable -= await fill.call(lambda f: f.unindexed)
        while True:
            if report is not None:
                report(progress)
            done = await fill.call(lambda f: f.index_committed(END_CHUNK))
            if not done:
                break
            progress.searchable = min(total, progress.searchable + done)
        await fill.call(Filler.search_done)
    if walked is None:
        return None
    return SyncResult(progress.fetched, progress.changed, 0, walked.complete, walked.consistent,
                      requests=walked.requests)


async def _walk(dialect: Dialect, sink: _Sink, saved: dict[str, object] | None, fresh: dict[str, object],
                progress: SyncProgress, report: Report | None, concurrency: int,
                yielding: Yielding | None = None) -> _Walked:
    """Every contact into ``sink``, going on from ``saved`` (a stopped walk's place) when given."""
    resumed = saved is not None
    base = saved if saved is not None else fresh
    last_save = 0.0

    async def on_items(items: list[Contact]) -> None:
        changed = await sink.put(items)
        progress.changed += changed  # after the await: workers share the counters
        progress.fetched += len(items)
        if report is not None:
            report(progress)
        if yielding is not None:  # the worker asks for its next page once the user has been served
            await yielding.wait()

    async def save(**place: object) -> None:
        nonlocal last_save
        if time.monotonic() - last_save >= SAVE_EVERY:
            last_save = time.monotonic()
            await sink.save(_dumps({**base, **place}))

    query = copy_query(dialect)
    if dialect.schema.paging is Paging.CURSOR:
        state = WalkState.from_json(base.get("parts")) if resumed else None

        async def on_state(st: WalkState) -> None:
            await save(parts=st.to_json())

        walker = CursorWalk(dialect, query, on_items, concurrency=concurrency, state=state, on_state=on_state)
        await walker.run()
        return _Walked(True, True, walker.requests)
    pages = base.get("pages") if resumed else None
    done: set[int] = set(pages) if isinstance(pages, list) else set()
    requests = 0

    async def on_page(number: int, page: Page) -> None:
        nonlocal requests
        requests += 1
        done.add(number)
        if page.total is not None:
            progress.expected = page.total
        await save(pages=sorted(done))

    totals = await walk_pages(dialect, query, on_items, concurrency=concurrency, skip=frozenset(done),
                              on_page=on_page)
    consistent, complete, extra = await _seen_all(dialect, sink, query, on_items, totals)
    return _Walked(consistent, complete, requests + extra)


async def _seen_all(dialect: Dialect, sink: _Sink, query: Query,
                    on_items: Callable[[list[Contact]], Awaitable[None]],
                    totals: tuple[int, int]) -> tuple[bool, bool, int]:
    """After a parallel page walk: whether the listing held still (consistent) and whether every
    contact was seen (complete), with the requests an extra pass cost."""
    start_total, end_total = totals
    wanted, extra = end_total, 0
    if start_total != end_total or await sink.seen() < end_total:
        # Contacts were added or removed while pages were asked in parallel: some may have
        # moved across pages unseen. One pass in order misses none that were there.
        wanted, end_total, extra = await walk_in_order(dialect, query, on_items)
    seen = await sink.seen()
    return start_total == end_total and seen == end_total, seen >= wanted, extra


async def _finish(copy: LocalCopy, top: object, *, consistent: bool, complete: bool) -> int:
    """The walk ended: what the server no longer lists goes (when the listing held still), and
    the copy is called complete only when every contact was seen (else the next sync walks
    again). Returns how many were removed."""
    removed = await copy.remove_unseen(top) if consistent and isinstance(top, int) else 0
    await copy.set_meta(walk=None, complete=int(complete), synced_at=time.time())
    return removed


async def top_up(dialect: Dialect, copy: LocalCopy, *, report: Report | None = None,
                 max_pages: int = TOP_UP_PAGES) -> SyncResult:
    """The newest contacts first, until a page reaches contacts the copy already holds as
    they are (the listing is newest first: what follows is older and known)."""
    if await copy.can_fill():  # an empty copy (or a first sync not ended): a full sync fills it, fast
        return SyncResult(0, 0, 0, False, more=True)
    query = copy_query(dialect)
    progress = SyncProgress(full=False)
    token: str | int | None = None
    requests = 0
    for _ in range(max_pages):
        page = await fetch_page(dialect, query, token, dialect.schema.max_page_size)
        requests += 1
        changed = await copy.put(page.items)
        progress.fetched += len(page.items)
        progress.changed += changed
        if report is not None:
            report(progress)
        if page.next is None or changed < len(page.items) or not page.items:
            return SyncResult(progress.fetched, progress.changed, 0, False, requests=requests)
        token = page.next
    return SyncResult(progress.fetched, progress.changed, 0, False, more=True, requests=requests)


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))
