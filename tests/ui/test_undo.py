"""Edit → Undo (Ctrl+Z) puts back the last change made in the window, with the bulk Undo's rule:
a contact someone changed in between is left alone and said so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from tests.conftest import client
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import ready
from tests.ui.window import open_window


def test_undo_puts_an_edit_back_unless_someone_changed_it_since(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                                 tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            undo = w.last.action
            assert not undo.isEnabled() and undo.shortcut().toString() == "Ctrl+Z"
            for attempt in ("mine", "theirs"):
                w.table.selectRow(2)
                contact = w.model.contact(2)
                assert contact is not None
                form = w.edit_selected()
                assert form is not None
                form.editors["lastName"].set_value(f"Undo-{attempt}")
                form.save()
                await until(undo.isEnabled, what="Undo offered after the save")
                assert "edit" in undo.text()
                if attempt == "theirs":  # someone else changes it meanwhile
                    with client(sandbox, "demo-smartcq") as c:
                        answer = c.patch(f"/api/v1/contacts/{contact.id}", json={"firstName": "Altro"})
                        answer.raise_for_status()
                w.activateWindow()
                await until(w.isActiveWindow, what="the window active again")
                qtbot.keyClick(w.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
                await until(lambda: "Undone" in w.statusBar().currentMessage(), what="the undo")
                with client(sandbox, "demo-smartcq") as c:
                    now = c.get(f"/api/v1/contacts/{contact.id}").json()
                if attempt == "mine":
                    assert now["lastName"] == contact.last_name  # back as it was
                    assert "1 contact" in w.statusBar().currentMessage()
                else:
                    assert now["lastName"] == "Undo-theirs"  # left alone
                    assert "changed by someone since" in w.statusBar().currentMessage()
                assert not undo.isEnabled()  # one change remembered, undone once
    aloop.run(main())
