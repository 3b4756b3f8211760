"""Help → Keyboard shortcuts and Help → About: non-modal boxes (never exec())."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from contact_desk import __version__
from contact_desk.ui.context import Services


def _box(parent: QWidget, title: str, html: str, name: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, html, QMessageBox.StandardButton.Close, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def _keys(*sequences: str) -> str:
    """Key names as this system and language write them ("Ctrl+Maiusc+E", "Invio")."""
    native = QKeySequence.SequenceFormat.NativeText
    portable = QKeySequence.SequenceFormat.PortableText
    return ", ".join(QKeySequence(k, portable).toString(native) for k in sequences)


def shortcuts_html() -> str:
    """Every shortcut of the window and its forms, in the interface's language. Written out for
    lupdate: an alias of QCoreApplication.translate hides texts from the translation tools."""
    rows = [
        (_keys("Ctrl+N"), QCoreApplication.translate("Help", "New contact")),
        (_keys("Ctrl+E", "Return"), QCoreApplication.translate("Help", "Edit the selected contact")),
        (_keys("Ctrl+Shift+E"),
         QCoreApplication.translate("Help", "Change the selected or all matching contacts")),
        (_keys("Ctrl+S"), QCoreApplication.translate("Help", "Save the form")),
        (_keys("Esc"), QCoreApplication.translate("Help", "Close the form (asks if anything changed)")),
        (_keys("Ctrl+F"), QCoreApplication.translate("Help", "Search or filters")),
        (_keys("F5"), QCoreApplication.translate("Help", "Load the list again")),
        (_keys("Shift+F5"), QCoreApplication.translate("Help", "Sync the offline copy now")),
        (_keys("Ctrl+C"), QCoreApplication.translate("Help", "Copy the selected rows")),
        (_keys("Ctrl+A"), QCoreApplication.translate("Help", "Select all loaded rows")),
        (_keys("F9"), QCoreApplication.translate("Help", "Show or hide the details")),
        (_keys("F1"), QCoreApplication.translate("Help", "This list of shortcuts")),
        (_keys("Ctrl+Q"), QCoreApplication.translate("Help", "Quit")),
    ]
    body = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def show_shortcuts(parent: QWidget) -> QMessageBox:
    return _box(parent, QCoreApplication.translate("Help", "Keyboard shortcuts"), shortcuts_html(),
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
