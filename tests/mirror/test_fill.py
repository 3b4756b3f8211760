"""A first sync the fast way (mirror/syncing/fill.py) makes the same copy as the ordinary way, and
keeps its promises: every contact once, resumable, searchable when it says so."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact_desk.api import Dialect, Query
from contact_desk.api.models import CONTACT_TYPES, Contact, SmartCQContact
from contact_desk.mirror import CopyClosed, CopyStatus, LocalCopy, SyncProgress, full_sync
from contact_desk.mirror.file.store import CopyFile
from contact_desk.mirror.syncing import fill as fill_module
from contact_desk.sandbox import Sandbox
from tests.mirror.fill_compare import content, differences
from tests.mirror.generated import contacts
from tests.mirror.helpers import with_copy


def pages(items: list[Contact], size: int) -> list[list[Contact]]:
    """Pages of ``size``; a contact met again starts a page of its own (no listing repeats an id
    within one page)."""
    out: list[list[Contact]] = [[]]
    ids: set[str] = set()
    for c in items:
        if len(out[-1]) >= size or c.id in ids:
            out.append([])
            ids = set()
        out[-1].append(c)
        ids.add(c.id)
    return out


async def build(folder: Path, dialect: str, items: list[Contact], *, fast: bool, size: int) -> Path:
    copy = await LocalCopy.open("acct", dialect, folder)
    try:
        if fast:
            assert await copy.can_fill()
            async with copy.fill() as fill:
                for page in pages(items, size):
                    await fill.put(page)
                await fill.call(lambda f: f.rows_done(True))
                while await fill.call(lambda f: f.index(7)):
                    pass
                await fill.call(lambda f: f.search_done())
            await copy.derive()  # the counts and duplicate keys, after the sync, as the window does
        else:
            def write(f: CopyFile) -> None:
                f.start_bulk()
                for page in pages(items, size):
                    f.put(page, mark_seen=True)
                f.end_bulk()
                f.set_meta({"complete": 1})
            await copy._write(write)
    finally:
        await copy.close()
    return copy.path


def both_ways(tmp: Path, dialect: str, items: list[Contact], size: int = 7) -> None:
    fast = asyncio.run(build(tmp / "fast", dialect, items, fast=True, size=size))
    slow = asyncio.run(build(tmp / "slow", dialect, items, fast=False, size=size))
    a, b = content(fast, dialect), content(slow, dialect)
    assert a["meta"]["fill"] is None
    assert not differences(a, b), differences(a, b)


@pytest.mark.parametrize("dialect", sorted(CONTACT_TYPES))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_filled_copy_is_the_copy_the_ordinary_way_makes(tmp_path_factory: pytest.TempPathFactory,
                                                         dialect: str, data: st.DataObject) -> None:
    items = data.draw(contacts(dialect))
    both_ways(tmp_path_factory.mktemp("both"), dialect, items)


def test_contacts_of_the_same_instant_are_all_kept_in_the_same_order(tmp_path: Path) -> None:
    same = [SmartCQContact(id=f"id-{i}", email=f"p{i}@example.com", created_at="2026-01-15T08:00:00.000Z")
            for i in range(40)]  # 40 on 16 keys a microsecond: 24 take the next free key
    both_ways(tmp_path, "smartcq", same, size=9)
    assert len(content(tmp_path / "fast" / "acct.sqlite3", "smartcq")["rows"]) == 40


@pytest.mark.parametrize("dialect", sorted(CONTACT_TYPES))
def test_text_with_a_nul_is_stored_counted_and_keyed_as_the_ordinary_way_does(tmp_path: Path, dialect: str
                                                                             ) -> None:
    """JSON may carry "\\u0000" in a string; SQLite's text functions end a text there."""
    kind = CONTACT_TYPES[dialect]
    extra = ({"company": "Nul\x00Co S.r.l.", "city": "Mi\x00lano"} if dialect == "replicer"
             else {"tags": ["v\x00ip"]})
    items = [kind(id=f"n{i}", email=f"Nul{i}\x00Byte@X.it", first_name="Ma\x00rio", last_name="Rossi",
                  created_at=f"2026-01-15T08:00:0{i}.000Z", **extra) for i in range(3)]
    items += [kind(id="plain", email="plain@x.it", first_name="Anna", last_name="Bianchi",
                   created_at="2026-01-16T08:00:00.000Z")]
    both_ways(tmp_path, dialect, items, size=2)
    fast = content(tmp_path / "fast" / "acct.sqlite3", dialect)
    assert any(isinstance(v, str) and "byte@x.it" in v for row in fast["dupkeys"] for v in row)  # whole


async def synced_and_derived(api: Dialect, copy: LocalCopy) -> None:
    """A first sync, then the counts and duplicate keys it leaves to the end (as the window does)."""
    await full_sync(api, copy)
    assert not await copy.derived()
    await copy.derive()
    assert await copy.derived()


@pytest.mark.parametrize("dialect", sorted(CONTACT_TYPES))
def test_a_first_sync_over_http_is_the_copy_the_ordinary_sync_makes(
        sandbox: Sandbox, tmp_path: Path, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_copy(sandbox, dialect, tmp_path / "fast", synced_and_derived)
    monkeypatch.setattr(fill_module, "MIN_SQLITE", (99, 0, 0))  # as on an SQLite too old for the fast way
    with_copy(sandbox, dialect, tmp_path / "slow", full_sync)
    a = content(tmp_path / "fast" / "acct.sqlite3", dialect)
    b = content(tmp_path / "slow" / "acct.sqlite3", dialect)
    assert len(a["rows"]) > 100
    for part in ("grams", "words", "searches"):  # rows alike, then every token and search
        assert a[part] == b[part], part
    assert not differences(a, b), differences(a, b)


@pytest.mark.parametrize("dialect", sorted(CONTACT_TYPES))
def test_a_quit_while_the_search_index_is_built_keeps_the_copy_and_says_how_far(
        sandbox: Sandbox, tmp_path: Path, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fill_module, "END_CHUNK", 50)
    monkeypatch.setattr("contact_desk.mirror.syncing.sync.END_CHUNK", 50)
    monkeypatch.setattr(fill_module, "CHUNK", 10**9)  # nothing indexed during the walk

    async def quit_midway(api: Dialect, copy: LocalCopy) -> None:
        def report(p: SyncProgress) -> None:
            if p.searchable is not None and p.searchable >= 100:
                asyncio.get_running_loop().create_task(copy.close())  # the window quits
        with pytest.raises((CopyClosed, asyncio.CancelledError)):
            await full_sync(api, copy, report=report)

    async def look(api: Dialect, copy: LocalCopy) -> tuple[CopyStatus, int, CopyStatus]:
        before = await copy.status()
        n, _ = await copy.search(Query(search="a", include_archived=True))  # words: the index only
        await synced_and_derived(api, copy)
        return before, n, await copy.status()

    with_copy(sandbox, dialect, tmp_path, quit_midway)
    before, found, after = with_copy(sandbox, dialect, tmp_path, look)
    assert before.complete and before.contacts > 150  # every row is there: it lists and sorts
    assert before.searchable is not None and 100 <= before.searchable < before.contacts
    assert not before.search_complete
    assert found <= before.searchable
    assert after.complete and after.search_complete and after.searchable is None
    monkeypatch.setattr(fill_module, "MIN_SQLITE", (99, 0, 0))
    with_copy(sandbox, dialect, tmp_path / "slow", full_sync)
    a = content(tmp_path / "acct.sqlite3", dialect)
    b = content(tmp_path / "slow" / "acct.sqlite3", dialect)
    assert not differences(a, b), differences(a, b)
