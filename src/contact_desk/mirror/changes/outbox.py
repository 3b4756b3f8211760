"""The outbox: changes made while the server could not be reached, waiting to be sent. Qt-free.

One SQLite file per account beside its offline copy (``<account>.outbox.sqlite3``), not inside
the copy: the copy is a cache that is set aside when damaged, synced again, or forgotten on
request, and none of that may cost a waiting change. Every add is one transaction, committed
before the caller says "saved"; WAL and a busy timeout let a window and the command line share
it. The pending values are also written into the copy (by the caller) so that its searches and
filters see them.

An item is a create (a contact with a temporary id, ``offline-…``) or an edit (the fields the user
changed, with their values as the user saw them: the save check's base). A later edit of a contact
still waiting merges into its item: a create and two edits become one create with the final values;
two edits of one contact become one edit (the first base kept). At most ``MAX_ITEMS`` items wait; an
add beyond that is refused with words (``OutboxFull``), nothing written.

States: ``waiting``; ``sending`` (marked, committed, before its request: after a kill -9 the item is
checked on the server before it is sent again); ``needs`` (the server refused it, or a colleague
changed the same field: ``problem`` says which, ``field`` where, ``detail`` what; it waits for the
user: Retry, Edit, Discard).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock

from contact_desk.mirror.changes import wal
from contact_desk.mirror.local_copy import copies_dir, copy_path

MAX_ITEMS = 5_000  # waiting changes per account (a working week of a busy salesperson, many times over)
BUSY_MS = 5_000
TEMPORARY = "offline-"  # a created contact's id until the server gives it one

CREATE, EDIT = "create", "edit"
WAITING, SENDING, NEEDS = "waiting", "sending", "needs"
# What an item that needs the user met (``problem``).
CONFLICT, UNKNOWN_TAG, EXISTS, INVALID, REFUSED, GONE = (
    "conflict", "unknown-tag", "exists", "invalid", "key-refused", "gone")


class OutboxFull(Exception):
    """The outbox holds MAX_ITEMS changes: nothing more is queued until some are sent."""


@dataclass(frozen=True)
class Item:
    seq: int
    kind: str  # CREATE or EDIT
    contact_id: str  # TEMPORARY… for a create
    name: str  # the contact's name as the user knew it
    values: dict[str, Any]  # the create's values, or the edit's changed fields
    base: dict[str, Any] = field(default_factory=dict)  # an edit's fields as the user saw them
    state: str = WAITING
    problem: str = ""
    field: str = ""  # the field the problem concerns
    detail: str = ""  # the server's words, or the values of a conflict (JSON)
    request_id: str = ""
    source: str = "edit"  # where it was made (My changes' sources)
    made: float = 0.0  # when it was queued
    tried: float = 0.0  # when it was first sent (0: never): a create's lookup starts there


def outbox_path(account_id: str, folder: Path | None = None) -> Path:
    copy = copy_path(account_id, folder or copies_dir())
    return copy.with_name(copy.name.replace(".sqlite3", ".outbox.sqlite3"))


def temporary_id() -> str:
    return TEMPORARY + uuid.uuid4().hex


_TABLE = """CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, contact_id TEXT NOT NULL, name TEXT NOT NULL,
    vals TEXT NOT NULL, base TEXT NOT NULL, state TEXT NOT NULL, problem TEXT NOT NULL, field TEXT NOT NULL,
    detail TEXT NOT NULL, request_id TEXT NOT NULL, source TEXT NOT NULL, made REAL NOT NULL,
    tried REAL NOT NULL)"""
_COLUMNS = ("seq, kind, contact_id, name, vals, base, state, problem, field, detail, request_id, source, "
            "made, tried")
_INSERT = f"INSERT INTO outbox ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, '', '', '', '', ?, ?, 0)"


def _item(row: tuple[Any, ...]) -> Item:
    seq, kind, cid, name, vals, base, state, problem, fld, detail, rid, source, made, tried = row
    return Item(seq, kind, cid, name, json.loads(vals), json.loads(base), state, problem, fld, detail, rid,
                source, made, tried)


class Outbox:
    def __init__(self, path: Path, limit: int = MAX_ITEMS) -> None:
        self.path, self.limit = path, limit

    @contextlib.contextmanager
    def _open(self, writing: bool = False) -> Iterator[sqlite3.Connection]:
        """Reads need no write at all (a full disk still lists what waits)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=FULL")  # a waiting change survives a power cut too
            if writing:
                wal.ready(db, _TABLE)
            yield db
        finally:
            db.close()

    @contextlib.contextmanager
    def _changing(self) -> Iterator[sqlite3.Connection]:
        with self._open(writing=True) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # -- adding ---------------------------------------------------------------------
    def create(self, contact_id: str, name: str, values: dict[str, Any], source: str = "create") -> Item:
        """Queues a new contact under its temporary id."""
        with self._changing() as db:
            self._room(db)
            seq = db.execute(_INSERT, (CREATE, contact_id, name, json.dumps(values), "{}", WAITING, source,
                                       time.time())).lastrowid
        return self.get(int(seq or 0))

    def edit(self, contact_id: str, name: str, base: dict[str, Any], changes: dict[str, Any],
             source: str = "edit") -> Item:
        """Queues an edit; merged into the contact's waiting item when there is one (its create's
        values, or its edit's changes with the first base kept)."""
        with self._changing() as db:
            seq = self._edit(db, contact_id, name, base, changes, source)
        return self.get(seq)

    def edits(self, edits: list[tuple[str, str, dict[str, Any], dict[str, Any]]], source: str) -> int:
        """Many edits (contact id, name, base, changes) in one transaction: all kept, or none."""
        with self._changing() as db:
            for contact_id, name, base, changes in edits:
                self._edit(db, contact_id, name, base, changes, source)
        return len(edits)

    def _edit(self, db: sqlite3.Connection, contact_id: str, name: str, base: dict[str, Any],
              changes: dict[str, Any], source: str) -> int:
        row = db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE contact_id = ? AND state = ? "
                         "ORDER BY seq DESC LIMIT 1", (contact_id, WAITING)).fetchone()
        if row is not None:
            item = _item(row)
            values = {**item.values, **changes}
            first = {**{k: v for k, v in base.items() if k not in item.base}, **item.base}
            kept = json.dumps(first if item.kind == EDIT else {})
            db.execute("UPDATE outbox SET vals = ?, base = ?, name = ? WHERE seq = ?",
                       (json.dumps(values), kept, name, item.seq))
            return item.seq
        self._room(db)
        new = (EDIT, contact_id, name, json.dumps(changes), json.dumps(base), WAITING, source, time.time())
        return int(db.execute(_INSERT, new).lastrowid or 0)

    def _room(self, db: sqlite3.Connection) -> None:
        if db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] >= self.limit:
            raise OutboxFull(f"The outbox already holds {self.limit:,} changes waiting to be sent")

    # -- reading --------------------------------------------------------------------
    def items(self) -> list[Item]:
        if not self.path.exists():
            return []
        with self._open() as db:
            return [_item(r) for r in db.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY seq")]

    def get(self, seq: int) -> Item:
        with self._open() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
        if row is None:
            raise KeyError(seq)
        return _item(row)

    def count(self) -> int:
        if not self.path.exists():
            return 0
        with self._open() as db:
            return int(db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    # -- sending ----------------------------------------------------------------------
    def sending(self, seq: int) -> None:
        """Marked before its request is sent (committed): a kill -9 after it is checked next time."""
        with self._changing() as db:
            db.execute("UPDATE outbox SET state = ?, tried = CASE WHEN tried = 0 THEN ? ELSE tried END "
                       "WHERE seq = ?", (SENDING, time.time(), seq))

    def needs(self, seq: int, problem: str, fld: str = "", detail: str = "", request_id: str = "") -> None:
        with self._changing() as db:
            db.execute("UPDATE outbox SET state = ?, problem = ?, field = ?, detail = ?, request_id = ? "
                       "WHERE seq = ?", (NEEDS, problem, fld, detail, request_id, seq))

    def waiting(self, seq: int, base: dict[str, Any] | None = None,
                values: dict[str, Any] | None = None) -> None:
        """Back to waiting (Retry; the network failed under it), with a new base or values if given."""
        with self._changing() as db:
            db.execute("UPDATE outbox SET state = ?, problem = '', field = '', detail = '' WHERE seq = ?",
                       (WAITING, seq))
            if base is not None:
                db.execute("UPDATE outbox SET base = ? WHERE seq = ?", (json.dumps(base), seq))
            if values is not None:
                db.execute("UPDATE outbox SET vals = ? WHERE seq = ?", (json.dumps(values), seq))

    def sent(self, seq: int, temporary: str | None = None, real: str | None = None) -> None:
        """Done: the item goes; a create's temporary id becomes the server's in the items after it."""
        with self._changing() as db:
            db.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
            if temporary and real:
                db.execute("UPDATE outbox SET contact_id = ? WHERE contact_id = ?", (real, temporary))

    def discard(self, seq: int | None = None) -> int:
        """Discards one item (None: every item); how many went."""
        with self._changing() as db:
            if seq is None:
                return db.execute("DELETE FROM outbox").rowcount
            return db.execute("DELETE FROM outbox WHERE seq = ?", (seq,)).rowcount

    @contextlib.contextmanager
    def sender(self) -> Iterator[bool]:
        """One sender per account across processes: True when this one holds the lock (a lock
        file beside the outbox; the system releases it when a process dies)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(self.path.with_suffix(".send-lock")), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()
