"""The create/edit form against the sandbox: each error lands on its field, input survives,
and the server receives the right request."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from contact_desk.api.models import ReplicerContact, SmartCQContact
from contact_desk.sandbox import Faults, Sandbox
from contact_desk.ui.contacts.contact_form import ContactForm
from contact_desk.ui.window.main_window import MainWindow
from tests.conftest import client
from tests.sandbox.walk import smartcq_walk
from tests.ui.conftest import Loop, until
from tests.ui.window import DEMO, open_window

READ_ONLY = (("Sola lettura", "smartcq", "demo-smartcq-readonly"),)


def fill(form: ContactForm, **values: Any) -> None:
    for name, value in values.items():
        form.editors[name].set_value(value)


def error(form: ContactForm, name: str) -> str:
    label = form.errors[name]
    return label.text() if label.isVisible() else ""


def posts(sb: Sandbox, method: str = "POST") -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in sb.requests() if r.method == method]


def switch(window: MainWindow, index: int) -> None:
    window.account_switcher.combo.setCurrentIndex(index)
    window.account_switcher.combo.activated.emit(index)


async def ready(w: MainWindow) -> None:
    await until(lambda: w.model.contact(0) is not None, what="rows")


async def new_replicer_contact(w: MainWindow, sb: Sandbox, prefix: str) -> tuple[ContactForm, str]:
    """A New form on the Replicer account with a unique first name typed; the log cleared."""
    switch(w, 1)
    await ready(w)
    form = w.new_contact()
    assert form is not None
    name = f"{prefix}{uuid.uuid4().hex[:6]}"
    fill(form, firstName=name)
    sb.clear_requests()
    return form, name


def test_unknown_tag_marks_the_tags_field_and_keeps_the_input(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            email = f"tag.{uuid.uuid4().hex[:6]}@example.com"
            fill(form, email=email, firstName="Nicolò", tags=["vip", "clienti-2030"])
            form.save()
            await until(lambda: error(form, "tags"), what="the tags error")
            assert "clienti-2030" in error(form, "tags") and "request id req_" in error(form, "tags")
            assert error(form, "email") == "" and form.isVisible()
            assert form.editors["email"].value() == email and form.editors["firstName"].value() == "Nicolò"
            sent = {"email": email, "firstName": "Nicolò", "tags": ["vip", "clienti-2030"]}
            assert posts(faulty)[-1] == sent
    aloop.run(main())


def test_conflict_says_it_exists_and_open_existing_loads_it(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            existing = w.model.contact(5)
            assert isinstance(existing, SmartCQContact)
            form = w.new_contact()
            assert form is not None
            fill(form, email=existing.email.upper(), lastName="Typed")
            form.save()
            await until(lambda: error(form, "email"), what="the conflict")
            assert "already exists" in error(form, "email") and "archived" not in error(form, "email")
            assert form.open_existing.isVisible() and form.editors["lastName"].value() == "Typed"
            # the form grew to show the message: no field went behind an inner scroll bar on a screen
            # with room (issue 34, point 10)
            assert form.fields_area.verticalScrollBar().maximum() == 0
            form.open_existing.click()
            forms = w.registry.forms
            await until(lambda: any(f.contact is not None and f.contact.id == existing.id for f in forms),
                        what="the existing contact's form")
            assert w.detail.contact is not None and w.detail.contact.id == existing.id
            # the New form does not stay behind (to come back later): what was typed went on
            await until(lambda: not form.isVisible(), what="the New form closed")
            edit = next(f for f in forms if f.contact is not None and f.contact.id == existing.id)
            if existing.last_name:
                assert "Last name “Typed”" in edit.message.text()
            else:
                assert edit.editors["lastName"].value() == "Typed"
    aloop.run(main())


def test_conflict_with_an_archived_contact_says_so(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                   tmp_path: Path) -> None:
    with client(sandbox, "demo-smartcq") as c:  # the whole list: other tests add contacts first
        archived = next(x for x in smartcq_walk(c, 200, includeArchived="true") if x["archivedAt"])

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            fill(form, email=archived["email"])
            form.save()
            await until(lambda: error(form, "email"))
            assert "archived" in error(form, "email")
    aloop.run(main())


def test_an_enum_value_the_server_refuses_lands_on_its_field(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client whose enum list is newer than the server's: the server's 400 names the field."""
    import contact_desk.ui.contacts.contact_form as form_module

    monkeypatch.setattr(form_module, "check", lambda field, value, region="IT": value or None)

    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await ready(w)
            w.table.selectRow(0)
            form = w.edit_selected()
            assert form is not None
            form.editors["stage"].set_value("partner")
            form.save()
            await until(lambda: error(form, "stage"), what="the stage error")
            assert "stage" in error(form, "stage") and form.editors["stage"].value() == "partner"
            assert posts(faulty, "PATCH")[-1] == {"stage": "partner"}
    aloop.run(main())


def test_a_read_only_key_is_told_and_create_is_no_longer_offered(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=READ_ONLY) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            fill(form, email="ro@example.com")
            form.save()
            await until(form.message.isVisible)
            assert "can only read" in form.message.text() and "contacts:write" in form.message.text()
            assert form.editors["email"].value() == "ro@example.com"
            assert not w.new_action.isEnabled() and not w.edit_action.isEnabled()
    aloop.run(main())


def test_editing_a_deleted_contact_says_so_and_keeps_the_text(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            gone = SmartCQContact(id=str(uuid.uuid4()), email="gone@example.com", first_name="Gone",
                                  created_at="2026-01-01T00:00:00.000Z")
            form = w.editing.open_form(gone)
            assert form is not None
            fill(form, firstName="Still here")
            form.save()
            await until(form.message.isVisible)
            assert "no longer exists" in form.message.text()
            assert form.editors["firstName"].value() == "Still here"
    aloop.run(main())


def test_edit_sends_only_changed_fields_and_replaces_the_row_in_place(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await ready(w)
            w.table.selectRow(2)
            before = w.model.contact(2)
            assert isinstance(before, SmartCQContact)
            form = w.edit_selected()
            assert form is not None
            assert not form.save_button.isEnabled()  # nothing changed, nothing to send
            new_stage = "ex_customer" if before.stage != "ex_customer" else "lead"
            form.editors["stage"].set_value(new_stage)
            assert form.save_button.isEnabled()
            faulty.clear_requests()
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert posts(faulty, "PATCH") == [{"stage": new_stage}]
            after = w.model.contact(2)
            assert isinstance(after, SmartCQContact) and after.id == before.id and after.stage == new_stage
            assert w.table.currentIndex().row() == 2
            assert not any(r.method == "GET" and r.path == "/api/v1/contacts" for r in faulty.requests())
    aloop.run(main())


def test_a_created_contact_appears_at_the_top_selected(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                       tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            rows = w.model.rowCount()
            form = w.new_contact()
            assert form is not None
            email = f"top.{uuid.uuid4().hex[:6]}@example.com"
            fill(form, email=email, firstName="Primo", tags=["vip"])
            form.save()
            await until(lambda: not form.isVisible())
            top = w.model.contact(0)
            assert isinstance(top, SmartCQContact) and top.email == email
            assert w.model.rowCount() == rows + 1 and w.table.currentIndex().row() == 0
    aloop.run(main())


def test_a_create_whose_answer_was_lost_is_found_and_not_sent_twice(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, name = await new_replicer_contact(w, faulty, "Rete")
            fill(form, company="Sole Srl")
            faulty.inject("drop")  # the POST arrives, its answer is lost
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert len(posts(faulty)) == 1  # the lost try's contact was found, not made again
            await until(lambda: w.model.contact(0) is not None and w.table.currentIndex().row() == 0)
            top = w.model.contact(0)
            assert isinstance(top, ReplicerContact) and top.first_name == name
    aloop.run(main())


def test_server_errors_after_retries_offer_retry_and_then_save(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            fill(form, email=f"retry.{uuid.uuid4().hex[:6]}@example.com")
            faulty.faults = Faults(rate_503=1.0, retry_after=0)
            form.save()
            await until(form.retry_button.isVisible, within=20)
            assert "request id" in form.message.text()
            faulty.faults = Faults()
            form.retry_button.click()
            await until(lambda: not form.isVisible())
    aloop.run(main())


def test_replicer_needs_one_identifying_field_and_a_valid_phone(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            switch(w, 1)
            await ready(w)
            form = w.new_contact()
            assert form is not None
            fill(form, jobTitle="CTO")
            assert not form.save_button.isEnabled()  # job title alone is not enough
            fill(form, phoneNumber="333 12")
            assert "not valid" in error(form, "phoneNumber") and not form.save_button.isEnabled()
            fill(form, phoneNumber="+39 333 123 4567")
            assert error(form, "phoneNumber") == "" and form.save_button.isEnabled()
            faulty.clear_requests()
            form.save()
            await until(lambda: not form.isVisible())
            assert posts(faulty) == [{"jobTitle": "CTO", "phoneNumber": "+393331234567"}]
    aloop.run(main())


def test_a_server_without_editing_is_said_once_and_edit_is_no_longer_offered(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            switch(w, 1)
            await ready(w)
            faulty.faults = Faults(replicer_patch_status=405)
            w.table.selectRow(0)
            form = w.edit_selected()
            assert form is not None
            fill(form, notes="nota")
            form.save()
            await until(form.message.isVisible)
            assert "does not support editing" in form.message.text()
            assert not w.edit_action.isEnabled() and w.new_action.isEnabled()
    aloop.run(main())


def test_unsaved_changes_ask_before_closing_and_before_switching(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, accounts=DEMO) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            fill(form, firstName="Bozza")
            form.close()
            await until(lambda: getattr(form, "prompt", None) is not None and form.prompt.isVisible())
            form.prompt.button(QMessageBox.StandardButton.Cancel).click()
            assert form.isVisible() and form.editors["firstName"].value() == "Bozza"
            switch(w, 1)  # switching account asks too
            await until(form.prompt.isVisible)
            assert isinstance(w.model.contact(0), SmartCQContact)  # still the same account
            form.prompt.button(QMessageBox.StandardButton.Discard).click()
            await until(lambda: isinstance(w.model.contact(0), ReplicerContact), what="the switch")
            assert not form.isVisible()
    aloop.run(main())


def test_quitting_with_unsaved_changes_asks_first(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                  tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            closed: list[bool] = []
            w.closed.connect(lambda: closed.append(True))
            form = w.new_contact()
            assert form is not None
            fill(form, email="bozza@example.com")
            w.close()
            await until(lambda: getattr(form, "prompt", None) is not None and form.prompt.isVisible())
            assert w.isVisible() and closed == []  # nothing closed yet
            form.prompt.button(QMessageBox.StandardButton.Cancel).click()
            assert w.isVisible() and form.isVisible()
            w.close()
            await until(form.prompt.isVisible)
            form.prompt.button(QMessageBox.StandardButton.Discard).click()
            await until(lambda: closed == [True], what="the window to close")
            assert not form.isVisible()
    aloop.run(main())


def test_a_create_that_may_have_happened_says_so_and_retry_finds_it(
        aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, faulty, tmp_path) as w:
            form, name = await new_replicer_contact(w, faulty, "Forse")
            faulty.inject("drop", *([503] * 4))  # the POST is lost, then the lookup cannot be made
            form.save()
            await until(form.retry_button.isVisible, within=30, what="Retry")
            text = form.message.text()
            assert "may have created" in text and "looks for it first" in text, text
            assert "Nothing you typed is lost" not in text  # the form text is kept, but the outcome is open
            assert form.editors["firstName"].value() == name
            form.retry_button.click()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert len(posts(faulty)) == 1  # the contact the lost try made was found, not made again
    aloop.run(main())


def test_a_new_form_gives_back_an_errors_room_and_asks_about_a_new_contact(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """An error cleared left an empty gap in the New form; Esc asked "Save the changes to this
    contact?" of a contact that does not exist yet."""
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            form = w.new_contact()
            assert form is not None
            qtbot.waitExposed(form)
            before = form.height()
            email = form.editors["email"]
            form._touched.add("email")
            email.set_value("not-an-email")
            form._refresh()
            assert error(form, "email") and form.height() > before  # room for the message
            email.set_value("mario.rossi@example.com")
            form._refresh()
            assert error(form, "email") == "" and form.height() == before  # and given back
            form.close()
            prompt = form.findChild(QMessageBox, "unsaved-prompt")
            assert prompt is not None and prompt.text() == "Save this new contact?"
            prompt.button(QMessageBox.StandardButton.Discard).click()
    aloop.run(main())


def test_a_contact_created_behind_the_filters_is_said_and_shown_on_request(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """It "vanished" after "Contact created" when a search hid it: the banner now says so, and
    "Show it" clears the filters and the search and selects it."""
    from contact_desk.api import Query

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            form, name = await new_replicer_contact(w, sandbox, "Hidden")
            w.filter_bar.set_query(Query(search="rossi"))
            w.browse.query_changed(Query(search="rossi"))
            form.save()
            await until(w.banner.isVisible, what="the banner")
            assert "hide it" in w.banner.message.text() and w.banner.retry_button.text() == "Show it"
            w.banner.retry_button.click()
            await until(lambda: w.detail.contact is not None and w.detail.contact.first_name == name,
                        what="the new contact selected")
            assert w.filter_bar.query() == Query() and not w.banner.isVisible()
            current = w.model.contact(w.table.currentIndex().row())
            assert current is not None and current.first_name == name
    aloop.run(main())


def test_an_edit_form_says_which_fields_the_service_cannot_change(aloop: Loop, qtbot: QtBot, sandbox: Sandbox,
                                                                  tmp_path: Path) -> None:
    """Issue 34, point 10: SmartCQ's edit form showed no Email or Tags field and said nothing of why."""
    from PySide6.QtWidgets import QLabel

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            w.table.selectRow(0)
            form = w.edit_selected()
            assert form is not None
            note = form.findChild(QLabel, "unchangeable")
            assert note is not None and note.isVisible()
            assert "Email" in note.text() and "Tags" in note.text() and "SmartCQ" in note.text()
            assert "email" not in form.editors  # the field itself is not offered
            form.close()
            switch(w, 1)  # Replicer can change what it creates: nothing to say
            await ready(w)
            w.table.selectRow(0)
            other = w.edit_selected()
            assert other is not None and other.findChild(QLabel, "unchangeable") is None
            other.close()
    aloop.run(main())


def test_the_replicer_form_shows_phone_and_country_as_people_read_them_and_sends_the_apis_values(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Issue 34, point 2: the edit form showed "+343526948024" and "ES" beside a details pane saying
    "+34 352 694 8024" and "Spain". The form shows them as the pane does, a country is chosen by
    name, and the server still receives E.164 and the two-letter code; an untouched form sends
    nothing."""
    from contact_desk.api import ApiKey, open_dialect

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            api = open_dialect(w.services.http, "replicer", ApiKey("rpl_test_demo"), sandbox.base_url)
            made = await api.create({"firstName": "Paloma", "lastName": "Ríos",
                                     "phoneNumber": "+343526948024", "country": "ES"})
            assert isinstance(made, ReplicerContact)
            switch(w, 1)
            await ready(w)
            form = w.editing.open_form(made)
            assert form is not None
            phone, country = form.editors["phoneNumber"], form.editors["country"]
            assert phone.widget.text() == "+34 352 694 8024"  # type: ignore[attr-defined]
            assert country.widget.currentText() == "Spain"  # type: ignore[attr-defined]
            assert not form.save_button.isEnabled()  # as shown, nothing changed
            country.widget.setEditText("portugal")  # type: ignore[attr-defined]  # typed by name, any case
            phone.widget.setText("+351 912 345 678")  # type: ignore[attr-defined]
            assert country.value() == "PT" and phone.value() == "+351912345678"
            country.widget.setEditText("Deutschland")  # type: ignore[attr-defined]  # another language
            assert country.value() == "DE"
            sandbox.clear_requests()
            form.save()
            await until(lambda: not form.isVisible(), what="the form to close")
            assert posts(sandbox, "PATCH") == [{"phoneNumber": "+351912345678", "country": "DE"}]
    aloop.run(main())


def test_ctrl_enter_saves_and_walks_the_list_contact_by_contact(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Issue 35, point 4: Ctrl+Enter in an edit form saves and opens the next contact of the list;
    an untouched form just moves on, sending nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path) as w:
            await ready(w)
            first, second, third = (w.model.contact(r) for r in range(3))
            assert first is not None and second is not None and third is not None
            w.table.selectRow(0)
            form = w.edit_selected()
            assert form is not None
            changed = f"Walk{uuid.uuid4().hex[:5]}"
            fill(form, lastName=changed)
            sandbox.clear_requests()
            form.activateWindow()  # a shortcut of the form's window: as when the user types in it
            await until(form.isActiveWindow, what="the form active")
            ctrl = Qt.KeyboardModifier.ControlModifier
            QTest.keyClick(form.editors["lastName"].widget, Qt.Key.Key_Return, ctrl)
            forms = w.registry.forms
            await until(lambda: any(f.contact is not None and f.contact.id == second.id and f.isVisible()
                                    for f in forms), what="the second contact's form")
            assert not form.isVisible() and posts(sandbox, "PATCH") == [{"lastName": changed}]
            now = next(f for f in forms if f.contact is not None and f.contact.id == second.id)
            now.activateWindow()
            await until(now.isActiveWindow, what="the next form active")
            QTest.keyClick(now.editors["lastName"].widget, Qt.Key.Key_Return, ctrl)  # unchanged: on
            await until(lambda: any(f.contact is not None and f.contact.id == third.id and f.isVisible()
                                    for f in forms), what="the third contact's form")
            assert not now.isVisible() and posts(sandbox, "PATCH") == [{"lastName": changed}]
            assert w.table.currentIndex().row() == 2 and w.model.contact(0).last_name == changed  # type: ignore[union-attr]
    aloop.run(main())
