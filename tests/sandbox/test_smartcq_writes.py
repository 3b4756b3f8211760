"""SmartCQ GET by id, POST, PATCH, and keys/scopes."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from contact_desk.sandbox import Sandbox
from tests.conftest import client


def unique_email(prefix: str = "test") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}@example.com"


def first_contact(c: httpx.Client, **params: Any) -> dict[str, Any]:
    data: list[dict[str, Any]] = c.get("/api/v1/contacts", params={"limit": 1, **params}).json()["data"]
    return data[0]


def test_get_by_id_returns_the_listed_contact(scq: httpx.Client) -> None:
    listed = first_contact(scq)
    r = scq.get(f"/api/v1/contacts/{listed['id']}")
    assert r.status_code == 200
    assert r.json() == listed


def test_unknown_id_is_404(scq: httpx.Client) -> None:
    r = scq.get(f"/api/v1/contacts/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_another_tenants_contact_is_404_for_get_and_patch(sandbox: Sandbox, scq: httpx.Client) -> None:
    with client(sandbox, "demo-smartcq-other") as other:
        theirs = first_contact(other)
        assert other.get(f"/api/v1/contacts/{theirs['id']}").status_code == 200
    assert scq.get(f"/api/v1/contacts/{theirs['id']}").status_code == 404
    r = scq.patch(f"/api/v1/contacts/{theirs['id']}", json={"stage": "customer"})
    assert r.status_code == 404
    assert "customer" not in r.text


def test_create_returns_the_contact_and_lists_it_first(scq: httpx.Client) -> None:
    email = unique_email("Created")
    r = scq.post("/api/v1/contacts", json={"email": email, "firstName": "Nicolò", "lastName": "D'Angelo",
                                           "consentType": "contract", "tags": ["vip", "milano"]})
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["email"] == email and made["firstName"] == "Nicolò" and made["lastName"] == "D'Angelo"
    assert made["tags"] == ["vip", "milano"] and made["consentType"] == "contract"
    assert made["archivedAt"] is None and made["createdAt"] == made["updatedAt"]
    assert first_contact(scq) == made
    assert scq.get(f"/api/v1/contacts/{made['id']}").json() == made


def test_created_contacts_get_unique_increasing_timestamps(scq: httpx.Client) -> None:
    stamps = [scq.post("/api/v1/contacts", json={"email": unique_email()}).json()["createdAt"]
              for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5


@pytest.mark.parametrize("body", [
    {}, {"email": ""}, {"email": "not-an-email"}, {"email": "a@b"}, {"email": 42},
    {"email": "ok@example.com", "firstName": 3}, {"email": "ok@example.com", "tags": "vip"},
    {"email": "ok@example.com", "emailStatus": "active"}, ["email"],
])
def test_malformed_create_bodies_are_400(scq: httpx.Client, body: Any) -> None:
    r = scq.post("/api/v1/contacts", json=body)
    assert r.status_code == 400
    assert r.json()["error"]["code"] in {"validation_error", "bad_request"}
    assert r.json()["error"]["message"]


def test_non_json_body_is_400(scq: httpx.Client) -> None:
    r = scq.post("/api/v1/contacts", content=b"email=x@example.com",
                 headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bad_request"


def test_duplicate_email_is_409_case_insensitively(scq: httpx.Client) -> None:
    email = unique_email("mario")
    made = scq.post("/api/v1/contacts", json={"email": email}).json()
    r = scq.post("/api/v1/contacts", json={"email": email.upper(), "firstName": "Other"})
    assert r.status_code == 409
    error = r.json()["error"]
    assert error["code"] == "conflict"
    assert error["existing"] == {"id": made["id"], "status": "active"}


def test_conflict_with_an_archived_contact_says_archived(scq: httpx.Client) -> None:
    archived = next(c for c in scq.get("/api/v1/contacts", params={"limit": 200, "includeArchived": "true"})
                    .json()["data"] if c["archivedAt"])
    r = scq.post("/api/v1/contacts", json={"email": archived["email"]})
    assert r.status_code == 409
    assert r.json()["error"]["existing"] == {"id": archived["id"], "status": "archived"}


def test_same_email_in_another_tenant_is_no_conflict(sandbox: Sandbox, scq: httpx.Client) -> None:
    email = unique_email("shared")
    assert scq.post("/api/v1/contacts", json={"email": email}).status_code == 201
    with client(sandbox, "demo-smartcq-other") as other:
        assert other.post("/api/v1/contacts", json={"email": email}).status_code == 201


def test_unknown_tag_is_400_and_creates_nothing(scq: httpx.Client) -> None:
    email = unique_email()
    r = scq.post("/api/v1/contacts", json={"email": email, "tags": ["vip", "clienti-2030"]})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "unknown_tag"
    assert "clienti-2030" in r.json()["error"]["message"]
    assert scq.post("/api/v1/contacts", json={"email": email}).status_code == 201


def test_tags_exist_per_tenant(sandbox: Sandbox) -> None:
    with client(sandbox, "demo-smartcq-other") as other:
        r = other.post("/api/v1/contacts", json={"email": unique_email(), "tags": ["vip"]})
        assert r.json()["error"]["code"] == "unknown_tag"
        ok = other.post("/api/v1/contacts", json={"email": unique_email(), "tags": ["berlin"]})
        assert ok.status_code == 201


def test_patch_changes_only_the_given_fields(scq: httpx.Client) -> None:
    made = scq.post("/api/v1/contacts", json={"email": unique_email(), "firstName": "Anna",
                                              "lastName": "Bianchi", "tags": ["b2b"]}).json()
    r = scq.patch(f"/api/v1/contacts/{made['id']}", json={"stage": "customer", "lastName": "Dell'Orto"})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["stage"] == "customer" and after["lastName"] == "Dell'Orto"
    unchanged = {k: v for k, v in made.items() if k not in {"stage", "lastName", "updatedAt"}}
    assert {k: after[k] for k in unchanged} == unchanged
    assert after["updatedAt"] >= made["updatedAt"]
    assert scq.get(f"/api/v1/contacts/{made['id']}").json() == after


def test_patch_with_nothing_changes_nothing(scq: httpx.Client) -> None:
    contact = first_contact(scq)
    r = scq.patch(f"/api/v1/contacts/{contact['id']}", json={})
    assert r.status_code == 200 and r.json() == contact


@pytest.mark.parametrize(("body", "field"), [
    ({"stage": "client"}, "stage"), ({"emailStatus": "gone"}, "emailStatus"),
    ({"emailStatus": None}, "emailStatus"), ({"email": "x@example.com"}, "email"),
    ({"tags": ["vip"]}, "tags"), ({"firstName": 5}, "firstName"),
])
def test_bad_patches_are_400_naming_the_field(scq: httpx.Client, body: dict[str, Any], field: str) -> None:
    contact = first_contact(scq)
    r = scq.patch(f"/api/v1/contacts/{contact['id']}", json=body)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == field
    assert field in r.json()["error"]["message"]
    assert scq.get(f"/api/v1/contacts/{contact['id']}").json() == contact


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic demo-smartcq",
                                    "Bearer rpl_test_demo"])
def test_missing_or_wrong_keys_are_401(sandbox: Sandbox, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = httpx.get(f"{sandbox.base_url}/api/v1/contacts", headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"


def test_read_only_key_reads_but_cannot_write(sandbox: Sandbox) -> None:
    with client(sandbox, "demo-smartcq-readonly") as ro:
        contact = first_contact(ro)
        assert ro.get(f"/api/v1/contacts/{contact['id']}").status_code == 200
        for r in (ro.post("/api/v1/contacts", json={"email": unique_email()}),
                  ro.patch(f"/api/v1/contacts/{contact['id']}", json={"stage": "lead"})):
            assert r.status_code == 403
            assert r.json()["error"]["code"] == "forbidden"
            assert "contacts:write" in r.json()["error"]["message"]
