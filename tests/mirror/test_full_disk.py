"""A full disk in the middle of a sync (a real tmpfs): a clear error, and nothing of the
part that was not written counts as walked, so the next sync (with room) holds every contact."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import contact_desk.mirror.syncing.sync as sync_module
from contact_desk.api import ApiKey, make_http_client, open_dialect
from contact_desk.mirror import CopyNotWritten, LocalCopy, full_sync
from contact_desk.sandbox import Sandbox
from contact_desk.sandbox.faults import Faults
from tests.api.helpers import FAST, KEYS
from tests.mirror.disk import grow, small_disk
from tests.mirror.helpers import copied, everything


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_full_disk_mid_sync_loses_nothing_the_next_sync_needs(
        sandbox: Sandbox, tmp_path: Path, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_module, "SAVE_EVERY", 0.0)
    monkeypatch.setattr("contact_desk.mirror.file.store.BULK_ROWS", 100)  # several commits in 600 contacts
    monkeypatch.setattr("contact_desk.mirror.syncing.fill.COMMIT_ROWS", 100)  # the same for a first sync

    async def main(folder: Path) -> tuple[list[str], list[str], str]:
        async with make_http_client() as http:
            api = open_dialect(http, dialect, ApiKey(KEYS[dialect]), sandbox.base_url, policy=FAST)
            copy = await LocalCopy.open("acct", dialect, folder)
            try:
                with pytest.raises(Exception) as failed:
                    await full_sync(api, copy)
            finally:
                await copy.close()
            grow(folder, 20_000)
            copy = await LocalCopy.open("acct", dialect, folder)
            try:
                assert copy.notice is None  # a full disk is not damage
                await full_sync(api, copy)
                server = list(await everything(api))
                return [c.id for c in await copied(copy)], server, str(failed.value)
            finally:
                await copy.close()

    with small_disk(tmp_path / "disk", 320) as folder:
        kept, server, said = asyncio.run(main(folder))
    assert "full" in said.lower()
    assert kept == server


def test_a_full_disk_stops_the_first_sync_at_once_not_after_every_page(
        faulty: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("contact_desk.mirror.syncing.fill.COMMIT_ROWS", 100)
    # Pages slower than the writer, as on any real network: without it the walk may have asked
    # for every page before the writer met the full disk, and the count tells nothing.
    faulty.faults = Faults(latency_ms=150)

    async def main(folder: Path) -> str:
        async with make_http_client() as http:
            api = open_dialect(http, "replicer", ApiKey(KEYS["replicer"]), faulty.base_url, policy=FAST)
            copy = await LocalCopy.open("acct", "replicer", folder)
            try:
                faulty.clear_requests()
                with pytest.raises(CopyNotWritten) as failed:
                    await full_sync(api, copy, concurrency=1)  # a page at a time: the count tells
                return str(failed.value)
            finally:
                await copy.close()

    with small_disk(tmp_path / "disk", 320) as folder:
        said = asyncio.run(main(folder))
    asked = [r for r in faulty.requests() if r.path.endswith("/contacts")]
    assert "full" in said.lower()
    assert len(asked) < 6, len(asked)  # of 6 pages: the walk stopped when the disk did
