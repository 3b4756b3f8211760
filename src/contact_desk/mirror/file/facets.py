"""The values filters ask for most, kept as short entries beside the rows: each contact's tags
(folded) and its choice fields that have no column of their own (SmartCQ's source and consent).
A filter "tag is vip" or "source is event" reads a few bytes of an index per contact instead of
parsing the contact's JSON (2-3 us a contact on a million: a tag with 15,000 contacts took 40 ms
where the index takes 1 ms); several such filters are met inside the index, before any row is read.

Kept as the rows change when the copy keeps its derived values (``CopyFile.derived``: not while a
first sync's are pending, when filters read the JSON instead), and made anew in SQL after a first
sync. The entries mean exactly what ``conditions.holds`` checks, so no row needs checking again.
"""

from __future__ import annotations

from functools import cache

from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror.file.codec import PLAIN_SQL
from contact_desk.mirror.query.search import fold, fold_sql

Entry = tuple[str, str]  # (field's API name, value)
KEPT_AS_COLUMNS = ("email_status", "stage")  # the contacts table has them, indexed
TABLE = ("CREATE TABLE IF NOT EXISTS facets(field TEXT NOT NULL, value TEXT NOT NULL, ord INTEGER NOT NULL, "
         "PRIMARY KEY(field, value, ord)) WITHOUT ROWID")
ADD = "INSERT OR IGNORE INTO facets VALUES (?, ?, ?)"
DROP = "DELETE FROM facets WHERE field = ? AND value = ? AND ord = ?"


@cache
def fields(dialect: str) -> dict[str, bool]:
    """The API names of the fields kept here, each with whether it is the tags."""
    return {f.name: f.kind is Kind.TAGS for f in SCHEMAS[dialect].fields
            if not f.computed and (f.kind is Kind.TAGS
                                   or (f.kind is Kind.ENUM and f.attr not in KEPT_AS_COLUMNS))}


@cache
def _attrs(kind: type[Contact]) -> tuple[tuple[str, str, bool], ...]:
    dialect = next(d for d, k in CONTACT_TYPES.items() if k is kind)
    by_name = {f.name: f.attr for f in SCHEMAS[dialect].fields}
    return tuple((name, by_name[name], is_tags) for name, is_tags in fields(dialect).items())


def of(contact: Contact) -> tuple[Entry, ...]:
    """A contact's entries: a choice's value as it is, each tag folded (as a filter compares it)."""
    out: list[Entry] = []
    for name, attr, is_tags in _attrs(type(contact)):
        value = getattr(contact, attr, None)
        if is_tags:
            out.extend((name, t) for t in sorted({fold(t) for t in value or () if isinstance(t, str)}))
        elif isinstance(value, str):
            out.append((name, value))
    return tuple(out)


def rebuild_sql(dialect: str) -> str | None:
    """Every contact's entries, from its JSON (into an empty table; None when the dialect keeps
    none). A contact whose JSON holds a NUL is left to Python (codec.PLAIN_SQL)."""
    parts = []
    for name, is_tags in fields(dialect).items():
        if is_tags:
            parts.append(f"SELECT DISTINCT '{name}', {fold_sql('t.value')}, c.ord FROM contacts c, "
                         f"json_each(c.raw, '$.{name}') t WHERE {PLAIN_SQL} AND typeof(t.key) = 'integer' "
                         "AND t.type = 'text'")
        else:
            parts.append(f"SELECT '{name}', c.raw ->> '$.{name}', c.ord FROM contacts c "
                         f"WHERE {PLAIN_SQL} AND json_type(c.raw, '$.{name}') = 'text'")
    if not parts:
        return None
    return f"INSERT OR IGNORE INTO facets SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY 1, 2, 3"


def probe(outer: str, alias: str = "f") -> str:
    """SQL: the contact at ``outer`` has the entry (field ?, value ?)."""
    return (f"EXISTS (SELECT 1 FROM facets {alias} WHERE {alias}.field = ? AND {alias}.value = ? "
            f"AND {alias}.ord = {outer})")


def keys(n: int, checks: str = "") -> str:
    """SQL: the keys of the contacts holding all ``n`` entries (field ?, value ?) and passing
    ``checks`` (SQL on ``a.ord``, its arguments after the first entry's), met inside the indexes
    (the first entry's contacts, each checked, then probed for the others) before any row is read."""
    others = "".join(f" AND {probe('a.ord', f'f{i}')}" for i in range(1, n))
    return f"SELECT a.ord FROM facets a WHERE a.field = ? AND a.value = ?{checks}{others}"
