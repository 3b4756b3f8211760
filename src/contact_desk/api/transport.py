"""HTTP for every dialect: one shared httpx.AsyncClient, one retry policy, typed errors.

``make_http_client()`` must be called inside the running event loop and the
client closed on quit. An ``Endpoint`` is one account's view of it: base URL,
key, a bound on concurrent requests, and the request loop with retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
import msgspec

from contact_desk import __version__
from contact_desk.api import bounded_body, errors
from contact_desk.api.answers import error_from_response, request_id_of
from contact_desk.api.network import Route, RoutingTransport, is_loopback, named_failure, with_issuer
from contact_desk.api.retry import Outcome, RetryPolicy, parse_retry_after
from contact_desk.api.system_proxy import SystemProxies

log = logging.getLogger("contact_desk.api")

USER_AGENT = f"ContactDesk/{__version__}"
TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=30.0)
MAX_CONNECTIONS = 10
MAX_IN_FLIGHT = 6  # below the pool size, so a burst never waits on the pool timeout
MAX_REDIRECTS = 5
# A whole answer, after decompression: larger ones (a gzip bomb, an endless body) are refused.
MAX_BODY_ENV = "CONTACT_DESK_MAX_RESPONSE_MB"
DEFAULT_MAX_BODY = 32 * 1024 * 1024
# One attempt, from sending to the last byte: read timeouts reset on every byte, this does not.
DEADLINE = 60.0
T = TypeVar("T")
# The request id of the last answer this task received (each task has its own: concurrent changes
# never see each other's): what My changes records beside a change.
_ANSWERED: contextvars.ContextVar[str | None] = contextvars.ContextVar("answered", default=None)


def answered_request_id() -> str | None:
    """The server's request id of the last 2xx answer received by the running task."""
    return _ANSWERED.get()


def max_body_from_env() -> int:
    """The response size cap: ``CONTACT_DESK_MAX_RESPONSE_MB`` (1 to 4096) or 32 MB."""
    raw = os.environ.get(MAX_BODY_ENV, "").strip()
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= 4096:
        return int(raw) * 1024 * 1024
    return DEFAULT_MAX_BODY


def make_transport(route: Route = Route(),  # noqa: B008
                   system: SystemProxies | None = None) -> RoutingTransport:
    """Our transport: requests go the ``route`` (the system's proxies by default, ``system``'s
    resolution first where given: PAC and WPAD; the route may change while the app runs) and
    certificates are checked against the system's trust store. Its retries cover connect errors
    only."""
    limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS)
    return RoutingTransport(route, limits, retries=1, system=system)


def make_http_client(timeout: httpx.Timeout = TIMEOUT, route: Route = Route(),  # noqa: B008
                     transport: RoutingTransport | None = None) -> httpx.AsyncClient:
    """The process's one AsyncClient, on ``transport`` (else one made for ``route``)."""
    return httpx.AsyncClient(
        timeout=timeout,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        follow_redirects=False,
        transport=transport or make_transport(route),
    )


class ApiKey:
    """An API key that does not print itself."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        value = value.strip()
        if not value or any(ch.isspace() for ch in value):
            raise errors.ConfigurationError("An API key cannot be empty or contain spaces")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "ApiKey('****')"

    __str__ = __repr__


def check_base_url(url: str) -> str:
    """A usable base URL without trailing slash: https, or http on a loopback host only."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        raise errors.ConfigurationError(f"Not a valid URL: {url!r}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise errors.ConfigurationError(f"The base URL must start with https:// (got {url!r})")
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise errors.ConfigurationError(
            f"Refusing http:// for {parsed.host}: API keys travel only over https "
            "(plain http is allowed for this computer's own addresses only)")
    if parsed.userinfo or parsed.query or parsed.fragment:
        raise errors.ConfigurationError("The base URL must not contain a user, query or fragment")
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise errors.ConfigurationError(f"{parsed.port} is not a valid port: use a number from 1 to 65535")
    if any(ch.isspace() or ord(ch) < 32 for ch in parsed.host):
        raise errors.ConfigurationError(f"Not a valid host name: {parsed.host!r}")
    return str(parsed).rstrip("/")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: ("[redacted]" if k.lower() in ("authorization", "cookie") else v) for k, v in headers.items()}


class _Unusable(Exception):
    """An answer that arrived but cannot be used (too large): never retried."""

    def __init__(self, error: errors.ApiError) -> None:
        super().__init__(error.message)
        self.error = error


CLOCK_SKEW_S = 120.0  # how far our clock may be from a server's we have not heard from yet


class Endpoint:
    """One account's requests: base URL + key over the shared client."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, key: ApiKey, *,
                 policy: RetryPolicy | None = None, field_names: frozenset[str] = frozenset(),
                 max_in_flight: int = MAX_IN_FLIGHT, max_body: int | None = None,
                 deadline: float = DEADLINE,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.http = http
        self.base_url = check_base_url(base_url)
        self._origin = httpx.URL(self.base_url)
        self._key = key
        self.policy = policy or RetryPolicy()
        self.field_names = field_names
        self.max_body = max_body or max_body_from_env()
        self.deadline = deadline
        self._limiter = asyncio.Semaphore(max_in_flight)
        self._sleep = sleep
        self._offset: float | None = None  # the server's clock less ours, from its Date header
        # Told whether the server could be reached, after every request: any answer (even an
        # error) is True, a request that could not reach it is False. The window's offline
        # state follows it, whichever request found out (a page, a save, a sync, the probe).
        self.reachability: Callable[[bool], None] | None = None

    def server_time(self, local: float) -> tuple[float, float]:
        """The server's time at ``local`` (our clock, seconds since the epoch) and how far off
        that may be: by the offset of the last answer's Date header (to the second), else our
        own clock, which may be minutes off the server's. Asked after an answer came, it
        knows the offset even for a moment before that answer."""
        if self._offset is None:
            return local, CLOCK_SKEW_S
        # The offset is a lower bound (a Date header is cut to the second, and servers cache it
        # for a second): our own contact is never earlier than this; half a second covers a
        # server whose Date and creation times come from slightly different clocks.
        return local + self._offset, 0.5

    def _learn_clock(self, response: httpx.Response) -> None:
        stamp = response.headers.get("date")
        if not stamp:
            return
        with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
            offset = parsedate_to_datetime(stamp).timestamp() - time.time()
            # Each answer's offset is at most the true one: the largest is the closest, unless
            # the server's clock was set back meanwhile.
            if self._offset is None or offset > self._offset or offset < self._offset - 5:
                self._offset = offset

    def __repr__(self) -> str:
        return f"Endpoint({self.base_url!r})"

    def _same_origin(self, url: httpx.URL) -> bool:
        o = self._origin
        return (url.scheme, url.host, url.port) == (o.scheme, o.host, o.port)

    async def _read(self, response: httpx.Response) -> bytes:
        """The body, decompressed here with a bound on the output of every step, and
        refused as soon as it passes ``max_body``: a gzip bomb never inflates in memory."""
        def unusable(text: str) -> _Unusable:
            return _Unusable(errors.ProtocolError(text, status=response.status_code,
                                                  request_id=request_id_of(response)))

        try:
            return await bounded_body.read(response, self.max_body)
        except bounded_body.TooLarge:
            raise unusable(f"The server's answer is larger than {self.max_body // (1024 * 1024)} MB; it "
                           f"was not read (set {MAX_BODY_ENV} to allow more)") from None
        except bounded_body.Unreadable as exc:
            if exc.corrupt:
                raise unusable("The server's answer cannot be decompressed") from None
            raise unusable(f"The server's answer is compressed as {errors.clean_text(exc.encoding, 40)!r}, "
                           "which Contact Desk does not read") from None

    async def _send(self, method: str, url: httpx.URL, params: Mapping[str, Any] | None,
                    body: bytes | None) -> tuple[httpx.Response, bytes]:
        # Only what ``_read`` decompresses under its bound.
        headers = {"Authorization": f"Bearer {self._key.reveal()}",
                   "Accept-Encoding": bounded_body.ACCEPT_ENCODING}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for _ in range(MAX_REDIRECTS + 1):
            started = time.perf_counter()
            request = self.http.build_request(method, url, params=params, content=body, headers=headers)
            response = await self.http.send(request, stream=True)
            try:
                log.debug("%s %s -> %s in %.1f ms (request id %s) headers=%s", method, request.url,
                          response.status_code, (time.perf_counter() - started) * 1000,
                          request_id_of(response), redact_headers(dict(request.headers)))
                self._learn_clock(response)
                if not response.is_redirect:
                    return response, await self._read(response)
                target = response.next_request.url if response.next_request else None
            finally:
                await response.aclose()
            if target is None or not self._same_origin(target):
                where = errors.clean_text(target.host, 100) if target is not None else "an unknown place"
                raise errors.ProtocolError(
                    f"The server redirected to another site ({where}); Contact Desk did not follow "
                    "it, so your key was not sent there", status=response.status_code)
            if response.status_code not in (307, 308) and method != "GET":
                raise errors.ProtocolError("The server redirected a change; it was not repeated",
                                           status=response.status_code)
            url, params = target, None
        raise errors.ProtocolError("Too many redirects")

    async def call(self, method: str, path: str, decode: Callable[[bytes], T], *,
                   params: Mapping[str, Any] | None = None, json: Any = None, idempotent: bool) -> T:
        """Sends with retries; returns ``decode(body)`` of a 2xx answer or raises an ApiError.

        Each attempt must finish within ``deadline`` seconds and its answer within
        ``max_body`` bytes; the attempts are bounded by the policy."""
        url = httpx.URL(self.base_url + path)
        body = msgspec.json.encode(json) if json is not None else None
        lost = False
        attempt = 0
        while True:
            attempt += 1
            status: int | None = None
            retry_after: float | None = None
            try:
                async with self._limiter, asyncio.timeout(self.deadline):
                    response, content = await self._send(method, url, params, body)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                outcome, error = Outcome.NOT_SENT, self._network(exc)
                if isinstance(error, errors.CertificateProblem):
                    raise await with_issuer(error, url, getattr(exc, "route", "direct")) from None
                if isinstance(error, errors.ProxyRefused):
                    raise error from None  # the same refusal every time: no retry helps
            except httpx.HTTPError as exc:
                outcome, error = Outcome.LOST, self._network(exc)
            except TimeoutError:
                outcome, error = Outcome.UNUSABLE, errors.RequestTimeout(
                    f"{self._origin.host} did not finish its answer within {self.deadline:g} s")
            except _Unusable as exc:
                outcome, error = Outcome.UNUSABLE, exc.error
            else:
                self._heard(True)
                status = response.status_code
                if 200 <= status < 300:
                    _ANSWERED.set(request_id_of(response))
                    try:
                        return decode(content)
                    except errors.ProtocolError as exc:
                        exc.status, exc.request_id = status, request_id_of(response)
                        outcome, error = Outcome.LOST, exc
                else:
                    outcome, error = Outcome.STATUS, error_from_response(response, self.field_names, content)
                    retry_after = parse_retry_after(response.headers.get("retry-after"))
            lost = lost or outcome in (Outcome.LOST, Outcome.UNUSABLE)
            error.after_lost_answer = lost
            if not self.policy.should_retry(attempt, outcome, status, idempotent):
                if isinstance(error, errors.NetworkError) and outcome is not Outcome.STATUS:
                    self._heard(False)
                raise error
            delay = self.policy.delay(attempt, retry_after)
            log.info("retrying %s %s in %.2f s after %s (attempt %d)", method, path, delay, error, attempt)
            await self._sleep(delay)

    def _heard(self, reached: bool) -> None:
        if self.reachability is not None:
            try:
                self.reachability(reached)
            except Exception:  # a listener's failure never fails the request
                log.exception("reachability listener failed")

    def _network(self, exc: httpx.HTTPError) -> errors.ApiError:
        host = self._origin.host
        named = named_failure(exc, host)
        if named is not None:
            return named
        if isinstance(exc, httpx.TimeoutException):
            return errors.RequestTimeout(f"{host} did not answer in time")
        if isinstance(exc, httpx.ConnectError):
            return errors.NetworkError(f"Cannot connect to {host}: check the address and your connection")
        if isinstance(exc, httpx.DecodingError):
            return errors.ProtocolError(f"{host} sent an answer that cannot be decompressed")
        if isinstance(exc, httpx.HTTPError) and not isinstance(exc, httpx.TransportError):
            return errors.ProtocolError(f"Unexpected answer from {host}")
        return errors.NetworkError(f"The connection to {host} was interrupted")


def decoder(kind: type[T]) -> Callable[[bytes], T]:
    """A decode function that turns any msgspec failure into ProtocolError."""
    dec = msgspec.json.Decoder(kind)

    def decode(content: bytes) -> T:
        try:
            return dec.decode(content)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise errors.ProtocolError(f"The server's answer is not the documented shape: {exc}") from None
        except RecursionError:
            raise errors.ProtocolError("The server's answer is nested too deeply to read") from None
        except (UnicodeDecodeError, ValueError):
            raise errors.ProtocolError("The server's answer is not valid UTF-8 JSON") from None

    return decode
