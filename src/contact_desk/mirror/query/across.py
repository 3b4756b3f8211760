"""One search over every account's offline copy: each copy is read by a read-only connection of
its own, in a thread of its own, all at once; an account whose copy is not complete is searched as
far as it is synced, and says so. Copies that cannot be read are said, not fatal."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contact_desk.api.dialect import Query
from contact_desk.api.models import Contact
from contact_desk.mirror.errors import CopyBusy, CopyDamaged
from contact_desk.mirror.file.codec import decoder
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.local_copy import copy_path
from contact_desk.mirror.syncing.fill import left_to_index

MAX_ACCOUNTS = 50
MAX_LIMIT = 2000  # contacts of one account a search lists at most


@dataclass(frozen=True)
class Place:
    """An account to search: its id and dialect, where its copies live."""

    account_id: str
    dialect: str
    folder: Path | None = None


@dataclass
class Found:
    account_id: str
    total: int = 0
    contacts: list[Contact] = field(default_factory=list)
    complete: bool = False  # the copy holds every contact and indexed them all (else: searched as far
    # as synced: a first sync lists a contact before its search index holds it)
    problem: str = ""  # why this account could not be searched ('' when it was)


def _search_one(place: Place, query: Query, limit: int, kept: dict[Place, CopyFile] | None) -> Found:
    found = Found(place.account_id)
    f = kept.pop(place, None) if kept is not None else None  # this search's alone while it runs
    if f is None:
        path = copy_path(place.account_id, place.folder)
        if not path.exists():
            found.problem = "no offline copy"
            return found
        try:
            f = CopyFile(path, place.dialect, readonly=True)
        except (CopyDamaged, CopyBusy, OSError) as exc:
            found.problem = str(exc) or "the offline copy cannot be read"
            return found
    try:
        found.complete = f.meta("complete") == "1" and left_to_index(f) == 0
        total, raws = f.first_page(query, limit)
        decode = decoder(place.dialect)
        found.total, found.contacts = total, [decode(r) for r in raws]
    except (CopyDamaged, CopyBusy, OSError, ValueError, sqlite3.Error) as exc:
        found.problem = str(exc) or "the offline copy cannot be read"
        with contextlib.suppress(Exception):
            f.close()
        return found
    if kept is None or kept.setdefault(place, f) is not f:  # kept open for the next search (its
        with contextlib.suppress(Exception):  # pages stay cached), unless another is kept already
            f.close()
    return found


async def search_all(places: Sequence[Place], query: Query, limit: int = 50,
                     kept: dict[Place, CopyFile] | None = None) -> list[Found]:
    """What ``query`` finds in each account's copy (at most ``limit`` contacts each), in the
    order the accounts were given. ``kept``: connections left open between searches (a search
    box's), each used by one search at a time; close them with ``close_all``."""
    chosen = list(places)[:MAX_ACCOUNTS]
    limit = max(1, min(limit, MAX_LIMIT))
    return list(await asyncio.gather(*(asyncio.to_thread(_search_one, p, query, limit, kept)
                                       for p in chosen)))


def close_all(kept: dict[Place, CopyFile]) -> None:
    for f in kept.values():
        with contextlib.suppress(Exception):
            f.close()
    kept.clear()


def read_only(place: Place) -> CopyFile | None:
    path = copy_path(place.account_id, place.folder)
    if not path.exists():
        return None
    try:
        return CopyFile(path, place.dialect, readonly=True)
    except (CopyDamaged, CopyBusy, OSError):
        return None


def _size(place: Place) -> int | None:
    f = read_only(place)
    if f is None:
        return None
    try:
        return f.size(listed_only=True)
    except (CopyDamaged, CopyBusy, OSError, sqlite3.Error):
        return None
    finally:
        f.close()


async def sizes(places: Sequence[Place]) -> dict[str, int | None]:
    """How many listed contacts each account's copy holds (None: no copy to read)."""
    chosen = list(places)[:MAX_ACCOUNTS]
    found = await asyncio.gather(*(asyncio.to_thread(_size, p) for p in chosen))
    return {p.account_id: n for p, n in zip(chosen, found, strict=True)}


def _tags(place: Place, field: str, limit: int) -> list[tuple[str, int]]:
    f = read_only(place)
    if f is None:
        return []
    try:
        try:  # the counts the copy keeps (mirror/file/tallies.py)
            rows = f.con.execute("SELECT value, n_listed FROM tallies WHERE field = ? AND n_listed > 0 "
                                 "ORDER BY n_listed DESC, value LIMIT ?", (field, limit)).fetchall()
        except sqlite3.OperationalError:  # a copy of an older version, not opened by this one yet
            rows = f.con.execute(f"SELECT t.value, count(*) FROM contacts c, json_each(c.raw, '$.{field}') t "
                                 "WHERE c.archived = 0 AND t.type = 'text' GROUP BY t.value "
                                 "ORDER BY count(*) DESC, t.value LIMIT ?", (limit,)).fetchall()
        return [(str(tag), int(n)) for tag, n in rows]
    except (CopyDamaged, CopyBusy, OSError, sqlite3.Error):
        return []
    finally:
        f.close()


async def tag_counts(place: Place, field: str, limit: int = 40) -> list[tuple[str, int]]:
    """The listed contacts' most used tags (``field``: the dialect's tags field), with counts,
    from the counts the copy keeps; read by a connection of its own."""
    if not field.isidentifier():
        raise ValueError(f"not a field name: {field!r}")
    return await asyncio.to_thread(_tags, place, field, limit)


def _by_id(place: Place, ids: list[str]) -> dict[str, Contact]:
    f = read_only(place)
    if f is None:
        return {}
    try:
        marks = ", ".join("?" for _ in ids)
        decode = decoder(place.dialect)
        rows = f.con.execute(f"SELECT id, raw FROM contacts WHERE id IN ({marks})", ids)
        return {str(i): decode(raw) for i, raw in rows}
    except (CopyDamaged, CopyBusy, OSError, sqlite3.Error):
        return {}
    finally:
        f.close()


async def contacts(place: Place, ids: Sequence[str]) -> dict[str, Contact]:
    """These contacts of an account's copy, by id (those it holds; at most 500 asked)."""
    return await asyncio.to_thread(_by_id, place, list(ids)[:500])
