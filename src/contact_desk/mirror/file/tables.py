"""The offline copy's tables (SQLite + two FTS5 indexes) and their schema version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from contact_desk.api.models import CONTACT_TYPES
from contact_desk.mirror.file import derived, facets, tallies
from contact_desk.mirror.query import duplicates

SCHEMA_VERSION = 7  # 2: keys newest-lowest, archived flag, domain totals; 3: tallies; 4: duplicate keys;
# 5: the filters' entries (facets); 6: duplicate keys with what confirms a name (birthday, address);
# 7: creation counted by UTC hour (the overview's local months)

# The columns the copy keeps of a contact beside its key, its id and its JSON, declared once. Two
# derivations fill them: Python's (values.Row, written by store.py) and SQL's for a first sync
# (fill_sql.INGEST); tests/mirror/test_stored_columns.py fails when either lacks one of these.
STORED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("email_status", "TEXT"), ("stage", "TEXT"), ("archived", "INTEGER NOT NULL DEFAULT 0"),
    ("domain", "TEXT"), ("phone", "TEXT"), ("created_ms", "INTEGER"),
)
STORED = tuple(name for name, _type in STORED_COLUMNS)

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contacts(
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    raw TEXT NOT NULL,
    """ + ", ".join(f"{name} {kind}" for name, kind in STORED_COLUMNS) + """
);
CREATE UNIQUE INDEX contacts_id ON contacts(id);
CREATE INDEX contacts_domain ON contacts(domain, archived);
CREATE INDEX contacts_phone ON contacts(phone);
CREATE INDEX contacts_listed ON contacts(archived);
CREATE INDEX contacts_status ON contacts(archived, email_status);
CREATE INDEX contacts_stage ON contacts(archived, stage);
CREATE TABLE seen(ord INTEGER PRIMARY KEY);
CREATE TABLE domains(domain TEXT PRIMARY KEY, n_all INTEGER NOT NULL, n_listed INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE VIRTUAL TABLE grams USING fts5(name, email, phone, company, city, tags, flags,
    content='', tokenize='trigram');
CREATE VIRTUAL TABLE words USING fts5(name, email, flags, content='',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2');
""" + tallies.TABLE + ";\n" + duplicates.KEYS_TABLE + ";\n" + facets.TABLE + ";\n"
# ``words`` answers one- and two-letter searches by prefix: prefix='1 2' keeps those prefixes'
# own entries (3-4x faster on a million; the index ~20 % bigger). A copy made before it has no such
# entries and gives the same answers, slower; it gains them when it is made again.
# Migrations from an older schema version to the next. A copy of schema 1 is refused as
# CopyDamaged, so it is set aside and synced again (the copy is a cache of the server).


Step = Callable[[sqlite3.Connection], None]


def _made(table: str, make: Callable[[sqlite3.Connection, str], None]) -> Step:
    """A step that adds ``table`` and fills it from every contact in one pass (``make``)."""
    def step(con: sqlite3.Connection) -> None:
        con.execute(table)
        dialect = con.execute("SELECT value FROM meta WHERE key = 'dialect'").fetchone()
        if dialect is not None and dialect[0] in CONTACT_TYPES:
            make(con, dialect[0])
    return step


# Each once, when this version first opens an older copy; for a million contacts about 5 s (2 -> 3:
# the counts by value, tallies.py), 8 s (3 -> 4: the duplicate keys, duplicates.py) and 10 s
# (4 -> 5: the filters' entries, facets.py); 5 -> 6 makes the duplicate keys again (8 s), 6 -> 7 the
# counts (5 s).
MIGRATIONS: dict[int, Step] = {
    2: _made(tallies.TABLE, derived.make_counts), 3: _made(duplicates.KEYS_TABLE, derived.make_keys),
    4: _made(facets.TABLE, derived.make_facets), 5: _made(duplicates.KEYS_TABLE, derived.make_keys),
    6: _made(tallies.TABLE, derived.make_counts)}
