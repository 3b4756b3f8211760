"""The Birthday field takes typed dates: the locale's format or ISO, empty by default, Select-all
and Delete as in any text field, Tab leaves it, and its calendar opens on the date or today.
Before, a QDateEdit with a "no date" minimum trapped typing ("no dateACME", "no date5031990")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget
from pytestqt.qtbot import QtBot

from contact_desk.models.format import date_format
from contact_desk.sandbox import Sandbox
from contact_desk.ui.contacts.editors import DateEditor
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import error, new_replicer_contact, posts
from tests.ui.window import open_window


def test_typed_dates_tab_and_clearing_in_the_new_form(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                        tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            form, _name = await new_replicer_contact(w, sandbox, "Date")
            qtbot.waitExposed(form)
            form.activateWindow()
            await until(form.isActiveWindow, what="the form to be the active window")
            birthday = form.editors["birthday"]
            assert isinstance(birthday, DateEditor) and birthday.value() is None  # empty by default
            phone = form.editors["phoneNumber"].widget
            phone.setFocus()
            qtbot.keyClick(phone, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is birthday.edit  # Tab from Phone lands in the text
            qtbot.keyClicks(birthday.edit, "ACME")
            assert birthday.edit.text() == "ACME"  # was "no dateACME"
            form.save()
            assert "not a date" in error(form, "birthday") and posts(sandbox) == []  # nothing sent
            qtbot.keyClick(birthday.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClick(birthday.edit, Qt.Key.Key_Delete)
            assert birthday.edit.text() == "" and birthday.value() is None
            typed = QLocale().toString(QDate(1990, 3, 15), date_format())
            qtbot.keyClicks(birthday.edit, typed)
            assert birthday.value() == "1990-03-15"
            qtbot.keyClick(birthday.edit, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is form.editors["company"].widget  # Tab leaves
            form.save()
            await until(lambda: bool(posts(sandbox)), what="the create")
            assert posts(sandbox)[0]["birthday"].startswith("1990-03-15")
    aloop.run(main())


def test_iso_dates_and_the_calendar_opening_on_the_date_or_today(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    editor = DateEditor(holder)
    editor.edit.setText("1990-03-15")
    assert editor.value() == "1990-03-15"  # ISO, whatever the locale
    editor.open_calendar()
    calendar = editor.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.selectedDate() == QDate(1990, 3, 15)
    calendar.activated.emit(QDate(1985, 7, 1))  # Enter on a day
    assert editor.value() == "1985-07-01" and not calendar.isVisible()
    editor.edit.clear()
    editor.open_calendar()
    assert editor.calendar is not None and editor.calendar.selectedDate() == QDate.currentDate()
    editor.calendar.close()
    editor.set_value("1960-02-19T00:00:00Z")
    assert editor.edit.text() == QLocale().toString(QDate(1960, 2, 19), date_format())
