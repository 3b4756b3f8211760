"""What happens around the contact forms in the main window: opening the contact a
409 named, and showing a saved or created contact in the table and the details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from contact_desk.api import errors
from contact_desk.api.models import Contact
from contact_desk.models.row_sources import SourceKind
from contact_desk.ui.widgets.messages import describe

if TYPE_CHECKING:
    from contact_desk.ui.window.main_window import MainWindow


def open_existing(w: MainWindow, contact_id: str) -> None:
    """The contact by id, in the details and an edit form."""
    dialect = w.dialect
    if dialect is None:
        return

    async def load() -> None:
        try:
            contact = await dialect.get(contact_id)
        except errors.ApiError as exc:
            w._fail(describe(exc), None)
            return
        if dialect is not w.dialect:
            return
        w.detail.show_contact(contact, dialect.schema)
        row = w.model.row_of(contact.id)
        if row is not None:
            w.table.selectRow(row)
        if w.edit_action.isEnabled():
            w._open_form(contact)

    w.services.tasks.spawn(load(), name="open-existing")


def saved(w: MainWindow, contact: Contact, created: bool) -> None:
    w.copies.saved(contact)  # the offline copy has it at once
    row = w.model.replace_contact(contact)
    if created and row is None:
        if w.model.insert_top(contact):
            row = 0
        else:
            w.table.select_when_loaded(contact.id)
            if w.model.source_kind is not SourceKind.LOCAL:  # the copy reloads once it holds the contact
                w._query_changed(w.filter_bar.query())
    if row is not None:
        w.table.selectRow(row)
        w.table.scrollTo(w.model.index(row, 0))
        w.detail.show_contact(contact, w.dialect.schema if w.dialect else None)
    done = QCoreApplication.translate("MainWindow", "Contact created") if created else \
        QCoreApplication.translate("MainWindow", "Contact saved")
    w.statusBar().showMessage(done, 4000)
