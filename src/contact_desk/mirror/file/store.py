"""The local copy's SQLite file: opening and writes (its tables: tables.py; its errors: errors.py;
what it answers: reading.py).

One file per account. ``contacts`` keeps each contact's JSON as the API sent it plus the columns
we filter and order by; its integer key ``ord`` is the API's order (newest first = lowest key),
so a page in the server's order is an index range and FTS5 answers come back already ordered.
Two contentless FTS5 indexes (``grams``: trigrams for substrings; ``words``: words, for one- and
two-letter searches by prefix) hold folded text only. ``tallies``, ``dupkeys`` and ``facets``
follow the rows (derived.py).

A ``CopyFile`` is used from one thread; the async ``LocalCopy`` gives it its own. WAL mode lets a
second app instance read while one writes; a file that is not a database, is truncated or damaged
raises ``CopyDamaged`` (the owner sets it aside and starts again); one that stays locked raises
``CopyBusy``.
"""

from __future__ import annotations

import contextlib
import operator
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from contact_desk.api.models import Contact
from contact_desk.mirror.errors import CopyDamaged, translating
from contact_desk.mirror.file import derived, fill_sql, tallies
from contact_desk.mirror.file.codec import decode
from contact_desk.mirror.file.reading import CopyReads
from contact_desk.mirror.file.tables import MIGRATIONS, SCHEMA_VERSION, STORED, TABLES
from contact_desk.mirror.file.values import Row, free_ords, row_from
from contact_desk.mirror.file.values import encode as _encode
from contact_desk.mirror.query import queries

BUSY_TIMEOUT_MS = 5000
BULK_ROWS = 20_000
BULK_SECONDS = 2.0
BULK_CACHE_KB = 65536  # page cache while a sync writes (the default 2 MB spills a batch's pages to the WAL)
_SORTABLE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,40}$")

_INSERT = (f"INSERT INTO contacts(ord, id, raw, {', '.join(STORED)}) "
           f"VALUES ({', '.join('?' for _ in range(3 + len(STORED)))})")
_stored = operator.attrgetter(*STORED)  # a Row's stored columns, in the declared order


class CopyFile(CopyReads):
    def __init__(self, path: Path, dialect: str, *, readonly: bool = False) -> None:
        self.path = path
        self.dialect = dialect
        self._deltas: dict[str, tuple[int, int]] = {}  # per domain, until _bump writes them
        self._tallied: dict[tallies.Entry, list[int]] = {}  # per (field, value), until _bump writes them
        self._bulk: float | None = None  # when the open bulk transaction began
        self._pending = 0
        # Rows written in the open bulk transaction, indexed for search just before it commits, in key
        # order: FTS5 starts a new segment whenever a key is lower than the last (3x the cost).
        self._unindexed: dict[int, Row] = {}
        self._taken: dict[int, Row] = {}  # taken from _unindexed by the part being written
        # Set when SQLite undid the open batch by itself (a full disk): no more of this sync
        # may be written, or a walk's place would commit without the rows it stands for.
        self._lost: str | None = None
        if not readonly and not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)  # owner-only from the first byte
            os.close(fd)
        with translating(path.parent):
            uri = f"file:{path}?mode={'ro' if readonly else 'rw'}"
            self.con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            try:
                self.con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                # Text compared as the search words are: lower case without accents (SQLite's
                # lower() knows ASCII only: "ZOË.MÜLLER@" would never meet "zoë.müller@").
                fill_sql.register(self.con)
                self._prepare(readonly)
            except BaseException:
                self.con.close()
                raise
        self._domains: list[str] | None = None
        self._version: int | None = None
        self._has_entries = self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'facets'").fetchone() \
            is not None

    def _prepare(self, readonly: bool) -> None:
        con = self.con
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not readonly:
            con.execute("PRAGMA journal_mode = WAL")
            with self.transaction():
                if con.execute("PRAGMA user_version").fetchone()[0] == 0:  # another instance may have won
                    self._create()
            version = SCHEMA_VERSION
        elif version > SCHEMA_VERSION:
            raise CopyDamaged(f"written by a newer Contact Desk (schema {version})")
        while version < SCHEMA_VERSION and not readonly:
            step = MIGRATIONS.get(version)
            if step is None:
                raise CopyDamaged(f"schema {version} cannot be upgraded")
            with self.transaction():
                step(con)
                version += 1
                con.execute(f"PRAGMA user_version = {version}")
        con.execute("PRAGMA synchronous = NORMAL")
        mine = self.meta("dialect")
        if mine is not None and mine != self.dialect:
            raise CopyDamaged(f"holds {mine} contacts, not {self.dialect}")
        con.execute("SELECT ord, id, raw FROM contacts LIMIT 1").fetchall()

    def _create(self) -> None:
        for statement in TABLES.split(";"):
            if statement.strip():
                self.con.execute(statement)
        self.con.execute("INSERT INTO meta VALUES ('dialect', ?)", (self.dialect,))
        self.con.executemany("INSERT INTO meta VALUES (?, '0')", [("n_all",), ("n_listed",)])
        self.con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.con.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._bulk is not None:  # inside a sync's long transaction: committed in batches
            if self._lost is not None or not self._active():
                self._batch_lost("the batch was undone")
                raise sqlite3.OperationalError(f"database or disk is full ({self._lost})")
            self._taken.clear()
            self.con.execute("SAVEPOINT part")  # a failing part leaves nothing half-written
            try:
                yield
            except BaseException as exc:
                if self._active():
                    self.con.execute("ROLLBACK TO part")
                    self.con.execute("RELEASE part")
                    self._unindexed.update(self._taken)
                    self._deltas.clear()  # the failed part's
                    self._tallied.clear()
                else:  # SQLite undid the whole batch (a full disk, an I/O error)
                    self._batch_lost(str(exc))
                raise
            self.con.execute("RELEASE part")
            self._maybe_commit()
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            self._deltas.clear()  # counts of what was undone
            self._tallied.clear()
            raise
        self.con.execute("COMMIT")

    def start_bulk(self) -> None:
        """Many writes to come (a sync): one transaction per ``BULK_ROWS`` rows or
        ``BULK_SECONDS``, not one per page. FTS5 writes a new index segment per
        transaction; fewer, larger ones make a first sync several times faster."""
        if self._bulk is None:
            self.con.execute(f"PRAGMA cache_size = -{BULK_CACHE_KB}")
            self.con.execute("BEGIN IMMEDIATE")
            self._bulk = time.monotonic()
            self._pending = 0

    def _active(self) -> bool:
        """Whether a transaction is open (SQLite may have ended it by itself after an error)."""
        return bool(self.con.in_transaction)

    def _batch_lost(self, why: str) -> None:
        """Everything since the last commit is gone: forget what it held, write nothing more."""
        self._lost = self._lost or why
        self._unindexed.clear()
        self._taken.clear()
        self._deltas.clear()
        self._tallied.clear()
        self._domains = None
        self._pending = 0
        if self._active():
            self.con.execute("ROLLBACK")

    def end_bulk(self) -> None:
        """Commits what was written (rows and the walk's place, always together)."""
        if self._bulk is not None and self._lost is not None:  # nothing left to commit
            self._bulk, self._lost = None, None
            self.con.execute("PRAGMA cache_size = -2000")
            return
        if self._bulk is not None:
            self._bulk = None
            try:
                self._index_rows()
                self.con.execute("COMMIT")
            except BaseException:  # (a full disk) back to the last commit: rows, index and place agree
                self._unindexed.clear()
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                raise
            finally:
                self.con.execute("PRAGMA cache_size = -2000")  # SQLite's default

    def _maybe_commit(self) -> None:
        assert self._bulk is not None
        if self._pending >= BULK_ROWS or time.monotonic() - self._bulk >= BULK_SECONDS:
            try:
                self._index_rows()
                self.con.execute("COMMIT")
            except BaseException as exc:  # not committed: the batch is lost, rows and place alike
                self._batch_lost(str(exc))
                raise
            self.con.execute("BEGIN IMMEDIATE")
            self._bulk = time.monotonic()
            self._pending = 0

    # -- meta ---------------------------------------------------------------
    def set_meta(self, values: dict[str, Any]) -> None:
        with self.transaction():
            for key, value in values.items():
                if value is None:
                    self.con.execute("DELETE FROM meta WHERE key = ?", (key,))
                else:
                    self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))

    # -- writes -------------------------------------------------------------
    def put(self, contacts: Sequence[Contact], *, mark_seen: bool = False) -> int:
        """Stores ``contacts`` (by id: new, changed or the same); returns how many were new
        or changed. ``mark_seen``: part of a full walk (see ``remove_unseen``). A contact
        whose JSON is unchanged costs one comparison: its columns are derived only when new."""
        if not contacts:
            return 0
        con = self.con
        raws = [_encode(c).decode() for c in contacts]
        with self.transaction():
            marks = ", ".join("?" for _ in contacts)
            ids = [c.id for c in contacts]
            old = {r[0]: (r[1], r[2], r[3]) for r in con.execute(
                f"SELECT id, ord, raw, archived FROM contacts WHERE id IN ({marks})", ids)}
            seen: list[tuple[int]] = []
            fresh: list[Row] = []
            n_all = n_listed = 0
            for contact, raw in zip(contacts, raws, strict=True):
                before = old.get(contact.id)
                if before is not None and before[1] == raw:
                    seen.append((before[0],))
                    continue
                if before is not None:
                    self._delete(before[0], before[1])
                    n_all, n_listed = n_all - 1, n_listed - (not before[2])
                row = row_from(contact, raw)
                n_all, n_listed = n_all + 1, n_listed + (not row.archived)
                fresh.append(row)
            ords = free_ords(con, [r.ord_hint for r in fresh])
            con.executemany(_INSERT, [(o, r.id, r.raw, *_stored(r))
                                      for o, r in zip(ords, fresh, strict=True)])
            if self.derived():
                derived.added(con, list(zip(ords, fresh, strict=True)), self._tallied)
            if self._bulk is None:
                self.index(sorted(zip(ords, fresh, strict=True)))
            else:
                self._unindexed.update(zip(ords, fresh, strict=True))
            seen.extend((o,) for o in ords)
            for r in fresh:
                if r.domain is not None:
                    self._domain_delta(r.domain, 1, int(not r.archived))
            changed = len(fresh)
            self._pending += changed
            if mark_seen:
                con.executemany("INSERT OR IGNORE INTO seen(ord) VALUES (?)", seen)
            self._bump(n_all, n_listed)
        return changed

    def index(self, rows: list[tuple[int, Row]]) -> None:
        """Adds rows to the search indexes (``rows`` in key order)."""
        self.con.executemany("INSERT INTO grams(rowid, name, email, phone, company, city, tags, flags) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(o, *r.grams) for o, r in rows])
        self.con.executemany("INSERT INTO words(rowid, name, email, flags) VALUES (?, ?, ?, ?)",
                             [(o, *r.words) for o, r in rows])

    def _index_rows(self) -> None:
        if self._unindexed:
            self.con.execute("SAVEPOINT index_rows")  # all of them or none: never a row indexed twice
            try:
                self.index(sorted(self._unindexed.items()))
            except BaseException:
                self.con.execute("ROLLBACK TO index_rows")
                self.con.execute("RELEASE index_rows")
                raise
            self.con.execute("RELEASE index_rows")
            self._unindexed.clear()

    def _bump(self, n_all: int, n_listed: int) -> None:
        """Keeps the counts in meta and per email domain (asked for often: O(1), not a scan)."""
        if n_all or n_listed:
            self.con.executemany("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = ?",
                                 [(n_all, "n_all"), (n_listed, "n_listed")])
        if self._deltas:
            self.con.executemany(
                "INSERT INTO domains VALUES (?, ?, ?) ON CONFLICT(domain) DO UPDATE SET "
                "n_all = n_all + excluded.n_all, n_listed = n_listed + excluded.n_listed",
                [(d, a, b) for d, (a, b) in self._deltas.items()])
            if any(d not in (self._domains or ()) for d in self._deltas):
                self._domains = None
            self._deltas.clear()
        if self._tallied:
            self.con.executemany(tallies.ADD, tallies.rows(self._tallied))
            self._tallied.clear()

    def _domain_delta(self, domain: str, n_all: int, n_listed: int) -> None:
        a, b = self._deltas.get(domain, (0, 0))
        self._deltas[domain] = (a + n_all, b + n_listed)

    def _delete(self, ord_: int, raw: str) -> None:
        old = row_from(decode(self.dialect, raw), raw)
        pending = self._unindexed.pop(ord_, None)
        if pending is not None:  # written in this bulk transaction, not indexed yet
            self._taken[ord_] = pending
        else:
            self.unindex(ord_, old)
        if old.domain is not None:
            self._domain_delta(old.domain, -1, -(not old.archived))
        derived.removed(self.con, ord_, old, self._tallied, derived=self.derived())
        self.con.execute("DELETE FROM contacts WHERE ord = ?", (ord_,))

    def unindex(self, ord_: int, old: Row) -> None:
        """Takes a row out of the search indexes (contentless: they need its old values)."""
        self.con.execute("INSERT INTO grams(grams, rowid, name, email, phone, company, city, tags, flags) "
                         "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?, ?)", (ord_, *old.grams))
        self.con.execute("INSERT INTO words(words, rowid, name, email, flags) VALUES ('delete', ?, ?, ?, ?)",
                         (ord_, *old.words))

    def remove(self, ids: Iterable[str]) -> int:
        removed = listed = 0
        with self.transaction():
            for contact_id in ids:
                row = self.con.execute("SELECT ord, raw, archived FROM contacts WHERE id = ?",
                                       (contact_id,)).fetchone()
                if row is not None:
                    self._delete(row[0], row[1])
                    removed, listed = removed + 1, listed + (not row[2])
            self._bump(-removed, -listed)
        return removed

    def start_walk(self) -> None:
        with self.transaction():
            self.con.execute("DELETE FROM seen")

    def remove_unseen(self, newest: int) -> int:
        """After a complete walk: removes the contacts it did not list, among those created
        before it started (``ord`` at least ``newest``: keys grow older). Returns how many."""
        gone = self.con.execute(
            "SELECT ord, raw, archived FROM contacts WHERE ord >= ? AND ord NOT IN (SELECT ord FROM seen)",
            (newest,)).fetchall()
        with self.transaction():
            for ord_, raw, _archived in gone:
                self._delete(ord_, raw)
            self._bump(-len(gone), -sum(1 for g in gone if not g[2]))
            self.con.execute("DELETE FROM seen")
        self._domains = None
        return len(gone)

    def derive(self) -> None:
        """The counts by value, the duplicate keys and the filters' entries, made from every contact."""
        with self.transaction():
            derived.rebuild(self.con, self.dialect)

    def ensure_sort_index(self, name: str) -> None:
        """An index for ordering by field ``name`` (built the first time it is asked for)."""
        with self.transaction():
            self.con.execute(f"CREATE INDEX IF NOT EXISTS sort_{queries.check(name)} "
                             f"ON contacts({queries.sort_expr(name, 'raw')}, ord, archived)")
