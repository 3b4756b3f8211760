"""View → My changes over real HTTP: what the window wrote is listed as people read it, Undo this
change follows the Undo's rule against a colleague's later change, and the list exports as CSV."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

from pytestqt.qtbot import QtBot

from contact_desk.mirror.changes.journal import EDIT, UNDO
from contact_desk.sandbox import Sandbox
from tests.conftest import client
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import ready
from tests.ui.window import open_window


def test_my_changes_lists_undoes_one_entry_and_exports(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                         tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, copies=tmp_path / "copies") as w:
            await ready(w)
            w.table.selectRow(2)
            contact = w.model.contact(2)
            assert contact is not None and w.account is not None
            journal = w.history.journal(w.account.id)
            assert journal is not None
            for field in ("lastName", "firstName"):  # two edits, one field each
                form = w.edit_selected()
                assert form is not None
                form.editors[field].set_value(f"Mine{uuid.uuid4().hex[:4]}")
                form.save()
                await until(lambda f=form: not f.isVisible(), what="the form to close")  # type: ignore[misc]
            entries = journal.recent()
            assert [e.source for e in entries[:2]] == [EDIT, EDIT]
            assert set(entries[1].after) == {"lastName"}
            assert entries[1].before == {"lastName": contact.last_name}
            assert all(e.request_id for e in entries[:2])  # the server's request ids, kept
            dialog = w.history.open_dialog()
            assert dialog is not None and dialog.table.rowCount() == len(entries)
            assert "First name:" in dialog.table.item(0, 2).text()
            assert dialog.table.item(0, 3).text() == "Edit form"
            with client(sandbox, "demo-smartcq") as c:  # a colleague changes the last name since
                c.patch(f"/api/v1/contacts/{contact.id}", json={"lastName": "Collega"}).raise_for_status()
            dialog.table.selectRow(1)  # the last-name edit
            dialog.undo_button.click()
            await until(lambda: "left as it is" in dialog.said.text(), what="the undo of the older entry")
            assert "Last name" in dialog.said.text()
            dialog.table.selectRow(0)  # the first-name edit: nobody touched it since
            dialog.undo_button.click()
            await until(lambda: "Restored 1 contact" in dialog.said.text(), what="the undo")
            with client(sandbox, "demo-smartcq") as c:
                now = c.get(f"/api/v1/contacts/{contact.id}").json()
            assert (now["firstName"], now["lastName"]) == (contact.first_name, "Collega")
            assert journal.recent()[0].source == UNDO and dialog.table.rowCount() == len(entries) + 1
            shown = w.model.contact(w.model.row_of(contact.id) or 0)
            assert shown is not None and shown.first_name == contact.first_name  # the row, at once
            out = tmp_path / "mine.csv"
            w.history.export_to(out, journal)
            rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
            assert rows[0][4:7] == ["field", "before", "after"] and len(rows) == 1 + len(entries) + 1
            assert "Exported" in dialog.said.text()
            dialog.close()
            with client(sandbox, "demo-smartcq") as c:  # the shared sandbox as it was
                back = {"lastName": contact.last_name}
                c.patch(f"/api/v1/contacts/{contact.id}", json=back).raise_for_status()
    aloop.run(main())
