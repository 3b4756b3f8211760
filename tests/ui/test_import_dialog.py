"""File → Import… in the window: read, map, check every row, send, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from contact_desk.i18n import install_translators
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.mapping import Memory
from tests.transfer.samples import ITALIAN, tag, write_csv
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

RPL = (("Rep", "replicer", "rpl_test_demo"),)


def test_a_file_is_checked_then_imported_and_the_report_saved(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTACT_DESK_CONFIG_DIR", str(tmp_path / "config"))
    t = tag()
    path = write_csv(tmp_path / "rubrica.csv", [*ITALIAN, "Extra"], [
        {"Nome": "Uno", "Cognome": "Primo", "Email": f"uno.{t}@example.it", "Telefono": "02 1234567",
         "Data di nascita": "15/03/1990", "Extra": "x"},
        {"Nome": "Due", "Email": "non-valida"},
        {"Nome": "Tre", "Email": f"UNO.{t}@example.it"},
    ], delimiter=";")

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, RPL) as w:
            await until(lambda: w.model.contact(0) is not None)
            dialog = w.transfers.import_contacts()
            assert dialog is not None
            dialog.open_file(path)
            await until(lambda: dialog.pages.currentIndex() == 1 and "Ready" in dialog.counts.text())
            assert "semicolon" in dialog.source.text()
            combos = {dialog.table.columns[i]: dialog.columns.cellWidget(i, 1)  # type: ignore[union-attr]
                      for i in range(dialog.columns.rowCount())}
            assert isinstance(combos["Email"], QComboBox) and combos["Email"].currentData() == "email"
            assert combos["Extra"].currentData() is None  # type: ignore[union-attr]
            said = dialog.counts.text()
            assert "written the API's way: 1" in said and "repeated in the file: 1" in said
            assert "invalid: 1" in said
            assert dialog.preview.item(0, 1).text() == "normalised"
            first_row = [dialog.preview.item(0, c).text() for c in range(dialog.preview.columnCount())]
            assert "+39021234567" in first_row
            assert dialog.send.isEnabled()
            assert dialog.send.text().replace("&", "") == "Import 1 contact into Rep"
            assert "Rep" in dialog.windowTitle()  # the target account, on every step
            assert dialog.preview.rowCount() == 3
            dialog.problems_only.setChecked(True)  # only the rows to look at
            statuses = {dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())}
            assert dialog.preview.rowCount() == 2 and statuses == {"repeated in the file", "invalid"}
            dialog.problems_only.setChecked(False)
            combos["Extra"].setCurrentIndex(combos["Extra"].findData("notes"))  # type: ignore[union-attr]
            await until(lambda: "Notes" in [dialog.preview.horizontalHeaderItem(c).text()
                                            for c in range(dialog.preview.columnCount())])
            dialog.send.click()
            await until(lambda: "Created 1" in dialog.run_note.text(), within=20)
            # the preview's words and counts (issue 34, point 9: the report said "invalid 2")
            assert "repeated in the file 1, invalid 1," in dialog.run_note.text()
            assert dialog.save_failed.isVisible()
            assert dialog.report.isVisible() and dialog.report.rowCount() == 2  # listed in the dialog too
            outcomes = sorted(dialog.report.item(r, 1).text() for r in range(2))
            assert outcomes == ["invalid", "repeated in the file"]
            reasons = " ".join(dialog.report.item(r, 2).text() for r in range(2))
            assert "email" in reasons.lower()
            dialog._save(failed=True)
            assert dialog.chooser is not None
            dialog.chooser.fileSelected.emit(str(tmp_path / "failed.csv"))
            failed = (tmp_path / "failed.csv").read_text(encoding="utf-8-sig")
            assert "non-valida" in failed and "reason" in failed.splitlines()[0]
            assert "UNO." not in failed  # a repeated row is no row to fix and import again
            dialog.stop()
            remembered = w.host.mappings().store.read()  # for the next file with the same headers
            assert remembered[Memory.key([*ITALIAN, "Extra"], dialog.schema.dialect)]["Extra"] == "notes"

    aloop.run(main(), timeout=60)
    assert not (tmp_path / "config").exists()  # the window's accounts are in memory: so are its mappings


def test_the_checks_are_told_in_the_windows_language(
        aloop: Loop, qtbot: QtBot, qapp: QApplication, sandbox: Sandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTACT_DESK_CONFIG_DIR", str(tmp_path / "config"))
    t = tag()
    path = write_csv(tmp_path / "rubrica.csv", ITALIAN, [
        {"Nome": "Uno", "Email": f"uno.{t}@example.it", "Telefono": "02 1234567"},
        {"Nome": "Due", "Email": "non-valida"},
        {"Nome": "Tre", "Email": f"UNO.{t}@example.it"},
    ], delimiter=";")
    (tmp_path / "vuoto.csv").write_bytes(b"")
    translators = install_translators(qapp, "it")
    assert translators

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, RPL) as w:
            await until(lambda: w.model.contact(0) is not None)
            dialog = w.transfers.import_contacts()
            assert dialog is not None
            dialog.open_file(tmp_path / "vuoto.csv")
            await until(lambda: dialog.file_note.text() == "Il file è vuoto")
            dialog.open_file(path)
            await until(lambda: dialog.pages.currentIndex() == 1 and dialog.preview.rowCount() == 3)
            assert dialog.source.text() == "3 righe da un file CSV (UTF-8, separato da punto e virgola)."
            assert dialog.send.text().replace("&", "") == "Importa 1 contatto in Rep"
            reasons = [dialog.preview.item(r, 2).text() for r in range(3)]
            assert reasons[0] == "Telefono: '02 1234567' scritto come '+39021234567'"
            assert reasons[1] == "Email: non è un indirizzo email valido"
            assert reasons[2] == "la stessa email della riga 1"
            assert dialog.preview.item(1, 1).toolTip() == reasons[1]
            dialog.stop()

    try:
        aloop.run(main(), timeout=60)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_smartcq_preview_says_already_there_and_failed_rows_keep_the_files_shape(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.transfer import realworld as rw
    from tests.ui.test_offline_copy import complete

    monkeypatch.setenv("CONTACT_DESK_CONFIG_DIR", str(tmp_path / "config"))
    t = tag()

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, (("Shop", "smartcq", "demo-smartcq"),),
                               copies=tmp_path / "copies") as w:
            await complete(w)
            there = w.model.contact(0)
            assert there is not None and there.email
            header = ["First Name", "Last Name", "E-mail Address", "Categories"]
            path = rw.write(tmp_path / "outlook.csv", rw.csv_bytes(header, [
                ["Già", "Presente", there.email.upper(), ""],
                ["Nuova", "Società", f"nuova.{t}@example.it", f"vip;Clienti-{t}"],
                ["Rotta", "Email", "non-valida", ""]], delimiter=";", encoding="cp1252"))
            dialog = w.transfers.import_contacts()
            assert dialog is not None
            dialog.open_file(path)
            await until(lambda: dialog.pages.currentIndex() == 1 and "Ready" in dialog.counts.text())
            said = dialog.counts.text()
            assert "already there: 1" in said and "invalid: 1" in said, said
            assert dialog.preview.item(0, 1).text() == "already there"
            assert dialog.unknown_tags.isVisibleTo(dialog)
            assert f"the tags the account lacks: Clienti-{t}" in dialog.preview.item(1, 2).text()
            dialog.grab().save(str(tmp_path / "import.png"))  # looked at while writing this test
            dialog.send.click()
            await until(lambda: "Created 1" in dialog.run_note.text(), within=20)
            dialog._save(failed=True)
            assert dialog.chooser is not None
            dialog.chooser.fileSelected.emit(str(tmp_path / "failed.csv"))
            raw = (tmp_path / "failed.csv").read_bytes()
            assert raw.decode("cp1252").splitlines()[1].startswith("Rotta;Email;non-valida;")
            dialog.stop()

    aloop.run(main(), timeout=90)
