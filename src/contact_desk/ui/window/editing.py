"""The contact forms of the window: one per contact, opening the contact a 409 named, and
showing a saved or created contact (or one a dialog or an Undo saved) in the table, the details
and the offline copy, and in its open form as a newer version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.mirror.changes.journal import CREATE
from contact_desk.mirror.changes.outbox import TEMPORARY
from contact_desk.mirror.query.conditions import may_match
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.format import display, field_label
from contact_desk.models.row_sources import SourceKind
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import BulkResult, Changed, display_name
from contact_desk.transfer.checked_save import values_of
from contact_desk.ui.contacts.contact_form import ContactForm
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.detail_panel import DetailPanel
from contact_desk.ui.contacts.form_registry import FormRegistry
from contact_desk.ui.contacts.form_server import Holder
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.window.dialog_host import Recorder


class Editing(QObject):
    failed = Signal(str)  # what went wrong, for the window's banner
    reloadWanted = Signal()  # the list should load again (a created contact the server lists)
    said = Signal(str)  # a passing status message
    accessLearned = Signal(str, bool)  # account id, whether its key may create and edit
    editingRefused = Signal(str)  # account id: the server does not let it edit
    hiddenByFilters = Signal(object)  # a Contact just created that the filters or the search hide
    changeMade = Signal(object)  # an edit saved, as a BulkResult Edit → Undo can put back
    noted = Signal(str)  # after a save: others' changes kept, or moved while saving

    def __init__(self, tasks: Tasks, registry: FormRegistry, model: ContactTableModel,
                 table: ContactTableView, detail: DetailPanel, copies: OfflineCopy,
                 can_edit: Callable[[], bool], recorder: Recorder, parent: QWidget) -> None:
        super().__init__(parent)
        self.recorder = recorder  # My changes
        self.outbox: Holder | None = None  # the account's outbox (the window sets it)
        self.tasks, self.registry, self.model, self.table = tasks, registry, model, table
        self.detail, self.copies, self.can_edit, self.window = detail, copies, can_edit, parent
        self.dialect: Dialect | None = None
        self.account_id: str | None = None
        self._noted = ""  # what the form that is saving said of others' changes
        model.pageLoaded.connect(self._forms_see_pages)

    def account_shown(self, account_id: str | None, dialect: Dialect | None) -> None:
        self.account_id, self.dialect = account_id, dialect

    def open_form(self, contact: Contact | None) -> ContactForm | None:
        """A New form (``contact`` None) or the contact's Edit form, raised if already open."""
        if self.dialect is None or self.account_id is None:
            return None
        existing = self.registry.find(contact.id) if contact is not None else None
        if existing is not None:  # one form per contact
            existing.show()
            existing.raise_()
            return existing
        form = ContactForm(self.dialect, self.tasks, contact, known_tags=self.model.known_tags(),
                           parent=self.window)
        form.setWindowFlag(Qt.WindowType.Window)
        form.outbox = self.outbox  # a save the server cannot take now waits there
        account_id = self.account_id
        form.saved.connect(self.saved)
        form.changeMade.connect(lambda result, f=form: self._edited(account_id, f, result))
        form.saved.connect(lambda saved, created, f=form: self._created(account_id, f, saved, created))
        form.noted.connect(self._note)
        form.openExisting.connect(lambda contact_id, _status, f=form: self.open_existing(contact_id, f))
        form.readOnly.connect(lambda: self.accessLearned.emit(account_id, False))
        form.editingUnsupported.connect(lambda: self.editingRefused.emit(account_id))
        self.registry.add(form)
        if contact is not None:  # Ctrl+Enter: save, then edit the next contact of the list
            for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | keys), form)
                shortcut.activated.connect(lambda f=form: self.save_and_next(f))
        form.show()
        return form

    def save_and_next(self, form: ContactForm) -> ContactForm | None:
        """Saves ``form`` (when anything changed) and opens the contact after it in the list, for
        going through a list by keyboard. The next one is chosen now: a save that moves this contact
        in the list does not skip one. Nothing opens when the save did not happen (a clash to
        choose, a refusal: said in the form)."""
        contact = form.contact
        row = self.model.row_of(contact.id) if contact is not None else None
        following = self.model.contact(row + 1) if row is not None else None
        if following is None:
            self.said.emit(QCoreApplication.translate("Editing", "This is the last contact of the list."))
            if form.is_dirty():
                form.save()
            return None
        if not form.is_dirty():
            form.close()
            return self._open_next(following)
        form.saved.connect(lambda *_a, c=following: self._open_next(c))
        form.save()
        return None

    def _open_next(self, contact: Contact) -> ContactForm | None:
        row = self.model.row_of(contact.id)
        if row is not None:
            self.table.selectRow(row)
        return self.open_form(contact)

    def _edited(self, account_id: str, form: ContactForm, result: BulkResult) -> None:
        """An edit saved: kept in My changes, and offered to Edit → Undo."""
        self.recorder.record(result.changed, form.origin, account_id)
        self.changeMade.emit(result)

    def _created(self, account_id: str, form: ContactForm, contact: Contact, created: bool) -> None:
        if created and self.dialect is not None and not contact.id.startswith(TEMPORARY):  # else: when sent
            names = [f.name for f in self.dialect.schema.creatable]
            values = {k: v for k, v in values_of(self.dialect.schema, contact, names).items()
                      if v is not None}
            made = Changed(contact.id, {}, values, form.request_id, display_name(contact))
            self.recorder.record([made], CREATE, account_id)

    def _note(self, text: str) -> None:
        self._noted = text  # said with "Contact saved", which follows at once

    def _forms_see_pages(self) -> None:
        """Rows just loaded (F5, a sync, scrolling): an open form whose contact is among them
        hears of a newer version at once."""
        for form in self.registry.forms:
            row = self.model.row_of(form.contact.id) if form.contact is not None else None
            contact = self.model.contact(row) if row is not None else None
            if contact is not None:
                form.newer(contact)

    def refreshed(self, contact: Contact) -> None:
        """A contact a dialog or an Undo saved (or read): the table, the details, the offline
        copy and its open form show the server's values at once."""
        self.model.replace_contact(contact)
        self.copies.saved(contact)
        shown = self.detail.contact
        if shown is not None and shown.id == contact.id:
            self.detail.show_contact(contact, self.dialect.schema if self.dialect else None)
        form = self.registry.find(contact.id)
        if form is not None:
            form.newer(contact)

    def open_existing(self, contact_id: str, came_from: ContactForm | None = None) -> None:
        """A 409's "Open existing": the contact by id, in the details and an edit form. What was
        typed in the New form goes on into that form where the contact has nothing (said, with what
        it already had otherwise), and the New form closes: nothing typed is lost, and no
        half-filled New form stays behind to come back later."""
        dialect = self.dialect
        if dialect is None:
            return
        typed = came_from.changes() if came_from is not None else {}

        async def load() -> None:
            try:
                contact = await dialect.get(contact_id)
            except errors.ApiError as exc:
                self.failed.emit(describe(exc))
                return
            if dialect is not self.dialect:
                return
            self.detail.show_contact(contact, dialect.schema)
            row = self.model.row_of(contact.id)
            if row is not None:
                self.table.selectRow(row)
            form = self.open_form(contact) if self.can_edit() else None
            if form is not None and came_from is not None:
                carry_over(form, contact, typed)
                came_from.confirm_close()  # what was typed went on with the existing contact
                came_from.close()

        self.tasks.spawn(load(), name="open-existing")

    def saved(self, contact: Contact, created: bool) -> None:
        self.copies.saved(contact)  # the offline copy has it at once
        row = self.model.replace_contact(contact)
        if created and row is None:
            if self.model.insert_top(contact):
                row = 0
            else:
                self.table.select_when_loaded(contact.id)
                if self.model.source_kind is not SourceKind.LOCAL:  # the copy reloads once it holds it
                    self.reloadWanted.emit()
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.detail.show_contact(contact, self.dialect.schema if self.dialect else None)
        done = self.tr("Contact created") if created else self.tr("Contact saved")
        noted, self._noted = self._noted, ""
        if noted:
            self.noted.emit(done + ". " + noted)  # said longer: a colleague's work, kept
        else:
            self.said.emit(done)
        if created and not may_match(contact, self.model.query):
            self.hiddenByFilters.emit(contact)  # else it "vanishes" after "Contact created"


def carry_over(form: ContactForm, contact: Contact, typed: dict[str, Any]) -> None:
    """``typed`` (a New form's values) into ``form`` (the existing contact's) where the contact has
    nothing; the values it has its own of are said, not put in."""
    kept: list[str] = []
    for field in form.dialect.schema.fields:
        value, editor = typed.get(field.name), form.editors.get(field.name)
        if value in (None, "", []) or editor is None:
            continue
        mine = getattr(contact, field.attr, None)
        if mine in (None, "", []):
            editor.set_value(value)
        elif mine != value:
            kept.append(f"{field_label(field)} “{display(field, value)}”")
    if kept:
        form.say(QCoreApplication.translate("Editing", "Typed in the new contact and not put here, as this "
                                            "contact has its own: {values}.").format(values=", ".join(kept)))
