"""In the search box, Down goes to the first result and Enter opens the only (or first) match,
as in Outlook and Thunderbird (before: Down did nothing, Enter only searched)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import ready, switch
from tests.ui.window import open_window


def test_down_goes_to_the_results_and_enter_opens_the_match(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                            tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            switch(w, 1)  # Replicer: the server searches
            await ready(w)
            w.activateWindow()
            await until(w.isActiveWindow, what="the window to be active")
            search = w.filter_bar.search
            assert search is not None
            loaded = [w.model.contact(row) for row in range(min(w.model.rowCount(), 40))]
            # an address only one contact has (other tests add contacts to this shared sandbox)
            target = next(c for c in loaded if c is not None and c.email and "@" in c.email
                          and sum(1 for o in loaded if o is not None and o.email == c.email) == 1)
            search.setFocus()
            qtbot.keyClicks(search, target.email)
            qtbot.keyClick(search, Qt.Key.Key_Down)
            await until(lambda: QApplication.focusWidget() is w.table and w.table.currentIndex().row() == 0,
                        what="the first result, in focus")
            found = w.model.contact(0)  # the first match (newest first)
            assert found is not None and found.email is not None and target.email in found.email
            assert w.registry.forms == []  # Down selects, it opens nothing
            search.setFocus()
            qtbot.keyClick(search, Qt.Key.Key_Return)
            await until(lambda: len(w.registry.forms) == 1, what="Enter to open the match")
            form = w.registry.forms[0]
            assert form.contact is not None and form.contact.id == found.id
            form._confirmed_close = True
            form.close()
    aloop.run(main())
