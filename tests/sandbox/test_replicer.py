"""Replicer: page/limit listing with totals, search, create, GET/PATCH by id, keys."""

from __future__ import annotations

import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from contact_desk.sandbox import Faults, Sandbox
from contact_desk.sandbox.store import search_terms
from tests.conftest import client
from tests.sandbox.walk import replicer_walk

FIELDS = {"id", "firstName", "lastName", "company", "jobTitle", "phoneNumber", "email", "street", "city",
          "state", "postalCode", "country", "website", "birthday", "notes", "createdAt", "updatedAt"}
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def test_first_page_has_the_documented_shape(rpl: httpx.Client) -> None:
    r = rpl.get("/v1/contacts")
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"data", "pagination", "requestId"}
    assert body["requestId"] == r.headers["x-request-id"]
    p = body["pagination"]
    assert p["page"] == 1 and p["limit"] == 20 and len(body["data"]) == 20
    assert p["totalPages"] == (p["total"] + 19) // 20
    for contact in body["data"]:
        assert set(contact) == FIELDS
        assert contact["phoneNumber"] is None or E164.match(contact["phoneNumber"])


@pytest.mark.parametrize(("name", "value"), [("limit", "101"), ("limit", "0"), ("page", "0"),
                                             ("page", "x")])
def test_bad_page_or_limit_is_400(rpl: httpx.Client, name: str, value: str) -> None:
    r = rpl.get("/v1/contacts", params={name: value})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "validation_error"
    assert r.json()["requestId"]


@pytest.mark.parametrize("limit", [7, 20, 100])
def test_page_walk_yields_every_contact_exactly_once(rpl: httpx.Client, limit: int) -> None:
    rows, total = replicer_walk(rpl, limit)
    ids = [c["id"] for c in rows]
    assert len(ids) == total == len(set(ids))
    created = [c["createdAt"] for c in rows]
    assert created == sorted(created, reverse=True)


def test_a_page_past_the_end_is_empty_with_totals(rpl: httpx.Client) -> None:
    total = rpl.get("/v1/contacts").json()["pagination"]["total"]
    r = rpl.get("/v1/contacts", params={"page": total + 5, "limit": 100}).json()
    assert r["data"] == [] and r["pagination"]["total"] == total


def _matches(contact: dict[str, Any], query: str) -> bool:
    name = " ".join(p for p in (contact["firstName"], contact["lastName"]) if p)
    hay = " ".join(v or "" for v in (name, contact["email"], contact["phoneNumber"], contact["company"]))
    return all(term in hay.lower() for term in search_terms(query))


@pytest.mark.parametrize("query", ["ross", "ROSSI", "nicolò", "dell'", "example.it", "+39 3", "acme s",
                                   "mario rossi", "a", "zz", "srl", "\"quoted", "100%"])
def test_search_finds_exactly_what_a_full_scan_finds(rpl: httpx.Client, query: str) -> None:
    everything, _ = replicer_walk(rpl, 100)
    expected = [c["id"] for c in everything if _matches(c, query)]
    found, total = replicer_walk(rpl, 100, search=query)
    assert [c["id"] for c in found] == expected
    assert total == len(expected)


def test_search_is_case_insensitive(rpl: httpx.Client) -> None:
    lower = rpl.get("/v1/contacts", params={"search": "bianchi", "limit": 100}).json()
    upper = rpl.get("/v1/contacts", params={"search": "BIANCHI", "limit": 100}).json()
    assert lower["pagination"]["total"] > 0
    assert lower["data"] == upper["data"]


def test_create_wraps_the_contact_and_lists_it_first(rpl: httpx.Client) -> None:
    before = rpl.get("/v1/contacts").json()["pagination"]["total"]
    r = rpl.post("/v1/contacts", json={"firstName": "Laura", "lastName": "Bianchi", "company": "Zèta Srl",
                                       "phoneNumber": "+391555123456", "birthday": "1990-03-15",
                                       "country": "it", "website": "https://zeta.example"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) == {"data", "requestId"}
    made = body["data"]
    assert set(made) == FIELDS
    assert made["birthday"] == "1990-03-15T00:00:00Z" and made["country"] == "IT"
    assert made["jobTitle"] is None and made["notes"] is None
    page = rpl.get("/v1/contacts").json()
    assert page["pagination"]["total"] == before + 1
    assert page["data"][0] == made
    found = rpl.get("/v1/contacts", params={"search": "zèta"}).json()["data"]
    assert [c["id"] for c in found] == [made["id"]]


@pytest.mark.parametrize(("body", "field"), [
    ({}, None), ({"jobTitle": "CTO", "notes": "only these"}, None), ({"firstName": "  "}, None),
    ({"firstName": "A", "phoneNumber": "3331234567"}, "phoneNumber"),
    ({"firstName": "A", "phoneNumber": "+39 333 1234567"}, "phoneNumber"),
    ({"firstName": "A", "email": "nope"}, "email"),
    ({"firstName": "A", "birthday": "15/03/1990"}, "birthday"),
    ({"firstName": "A", "birthday": "1990-02-30"}, "birthday"),
    ({"firstName": "A", "country": "Italy"}, "country"),
    ({"firstName": "A", "website": "zeta"}, "website"),
    ({"firstName": "A", "tags": ["x"]}, "tags"),
    ({"firstName": 1}, "firstName"),
])
def test_invalid_creates_are_400(rpl: httpx.Client, body: dict[str, Any], field: str | None) -> None:
    r = rpl.post("/v1/contacts", json=body)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error"
    assert r.json()["requestId"]
    if field is None:
        assert "at least one" in error["message"].lower()
    else:
        assert error["field"] == field and field in error["message"]


def test_get_and_patch_by_id(rpl: httpx.Client) -> None:
    made = rpl.post("/v1/contacts", json={"firstName": "Gioele", "lastName": "Quaglierini",
                                          "email": "gioele@example.it"}).json()["data"]
    got = rpl.get(f"/v1/contacts/{made['id']}")
    assert got.status_code == 200 and got.json()["data"] == made and got.json()["requestId"]
    r = rpl.patch(f"/v1/contacts/{made['id']}", json={"lastName": "Zanfagnini", "city": "Forlì"})
    assert r.status_code == 200, r.text
    after = r.json()["data"]
    assert after["lastName"] == "Zanfagnini" and after["city"] == "Forlì"
    assert after["firstName"] == "Gioele" and after["email"] == "gioele@example.it"
    # the search index follows the edit
    assert rpl.get("/v1/contacts", params={"search": "quaglierini"}).json()["pagination"]["total"] == 0
    hits = rpl.get("/v1/contacts", params={"search": "zanfagnini"}).json()["data"]
    assert [c["id"] for c in hits] == [made["id"]]


def test_patch_may_not_empty_every_identifying_field(rpl: httpx.Client) -> None:
    made = rpl.post("/v1/contacts", json={"company": "Solo Srl"}).json()["data"]
    r = rpl.patch(f"/v1/contacts/{made['id']}", json={"company": None})
    assert r.status_code == 400
    assert rpl.get(f"/v1/contacts/{made['id']}").json()["data"]["company"] == "Solo Srl"


def test_unknown_or_foreign_ids_are_404(rpl: httpx.Client) -> None:
    for r in (rpl.get(f"/v1/contacts/c{uuid.uuid4().hex}"),
              rpl.patch(f"/v1/contacts/c{uuid.uuid4().hex}", json={"firstName": "X"})):
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found" and r.json()["requestId"]


def test_a_server_without_editing_answers_405(faulty: Sandbox, rpl: httpx.Client) -> None:
    contact = rpl.get("/v1/contacts", params={"limit": 1}).json()["data"][0]
    faulty.faults = Faults(replicer_patch_status=405)
    r = rpl.patch(f"/v1/contacts/{contact['id']}", json={"firstName": "X"})
    assert r.status_code == 405
    assert rpl.get(f"/v1/contacts/{contact['id']}").json()["data"] == contact


def test_keys_and_scopes(sandbox: Sandbox) -> None:
    for key in (None, "nope", "demo-smartcq"):
        with client(sandbox, key) as c:
            r = c.get("/v1/contacts")
            assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
            assert r.json()["requestId"]
    with client(sandbox, "rpl_test_readonly") as ro:
        assert ro.get("/v1/contacts").status_code == 200
        r = ro.post("/v1/contacts", json={"firstName": "X"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_a_burst_of_creates_never_ties_on_creation_time(rpl: httpx.Client) -> None:
    """Creation times are unique to the millisecond (as SmartCQ's): the listing's order and the
    creation times agree, so a client ordering by creation time (the offline copy) agrees too."""
    tag = time.time_ns()

    def make(i: int) -> str:
        body = {"firstName": f"Raffica{i}", "email": f"raffica{i}.{tag}@example.it"}
        r = rpl.post("/v1/contacts", json=body)
        assert r.status_code == 201, r.text
        return str(r.json()["data"]["id"])

    with ThreadPoolExecutor(8) as pool:  # as an import sends them: several at once
        made = set(pool.map(make, range(40)))
    first = rpl.get("/v1/contacts", params={"page": 1, "limit": 40}).json()["data"]
    assert {c["id"] for c in first} == made
    stamps = [c["createdAt"] for c in first]
    assert stamps == sorted(set(stamps), reverse=True)  # newest first, no two alike
