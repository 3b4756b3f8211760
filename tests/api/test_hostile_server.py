"""A misbehaving server cannot take the client down: bounded bodies, deadlines,
walks that must move forward, typed errors for unreadable answers, clean texts
(issue 9, points 4, 5, 6, 9 and 10), over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest

from contact_desk.api import ApiKey, Dialect, Query, errors, make_http_client, open_dialect
from contact_desk.api.answers import error_from_response
from tests.api.helpers import FAST
from tests.api.hostile import Answer, Handler, Hostile, gzip_bomb
from tests.api.listing import iter_all

T = TypeVar("T")
KEY = {"smartcq": "demo-smartcq", "replicer": "rpl_test_demo"}


def run(h: Hostile, dialect: str, fn: Callable[[Dialect], Awaitable[T]], **endpoint: Any) -> T:
    async def main() -> T:
        async with make_http_client() as http:
            d = open_dialect(http, dialect, ApiKey(KEY[dialect]), h.base_url, policy=FAST)
            for name, value in endpoint.items():
                setattr(d.endpoint, name, value)
            return await fn(d)
    return asyncio.run(main())


async def walk(d: Dialect) -> int:
    return len([c async for c in iter_all(d, Query())])


def contact(i: int, created: str = "2026-01-01T00:00:00.000Z") -> dict[str, Any]:
    return {"id": f"c{i}", "email": f"c{i}@example.com", "createdAt": created}


def fixed(answer: Answer) -> Handler:
    return lambda method, path, query: answer


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip_bomb(200 * 1024 * 1024)  # 200 MB of zeros in about 200 KB
    with Hostile(fixed(Answer(body=bomb, headers={"content-encoding": "gzip"}))) as h:
        tracemalloc.start()
        try:
            with pytest.raises(errors.ProtocolError, match="larger than 32 MB"):
                run(h, "smartcq", walk)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 120 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB while refusing a bomb"
    assert h.requests == 1  # a body too large is not fetched again


def test_an_endless_body_is_cut_at_the_cap() -> None:
    async def endless() -> AsyncIterator[bytes]:
        piece = b" " * 65536
        for _ in range(100_000):  # 6.5 GB at most: the server too stops by itself
            yield piece

    with Hostile(fixed(Answer(stream=endless))) as h, \
            pytest.raises(errors.ProtocolError, match="larger than 4 MB"):
        run(h, "replicer", walk, max_body=4 * 1024 * 1024)
    assert h.requests == 1


def test_a_body_dripped_a_byte_at_a_time_meets_the_deadline() -> None:
    async def drip() -> AsyncIterator[bytes]:
        for _ in range(600):  # one byte every 0.1 s for a minute at most
            yield b" "
            await asyncio.sleep(0.1)

    with Hostile(fixed(Answer(stream=drip))) as h:
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeout, match=r"within 1\.5 s"):
            run(h, "smartcq", walk, deadline=1.5)
        elapsed = time.monotonic() - started
    assert h.requests == 1  # too slow is not tried again
    assert elapsed < 30, elapsed  # before the deadline, this ran for the whole minute


def _smartcq_pages(make: Callable[[int], dict[str, Any]]) -> Handler:
    count = [0]

    def handler(method: str, path: str, query: dict[str, str]) -> Answer:
        count[0] += 1
        return Answer(body=json.dumps(make(count[0])).encode())
    return handler


@pytest.mark.parametrize(("make", "what"), [
    (lambda n: {"data": [contact(n)], "next": "always-the-same"}, "sent before"),
    (lambda n: {"data": [contact(n, f"2026-01-01T00:00:{n:02d}.000Z")], "next": f"c{n}"}, "forward in time"),
    (lambda n: {"data": [], "next": f"empty-{n}"}, "empty pages in a row"),
])
def test_a_cursor_walk_that_does_not_move_on_stops(make: Callable[[int], dict[str, Any]], what: str) -> None:
    with Hostile(_smartcq_pages(make)) as h, pytest.raises(errors.ProtocolError, match=what):
        run(h, "smartcq", walk)
    assert h.requests <= 4


def _replicer(total: int, total_pages: int, filled_pages: int) -> Handler:
    def handler(method: str, path: str, query: dict[str, str]) -> Answer:
        page, limit = int(query.get("page", 1)), int(query.get("limit", 20))
        data = [contact(page * 1000 + i) for i in range(limit)] if page <= filled_pages else []
        return Answer(body=json.dumps({"data": data, "pagination": {
            "page": page, "limit": limit, "total": total, "totalPages": total_pages}}).encode())
    return handler


@pytest.mark.parametrize(("total", "pages", "filled", "what"), [
    (10**9 * 100, 10**9, 1, "more than Contact Desk can list"),
    (500, 10**9, 1, "does not match its total"),
    (100 * 100, 100, 2, "page 3 is empty"),
])
def test_a_page_walk_with_lying_totals_stops(total: int, pages: int, filled: int, what: str) -> None:
    with Hostile(_replicer(total, pages, filled)) as h, pytest.raises(errors.ProtocolError, match=what):
        run(h, "replicer", walk)
    assert h.requests <= 8  # the first page, and a bounded look-ahead


@pytest.mark.parametrize(("answer", "error"), [
    (Answer(body=b'{"data": [], "next": null, "x": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
     errors.ProtocolError),
    (Answer(body=b'{"data": [{"id": "a", "email": "\xff", "createdAt": "x"}], "next": null}'),
     errors.ProtocolError),
    (Answer(status=400, body=b'{"error": ' + b"[" * 5000 + b"]" * 5000 + b"}"), errors.ValidationFailed),
    (Answer(status=429, body=b"{}", headers={"retry-after": "\u00b2".encode().decode("latin-1")}),
     errors.RateLimited),
])
def test_unreadable_answers_are_typed_errors(answer: Answer, error: type[errors.ApiError]) -> None:
    with Hostile(fixed(answer)) as h, pytest.raises(error):
        run(h, "smartcq", walk)


def test_server_texts_lose_their_control_characters() -> None:
    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mNo scope\u202e\x00 here"
    body = json.dumps({"error": {"code": "forbidden\x1b[0m", "message": evil}}).encode()
    with Hostile(fixed(Answer(status=403, body=body, headers={"x-request-id": "req\x1b[2J1"}))) as h, \
            pytest.raises(errors.Forbidden) as caught:
        run(h, "smartcq", walk)
    text = f"{caught.value} {caught.value.code}"
    assert not any(ord(ch) < 32 or ch in "\x7f\u202e" for ch in text), repr(text)
    assert "No scope" in caught.value.message and caught.value.request_id == "req[2J1"


def test_a_compressed_error_answer_keeps_its_message_and_request_id() -> None:
    """Servers behind nginx or a CDN gzip their JSON errors too: the error is read from the
    inflated body (it was inflated twice, and became a network failure with no message)."""
    body = gzip.compress(json.dumps({"error": {"code": "forbidden", "message": "No scope here"}}).encode())
    with Hostile(fixed(Answer(status=403, body=body, headers={"content-encoding": "gzip",
                                                                "x-request-id": "req-77"}))) as h, \
            pytest.raises(errors.Forbidden) as caught:
        run(h, "smartcq", walk)
    assert caught.value.message == "No scope here" and caught.value.request_id == "req-77"
    assert caught.value.code == "forbidden"


def test_unknown_tag_parsing_is_linear() -> None:
    message = "Tag inesistente: " + "'" * 60_000 + "«" * 60_000
    response = httpx.Response(400, json={"error": {"code": "unknown_tag", "message": message}})
    result: list[errors.ApiError] = []
    worker = threading.Thread(target=lambda: result.append(error_from_response(response)), daemon=True)
    worker.start()
    worker.join(20)  # quadratic took 45-77 s of CPU; linear takes milliseconds
    assert result and isinstance(result[0], errors.UnknownTag)
    assert len(result[0].message) <= 2000
