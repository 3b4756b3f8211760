"""A parallel cursor walk costs few requests more than the sequential one, whatever the shape of
an account's creation times (APIs meter requests): at most 1.2 times the sequential walk's pages
plus 12, counted by the server, faults aside; and every contact exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.api.walk import walk
from contact_desk.sandbox import Faults, Sandbox
from contact_desk.sandbox.build import build
from contact_desk.sandbox.shapes import SHAPES, reshape
from tests.api.helpers import FAST, KEYS

SIZES = (450, 2345, 20_000)


@pytest.fixture(scope="module", params=SIZES)
def built(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    folder = tmp_path_factory.mktemp(f"walk-{request.param}")
    build(folder, request.param, 1)
    yield request.param, folder


async def _listed(base: str, concurrency: int) -> list[str]:
    async with make_http_client() as http:
        api = open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), base, policy=FAST)
        ids: list[str] = []

        async def on_items(items: list) -> None:  # type: ignore[type-arg]
            ids.extend(c.id for c in items)
        await walk(api, Query(include_archived=True), on_items, concurrency=concurrency)
        return ids


def _answered(sb: Sandbox) -> int:
    return sum(1 for r in sb.requests() if r.path.endswith("/contacts") and r.status == 200)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_walk_costs_at_most_a_fifth_more_requests_than_page_after_page(
        built: tuple[int, Path], shape: str, tmp_path: Path) -> None:
    size, folder = built
    mine = tmp_path / "db"
    mine.mkdir()
    for f in folder.iterdir():
        (mine / f.name).write_bytes(f.read_bytes())
    reshape(mine / "smartcq.sqlite3", shape)
    faults = Faults(latency_ms=3, rate_503=0.05, retry_after=0)
    with Sandbox(contacts=size, db=mine, faults=faults) as sb:
        sequential = asyncio.run(_listed(sb.base_url, 1))
        pages = _answered(sb)
        sb.clear_requests()
        sb.reset_stats()
        parallel = asyncio.run(_listed(sb.base_url, 6))
        requests = _answered(sb)
        in_flight = sb.max_in_flight
    assert len(sequential) == size and sorted(parallel) == sorted(sequential)  # each once
    assert requests <= 1.2 * pages + 12, (shape, size, requests, pages)
    if size >= 20_000:  # where parallel requests pay for themselves, they are made
        assert in_flight >= 4, in_flight
