"""Every error type, from a real sandbox answer; none leaks the key."""

from __future__ import annotations

import socket
import time
import uuid
from typing import Any

import httpx
import pytest

from contact_desk.api import Dialect, Query, RetryPolicy, errors
from contact_desk.api.transport import decoder
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import KEYS, run_with

ALL_KEYS = (*KEYS.values(), "demo-smartcq-readonly", "rpl_test_readonly", "wrong-key")


def raised(sb: Sandbox, dialect: str, fn: Any, **kw: Any) -> errors.ApiError:
    async def call(d: Dialect) -> None:
        await fn(d)
    with pytest.raises(errors.ApiError) as info:
        run_with(sb, dialect, call, **kw)
    exc = info.value
    text = f"{exc} {exc!r} {exc.args}"
    assert not any(k in text for k in ALL_KEYS), text
    return exc


def test_unauthorized(sandbox: Sandbox) -> None:
    exc = raised(sandbox, "smartcq", lambda d: d.get(str(uuid.uuid4())), key="wrong-key")
    assert isinstance(exc, errors.Unauthorized) and exc.status == 401 and exc.code == "unauthorized"
    assert exc.request_id and exc.request_id.startswith("req_")


def test_forbidden(sandbox: Sandbox) -> None:
    exc = raised(sandbox, "smartcq", lambda d: d.create({"email": "x@example.com"}),
                 key="demo-smartcq-readonly")
    assert isinstance(exc, errors.Forbidden) and "contacts:write" in exc.message


def test_not_found(sandbox: Sandbox) -> None:
    for dialect in ("smartcq", "replicer"):
        exc = raised(sandbox, dialect, lambda d: d.get("missing-id"))
        assert isinstance(exc, errors.NotFound) and exc.status == 404


def test_conflict_names_the_existing_contact(sandbox: Sandbox) -> None:
    email = f"dup.{uuid.uuid4().hex[:8]}@example.com"
    made = run_with(sandbox, "smartcq", lambda d: d.create({"email": email}))
    exc = raised(sandbox, "smartcq", lambda d: d.create({"email": email.upper()}))
    assert isinstance(exc, errors.Conflict)
    assert (exc.existing_id, exc.existing_status) == (made.id, "active")


def test_unknown_tag_names_the_field_and_the_tag(sandbox: Sandbox) -> None:
    exc = raised(sandbox, "smartcq", lambda d: d.create({"email": "t@example.com", "tags": ["vip", "nope"]}))
    assert isinstance(exc, errors.UnknownTag)
    assert exc.field == "tags" and exc.tag == "nope" and exc.code == "unknown_tag"


@pytest.mark.parametrize(("dialect", "call", "field"), [
    ("smartcq", lambda d, i: d.update(i, {"stage": "client"}), "stage"),
    ("smartcq", lambda d, i: d.update(i, {"emailStatus": "gone"}), "emailStatus"),
    ("replicer", lambda d, i: d.update(i, {"phoneNumber": "333 123"}), "phoneNumber"),
    ("replicer", lambda d, i: d.update(i, {"birthday": "31/12/1990"}), "birthday"),
])
def test_validation_names_the_field(sandbox: Sandbox, dialect: str, call: Any, field: str) -> None:
    async def first_id(d: Dialect) -> str:
        return (await d.list_page(Query(), None, 1)).items[0].id
    contact_id = run_with(sandbox, dialect, first_id)
    exc = raised(sandbox, dialect, lambda d: call(d, contact_id))
    assert isinstance(exc, errors.ValidationFailed) and exc.status == 400 and exc.field == field


def test_server_side_at_least_one_rule(sandbox: Sandbox) -> None:
    async def post(d: Dialect) -> None:
        await d.endpoint.call("POST", "/v1/contacts", decoder(dict), json={"jobTitle": "CTO"},
                              idempotent=False)
    exc = raised(sandbox, "replicer", post)
    assert isinstance(exc, errors.ValidationFailed) and exc.field is None and exc.request_id


def test_not_supported(faulty: Sandbox) -> None:
    faulty.faults = Faults(replicer_patch_status=501)
    exc = raised(faulty, "replicer", lambda d: d.update("any", {"firstName": "X"}))
    assert isinstance(exc, errors.NotSupported) and exc.status == 501


def test_rate_limited_after_the_retries(faulty: Sandbox) -> None:
    faulty.faults = Faults(rate_429=1.0, retry_after=0)
    exc = raised(faulty, "smartcq", lambda d: d.get("x"),
                 policy=RetryPolicy(max_attempts=3, base_delay=0.001))
    assert isinstance(exc, errors.RateLimited) and exc.retry_after == 0 and exc.request_id
    assert len(faulty.requests()) >= 3


def test_server_error_after_the_retries(faulty: Sandbox) -> None:
    faulty.faults = Faults(rate_503=1.0, retry_after=0)
    exc = raised(faulty, "replicer", lambda d: d.get("x"), policy=RetryPolicy(max_attempts=2))
    assert isinstance(exc, errors.ServerError) and exc.status == 503 and exc.request_id


def test_protocol_error_for_a_malformed_body(faulty: Sandbox) -> None:
    faulty.faults = Faults(malformed=1.0)
    exc = raised(faulty, "smartcq", lambda d: d.get("x"),
                 policy=RetryPolicy(max_attempts=2, base_delay=0.001))
    assert isinstance(exc, errors.ProtocolError) and exc.status == 200 and exc.request_id


def test_network_error_for_a_dropped_connection(faulty: Sandbox) -> None:
    faulty.faults = Faults(drop=1.0)
    exc = raised(faulty, "replicer", lambda d: d.get("x"),
                 policy=RetryPolicy(max_attempts=2, base_delay=0.001))
    assert isinstance(exc, errors.NetworkError)


def test_network_error_for_a_closed_port(sandbox: Sandbox) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    closed = type("Closed", (), {"base_url": f"http://127.0.0.1:{port}"})()
    exc = raised(closed, "smartcq", lambda d: d.get("x"),
                 policy=RetryPolicy(max_attempts=2, base_delay=0.001))
    assert isinstance(exc, errors.NetworkError) and "connect" in exc.message.lower()


def test_timeout(faulty: Sandbox) -> None:
    faulty.faults = Faults(latency_ms=400)
    exc = raised(faulty, "smartcq", lambda d: d.get("x"), policy=RetryPolicy(max_attempts=1),
                 timeout=httpx.Timeout(0.1))
    assert isinstance(exc, errors.RequestTimeout)
    # The server still answers the abandoned request 0.4 s later; let it land here, not in
    # the next test's request log.
    deadline = time.monotonic() + 10
    while not faulty.requests() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_client_side_checks_send_nothing(faulty: Sandbox) -> None:
    faulty.clear_requests()
    for dialect, call in [("replicer", lambda d: d.create({"jobTitle": "CTO"})),
                          ("smartcq", lambda d: d.create({"firstName": "no email"})),
                          ("smartcq", lambda d: d.update("x", {"tags": ["vip"]})),
                          ("smartcq", lambda d: d.list_page(Query(
                              search="mario")))]:
        exc = raised(faulty, dialect, call)
        assert isinstance(exc, errors.ValidationFailed | errors.ConfigurationError)
    assert faulty.requests() == []
