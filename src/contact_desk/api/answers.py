"""Reading a server's error answers: the typed error for any non-2xx answer, whatever
its body, with the field or tag the message names when it can be told. Every scan
here is linear in the message, which is bounded before it is scanned."""

from __future__ import annotations

from typing import Any

import httpx
import msgspec

from contact_desk.api import errors
from contact_desk.api.models import ErrorBody
from contact_desk.api.retry import parse_retry_after


def request_id_of(response: httpx.Response, body: ErrorBody | None = None) -> str | None:
    if body is not None and body.request_id:
        return body.request_id
    rid: str | None = response.headers.get("x-request-id") or response.headers.get("request-id")
    return rid


_OPENING = frozenset("'\"‘“«")
_CLOSING = frozenset("'\"’”»")


def _is_word(message: str, at: int, length: int) -> bool:
    before = message[at - 1] if at > 0 else ""
    after = message[at + length] if at + length < len(message) else ""
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def _guess_field(message: str, names: frozenset[str]) -> str | None:
    """The one field name the message mentions as a word, if exactly one. Linear per name."""
    found = []
    for name in names:
        at = message.find(name)
        while at != -1 and not _is_word(message, at, len(name)):
            at = message.find(name, at + 1)
        if at != -1:
            found.append(name)
    return found[0] if len(found) == 1 else None


def _guess_tag(message: str) -> str | None:
    """The first quoted text (‘x’, "x", «x»), else a single word after the last colon.
    One pass from the right finds, for each place, the next closing quote: linear."""
    next_close = [-1] * (len(message) + 1)
    for i in range(len(message) - 1, -1, -1):
        next_close[i] = i if message[i] in _CLOSING else next_close[i + 1]
    for i, ch in enumerate(message):
        if ch in _OPENING:
            end = next_close[i + 1]
            if end == -1:
                break  # no closing quote after this one, so none after any later one either
            if end > i + 1:
                return message[i + 1:end]
    _, sep, tail = message.rpartition(":")
    tail = tail.strip()
    return tail if sep and tail and " " not in tail else None


def error_from_response(response: httpx.Response, field_names: frozenset[str] = frozenset(),
                        content: bytes | None = None) -> errors.ApiError:
    """The typed error for a non-2xx answer, whatever its body (even non-JSON). ``content``: the
    body as read (decompressed) from a streamed answer; else the answer's own."""
    status = response.status_code
    try:
        raw = response.content if content is None else content
        body: ErrorBody | None = msgspec.json.decode(raw, type=ErrorBody)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError, ValueError):
        body = None
    detail = body.error if body is not None else None
    code = detail.code if detail else None
    message = errors.clean_text((detail.message if detail and detail.message else None)
                                or response.reason_phrase or f"HTTP {status}")
    kw: dict[str, Any] = {"status": status, "code": code, "request_id": request_id_of(response, body)}
    if status == 401:
        return errors.Unauthorized(message, **kw)
    if status == 403:
        return errors.Forbidden(message, **kw)
    if status == 404:
        return errors.NotFound(message, **kw)
    if status in (405, 501):
        return errors.NotSupported(message, **kw)
    if status == 409:
        existing = detail.existing if detail else None
        return errors.Conflict(message, existing_id=existing.id if existing else None,
                               existing_status=existing.status if existing else None, **kw)
    if status == 429:
        return errors.RateLimited(message, retry_after=parse_retry_after(response.headers.get("retry-after")),
                                  **kw)
    if code == "unknown_tag":
        return errors.UnknownTag(message, tag=_guess_tag(message), **kw)
    if status in (400, 422):
        field = detail.field if detail and detail.field in field_names else None
        return errors.ValidationFailed(message, field=field or _guess_field(message, field_names), **kw)
    if status >= 500:
        return errors.ServerError(message, **kw)
    return errors.ApiError(message, **kw)
