"""Edit → Email… and Copy addresses (also in the right-click menu): writing to the contacts
selected, through the user's own mail program. Addresses go in BCC, never To; a long selection
becomes several drafts, asked first and said (transfer/mail_links.py); contacts without an email
are counted and left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from contact_desk.transfer.mail_links import Addresses, addresses_of, mailto_links, pasted
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.window.rows import Rows


class Mailing(QObject):
    said = Signal(str, int)  # a passing status message, for this many ms

    def __init__(self, table: ContactTableView, menu: QMenu, rows: Rows, say: Callable[[str, int], None],
                 parent: QWidget) -> None:
        """In the Edit menu (``menu``) and every row's right-click menu (``rows``); ``say``: the
        status bar."""
        super().__init__(parent)
        self.said.connect(say)
        self.table, self.parent_widget = table, parent
        self.email_action = QAction(self.tr("E&mail…"), parent)
        self.email_action.setStatusTip(self.tr("Write to the selected contacts from your mail program "
                                               "(their addresses in Bcc)"))
        self.email_action.triggered.connect(self.email)
        self.copy_action = QAction(self.tr("Copy a&ddresses"), parent)
        self.copy_action.setStatusTip(self.tr("Copy the selected contacts' email addresses, to paste into a "
                                              "mail's To, Cc or Bcc"))
        self.copy_action.triggered.connect(self.copy)
        menu.addSeparator()
        menu.addActions([self.email_action, self.copy_action])
        rows.extra = [self.email_action, self.copy_action]
        self.box: QMessageBox | None = None
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # the system's mail program

    def _chosen(self) -> Addresses | None:
        contacts, missing = self.table.selected_contacts()
        found = addresses_of(contacts)
        if not found.emails:
            self.said.emit(self.tr("None of the selected contacts has an email address."), 6000)
            return None
        return replace(found, without=found.without + missing)  # rows not loaded: left out, and said

    def _left_out(self, found: Addresses) -> str:
        if not found.without:
            return ""
        return " " + self.tr("%Ln selected contact(s) without an email address left out.", "", found.without)

    def copy(self) -> None:
        found = self._chosen()
        if found is None:
            return
        QGuiApplication.clipboard().setText(pasted(found.emails))
        said = self.tr("Copied %Ln address(es).", "", len(found.emails)) + self._left_out(found)
        self.said.emit(said, 8000)

    def email(self) -> None:
        found = self._chosen()
        if found is None:
            return
        links = mailto_links(found.emails)
        if len(links) == 1:
            self._open(links, found)
            return
        number = QLocale().toString
        text = self.tr("{addresses} addresses need {drafts} drafts: mail programs cut longer links (Outlook "
                       "on Windows at about 2,000 characters). Open {drafts} drafts, each with its share of "
                       "the addresses in Bcc?").format(addresses=number(len(found.emails)),
                                                      drafts=number(len(links)))
        buttons = QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel
        box = self.box = QMessageBox(QMessageBox.Icon.Question, self.tr("Email the selected contacts"), text,
                                     buttons, self.parent_widget)
        box.setObjectName("mail-drafts")
        opening = box.button(QMessageBox.StandardButton.Open)
        if opening is not None:
            opening.setText(self.tr("&Open {n} drafts").format(n=number(len(links))))
        box.accepted.connect(lambda: self._open(links, found))
        box.open()

    def _open(self, links: list[str], found: Addresses) -> None:
        for link in links:
            if not self.open_url(QUrl(link)):
                self.said.emit(self.tr("No mail program answered. Copy addresses puts them on the clipboard "
                                       "instead."), 10_000)
                return
        said = self.tr("%Ln draft(s) opened in your mail program, the addresses in Bcc.", "", len(links))
        self.said.emit(said + self._left_out(found), 10_000)
