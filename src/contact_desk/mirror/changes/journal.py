"""My changes: every change made from this computer to an account's contacts (a form's edit or
create, Change contacts, an Undo, Copy to…, an import), with when, which contact, each field
before and after, the request id and where it came from. Qt-free.

One SQLite file per account beside its offline copy (``<account>.changes.sqlite3``), kept even
when the copy is off; no key or secret is ever in it. Bounded: the newest ``KEEP`` entries stay,
older ones are dropped as new ones come. Two instances may write at once (WAL, a busy timeout);
each record is one transaction, committed before the caller goes on.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contact_desk.mirror.changes import wal
from contact_desk.mirror.local_copy import copies_dir, copy_path

KEEP = 20_000  # entries per account; at about 300 bytes each, 6 MB at most
BUSY_MS = 5_000

# Where a change came from (stored as these words; the window translates them).
EDIT, CREATE, BULK, UNDO, COPY_TO, IMPORT = "edit", "create", "change contacts", "undo", "copy to", "import"
SOURCES = (EDIT, CREATE, BULK, UNDO, COPY_TO, IMPORT)


@dataclass(frozen=True)
class Entry:
    contact_id: str
    name: str  # the contact's name when it was changed
    source: str  # one of SOURCES
    before: dict[str, Any]  # API field → value before (empty for a create)
    after: dict[str, Any]  # API field → value written
    request_id: str = ""
    at: float = field(default_factory=time.time)  # seconds since the epoch (UTC)
    id: int = 0  # given by the journal


def journal_path(account_id: str, folder: Path | None = None) -> Path:
    copy = copy_path(account_id, folder or copies_dir())
    return copy.with_name(copy.name.replace(".sqlite3", ".changes.sqlite3"))


_TABLE = """CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, contact_id TEXT NOT NULL, name TEXT NOT NULL,
    source TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, request_id TEXT NOT NULL)"""
_COLUMNS = "at, contact_id, name, source, before, after, request_id"


class Journal:
    def __init__(self, path: Path, keep: int = KEEP) -> None:
        self.path, self.keep = path, keep

    @contextlib.contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        try:
            wal.ready(db, _TABLE)
            yield db
        finally:
            db.close()

    def record(self, entries: Iterable[Entry]) -> int:
        """Adds ``entries`` in one transaction (the oldest dropped beyond ``keep``); how many."""
        rows = [(e.at, e.contact_id, e.name, e.source, json.dumps(e.before, ensure_ascii=False),
                 json.dumps(e.after, ensure_ascii=False), e.request_id)
                for e in entries if e.after or e.before]
        if not rows:
            return 0
        with self._open() as db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(f"INSERT INTO changes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("DELETE FROM changes WHERE id <= (SELECT MAX(id) FROM changes) - ?", (self.keep,))
            db.execute("COMMIT")
        return len(rows)

    def recent(self, limit: int = KEEP) -> list[Entry]:
        """The newest first."""
        if not self.path.exists():
            return []
        with self._open() as db:
            found = db.execute(f"SELECT id, {_COLUMNS} FROM changes ORDER BY id DESC LIMIT ?",
                               (max(0, limit),)).fetchall()
        return [Entry(cid, name, source, json.loads(before), json.loads(after), rid, at, i)
                for i, at, cid, name, source, before, after, rid in found]
