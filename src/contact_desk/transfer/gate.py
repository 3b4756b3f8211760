"""One gate for every worker of a long job (import, bulk edit): paused by the user, or
held while the server asked us to wait (429 and its Retry-After), so the job slows down
as one instead of each worker failing on its own."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from contact_desk.api import errors
from contact_desk.tasks import together

T = TypeVar("T")


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


MAX_WAITS = 8  # an item put back (429, a request certainly not carried out) this many times fails


class GatedWork(Generic[T]):
    """``job(item)`` for each item, ``concurrency`` at a time, behind one ``Gate``: a
    retryable error holds everyone for the Retry-After (or a growing pause) and puts the
    item back; after MAX_WAITS, or on any other ApiError, ``failed(item, error)``. A refused
    key (401) stops the work: the next items would be refused too (``refused`` keeps it)."""

    def __init__(self, concurrency: int, job: Callable[[T], Awaitable[None]],
                 failed: Callable[[T, errors.ApiError], None],
                 done: Callable[[], None] | None = None) -> None:
        self.gate = Gate()
        self.cancelled = False
        self.concurrency = max(1, concurrency)
        self.job = job
        self.failed = failed
        self.done = done
        self.waited = 0.0  # seconds held for the server so far
        self.refused: errors.Unauthorized | None = None  # the key was refused: nothing more was sent

    def stopped(self) -> bool:
        return self.cancelled or self.refused is not None

    def cancel(self) -> None:
        """Nothing more starts; what is under way finishes."""
        self.cancelled = True
        self.gate.resume()

    async def run(self, items: Sequence[T]) -> list[T]:
        """Runs every item; returns those never started (after a cancel)."""
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(len(items)):
            queue.put_nowait(i)
        waits: dict[int, int] = {}

        async def worker() -> None:
            while not self.stopped():
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await self.gate.wait()
                if self.stopped():  # cancelled while waiting: not started
                    queue.put_nowait(i)
                    return
                try:
                    await self.job(items[i])
                except errors.ApiError as exc:
                    waits[i] = waits.get(i, 0) + 1
                    if errors.retryable(exc) and waits[i] <= MAX_WAITS:
                        after = exc.retry_after if isinstance(exc, errors.RateLimited) else None
                        pause = after or 1.0 * waits[i]
                        self.waited += pause
                        self.gate.hold(pause)  # everyone waits, then this item goes again
                        queue.put_nowait(i)
                        continue
                    if isinstance(exc, errors.Unauthorized) and self.refused is None:
                        self.refused = exc  # every worker stops before its next item
                        self.gate.resume()
                    self.failed(items[i], exc)
                if self.done is not None:
                    self.done()

        await together(self.concurrency, worker)
        left: list[T] = []
        while not queue.empty():
            left.append(items[queue.get_nowait()])
        return left
