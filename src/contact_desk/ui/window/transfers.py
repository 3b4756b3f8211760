"""File → Import…, Export…, Print… and Save as PDF…, Edit → Change contacts…: the many-contact
dialogs, opened for the account the Navigator shows (never while writing is off for it); what they
did is said by signals the window connects."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from contact_desk.ui.host import Navigator, WindowHost

if TYPE_CHECKING:  # each dialog (and its stack: readers, openpyxl, printing) loaded when first opened
    from contact_desk.ui.printing.print_dialog import PrintDialog
    from contact_desk.ui.transfer.bulk_dialog import BulkDialog
    from contact_desk.ui.transfer.export_dialog import ExportDialog
    from contact_desk.ui.transfer.import_dialog import ImportDialog


class Transfers(QObject):
    contactSaved = Signal(object)  # a Contact a dialog saved: shown in the table and the copy at once
    changeMade = Signal(object)  # a Change contacts run, as a BulkResult Edit → Undo can put back
    undone = Signal()  # the dialog undid its own run: nothing for Edit → Undo any more
    imported = Signal()  # contacts were created: the list and the copy bring them in

    def __init__(self, host: WindowHost, navigator: Navigator, can_create: Callable[[], bool],
                 can_edit: Callable[[], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.navigator, self.parent_widget = host, navigator, parent
        self.can_create, self.can_edit = can_create, can_edit

    def _name(self) -> str:
        account = self.navigator.account
        return account.name if account is not None else ""

    def export_contacts(self) -> ExportDialog | None:
        dialect = self.navigator.dialect
        if dialect is None:
            return None
        from contact_desk.ui.transfer.export_dialog import ExportDialog

        dialog = ExportDialog(self.host, dialect, self._name(), self.parent_widget)
        dialog.open()
        return dialog

    def print_contacts(self, pdf: bool = False) -> PrintDialog | None:
        """File → Print… (``pdf``: File → Save as PDF…, the same dialog, its PDF button first)."""
        dialect = self.navigator.dialect
        if dialect is None:
            return None
        from contact_desk.ui.printing.print_dialog import PrintDialog

        dialog = PrintDialog(self.host, dialect, self._name(), self.parent_widget, pdf=pdf)
        dialog.open()
        return dialog

    def save_pdf(self) -> PrintDialog | None:
        return self.print_contacts(pdf=True)

    def import_contacts(self) -> ImportDialog | None:
        dialect = self.navigator.dialect
        if dialect is None or not self.can_create():
            return None
        from contact_desk.ui.transfer.import_dialog import ImportDialog

        dialog = ImportDialog(self.host, dialect, self._name(), self.parent_widget)
        dialog.imported.connect(self.imported)
        dialog.open()
        return dialog

    def change_contacts(self) -> BulkDialog | None:
        dialect = self.navigator.dialect
        if dialect is None or not self.can_edit():
            return None
        from contact_desk.ui.transfer.bulk_dialog import BulkDialog

        dialog = BulkDialog(self.host, dialect, self.parent_widget)
        dialog.contactSaved.connect(self.contactSaved)
        dialog.changeMade.connect(self.changeMade)
        dialog.undone.connect(self.undone)
        dialog.open()
        return dialog
