"""A first sync into an empty copy, fast (or the rest of one stopped before it ended).

The walk hands each page over and goes on: pages wait in a bounded queue for the copy's
writer thread, which derives every column of a page in one pass over its values (fill_sql.py:
SQLite does it in C, into temp.page) and stores the rows with one statement. The id and filter
indexes are built once the walk has ended (sorting once beats a million random inserts), and
the search index in ordered chunks while few pages wait, the rest at the end: first the rows
(the copy lists and filters: complete), then search (every contact searchable).

What an ordinary sync promises holds: every contact once (a key or id met twice goes the
ordinary way), resumable (the walk's place commits with the rows it stands for; the rows not
yet in the search index wait in the table ``pending`` with their search columns, committed
with them), and a full disk undoes only what came after the last commit. ``meta.fill`` marks
a copy whose fill has not ended: the next full sync goes on with it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import queue
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.mirror.errors import CopyClosed, translating
from contact_desk.mirror.file import fill_sql
from contact_desk.mirror.file.codec import decode
from contact_desk.mirror.file.tables import TABLES
from contact_desk.mirror.file.values import encode, row_from

if TYPE_CHECKING:
    from contact_desk.mirror.file.store import CopyFile

log = logging.getLogger("contact_desk.mirror")
T = TypeVar("T")
QUEUE_PAGES = 100  # pages waiting for the writer at most (the walk waits beyond: memory is bounded)
CHUNK = 10_000  # rows put in the search index at a time while the writer has nothing else to do
END_CHUNK = 50_000  # the same after the walk
COMMIT_ROWS = 20_000
COMMIT_SECONDS = 2.0
FILL_CACHE_KB = 32768  # the writer's page cache during a fill: 64 MB took 63 MB more at its peak, no faster
MIN_SQLITE = (3, 38, 0)  # ->> and unixepoch()

_CONTACTS = next(s for s in TABLES.split(";") if "CREATE TABLE contacts" in s)
_INDEXES = [s.strip() for s in TABLES.split(";") if s.strip().startswith("CREATE ") and " INDEX " in s]
BUSY_QUEUE = QUEUE_PAGES // 4  # fewer pages waiting than this: the writer indexes a chunk meanwhile


def available() -> bool:
    return sqlite3.sqlite_version_info >= MIN_SQLITE


def pending(f: CopyFile) -> bool:
    """Whether ``f`` holds a fill that has not ended."""
    return f.meta("fill") == "1"


def can_start(f: CopyFile) -> bool:
    """A fill goes on, or can begin: the copy holds nothing and no ordinary walk is under way."""
    if not available():
        return False
    if pending(f):
        return True
    return f.meta("walk") is None and f.con.execute("SELECT 1 FROM contacts LIMIT 1").fetchone() is None


def left_to_index(f: CopyFile) -> int:
    """How many of the copy's contacts the search index does not hold yet (a fill not ended)."""
    if not pending(f):
        return 0
    return int(f.con.execute("SELECT count(*) FROM pending").fetchone()[0])


_STOP = object()


class Filler:
    """The writer side, on the copy's writer thread: one job from the first page to the end."""

    def __init__(self, f: CopyFile, q: queue.Queue[Any], taken: Callable[[], None]) -> None:
        self.f, self.con, self.q, self.taken = f, f.con, q, taken
        self.staging = fill_sql.Staging(CONTACT_TYPES[f.dialect])
        self.failed: BaseException | None = None
        self.unindexed = 0
        self.place: str | None = None
        self.since = time.monotonic()
        self.counts = [0, 0]  # contacts and contacts listed (not archived) stored since the last commit
        self.recount = False  # the listed count is counted again at the next commit

    # -- the job ------------------------------------------------------------------------
    def run(self) -> None:
        with translating(self.f.path.parent):
            self._begin()
        while True:
            if self.failed is None and self.unindexed >= CHUNK and self.q.qsize() < BUSY_QUEUE:
                self._guarded(self._idle)
                continue
            item = self.q.get()
            if item is _STOP:
                break
            self._take(item)
        if self.failed is None and self.con.in_transaction:
            with translating(self.f.path.parent):
                self._commit(again=False)
        self._quiet()

    def _idle(self) -> None:
        """Nothing waiting: a chunk into the search index meanwhile."""
        self.index(CHUNK)
        self._commit()

    def _take(self, item: tuple[Any, ...]) -> None:
        what = item[0]
        if what == "call":
            future: concurrent.futures.Future[Any] = item[2]
            if self.failed is not None:
                future.set_exception(self.failed)
                return
            try:
                with translating(self.f.path.parent):
                    future.set_result(item[1]())
            except BaseException as exc:
                future.set_exception(exc)
            return
        try:
            if self.failed is None and what == "page":
                self._guarded(lambda: self._page(item[1], item[2]))
            elif self.failed is None and what == "place":
                self.place = item[1]
        finally:
            if what == "page":
                self.taken()

    def _guarded(self, work: Callable[[], object]) -> None:
        try:
            with translating(self.f.path.parent):
                work()
        except BaseException as exc:  # everything since the last commit is undone; nothing more is written
            self.failed = exc
            with contextlib.suppress(sqlite3.Error):
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
            log.warning("the first sync of %s stopped: %s", self.f.path.name, exc)

    def _begin(self) -> None:
        con = self.con
        con.execute(f"PRAGMA cache_size = -{FILL_CACHE_KB}")
        con.execute("BEGIN IMMEDIATE")
        if not pending(self.f):  # an empty copy: its table without indexes, and the list of rows to index
            con.execute("DROP TABLE contacts")
            con.execute(_CONTACTS)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('fill', '1')")
            # The counts, duplicate keys and filters' entries are made once the sync has ended
            # (CopyFile.derive): a statement or a Python call a page here cost a third of its speed.
            con.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'pending')")
        con.execute(fill_sql.PENDING_TABLE)
        con.execute("COMMIT")
        con.execute(fill_sql.PAGE_TABLE)
        con.execute(fill_sql.CHUNK_TABLE)
        self.unindexed = int(con.execute("SELECT count(*) FROM pending").fetchone()[0])
        con.execute("BEGIN IMMEDIATE")

    def _quiet(self) -> None:
        """The fill's own parts go; the connection is the ordinary writer's again."""
        with contextlib.suppress(sqlite3.Error):
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
            self.con.execute("PRAGMA cache_size = -2000")

    # -- a page -------------------------------------------------------------------------
    def _page(self, items: Sequence[Contact], listed: int) -> None:
        # The values bound are read here, not on the walk's thread: the writer is the one behind,
        # and each time it let go of the GIL it waited for the walk's next stretch of Python.
        most = fill_sql.MAX_ROWS
        made = [(len(items[i:i + most]), self.staging.params(items[i:i + most], i))
                for i in range(0, len(items), most)]
        parts = [(n, p) for n, p in made if p is not None] if all(p is not None for _, p in made) else None
        con = self.con
        con.execute("SAVEPOINT page")
        for n, params in parts or ():
            con.execute(self.staging.sql(n), params)
        stored = con.execute(fill_sql.INGEST).rowcount if parts is not None else -1
        if stored == len(items):  # no Python object a row: each would wait for the GIL
            con.execute(fill_sql.PEND)  # the search index's columns, until it takes them
            con.execute("DELETE FROM temp.page")
            con.execute("RELEASE page")
            self._counted(stored, listed)
        else:  # a key taken: the same contact again (pages that shifted, a resume), one of its instant,
            # or text with a NUL (fill_sql.Staging.params):
            con.execute("ROLLBACK TO page")  # the whole page as put() stores it, in its order
            con.execute("RELEASE page")
            con.execute("DELETE FROM temp.page")
            self._counted(0, None)
            self._one_by_one(items)
        if self.counts[0] >= COMMIT_ROWS or time.monotonic() - self.since >= COMMIT_SECONDS:
            self._commit()

    def _counted(self, n: int, listed: int | None) -> None:
        self.unindexed += n
        self.counts[0] += n
        if listed is None:
            self.recount = True
        else:
            self.counts[1] += listed

    def _one_by_one(self, items: Sequence[Contact]) -> None:
        """The page's contacts the statement left out, stored as put() would: by id (the later copy
        wins), on the next free key when another contact holds theirs."""
        con = self.con
        for contact in items:
            raw = encode(contact).decode()
            row = row_from(contact, raw)
            key = row.ord_hint
            for _ in range(10_000):
                held = con.execute("SELECT id, raw FROM contacts WHERE ord = ?", (key,)).fetchone()
                if held is None or held[0] == contact.id:
                    break
                key -= 1
            if held is not None and held[1] == raw:
                continue  # stored as it is (by the statement or before)
            if held is not None:
                self._drop(key, held[1])
            con.execute("INSERT INTO contacts(ord, id, raw, email_status, stage, archived, domain, phone, "
                        "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (key, row.id, raw, row.email_status, row.stage, row.archived, row.domain, row.phone,
                         row.created_ms))
            self.f.index([(key, row)])  # its search columns made in Python (no pending row: NUL-proof)
            if held is None:
                self.counts[0] += 1

    def _drop(self, key: int, raw: str) -> None:
        """A stored row goes (out of the search index first, when it is in it)."""
        old = row_from(decode(self.f.dialect, raw), raw)
        if self.con.execute("DELETE FROM pending WHERE ord = ?", (key,)).rowcount:
            self.unindexed -= 1
        else:
            self.f.unindex(key, old)
        self.con.execute("DELETE FROM contacts WHERE ord = ?", (key,))

    def _commit(self, again: bool = True) -> None:
        con = self.con
        if self.place is not None:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('walk', ?)", (self.place,))
        if self.recount:
            self.counts[1], self.recount = 0, False
            con.execute("UPDATE meta SET value = (SELECT count(*) FROM contacts WHERE archived = 0) "
                        "WHERE key = 'n_listed'")
        con.executemany("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = ?",
                        [(self.counts[0], "n_all"), (self.counts[1], "n_listed")])
        con.execute("COMMIT")
        self.counts, self.since = [0, 0], time.monotonic()
        if again:
            con.execute("BEGIN IMMEDIATE")

    # -- after the walk -----------------------------------------------------------------
    def index(self, limit: int) -> int:
        """Up to ``limit`` of the rows not yet searchable into the search indexes, in key order."""
        con = self.con
        con.execute("INSERT INTO temp.chunk SELECT ord FROM pending ORDER BY ord LIMIT ?", (limit,))
        con.execute(fill_sql.INDEX_GRAMS)
        con.execute(fill_sql.INDEX_WORDS)
        taken = int(con.execute("DELETE FROM pending WHERE ord IN (SELECT ord FROM temp.chunk)").rowcount)
        con.execute("DELETE FROM temp.chunk")
        self.unindexed -= taken
        return taken

    def stored(self) -> int:
        """Contacts stored so far, the uncommitted ones too (the copy was empty when the fill began)."""
        return int(self.con.execute("SELECT count(*) FROM contacts").fetchone()[0])

    def index_committed(self, limit: int) -> int:
        """index(), committed: searches see it, and a quit keeps it."""
        taken = self.index(limit)
        self._commit()
        return taken

    def rows_done(self, complete: bool) -> None:
        """The walk has ended: one row per id, the indexes, the counts and the domains (the copy
        lists, filters and sorts: complete when every contact was seen); search follows."""
        con = self.con
        try:
            con.execute("CREATE UNIQUE INDEX IF NOT EXISTS contacts_id ON contacts(id)")
        except sqlite3.IntegrityError:  # a contact under two keys (its creation time moved): the newest stays
            for key, raw in con.execute(
                    "SELECT ord, raw FROM (SELECT ord, raw, row_number() OVER (PARTITION BY id ORDER BY ord) "
                    "AS k FROM contacts) WHERE k > 1").fetchall():
                self._drop(key, raw)
        for statement in _INDEXES:
            con.execute(statement.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")
                        .replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS "))
        con.execute("DELETE FROM domains")
        con.execute("INSERT INTO domains SELECT domain, count(*), sum(archived = 0) FROM contacts "
                    "WHERE domain IS NOT NULL GROUP BY domain")
        con.execute("UPDATE meta SET value = (SELECT count(*) FROM contacts) WHERE key = 'n_all'")
        con.execute("UPDATE meta SET value = (SELECT count(*) FROM contacts WHERE archived = 0) "
                    "WHERE key = 'n_listed'")
        con.execute("DELETE FROM meta WHERE key = 'walk'")
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                        [("complete", str(int(complete))), ("synced_at", str(time.time()))])
        self.place, self.counts, self.recount = None, [0, 0], False
        self.f.forget_cached()
        self._commit()

    def search_done(self) -> None:
        con = self.con
        con.execute("DELETE FROM meta WHERE key = 'fill'")
        con.execute("DROP TABLE IF EXISTS pending")
        self._commit()


class Fill:
    """The walk's side of a fill, on the event loop (``LocalCopy.fill()`` makes one)."""

    def __init__(self, q: queue.Queue[Any], room: asyncio.Semaphore, job: asyncio.Future[None],
                 filler: Filler) -> None:
        self.q, self.room, self.job, self.filler = q, room, job, filler
        self.closed = False

    def stop(self) -> None:
        """The copy closes (a quit, a switch): what was handed over is committed, nothing more taken."""
        if not self.closed:
            self.closed = True
            self.q.put(_STOP)

    async def put(self, items: Sequence[Contact]) -> None:
        """Hands a page over; waits only when QUEUE_PAGES pages are waiting already."""
        if not items:
            return
        await self.room.acquire()
        if self.closed:
            self.room.release()
            raise CopyClosed("the copy is closed")
        if self.filler.failed is not None:  # a full disk: the walk stops here, not after every page
            self.room.release()
            raise self.filler.failed
        if self.job.done():
            self.room.release()
            await self.job  # its error
            raise RuntimeError("the copy's writer has stopped")
        page = list(items)
        listed = sum(1 for c in page if not getattr(c, "archived", False))
        self.q.put(("page", page, listed))

    def place(self, walk: str) -> None:
        """Where the walk is: committed with the rows handed over before it."""
        self.q.put(("place", walk))

    async def call(self, work: Callable[[Filler], T]) -> T:
        """``work`` on the writer thread, after the pages handed over before it."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        if self.closed:
            raise CopyClosed("the copy is closed")
        if self.job.done():
            await self.job
            raise RuntimeError("the copy's writer has stopped")
        self.q.put(("call", lambda: work(self.filler), future))
        return await asyncio.wrap_future(future)


@contextlib.asynccontextmanager
async def running(f: CopyFile, start: Callable[[Callable[[], None]], asyncio.Future[None]],
                  ) -> AsyncIterator[Fill]:
    """The writer's job from the first page to the end (``start`` runs a callable on the writer
    thread). Leaving commits what was handed over, also after an error or a cancel."""
    loop = asyncio.get_running_loop()
    q: queue.Queue[Any] = queue.Queue()
    room = asyncio.Semaphore(QUEUE_PAGES)

    def taken() -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closing
            loop.call_soon_threadsafe(room.release)

    filler = Filler(f, q, taken)
    job = start(filler.run)
    fill = Fill(q, room, job, filler)
    try:
        yield fill
    except BaseException as exc:
        fill.stop()
        await asyncio.shield(job)
        if isinstance(exc, Exception) and filler.failed is not None and exc is not filler.failed:
            raise filler.failed from exc  # the cause, not what it caused
        raise
    fill.stop()
    await asyncio.shield(job)
    if filler.failed is not None:
        raise filler.failed
