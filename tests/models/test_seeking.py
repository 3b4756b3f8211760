"""A contact not on a loaded page is found and its page loaded: in a server's list by walking its
pages in order (both paging kinds, over real HTTP), bounded, and said as not listed once the
whole list was walked; a list shown anew meanwhile (another query) stops the seek."""

from __future__ import annotations

import pytest

from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.seeking import seek
from contact_desk.sandbox import Sandbox
from tests.api.helpers import FAST, KEYS
from tests.conftest import client
from tests.sandbox.walk import replicer_walk, smartcq_walk
from tests.ui.conftest import Loop, until


def listed_ids(dialect: str, sandbox: Sandbox) -> list[str]:
    with client(sandbox, KEYS[dialect]) as c:
        rows = smartcq_walk(c, 100) if dialect == "smartcq" else replicer_walk(c, 100)[0]
    return [r["id"] for r in rows]


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_contact_far_down_a_server_list_is_reached_page_by_page(aloop: Loop, sandbox: Sandbox,
                                                                  dialect: str) -> None:
    ids = listed_ids(dialect, sandbox)
    wanted = ids[len(ids) - 5]  # on the last page

    async def main() -> None:
        async with make_http_client() as http:
            model = ContactTableModel(page_size=50)
            api = open_dialect(http, dialect, ApiKey(KEYS[dialect]), sandbox.base_url, policy=FAST)
            try:
                model.set_source(api, Query())
                assert model.row_of(wanted) is None
                found = await seek(model, wanted)
                assert found.row is not None and found.listed is True
                contact = model.contact(found.row)
                assert contact is not None and contact.id == wanted
                assert found.row == len(ids) - 5  # the row it has in the list
                missing = await seek(model, "no-such-contact")
                assert missing.row is None and missing.listed is False  # the whole list was walked
                assert missing.looked >= len(ids)
                short = await seek(model, "no-such-contact", max_rows=100)
                assert short.row is None and short.listed is None  # stopped at the bound: not known
            finally:
                model.set_source(None)
                await model.tasks.drain()

    aloop.run(main(), timeout=60)


def test_another_list_shown_meanwhile_stops_the_seek(aloop: Loop, sandbox: Sandbox) -> None:
    async def main() -> None:
        async with make_http_client() as http:
            model = ContactTableModel(page_size=20)
            api = open_dialect(http, "smartcq", ApiKey(KEYS["smartcq"]), sandbox.base_url, policy=FAST)
            try:
                model.set_source(api, Query())
                task = aloop.loop.create_task(seek(model, "no-such-contact"))
                await until(lambda: model.rowCount() > 0, what="the first page")
                model.set_source(api, Query(stage="lead"))  # the user chose a filter meanwhile
                found = await task
                assert found.row is None and found.listed is None
                assert found.looked < 600  # it did not walk the new list
            finally:
                model.set_source(None)
                await model.tasks.drain()

    aloop.run(main(), timeout=60)
