"""One gate for every worker of a long job (import, bulk edit): paused by the user, or
held while the server asked us to wait (429 and its Retry-After), so the job slows down
as one instead of each worker failing on its own."""

from __future__ import annotations

import asyncio
import time


class Gate:
    """Shared by every worker: paused by the user, or held while the server asked to wait."""

    def __init__(self) -> None:
        self._open = asyncio.Event()
        self._open.set()
        self._until = 0.0
        self.user_paused = False

    async def wait(self) -> None:
        while True:
            await self._open.wait()
            delay = self._until - time.monotonic()
            if delay <= 0:
                return
            await asyncio.sleep(delay)

    def hold(self, seconds: float) -> None:
        self._until = max(self._until, time.monotonic() + min(max(seconds, 0.5), 120.0))

    def pause(self) -> None:
        self.user_paused = True
        self._open.clear()

    def resume(self) -> None:
        self.user_paused = False
        self._open.set()
