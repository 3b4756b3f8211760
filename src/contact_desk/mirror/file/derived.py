"""What the copy derives from its rows beside the search indexes: the counts by value
(tallies.py), the duplicate keys (duplicates.py) and the filters' entries (facets.py). The
ordinary path keeps them as rows come and go; a first sync leaves them to the end
(``meta.derived`` is 'pending'), when ``rebuild`` makes them from every row in SQL.

A contact whose JSON holds a NUL is left out by the SQL (codec.PLAIN_SQL) and made here from the
typed contact, as the ordinary path makes it (``odd_rows``).
"""

from __future__ import annotations

import sqlite3

from contact_desk.api.models import CONTACT_TYPES
from contact_desk.mirror.file import facets, tallies
from contact_desk.mirror.file.codec import PLAIN_SQL, decode
from contact_desk.mirror.file.values import Row, row_from
from contact_desk.mirror.query import duplicates

Tallied = dict[tallies.Entry, list[int]]


def added(con: sqlite3.Connection, rows: list[tuple[int, Row]], tallied: Tallied) -> None:
    """Rows just stored (``tallied`` gathers the counts until they are written)."""
    con.executemany("INSERT INTO dupkeys VALUES (?, ?, ?, ?)", [(o, r.archived, *r.keys) for o, r in rows])
    con.executemany(facets.ADD, [(f, v, o) for o, r in rows for f, v in r.facets])
    for _o, r in rows:
        tallies.deltas(tallied, r.tallies, 1, not r.archived)


def removed(con: sqlite3.Connection, ord_: int, old: Row, tallied: Tallied, *, derived: bool) -> None:
    """A row gone (``derived``: the copy keeps its counts now; its keys and entries go anyway)."""
    if derived:
        tallies.deltas(tallied, old.tallies, -1, not old.archived)
    con.execute("DELETE FROM dupkeys WHERE ord = ?", (ord_,))
    con.executemany(facets.DROP, [(f, v, ord_) for f, v in old.facets])


def rebuild(con: sqlite3.Connection, dialect: str) -> None:
    """The counts, the duplicate keys and the filters' entries made anew from every contact (the
    contacts the SQL leaves out read once for all three)."""
    make_counts(con, dialect, odd=False)
    make_keys(con, dialect, odd=False)
    make_facets(con, dialect, odd=False)
    odd_rows(con, dialect, counts=True, keys=True, entries=True)
    con.execute("DELETE FROM meta WHERE key = 'derived'")


def make_counts(con: sqlite3.Connection, dialect: str, *, odd: bool = True) -> None:
    """The counts by value of every contact (``odd``: those of the NUL ones too)."""
    con.execute("DELETE FROM tallies")
    con.execute(tallies.rebuild_sql(CONTACT_TYPES[dialect]))
    if odd:
        odd_rows(con, dialect, counts=True)


def make_keys(con: sqlite3.Connection, dialect: str, *, odd: bool = True) -> None:
    """The duplicate keys of every contact (``odd``: those of the NUL ones too)."""
    con.execute("DELETE FROM dupkeys")
    con.execute(duplicates.keys_rebuild_sql(CONTACT_TYPES[dialect]))
    if odd:
        odd_rows(con, dialect, keys=True)


def make_facets(con: sqlite3.Connection, dialect: str, *, odd: bool = True) -> None:
    """The filters' entries of every contact (``odd``: those of the NUL ones too)."""
    con.execute("DELETE FROM facets")
    sql = facets.rebuild_sql(dialect)
    if sql is not None:
        con.execute(sql)
    if odd:
        odd_rows(con, dialect, entries=True)


def odd_rows(con: sqlite3.Connection, dialect: str, *, counts: bool = False, keys: bool = False,
             entries: bool = False) -> None:
    """The counts, keys or filters' entries of the contacts the SQL leaves out."""
    found: Tallied = {}
    for ord_, raw in con.execute(f"SELECT ord, raw FROM contacts WHERE NOT {PLAIN_SQL}").fetchall():
        row = row_from(decode(dialect, raw), raw)
        if counts:
            tallies.deltas(found, row.tallies, 1, not row.archived)
        if keys:
            con.execute("INSERT OR REPLACE INTO dupkeys VALUES (?, ?, ?, ?)", (ord_, row.archived, *row.keys))
        if entries:
            con.executemany(facets.ADD, [(f, v, ord_) for f, v in row.facets])
    con.executemany(tallies.ADD, tallies.rows(found))
