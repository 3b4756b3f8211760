"""The async client against the sandbox: paging, exactness under faults, writes, safety."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from contact_desk import __version__
from contact_desk.api import ApiKey, Dialect, Query, check_base_url, errors, make_http_client, open_dialect
from contact_desk.api.walk import CONCURRENCY, walk
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import FAST, run_with
from tests.api.listing import iter_all, iter_pages
from tests.conftest import client
from tests.sandbox.walk import replicer_walk, smartcq_walk


def collect(sb: Sandbox, dialect: str, query: Query | None = None, **kw: Any) -> list[str]:
    async def go(d: Dialect) -> list[str]:
        return [c.id async for c in iter_all(d, query or Query())]
    return run_with(sb, dialect, go, **kw)


def oracle(sb: Sandbox, dialect: str, **params: Any) -> list[str]:
    if dialect == "smartcq":
        with client(sb, "demo-smartcq") as c:
            return [r["id"] for r in smartcq_walk(c, 200, **params)]
    with client(sb, "rpl_test_demo") as c:
        return [r["id"] for r in replicer_walk(c, 100, **params)[0]]


@pytest.mark.parametrize(("dialect", "query", "params"), [
    ("smartcq", Query(), {}),
    ("smartcq", Query(include_archived=True), {"includeArchived": "true"}),
    ("smartcq", Query(email_status="bounced", stage="lead"), {"emailStatus": "bounced", "stage": "lead"}),
    ("replicer", Query(), {}),
    ("replicer", Query(search="ross"), {"search": "ross"}),
])
def test_iter_all_yields_every_match_once_in_order(sandbox: Sandbox, dialect: str, query: Query,
                                                   params: dict[str, str]) -> None:
    assert collect(sandbox, dialect, query) == oracle(sandbox, dialect, **params)


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_iter_all_survives_every_fault_at_once(faulty: Sandbox, dialect: str) -> None:
    expected = oracle(faulty, dialect)
    faulty.clear_requests()
    faulty.faults = Faults(rate_429=0.1, rate_503=0.1, malformed=0.1, drop=0.1, retry_after=0)
    faulty.inject(429, "drop", 503, "malformed")  # each kind surely, then at random
    got = collect(faulty, dialect)
    assert got == expected
    statuses = [r.status for r in faulty.requests()]
    assert statuses[:2] == [429, 200] and 503 in statuses  # the faults really happened


def test_iter_all_uses_the_largest_page_size(faulty: Sandbox) -> None:
    faulty.clear_requests()
    collect(faulty, "smartcq")
    collect(faulty, "replicer")
    limits = {r.path: parse_qs(r.query)["limit"][0] for r in faulty.requests()}
    assert limits == {"/api/v1/contacts": "200", "/v1/contacts": "100"}


def test_replicer_pages_are_fetched_concurrently_and_bounded(faulty: Sandbox) -> None:
    """The app's walk (exports, syncs): several pages at once, never more than CONCURRENCY."""
    faulty.faults = Faults(latency_ms=40)
    faulty.reset_stats()

    async def walked(d: Dialect) -> list[str]:
        ids: list[str] = []

        async def keep(items: list[Any]) -> None:
            ids.extend(c.id for c in items)

        await walk(d, Query(), keep)
        return ids

    assert sorted(run_with(faulty, "replicer", walked)) == sorted(oracle(faulty, "replicer"))
    assert 2 <= faulty.max_in_flight <= CONCURRENCY


def test_cursor_is_passed_back_exactly_as_received(faulty: Sandbox) -> None:
    faulty.clear_requests()

    async def two_pages(d: Dialect) -> str:
        first = await d.list_page(Query(), None, 5)
        assert isinstance(first.next, str)
        await d.list_page(Query(), first.next, 5)
        return first.next

    cursor = run_with(faulty, "smartcq", two_pages)
    second = faulty.requests()[-1]
    assert parse_qs(second.query)["cursor"] == [cursor]


def test_repeated_ids_across_pages_are_shown_once(faulty: Sandbox) -> None:
    """A contact created during a Replicer walk shifts later pages by one."""
    async def walk_while_creating(d: Dialect) -> list[str]:
        ids: list[str] = []
        async for page in iter_pages(d, Query(), concurrency=1):
            if not ids:
                await d.create({"firstName": "Inserted"})
            ids.extend(c.id for c in page.items)
        return ids

    raw = run_with(faulty, "replicer", walk_while_creating)
    assert len(raw) > len(set(raw))  # the shift really repeated one

    async def dedup(d: Dialect) -> list[str]:
        seen = [c.id async for c in iter_all(d, Query())]
        return seen
    ids = run_with(faulty, "replicer", dedup)
    assert len(ids) == len(set(ids))


def test_cancelling_a_listing_leaves_the_client_usable(faulty: Sandbox) -> None:
    faulty.faults = Faults(latency_ms=300)  # the cancel comes while pages are in flight

    async def main() -> int:
        async with make_http_client() as http:
            d = open_dialect(http, "replicer", ApiKey("rpl_test_demo"), faulty.base_url, policy=FAST)

            async def ignore(_items: list[Any]) -> None:
                pass

            async def consume() -> None:
                await walk(d, Query(), ignore)  # the app's walk, several requests in flight

            task = asyncio.create_task(consume())
            await asyncio.sleep(0.1)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            leftovers = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            assert leftovers == []
            page = await d.list_page(Query(), None, 3)
            return len(page.items)

    assert asyncio.run(main()) == 3


def test_patch_sends_only_the_given_fields_and_nothing_when_empty(faulty: Sandbox) -> None:
    async def edit(d: Dialect) -> tuple[str, str]:
        made = await d.create({"email": f"p.{uuid.uuid4().hex[:8]}@example.com", "firstName": "Anna"})
        faulty.clear_requests()
        after = await d.update(made.id, {"stage": "customer"})
        await d.update(made.id, {})
        return made.id, getattr(after, "stage", "")

    contact_id, stage = run_with(faulty, "smartcq", edit)
    assert stage == "customer"
    patch, get = faulty.requests()
    assert (patch.method, patch.body) == ("PATCH", b'{"stage":"customer"}')
    assert (get.method, get.path) == ("GET", f"/api/v1/contacts/{contact_id}")


def test_smartcq_create_after_a_lost_answer_returns_the_contact(faulty: Sandbox) -> None:
    email = f"lost.{uuid.uuid4().hex[:8]}@example.com"
    faulty.inject("drop")
    made = run_with(faulty, "smartcq", lambda d: d.create({"email": email, "firstName": "Once"}))
    assert made.email == email
    posts = [r for r in faulty.requests() if r.method == "POST"]
    assert [r.status for r in posts] == [200, 409]  # the lost first try, then the recognised 409


def test_smartcq_conflict_with_an_older_contact_is_still_a_conflict(faulty: Sandbox) -> None:
    with client(faulty, "demo-smartcq") as c:
        page = c.get("/api/v1/contacts", params={"limit": 200}).json()["data"]
    old = next(c for c in page if c["createdAt"] < "2026-11-01")  # generated, not made by a test
    faulty.inject("drop")
    with pytest.raises(errors.Conflict) as info:
        run_with(faulty, "smartcq", lambda d: d.create({"email": old["email"]}))
    assert info.value.existing_id == old["id"]


def test_replicer_create_is_not_repeated_after_a_lost_answer(faulty: Sandbox) -> None:
    faulty.inject("drop")
    with pytest.raises(errors.NetworkError):
        run_with(faulty, "replicer", lambda d: d.create({"firstName": "Only once"}))
    assert [r.method for r in faulty.requests()] == ["POST"]


def test_replicer_create_is_repeated_after_a_429(faulty: Sandbox) -> None:
    faulty.inject(429)
    made = run_with(faulty, "replicer", lambda d: d.create({"firstName": "Second try"}))
    assert made.first_name == "Second try"  # type: ignore[union-attr]
    assert [r.status for r in faulty.requests()] == [429, 201]


def test_requests_name_the_app_and_version(faulty: Sandbox) -> None:
    run_with(faulty, "smartcq", lambda d: d.list_page(Query(), None, 1))
    assert faulty.requests()[-1].header("user-agent") == f"ContactDesk/{__version__}"


@pytest.mark.parametrize(("url", "ok"), [
    ("https://app.smartcq.it", True), ("https://api.example.com/base/", True),
    ("http://127.0.0.1:8765", True), ("http://localhost:1", True), ("http://[::1]:80", True),
    ("http://127.9.9.9", True), ("http://app.smartcq.it", False), ("http://10.0.0.2", False),
    ("ftp://example.com", False), ("app.smartcq.it", False), ("https://u:p@example.com", False),
    ("https://example.com/?key=1", False), ("", False),
])
def test_plain_http_only_for_loopback(url: str, ok: bool) -> None:
    if ok:
        assert not check_base_url(url).endswith("/")
    else:
        with pytest.raises(errors.ConfigurationError):
            check_base_url(url)


class _Server:
    """A small real server on loopback for redirect tests."""

    def __init__(self, app: Starlette) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            threading.Event().wait(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(5)


@pytest.fixture
def key_catcher() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []

    async def anything(request: Request) -> Response:
        seen.append(request.headers.get("authorization", ""))
        return JSONResponse({"data": [], "next": None})

    with _Server(Starlette(routes=[Route("/{path:path}", anything)])) as url:
        yield url.replace("127.0.0.1", "localhost"), seen


def test_a_redirect_to_another_origin_never_gets_the_key(key_catcher: tuple[str, list[str]]) -> None:
    elsewhere, seen = key_catcher

    async def redirect(request: Request) -> Response:
        return RedirectResponse(f"{elsewhere}/api/v1/contacts", status_code=307)

    with _Server(Starlette(routes=[Route("/api/v1/contacts", redirect)])) as url:
        sb = type("S", (), {"base_url": url})()
        with pytest.raises(errors.ProtocolError) as info:
            run_with(sb, "smartcq", lambda d: d.list_page(Query()))  # type: ignore[arg-type]
    assert "localhost" in str(info.value)
    assert seen == []


def test_a_same_origin_redirect_is_followed_with_the_key() -> None:
    seen: list[str] = []

    async def moved(request: Request) -> Response:
        return RedirectResponse("/api/v1/contacts-new", status_code=308)

    async def target(request: Request) -> Response:
        seen.append(request.headers.get("authorization", ""))
        return JSONResponse({"data": [], "next": None})

    app = Starlette(routes=[Route("/api/v1/contacts", moved), Route("/api/v1/contacts-new", target)])
    with _Server(app) as url:
        page = run_with(type("S", (), {"base_url": url})(), "smartcq",  # type: ignore[arg-type]
                        lambda d: d.list_page(Query()))
    assert page.items == [] and seen == ["Bearer demo-smartcq"]


def test_debug_logs_never_hold_the_key(faulty: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    faulty.faults = Faults(rate_503=0.3, retry_after=0)
    with caplog.at_level(logging.DEBUG):
        collect(faulty, "smartcq")
        with pytest.raises(errors.Unauthorized):
            run_with(faulty, "replicer", lambda d: d.get("x"), key="rpl_test_wrong_key")
    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert "GET" in text and "[redacted]" in text
    assert "demo-smartcq" not in text and "rpl_test_wrong_key" not in text


def test_the_key_object_does_not_print_itself() -> None:
    key = ApiKey("  demo-smartcq \n")
    assert key.reveal() == "demo-smartcq"
    assert "demo" not in repr(key) and "demo" not in str(key) and "demo" not in f"{key}"
    for bad in ("", "   ", "two words"):
        with pytest.raises(errors.ConfigurationError):
            ApiKey(bad)


def test_schemas_describe_what_the_server_accepts(sandbox: Sandbox) -> None:
    """Every creatable field of each schema is accepted by the sandbox's create."""
    from contact_desk.api.schema import REPLICER, SMARTCQ
    assert {f.name for f in SMARTCQ.creatable} == {"email", "firstName", "lastName", "consentType", "tags"}
    assert {f.name for f in SMARTCQ.patchable} == {"firstName", "lastName", "emailStatus", "stage",
                                                   "consentType"}
    assert {f.name for f in REPLICER.creatable} == {f.name for f in REPLICER.patchable}
    with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": "Bearer rpl_test_demo"}) as c:
        body = {f.name: None for f in REPLICER.creatable} | {"firstName": "All fields"}
        assert c.post("/v1/contacts", json=body).status_code == 201
