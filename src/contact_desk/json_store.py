"""One small JSON file that several processes may change (the saved views, the remembered import
mappings, the groups marked "not duplicates"): read as a whole, changed under a lock every
process shares (``NAME.lock`` beside it), written atomically. A read-change-write outside the
lock loses a writer's change when two run at once; this one re-reads under the lock."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import filelock
import msgspec

from contact_desk.files import FileProblem, atomic_write, private_folder

LOCK_TIMEOUT = 10.0  # seconds: another writer holds a small file's lock for milliseconds


class StoreBusy(Exception):
    """Another process held the lock for longer than LOCK_TIMEOUT."""


class StoreUnreadable(Exception):
    """The file exists but is not JSON of the expected shape (nothing is written over it)."""


class JsonStore:
    """``path``'s JSON content; ``path`` None keeps it in this process only (the demo, tests)."""

    def __init__(self, path: Path | None, empty: Any) -> None:
        self.path = path
        self._empty = msgspec.json.encode(empty)  # a dict or a list: what the file holds
        self._memory: Any = msgspec.json.decode(self._empty)

    def read(self) -> Any:
        """The content (the empty value when there is no file yet); raises StoreUnreadable, or
        FileProblem when the file cannot be read."""
        if self.path is None:
            return msgspec.json.decode(msgspec.json.encode(self._memory))
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return msgspec.json.decode(self._empty)
        except OSError as exc:
            raise FileProblem(f"Cannot read {self.path}: {exc.strerror or exc}") from None
        try:
            content = msgspec.json.decode(raw)
        except (msgspec.DecodeError, UnicodeDecodeError, RecursionError, ValueError):
            content = None
        if not isinstance(content, type(self._memory)):  # of the shape this store keeps
            raise StoreUnreadable(f"{self.path} is not what Contact Desk wrote")
        return content

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Held while a change is read, made and written (StoreBusy, FileProblem)."""
        if self.path is None:
            yield
            return
        private_folder(self.path.parent)
        lock = filelock.FileLock(str(self.path.with_suffix(".lock")), timeout=LOCK_TIMEOUT)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreBusy(f"Another Contact Desk is changing {self.path.name}; try again in a moment") \
                from None
        except OSError as exc:
            raise FileProblem(f"Cannot lock {self.path}: {exc.strerror or exc}") from None
        try:
            yield
        finally:
            lock.release()

    def write(self, content: Any) -> None:
        """Replaces the content at once (call under ``lock``)."""
        if self.path is None:
            self._memory = msgspec.json.decode(msgspec.json.encode(content))
            return
        data = msgspec.json.format(msgspec.json.encode(content))
        with atomic_write(self.path, mode=0o600) as fh:
            fh.write(data)

    @contextlib.contextmanager
    def change(self, unreadable_as_empty: bool = False) -> Iterator[Any]:
        """Yields the content, re-read under the lock, to change in place; written back when the
        block ends without an error. ``unreadable_as_empty``: a damaged file is started afresh
        (for a store whose loss costs a convenience only)."""
        with self.lock():
            try:
                content = self.read()
            except StoreUnreadable:
                if not unreadable_as_empty:
                    raise
                content = msgspec.json.decode(self._empty)
            yield content
            self.write(content)

    def read_or_empty(self) -> Any:
        """The content; the empty value when the file cannot be read or is not what we wrote (a
        store whose loss costs a convenience only: the defaults apply)."""
        try:
            return self.read()
        except (StoreUnreadable, FileProblem):
            return msgspec.json.decode(self._empty)

    def update(self, work: Callable[[Any], None]) -> bool:
        """``work`` changes the content under the lock (a damaged file started afresh); False when
        it could not be written (another writer held the lock too long, or the disk refused)."""
        try:
            with self.change(unreadable_as_empty=True) as content:
                work(content)
        except (StoreBusy, FileProblem):
            return False
        return True
