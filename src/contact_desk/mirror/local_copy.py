"""The local copy of one account, used from asyncio: SQLite work runs on two threads
of its own (one writes, one reads), so the event loop never waits on the disk and
a long write never holds up a search."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from contact_desk.api.dialect import Query
from contact_desk.api.models import Contact
from contact_desk.files import private_folder
from contact_desk.mirror.errors import CopyBusy, CopyClosed, CopyDamaged, translating
from contact_desk.mirror.file.codec import decoder
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.syncing import fill

log = logging.getLogger("contact_desk.mirror")
DATA_ENV = "CONTACT_DESK_DATA_DIR"
T = TypeVar("T")
READ_TRIES = 3


def copies_dir() -> Path:
    """Where the copies live: ``CONTACT_DESK_DATA_DIR`` or the per-user data folder."""
    override = os.environ.get(DATA_ENV)
    base = Path(override) if override else Path(platformdirs.user_data_dir("contact-desk", appauthor=False))
    return base / "copies"


def copy_path(account_id: str, folder: Path | None = None) -> Path:
    if not account_id or not all(ch.isalnum() or ch in "-_" for ch in account_id):
        raise ValueError("an account id is letters, digits, - and _")
    return (folder or copies_dir()) / f"{account_id}.sqlite3"


_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def forget(account_id: str, folder: Path | None = None) -> bool:
    """Deletes an account's copy (and SQLite's side files). True when there was one."""
    path = copy_path(account_id, folder)
    found = False
    for suffix in (*_SIDE_FILES, ".damaged", ".lock"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
            found = True
    return found


def _set_aside(path: Path) -> None:
    """Keeps one damaged file beside the copy (for support), replacing an older one."""
    with contextlib.suppress(OSError):
        os.replace(path, Path(str(path) + ".damaged"))
    for suffix in _SIDE_FILES[1:]:
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()


@dataclass(frozen=True)
class CopyStatus:
    contacts: int
    complete: bool  # a full walk has finished at least once
    synced_at: float | None  # the last time the copy was brought up to date (epoch seconds)
    searchable: int | None = None  # contacts in the search index (None: all of them)

    @property
    def search_complete(self) -> bool:
        return self.searchable is None or self.searchable >= self.contacts


class LocalCopy:
    """Open with ``await LocalCopy.open(...)``; ``notice`` says when a damaged file was replaced."""

    def __init__(self, path: Path, dialect: str) -> None:
        self.path = path
        self.dialect = dialect
        self._decode = decoder(dialect)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="copy-write")
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="copy-read")
        self._w: CopyFile | None = None
        self._r: CopyFile | None = None
        self.notice: str | None = None
        self.closed = False
        self._filling: fill.Fill | None = None

    @classmethod
    async def open(cls, account_id: str, dialect: str, folder: Path | None = None) -> LocalCopy:
        path = copy_path(account_id, folder)
        copy = cls(path, dialect)
        try:
            await copy._open()
        except BaseException:
            await copy.close()
            raise
        return copy

    async def _open(self) -> None:
        private_folder(self.path.parent)
        try:
            await self._both_open()
        except CopyDamaged as exc:
            log.warning("the local copy %s is damaged (%s): setting it aside", self.path.name, exc)
            await self._close_files()
            _set_aside(self.path)
            self.notice = "damaged"
            await self._both_open()

    async def _both_open(self) -> None:
        loop = asyncio.get_running_loop()
        self._w = await loop.run_in_executor(self._writer, lambda: CopyFile(self.path, self.dialect))
        self._r = await loop.run_in_executor(self._reader, lambda: CopyFile(self.path, self.dialect))

    async def _close_files(self) -> None:
        loop = asyncio.get_running_loop()
        if self._w is not None:
            w, self._w = self._w, None
            # After the writes already queued: a sync's open batch is committed with its place
            # (a quit mid-sync keeps what was synced and goes on from there next time).
            await loop.run_in_executor(self._writer, lambda: _end_and_close(w))
        if self._r is not None:
            r, self._r = self._r, None
            await loop.run_in_executor(self._reader, r.close)

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self._filling is not None:
            self._filling.stop()  # its job ends (committing what it took) before the file closes
        try:
            await self._close_files()
        except Exception:  # closing must not fail the quit; what was committed is on disk
            log.warning("the offline copy %s did not close cleanly", self.path.name, exc_info=True)
        self._writer.shutdown(wait=False)
        self._reader.shutdown(wait=False)

    async def reset(self) -> None:
        """Sets the file aside and starts an empty copy (after ``CopyDamaged`` in use)."""
        if self.closed:
            raise CopyClosed("the copy is closed")
        await self._close_files()
        _set_aside(self.path)
        self.notice = "damaged"
        await self._both_open()

    # -- running on the threads --------------------------------------------
    async def _write(self, work: Callable[[CopyFile], T]) -> T:
        if self._w is None:
            raise CopyClosed("the copy is closed")
        w = self._w
        return await asyncio.get_running_loop().run_in_executor(self._writer, lambda: _guarded(work, w))

    async def _read(self, work: Callable[[CopyFile], T]) -> T:
        """Runs ``work`` on the reader thread. A read whose caller gave up (a search replaced by the
        next keystroke) stops its query at once instead of holding up the next one; a read stopped
        that way for another's sake is asked again."""
        if self._r is None:
            raise CopyClosed("the copy is closed")
        r = self._r
        for attempt in range(READ_TRIES):
            running, ended = threading.Event(), threading.Event()

            def job(running: threading.Event = running, ended: threading.Event = ended) -> T:
                running.set()
                try:
                    return _guarded(work, r)
                finally:
                    ended.set()

            try:
                return await asyncio.get_running_loop().run_in_executor(self._reader, job)
            except asyncio.CancelledError:
                if running.is_set() and not ended.is_set():
                    r.con.interrupt()
                raise
            except sqlite3.OperationalError as exc:
                if "interrupt" not in str(exc) or attempt == READ_TRIES - 1:
                    raise
        raise AssertionError("unreachable")

    # -- writes -------------------------------------------------------------
    async def put(self, contacts: Sequence[Contact], *, mark_seen: bool = False) -> int:
        """Stores contacts (by id); returns how many were new or changed. The work (down to
        encoding) runs on the writer's thread, off the event loop."""
        return await self._write(lambda f: f.put(contacts, mark_seen=mark_seen))

    @contextlib.asynccontextmanager
    async def bulk(self) -> AsyncIterator[None]:
        """Writes inside are committed in large batches (and at the end, also after an error
        or a cancel: what was written is valid, with the walk's place saved beside it)."""
        await self._write(CopyFile.start_bulk)
        try:
            yield
        finally:
            await asyncio.shield(self._write(CopyFile.end_bulk))

    async def can_fill(self) -> bool:
        """Whether a full sync can take the fast way (fill.py): an empty copy, or a fill to go on with."""
        return await self._write(fill.can_start)

    @contextlib.asynccontextmanager
    async def fill(self) -> AsyncIterator[fill.Fill]:
        """A first sync's writer job (see fill.py), on the writer thread until the block ends."""
        if self._w is None:
            raise CopyClosed("the copy is closed")
        w, loop = self._w, asyncio.get_running_loop()
        async with fill.running(w, lambda job: loop.run_in_executor(self._writer, job)) as filling:
            self._filling = filling
            try:
                yield filling
            finally:
                self._filling = None

    async def remove(self, ids: Sequence[str]) -> int:
        return await self._write(lambda f: f.remove(ids))

    async def start_walk(self) -> None:
        await self._write(CopyFile.start_walk)

    async def remove_unseen(self, newest: int) -> int:
        return await self._write(lambda f: f.remove_unseen(newest))

    async def set_meta(self, **values: Any) -> None:
        await self._write(lambda f: f.set_meta(values))

    async def meta_json(self, key: str) -> Any:
        return await self._read(lambda f: f.meta_json(key))

    async def derived(self) -> bool:
        """Whether the counts, duplicate keys and filters' entries are made (a first sync leaves
        them to ``derive``)."""
        return await self._read(lambda f: f.derived())

    async def derive(self) -> None:
        """Makes them (about 26 s for a million: on the writer, off the window)."""
        await self._write(lambda f: f.derive())

    async def ensure_derived(self) -> None:
        """``derive``, if a first sync left them to be made."""
        if not await self.derived():
            await self.derive()

    async def ensure_sort_index(self, name: str) -> None:
        await self._write(lambda f: f.ensure_sort_index(name))

    # -- reads --------------------------------------------------------------
    async def status(self) -> CopyStatus:
        def read(f: CopyFile) -> CopyStatus:
            synced = f.meta("synced_at")
            size, left = f.size(), fill.left_to_index(f)
            return CopyStatus(size, f.meta("complete") == "1", float(synced) if synced else None,
                              max(0, size - left) if left else None)
        return await self._read(read)

    async def newest_ord(self) -> int | None:
        return await self._read(CopyFile.newest_ord)

    async def seen_count(self) -> int:
        """Contacts seen by the walk under way: asked of the writer, which sees its own batch
        before it is committed (the reader would see only the last commit)."""
        return await self._write(lambda f: int(f.con.execute("SELECT count(*) FROM seen").fetchone()[0]))

    async def count(self, query: Query) -> int:
        return await self._read(lambda f: f.count(query))

    async def rows(self, query: Query, offset: int, limit: int, *, sort: str | None = None,
                   descending: bool = False, count: int | None = None) -> list[Contact]:
        raws = await self._read(lambda f: f.rows(query, offset, limit, sort=sort, descending=descending,
                                                 count=count))
        return [self._decode(r) for r in raws]

    async def get(self, contact_id: str) -> Contact | None:
        """One contact by id, as the copy holds it (None: not there)."""
        raw = await self._read(lambda f: f.con.execute("SELECT raw FROM contacts WHERE id = ?",
                                                       (contact_id,)).fetchone())
        return self._decode(raw[0]) if raw is not None else None

    async def position(self, query: Query, contact_id: str, *, sort: str | None = None,
                       descending: bool = False) -> int | None:
        """The row ``rows`` lists the contact at, in this order (None: the query does not list it)."""
        return await self._read(lambda f: f.position(query, contact_id, sort=sort, descending=descending))

    async def search(self, query: Query, limit: int = 100) -> tuple[int, list[Contact]]:
        """The count and the first ``limit`` contacts, in one trip to the reader thread."""
        n, raws = await self._read(lambda f: f.first_page(query, limit))
        return n, [self._decode(r) for r in raws]

    async def tags(self) -> set[str]:
        return await self._read(CopyFile.tags)

    async def emails(self) -> set[str]:
        """Every email in the copy, in lower case: which rows of an import are there already."""
        return await self._read(CopyFile.emails)

    async def contains(self, contact_id: str) -> bool:
        return await self._read(lambda f: f.has(contact_id))


def _end_and_close(f: CopyFile) -> None:
    try:
        f.end_bulk()
    except Exception as exc:  # a full disk: the last commit stands, the next sync goes on from it
        log.warning("the offline copy's last batch was not saved: %s", exc)
    finally:
        f.close()


def _guarded(work: Callable[[CopyFile], T], f: CopyFile) -> T:
    with translating(f.path.parent):
        return work(f)


__all__ = ["CopyBusy", "CopyClosed", "CopyDamaged", "CopyStatus", "LocalCopy", "copies_dir", "copy_path",
           "forget"]
