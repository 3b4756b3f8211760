"""Fault injection and request recording, as an ASGI middleware around the sandbox.

Faults apply to API paths only (``/api/...`` and ``/v1/...``), never to
``/healthz``. 429 and 503 answer before the endpoint runs; a malformed body
or a dropped connection replace the answer after it ran, so a write may have
happened though the client never hears of it (a lost answer).
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import logging
import random
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

import msgspec

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Any
Send = Any
ASGIApp = Any


@dataclass(frozen=True)
class Faults:
    """What to break. Fractions are per API request, drawn in this order."""

    latency_ms: int = 0
    jitter_ms: int = 0  # up to this much more, drawn per request: answers come out of order
    drop: float = 0.0
    rate_429: float = 0.0
    rate_503: float = 0.0
    malformed: float = 0.0
    retry_after: int = 1
    replicer_patch_status: int | None = None  # 405 or 501: "this server cannot edit"

    def __post_init__(self) -> None:
        for name in ("drop", "rate_429", "rate_503", "malformed"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if self.latency_ms < 0 or self.retry_after < 0 or self.jitter_ms < 0:
            raise ValueError("latency_ms, jitter_ms and retry_after must not be negative")
        if self.replicer_patch_status not in (None, 405, 501):
            raise ValueError("replicer_patch_status must be 405, 501 or None")

    def pick(self, draw: float) -> str | int | None:
        """Which fault a uniform draw in [0, 1) selects: drop, 429, 503, malformed or none."""
        for fault, share in (("drop", self.drop), (429, self.rate_429), (503, self.rate_503),
                             ("malformed", self.malformed)):
            if draw < share:
                return fault
            draw -= share
        return None


@dataclass(frozen=True)
class RecordedRequest:
    """What the sandbox received. The Authorization header is never kept."""

    method: str
    path: str
    query: str
    body: bytes
    request_id: str
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()  # without Authorization and Cookie

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name.lower()), None)


class DroppedConnection(Exception):
    """Raised inside the server to cut a connection mid-answer."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())


@dataclass
class FaultState:
    current: Faults = field(default_factory=Faults)
    seed: int = 0
    log_size: int = 2000

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.log: collections.deque[RecordedRequest] = collections.deque(maxlen=self.log_size)
        self.lock = threading.Lock()
        self._ids = itertools.count(1)
        self.queued: collections.deque[str | int] = collections.deque()  # one-shot faults, in order
        self.in_flight = 0
        self.max_in_flight = 0

    def next_request_id(self) -> str:
        return f"req_{next(self._ids):06d}{secrets.token_hex(4)}"

    def recorded(self) -> list[RecordedRequest]:
        with self.lock:
            return list(self.log)

    def clear(self) -> None:
        with self.lock:
            self.log.clear()


_MALFORMED = b'{"data": [{"id": "truncated", "email": '


class FaultMiddleware:
    def __init__(self, app: ASGIApp, state: FaultState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = self.state
        rid = state.next_request_id()
        scope.setdefault("state", {})["request_id"] = rid
        chunks: list[bytes] = []

        async def recording_receive() -> Message:
            message: Message = await receive()
            if message.get("type") == "http.request":
                chunks.append(message.get("body", b""))
            return message

        path: str = scope["path"]
        faults = state.current
        api = path.startswith(("/api/", "/v1/"))
        draw = state.rng.random() if api else 1.0

        async def noting_send(message: Message) -> None:
            # Recorded before the answer leaves, so a client that has its answer
            # always finds its request in the log.
            if message["type"] == "http.response.start" and api:
                self._record(scope, b"".join(chunks), rid, int(message["status"]))
            await send(message)

        if api:
            with state.lock:
                state.in_flight += 1
                state.max_in_flight = max(state.max_in_flight, state.in_flight)
        try:
            await self._serve(scope, recording_receive, noting_send, rid, faults, draw if api else 1.0)
        finally:
            if api:
                with state.lock:
                    state.in_flight -= 1

    async def _serve(self, scope: Scope, receive: Receive, send: Send, rid: str, faults: Faults,
                     draw: float) -> None:
        state = self.state
        api = scope["path"].startswith(("/api/", "/v1/"))
        if api and (faults.latency_ms or faults.jitter_ms):
            with self.state.lock:
                jitter = self.state.rng.random() * faults.jitter_ms
            await asyncio.sleep((faults.latency_ms + jitter) / 1000)
        with state.lock:
            fault = state.queued.popleft() if api and state.queued else faults.pick(draw)
        if fault in (429, 503):
            code, text = ("rate_limited", "Too many requests") if fault == 429 else (
                "unavailable", "Service unavailable")
            await self._refuse(send, int(fault), code, text, rid, faults.retry_after)
        elif fault == "drop":
            await self._drop(scope, receive, send, rid)
        elif fault == "malformed":
            await self._malformed(scope, receive, send, rid)
        else:
            await self.app(scope, receive, self._tagging(send, rid))

    def _record(self, scope: Scope, body: bytes, rid: str, status: int) -> None:
        query = scope.get("query_string", b"").decode("latin-1")
        headers = tuple((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"]
                        if k.lower() not in (b"authorization", b"cookie"))
        item = RecordedRequest(scope["method"], scope["path"], query, body, rid, status, headers)
        with self.state.lock:
            self.state.log.append(item)

    @staticmethod
    def _tagging(send: Send, rid: str) -> Send:
        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)
        return tagged

    @staticmethod
    async def _refuse(send: Send, status: int, code: str, message: str, rid: str, retry: int) -> None:
        body = msgspec.json.encode({"error": {"code": code, "message": message}, "requestId": rid})
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry).encode()), (b"x-request-id", rid.encode()),
        ]})
        await send({"type": "http.response.body", "body": body})

    async def _swallow(self, scope: Scope, receive: Receive) -> int:
        """Runs the endpoint (its write happens) and throws its answer away."""
        status = [0]

        async def discard(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])

        await self.app(scope, receive, discard)
        return status[0]

    async def _malformed(self, scope: Scope, receive: Receive, send: Send, rid: str) -> None:
        await self._swallow(scope, receive)
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(_MALFORMED)).encode()),
            (b"x-request-id", rid.encode()),
        ]})
        await send({"type": "http.response.body", "body": _MALFORMED})

    async def _drop(self, scope: Scope, receive: Receive, send: Send, rid: str) -> None:
        """Promises a body, sends part of it, and lets the server cut the connection."""
        await self._swallow(scope, receive)
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", b"4096"),
        ]})
        await send({"type": "http.response.body", "body": b'{"data": [', "more_body": True})
        raise DroppedConnection(rid)
