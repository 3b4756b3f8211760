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
from contact_desk.ui.window.main_window import MainWindow
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

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
            assert not dialog.isVisible()  # out of the way of the contact it opened (issue 34, point 5)
            await until(lambda: w.table.currentIndex().isValid() and w.model.contact(
                w.table.currentIndex().row()) is not None and w.model.contact(
                w.table.currentIndex().row()).id == contact_id, within=20, what="the contact selected")
            dialog.close()

    aloop.run(main(), timeout=120)


def _selected_id(w: MainWindow) -> str | None:
    index = w.table.currentIndex()
    contact = w.model.contact(index.row()) if index.isValid() else None
    return contact.id if contact is not None else None


def _in_view(w: MainWindow, row: int) -> bool:
    rect = w.table.visualRect(w.model.index(row, w.table.currentIndex().column()))
    return rect.isValid() and w.table.viewport().rect().intersects(rect)


def test_a_found_contact_far_down_a_visited_account_is_selected_in_its_own_view(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Search every account → Enter on a contact of an account visited before, beyond the first
    page, that the account's own filter shows: its page is loaded, the contact selected and in
    view, and the account's filter kept. One its filter hides: every contact is shown, the
    contact selected, and "Back to your list" puts the filter back."""
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, TWO, copies=tmp_path / "copies") as w:
            accounts = w.services.accounts.all()
            other = next(a for a in accounts if a.name == "Shop")  # searched in its copy: the copy says
            first = next(a for a in accounts if a.id != other.id)
            w.show_account(other.id)
            await until(lambda: w.filter_bar.chips.available and w.model.contact(0) is not None, within=60,
                        what="the account's copy")
            copy = w.copies.copy
            assert copy is not None and w.account is not None and w.account.id == other.id
            own = Query(email_status="active")
            w.filter_bar.set_query(own)
            w.browse.query_changed(own)
            await until(lambda: w.model.contact(0) is not None and w.model.query == own, what="its filter")
            listed = await copy.rows(own, 0, 10_000)
            every = await copy.rows(Query(), 0, 10_000)
            hidden = next(c for c in every if c.id not in {x.id for x in listed})
            far = listed[len(listed) - 3]  # beyond the first page
            assert len(listed) > w.model.page_size + 3
            w.table.selectRow(2)  # a place in the account, remembered when the user leaves
            w.show_account(first.id)
            await until(lambda: w.account is not None and w.account.id == first.id
                        and w.model.contact(0) is not None, within=60, what="the other account")

            w.insight.open_found(other.id, far.id)
            await until(lambda: _selected_id(w) == far.id, within=20, what="the far contact selected")
            assert w.account is not None and w.account.id == other.id
            assert w.filter_bar.query() == own  # the account's own filter, kept
            assert w.detail.contact is not None and w.detail.contact.id == far.id
            assert _in_view(w, w.table.currentIndex().row())

            w.insight.open_found(other.id, hidden.id)
            await until(lambda: _selected_id(w) == hidden.id, within=20, what="the hidden contact selected")
            assert w.filter_bar.query() == Query() and w.banner.isVisible()
            assert "hid the contact" in w.banner.message.text()
            assert _in_view(w, w.table.currentIndex().row())
            assert w.banner.retry_button.text() == "Back to your list"
            w.banner.retry_button.click()
            await until(lambda: w.model.query == own and w.model.contact(0) is not None,
                        what="the list as it was")
            assert w.filter_bar.query() == own

    aloop.run(main(), timeout=120)


def test_results_read_as_people_read_them_say_where_they_matched_and_show_more(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Phones grouped; a row found by a field it does not show says which ("City: …"); "the first N
    shown" comes with Show more, which lists the rest; a copy still syncing is searched again by
    itself, the selection kept (issue 34, points 2 and 5)."""
    from contact_desk.mirror.query.across import Found

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, (TWO[1],), copies=tmp_path / "copies") as w:
            api = open_dialect(w.services.http, "replicer", ApiKey("rpl_test_demo"), sandbox.base_url)
            made = await api.create({"firstName": "Ilaria", "lastName": "Fumagalli", "city": "Zanzibaropoli",
                                     "phoneNumber": "+393471360743", "email": "ilaria@fumagalli.example"})
            w.copies.sync_now()
            await until(lambda: w.filter_bar.chips.available and w.copies.syncing is None, within=60,
                        what="the copy")
            w.copies.sync_now()
            await until(lambda: w.copies.syncing is None, within=30)
            dialog = w.insight.open_everywhere()
            QTest.keyClicks(dialog.box, "zanzibaro")
            await until(lambda: dialog.table.rowCount() == 1, what="the city's contact")
            cells = [dialog.table.item(0, c).text() for c in range(5)]
            assert cells[1:] == ["Ilaria Fumagalli", "ilaria@fumagalli.example", "+39 347 136 0743",
                                 "City: Zanzibaropoli"], cells
            assert dialog.rows[0][1] == made.id
            dialog.box.setText("fumagalli")
            await until(lambda: dialog.table.rowCount() >= 1 and dialog.rows[0][1] == made.id
                        and dialog.table.item(0, 4).text() == "", what="by name: the name shows why")

            dialog.box.setText("a")
            await until(lambda: dialog.table.rowCount() > 0 and dialog.more.isVisible(), what="a long answer")
            first = dialog.table.rowCount()
            assert "(the first 50 shown)" in dialog.said.text()
            dialog.more.click()
            await until(lambda: dialog.table.rowCount() > first, what="more shown")
            assert dialog.table.rowCount() == min(200, int(dialog.said.text().split()[0].replace(",", "")))

            # a copy still syncing: searched again by itself, the row the user chose kept
            account = w.services.accounts.all()[0]
            dialog.box.setText("fumagalli")
            await until(lambda: dialog.table.rowCount() >= 1 and dialog.rows[0][1] == made.id, what="again")
            dialog._again.stop()
            partial = Found(account.id, 1, [made], complete=False)
            dialog.show_results("fumagalli", [account], [partial])
            dialog.table.selectRow(0)
            assert dialog._again.isActive() and "as far as its offline copy is synced" in dialog.said.text()
            await until(lambda: "as far as" not in dialog.said.text(), within=10, what="the search run again")
            assert dialog.table.currentRow() == dialog.rows.index((account.id, made.id))
            QTest.keyClick(dialog.box, Qt.Key.Key_Escape)
            assert not dialog.isVisible()

    aloop.run(main(), timeout=120)
