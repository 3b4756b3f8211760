"""Two people at once, over real HTTP: the user in the window, a colleague changing the same
contact through the API at the worst moment (both dialects). Nothing either of them did may
vanish unseen."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contact_desk.sandbox import Sandbox
from contact_desk.ui.contacts.contact_form import ContactForm
from contact_desk.ui.window.main_window import MainWindow
from tests.conftest import client
from tests.ui.conftest import Loop, until
from tests.ui.test_contact_form import posts, ready, switch
from tests.ui.window import open_window

WHERE = {"smartcq": (0, "demo-smartcq", "/api/v1/contacts"), "replicer": (1, "rpl_test_demo", "/v1/contacts")}


def colleague(sandbox: Sandbox, dialect: str, contact_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """The colleague's PATCH, through the API as any other client (returns the contact after it)."""
    _index, key, path = WHERE[dialect]
    with client(sandbox, key) as c:
        answer = c.patch(f"{path}/{contact_id}", json=changes)
        answer.raise_for_status()
        body: dict[str, Any] = answer.json()
        return body.get("data", body)


def server(sandbox: Sandbox, dialect: str, contact_id: str) -> dict[str, Any]:
    _index, key, path = WHERE[dialect]
    with client(sandbox, key) as c:
        body: dict[str, Any] = c.get(f"{path}/{contact_id}").json()
        return body.get("data", body)


async def edit_row(w: MainWindow, dialect: str, row: int = 3) -> tuple[ContactForm, str]:
    switch(w, WHERE[dialect][0])
    await ready(w)
    await until(lambda: w.model.contact(row) is not None, what="the row")
    w.table.selectRow(row)
    contact = w.model.contact(row)
    assert contact is not None
    form = w.edit_selected()
    assert form is not None
    return form, contact.id


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_the_same_field_changed_by_both_sends_nothing_until_the_user_chooses(
        dialect: str, aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    """Defect 1: the user's save silently overwrote the colleague's last name."""
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, cid = await edit_row(w, dialect)
            before = server(faulty, dialect, cid)["lastName"]
            theirs, mine = f"Theirs{uuid.uuid4().hex[:4]}", f"Mine{uuid.uuid4().hex[:4]}"
            colleague(faulty, dialect, cid, {"lastName": theirs})  # while the form is open
            form.editors["lastName"].set_value(mine)
            faulty.clear_requests()
            form.save()
            panel = form.clashes["lastName"]
            await until(panel.isVisible, what="the choice under Last name")
            assert posts(faulty, "PATCH") == []  # nothing sent
            assert server(faulty, dialect, cid)["lastName"] == theirs
            text = panel.text.text()
            assert mine in text and theirs in text and (before or "(empty)") in text
            assert form.note.isVisible() and "Last name" in form.note.text()
            assert form.editors["lastName"].value() == mine  # what the user typed stays
            assert not form.save_button.isEnabled()  # until the user chooses
            panel.keep.click()
            assert form.save_button.isEnabled()
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert posts(faulty, "PATCH") == [{"lastName": mine}]
            assert server(faulty, dialect, cid)["lastName"] == mine
    aloop.run(main())


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_take_theirs_puts_their_value_in_the_form_and_sends_only_the_rest(
        dialect: str, aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, cid = await edit_row(w, dialect, row=4)
            theirs, first = f"Theirs{uuid.uuid4().hex[:4]}", f"First{uuid.uuid4().hex[:4]}"
            colleague(faulty, dialect, cid, {"lastName": theirs})
            form.editors["lastName"].set_value("Mine")
            form.editors["firstName"].set_value(first)
            form.save()
            await until(form.clashes["lastName"].isVisible, what="the choice")
            form.clashes["lastName"].take.click()
            assert form.editors["lastName"].value() == theirs
            faulty.clear_requests()
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert posts(faulty, "PATCH") == [{"firstName": first}]
            now = server(faulty, dialect, cid)
            assert (now["firstName"], now["lastName"]) == (first, theirs)
    aloop.run(main())


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_field_only_the_colleague_changed_is_kept_and_said(
        dialect: str, aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, cid = await edit_row(w, dialect, row=5)
            theirs, mine = f"Theirs{uuid.uuid4().hex[:4]}", f"Mine{uuid.uuid4().hex[:4]}"
            colleague(faulty, dialect, cid, {"firstName": theirs})
            form.editors["lastName"].set_value(mine)
            faulty.clear_requests()
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert posts(faulty, "PATCH") == [{"lastName": mine}]
            now = server(faulty, dialect, cid)
            assert (now["firstName"], now["lastName"]) == (theirs, mine)
            said = w.statusBar().currentMessage()
            assert "kept" in said and "First name" in said
            row = w.model.row_of(cid)
            shown = w.model.contact(row) if row is not None else None
            assert shown is not None and shown.first_name == theirs  # the row shows both changes
            assert w.detail.contact is not None and w.detail.contact.first_name == theirs
    aloop.run(main())


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_newer_version_brought_by_f5_is_said_in_the_open_form_and_typing_stays(
        dialect: str, aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, cid = await edit_row(w, dialect, row=6)
            theirs = f"Theirs{uuid.uuid4().hex[:4]}"
            form.editors["lastName"].set_value("Typed by me")
            colleague(faulty, dialect, cid, {"firstName": theirs})
            w.refresh()  # F5
            await until(form.note.isVisible, what="the form to hear of the newer version")
            assert "First name" in form.note.text()
            assert form.editors["firstName"].value() == theirs  # their value, shown
            assert form.editors["lastName"].value() == "Typed by me"  # what the user typed stays
            assert form.changes() == {"lastName": "Typed by me"}  # theirs is not the user's change
            assert not any(p.isVisible() for p in form.clashes.values())
    aloop.run(main())
