"""Help → What's this? (Shift+F1), the optional point of issue 35, point 6: then a click on any
part of the window tells what it is for, in the user's language; the keys list names it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window


def _explained(widget: QWidget) -> str:
    """What Qt shows for a click on ``widget``: its own text, else its nearest parent's."""
    w: QWidget | None = widget
    while w is not None and not w.whatsThis():
        w = w.parentWidget()
    return w.whatsThis() if w is not None else ""


def whats_this_popups() -> list[QWidget]:
    """The explanations Qt shows now (its private QWhatsThat windows)."""
    return [t for t in QApplication.topLevelWidgets()
            if t.isVisible() and t.metaObject().className() == "QWhatsThat"]


def test_every_part_of_the_window_says_what_it_is_for(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                      tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await until(lambda: w.model.contact(0) is not None, what="rows")
            w.table.selectRow(0)
            await until(lambda: w.detail.title.text() != "", what="the details")
            parts = {"Contacts": w.table.viewport(), "Search and filters": w.filter_bar,
                     "Details": w.detail.widget(), "Account": w.account_switcher.combo,
                     "Sidebar": w.side.sidebar.viewport(), "Where the rows come from": w.offline_view.label}
            for title, widget in parts.items():
                assert f"<b>{title}</b>" in _explained(widget), title
            assert "<b>Outbox</b>" in w.outbox.label.whatsThis()
            action = w.commands.whats_this
            assert action in w.commands.help_menu.actions() and action.shortcut().toString() == "Shift+F1"
            action.trigger()
            assert QWhatsThis.inWhatsThisMode()
            QTest.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 10))
            await until(lambda: bool(whats_this_popups()), what="the explanation")
            assert not QWhatsThis.inWhatsThisMode()  # one click, one answer
            QWhatsThis.hideText()

    aloop.run(main(), timeout=60)
