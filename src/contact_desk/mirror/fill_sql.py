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

import zlib

import msgspec

from contact_desk.api.models import Contact
from contact_desk.mirror.queries import ARCHIVED_GRAM, ARCHIVED_WORD
from contact_desk.mirror.values import ORD_SPREAD

# A subquery with LIMIT/OFFSET is not flattened into its caller: without it SQLite repeats each
# derived column's work wherever the column is used (two to three times the cost a row).
KEEP = " LIMIT -1 OFFSET 0"
HEX = "0123456789abcdef"


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


def _micros(x: str) -> str:
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


def ingest(kind: type[Contact]) -> str:
    """One page in: ?1 the page (a JSON array of contacts, bound as text), ?2 their spreads; returns
    the keys stored. A contact whose key is taken is left out (INSERT OR IGNORE): the caller sees
    fewer keys and stores the page the ordinary way."""
    f = Fields(kind)
    read = (f"SELECT value AS raw, value ->> '$.id' AS id, coalesce({f.text('email', 'value')}, '') AS e0, "
            f"{f.text('email_status', 'value')} AS es, {f.text('stage', 'value')} AS st, "
            f"{f.archived('value')} AS arch, value ->> '$.{f.names['created_at']}' AS ca, "
            f"{f.text('phone_number', 'value')} AS ph0, "
            f"instr('{HEX}', substr(?2, key + 1, 1)) - 1 AS sp FROM json_each(?1)" + KEEP)
    derive = (f"SELECT raw, id, es, st, arch, {_micros('ca')} AS us, sp, {_digits('ph0')} AS ph, "
              f"{_fold('e0')} AS e FROM ({read})" + KEEP)
    split = f"SELECT raw, id, es, st, arch, us, sp, ph, e, {_upto_at('e')} AS upto FROM ({derive})" + KEEP
    return ("INSERT OR IGNORE INTO contacts(ord, id, raw, email_status, stage, archived, domain, phone, "
            f"created_ms) SELECT -(us * {ORD_SPREAD} + sp), id, raw, es, st, arch, "
            "CASE WHEN upto <> '' THEN nullif(substr(e, length(upto) + 1), '') END, "
            "CASE WHEN ph <> '' THEN '+' || ph END, "
            f"CASE WHEN us > 0 THEN us / 1000 END FROM ({split}) RETURNING ord")


def search_rows(kind: type[Contact]) -> str:
    """The search indexes' columns of the rows whose keys are in temp.chunk, in key order, as
    row_from makes them, into temp.src."""
    f, empty = Fields(kind), "''"
    read = (f"SELECT c.ord AS ord, {f.text('first_name', 'c.raw')} AS fn, "
            f"{f.text('last_name', 'c.raw')} AS ln, "
            f"coalesce({f.text('email', 'c.raw')}, '') AS e0, {f.text('phone_number', 'c.raw')} AS ph0, "
            f"coalesce({f.text('company', 'c.raw', empty)}, '') AS co0, "
            f"coalesce({f.text('city', 'c.raw', empty)}, '') AS ci0, {f.tags('c.raw')} AS tg0, "
            "c.archived AS archived FROM temp.chunk k JOIN contacts c ON c.ord = k.ord ORDER BY c.ord" + KEEP)
    named = f"SELECT ord, {_name('fn', 'ln')} AS n0, e0, ph0, co0, ci0, tg0, archived FROM ({read})" + KEEP
    folded = (f"SELECT ord, {_fold('n0')} AS name, {_fold('e0')} AS e, {_digits('ph0')} AS phone, "
              f"{_fold('co0')} AS company, {_fold('ci0')} AS city, {_fold('tg0')} AS tags, archived "
              f"FROM ({named})" + KEEP)
    return (f"INSERT INTO temp.src SELECT ord, name, e, {_upto_at('e')}, phone, company, city, tags, "
            f"archived FROM ({folded})")


SRC_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS src(ord INTEGER PRIMARY KEY, name, e, upto, phone, company, "
             "city, tags, archived)")
CHUNK_TABLE = "CREATE TEMP TABLE IF NOT EXISTS chunk(ord INTEGER PRIMARY KEY)"
INDEX_GRAMS = ("INSERT INTO grams(rowid, name, email, phone, company, city, tags, flags) SELECT ord, name, "
               "CASE WHEN upto = '' THEN e ELSE substr(upto, 1, length(upto) - 1) END, phone, company, city, "
               f"tags, CASE WHEN archived THEN '{ARCHIVED_GRAM}' ELSE '' END FROM temp.src ORDER BY ord")
INDEX_WORDS = ("INSERT INTO words(rowid, name, email, flags) SELECT ord, name, e, "
               f"CASE WHEN archived THEN '{ARCHIVED_WORD}' ELSE '' END FROM temp.src ORDER BY ord")
