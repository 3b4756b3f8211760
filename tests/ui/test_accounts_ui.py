"""First start, the accounts dialog, the demo button, and the self-test command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from contact_desk.api.models import ReplicerContact
from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import DEMO, open_window


def test_first_start_offers_an_account_and_the_dialog_adds_tests_and_removes_it(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=()) as w:
            assert w.pages.currentWidget() is w.welcome
            qtbot.mouseClick(w.welcome.add_button, Qt.MouseButton.LeftButton)
            dialog = w.account_switcher.dialog
            assert dialog is not None and dialog.isVisible() and not dialog.isModal()
            dialog.name.setText("Ufficio")
            qtbot.keyClicks(dialog.key, "rpl_test_demo")
            assert dialog.dialect.currentData() == "replicer"  # guessed from the key
            dialog.base_url.setText(sandbox.base_url)
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            await until(lambda: "works" in dialog.status.text(), what="the connection test")
            assert "contacts" in dialog.status.text()
            assert "Reached directly in" in dialog.status.text()  # the route, and how long it took
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: w.model.contact(0) is not None, what="the new account's rows")
            assert w.account_switcher.combo.currentText() == "Ufficio (Replicer)"
            assert isinstance(w.model.contact(0), ReplicerContact)
            assert dialog.key.text() == ""  # the key left the form for the key store
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
            prompt = dialog.prompt  # Remove asks first (issue 10, defect 5)
            assert prompt is not None and prompt.isVisible() and "Ufficio" in prompt.text()
            assert len(w.services.accounts.all()) == 1  # nothing removed yet
            prompt.button(QMessageBox.StandardButton.Cancel).click()
            assert len(w.services.accounts.all()) == 1
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
            remove = next(b for b in dialog.prompt.buttons() if "Remove" in b.text())
            remove.click()
            assert w.pages.currentWidget() is w.welcome and w.model.rowCount() == 0
    aloop.run(main())


def test_a_wrong_key_is_said_plainly_in_the_dialog(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                   tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=()) as w:
            w.open_accounts()
            dialog = w.account_switcher.dialog
            assert dialog is not None
            dialog.name.setText("Wrong")
            dialog.key.setText("not-a-key")
            dialog.base_url.setText(sandbox.base_url)
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            await until(lambda: "refused" in dialog.status.text())
            assert "request id" in dialog.status.text()
            # the key being typed here, not "edit the account" (issue 34, point 12)
            assert "edit the account" not in dialog.status.text() and "Check it" in dialog.status.text()
            dialog.base_url.setText("http://crm.example.com")
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert "https" in dialog.status.text() and w.services.accounts.all() == []
    aloop.run(main())


def test_try_the_demo_starts_a_sandbox_with_two_accounts(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                         tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=()) as w:
            qtbot.mouseClick(w.welcome.demo_button, Qt.MouseButton.LeftButton)
            await until(lambda: w.model.contact(0) is not None, within=60, what="demo rows")
            assert w.account_switcher.combo.count() == 2
            assert w.services.sandbox is not None and w.services.sandbox.base_url != sandbox.base_url
    aloop.run(main())


def test_self_test_prints_one_json_line_and_exits_zero(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTACT_DESK_CONFIG_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "contact_desk", "--self-test", "--contacts", "600"],
                       capture_output=True, text=True, env=env, timeout=180)
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads([line for line in r.stdout.splitlines() if line.startswith("{")][-1])
    assert report["ok"] is True and report["first_rows_ms"] > 0
    assert report["version"] and report["qt_version"].startswith("6.") and report["keyring_backend"]
    assert report["rows_after_scroll"] > 100 and report["second_account_total"] == 600
    assert list(tmp_path.iterdir()) == []  # nothing written to the user's config


def test_a_key_lost_from_the_keyring_is_said_and_set_again_in_the_dialog(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=DEMO[:1]) as w:
            account = w.services.accounts.all()[0]
            w.model.set_source(None)
            w.services.keys.delete(account.id)  # a keyring reset, or a crash of an older version
            w.load_accounts(select=account.id)
            await until(lambda: "No API key is stored" in w.banner.message.text(), what="the missing key")
            assert "type its key and press Save" in w.banner.message.text()
            w.open_accounts()
            dialog = w.account_switcher.dialog
            assert dialog is not None
            dialog.key.setText("demo-smartcq")
            assert dialog.current() == account
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: "Saved" in dialog.status.text(), what="the key checked and saved")
            assert w.services.keys.get(account.id).reveal() == "demo-smartcq"
            assert [a.id for a in w.services.accounts.all()] == [account.id]  # the same account
            await until(lambda: w.model.contact(0) is not None, what="its rows again")
    aloop.run(main())


def test_the_services_are_fixed_and_a_replaced_account_book_closes_the_old_dialog(
        qtbot: QtBot, tmp_path: Path) -> None:
    """The demo swaps in its own accounts through the book, never by assignment: the Accounts
    dialog, made on the old stores, is let go and made anew on the new ones."""
    import httpx
    import pytest
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
    from contact_desk.ui.contacts.form_registry import FormRegistry
    from contact_desk.ui.context import Services
    from contact_desk.ui.window.account_switcher import AccountSwitcher

    old, new = MemoryAccountStore(), MemoryAccountStore()
    services = Services(http=httpx.AsyncClient(), accounts=old, keys=MemoryKeyStore(),
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    with pytest.raises(AttributeError):
        services.accounts = new  # type: ignore[misc]
    parent = QWidget()
    qtbot.addWidget(parent)
    switcher = AccountSwitcher(services, FormRegistry(), parent)
    first = switcher.open_dialog()
    assert first.accounts is old
    services.book.replace(new, MemoryKeyStore())
    assert services.accounts is new and switcher.dialog is None
    again = switcher.open_dialog()
    assert again is not first and again.accounts is new
    again.close()


def test_the_accounts_dialog_keeps_what_is_typed(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                  tmp_path: Path) -> None:
    """Enter after Test connection saved nothing and closed the dialog (the disabled Test button
    handed the focus to Close); Close never asked about what was typed; "Saved." lingered."""
    from PySide6.QtWidgets import QApplication

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=()) as w:
            dialog = w.account_switcher.open_dialog()
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            await until(dialog.isActiveWindow, what="the dialog to be active")
            assert QApplication.focusWidget() is dialog.name  # no account yet: its name first
            assert all("&" in b.text() for b in (dialog.new_button, dialog.save_button, dialog.remove_button,
                                                  dialog.test_button))
            dialog.name.setText("Ufficio")
            qtbot.keyClicks(dialog.key, "rpl_test_demo")  # the dialect is guessed from it
            dialog.base_url.setText(sandbox.base_url)
            dialog.test_button.setFocus()
            qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)  # Test connection from the keyboard
            await until(lambda: "works" in dialog.status.text(), what="the connection test")
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            await until(lambda: len(w.services.accounts.all()) == 1, what="Enter to save the account")
            assert dialog.isVisible() and "Saved." in dialog.status.text()
            qtbot.keyClicks(dialog.name, " Milano")
            assert dialog.status.text() == ""  # an edit makes "Saved." old news
            dialog.close()
            prompt = dialog.prompt
            assert prompt is not None and prompt.isVisible() and dialog.isVisible()  # asks first
            prompt.button(QMessageBox.StandardButton.Cancel).click()
            assert dialog.isVisible() and dialog.name.text() == "Ufficio Milano"  # kept
            dialog.close()
            dialog.prompt.button(QMessageBox.StandardButton.Discard).click()
            assert not dialog.isVisible()
            assert [a.name for a in w.services.accounts.all()] == ["Ufficio"]  # the edit discarded
            again = w.account_switcher.open_dialog()
            qtbot.waitExposed(again)
            again.activateWindow()
            await until(again.isActiveWindow, what="the dialog to be active again")
            assert QApplication.focusWidget() is again.list  # with accounts: the list, every time
            qtbot.keyClick(again.list, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is again.name  # the list comes first in the Tab order
            assert again.name.text() == "Ufficio" and not again.is_dirty()
            again.close()
            assert not again.isVisible()  # nothing typed: no question
            again = w.account_switcher.open_dialog()
            again.name.setText("Ufficio Roma")
            again.close()
            again.prompt.button(QMessageBox.StandardButton.Save).click()
            assert [a.name for a in w.services.accounts.all()] == ["Ufficio Roma"] and not again.isVisible()
    aloop.run(main())
