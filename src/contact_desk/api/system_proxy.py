"""The system's proxy for one address, as the operating system resolves it, automatic
configuration (PAC, WPAD) included: asked off the event loop, bounded, and kept for a few minutes
per scheme and host. Qt-free: the window gives the asker (``ui/system_proxy.py``, Qt asking
WinHTTP or CFNetwork); the command line goes without it (the environment and the manual settings).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import OrderedDict
from collections.abc import Callable

import httpx

ASK_WAIT = 10.0  # a PAC script or WPAD that has not answered by then: fall back to the manual settings
KEEP_FOR = 300.0  # a PAC script may change; its answer for a host is kept this long
KEPT_HOSTS = 256


class NoAnswer(Exception):
    """The system gave no proxy we can use (none configured, only SOCKS, or Qt unavailable)."""


Answer = str | NoAnswer | None  # a proxy URL, no proxy we can use, or direct


def resolves_scripts() -> bool:
    """Whether this platform's system resolution covers more than the environment (PAC, WPAD)."""
    return sys.platform in ("win32", "darwin")


class SystemProxies:
    """The system's answer per scheme and host, asked in a thread and kept ``keep_for`` seconds."""

    def __init__(self, ask: Callable[[str], str | None], wait: float = ASK_WAIT,
                 keep_for: float = KEEP_FOR, clock: Callable[[], float] = time.monotonic) -> None:
        self._ask, self._wait, self._keep_for, self._clock = ask, wait, keep_for, clock
        self._kept: OrderedDict[tuple[str, str, int | None], tuple[float, Answer]] = OrderedDict()
        self.asked = 0  # how many times the system was asked (the rest came from what was kept)

    async def proxy_for(self, url: httpx.URL) -> str | None:
        """The proxy for ``url`` or None for direct; raises NoAnswer when the system gave none we
        can use in time (the caller falls back to the manual settings)."""
        key = (url.scheme, url.host, url.port)
        now = self._clock()
        kept = self._kept.get(key)
        if kept is None or now - kept[0] >= self._keep_for:
            kept = (now, await self._asked(url))
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > KEPT_HOSTS:
                self._kept.popitem(last=False)
        if isinstance(kept[1], NoAnswer):  # kept too: a slow script is not waited for on every request
            raise kept[1]
        return kept[1]

    async def _asked(self, url: httpx.URL) -> Answer:
        self.asked += 1
        address = str(url.copy_with(path="/", query=None, fragment=None, username=None, password=None))
        try:
            return await asyncio.wait_for(asyncio.to_thread(self._ask, address), self._wait)
        except TimeoutError:
            return NoAnswer("the system's proxy configuration did not answer in time")
        except NoAnswer as exc:
            return exc
