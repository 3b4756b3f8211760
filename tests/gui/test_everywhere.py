"""Edit → Search every account: one search over both accounts' copies, an Account column, and
Enter opening the other account with the contact selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from contact_desk.api import ApiKey, open_dialect
from contact_desk.api.dialect import Query
from contact_desk.mirror import LocalCopy, full_sync
from contact_desk.sandbox import Sandbox
from tests.gui.conftest import Loop, until
from tests.gui.window import open_window

TWO = (("Shop", "smartcq", "demo-smartcq"), ("Rep", "replicer", "rpl_test_demo"))


def test_one_search_finds_contacts_of_every_account_and_opens_one(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, TWO, copies=tmp_path / "copies") as w:
            await until(lambda: w.filter_bar.chips.available, within=60, what="the first copy")
            assert w.account is not None and w.copies.copy is not None
            shown = w.account
            other = next(a for a in w.services.accounts.all() if a.id != shown.id)
            copy = await LocalCopy.open(other.id, other.dialect, tmp_path / "copies")  # synced apart
            try:
                key = dict((name, key) for name, _d, key in TWO)[other.name]
                api = open_dialect(w.services.http, other.dialect, ApiKey(key), sandbox.base_url)
                await full_sync(api, copy)
                expected_other = await copy.count(Query(search="ros"))
            finally:
                await copy.close()
            expected_shown = await w.copies.copy.count(Query(search="ros"))
            assert expected_other and expected_shown
            dialog = w.insight.open_everywhere()
            QTest.keyClicks(dialog.box, "ros")
            await until(lambda: dialog.table.rowCount() > 0, what="results")
            accounts = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
            assert accounts == {"Shop", "Rep"}, dialog.said.text()
            assert f"{expected_shown + expected_other:,} found in 2 accounts" in dialog.said.text()
            row = next(r for r in range(dialog.table.rowCount())
                       if dialog.table.item(r, 0).text() == other.name)
            contact_id = dialog.rows[row][1]
            QTest.keyClick(dialog.box, Qt.Key.Key_Down)
            dialog.table.selectRow(row)
            QTest.keyClick(dialog.table, Qt.Key.Key_Return)
            await until(lambda: w.account is not None and w.account.id == other.id, what="the switch")
            await until(lambda: w.table.currentIndex().isValid() and w.model.contact(
                w.table.currentIndex().row()) is not None and w.model.contact(
                w.table.currentIndex().row()).id == contact_id, within=20, what="the contact selected")
            dialog.close()

    aloop.run(main(), timeout=120)
