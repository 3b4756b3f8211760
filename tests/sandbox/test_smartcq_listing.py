"""SmartCQ GET /api/v1/contacts: shape, limits, order, filters, cursor walks."""

from __future__ import annotations

import re

import httpx
import pytest

from contact_desk.sandbox import Sandbox
from tests.conftest import CONTACTS
from tests.sandbox.walk import smartcq_walk

FIELDS = {"id", "email", "firstName", "lastName", "emailStatus", "stage", "source", "consentType",
          "tags", "archivedAt", "acquiredAt", "createdAt", "updatedAt"}
ISO_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
STATUSES = ("active", "unsubscribed", "bounced", "complained", "suppressed", "pending_review")
STAGES = ("lead", "prospect", "customer", "ex_customer")


def test_first_page_has_the_documented_shape(scq: httpx.Client) -> None:
    r = scq.get("/api/v1/contacts")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-request-id"].startswith("req_")
    body = r.json()
    assert set(body) == {"data", "next"}
    assert len(body["data"]) == 50  # the documented default
    for contact in body["data"]:
        assert set(contact) == FIELDS
        assert ISO_MS.match(contact["createdAt"])
        assert contact["archivedAt"] is None  # archived contacts are hidden by default
        assert isinstance(contact["tags"], list)
    assert body["next"] == body["data"][-1]["createdAt"]


@pytest.mark.parametrize("limit", ["0", "201", "-1", "ten", "1.5"])
def test_limit_outside_1_to_200_is_a_400(scq: httpx.Client, limit: str) -> None:
    r = scq.get("/api/v1/contacts", params={"limit": limit})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "validation_error"
    assert "limit" in r.json()["error"]["message"]


@pytest.mark.parametrize("limit", [1, 200])
def test_limit_bounds_are_accepted(scq: httpx.Client, limit: int) -> None:
    r = scq.get("/api/v1/contacts", params={"limit": limit})
    assert r.status_code == 200
    assert len(r.json()["data"]) == limit


@pytest.mark.parametrize(("name", "value"), [("emailStatus", "happy"), ("stage", "LEAD"),
                                             ("includeArchived", "maybe"), ("cursor", "yesterday")])
def test_bad_filter_values_are_400(scq: httpx.Client, name: str, value: str) -> None:
    r = scq.get("/api/v1/contacts", params={name: value})
    assert r.status_code == 400
    assert r.json()["error"]["code"] in {"validation_error", "invalid_cursor"}


def test_newest_first_and_strictly_older_than_the_cursor(scq: httpx.Client) -> None:
    first = scq.get("/api/v1/contacts", params={"limit": 20}).json()
    created = [c["createdAt"] for c in first["data"]]
    assert created == sorted(created, reverse=True)
    assert len(set(created)) == len(created)
    second = scq.get("/api/v1/contacts", params={"limit": 20, "cursor": first["next"]}).json()
    assert all(c["createdAt"] < first["next"] for c in second["data"])


@pytest.mark.parametrize("limit", [7, 50, 200])
def test_cursor_walk_yields_every_contact_exactly_once(sandbox: Sandbox, scq: httpx.Client,
                                                       limit: int) -> None:
    everything = smartcq_walk(scq, limit, includeArchived="true")
    ids = [c["id"] for c in everything]
    assert len(ids) == len(set(ids))
    assert len(ids) >= CONTACTS  # tests that create contacts only add
    visible = smartcq_walk(scq, limit)
    archived = {c["id"] for c in everything if c["archivedAt"] is not None}
    assert archived, "the demo data has archived contacts"
    assert {c["id"] for c in visible} == set(ids) - archived


def test_filtered_walks_partition_the_tenant(scq: httpx.Client) -> None:
    everything = {c["id"] for c in smartcq_walk(scq, 200, includeArchived="true")}
    union: set[str] = set()
    for status in STATUSES:
        part = smartcq_walk(scq, 37, emailStatus=status, includeArchived="true")
        assert part, f"the demo data has {status} contacts"
        assert all(c["emailStatus"] == status for c in part)
        ids = {c["id"] for c in part}
        assert not ids & union and len(ids) == len(part)
        union |= ids
    assert union == everything


def test_stage_and_status_filters_combine(scq: httpx.Client) -> None:
    for stage in STAGES:
        rows = smartcq_walk(scq, 13, stage=stage, emailStatus="active")
        assert rows, f"active {stage} contacts exist"
        assert all(c["stage"] == stage and c["emailStatus"] == "active" for c in rows)
        assert all(c["archivedAt"] is None for c in rows)


def test_the_cursor_is_passed_back_as_received(scq: httpx.Client) -> None:
    """A cursor with an offset instead of Z names the same instant."""
    first = scq.get("/api/v1/contacts", params={"limit": 5}).json()
    same = first["next"].replace("Z", "+00:00")
    a = scq.get("/api/v1/contacts", params={"limit": 5, "cursor": first["next"]}).json()
    b = scq.get("/api/v1/contacts", params={"limit": 5, "cursor": same}).json()
    assert a["data"] == b["data"]
