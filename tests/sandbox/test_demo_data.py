"""The generated demo data: deterministic, varied, realistic, reused from --db."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from contact_desk.sandbox import Sandbox
from contact_desk.sandbox.demo_data import ANCHOR_MS, DEMO_KEYS, demo_tenants, replicer_rows, smartcq_rows
from contact_desk.sandbox.rules import EMAIL_STATUSES, STAGES, valid_e164, valid_email
from tests.conftest import client
from tests.sandbox.walk import replicer_walk, smartcq_walk


def test_the_same_seed_gives_the_same_contacts() -> None:
    a = demo_tenants(300, 5)
    assert [list(smartcq_rows(t)) for t in a] == [list(smartcq_rows(t)) for t in demo_tenants(300, 5)]
    other = next(iter(smartcq_rows(demo_tenants(300, 6)[0])))
    assert next(iter(smartcq_rows(a[0]))) != other


def test_smartcq_data_covers_every_value(sandbox: Sandbox) -> None:
    with client(sandbox, "demo-smartcq") as c:
        rows = smartcq_walk(c, 200, includeArchived="true")
    assert {r["emailStatus"] for r in rows} == set(EMAIL_STATUSES)
    assert {r["stage"] for r in rows} == set(STAGES)
    assert any(r["archivedAt"] for r in rows) and any(r["tags"] for r in rows)
    assert all(valid_email(r["email"]) for r in rows)
    assert len({r["email"].lower() for r in rows}) == len(rows)
    names = " ".join(f"{r['firstName']} {r['lastName']}" for r in rows)
    assert "'" in names and re.search(r"[àèéìòùçäöüßøåłñ]", names)


def test_replicer_data_is_rich_and_valid(sandbox: Sandbox) -> None:
    with client(sandbox, "rpl_test_demo") as c:
        rows, _ = replicer_walk(c, 100)
    for field in ("company", "jobTitle", "street", "city", "website", "birthday", "notes", "phoneNumber"):
        assert sum(1 for r in rows if r[field]) > len(rows) // 10, field
    assert all(valid_e164(r["phoneNumber"]) for r in rows if r["phoneNumber"])
    assert {r["country"] for r in rows} >= {"IT", "DE", "FR"}


def test_timestamps_are_unique_and_in_the_past() -> None:
    tenant = demo_tenants(5000, 3)[0]
    created = [row[13] for chunk in smartcq_rows(tenant) for row in chunk]
    assert len(set(created)) == len(created) and max(created) < ANCHOR_MS  # type: ignore[type-var]
    assert [row[1] for chunk in replicer_rows(demo_tenants(50, 3)[2]) for row in chunk] == list(range(1, 51))


def test_every_demo_key_reaches_its_tenant(sandbox: Sandbox) -> None:
    for key in DEMO_KEYS:
        path = "/v1/contacts" if key.key.startswith("rpl_") else "/api/v1/contacts"
        assert httpx.get(f"{sandbox.base_url}{path}",
                         headers={"Authorization": f"Bearer {key.key}"}).status_code == 200


def test_a_db_folder_is_reused_when_size_and_seed_match(tmp_path: Path) -> None:
    with Sandbox(contacts=200, seed=2, db=tmp_path) as sb:
        created = httpx.post(f"{sb.base_url}/api/v1/contacts", json={"email": "kept@example.com"},
                             headers={"Authorization": "Bearer demo-smartcq"})
        assert created.status_code == 201
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.sqlite3")}
    assert len(stamps) == 3
    with Sandbox(contacts=200, seed=2, db=tmp_path) as sb:
        r = httpx.get(f"{sb.base_url}/api/v1/contacts/{created.json()['id']}",
                      headers={"Authorization": "Bearer demo-smartcq"})
        assert r.status_code == 200  # the same database, with what was written to it
    with Sandbox(contacts=100, seed=2, db=tmp_path) as sb:  # another size: rebuilt
        total = httpx.get(f"{sb.base_url}/v1/contacts", headers={"Authorization": "Bearer rpl_test_demo"})
        assert total.json()["pagination"]["total"] == 100
