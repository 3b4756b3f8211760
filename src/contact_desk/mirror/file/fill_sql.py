"""The SQL of a first sync's fast path (fill.py): SQLite derives each stored column from a
page's values itself, in C, exactly as ``values.row_from`` derives it in Python. Python folds
the searched texts when it binds them; SQLite calls back into it only for digits that are not
plain 0-9 and timestamps not in the two usual shapes (rare), so the writer hardly needs the GIL
and the walk runs on.

The writer binds the attributes of the contacts the walk has decoded already (one statement a
page, its rows in a VALUES list): SQLite 3.40's JSON functions parse a contact's whole text
again for every field read, which cost the writer half its time. Which attribute feeds which
column is read from the dialect's contact type; no dialect is named here. A test builds a copy
both ways and compares every column, every search token and every search.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import msgspec

from contact_desk.api.models import Contact
from contact_desk.mirror.file.codec import NUL_ESCAPE
from contact_desk.mirror.file.values import ORD_SPREAD, encode, micros, searched, spread
from contact_desk.mirror.query import duplicates
from contact_desk.mirror.query.search import ARCHIVED_GRAM, ARCHIVED_WORD, digits, fold

# A subquery with LIMIT/OFFSET is not flattened into its caller: without it SQLite repeats each
# derived column's work wherever the column is used (two to three times the cost a row).
KEEP = " LIMIT -1 OFFSET 0"


def register(con: sqlite3.Connection) -> None:
    """The Python functions the copy's SQL calls, on every connection to it: text compared as
    search words are (SQLite's lower() knows ASCII only: "ZOË.MÜLLER@" would never meet
    "zoë.müller@"), and the odd values the fill's SQL leaves to Python."""
    con.create_function("cd_fold", 1, lambda s: fold(s) if isinstance(s, str) else None, deterministic=True)
    con.create_function("cd_digits", 1, lambda s: digits(s) if isinstance(s, str) else "", deterministic=True)
    con.create_function("cd_micros", 1, lambda s: micros(s) if isinstance(s, str) else 0, deterministic=True)
    duplicates.register(con)  # the duplicate keys (kept by the copy, made on any connection)


def _digits(x: str) -> str:
    """search.digits for '', plain digits and E.164; anything else in Python."""
    return (f"(CASE WHEN {x} IS NULL OR {x} = '' THEN '' WHEN {x} NOT GLOB '*[^0-9]*' THEN {x} "
            f"WHEN substr({x}, 1, 1) = '+' AND length({x}) > 1 AND substr({x}, 2) NOT GLOB '*[^0-9]*' "
            f"THEN substr({x}, 2) ELSE cd_digits({x}) END)")


def micros_sql(x: str) -> str:
    """createdAt in microseconds (0 when unreadable or not after 1970), as row_from: the forms
    2026-01-15T08:00:00.000Z and 2026-01-15T08:00:00Z in SQL, any other in Python."""
    ms = f"CAST(substr({x}, 21, 3) AS INTEGER)"
    return (f"coalesce(CASE WHEN length({x}) = 24 AND substr({x}, 24) = 'Z' AND substr({x}, 11, 1) = 'T' "
            f"AND substr({x}, 20, 1) = '.' AND substr({x}, 21, 3) NOT GLOB '*[^0-9]*' "
            f"THEN max(0, (unixepoch(substr({x}, 1, 19)) * 1000 + {ms}) * 1000) "
            f"WHEN length({x}) = 20 AND substr({x}, 20) = 'Z' AND substr({x}, 11, 1) = 'T' "
            f"THEN max(0, unixepoch(substr({x}, 1, 19)) * 1000000) END, cd_micros({x}))")


def _upto_at(e: str) -> str:
    """The folded email up to and including its last '@' ('' when it has none): the first '@'
    when it is the only one (nearly always), else every character after the last trimmed."""
    at = f"instr({e}, '@')"
    return (f"(CASE WHEN {at} = 0 THEN '' WHEN instr(substr({e}, {at} + 1), '@') = 0 "
            f"THEN substr({e}, 1, {at}) ELSE rtrim({e}, replace({e}, '@', '')) END)")


# What is bound of each contact (Staging.params), by attribute: a dialect without one of them
# binds nothing for it (the SQL reads NULL). The searched texts are folded in Python, as
# values.row_from folds them: folding non-ASCII text in SQL called back into Python for the GIL,
# and each such call waited for the walk (1.2 s of a 100,000 first sync's writer).
_READ = ("id", "email_status", "stage", "archived_at", "created_at", "phone_number")
MAX_ROWS = 256  # contacts bound in one statement (a page beyond it is staged in parts)


class Staging:
    """A page's contacts into temp.page, every stored column derived in SQL from the values bound
    (one statement, the GIL free while SQLite works): ``params`` reads the attributes and folds
    the searched texts, ``sql(n)`` is the statement."""

    def __init__(self, kind: type[Contact]) -> None:
        present = {f.name for f in msgspec.structs.fields(kind)}
        self.read = tuple(a for a in _READ if a in present)
        self._get = attrgetter(*self.read)
        self._sql: dict[int, str] = {}
        names = {a: f"v_{a}" for a in self.read}
        self.columns = ["pos", "raw", "sp", *names.values(), "e", "name", "company", "city", "tags"]
        arch = "v_archived_at IS NOT NULL" if "archived_at" in names else "0"
        col = {a: names.get(a, "NULL") for a in _READ}
        named = (f"SELECT pos, raw, {col['id']} AS id, {col['email_status']} AS es, {col['stage']} AS st, "
                 f"{arch} AS arch, {col['created_at']} AS ca, {col['phone_number']} AS ph0, e, name, "
                 "company, city, tags, sp FROM v" + KEEP)
        derive = (f"SELECT pos, raw, id, es, st, arch, {micros_sql('ca')} AS us, sp, {_digits('ph0')} AS ph, "
                  f"e, name, company, city, tags FROM ({named})" + KEEP)
        self._body = (f"INSERT INTO temp.page SELECT pos, raw, id, es, st, arch, -(us * {ORD_SPREAD} + sp), "
                      "CASE WHEN us > 0 THEN us / 1000 END, ph, e, "
                      f"{_upto_at('e')}, name, company, city, tags FROM ({derive})")

    def sql(self, n: int) -> str:
        """The statement for ``n`` contacts (at most MAX_ROWS)."""
        if n not in self._sql:
            row = "(" + ", ".join("?" for _ in self.columns) + ")"
            self._sql[n] = (f"WITH v({', '.join(self.columns)}) AS (VALUES {', '.join([row] * n)}) "
                            + self._body)
        return self._sql[n]

    def params(self, items: Sequence[Contact], start: int = 0) -> list[Any] | None:
        """The values ``sql(len(items))`` binds: each contact's place, its JSON (as the ordinary
        path stores it), its key spread, the attributes read and its searched texts folded (all
        as values.row_from makes them). None when a contact holds a NUL (SQLite's text functions
        end there: the page goes the ordinary way)."""
        out: list[Any] = []
        get = self._get
        one = len(self.read) == 1
        for pos, c in enumerate(items, start):
            raw = encode(c).decode()
            if NUL_ESCAPE in raw:
                return None
            out.extend((pos, raw, spread(c.id), *((get(c),) if one else get(c)), *searched(c)))
        return out


PAGE_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS page(pos INTEGER PRIMARY KEY, raw, id, es, st, arch, ord, "
              "created_ms, ph, e, upto, name, company, city, tags)")
INGEST = ("INSERT OR IGNORE INTO contacts(ord, id, raw, email_status, stage, archived, domain, phone, "
          "created_ms) SELECT ord, id, raw, es, st, arch, "
          "CASE WHEN upto <> '' THEN nullif(substr(e, length(upto) + 1), '') END, "
          "CASE WHEN ph <> '' THEN '+' || ph END, created_ms FROM temp.page ORDER BY pos")  # rowcount: stored
PENDING_TABLE = ("CREATE TABLE IF NOT EXISTS pending(ord INTEGER PRIMARY KEY, name, e, upto, phone, company, "
                 "city, tags, archived)")
PEND = "INSERT OR REPLACE INTO pending SELECT ord, name, e, upto, ph, company, city, tags, arch FROM page"


CHUNK_TABLE = "CREATE TEMP TABLE IF NOT EXISTS chunk(ord INTEGER PRIMARY KEY)"
_CHUNK = " FROM pending WHERE ord IN (SELECT ord FROM temp.chunk) ORDER BY ord"
INDEX_GRAMS = ("INSERT INTO grams(rowid, name, email, phone, company, city, tags, flags) SELECT ord, name, "
               "CASE WHEN upto = '' THEN e ELSE substr(upto, 1, length(upto) - 1) END, phone, company, city, "
               f"tags, CASE WHEN archived THEN '{ARCHIVED_GRAM}' ELSE '' END "
               + _CHUNK)
INDEX_WORDS = ("INSERT INTO words(rowid, name, email, flags) SELECT ord, name, e, "
               f"CASE WHEN archived THEN '{ARCHIVED_WORD}' ELSE '' END "
               + _CHUNK)
