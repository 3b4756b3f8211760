"""A server that gzips every answer, errors too (nginx, a CDN): the sandbox with ``compress``,
over real HTTP. Every walk, write and error reads as from a plain server; the errors keep their
message, field and request id (they were inflated twice and became a DecodingError)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest

from contact_desk.api import Dialect, Query, errors
from contact_desk.sandbox import Sandbox
from tests.api.helpers import KEYS, run_with
from tests.api.listing import iter_all
from tests.api.test_errors import raised


@pytest.fixture(scope="module")
def gzipping() -> Iterator[Sandbox]:
    with Sandbox(contacts=300, seed=5, compress=True) as sb:
        yield sb


async def _ids(d: Dialect) -> list[str]:
    return [c.id async for c in iter_all(d, Query())]


def test_the_server_really_compresses_and_every_page_reads_the_same(gzipping: Sandbox) -> None:
    answer = httpx.get(f"{gzipping.base_url}/api/v1/contacts", params={"limit": 50},
                       headers={"Authorization": f"Bearer {KEYS['smartcq']}", "Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    with Sandbox(contacts=300, seed=5) as plain:
        for dialect in ("smartcq", "replicer"):
            got = run_with(gzipping, dialect, _ids)
            assert len(got) > 250 and got == run_with(plain, dialect, _ids)  # SmartCQ hides the archived


def test_a_compressed_conflict_names_the_existing_contact(gzipping: Sandbox) -> None:
    email = f"dup.{uuid.uuid4().hex[:8]}@example.com"
    made = run_with(gzipping, "smartcq", lambda d: d.create({"email": email}))
    exc = raised(gzipping, "smartcq", lambda d: d.create({"email": email.upper()}))
    assert isinstance(exc, errors.Conflict) and exc.existing_id == made.id
    assert exc.request_id and exc.request_id.startswith("req_")


def test_compressed_field_errors_keep_their_field(gzipping: Sandbox) -> None:
    exc = raised(gzipping, "smartcq", lambda d: d.create({"email": "t@example.com", "tags": ["vip", "nope"]}))
    assert isinstance(exc, errors.UnknownTag) and exc.tag == "nope"
    ids = run_with(gzipping, "replicer", _ids)
    exc = raised(gzipping, "replicer", lambda d: d.update(ids[0], {"birthday": "31/12/1990"}))
    assert isinstance(exc, errors.ValidationFailed) and exc.field == "birthday"
    exc = raised(gzipping, "smartcq", lambda d: d.get("missing-id"))
    assert isinstance(exc, errors.NotFound)
