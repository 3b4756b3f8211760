"""Hostile requests get a 4xx with a JSON error body, never a 500 or a traceback
(issue 9, point 11), and write nothing."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from contact_desk.sandbox import Sandbox

DEEP = b'{"email": "deep@example.com", "x": ' + b"[" * 1200 + b"]" * 1200 + b"}"
SCQ, RPL = "demo-smartcq", "rpl_test_demo"
CASES: list[tuple[str, str, dict[str, str] | None, bytes | None, str, int]] = [
    ("GET", "/v1/contacts", {"search": "ro\x00ssi"}, None, RPL, 400),
    ("GET", "/v1/contacts", {"search": "x" * 5000}, None, RPL, 400),
    ("GET", "/api/v1/contacts", {"cursor": "\x00"}, None, SCQ, 400),
    ("POST", "/api/v1/contacts", None, DEEP, SCQ, 400),
    ("POST", "/v1/contacts", None, DEEP, RPL, 400),
    ("PATCH", "/v1/contacts/x", None, DEEP, RPL, 400),
    ("POST", "/api/v1/contacts", None, b'{"email": "\xff@example.com"}', SCQ, 400),
    ("POST", "/v1/contacts", None, b'{"email": "\xff@example.com"}', RPL, 400),
    ("POST", "/api/v1/contacts", None, b'{"email": "nulmark\\u0000x@example.com"}', SCQ, 400),
    ("POST", "/v1/contacts", None, b'{"email": "nulmark\\u0000x@example.com"}', RPL, 400),
    ("POST", "/v1/contacts", None, b'{"firstName": "a\\u0000b"}', RPL, 400),
    ("POST", "/api/v1/contacts", None, b'{"email": "n@example.com", "firstName": "a\\u0000"}', SCQ, 400),
    ("POST", "/v1/contacts", None, b'{"notes": "' + b"x" * 2_000_000 + b'"}', RPL, 413),
    ("GET", "/nowhere", None, None, SCQ, 404),
    ("DELETE", "/v1/contacts", None, None, RPL, 405),
    ("PUT", "/api/v1/contacts/1", None, b"{}", SCQ, 405),
]


@pytest.mark.parametrize(("method", "path", "params", "body", "key", "status"), CASES)
def test_hostile_request_gets_a_json_4xx(sandbox: Sandbox, caplog: pytest.LogCaptureFixture, method: str,
                                         path: str, params: dict[str, str] | None, body: bytes | None,
                                         key: str, status: int) -> None:
    caplog.set_level(logging.ERROR)
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as c:
        r = c.request(method, path, params=params, content=body, headers={"Authorization": f"Bearer {key}"})
        after = c.get("/v1/contacts", params={"search": "example.com", "limit": "100"},
                      headers={"Authorization": f"Bearer {RPL}"})
    assert r.status_code == status, r.text[:200]
    assert r.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = r.json()["error"]
    assert error["code"] and error["message"]
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR], "a traceback was logged"
    assert after.status_code == 200  # the server and the connection pool are fine afterwards
    assert "nulmark" not in after.text and "deep@" not in after.text  # nothing was created


@pytest.mark.parametrize(("path", "key"), [("/api/v1/contacts", "demo-smartcq"),
                                           ("/v1/contacts", "rpl_test_demo")])
def test_a_10_mb_body_gets_its_413_answer(sandbox: Sandbox, path: str, key: str) -> None:
    """Sent whole before the answer is read (as urllib does, with no Expect: 100-continue):
    the connection was reset under the client, with no answer."""
    import json
    import urllib.error
    import urllib.request

    body = b'{"email": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    request = urllib.request.Request(sandbox.base_url + path, data=body, method="POST", headers={
        "Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 413
    assert json.loads(refused.value.read())["error"]["code"] == "payload_too_large"
