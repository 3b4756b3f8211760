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
