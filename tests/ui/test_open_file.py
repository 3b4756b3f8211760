"""A file opened with Contact Desk (issue 35, point 3): ``contact-desk FILE`` reaches the Import
dialog with that file, asking for the account when there are several; with no account yet, it
says so and opens the file once one is added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFileOpenEvent
from pytestqt.qtbot import QtBot

from contact_desk.api import ApiKey
from contact_desk.app import file_opening
from contact_desk.cli.main import _file_to_open
from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Aperto Dafile\r\nN:Dafile;Aperto;;;\r\n"
        "EMAIL:aperto@file.example\r\nEND:VCARD\r\n")


def test_the_file_argument_is_told_from_commands_and_option_values() -> None:
    commands = {"import", "export", "search"}
    for argv, wanted in ((["rubrica.vcf"], "rubrica.vcf"), (["--lang", "it", "Lista.XLSX"], "Lista.XLSX"),
                         (["--demo", "c:\\a b\\x.csv"], "c:\\a b\\x.csv"),
                         (["import", "x.csv", "--account", "a"], None), (["--demo"], None),
                         (["notes.txt"], None)):
        args = list(argv)
        got = _file_to_open(args, commands)
        assert (str(got) if got else None) == wanted, argv
        assert (wanted in args) is False if wanted else args == argv


def test_a_file_opened_with_contact_desk_reaches_the_import_dialog_of_the_chosen_account(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "da aprire.vcf"
    path.write_text(CARD, encoding="utf-8")

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None, what="rows")
            opening = file_opening(w)
            opening.open(path)
            ask = opening.ask
            assert ask is not None and ask.isVisible() and "da aprire.vcf" in ask.windowTitle()
            ask.textValueSelected.emit("Demo Replicer")
            await until(lambda: opening.dialog is not None and opening.dialog.pages.currentIndex() == 1,
                        within=20, what="the Import dialog on the file")
            assert w.account is not None and w.account.name == "Demo Replicer"
            assert "Demo Replicer" in opening.dialog.windowTitle()  # type: ignore[union-attr]
            await until(lambda: opening.dialog.preview.rowCount() == 1, what="the file's contact")  # type: ignore[union-attr]
            opening.dialog.stop()  # type: ignore[union-attr]
            opening.dialog.close()  # type: ignore[union-attr]
            # macOS's Finder hands a file over as an event
            opening.ask = None
            QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent(str(path)))
            assert opening.ask is not None and opening.ask.isVisible()
            opening.ask.close()
            assert QEvent.Type.FileOpen

    aloop.run(main(), timeout=60)


def test_with_no_account_yet_the_file_waits_for_one(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "lista.vcf"
    path.write_text(CARD, encoding="utf-8")

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=()) as w:
            opening = file_opening(w)
            opening.open(path)
            assert "add an account first" in w.statusBar().currentMessage()
            store = w.services.accounts
            added = store.add("Nuovo", "replicer", sandbox.base_url, key=ApiKey("rpl_test_demo"),
                              keys=w.services.keys)
            w.account_switcher.accountsChanged.emit(added.id)
            await until(lambda: opening.dialog is not None and opening.dialog.pages.currentIndex() == 1,
                        within=20, what="the Import dialog once the account is there")
            opening.dialog.stop()  # type: ignore[union-attr]
            opening.dialog.close()  # type: ignore[union-attr]
            opening.open(tmp_path / "gone.vcf")
            assert "not there" in w.statusBar().currentMessage()

    aloop.run(main(), timeout=60)
