"""The details pane's Copy buttons (issue 34, point 8): a Copy button says it copied, and is not
offered with nothing to copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import ready
from tests.ui.window import open_window


def test_copy_buttons_say_copied_and_wait_for_something_to_copy(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                                 tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            buttons = w.detail.copy_buttons
            assert buttons and not any(b.isEnabled() for b in buttons.values())  # "No contact selected"
            w.table.selectRow(0)
            contact = w.model.contact(0)
            await until(lambda: w.detail.contact is not None)
            copy = buttons["email"]
            assert copy.isEnabled() and contact is not None
            copy.click()
            assert QGuiApplication.clipboard().text() == contact.email  # type: ignore[union-attr]
            assert copy.text() == "Copied"
            await until(lambda: copy.text() == "Copy", within=5, what="the button back to Copy")
    aloop.run(main())


def test_a_copy_button_gone_before_its_copied_ends_is_left_alone(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                                 tmp_path: Path) -> None:
    """Another account shown within the 1.5 s: its fields rebuilt, the old button deleted; the
    timer must not touch it (it raised in the Qt loop of a later test)."""
    import asyncio

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            w.table.selectRow(0)
            await until(lambda: w.detail.contact is not None)
            w.detail.copy_buttons["email"].click()
            w.detail.show_contact(None, None)  # the fields go, the buttons with them
            await asyncio.sleep(2.0)  # past the "Copied" moment
            assert w.detail.copy_buttons == {}
    aloop.run(main())
