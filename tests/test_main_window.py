"""The demo window, as a real widget offscreen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from contact_desk.ui.main_window import MainWindow


def test_window_is_titled_and_names_the_running_sandbox(qtbot: QtBot, sandbox: Sandbox) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "Contact Desk"
    window.show_demo(sandbox.base_url, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle().startswith("Contact Desk")
    assert sandbox.base_url in window.placeholder.text()
    assert "600" in window.placeholder.text()
