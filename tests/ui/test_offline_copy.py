"""The offline copy in the window: search for SmartCQ, sorting, offline, forgetting."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from contact_desk.api import Query
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Sandbox
from contact_desk.ui.contacts.filter_bar import LOCAL_MIN_MS, SEARCH_DEBOUNCE_MS
from contact_desk.ui.window.main_window import MainWindow
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window, source_text

SCQ = (("Shop", "smartcq", "demo-smartcq"),)
RPL = (("Rep", "replicer", "rpl_test_demo"),)


async def complete(w: MainWindow) -> None:
    await until(lambda: w.copies.status is not None and w.copies.status.complete and w.copies.syncing is None,
                within=30, what="a complete offline copy")
    await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(0) is not None,
                what="rows")


def shown(w: MainWindow) -> list[str]:
    return [c.id for r in range(w.model.rowCount()) if (c := w.model.contact(r)) is not None]


def test_smartcq_gets_a_search_box_that_searches_the_copy(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                          tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            assert w.filter_bar.search is not None  # SmartCQ's API cannot search: the copy can
            copy = w.copies.copy
            assert copy is not None
            assert w.model.total == await copy.count(Query())  # every contact, archived ones apart
            count, first = await copy.search(Query(search="rossi"), limit=1000)
            assert count > 0
            qtbot.keyClicks(w.filter_bar.search, "rossi")  # debounced, then shown
            assert w.copies.yielding._until > time.monotonic()  # a running sync would let it go first
            await until(lambda: w.model.query.search == "rossi" and w.model.total == count
                        and w.model.contact(0) is not None, what="search results")
            await until(lambda: len(shown(w)) == min(count, w.model.rowCount()))
            assert shown(w)[:count] == [c.id for c in first]
            rows = w.status.rows_label.text()
            assert rows == f"{count} contacts" or rows.startswith(str(count))
            assert "Searched in the copy synced just now" in source_text(w)
            assert "Sync now" in source_text(w)
            # the copy answers in milliseconds: a keystroke waits about that long, not the server's 300 ms
            assert LOCAL_MIN_MS <= w.filter_bar._debounce.interval() < SEARCH_DEBOUNCE_MS

    aloop.run(main(), timeout=60)


def test_a_header_click_sorts_the_whole_list_when_the_copy_is_complete(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            newest = shown(w)[:5]
            header = w.table.horizontalHeader()
            column = [f.name for f in w.model.fields].index("lastName")
            header.sectionClicked.emit(column)
            await until(lambda: w.model.sort_order == ("lastName", False) and w.model.contact(0) is not None)
            names = [(w.model.contact(r).last_name or "") for r in range(50)]  # type: ignore[union-attr]
            assert [n.lower() for n in names if n] == sorted(n.lower() for n in names if n)
            assert header.isSortIndicatorShown() and header.sortIndicatorSection() == column
            assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            header.sectionClicked.emit(column)
            await until(lambda: w.model.sort_order == ("lastName", True) and w.model.contact(0) is not None)
            assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            header.sectionClicked.emit(column)  # a third time: newest first again
            await until(lambda: w.model.sort_order is None and w.model.contact(4) is not None)
            assert shown(w)[:5] == newest and not header.isSortIndicatorShown()

    aloop.run(main(), timeout=60)


def test_without_a_complete_copy_sorting_says_why(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                  tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ) as w:  # no offline copies
            await until(lambda: w.model.contact(0) is not None)
            first = shown(w)[:3]
            w.table.horizontalHeader().sectionClicked.emit(1)
            assert "Sorting needs an offline copy" in w.statusBar().currentMessage()
            assert not w.table.horizontalHeader().isSortIndicatorShown()
            assert shown(w)[:3] == first and w.model.sort_order is None
            assert w.filter_bar.search is None  # nothing to search SmartCQ with

    aloop.run(main())


def test_offline_shows_the_copy_keeps_writing_for_the_outbox_and_recovers_by_itself(
        aloop: Loop, qtbot: QtBot, tmp_path: Path) -> None:
    server = Sandbox(contacts=300, seed=11, db=tmp_path / "server")
    server.start()
    port = server.port

    async def main() -> None:
        async with open_window(qtbot, server, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            rows = shown(w)[:20]
            assert w.new_action.isEnabled()
            server.stop()  # the server goes away
            w.copies.sync_now()
            await until(lambda: w.copies.offline, what="offline")
            assert w.banner.isVisible() and "Offline" in w.banner.message.text()
            # a complete copy: New, Edit and Change contacts stay, what is saved waits in the outbox;
            # Import needs the server
            assert w.new_action.isEnabled() and w.edit_action.isEnabled() and w.commands.bulk.isEnabled()
            assert not w.commands.import_.isEnabled()
            assert "waits on this computer" in w.new_action.toolTip()
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(0) is not None)
            assert shown(w)[:20] == rows  # the copy is shown
            assert "Offline copy from" in source_text(w)
            again = Sandbox(contacts=300, seed=11, db=tmp_path / "server", port=port)
            again.start()
            try:
                w.copies.probe_now()  # what the timer does every few seconds
                await until(lambda: not w.copies.offline, what="back online")
                assert not w.banner.isVisible() and w.new_action.isEnabled()
            finally:
                await until(lambda: w.copies.syncing is None, within=30)
                again.stop()

    try:
        aloop.run(main(), timeout=90)
    finally:
        server.stop()


def test_replicer_searches_on_the_server_when_it_answers(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                         tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, RPL, copies=tmp_path / "copies") as w:
            await complete(w)
            assert w.filter_bar.search is not None
            w.filter_bar.search.setText("rossi")
            w.filter_bar.search.returnPressed.emit()
            await until(lambda: w.model.query.search == "rossi" and w.model.contact(0) is not None)
            assert w.model.source_kind is SourceKind.PAGE  # the server's own search
            assert w.filter_bar._debounce.interval() == SEARCH_DEBOUNCE_MS  # each search is a request
            w.copies.server_unreachable()  # as when a request could not reach it
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(0) is not None)
            assert w.model.query.search == "rossi"

    aloop.run(main(), timeout=60)


def test_forgetting_the_copy_deletes_it_and_the_list_comes_from_the_server(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            assert list((tmp_path / "copies").glob("*.sqlite3"))
            w.offline_view.forget_action.trigger()
            box = w.offline_view.prompt
            assert isinstance(box, QMessageBox) and box.isVisible()
            confirm = next(b for b in box.buttons() if "Delete" in b.text())
            confirm.click()
            await until(lambda: not list((tmp_path / "copies").glob("*.sqlite3*")), what="files deleted")
            await until(lambda: w.model.source_kind is SourceKind.CURSOR and w.model.contact(0) is not None)
            assert w.filter_bar.search is None and not w.offline_view.keep_action.isChecked()

    aloop.run(main(), timeout=60)


def test_the_table_model_over_the_copy_passes_the_model_tester(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                               tmp_path: Path, qtmodeltester: object) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            for r in range(0, w.model.rowCount(), 100):
                w.model.data(w.model.index(r, 0))
            rows = range(0, w.model.rowCount(), 100)
            await until(lambda: all(w.model.contact(r) is not None for r in rows))
            qtmodeltester.check(w.model)  # type: ignore[attr-defined]
            assert w.model.rowCount(QModelIndex()) == await w.copies.copy.count(Query())  # type: ignore[union-attr]

    aloop.run(main(), timeout=60)


def test_removing_the_account_deletes_its_copy(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                               tmp_path: Path) -> None:
    async def main() -> None:
        both = (*SCQ, ("Other", "smartcq", "demo-smartcq-other"))
        async with open_window(qtbot, sandbox, tmp_path, both, copies=tmp_path / "copies") as w:
            await complete(w)
            shop = w.account
            assert shop is not None and (tmp_path / "copies" / f"{shop.id}.sqlite3").exists()
            w.open_accounts()
            dialog = w.account_switcher.dialog
            assert dialog is not None
            dialog.refresh(shop.id)
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
            remove = next(b for b in dialog.prompt.buttons() if "Remove" in b.text())  # type: ignore[union-attr]
            remove.click()
            await until(lambda: not list((tmp_path / "copies").glob(f"{shop.id}.sqlite3*")), what="deleted")
            await until(lambda: w.account is not None and w.account.id != shop.id)
            dialog.close()

    aloop.run(main(), timeout=60)


@pytest.mark.parametrize("how", ["F5", "a save"])
def test_any_request_that_finds_the_server_gone_puts_the_window_offline(
        aloop: Loop, qtbot: QtBot, tmp_path: Path, how: str) -> None:
    from contact_desk.api import errors

    server = Sandbox(contacts=300, seed=12, db=tmp_path / "server")
    server.start()

    async def main() -> None:
        async with open_window(qtbot, server, tmp_path, RPL, copies=tmp_path / "copies") as w:
            await complete(w)
            await until(lambda: w.copies.syncing is None, within=30)
            assert w.new_action.isEnabled() and not w.copies.offline
            server.stop()
            if how == "F5":
                w.refresh_action.trigger()
            else:
                assert w.dialect is not None
                with pytest.raises(errors.NetworkError):
                    await w.dialect.create({"firstName": "Offline", "lastName": "Save"})
            await until(lambda: w.copies.offline, within=10, what="offline")
            assert w.banner.isVisible() and not w.commands.import_.isEnabled()
            assert w.new_action.isEnabled()  # the copy is complete: a new contact waits in the outbox

    try:
        aloop.run(main(), timeout=90)
    finally:
        server.stop()


def test_a_saved_contact_the_copy_cannot_take_is_logged_not_lost_silently(
        aloop: Loop, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The copy closed under a save (a quit, an account switch): the server has the contact, the
    copy catches up at its next sync, and the log says so instead of swallowing it."""

    from contact_desk.accounts.copy_choices import CopyChoices
    from contact_desk.api.models import SmartCQContact
    from contact_desk.mirror import LocalCopy
    from contact_desk.tasks import Tasks
    from contact_desk.ui.offline.offline_copy import OfflineCopy

    async def main() -> None:
        tasks = Tasks()
        controller = OfflineCopy(lambda: CopyChoices(None), tasks, tmp_path, None)
        copy = await LocalCopy.open("acct", "smartcq", tmp_path)
        controller.copy = copy
        await copy.close()
        contact = SmartCQContact(id="c1", email="a@example.com", created_at="2026-01-01T00:00:00.000Z")
        with caplog.at_level("WARNING", logger="contact_desk.ui"):
            controller.saved(contact)
            await until(lambda: len(tasks) == 0, what="the copy's put to end")
        assert "a saved contact is not in the offline copy yet" in caplog.text
        assert tasks.failures == []

    aloop.run(main())


def test_the_selection_survives_a_reload_and_a_sort(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                    tmp_path: Path) -> None:
    """After Change contacts (which reloads the list once the copy has the new values) 50 selected
    rows became 1; a sort lost them all: every selected contact stays selected where it goes."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    def selected_ids(w: MainWindow) -> set[str]:
        return {c.id for c in w.table.selected_contacts()[0]}

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            last = w.model.columnCount() - 1
            selection = QItemSelection()
            for row in range(2, 14):
                selection.select(w.model.index(row, 0), w.model.index(row, last))
            flags = QItemSelectionModel.SelectionFlag
            w.table.selectionModel().select(selection, flags.ClearAndSelect)
            w.table.selectionModel().setCurrentIndex(w.model.index(5, 1), flags.NoUpdate)
            chosen, current = selected_ids(w), w.model.contact(5)
            assert len(chosen) == 12 and current is not None
            w.browse.reload_in_place()  # what a sync, a save or Change contacts does
            await until(lambda: selected_ids(w) == chosen, what="the selection back after the reload")
            assert w.model.contact(w.table.currentIndex().row()) == current
            assert w.detail.contact is not None and w.detail.contact.id == current.id
            w.table.horizontalHeader().sectionClicked.emit(1)  # sort by a column
            await until(lambda: w.model.sort_order is not None and w.model.contact(0) is not None,
                        what="the sorted rows")

            for row in range(0, w.model.rowCount(), 40):  # bring every page in, wherever the sort put them
                w.table.scrollTo(w.model.index(row, 1))
                await until(lambda: w.model.contact(row) is not None, what=f"row {row}")  # noqa: B023
            await until(lambda: selected_ids(w) == chosen, what="the same contacts selected in the new order")
    aloop.run(main())


def test_reloads_one_after_another_keep_the_scroll(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                   tmp_path: Path) -> None:
    """An Undo of many contacts reloads the list again while it reloads: the second reload took
    the empty list's scroll (the top) as the place to return to, and the list jumped to the top."""
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            await complete(w)
            w.resize(900, 500)
            w.table.scrollTo(w.model.index(60, 1))
            await until(lambda: w.table.verticalScrollBar().value() > 0, what="a scroll")
            place = w.table.verticalScrollBar().value()
            w.browse.reload_in_place()
            w.browse.reload_in_place()  # again, before the first reload's rows arrive
            bar = w.table.verticalScrollBar()
            await until(lambda: w.model.contact(0) is not None and bar.value() == place,
                        what="the list back where it was")
    aloop.run(main())
