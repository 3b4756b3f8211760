"""The counts by value (mirror/file/tallies.py) stay equal to a count of the stored contacts through
every change: new contacts, changed ones (archived, tags moved), removed ones, a walk that no
longer lists some; and a copy made before they were kept gains them when opened."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact_desk.api import Query
from contact_desk.api.models import CONTACT_TYPES, Contact, SmartCQContact
from contact_desk.mirror import LocalCopy
from contact_desk.mirror.file import facets, tallies
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.file.values import micros
from contact_desk.mirror.query import duplicates
from tests.mirror.generated import contacts


def _recount(stored: list[Contact]) -> Counter[tuple[str, str, str]]:
    out: Counter[tuple[str, str, str]] = Counter()
    for c in stored:
        for f, v in tallies.of(c, micros(c.created_at)):
            out["all", f, v] += 1
            if not getattr(c, "archived", False):
                out["listed", f, v] += 1
    return out


def _keys(path: Path) -> dict[str, tuple[str | None, str | None]]:
    con = sqlite3.connect(path)
    rows = con.execute("SELECT c.id, k.email, k.person FROM dupkeys k JOIN contacts c USING (ord)").fetchall()
    assert len(rows) == con.execute("SELECT count(*) FROM dupkeys").fetchone()[0]  # none left behind
    con.close()
    return {i: (e, p) for i, e, p in rows}


def _entries(path: Path) -> set[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    rows = con.execute("SELECT c.id, f.field, f.value FROM facets f JOIN contacts c USING (ord)").fetchall()
    assert len(rows) == con.execute("SELECT count(*) FROM facets").fetchone()[0]  # none left behind
    con.close()
    return set(rows)


def _kept(path: Path) -> Counter[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    out: Counter[tuple[str, str, str]] = Counter()
    for f, v, a, b in con.execute("SELECT * FROM tallies"):
        out["all", f, v] += a
        out["listed", f, v] += b
    con.close()
    return +out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_counts_follow_every_change(tmp_path_factory: object, data: st.DataObject) -> None:
    dialect = data.draw(st.sampled_from(sorted(CONTACT_TYPES)))
    first = data.draw(contacts(dialect))
    later = data.draw(contacts(dialect))  # the same ids (c00000...), other values: changes
    gone = data.draw(st.lists(st.sampled_from([c.id for c in first]), max_size=5))
    folder = tmp_path_factory.mktemp("tallies")  # type: ignore[attr-defined]

    async def main() -> None:
        copy = await LocalCopy.open("acct", dialect, folder)
        try:
            for c in [*first, *later]:  # one at a time: a page never lists an id twice
                await copy.put([c])
            await copy.remove(gone)
            stored = await copy.rows(Query(include_archived=True), 0, 10_000)
            assert _kept(copy.path) == _recount(stored)
            await copy.start_walk()  # a walk that lists only the first half, then ends
            listed = stored[: len(stored) // 2]
            await copy.put(listed, mark_seen=True)
            await copy.remove_unseen(min(((await copy.newest_ord()) or 0), 0) - 10**18)
            stored = await copy.rows(Query(include_archived=True), 0, 10_000)
            assert _kept(copy.path) == _recount(stored)
            assert _keys(copy.path) == {c.id: duplicates.keys_of(c) for c in stored}  # duplicates' keys too
            assert _entries(copy.path) == {(c.id, f, v) for c in stored for f, v in facets.of(c)}  # filters
        finally:
            await copy.close()
    asyncio.run(main())


def _as_left_by(version: int, table: str, folder: Path, items: list[Contact]) -> Path:
    """A copy holding ``items`` as an older version left it: without ``table``, and opened again
    (it upgrades itself)."""
    async def make() -> Path:
        copy = await LocalCopy.open("acct", "smartcq", folder)
        await copy.put(items)
        await copy.close()
        return copy.path
    path = asyncio.run(make())
    con = sqlite3.connect(path)
    con.execute(f"DROP TABLE {table}")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()
    CopyFile(path, "smartcq").close()
    return path


def _thirty(odd: dict[str, str], tags: list[str]) -> list[Contact]:
    """Thirty SmartCQ contacts: ``odd`` set on every other one, 0-2 of ``tags`` each."""
    return [SmartCQContact(id=f"c{i}", email=f"{i}@x.it", tags=tags[: i % 3],
                           created_at="2026-01-15T08:00:00.000Z", **(odd if i % 2 else {}))  # type: ignore[arg-type]
            for i in range(30)]


def test_a_copy_made_before_gains_its_counts_when_opened(tmp_path: Path) -> None:
    items = _thirty({"stage": "lead"}, ["vip", "b2b"])
    path = _as_left_by(2, "tallies", tmp_path, items)
    assert _kept(path) == _recount(items)


def test_a_copy_of_schema_4_gains_the_filters_entries_when_opened(tmp_path: Path) -> None:
    items = _thirty({"source": "event"}, ["VIP", "Città\x00"])
    path = _as_left_by(4, "facets", tmp_path, items)
    assert _entries(path) == {(c.id, f, v) for c in items for f, v in facets.of(c)}
    assert ("c1", "tags", "vip") in _entries(path) and ("c1", "source", "event") in _entries(path)
