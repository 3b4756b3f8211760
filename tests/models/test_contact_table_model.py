"""The paging table model against the sandbox, with Qt's model tester."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.api.models import Contact
from contact_desk.models.contact_table import ContactRole, ContactTableModel
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import FAST, KEYS
from tests.conftest import client
from tests.sandbox.walk import replicer_walk, smartcq_walk
from tests.ui.conftest import Loop, until

KEEP: list[ContactTableModel] = []  # Qt's C++ model tester must never outlive a model


@contextlib.asynccontextmanager
async def table(page_size: int) -> AsyncIterator[tuple[httpx.AsyncClient, ContactTableModel]]:
    """A model and the shared client; the model's requests end before the client closes."""
    async with make_http_client() as http:
        model = ContactTableModel(page_size=page_size)
        KEEP.append(model)
        try:
            yield http, model
        finally:
            model.set_source(None)
            await model.tasks.drain()


def all_rows(model: ContactTableModel) -> list[Contact | None]:
    return [model.data(model.index(r, 0), ContactRole) for r in range(model.rowCount())]


def test_cursor_model_scrolls_every_contact_once(aloop: Loop, sandbox: Sandbox,
                                                 qtmodeltester: ModelTester) -> None:
    with client(sandbox, "demo-smartcq") as c:
        expected = [r["id"] for r in smartcq_walk(c, 200)]

    async def main() -> None:
        async with table(50) as (http, model):
            qtmodeltester.check(model)
            model.set_source(open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), sandbox.base_url,
                                          policy=FAST))
            await until(lambda: model.rowCount() >= 50, what="the first page")
            while model.canFetchMore(model.index(-1, -1)) or model.loading:
                if model.canFetchMore(model.index(-1, -1)):
                    model.fetchMore(model.index(-1, -1))
                    assert not model.canFetchMore(model.index(-1, -1))  # one page in flight at most
                # The tester calls fetchMore after each insert, so this may span the whole walk,
                # and its checks cost O(rows) a page: slow on a busy machine, hence the minute.
                await until(lambda: not model.loading, within=60, what="the walk under the tester")
            rows = all_rows(model)
            assert [c.id for c in rows if c] == expected
    aloop.run(main())


def test_page_model_knows_the_total_and_loads_only_what_is_asked(aloop: Loop, faulty: Sandbox) -> None:
    with client(faulty, "rpl_test_demo") as c:
        expected, total = replicer_walk(c, 100)

    async def main() -> None:
        async with table(20) as (http, model):
            faulty.clear_requests()
            model.set_source(open_dialect(http, "replicer", ApiKey(KEYS["replicer"]), faulty.base_url))
            await until(lambda: model.rowCount() == total, what="the total")
            last = model.index(total - 1, 0)
            assert model.data(last) == "…"  # a placeholder until its page arrives
            await until(lambda: model.data(last, ContactRole) is not None)
            assert model.data(last, ContactRole).id == expected[-1]["id"]
            pages = sorted(int(r.query.split("page=")[1].split("&")[0]) for r in faulty.requests())
            assert pages == [1, (total + 19) // 20]  # the first (for the total) and the last, nothing between
    aloop.run(main())


def test_stale_answers_never_reach_the_table(aloop: Loop, faulty: Sandbox) -> None:
    async def main() -> None:
        async with table(50) as (http, model):
            d = open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), faulty.base_url)
            faulty.faults = Faults(latency_ms=500)
            model.set_source(d, Query())
            await until(lambda: faulty.max_in_flight == 1, what="the slow request to arrive")
            faulty.faults = Faults()
            model.set_source(d, Query(email_status="bounced"))
            await until(lambda: model.rowCount() > 0, what="the filtered page")
            await until(lambda: any(r.query == "limit=50" for r in faulty.requests()), within=5,
                        what="the slow unfiltered answer to be sent")
            await asyncio.sleep(0.1)
            rows = all_rows(model)
            assert rows and all(c is not None and c.email_status == "bounced" for c in rows)
    aloop.run(main())


def test_page_model_passes_the_model_tester_while_loading(aloop: Loop, sandbox: Sandbox,
                                                         qtmodeltester: ModelTester) -> None:
    async def main() -> None:
        async with table(20) as (http, model):
            qtmodeltester.check(model)
            model.set_source(open_dialect(http, "replicer", ApiKey(KEYS["replicer"]), sandbox.base_url))
            await until(lambda: model.rowCount() > 0)
            for row in range(0, model.rowCount(), 97):
                model.data(model.index(row, 1))
            await until(lambda: not model.loading)
            model.set_source(open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), sandbox.base_url))
            # The tester itself calls fetchMore after every insert, so the walk goes on to the
            # end; its checks make each page O(rows), so wait for a few pages, not all of them.
            await until(lambda: model.rowCount() >= 60, what="three SmartCQ pages under the tester")
    aloop.run(main())


def test_the_headers_say_when_a_click_sorts_the_whole_list(aloop: Loop, sandbox: Sandbox) -> None:
    """The offline copy becoming complete (allow_sorting) changes every header's tooltip at once."""
    async def main() -> None:
        async with table(50) as (http, model):
            model.set_source(open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), sandbox.base_url,
                                          policy=FAST))
            assert model.source_kind is SourceKind.CURSOR
            tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert "server's order" in tip
            announced: list[tuple[int, int]] = []
            model.headerDataChanged.connect(lambda _o, first, last: announced.append((first, last)))
            model.allow_sorting(True)
            assert announced == [(0, model.columnCount() - 1)]
            tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert "sort the whole list" in tip
            model.allow_sorting(True)
            assert len(announced) == 1  # no change, no signal
    aloop.run(main())
