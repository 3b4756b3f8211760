"""Edit → Change contacts… in the window: confirm, change, report, undo."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.test_offline_copy import SCQ
from tests.ui.window import open_window, select_rows


def test_change_selected_contacts_then_undo(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                            tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ) as w:
            await until(lambda: w.model.contact(8) is not None)
            rows = (2, 4, 6, 8)
            select_rows(w, rows)
            before = {c.id: c for r in rows if (c := w.model.contact(r)) is not None}
            target = "ex_customer" if all(c.stage != "ex_customer" for c in before.values()) else "prospect"
            dialog = w.transfers.change_contacts()
            assert dialog is not None and dialog.selection.isChecked() and not dialog.go.isEnabled()
            box, editor = dialog.setters["stage"]
            box.setChecked(True)
            assert isinstance(editor, QComboBox)
            editor.setCurrentIndex(editor.findData(target))
            dialog.go.click()  # first: says what will happen
            assert dialog.confirming and "Change 4 contacts" in dialog.summary.text()
            api = w.dialect
            assert api is not None
            for i, c in before.items():
                assert (await api.get(i)).stage == c.stage  # nothing sent yet
            dialog.go.click()  # then does it
            await until(dialog.undo_button.isVisible, what="the change to finish")
            assert "Changed 4" in dialog.summary.text()
            for i in before:
                assert (await api.get(i)).stage == target
            assert all(w.model.contact(r).stage == target for r in rows)  # type: ignore[union-attr]
            assert w.last.action.isEnabled() and "Change contacts" in w.last.action.text()  # Edit → Undo too
            someone, untouched = list(before)[:2]
            theirs = next(s for s in ("lead", "prospect", "customer")
                          if s not in (target, before[someone].stage))
            await api.update(someone, {"firstName": "Someone else", "stage": theirs})  # a colleague
            await api.update(untouched, {"firstName": "Another"})  # a field the run never set
            dialog.undo_button.click()
            await until(lambda: "Restored" in dialog.summary.text(), what="the undo")
            said = dialog.summary.text()
            assert "Restored 3 contacts" in said and "left as it is" in said
            assert "Someone else" in said and "Stage" in said  # named: who, and which field
            assert not w.last.action.isEnabled()  # undone here: nothing left for Edit → Undo
            for i, c in before.items():
                now = await api.get(i)
                assert now.stage == (theirs if i == someone else c.stage)
            assert (await api.get(untouched)).first_name == "Another"
            shown = w.model.contact(w.model.row_of(someone) or 0)
            assert shown is not None and shown.stage == theirs  # the window shows theirs at once
            dialog.close()
            old = before[someone]  # leave the shared sandbox as it was
            await api.update(someone, {"firstName": old.first_name, "stage": old.stage})
            await asyncio.sleep(0)

    aloop.run(main(), timeout=60)


def test_bulk_change_is_not_offered_to_a_read_only_key(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                      tmp_path: Path) -> None:
    async def main() -> None:
        ro = (("Read only", "smartcq", "demo-smartcq-readonly"),)
        async with open_window(qtbot, sandbox, tmp_path, ro) as w:
            await until(lambda: w.model.contact(0) is not None)
            w.table.selectRow(0)
            form = w.edit_selected()
            if form is not None:  # editing is learned to be refused on the first save
                form.editors["firstName"].set_value("x")
                form.save()
                await until(lambda: not w.edit_action.isEnabled(), what="read-only learned")
                form._confirmed_close = True
                form.close()
            assert not w.commands.bulk.isEnabled() and w.transfers.change_contacts() is None

    aloop.run(main())
