"""A qasync event loop per test: the test body runs as a coroutine on it."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_API", "pyside6")
import qasync
from PySide6.QtWidgets import QApplication

from contact_desk.i18n import install_translators

T = TypeVar("T")


class Loop:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        try:
            return self.loop.run_until_complete(asyncio.wait_for(coro, timeout))
        finally:
            # Callbacks still queued (anyio delivers a cancellation in steps) must run while
            # the loop runs: pytest-qt processes Qt events between tests, outside it. The
            # app's own loop never stops, so this is only the harness's concern.
            self.loop.run_until_complete(asyncio.sleep(0.05))


class AppLoop(qasync.QEventLoop):
    """qasync's loop, whose callbacks see it running even when Qt fires them outside
    ``run_until_complete``: pytest-qt processes Qt events between a test's runs, and qasync's own
    ``run_until_complete`` processes them once more after it stopped. The app's loop runs for the
    app's whole life, so there every callback sees it running. Here a callback that asks for the
    running loop (anyio's request timeouts, ``CancelScope._timeout``) failed with "no running
    event loop" when its moment came between two runs: a flake of the harness, not of the app."""

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any,
                   context: Any = None) -> asyncio.TimerHandle:
        def as_in_the_app(*a: Any) -> None:
            if asyncio.events._get_running_loop() is not None:
                callback(*a)
                return
            asyncio.events._set_running_loop(self)
            try:
                callback(*a)
            finally:
                asyncio.events._set_running_loop(None)
        handle: asyncio.TimerHandle = super().call_later(delay, as_in_the_app, *args, context=context)
        return handle


@pytest.fixture(scope="session", autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """As the app runs in English: with its translation of plural forms ("1 contact")."""
    kept = install_translators(qapp, "en")
    assert kept, "contact_desk_en.qm did not load"
    yield
    for translator in kept:
        qapp.removeTranslator(translator)


@pytest.fixture(scope="session")
def _session_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """One qasync loop for the session: closing a loop while Qt still holds its timers
    lets them fire later on deleted objects (a crash in a later test)."""
    qapp.setQuitOnLastWindowClosed(False)  # as the app does: a closing window must not stop the loop
    loop = AppLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def aloop(_session_loop: asyncio.AbstractEventLoop) -> Iterator[Loop]:
    loop = _session_loop
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    yield Loop(loop)
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(asyncio.sleep(0.05))
    loop.set_exception_handler(None)
    assert not errors, errors


async def until(condition: Callable[[], Any], within: float = 10, what: str = "") -> None:
    """Waits on the running loop (Qt events keep flowing) until ``condition()`` is true."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.01)


async def settle(seconds: float = 0.05) -> None:
    await asyncio.sleep(seconds)


Wait = Callable[..., Awaitable[None]]
