"""Fault injection: latency, 429/503 with Retry-After, malformed bodies, dropped connections."""

from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest

from contact_desk.sandbox import Faults, Sandbox


def test_faults_are_off_by_default(scq: httpx.Client) -> None:
    assert all(scq.get("/api/v1/contacts", params={"limit": 1}).status_code == 200 for _ in range(50))


def test_latency_delays_api_calls_but_not_health(faulty: Sandbox, scq: httpx.Client) -> None:
    faulty.faults = Faults(latency_ms=300)
    started = time.perf_counter()
    assert scq.get("/api/v1/contacts", params={"limit": 1}).status_code == 200
    assert time.perf_counter() - started >= 0.3
    started = time.perf_counter()
    assert scq.get("/healthz").status_code == 200
    assert time.perf_counter() - started < 0.3


@pytest.mark.parametrize(("status", "faults"), [(429, Faults(rate_429=1.0, retry_after=7)),
                                                (503, Faults(rate_503=1.0, retry_after=7))])
def test_refusals_carry_retry_after_and_a_request_id(faulty: Sandbox, scq: httpx.Client, status: int,
                                                     faults: Faults) -> None:
    faulty.faults = faults
    r = scq.get("/api/v1/contacts")
    assert r.status_code == status
    assert r.headers["retry-after"] == "7"
    assert r.json()["requestId"] == r.headers["x-request-id"]
    assert r.json()["error"]["code"] in {"rate_limited", "unavailable"}
    assert scq.get("/healthz").status_code == 200


def test_refused_writes_do_not_happen(faulty: Sandbox, scq: httpx.Client) -> None:
    email = f"refused.{uuid.uuid4().hex[:8]}@example.com"
    faulty.faults = Faults(rate_503=1.0)
    assert scq.post("/api/v1/contacts", json={"email": email}).status_code == 503
    faulty.faults = Faults()
    assert scq.post("/api/v1/contacts", json={"email": email}).status_code == 201


def test_malformed_bodies_are_not_json(faulty: Sandbox, rpl: httpx.Client) -> None:
    faulty.faults = Faults(malformed=1.0)
    r = rpl.get("/v1/contacts")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        r.json()


def test_dropped_connections_cut_the_answer(faulty: Sandbox, rpl: httpx.Client) -> None:
    faulty.faults = Faults(drop=1.0)
    with pytest.raises(httpx.TransportError):
        rpl.get("/v1/contacts")
    faulty.faults = Faults()
    assert rpl.get("/v1/contacts").status_code == 200  # the server itself is fine


def test_a_dropped_create_happened_and_the_retry_recognises_it(faulty: Sandbox, scq: httpx.Client) -> None:
    """The lost answer SmartCQ's idempotency note is about: the retry gets a 409 naming the first try."""
    email = f"lost.{uuid.uuid4().hex[:8]}@example.com"
    faulty.faults = Faults(drop=1.0)
    with pytest.raises(httpx.TransportError):
        scq.post("/api/v1/contacts", json={"email": email})
    faulty.faults = Faults()
    retry = scq.post("/api/v1/contacts", json={"email": email})
    assert retry.status_code == 409
    existing = retry.json()["error"]["existing"]
    assert scq.get(f"/api/v1/contacts/{existing['id']}").json()["email"] == email


def test_fractions_apply_to_about_that_share(faulty: Sandbox, scq: httpx.Client) -> None:
    faulty.faults = Faults(rate_429=0.3, rate_503=0.2)
    statuses = [scq.get("/api/v1/contacts", params={"limit": 1}).status_code for _ in range(400)]
    assert 80 <= statuses.count(429) <= 160
    assert 45 <= statuses.count(503) <= 115
    assert statuses.count(200) == 400 - statuses.count(429) - statuses.count(503)


def test_requests_are_recorded_without_the_key(faulty: Sandbox, scq: httpx.Client) -> None:
    faulty.clear_requests()
    scq.patch(f"/api/v1/contacts/{uuid.uuid4()}", json={"stage": "lead"})
    [seen] = faulty.requests()
    assert (seen.method, seen.path, seen.status) == ("PATCH", seen.path, 404)
    assert json.loads(seen.body) == {"stage": "lead"}
    assert "demo-smartcq" not in repr(seen)


@pytest.mark.parametrize("bad", [{"drop": 1.5}, {"rate_429": -0.1}, {"latency_ms": -1},
                                 {"replicer_patch_status": 404}])
def test_fault_settings_are_checked(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Faults(**bad)  # type: ignore[arg-type]
