"""The copy keeps what it holds: a quit in the middle of a sync, a copy that is busy or
closed is never taken for a damaged one (and never set aside)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import contact_desk.mirror.syncing.sync as sync_module
from contact_desk.api import ApiKey, make_http_client, open_dialect
from contact_desk.mirror import CopyClosed, LocalCopy, SyncProgress, full_sync
from contact_desk.mirror.local_copy import copy_path
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import FAST, KEYS
from tests.mirror.helpers import copied, everything


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_closing_the_copy_mid_sync_keeps_it_and_the_next_sync_goes_on(
        faulty: Sandbox, tmp_path: Path, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    faulty.faults = Faults(latency_ms=5)
    monkeypatch.setattr(sync_module, "SAVE_EVERY", 0.0)

    async def main() -> tuple[int, int, int]:
        async with make_http_client() as http:
            api = open_dialect(http, dialect, ApiKey(KEYS[dialect]), faulty.base_url, policy=FAST)
            copy = await LocalCopy.open("acct", dialect, tmp_path)
            halfway = asyncio.Event()

            def report(p: SyncProgress) -> None:
                if p.fetched >= 300:
                    halfway.set()

            sync = asyncio.ensure_future(full_sync(api, copy, report=report))
            await halfway.wait()
            await copy.close()  # the window quits while the writer works (no cancel first)
            with pytest.raises((CopyClosed, asyncio.CancelledError)):
                await sync
            again = await LocalCopy.open("acct", dialect, tmp_path)
            try:
                assert again.notice is None
                kept = len(await copied(again))
                second = await full_sync(api, again)
                server = await everything(api)
                assert [c.id for c in await copied(again)] == list(server)
                return kept, second.fetched, len(server)
            finally:
                await again.close()

    kept, fetched, total = asyncio.run(main())
    assert not Path(str(copy_path("acct", tmp_path)) + ".damaged").exists()  # never set aside
    assert kept >= 200  # what was synced before the quit is still there
    assert fetched < total  # and the next sync went on from there
