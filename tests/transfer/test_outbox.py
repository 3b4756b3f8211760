"""The outbox over real HTTP, both dialects: the sandbox behind a switch turned off and on, a
colleague (a second client) changing the same contact, a sender killed with SIGKILL at each step,
two processes sending at once. Nothing is lost, nothing is sent twice."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest

from contact_desk.api import ApiKey, Dialect, Query, errors, make_http_client, open_dialect
from contact_desk.mirror.changes import outbox as ob
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.outbox_send import send_outbox
from tests.api.helpers import FAST, KEYS
from tests.api.netpeers import Switch, serving

T = TypeVar("T")
PATHS = {"smartcq": "/api/v1/contacts", "replicer": "/v1/contacts"}


@pytest.fixture
def switch(sandbox: Sandbox) -> Iterator[Switch]:
    s = Switch(sandbox.port)
    with serving(s):
        yield s


@asynccontextmanager
async def opened(url: str, dialect: str, key: str | None = None) -> AsyncIterator[Dialect]:
    async with make_http_client() as http:
        yield open_dialect(http, dialect, ApiKey(key or KEYS[dialect]), url, policy=FAST)


def run(url: str, dialect: str, fn: Callable[[Dialect], Awaitable[T]], key: str | None = None) -> T:
    async def main() -> T:
        async with opened(url, dialect, key) as api:
            return await fn(api)

    loop = asyncio.new_event_loop()  # never the thread's current loop (the Qt tests keep theirs)
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()


async def with_email(api: Dialect, email: str) -> list[Any]:
    """Every contact of the tenant with this email (the whole listing walked)."""
    found, token = [], None
    for _page in range(100):
        page = await api.list_page(Query(), token, 100)
        found += [c for c in page.items if (getattr(c, "email", None) or "").lower() == email.lower()]
        token = page.next
        if token is None:
            return found
    raise AssertionError("the listing did not end")


def email() -> str:
    return f"offline.{uuid.uuid4().hex[:10]}@example.org"


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_create_and_two_edits_made_offline_arrive_as_one_contact(
        dialect: str, sandbox: Sandbox, switch: Switch, tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "a.outbox.sqlite3")
    address, temp = email(), ob.temporary_id()
    box.create(temp, "Nuovo", {"email": address, "firstName": "Nuovo"})
    box.edit(temp, "Nuovo", {"lastName": None}, {"lastName": "Primo"})
    box.edit(temp, "Nuovo", {"lastName": "Primo"}, {"lastName": "Finale", "firstName": "Nina"})
    assert len(box.items()) == 1  # merged into the create
    switch.off()
    sent = run(switch.url, dialect, lambda api: send_outbox(api, box))
    assert isinstance(sent.stopped, errors.NetworkError) and sent.sent == 0
    assert [i.kind for i in box.items()] == [ob.CREATE]  # kept, nothing lost
    switch.on()
    sandbox.clear_requests()
    sent = run(switch.url, dialect, lambda api: send_outbox(api, box))
    assert sent.sent == 1 and box.items() == [] and temp in sent.created
    posts = [r for r in sandbox.requests() if r.method == "POST"]
    assert len(posts) == 1 and not [r for r in sandbox.requests() if r.method == "PATCH"]
    made = run(switch.url, dialect, lambda api: with_email(api, address))
    assert len(made) == 1 and (made[0].first_name, made[0].last_name) == ("Nina", "Finale")


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_colleagues_change_to_the_same_field_is_a_conflict_and_nothing_is_overwritten(
        dialect: str, sandbox: Sandbox, switch: Switch, tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "b.outbox.sqlite3")
    address = email()
    made = run(switch.url, dialect, lambda api: api.create({"email": address, "firstName": "Rosa",
                                                            "lastName": "Prima"}))
    box.edit(made.id, "Rosa Prima", {"lastName": "Prima", "firstName": "Rosa"},
             {"lastName": "Mia", "firstName": "Rosanna"})
    run(switch.url, dialect, lambda api: api.update(made.id, {"lastName": "Collega"}))  # meanwhile
    sent = run(switch.url, dialect, lambda api: send_outbox(api, box))
    assert sent.needs == 1 and sent.sent == 0
    item = box.items()[0]
    assert (item.state, item.problem, item.field) == (ob.NEEDS, ob.CONFLICT, "lastName")
    clash = json.loads(item.detail)[0]
    assert (clash["yours"], clash["theirs"], clash["before"]) == ("Mia", "Collega", "Prima")
    now = run(switch.url, dialect, lambda api: api.get(made.id))
    assert (now.first_name, now.last_name) == ("Rosa", "Collega")  # nothing sent, theirs kept


def test_every_needs_you_state_comes_from_a_real_answer(sandbox: Sandbox, switch: Switch,
                                                        tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "c.outbox.sqlite3")
    taken = email()
    existing = run(switch.url, "smartcq", lambda api: api.create({"email": taken, "firstName": "Gia"}))
    gone = run(switch.url, "smartcq", lambda api: api.create({"email": email(), "firstName": "Via"}))
    assert sandbox.remove("demo-smartcq", gone.id)
    box.create(ob.temporary_id(), "Tag", {"email": email(), "tags": [f"nessuno-{uuid.uuid4().hex[:6]}"]})
    box.create(ob.temporary_id(), "Gia", {"email": taken, "firstName": "Altra"})
    box.edit(gone.id, "Via", {"firstName": "Via"}, {"firstName": "Tornata"})
    box.edit(existing.id, "Gia", {"stage": existing.stage}, {"stage": "not-a-stage"})  # type: ignore[union-attr]
    sent = run(switch.url, "smartcq", lambda api: send_outbox(api, box))
    problems = {i.problem: i for i in box.items()}
    assert set(problems) == {ob.UNKNOWN_TAG, ob.EXISTS, ob.GONE, ob.INVALID} and sent.needs == 4
    assert problems[ob.UNKNOWN_TAG].field == "tags" and problems[ob.EXISTS].detail == existing.id
    assert problems[ob.INVALID].field == "stage" and all(i.request_id for i in problems.values()
                                                          if i.problem != ob.EXISTS)


def test_a_refused_key_stops_the_sending_and_marks_the_item(tmp_path: Path) -> None:
    with Sandbox(contacts=20, seed=11) as own:
        box = ob.Outbox(tmp_path / "d.outbox.sqlite3")
        for _ in range(3):
            box.create(ob.temporary_id(), "X", {"email": email()})
        own.revoke("demo-smartcq")
        sent = run(own.base_url, "smartcq", lambda api: send_outbox(api, box, concurrency=1))
        assert isinstance(sent.stopped, errors.Unauthorized)
        states = [(i.state, i.problem) for i in box.items()]
        assert states[0] == (ob.NEEDS, ob.REFUSED) and states[1:] == [(ob.WAITING, "")] * 2


KILLER = """
import asyncio, os, signal, sys
from pathlib import Path
from contact_desk.api import ApiKey, make_http_client, open_dialect
from contact_desk.mirror.changes.outbox import Outbox
from contact_desk.transfer.outbox_send import send_outbox
url, dialect, key, path, point = sys.argv[1:6]

async def main():
    async with make_http_client() as http:
        api = open_dialect(http, dialect, ApiKey(key), url)
        real = {"create": api.create, "update": api.update}

        def killing(name):
            async def call(*args, **kw):
                if point == "before":
                    os.kill(os.getpid(), signal.SIGKILL)
                answer = await real[name](*args, **kw)
                if point == "answer":  # the server did it; its answer dies with us, uncommitted
                    os.kill(os.getpid(), signal.SIGKILL)
                return answer
            return call

        api.create, api.update = killing("create"), killing("update")
        sent = await send_outbox(api, Outbox(Path(path)))
        print("busy" if sent.busy else f"sent {sent.sent}", flush=True)

asyncio.run(main())
"""


def _sender(url: str, dialect: str, path: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", KILLER, url, dialect, KEYS[dialect], str(path), point],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
@pytest.mark.parametrize("point", ["before", "answer"])
def test_a_sender_killed_at_each_step_sends_nothing_twice_and_loses_nothing(
        dialect: str, point: str, sandbox: Sandbox, tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "e.outbox.sqlite3")
    address = email()
    box.create(ob.temporary_id(), "Kill", {"email": address, "firstName": "Kill", "lastName": "Nine"})
    target = run(sandbox.base_url, dialect, lambda api: api.create({"email": email(), "firstName": "Edit"}))
    box.edit(target.id, "Edit", {"firstName": "Edit"}, {"firstName": "Edited"})
    proc = _sender(sandbox.base_url, dialect, box.path, point)
    assert proc.wait(timeout=60) == -9, proc.stderr.read() if proc.stderr else ""
    assert box.items()[0].state == ob.SENDING  # marked before its request, as it died

    async def others(api: Dialect) -> None:  # more new contacts than the newest-contacts lookup reads
        await asyncio.gather(*(api.create({"email": email(), "firstName": "Altro"}) for _ in range(55)))

    if point == "answer":
        run(sandbox.base_url, dialect, others)
    sent = run(sandbox.base_url, dialect, lambda api: send_outbox(api, box))
    assert box.items() == [] and sent.stopped is None
    assert len(run(sandbox.base_url, dialect, lambda api: with_email(api, address))) == 1  # once
    assert run(sandbox.base_url, dialect, lambda api: api.get(target.id)).first_name == "Edited"


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_two_processes_sending_at_once_send_each_item_once(dialect: str, sandbox: Sandbox,
                                                           tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "f.outbox.sqlite3")
    addresses = [email() for _ in range(12)]
    for a in addresses:
        box.create(ob.temporary_id(), "Two", {"email": a, "firstName": "Two"})
    procs = [_sender(sandbox.base_url, dialect, box.path, "none") for _ in range(2)]
    said = sorted(p.communicate(timeout=120)[0].strip() for p in procs)
    assert said in (["busy", "sent 12"], ["sent 0", "sent 12"]), said  # one sender sent them all
    for a in addresses:
        assert len(run(sandbox.base_url, dialect, lambda api, a=a: with_email(api, a))) == 1


def test_the_outbox_is_bounded_and_a_full_one_writes_nothing(tmp_path: Path) -> None:
    box = ob.Outbox(tmp_path / "g.outbox.sqlite3", limit=3)
    for _ in range(3):
        box.create(ob.temporary_id(), "N", {"email": email()})
    with pytest.raises(ob.OutboxFull):
        box.create(ob.temporary_id(), "N", {"email": email()})
    assert box.count() == 3
    first = box.items()[0]
    box.edit(first.contact_id, "N", {}, {"firstName": "Merged"})  # a merge takes no room
    assert box.count() == 3 and box.items()[0].values["firstName"] == "Merged"


def test_a_full_disk_keeps_nothing_and_says_so_then_the_next_save_is_kept(tmp_path: Path) -> None:
    from tests.mirror.disk import grow, small_disk

    with small_disk(tmp_path / "disk", 256) as folder:
        box = ob.Outbox(folder / "h.outbox.sqlite3")
        box.create(ob.temporary_id(), "Prima", {"email": email()})
        filler = folder / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as f:  # its close fails too: suppressed
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        with pytest.raises((OSError, sqlite3.Error)):
            for _ in range(50):  # the WAL has some room left: a few more may fit, never all of them
                box.create(ob.temporary_id(), "Piena", {"email": email(), "notes": "x" * 2000})
        grow(folder, 4096)  # room again (the full disk made the file unreadable for the while)
        filler.unlink()
        items = box.items()
        assert items[0].name == "Prima" and all(i.name in ("Prima", "Piena") for i in items)  # whole ones
        box.create(ob.temporary_id(), "Dopo", {"email": email()})
        assert box.count() == len(items) + 1
