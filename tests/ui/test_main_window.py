"""The main window against the sandbox: what a user sees while browsing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from contact_desk.api.models import ReplicerContact, SmartCQContact
from contact_desk.models.contact_table import ContactRole
from contact_desk.sandbox import Faults, Sandbox
from contact_desk.ui.window.main_window import MainWindow
from tests.ui.conftest import Loop, until
from tests.ui.window import loaded_rows, open_window


def shown(window: MainWindow) -> list[object]:
    m = window.model
    return [m.data(m.index(r, 0), ContactRole) for r in range(m.rowCount())]


def switch(window: MainWindow, index: int) -> None:
    window.account_switcher.combo.setCurrentIndex(index)
    window.account_switcher.combo.activated.emit(index)


def test_first_page_appears_and_scrolling_loads_more_without_repeats(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.rowCount() >= 100 and w.model.contact(0) is not None)
            # SmartCQ cannot know its total: it says what is shown, not "100+" (issue 10, defect 10)
            label = w.findChild(type(w.status.rows_label), "rows-label").text()
            assert label == f"{QLocale().toString(w.model.rowCount())} shown, more below", label
            for _ in range(3):
                before = w.model.rowCount()
                w.table.scrollToBottom()
                await until(lambda b=before: w.model.rowCount() > b, what="another page")
            ids = [c.id for c in shown(w) if c is not None]
            assert len(ids) == len(set(ids)) == w.model.rowCount() >= 400
    aloop.run(main())


def test_page_dialect_shows_the_total_and_fills_rows_on_demand(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            switch(w, 1)
            await until(lambda: w.model.total is not None and w.model.contact(0) is not None)
            total = w.model.total
            assert total and w.model.rowCount() == total
            assert f"{QLocale().toString(total)} contacts" == w.status.rows_label.text()
            assert w.model.contact(total - 1) is None  # not loaded until shown
            w.table.scrollToBottom()
            await until(lambda: w.model.contact(total - 1) is not None, what="the last rows")
            assert loaded_rows(w.model) < total  # only what was shown
    aloop.run(main())


def test_filter_change_while_a_slow_page_is_in_flight_drops_the_stale_answer(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None)
            faulty.faults = Faults(latency_ms=600)
            w.refresh()  # a slow unfiltered page is now in flight
            await until(lambda: faulty.max_in_flight >= 1 and w.model.loading)
            faulty.faults = Faults()
            combo = w.filter_bar.findChild(QComboBox, "filter-emailStatus")
            combo.setCurrentIndex(combo.findData("bounced"))
            await until(lambda: w.model.contact(0) is not None, what="the filtered rows")
            await asyncio.sleep(0.8)  # the slow answer has come back by now, and must be dropped
            rows = shown(w)
            assert rows and all(isinstance(c, SmartCQContact) and c.email_status == "bounced" for c in rows)
    aloop.run(main())


def test_account_switch_under_a_slow_sandbox_never_shows_the_previous_accounts_rows(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            faulty.faults = Faults(latency_ms=300)
            switch(w, 1)  # Replicer, slow
            await asyncio.sleep(0.05)
            switch(w, 0)  # back to SmartCQ before the Replicer answer arrives
            seen_wrong = False
            for _ in range(80):
                seen_wrong |= any(isinstance(c, ReplicerContact) for c in shown(w))
                await asyncio.sleep(0.01)
            await until(lambda: w.model.contact(0) is not None)
            assert not seen_wrong
            assert all(isinstance(c, SmartCQContact) for c in shown(w) if c is not None)
    aloop.run(main())


def test_a_failed_load_shows_the_banner_and_retry_recovers(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        faulty.faults = Faults(rate_503=1.0, retry_after=0)
        async with open_window(qtbot, faulty, tmp_path) as w:
            await until(w.banner.isVisible, what="the error banner")
            text = w.banner.message.text()
            assert "server had a problem" in text and "request id req_" in text
            assert w.model.rowCount() == 0 and not w.table.empty.isVisible()
            assert w.findChild(QLabel, "status-error") is None  # said once, in the banner (defect 15)
            faulty.faults = Faults()
            qtbot.mouseClick(w.banner.retry_button, Qt.MouseButton.LeftButton)
            await until(lambda: w.model.contact(0) is not None, what="rows after Retry")
            assert not w.banner.isVisible()
    aloop.run(main())


def test_search_is_debounced_and_an_empty_result_says_so(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            switch(w, 1)
            await until(lambda: w.model.contact(0) is not None)
            faulty.clear_requests()
            qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            search = w.filter_bar.findChild(QLineEdit, "filter-search")
            assert QGuiApplication.focusObject() is search
            qtbot.keyClicks(search, "zzqqxx")
            await until(w.table.empty.isVisible, what="the empty state")
            assert w.table.empty.text() == "No contacts match"
            searches = [r.query for r in faulty.requests() if "search" in r.query]
            assert len(searches) == 1 and "search=zzqqxx" in searches[0]  # one request, not six
            search.clear()
            await until(lambda: w.model.contact(0) is not None and not w.table.empty.isVisible())
    aloop.run(main())


def test_details_follow_the_selection_and_copy_the_email(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(3) is not None)
            w.table.setFocus()
            w.table.selectRow(0)
            qtbot.keyClick(w.table, Qt.Key.Key_Down)
            qtbot.keyClick(w.table, Qt.Key.Key_Down)
            contact = w.model.contact(2)
            assert isinstance(contact, SmartCQContact)
            assert w.detail.values["email"].full_text() == contact.email  # type: ignore[attr-defined]
            assert w.detail.values["id"].full_text() == contact.id  # type: ignore[attr-defined]
            qtbot.mouseClick(w.detail.findChild(QToolButton, "copy-email"), Qt.MouseButton.LeftButton)
            assert QGuiApplication.clipboard().text() == contact.email
    aloop.run(main())


def test_f5_reloads_and_hidden_columns_are_remembered_per_dialect(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None)
            header = w.table.horizontalHeader()
            w.table._set_column(1, False)  # what the header's column chooser does
            assert header.isSectionHidden(1)
            switch(w, 1)
            await until(lambda: w.model.contact(0) is not None)
            assert not header.isSectionHidden(1)  # Replicer has its own layout
            switch(w, 0)
            await until(lambda: w.model.contact(0) is not None)
            assert header.isSectionHidden(1)
            faulty.clear_requests()
            qtbot.keyClick(w, Qt.Key.Key_F5)
            await until(lambda: any(r.path == "/api/v1/contacts" for r in faulty.requests()), what="reload")
    aloop.run(main())


def test_the_status_bar_says_how_many_rows_are_selected(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                         tmp_path: Path) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None, what="rows")
            w.table.selectRow(0)
            assert "selected" not in w.status.rows_label.text()  # one row: the details say which
            selection = QItemSelection(w.model.index(0, 0), w.model.index(11, w.model.columnCount() - 1))
            w.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            assert w.status.rows_label.text().endswith("· 12 selected"), w.status.rows_label.text()
            w.table.selectAll()
            loaded = w.model.rowCount()
            assert w.status.rows_label.text().endswith(f"· {QLocale().toString(loaded)} selected")
    aloop.run(main())


def test_switching_accounts_and_back_keeps_the_selection_and_the_scroll(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            switch(w, 1)  # Replicer: a known total, rows far down
            await until(lambda: w.model.contact(0) is not None, what="rows")
            w.resize(900, 500)
            bar = w.table.verticalScrollBar()
            w.table.scrollTo(w.model.index(40, 1))
            await until(lambda: w.model.contact(40) is not None, what="row 40")
            w.table.selectRow(40)
            chosen, scroll = w.model.contact(40), bar.value()
            assert chosen is not None and scroll > 0
            switch(w, 0)
            await until(lambda: isinstance(w.model.contact(0), SmartCQContact), what="the other account")
            switch(w, 1)
            await until(lambda: w.detail.contact is not None and w.detail.contact.id == chosen.id,
                        what="the same contact selected again")
            assert bar.value() == scroll  # where the list was
    aloop.run(main())
