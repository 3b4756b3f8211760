"""The copy's stored columns are declared once (mirror/file/tables.py: STORED_COLUMNS); the
Python derivation (values.Row, what store.py writes) and the SQL one of a first sync
(fill_sql.INGEST) are read here and must each hold exactly those columns: a column added on one
side only fails this test."""

from __future__ import annotations

import re
import sqlite3

from contact_desk.mirror.file import fill_sql, tables
from contact_desk.mirror.file.values import Row

KEYS = ("ord", "id", "raw")  # the key, the id and the JSON: not derived


def table_columns() -> tuple[str, ...]:
    con = sqlite3.connect(":memory:")
    con.execute(next(s for s in tables.TABLES.split(";") if "CREATE TABLE contacts" in s))
    return tuple(r[1] for r in con.execute("PRAGMA table_info(contacts)"))


def ingested_columns(sql: str) -> tuple[str, ...]:
    found = re.search(r"INTO contacts\(([^)]*)\)", sql)
    assert found is not None, sql
    return tuple(c.strip() for c in found.group(1).split(","))


def test_the_table_holds_the_declared_columns() -> None:
    assert table_columns() == (*KEYS, *tables.STORED)


def test_the_python_derivation_makes_every_declared_column_and_no_other() -> None:
    derived = set(Row._fields) - {"id", "raw", "ord_hint"}  # the key is chosen from ord_hint
    beside = {"grams", "words", "tallies", "keys", "facets"}  # what goes to the other tables
    assert derived - beside == set(tables.STORED)


def test_the_first_syncs_sql_fills_every_declared_column_and_no_other() -> None:
    assert ingested_columns(fill_sql.INGEST) == (*KEYS, *tables.STORED)


def test_the_check_can_fail() -> None:
    """A column the SQL side gained alone is found."""
    wider = fill_sql.INGEST.replace("created_ms)", "created_ms, city)", 1)
    assert ingested_columns(wider) != (*KEYS, *tables.STORED)
