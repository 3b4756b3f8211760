"""File → Network settings…: the choice saved beside the accounts and applied to the window's
client at once; a wrong address said inline, nothing typed lost."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contact_desk.accounts.network_choice import PROXY_PASSWORD
from contact_desk.api.network import DIRECT, MANUAL, SYSTEM, Route
from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop
from tests.ui.window import open_window


def test_a_manual_proxy_is_saved_and_applied_and_a_wrong_one_said(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                                   tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            assert w.services.network is not None and w.services.network.route == Route()
            dialog = w.account_switcher.open_network()
            assert dialog.buttons[SYSTEM].isChecked() and not dialog.address.isEnabled()
            dialog.buttons[MANUAL].setChecked(True)
            assert dialog.address.isEnabled()
            dialog.address.setText("proxy.example.com:8080")  # no scheme
            dialog.user.setText("mario")
            dialog.password.setText("s3cret")
            assert not dialog.save()
            assert dialog.error.isVisible() and "http://" in dialog.error.text()
            assert dialog.isVisible() and dialog.user.text() == "mario"  # nothing typed is lost
            dialog.address.setText("http://proxy.example.com:8080")
            assert dialog.save()
            route = w.services.network.route
            assert route.mode == MANUAL and route.proxy == "http://mario:s3cret@proxy.example.com:8080"
            assert w.services.keys.get_secret(PROXY_PASSWORD) == "s3cret"
            again = w.account_switcher.open_network()  # as saved, the password never shown
            assert again.buttons[MANUAL].isChecked() and again.password.text() == ""
            assert again.address.text() == "http://proxy.example.com:8080"
            again.buttons[DIRECT].setChecked(True)
            assert again.save() and w.services.network.route == Route(DIRECT)
            assert w.model.rowCount() >= 0  # the window goes on (the demo's sandbox is reached directly)

    aloop.run(main())
