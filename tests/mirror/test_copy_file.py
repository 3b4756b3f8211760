"""The copy's file: owner-only, set aside when damaged, shared safely by two instances."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from contact_desk.api import Dialect, Query
from contact_desk.mirror import LocalCopy, forget, full_sync
from contact_desk.mirror.errors import CopyDamaged
from contact_desk.sandbox import Sandbox
from tests.mirror.helpers import copied, everything, with_copy


def _synced(sandbox: Sandbox, folder: Path) -> int:
    async def go(api: Dialect, copy: LocalCopy) -> int:
        await full_sync(api, copy)
        return len(await copied(copy))
    return with_copy(sandbox, "smartcq", folder, go)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_copy_is_readable_by_its_owner_only(sandbox: Sandbox, tmp_path: Path) -> None:
    _synced(sandbox, tmp_path / "copies")
    assert stat.S_IMODE((tmp_path / "copies").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "copies" / "acct.sqlite3").stat().st_mode) == 0o600


@pytest.mark.parametrize("damage", ["garbage", "truncated", "newer", "other-dialect"])
def test_a_damaged_copy_is_set_aside_and_rebuilt(sandbox: Sandbox, tmp_path: Path, damage: str) -> None:
    count = _synced(sandbox, tmp_path)
    path = tmp_path / "acct.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 500)
    elif damage == "truncated":
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 3)
    elif damage == "newer":
        con = sqlite3.connect(path)
        con.execute("PRAGMA user_version = 99")
        con.close()
    else:
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value = 'replicer' WHERE key = 'dialect'")
        con.commit()
        con.close()

    async def go(api: Dialect, copy: LocalCopy) -> tuple[str | None, int]:
        try:
            await copy.count(Query())
            await copied(copy)
        except CopyDamaged:  # noticed only when read: what the window does
            await copy.reset()
        notice = copy.notice
        await full_sync(api, copy)
        assert [c.id for c in await copied(copy)] == list(await everything(api))
        return notice, len(await copied(copy))

    notice, after = with_copy(sandbox, "smartcq", tmp_path, go)
    assert notice == "damaged"
    assert after == count
    assert (tmp_path / "acct.sqlite3.damaged").exists()


def test_two_instances_writing_one_copy_do_not_corrupt_it(sandbox: Sandbox, tmp_path: Path) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        other = await LocalCopy.open("acct", "smartcq", tmp_path)  # a second app on the same file
        try:
            contacts = list((await everything(api)).values())
            await asyncio.gather(*(c.put(contacts[i::4]) for i, c in enumerate([copy, other, copy, other])))
            await asyncio.gather(copy.put(contacts), other.put(list(reversed(contacts))))
            assert await other.count(Query(include_archived=True)) == len(contacts)
            assert [c.id for c in await copied(copy)] == [c.id for c in contacts]
        finally:
            await other.close()

    with_copy(sandbox, "smartcq", tmp_path, go)
    con = sqlite3.connect(tmp_path / "acct.sqlite3")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_forget_removes_the_copy_and_its_side_files(sandbox: Sandbox, tmp_path: Path) -> None:
    _synced(sandbox, tmp_path)
    assert forget("acct", tmp_path)
    assert not list(tmp_path.glob("acct.sqlite3*"))
    assert not forget("acct", tmp_path)
