"""Counts the copy keeps by value, so the overview needs no pass over a million contacts: for each
choice field (stage, email status, source, consent), the tags (each tag once a contact), city,
company and country, how many contacts hold each value (and how many of them are listed: not
archived), and how many were created each hour (UTC: the overview counts them by the user's local
day, week or month, as the list's date filters do).

Kept as the contacts change: ``of`` gives a contact's entries (the ordinary path adds and takes
them away with its rows); ``rebuild_sql`` counts a whole copy in SQL (derived.py: after a first
sync, which leaves them to the end, and for a copy made before they were kept). A test builds
copies both ways and compares them, and compares the overview with counts made in Python.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import msgspec

from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.mirror.file.codec import PLAIN_SQL

TOP_ATTRS = ("city", "company", "country")  # counted by value though not choices
HOUR = "%Y-%m-%dT%H"  # the creation counts' key: the UTC hour (strftime, in Python and in SQL)
Entry = tuple[str, str]  # (field, value)

TABLE = ("CREATE TABLE IF NOT EXISTS tallies(field TEXT NOT NULL, value TEXT NOT NULL, "
         "n_all INTEGER NOT NULL, n_listed INTEGER NOT NULL, PRIMARY KEY(field, value)) WITHOUT ROWID")
ADD = ("INSERT INTO tallies VALUES (?, ?, ?, ?) ON CONFLICT(field, value) DO UPDATE SET "
       "n_all = n_all + excluded.n_all, n_listed = n_listed + excluded.n_listed")


@cache
def fields(kind: type[Contact]) -> tuple[tuple[str, str, bool], ...]:
    """(API name, attribute, whether it is the tags) of each field counted by value."""
    dialect = next(d for d, k in CONTACT_TYPES.items() if k is kind)
    out = []
    for f in SCHEMAS[dialect].fields:
        if f.computed:
            continue
        if f.kind is Kind.TAGS:
            out.append((f.name, f.attr, True))
        elif f.kind is Kind.ENUM or f.attr in TOP_ATTRS:
            out.append((f.name, f.attr, False))
    return tuple(out)


@cache
def created_field(kind: type[Contact]) -> str:
    """The creation time's API name: the days' entries are counted under it."""
    return next(f.encode_name for f in msgspec.structs.fields(kind) if f.name == "created_at")


def of(contact: Contact, created_us: int) -> tuple[Entry, ...]:
    """The entries a contact counts for (``created_us``: its creation time, 0 when unknown)."""
    kind = type(contact)
    out: list[Entry] = []
    for name, attr, is_tags in fields(kind):
        value = getattr(contact, attr, None)
        if is_tags:
            out.extend((name, t) for t in sorted({t for t in value or () if isinstance(t, str) and t}))
        else:
            out.append((name, value.strip(" ") if isinstance(value, str) else ""))
    if created_us > 0:
        hour = dt.datetime.fromtimestamp(created_us // 1_000_000, dt.UTC)
        out.append((created_field(kind), hour.strftime(HOUR)))
    return tuple(out)


def _entries_sql(kind: type[Contact], source: str) -> str:
    """Every (field, value, archived) entry of the rows of ``source`` (columns k: a row's key,
    raw, arch, created_ms), as ``of`` gives them."""
    parts = []
    for name, _attr, is_tags in fields(kind):
        if is_tags:
            parts.append(f"SELECT DISTINCT s.k, '{name}' AS field, t.value AS value, s.arch FROM {source} s, "
                         f"json_each(s.raw, '$.{name}') t WHERE t.type = 'text' AND t.value <> ''")
        else:
            parts.append(f"SELECT k, '{name}' AS field, CASE WHEN json_type(raw, '$.{name}') = 'text' "
                         f"THEN trim(raw ->> '$.{name}') ELSE '' END AS value, arch FROM {source}")
    hour = f"strftime('{HOUR}', created_ms / 1000, 'unixepoch')"
    parts.append(f"SELECT k, '{created_field(kind)}' AS field, {hour} AS value, arch FROM {source} "
                 f"WHERE created_ms IS NOT NULL AND {hour} IS NOT NULL")
    return " UNION ALL ".join(parts)


def rebuild_sql(kind: type[Contact]) -> str:
    """Every contact of the copy counted (into an empty table)."""
    source = f"(SELECT ord AS k, raw, archived AS arch, created_ms FROM contacts WHERE {PLAIN_SQL})"
    return (f"INSERT INTO tallies SELECT field, value, count(*), total(NOT arch) "
            f"FROM ({_entries_sql(kind, source)}) GROUP BY field, value")


def deltas(into: dict[Entry, list[int]], entries: tuple[Entry, ...], n: int, listed: bool) -> None:
    """Adds ``n`` (1 or -1) to each entry's counts, the listed one too when ``listed``."""
    for entry in entries:
        counts = into.setdefault(entry, [0, 0])
        counts[0] += n
        counts[1] += n if listed else 0


def rows(into: dict[Entry, list[int]]) -> list[tuple[str, str, int, int]]:
    return [(f, v, a, b) for (f, v), (a, b) in into.items() if a or b]
