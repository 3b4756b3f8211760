"""The harness's loop (tests/ui/conftest.py, AppLoop): a callback that Qt fires between two runs
of the loop sees it running, as every callback does in the app. With plain qasync it failed with
"no running event loop" (anyio's request timeouts do ask), caught by the loop's exception handler:
the flake seen once at the teardown of test_detail_copy."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Loop


def test_a_callback_fired_between_runs_sees_the_loop_running(aloop: Loop, qtbot: QtBot) -> None:
    seen: list[object] = []

    def timeout_like_anyio() -> None:  # anyio's CancelScope._timeout reads the running loop's clock
        seen.append(asyncio.get_running_loop())

    aloop.loop.call_later(0.01, timeout_like_anyio)
    qtbot.wait(100)  # Qt processes events outside run_until_complete, as pytest-qt does between runs
    assert seen == [aloop.loop]
