"""Arbitrary JSON (and bytes) into the decoders: only typed errors come out."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from contact_desk.api import errors
from contact_desk.api.answers import error_from_response
from contact_desk.api.models import ReplicerPage, ReplicerWrapped, SmartCQContact, SmartCQPage
from contact_desk.api.retry import parse_retry_after
from contact_desk.api.smartcq import _contact
from contact_desk.api.transport import decoder

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=5), max_leaves=25)
keys = st.sampled_from(["data", "next", "pagination", "requestId", "id", "email", "createdAt", "tags",
                        "page", "limit", "total", "totalPages", "error", "code", "message", "existing"])
shaped = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(keys, inner, max_size=6), max_leaves=30)
DECODERS = [decoder(SmartCQPage), decoder(ReplicerPage), decoder(ReplicerWrapped), decoder(SmartCQContact),
            _contact]


def _only_typed(content: bytes) -> None:
    for decode in DECODERS:
        with contextlib.suppress(errors.ProtocolError):
            decode(content)


@settings(max_examples=300, deadline=None)
@given(json_values | shaped)
def test_any_json_gives_a_value_or_a_protocol_error(value: Any) -> None:
    _only_typed(json.dumps(value).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_value_or_a_protocol_error(content: bytes) -> None:
    _only_typed(content)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([400, 401, 403, 404, 405, 409, 418, 422, 429, 500, 501, 502, 503]),
       json_values | shaped | st.binary(max_size=50))
def test_any_error_body_gives_a_typed_error(status: int, body: Any) -> None:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    error = error_from_response(httpx.Response(status, content=content), frozenset({"email", "stage"}))
    assert isinstance(error, errors.ApiError)
    assert error.status == status and error.message


def test_valid_pages_decode_with_api_names() -> None:
    page = decoder(SmartCQPage)(b'{"data": [{"id": "1", "email": "a@b.it", "createdAt": "2026-01-01T00:00:'
                                b'00.000Z", "firstName": "Nicol\\u00f2", "tags": ["vip"], "extra": 1}],'
                                b' "next": null}')
    assert page.data[0].first_name == "Nicolò" and page.data[0].tags == ["vip"] and page.next is None
    wrapped = _contact(b'{"data": {"id": "2", "email": "b@b.it", "createdAt": "x"}}')
    assert wrapped.id == "2"


# -- hostile shapes (issue 9, point 6): deep nesting, invalid UTF-8, odd headers ------------
def _nested(depth: int, opener: bytes) -> bytes:
    closer = b"]" if opener == b"[" else b"}"
    inner = b'{"a":' if opener == b"{" else b"["
    return inner * depth + b"1" + (closer * depth if opener == b"[" else b"}" * depth)


deep = st.builds(_nested, st.integers(min_value=500, max_value=5000), st.sampled_from([b"[", b"{"]))
hostile_bodies = st.one_of(
    deep.map(lambda n: b'{"data": [], "next": null, "pagination": ' + n + b"}"),
    deep.map(lambda n: b'{"error": ' + n + b"}"),
    deep.map(lambda n: b'{"data": {"id": "1", "email": "a@b.it", "createdAt": "x", "x": ' + n + b"}}"),
    st.binary(min_size=1, max_size=8).map(lambda b: b'{"data": [], "next": "' + b"\xff" + b + b'"}'),
    st.binary(min_size=1, max_size=8).map(lambda b: b'{"error": {"message": "\xfe' + b + b'"}}'),
)


@settings(max_examples=150, deadline=None)
@given(hostile_bodies)
def test_deep_or_invalid_utf8_bodies_give_protocol_errors(content: bytes) -> None:
    _only_typed(content)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([400, 403, 409, 429, 503]), hostile_bodies,
       st.text(max_size=30).filter(lambda t: t.isprintable()))
def test_hostile_error_answers_give_typed_errors(status: int, content: bytes, header: str) -> None:
    response = httpx.Response(status, content=content,
                              headers=[(b"retry-after", header.encode()), (b"x-request-id", header.encode())])
    error = error_from_response(response, frozenset({"email"}))
    assert isinstance(error, errors.ApiError) and error.status == status


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_retry_after_is_seconds_or_none(value: str) -> None:
    seconds = parse_retry_after(value)
    assert seconds is None or seconds >= 0
