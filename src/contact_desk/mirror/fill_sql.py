"""The SQL of a first sync's fast path (fill.py): SQLite derives each stored column from a
page's JSON itself, in C, exactly as ``values.row_from`` derives it in Python. Python is
called back only for what SQL cannot do alike (folding non-ASCII text, digits that are not
plain 0-9, a timestamp not in the two usual shapes), so the writer hardly needs the GIL and
the walk runs on.

Which JSON field feeds which column is read from the dialect's contact type (its fields by
their JSON names); no dialect is named here. A test builds a copy both ways and compares every
column, every search token and every search.
"""

from __future__ import annotations

import sqlite3
import zlib

import msgspec

from contact_desk.api.models import Contact
from contact_desk.mirror import duplicates
from contact_desk.mirror.search import ARCHIVED_GRAM, ARCHIVED_WORD, digits, fold
from contact_desk.mirror.values import ORD_SPREAD, micros

# A subquery with LIMIT/OFFSET is not flattened into its caller: without it SQLite repeats each
# derived column's work wherever the column is used (two to three times the cost a row).
KEEP = " LIMIT -1 OFFSET 0"
HEX = "0123456789abcdef"


def register(con: sqlite3.Connection) -> None:
    """The Python functions the copy's SQL calls, on every connection to it: text compared as
    search words are (SQLite's lower() knows ASCII only: "ZOË.MÜLLER@" would never meet
    "zoë.müller@"), and the odd values the fill's SQL leaves to Python."""
    con.create_function("cd_fold", 1, lambda s: fold(s) if isinstance(s, str) else None, deterministic=True)
    con.create_function("cd_digits", 1, lambda s: digits(s) if isinstance(s, str) else "", deterministic=True)
    con.create_function("cd_micros", 1, lambda s: micros(s) if isinstance(s, str) else 0, deterministic=True)
    duplicates.register(con)  # the duplicate keys (kept by the copy, made on any connection)


def spreads(ids: list[str]) -> str:
    """The key spread of each contact (values.row_from's), one hex digit each, bound beside a page."""
    return "".join(HEX[zlib.crc32(i.encode()) % ORD_SPREAD] for i in ids)


def _fold(x: str) -> str:
    """search.fold: SQLite's lower() is the same for printable ASCII; anything else in Python."""
    return f"(CASE WHEN {x} GLOB '*[^ -~]*' THEN cd_fold({x}) ELSE lower({x}) END)"


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


def _name(first: str, last: str) -> str:
    """' '.join(p for p in (first, last) if p)"""
    return (f"(CASE WHEN coalesce({first}, '') <> '' AND coalesce({last}, '') <> '' "
            f"THEN {first} || ' ' || {last} ELSE coalesce(nullif({first}, ''), nullif({last}, ''), '') END)")


def _upto_at(e: str) -> str:
    """The folded email up to and including its last '@' ('' when it has none)."""
    return f"(CASE WHEN instr({e}, '@') THEN rtrim({e}, replace({e}, '@', '')) ELSE '' END)"


class Fields:
    """How each stored column reads a contact's JSON (``v``), from the contact type's fields."""

    def __init__(self, kind: type[Contact]) -> None:
        self.names = {f.name: f.encode_name for f in msgspec.structs.fields(kind)}

    def text(self, field: str, v: str, default: str = "NULL") -> str:
        name = self.names.get(field)
        return f"({v} ->> '$.{name}')" if name else default

    def archived(self, v: str) -> str:
        # api.models: a contact with an archival time is archived (SmartCQContact.archived)
        name = self.names.get("archived_at")
        return f"(({v} ->> '$.{name}') IS NOT NULL)" if name else "0"

    def tags(self, v: str) -> str:
        name = self.names.get("tags")
        if not name:
            return "''"
        return f"coalesce((SELECT group_concat(t.value, ' ') FROM json_each({v}, '$.{name}') t), '')"


def stage(kind: type[Contact]) -> str:
    """One page into temp.page, every column derived in one pass over its JSON: ?1 the page (a
    JSON array of contacts, bound as text), ?2 their spreads."""
    f, empty = Fields(kind), "''"
    read = (f"SELECT p.key AS pos, p.value AS raw, p.value ->> '$.id' AS id, "
            f"coalesce({f.text('email', 'p.value')}, '') AS e0, "
            f"{f.text('email_status', 'p.value')} AS es, {f.text('stage', 'p.value')} AS st, "
            f"{f.archived('p.value')} AS arch, p.value ->> '$.{f.names['created_at']}' AS ca, "
            f"{f.text('phone_number', 'p.value')} AS ph0, {f.text('first_name', 'p.value')} AS fn, "
            f"{f.text('last_name', 'p.value')} AS ln, "
            f"coalesce({f.text('company', 'p.value', empty)}, '') AS co0, "
            f"coalesce({f.text('city', 'p.value', empty)}, '') AS ci0, {f.tags('p.value')} AS tg0, "
            f"instr('{HEX}', substr(?2, p.key + 1, 1)) - 1 AS sp FROM json_each(?1) p" + KEEP)
    named = (f"SELECT pos, raw, id, e0, es, st, arch, ca, ph0, {_name('fn', 'ln')} AS n0, co0, ci0, tg0, sp "
             f"FROM ({read})" + KEEP)
    derive = (f"SELECT pos, raw, id, es, st, arch, {micros_sql('ca')} AS us, sp, {_digits('ph0')} AS ph, "
              f"{_fold('e0')} AS e, {_fold('n0')} AS name, {_fold('co0')} AS company, "
              f"{_fold('ci0')} AS city, {_fold('tg0')} AS tags FROM ({named})" + KEEP)
    return (f"INSERT INTO temp.page SELECT pos, raw, id, es, st, arch, -(us * {ORD_SPREAD} + sp), "
            "CASE WHEN us > 0 THEN us / 1000 END, ph, e, "
            f"{_upto_at('e')}, name, company, city, tags FROM ({derive})")


PAGE_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS page(pos INTEGER PRIMARY KEY, raw, id, es, st, arch, ord, "
              "created_ms, ph, e, upto, name, company, city, tags)")
INGEST = ("INSERT OR IGNORE INTO contacts(ord, id, raw, email_status, stage, archived, domain, phone, "
          "created_ms) SELECT ord, id, raw, es, st, arch, "
          "CASE WHEN upto <> '' THEN nullif(substr(e, length(upto) + 1), '') END, "
          "CASE WHEN ph <> '' THEN '+' || ph END, created_ms FROM temp.page ORDER BY pos RETURNING ord")
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
