"""The right-click menu of a contact row: edit, copy its parts or all of it as a
vCard, write to it, call it, open its website."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from contact_desk.api.models import Contact
from contact_desk.models.contact_table import ContactRole
from contact_desk.transfer.vcard import to_vcard
from contact_desk.ui.widgets.icons import icon


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _open(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


def row_menu(parent: QWidget, contact: Contact, edit: Callable[[], object] | None) -> QMenu:
    """The menu for ``contact``; ``edit`` is None when this account cannot edit."""
    menu = QMenu(parent)
    menu.setObjectName("row-menu")
    if edit is not None:
        menu.addAction(icon("edit"), QCoreApplication.translate("RowMenu", "&Edit…"), edit)
        menu.addSeparator()
    name = contact.full_name
    email = getattr(contact, "email", None)
    phone = getattr(contact, "phone_number", None)
    website = getattr(contact, "website", None)
    copies = ((QCoreApplication.translate("RowMenu", "Copy &name"), name),
              (QCoreApplication.translate("RowMenu", "Copy e&mail"), email),
              (QCoreApplication.translate("RowMenu", "Copy &phone"), phone))
    for text, value in copies:
        if value:
            menu.addAction(text, functools.partial(_copy, value))
    menu.addAction(icon("copy"), QCoreApplication.translate("RowMenu", "Copy as &vCard"),
                   functools.partial(_copy, to_vcard(contact)))
    if email or phone or website:
        menu.addSeparator()
    if email:
        menu.addAction(QCoreApplication.translate("RowMenu", "&Send email"),
                       functools.partial(_open, f"mailto:{email}"))
    if phone:
        menu.addAction(QCoreApplication.translate("RowMenu", "&Call"),
                       functools.partial(_open, f"tel:{phone}"))
    if website and QUrl(website).scheme() in ("http", "https"):  # never another scheme from server data
        menu.addAction(QCoreApplication.translate("RowMenu", "Open &website"),
                       functools.partial(_open, website))
    return menu


def menu_at(table: QTableView, pos: QPoint, edit: Callable[[], object] | None) -> QMenu | None:
    """The row menu of the contact under ``pos`` in ``table`` (its row made current), shown."""
    index = table.indexAt(pos)
    model = table.model()
    contact = model.data(index, ContactRole) if index.isValid() else None
    if contact is None:
        return None
    selection = table.selectionModel()
    if selection is not None and selection.isRowSelected(index.row()):  # within the selection: kept whole
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    else:
        table.setCurrentIndex(index)
    menu = row_menu(table.window(), contact, edit)
    menu.popup(table.viewport().mapToGlobal(pos))
    return menu
