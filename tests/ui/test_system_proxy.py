"""The system's own proxy resolution (PAC and WPAD on Windows and macOS, through Qt): asked off
the event loop, kept per host for a while, bounded, and used by the transport for real requests
through a CONNECT proxy on 127.0.0.1."""

from __future__ import annotations

import asyncio
import ssl
import sys
import time

import httpx
import pytest
import trustme

from contact_desk.api.network import DIRECT, MANUAL, Route, RoutingTransport
from contact_desk.api.system_proxy import NoAnswer, SystemProxies
from contact_desk.sandbox import Sandbox
from contact_desk.ui.system_proxy import ask_qt
from tests.api.netpeers import ConnectProxy, TlsFront, serving

LIMITS = httpx.Limits(max_connections=4)


class Script:
    """What a company's PAC script answers per host (a stand-in for the system's resolver, which
    only Windows and macOS run): counts how often it was asked."""

    def __init__(self, answers: dict[str, str | None], slow: float = 0.0) -> None:
        self.answers, self.slow, self.hosts = answers, slow, list[str]()

    def __call__(self, url: str) -> str | None:
        host = httpx.URL(url).host
        self.hosts.append(host)
        time.sleep(self.slow)
        return self.answers[host]


def _run(coro):  # type: ignore[no-untyped-def]
    """On a loop of its own, never made the thread's current one (the Qt tests' loop stays)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def test_each_host_gets_the_scripts_answer_asked_once_for_a_while() -> None:
    now = [0.0]
    script = Script({"crm.example.com": "http://proxy.corp:8080", "intranet.corp": None})
    system = SystemProxies(ask=script, keep_for=300, clock=lambda: now[0])

    async def ask_all() -> list[str | None]:
        urls = ["https://crm.example.com/v1/contacts", "https://crm.example.com/v1/contacts?cursor=x",
                "https://intranet.corp/", "https://crm.example.com/other"]
        return [await system.proxy_for(httpx.URL(u)) for u in urls]

    assert _run(ask_all()) == ["http://proxy.corp:8080", "http://proxy.corp:8080", None, "http://proxy.corp:8080"]
    assert script.hosts == ["crm.example.com", "intranet.corp"]  # once per host, not per request
    now[0] = 301.0  # the script may have changed: asked again
    _run(system.proxy_for(httpx.URL("https://crm.example.com/")))
    assert script.hosts[-1] == "crm.example.com" and len(script.hosts) == 3


def test_a_script_that_does_not_answer_in_time_falls_back_and_is_not_waited_for_again() -> None:
    script = Script({"crm.example.com": "http://proxy.corp:8080"}, slow=0.5)
    system = SystemProxies(ask=script, wait=0.05)
    manual = "http://manual.corp:3128"
    transport = RoutingTransport(Route(), LIMITS, trust=ssl.create_default_context(), system=system,
                                 environ=dict, router=lambda url, route: manual)

    async def twice() -> tuple[str | None, str | None, float]:
        first = await transport.proxy_of(httpx.URL("https://crm.example.com/"))
        started = time.perf_counter()
        second = await transport.proxy_of(httpx.URL("https://crm.example.com/x"))
        return first, second, time.perf_counter() - started

    first, second, waited = _run(twice())
    assert first == second == manual  # the manual settings, as urllib reads them
    assert script.hosts == ["crm.example.com"] and waited < 0.05  # not asked (nor waited for) again


def test_loopback_the_environment_and_a_chosen_route_never_ask_the_system() -> None:
    script = Script({})
    system = SystemProxies(ask=script)
    proxy_env = {"https": "http://env.corp:3128"}

    async def routes() -> list[str | None]:
        ways = [RoutingTransport(Route(), LIMITS, trust=ssl.create_default_context(), system=system,
                                 environ=dict).proxy_of(httpx.URL("https://127.0.0.1:8443/")),
                RoutingTransport(Route(DIRECT), LIMITS, trust=ssl.create_default_context(), system=system,
                                 environ=dict).proxy_of(httpx.URL("https://crm.example.com/")),
                RoutingTransport(Route(MANUAL, "http://chosen:1"), LIMITS, trust=ssl.create_default_context(),
                                 system=system, environ=dict).proxy_of(httpx.URL("https://crm.example.com/")),
                RoutingTransport(Route(), LIMITS, trust=ssl.create_default_context(), system=system,
                                 environ=lambda: proxy_env,
                                 router=lambda url, route: proxy_env["https"]).proxy_of(
                                     httpx.URL("https://crm.example.com/"))]
        return [await way for way in ways]

    assert _run(routes()) == [None, None, "http://chosen:1", "http://env.corp:3128"]
    assert script.hosts == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt reads the environment on Linux only")
def test_qts_system_resolution_takes_requests_through_the_proxy_it_names(
        sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's real answer (on Linux, from the environment Qt reads itself; on Windows and macOS the
    same call runs the PAC script) carries a real request through a CONNECT proxy on 127.0.0.1."""
    ca = trustme.CA()
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("crm.example.test").configure_cert(served)  # type: ignore[arg-type]
    front = TlsFront(served, int(sandbox.base_url.rsplit(":", 1)[1]))
    proxy = ConnectProxy({"crm.example.test:443": front.port})
    trust = ssl.create_default_context()
    ca.configure_trust(trust)  # type: ignore[arg-type]
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("https_proxy", proxy.url)
    system = SystemProxies(ask_qt)
    # our own reading of the environment is left out, so that only Qt's answer can route
    transport = RoutingTransport(Route(), LIMITS, trust=trust, system=system, environ=dict,
                                 router=lambda url, route: None)

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport) as http:
            return await http.get("https://crm.example.test/api/v1/contacts",
                                  headers={"Authorization": "Bearer demo-smartcq"})

    with serving(front, proxy):
        response = _run(get())
    assert response.status_code == 200 and response.json()["data"]
    assert proxy.seen.connects == ["crm.example.test:443"] and system.asked == 1
    assert response.extensions["route"] == proxy.url


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt reads the environment on Linux only")
def test_a_socks_only_answer_is_no_answer_we_can_use(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("no_proxy", "NO_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("https_proxy", "socks5://127.0.0.1:1080")
    with pytest.raises(NoAnswer):
        ask_qt("https://crm.example.test/")
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:3128")
    assert ask_qt("https://crm.example.test/") == "http://127.0.0.1:3128"
