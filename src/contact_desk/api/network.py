"""How a request reaches a server: through which proxy, and trusting which certificates.

* **Proxies** as the system has them, per scheme and host: the environment (``HTTPS_PROXY``,
  ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``, upper or lower case) when it names any, else the
  system's manual proxy settings (Windows registry, macOS SystemConfiguration: what
  ``urllib.request.getproxies()`` reads there), else direct. This computer's own addresses and the
  bypassed hosts always go direct. A ``Route`` can also say Manual (one proxy URL) or Direct.
  httpx turns every proxy off as soon as a transport of our own is given, so the routing is ours:
  one transport per proxy, chosen per request.
* **Certificates** are checked against the operating system's trust store (``truststore``: the
  Windows and macOS stores, the system's OpenSSL paths on Linux), where a company's root
  certificate (TLS inspection deployed by Group Policy or MDM) is installed; ``SSL_CERT_FILE``
  and ``SSL_CERT_DIR`` are honoured as well.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from contact_desk.api import errors
from contact_desk.api.system_proxy import NoAnswer, SystemProxies

SYSTEM, MANUAL, DIRECT = "system", "manual", "direct"


@dataclass(frozen=True)
class Route:
    """Which way requests go: the system's proxies (default), one proxy given by hand, or direct."""

    mode: str = SYSTEM
    proxy: str | None = None  # MANUAL: the proxy's URL (a password, if any, comes from the keyring)

    def __post_init__(self) -> None:
        if self.mode not in (SYSTEM, MANUAL, DIRECT):
            raise ValueError(f"not a way to connect: {self.mode!r}")


def is_loopback(host: str) -> bool:
    """This computer's own address (plain http is allowed to it; no proxy is used for it)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def proxy_for(url: httpx.URL, route: Route = Route(),
              environ: Callable[[], dict[str, str]] = urllib.request.getproxies_environment,
              system: Callable[[], dict[str, str]] = urllib.request.getproxies,
              system_bypass: Callable[[str], bool] = urllib.request.proxy_bypass) -> str | None:
    """The proxy URL a request to ``url`` goes through, or None for direct."""
    host = url.host
    if route.mode == DIRECT or is_loopback(host):
        return None
    if route.mode == MANUAL:
        return route.proxy or None
    found = environ()
    if found:  # the environment decides alone when it names any proxy
        if urllib.request.proxy_bypass_environment(host, found):  # type: ignore[attr-defined]
            return None
    else:
        found = system()
        if found and system_bypass(host):
            return None
    return found.get(url.scheme) or found.get("all") or None


def shown(proxy: str | None) -> str:
    """A proxy URL as it may be shown or logged: never its user's password."""
    if proxy is None:
        return "direct"
    parsed = httpx.URL(proxy)
    return str(parsed.copy_with(username=None, password=None)).rstrip("/")


def trust_context() -> ssl.SSLContext:
    """The operating system's trust store, with ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` added."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    cafile, capath = os.environ.get("SSL_CERT_FILE") or None, os.environ.get("SSL_CERT_DIR") or None
    if (cafile and os.path.isfile(cafile)) or (capath and os.path.isdir(capath)):
        context.load_verify_locations(cafile=cafile if cafile and os.path.isfile(cafile) else None,
                                      capath=capath if capath and os.path.isdir(capath) else None)
    return context


class RoutingTransport(httpx.AsyncBaseTransport):
    """One connection pool for direct requests and one per proxy, each verifying certificates
    against ``trust``; a failure says which way it went (``exc.route``: a proxy as shown, or
    "direct")."""

    def __init__(self, route: Route, limits: httpx.Limits, trust: ssl.SSLContext | None = None,
                 retries: int = 1, router: Callable[[httpx.URL, Route], str | None] = proxy_for,
                 system: SystemProxies | None = None,
                 environ: Callable[[], dict[str, str]] = urllib.request.getproxies_environment) -> None:
        self.route = route
        self._limits, self._retries, self._router = limits, retries, router
        self._system, self._environ = system, environ  # the system's resolution: PAC and WPAD too
        self._trust = trust if trust is not None else trust_context()
        self._direct = httpx.AsyncHTTPTransport(verify=self._trust, limits=limits, retries=retries)
        self._via: dict[str, httpx.AsyncHTTPTransport] = {}

    def _transport(self, proxy: str | None) -> httpx.AsyncHTTPTransport:
        if proxy is None:
            return self._direct
        found = self._via.get(proxy)
        if found is None:
            tls_to_proxy = self._trust if proxy.startswith("https:") else None  # an https:// proxy itself
            found = self._via[proxy] = httpx.AsyncHTTPTransport(
                proxy=httpx.Proxy(proxy, ssl_context=tls_to_proxy), verify=self._trust, limits=self._limits,
                retries=self._retries)
        return found

    async def proxy_of(self, url: httpx.URL) -> str | None:
        """The proxy a request to ``url`` goes through now, or None for direct."""
        if (self._system is not None and self.route.mode == SYSTEM and not is_loopback(url.host)
                and not self._environ()):
            try:
                return await self._system.proxy_for(url)
            except NoAnswer:
                pass  # the manual settings, as urllib reads them
        return self._router(url, self.route)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        proxy = await self.proxy_of(request.url)
        try:
            response = await self._transport(proxy).handle_async_request(request)
        except httpx.TransportError as exc:
            exc.route = shown(proxy)  # type: ignore[attr-defined]  # which way it failed
            raise
        response.extensions["route"] = shown(proxy)  # which way it went (Test connection says it)
        return response

    async def aclose(self) -> None:
        for transport in (self._direct, *self._via.values()):
            await transport.aclose()


# OpenSSL's verification codes that have words of their own (the rest: not trusted).
_EXPIRED, _NOT_YET, _OTHER_NAME = 10, 9, 62


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and what caused it, outermost first (bounded)."""
    found: list[BaseException] = []
    at: BaseException | None = exc
    while at is not None and len(found) < 12 and at not in found:
        found.append(at)
        at = at.__cause__ or at.__context__
    return found


def named_failure(exc: httpx.HTTPError, host: str) -> errors.ApiError | None:
    """What a failed request met on its way, named (a certificate, a proxy, the name service, a
    refusal); None when it is none of those (the caller says "cannot connect" or "timed out")."""
    route = getattr(exc, "route", "direct")
    chain = _chain(exc)
    cert = next((e for e in chain if isinstance(e, ssl.SSLCertVerificationError)), None)
    if cert is not None:
        code, said = getattr(cert, "verify_code", 0), str(getattr(cert, "verify_message", "") or cert)
        problem = errors.CertificateProblem
        reason = {_EXPIRED: problem.EXPIRED, _NOT_YET: problem.NOT_YET,
                  _OTHER_NAME: problem.OTHER_NAME}.get(code, problem.UNTRUSTED)
        return errors.CertificateProblem(f"The certificate of {host} was refused: {said}", reason=reason,
                                         detail=said)
    if isinstance(exc, httpx.ProxyError):
        status = next((int(w) for w in str(exc).split()[:1] if w.isdigit()), None)
        return errors.ProxyRefused(f"The proxy {route} refused the connection to {host}" +
                                   (f" ({status})" if status else ""), proxy=route, status=status)
    if route != "direct" and isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return errors.ProxyUnreachable(f"The proxy {route} cannot be reached", proxy=route)
    if any(isinstance(e, socket.gaierror) for e in chain):
        return errors.NameNotFound(f"The name {host} was not found")
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return errors.ConnectionRefused(f"{host} refused the connection: nothing answers at that address")
    return None


def _tlv(der: bytes, at: int) -> tuple[int, int, int]:
    """A DER element at ``at``: (tag, where its content starts, where it ends)."""
    tag, length, at = der[at], der[at + 1], at + 2
    if length & 0x80:
        size = length & 0x7F
        length, at = int.from_bytes(der[at:at + size], "big"), at + size
    if at + length > len(der):
        raise ValueError("truncated")
    return tag, at, at + length


_CN, _ORG = b"\x55\x04\x03", b"\x55\x04\x0a"  # the attribute ids of a common name, an organisation


def issuer_name(der: bytes) -> str | None:
    """The issuer's common name (else its organisation) of a DER certificate; None when unreadable."""
    try:
        _tag, at, _end = _tlv(der, 0)  # Certificate
        _tag, at, _end = _tlv(der, at)  # TBSCertificate
        tag, _start, end = _tlv(der, at)
        at = end if tag == 0xA0 else at  # the version, when there
        for _skip in range(2):  # the serial number, the signature's algorithm
            at = _tlv(der, at)[2]
        _tag, at, names_end = _tlv(der, at)  # the issuer's Name: SETs of (OID, value)
        names: dict[bytes, str] = {}
        for _guard in range(64):
            if at >= names_end:
                break
            _tag, pair, at = _tlv(der, at)
            _tag, oid_at, oid_end = _tlv(der, _tlv(der, pair)[1])
            _tag, value_at, value_end = _tlv(der, oid_end)
            names[der[oid_at:oid_end]] = der[value_at:value_end].decode("utf-8", "replace")
        return errors.clean_text(names.get(_CN) or names.get(_ORG) or "", 120) or None
    except (IndexError, ValueError):
        return None


def issuer_of(host: str, port: int, timeout: float = 3.0) -> str | None:
    """Who issued the certificate a server presents, read without trusting it (only to name it)."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError):
        return None
    return issuer_name(der) if der else None


async def with_issuer(problem: errors.CertificateProblem, url: httpx.URL,
                      route: str) -> errors.CertificateProblem:
    """An untrusted certificate's failure, naming who issued it (a company's inspecting proxy shows
    up as "Zscaler Root CA" and the like). Asked directly, within 3 s; through a proxy it is not
    asked (the failure is said without the name)."""
    if problem.reason != problem.UNTRUSTED or route != "direct":
        return problem
    import asyncio

    port = url.port or (443 if url.scheme == "https" else 80)
    issuer = await asyncio.to_thread(issuer_of, url.host, port)
    if not issuer:
        return problem
    return errors.CertificateProblem(f"{problem.message} (issued by {issuer})", reason=problem.reason,
                                     detail=f"{problem.detail}; issued by {issuer}",
                                     request_id=problem.request_id)


@dataclass(frozen=True)
class RouteSeen:
    """How a request to a server went: what Test connection shows (nothing secret)."""

    via: str  # "direct" or the proxy as shown
    issuer: str | None  # the certificate's issuer (https), as its names read
    expires: str | None  # its notAfter, as the certificate says it
    ms: float  # from sending to the answer's headers


async def trace(http: httpx.AsyncClient, url: str, route: Route = Route()) -> RouteSeen:
    """One GET of ``url`` (its answer's status does not matter): which way it went, who issued
    the certificate and until when it is valid, and how long the answer took. Raises the named
    failure (a certificate, a proxy, a name…) or the transport's error."""
    import time

    started = time.perf_counter()
    target = httpx.URL(url)
    try:
        async with http.stream("GET", target) as response:
            ms = (time.perf_counter() - started) * 1000
            stream = response.extensions.get("network_stream")
            tls = stream.get_extra_info("ssl_object") if stream is not None else None
            cert = tls.getpeercert() if tls is not None else None
    except httpx.HTTPError as exc:
        named = named_failure(exc, target.host)
        if isinstance(named, errors.CertificateProblem):
            named = await with_issuer(named, target, getattr(exc, "route", "direct"))
        raise named or errors.NetworkError(f"Cannot connect to {target.host}: {type(exc).__name__}") from None
    issuer = ", ".join(f"{k}={v}" for rdn in (cert or {}).get("issuer", ()) for k, v in rdn) or None
    via = response.extensions.get("route") or shown(proxy_for(target, route))
    return RouteSeen(via, issuer, (cert or {}).get("notAfter"), ms)
