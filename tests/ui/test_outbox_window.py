"""The window offline with a complete copy, over real HTTP (the sandbox behind a switch): an edit
and a new contact wait in the outbox, marked in the list and the details, found by the copy's
search, counted in the status bar; the server back, they are sent once, checked, and the list shows
the server's contacts. Quitting with changes waiting says they are kept."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from contact_desk.mirror.changes.outbox import TEMPORARY
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Sandbox
from tests.api.netpeers import Switch, serving
from tests.conftest import client
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

ONE = (("Ufficio", "smartcq", "demo-smartcq"),)


@pytest.fixture
def switch(sandbox: Sandbox) -> Iterator[Switch]:
    s = Switch(sandbox.port)
    with serving(s):
        yield s


def test_changes_made_offline_wait_are_shown_and_are_sent_when_the_server_answers(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, switch: Switch, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=tmp_path / "copies",
                               base_url=switch.url) as w:
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=60,
                        what="a complete copy")
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(3) is not None)
            await until(lambda: w.copies.syncing is None, what="the first sync's end")
            switch.off()
            w.refresh()  # F5: the server is asked, and does not answer
            await until(lambda: w.copies.offline, what="offline")
            await until(w.edit_action.isEnabled, what="editing offered offline with a complete copy")
            assert w.new_action.isEnabled()
            await until(lambda: w.model.contact(3) is not None, what="the list read from the copy")
            w.table.selectRow(3)
            contact = w.model.contact(3)
            assert contact is not None
            mine = f"Treno{uuid.uuid4().hex[:5]}"
            form = w.edit_selected()
            assert form is not None
            form.editors["lastName"].set_value(mine)
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close, its change kept")
            assert contact.id in w.model.pending and "1 change waiting to be sent" in w.outbox.label.text()
            row = w.model.row_of(contact.id)
            mark = w.model.index(row or 0, w.model.mark_column)  # the first column shown
            assert row is not None and w.model.data(mark, 1) is not None  # the icon
            assert "Waiting to be sent" in (w.model.data(w.model.index(row, 0), 3) or "")
            w.table.selectRow(row)
            await until(lambda: w.detail.contact is not None and w.detail.contact.id == contact.id)
            assert w.detail.waiting.isVisible() and w.detail.contact.last_name == mine
            new = w.new_contact()
            assert new is not None
            address = f"treno.{uuid.uuid4().hex[:8]}@example.org"
            new.editors["email"].set_value(address)
            new.editors["firstName"].set_value("Viaggio")
            new.editors["tags"].set_value(["mai-vista"])  # a tag the copy has never seen
            new.save()
            await until(new.errors["tags"].isVisible, what="the unknown tag refused on its field")
            assert "mai-vista" in new.errors["tags"].text() and new.isVisible() and len(w.outbox.items) == 1
            new.editors["tags"].set_value([])
            new.save()
            await until(lambda: not new.isVisible(), what="the new contact kept")
            assert "2 changes waiting" in w.outbox.label.text()
            assert any(i.startswith(TEMPORARY) for i in w.model.pending)
            assert w.filter_bar.search is not None
            w.filter_bar.search.setText(mine)
            w.filter_bar.search.returnPressed.emit()
            await until(lambda: w.model.query.search == mine and w.model.contact(0) is not None,
                        what="the copy's search to find the pending value")
            assert w.model.contact(0).id == contact.id  # type: ignore[union-attr]
            switch.on()
            w.copies.probe_now()  # the server answers again: the outbox goes
            await until(lambda: not w.outbox.items, within=30, what="the outbox sent")
            assert not w.outbox.label.isVisible() and not w.model.pending
            with client(sandbox, "demo-smartcq") as c:
                assert c.get(f"/api/v1/contacts/{contact.id}").json()["lastName"] == mine
                posts = [r for r in sandbox.requests() if r.method == "POST" and address in r.body.decode()]
            assert len(posts) == 1  # created once
            journal = w.history.journal(w.account.id)  # type: ignore[union-attr]
            assert journal is not None
            await until(lambda: {e.source for e in journal.recent()[:2]} == {"edit", "create"},
                        what="My changes to hold what was sent")
            assert not any(e.contact_id.startswith(TEMPORARY) for e in journal.recent())  # the server's ids
            with client(sandbox, "demo-smartcq") as c:  # the shared sandbox as it was
                c.patch(f"/api/v1/contacts/{contact.id}", json={"lastName": contact.last_name})
    aloop.run(main(), timeout=90)


def test_quitting_with_changes_waiting_says_they_are_kept(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                           switch: Switch, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=tmp_path / "copies",
                               base_url=switch.url) as w:
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=60)
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(1) is not None)
            await until(lambda: w.copies.syncing is None, what="the first sync's end")
            switch.off()
            w.refresh()  # F5: the server is asked, and does not answer
            await until(lambda: w.copies.offline, what="offline")
            await until(lambda: w.model.contact(1) is not None and w.edit_action.isEnabled())
            w.table.selectRow(1)
            form = w.edit_selected()
            assert form is not None
            form.editors["firstName"].set_value("Attesa")
            form.save()
            await until(lambda: not form.isVisible())
            w.close()
            box = w.outbox.quit_box
            assert box is not None and box.isVisible() and w.isVisible()  # asked first
            assert "nothing is lost by quitting" in box.text()
            box.reject()
            switch.on()
            w.copies.probe_now()
            await until(lambda: not w.outbox.items, within=30, what="sent before the test ends")
    aloop.run(main(), timeout=90)


def test_changes_left_waiting_at_quit_are_sent_by_the_next_start(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, switch: Switch, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from contact_desk.accounts import store

    fixed = uuid.uuid4()  # the same account in both runs, as on disk
    monkeypatch.setattr(store, "uuid", SimpleNamespace(uuid4=lambda: fixed))
    copies = tmp_path / "copies"
    kept: dict[str, str] = {}

    async def first() -> None:
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=copies, base_url=switch.url) as w:
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=60)
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(2) is not None)
            await until(lambda: w.copies.syncing is None)
            switch.off()
            w.refresh()
            await until(lambda: w.copies.offline)
            await until(lambda: w.model.contact(2) is not None and w.edit_action.isEnabled())
            w.table.selectRow(2)
            contact = w.model.contact(2)
            form = w.edit_selected()
            assert form is not None and contact is not None
            kept.update(id=contact.id, was=contact.first_name or "", mine=f"Riavvio{uuid.uuid4().hex[:4]}")
            form.editors["firstName"].set_value(kept["mine"])
            form.save()
            await until(lambda: not form.isVisible())
            assert len(w.outbox.items) == 1  # then the app ends (shutdown, as app.py's)

    async def second() -> None:
        switch.on()
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=copies, base_url=switch.url) as w:
            await until(lambda: w.account is not None)
            box = w.outbox.box()
            assert box is not None
            await until(lambda: box.count() == 0, within=30, what="the waiting change sent at the start")
        with client(sandbox, "demo-smartcq") as c:
            now = c.get(f"/api/v1/contacts/{kept['id']}").json()
            assert now["firstName"] == kept["mine"]
            c.patch(f"/api/v1/contacts/{kept['id']}", json={"firstName": kept["was"]})

    aloop.run(first(), timeout=90)
    aloop.run(second(), timeout=90)


def test_the_outbox_window_says_what_an_item_needs_and_edit_and_discard_resolve_it(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=tmp_path / "copies") as w:
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=60)
            await until(lambda: w.model.contact(5) is not None and w.copies.syncing is None)
            contact, other = w.model.contact(5), w.model.contact(6)
            box = w.outbox.box()
            assert box is not None and contact is not None and other is not None
            box.edit(contact.id, "Uno", {"lastName": "Come lo vidi"}, {"lastName": "Mio"})  # server differs
            box.edit(other.id, "Due", {"firstName": other.first_name}, {"firstName": "Scartami"})
            with client(sandbox, "demo-smartcq") as c:  # the other one: a colleague's change too
                c.patch(f"/api/v1/contacts/{other.id}", json={"firstName": "Collega"}).raise_for_status()
            w.outbox.reload()
            w.outbox.send_now()
            await until(lambda: len(w.outbox.items) == 2 and all(i.state == "needs" for i in w.outbox.items),
                        what="both marked as needing the user")
            dialog = w.outbox.open_dialog()
            assert dialog is not None and dialog.table.rowCount() == 2
            state = dialog.table.item(0, 2).text()
            assert "someone else changed Last name too" in state and "yours: Mio" in state
            dialog.table.selectRow(0)
            dialog.edit.click()
            await until(lambda: w.registry.find(contact.id) is not None, what="the form on the queued values")
            form = w.registry.find(contact.id)
            assert form is not None
            assert form.editors["lastName"].value() == "Mio" and form._base["lastName"] == "Come lo vidi"
            form._confirmed_close = True
            form.close()  # closing it keeps the item
            assert len(w.outbox.items) == 2
            dialog.table.selectRow(1)
            dialog.discard.click()
            assert dialog.box is not None and dialog.box.isVisible()  # asked first
            dialog.box.button(QMessageBox.StandardButton.Discard).click()
            await until(lambda: len(w.outbox.items) == 1, what="the discarded item gone")
            assert w.outbox.items[0].contact_id == contact.id and dialog.table.rowCount() == 1
            dialog.close()
            with client(sandbox, "demo-smartcq") as c:  # the shared sandbox as it was
                c.patch(f"/api/v1/contacts/{other.id}", json={"firstName": other.first_name})
    aloop.run(main(), timeout=90)


def test_change_contacts_offline_keeps_every_change_and_sends_them_when_the_server_answers(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, switch: Switch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox

    from tests.ui.window import select_rows

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, ONE, copies=tmp_path / "copies",
                               base_url=switch.url) as w:
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=60)
            await until(lambda: w.model.source_kind is SourceKind.LOCAL and w.model.contact(9) is not None)
            await until(lambda: w.copies.syncing is None)
            switch.off()
            w.refresh()
            await until(lambda: w.copies.offline)
            await until(lambda: w.model.contact(9) is not None and w.commands.bulk.isEnabled())
            rows = (7, 8, 9)
            select_rows(w, rows)
            before = {c.id: c for r in rows if (c := w.model.contact(r)) is not None}
            target = next(s for s in ("ex_customer", "prospect", "customer")
                          if all(c.stage != s for c in before.values()))  # type: ignore[union-attr]
            dialog = w.transfers.change_contacts()
            assert dialog is not None
            box, editor = dialog.setters["stage"]
            box.setChecked(True)
            assert isinstance(editor, QComboBox)
            editor.setCurrentIndex(editor.findData(target))
            dialog.go.click()
            dialog.go.click()
            await until(lambda: "kept on this computer" in dialog.summary.text(), what="the changes kept")
            assert "3 changes" in dialog.summary.text() and len(w.outbox.items) == 3
            assert w.model.pending >= set(before)
            dialog.close()
            switch.on()
            w.copies.probe_now()
            await until(lambda: not w.outbox.items, within=30, what="the three sent")
            with client(sandbox, "demo-smartcq") as c:
                for cid, old in before.items():
                    assert c.get(f"/api/v1/contacts/{cid}").json()["stage"] == target
                    c.patch(f"/api/v1/contacts/{cid}", json={"stage": old.stage})  # as it was
    aloop.run(main(), timeout=90)
