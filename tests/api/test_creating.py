"""Creating exactly once when answers are lost (issue 9, point 1), over real HTTP."""

from __future__ import annotations

import uuid

import pytest

from contact_desk.api import Dialect, errors
from contact_desk.api.creating import Creation
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import run_with
from tests.conftest import client


def count(sb: Sandbox, dialect: str, marker: str) -> int:
    if dialect == "replicer":
        with client(sb, "rpl_test_demo") as c:
            return int(c.get("/v1/contacts", params={"search": marker}).json()["pagination"]["total"])
    with client(sb, "demo-smartcq") as c:
        rows = c.get("/api/v1/contacts", params={"limit": 200}).json()["data"]
        return sum(marker in r["email"] for r in rows)


@pytest.mark.parametrize("dialect", ["replicer", "smartcq"])
def test_sixty_creates_with_a_third_of_answers_lost_make_sixty(faulty: Sandbox, dialect: str) -> None:
    marker = f"m{uuid.uuid4().hex[:10]}"
    faulty.faults = Faults(drop=0.3)

    async def create_all(d: Dialect) -> list[str]:
        ids = []
        for i in range(60):
            values = {"email": f"{marker}.{i}@example.com", "firstName": f"N{i}"}
            ids.append((await Creation(d).create(values)).id)
        return ids

    ids = run_with(faulty, dialect, create_all)
    faulty.faults = Faults()
    drops = sum(1 for q in faulty.requests() if q.method == "POST" and q.status == 200)
    assert len(set(ids)) == 60
    assert count(faulty, dialect, marker) == 60  # none twice, none missing
    assert drops >= 5, drops  # answers really were lost on the way


def test_retry_after_an_unknown_outcome_looks_first(faulty: Sandbox) -> None:
    values = {"email": f"retry.{uuid.uuid4().hex[:8]}@example.com", "lastName": "Retry"}

    async def twice(d: Dialect) -> str:
        creation = Creation(d)
        faulty.inject("drop", *([503] * 12))  # lost, and the lookup cannot be made either
        with pytest.raises(errors.OutcomeUnknown):
            await creation.create(values)
        faulty.clear_requests()
        made = await creation.create(values)  # the user's Retry
        assert [q.method for q in faulty.requests()] == ["GET"]  # found: nothing sent again
        return made.id

    run_with(faulty, "replicer", twice)
    assert count(faulty, "replicer", values["email"]) == 1


def test_a_lost_create_is_found_by_search_however_many_contacts_came_since(faulty: Sandbox) -> None:
    """Issue 34, point 15: the newest-contacts lookup missed a contact a lost try had made once
    more than 50 others were made in between, and the row ended "could not find it"."""
    import asyncio
    import time

    values = {"email": f"lost.{uuid.uuid4().hex[:8]}@example.com", "firstName": "Ǽgean",
              "lastName": "ĽdaMonté"}

    async def go(d: Dialect) -> tuple[str, str]:
        creation = Creation(d)
        creation.started, creation.maybe_sent = time.time() - 1, True  # a try went, its answer was lost
        made = await d.create(values)  # what that try did on the server
        await asyncio.gather(*(d.create({"email": f"other.{uuid.uuid4().hex[:8]}@example.com"})
                               for _ in range(60)))  # others' contacts, newer than ours
        faulty.clear_requests()
        found = await creation.create(values)
        assert not [q for q in faulty.requests() if q.method == "POST"]  # found, not sent again
        return made.id, found.id

    made, found = run_with(faulty, "replicer", go)
    assert made == found and count(faulty, "replicer", values["email"]) == 1
