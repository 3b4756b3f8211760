"""Background coroutines with strong references and logged failures.

asyncio keeps only weak references to tasks: one nobody holds can vanish
mid-flight, and its exception is never seen. Every task the app starts goes
through a ``TaskGroup``-like runner that holds it until done and logs what
it raised (cancellation is not a failure).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger("contact_desk.tasks")
T = TypeVar("T")


class Tasks:
    def __init__(self, name: str = "app") -> None:
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self.failures: list[BaseException] = []  # kept for tests and the self-test

    def spawn(self, coro: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            self.failures.append(exc)
            log.error("background task %s failed", task.get_name(), exc_info=exc)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def drain(self) -> None:
        """Cancels everything and waits until it has stopped (on quit)."""
        self.cancel_all()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def __len__(self) -> int:
        return len(self._tasks)


async def together(count: int, worker: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Runs ``count`` copies of ``worker`` at once and returns when all have ended. The
    first error is raised once the others are cancelled; a cancel of the caller cancels
    them all. No worker is ever left running behind the caller's back."""
    workers = [asyncio.ensure_future(worker()) for _ in range(max(1, count))]
    try:
        await asyncio.gather(*workers)
    finally:
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


def time_left(done: int, total: int | None, started: float) -> float | None:
    """Seconds left of a job from its rate so far (``started``: ``time.monotonic()``);
    None when it cannot be told (nothing done yet, no total, or finished)."""
    if not total or done < 1 or done >= total:
        return None
    return (total - done) * max(time.monotonic() - started, 1e-3) / done
