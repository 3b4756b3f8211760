"""Help → Keyboard shortcuts and Help → About: non-modal boxes (never exec())."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from contact_desk import __version__
from contact_desk.i18n import interface_language
from contact_desk.ui.context import Services
from contact_desk.ui.widgets.guide_window import GuideWindow


def _box(parent: QWidget, title: str, html: str, name: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, html, QMessageBox.StandardButton.Close, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def _keys(*sequences: str | QKeySequence) -> str:
    """Key names as this system and language write them ("Ctrl+Maiusc+E", "Invio")."""
    native = QKeySequence.SequenceFormat.NativeText
    portable = QKeySequence.SequenceFormat.PortableText
    return ", ".join((k if isinstance(k, QKeySequence) else QKeySequence(k, portable)).toString(native)
                     for k in sequences)


def _plain(text: str) -> str:
    """A menu text as read in a list: no mnemonic, no ellipsis ("&Import…" is "Import")."""
    head = text.split("\t", maxsplit=1)[0]
    return head.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_rows(menu: QMenu, rows: list[tuple[str, str]]) -> None:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            _menu_rows(sub, rows)
        elif keys := [k for k in action.shortcuts() if not k.isEmpty()]:
            rows.append((_keys(*keys), html.escape(_plain(action.text()))))


def _elsewhere() -> list[tuple[str, list[tuple[str, str]]]]:
    """Keys that belong to a part of the window rather than a menu. Written out for lupdate."""
    save = _keys(QKeySequence(QKeySequence.StandardKey.Save))
    return [
        (QCoreApplication.translate("Help", "The list"), [
            (_keys("Return"), QCoreApplication.translate("Help", "Edit the selected contact")),
            (_keys("Down"), QCoreApplication.translate("Help", "From the search box: to the first result")),
        ]),
        (QCoreApplication.translate("Help", "Filters"), [
            (_keys("Return", "Space"), QCoreApplication.translate("Help", "Change the filter in focus")),
            (_keys("Del", "Backspace"), QCoreApplication.translate("Help", "Remove the filter in focus")),
        ]),
        (QCoreApplication.translate("Help", "The sidebar"), [
            (_keys("Return"), QCoreApplication.translate("Help", "Open the account, view or tag")),
            (_keys("F2"), QCoreApplication.translate("Help", "Rename the saved view")),
            (_keys("Del"), QCoreApplication.translate("Help", "Delete the saved view")),
            (_keys("Alt+Up", "Alt+Down"),
             QCoreApplication.translate("Help", "Move the saved view up or down")),
        ]),
        (QCoreApplication.translate("Help", "The contact form"), [
            (save, QCoreApplication.translate("Help", "Save the form")),
            (_keys("Ctrl+Return"), QCoreApplication.translate("Help", "Save and edit the next contact")),
            (_keys("Esc"), QCoreApplication.translate("Help", "Close the form (asks if anything changed)")),
            (_keys("Alt+Down", "F4"), QCoreApplication.translate("Help", "Open a date field's calendar")),
        ]),
    ]


def shortcuts_html(window: QMainWindow | None = None) -> str:
    """Every shortcut of the window, in the interface's language: those of the menus read from the
    actions themselves (a shortcut added to a menu is listed with no list to keep up), by menu,
    then those of the list, the filters, the sidebar and the forms."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    bar = window.menuBar() if window is not None else None
    for top in bar.actions() if bar is not None else []:
        menu = top.menu()
        rows: list[tuple[str, str]] = []
        if isinstance(menu, QMenu):
            _menu_rows(menu, rows)
        if rows:
            sections.append((html.escape(_plain(top.text())), rows))
    sections += _elsewhere()
    body = "".join(f"<tr><td colspan=2><br><b>{title}</b></td></tr>"
                   + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
                   for title, rows in sections)
    return f"<table>{body}</table>"


def show_guide(parent: QMainWindow) -> GuideWindow:
    """Help → User guide: one window, brought forward when it is open already."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(interface_language(), parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_shortcuts(parent: QMainWindow) -> QMessageBox:
    return _box(parent, QCoreApplication.translate("Help", "Keyboard shortcuts"), shortcuts_html(parent),
                "shortcuts-box")


def show_about(parent: QWidget, services: Services) -> QMessageBox:
    text = (f"<h3>Contact Desk {__version__}</h3><p>"
            + QCoreApplication.translate("Help", "A desktop contact manager for contacts behind a REST API.")
            + "</p><p>"
            + QCoreApplication.translate("Help", "Qt {qt}, PySide6 {pyside}").format(
                qt=qVersion(), pyside=pyside_version) + "<br>"
            + QCoreApplication.translate("Help", "Keys kept in: {keyring}").format(
                keyring=services.keys.backend_name) + "</p>")
    return _box(parent, QCoreApplication.translate("Help", "About Contact Desk"), text, "about-box")
