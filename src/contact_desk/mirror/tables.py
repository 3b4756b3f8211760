"""The offline copy's tables (SQLite + two FTS5 indexes) and their schema version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from contact_desk.api.models import CONTACT_TYPES
from contact_desk.mirror import derived, duplicates, facets, tallies

SCHEMA_VERSION = 5  # 2: keys newest-lowest, archived flag, domain totals; 3: tallies; 4: duplicate keys;
# 5: the filters' entries (facets)

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contacts(
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    raw TEXT NOT NULL,
    email_status TEXT, stage TEXT, archived INTEGER NOT NULL DEFAULT 0,
    domain TEXT, phone TEXT, created_ms INTEGER
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


def _tallies(con: sqlite3.Connection) -> None:
    """2 -> 3: the counts by value (mirror/tallies.py), made from the contacts in one pass (about
    5 s for a million, once, when the copy is first opened by this version)."""
    con.execute(tallies.TABLE)
    con.execute("DELETE FROM tallies")
    dialect = con.execute("SELECT value FROM meta WHERE key = 'dialect'").fetchone()
    if dialect is not None and dialect[0] in CONTACT_TYPES:
        con.execute(tallies.rebuild_sql(CONTACT_TYPES[dialect[0]]))
        derived.odd_rows(con, dialect[0], counts=True)


def _keys(con: sqlite3.Connection) -> None:
    """3 -> 4: each contact's duplicate keys (mirror/duplicates.py), made in one pass (about 8 s
    a million, once)."""
    con.execute(duplicates.KEYS_TABLE)
    con.execute("DELETE FROM dupkeys")
    dialect = con.execute("SELECT value FROM meta WHERE key = 'dialect'").fetchone()
    if dialect is not None and dialect[0] in CONTACT_TYPES:
        con.execute(duplicates.keys_rebuild_sql(CONTACT_TYPES[dialect[0]]))
        derived.odd_rows(con, dialect[0], keys=True)


def _facets(con: sqlite3.Connection) -> None:
    """4 -> 5: the filters' entries (mirror/facets.py), made in one pass (about 10 s a million, once)."""
    con.execute(facets.TABLE)
    dialect = con.execute("SELECT value FROM meta WHERE key = 'dialect'").fetchone()
    if dialect is not None and dialect[0] in CONTACT_TYPES:
        derived.make_facets(con, dialect[0])


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _tallies, 3: _keys, 4: _facets}
