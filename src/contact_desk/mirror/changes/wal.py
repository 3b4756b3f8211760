"""Readying a small SQLite file that several processes open at once (My changes, the outbox):
WAL mode and its table, set up under a bounded retry (a new file's journal mode cannot change
while another process is changing it, and SQLite says "locked" at once rather than waiting)."""

from __future__ import annotations

import sqlite3
import time

SETUP_TRIES = 20  # with the waits below, about 10 s at most


def ready(db: sqlite3.Connection, table: str) -> None:
    for attempt in range(SETUP_TRIES):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute(table)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == SETUP_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
