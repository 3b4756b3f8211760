"""Full sync and top-up over real HTTP: every contact exactly once, under faults too."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import contact_desk.mirror.syncing.sync as sync_module
from contact_desk.api import Dialect, Query
from contact_desk.mirror import LocalCopy, SyncBusy, SyncProgress, Yielding, full_sync, top_up
from contact_desk.mirror.syncing.sync import sync_lock
from contact_desk.sandbox import Faults, Sandbox
from tests.mirror.helpers import copied, everything, with_copy

DIALECTS = ("smartcq", "replicer")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_full_sync_copies_every_contact_once_in_the_api_order(sandbox: Sandbox, tmp_path: Path,
                                                              dialect: str) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        result = await full_sync(api, copy)
        server = await everything(api)
        rows = await copied(copy)
        assert [c.id for c in rows] == list(server)  # same contacts, once each, newest first
        assert rows == list(server.values())  # every field as the API sent it
        assert result.complete and result.fetched == len(server)
        status = await copy.status()
        assert status.complete and status.contacts == len(server) and status.synced_at

    with_copy(sandbox, dialect, tmp_path, go)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_sync_survives_429_503_drops_and_malformed_answers(faulty: Sandbox, tmp_path: Path,
                                                           dialect: str) -> None:
    faulty.faults = Faults(rate_429=0.1, rate_503=0.1, drop=0.05, malformed=0.05, retry_after=0)
    faulty.inject(429, "drop", "malformed", 503, "malformed")  # for certain, on top of the random ones

    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        faulty.faults = Faults()
        server = await everything(api)
        assert [c.id for c in await copied(copy)] == list(server)

    with_copy(faulty, dialect, tmp_path, go)
    kinds = {r.status for r in faulty.requests()}
    assert {429, 503} <= kinds  # the faults did happen


def test_parallel_walk_keeps_several_requests_in_flight(faulty: Sandbox, tmp_path: Path) -> None:
    faulty.faults = Faults(latency_ms=30)

    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)

    with_copy(faulty, "replicer", tmp_path, go)  # SmartCQ's 3 pages here are walked one by one (they
    assert faulty.max_in_flight >= 3  # would not pay for a split): tests/mirror/test_walk_cost.py


@pytest.mark.parametrize("dialect", DIALECTS)
def test_contacts_created_or_changed_mid_sync_are_right_after_the_next(faulty: Sandbox, tmp_path: Path,
                                                                         dialect: str) -> None:
    faulty.faults = Faults(latency_ms=10)
    made: list[str] = []

    async def go(api: Dialect, copy: LocalCopy) -> None:
        first = (await api.list_page(Query(), None, 1)).items[0]
        jobs: list[asyncio.Task[object]] = []

        def report(p: SyncProgress) -> None:
            if not jobs:  # once, while the walk is under way
                async def change() -> object:
                    new = await api.create({"email": "mid.sync@example.org", "firstName": "Mid"}
                                           if dialect == "smartcq" else
                                           {"firstName": "Mid", "lastName": "Sync", "company": "Walk"})
                    made.append(new.id)
                    return await api.update(first.id, {"firstName": "Changed-mid-sync"})
                jobs.append(asyncio.ensure_future(change()))

        await full_sync(api, copy, report=report)
        await asyncio.gather(*jobs)
        await top_up(api, copy)
        await full_sync(api, copy)
        server = await everything(api)
        rows = await copied(copy)
        assert [c.id for c in rows] == list(server)
        assert made[0] in {c.id for c in rows}
        assert next(c for c in rows if c.id == first.id).first_name == "Changed-mid-sync"

    with_copy(faulty, dialect, tmp_path, go)


@pytest.mark.parametrize(("dialect", "key"), [("smartcq", "demo-smartcq"), ("replicer", "rpl_test_demo")])
def test_contacts_removed_on_the_server_disappear_after_a_full_sync(sandbox: Sandbox, tmp_path: Path,
                                                                   dialect: str, key: str) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        new = await api.create({"email": "to.remove@example.org"} if dialect == "smartcq"
                               else {"firstName": "To", "lastName": "Remove"})
        await top_up(api, copy)
        assert await copy.contains(new.id)
        assert await asyncio.to_thread(sandbox.remove, key, new.id)
        result = await full_sync(api, copy)
        assert result.removed == 1
        assert not await copy.contains(new.id)
        assert [c.id for c in await copied(copy)] == list(await everything(api))

    with_copy(sandbox, dialect, tmp_path, go)


def test_top_up_brings_the_newest_first_and_stops_at_known_contacts(sandbox: Sandbox, tmp_path: Path) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)
        new = await api.create({"email": "top.up@example.org"})
        result = await top_up(api, copy)
        assert result.requests == 1 and result.changed == 1
        assert (await copied(copy))[0].id == new.id

    with_copy(sandbox, "smartcq", tmp_path, go)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_stopped_sync_resumes_where_it_was(faulty: Sandbox, tmp_path: Path, dialect: str) -> None:
    faulty.faults = Faults(latency_ms=5)

    class Stop(Exception):
        pass

    async def go(api: Dialect, copy: LocalCopy) -> tuple[int, int]:
        def stop_halfway(p: SyncProgress) -> None:
            if p.fetched >= 300:
                raise Stop

        import contact_desk.mirror.syncing.sync as sync_module

        sync_module.SAVE_EVERY = 0.0
        try:
            with pytest.raises(Stop):
                await full_sync(api, copy, report=stop_halfway)
            second = await full_sync(api, copy)
        finally:
            sync_module.SAVE_EVERY = 1.0
        server = await everything(api)
        assert [c.id for c in await copied(copy)] == list(server)
        return second.fetched, len(server)

    fetched, total = with_copy(faulty, dialect, tmp_path, go)
    assert fetched < total  # it did not start again from the top


def test_accounts_never_see_each_others_copy(sandbox: Sandbox, tmp_path: Path) -> None:
    async def sync(api: Dialect, copy: LocalCopy) -> set[str]:
        await full_sync(api, copy)
        return {c.id for c in await copied(copy)}

    mine = with_copy(sandbox, "smartcq", tmp_path, sync, account="a1")
    other = with_copy(sandbox, "smartcq", tmp_path, sync, key="demo-smartcq-other", account="a2")
    assert mine and other and not mine & other
    assert sorted(p.name for p in tmp_path.glob("*.sqlite3")) == ["a1.sqlite3", "a2.sqlite3"]


def test_no_key_reaches_the_copy(sandbox: Sandbox, tmp_path: Path) -> None:
    async def go(api: Dialect, copy: LocalCopy) -> None:
        await full_sync(api, copy)

    with_copy(sandbox, "smartcq", tmp_path, go)
    for f in tmp_path.iterdir():
        assert b"demo-smartcq" not in f.read_bytes(), f.name


def test_a_second_instance_cannot_sync_the_same_copy_at_once(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    with sync_lock(path), pytest.raises(SyncBusy), sync_lock(path):
        pass
    with sync_lock(path):  # released
        pass


def test_a_sync_asks_for_no_new_page_while_the_user_types_and_goes_on_after(
        faulty: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faulty.faults = Faults(latency_ms=20)
    monkeypatch.setattr(sync_module, "YIELD_MAX", 0.6)  # typing without end slows a sync, never stops it
    yielding = Yielding()

    async def go(api: Dialect, copy: LocalCopy) -> tuple[int, int, int]:
        faulty.clear_requests()
        sync = asyncio.ensure_future(full_sync(api, copy, yielding=yielding, concurrency=1))
        while len(faulty.requests()) < 2:  # noqa: ASYNC110 (waiting on the server's record)
            await asyncio.sleep(0.005)
        yielding.hold(0.4)  # a key in the search box
        held_at = len(faulty.requests())
        await asyncio.sleep(0.35)
        during = len(faulty.requests()) - held_at
        yielding.hold(60)  # a user who never stops typing
        result = await asyncio.wait_for(sync, 30)
        return during, result.fetched, len(faulty.requests())

    during, fetched, total = with_copy(faulty, "replicer", tmp_path, go)
    assert during <= 1  # only the page already asked for came in (of 6)
    assert fetched >= 600 and total >= 6  # and the sync ended all the same
