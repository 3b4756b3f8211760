"""Help → Keyboard shortcuts and Help → About: non-modal boxes (never exec())."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
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


def shortcuts_html() -> str:
    t = QCoreApplication.translate
    rows = [("Ctrl+N", t("Help", "New contact")),
            ("Ctrl+E, Enter", t("Help", "Edit the selected contact")),
            ("Ctrl+S", t("Help", "Save the form")),
            ("Esc", t("Help", "Close the form (asks if anything changed)")),
            ("Ctrl+F", t("Help", "Search or filters")),
            ("F5", t("Help", "Load the list again")),
            ("Ctrl+C", t("Help", "Copy the selected rows")),
            ("Ctrl+A", t("Help", "Select all loaded rows")),
            ("F9", t("Help", "Show or hide the details")),
            ("Ctrl+Q", t("Help", "Quit"))]
    body = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def show_shortcuts(parent: QWidget) -> QMessageBox:
    return _box(parent, QCoreApplication.translate("Help", "Keyboard shortcuts"), shortcuts_html(),
                "shortcuts-box")


def show_about(parent: QWidget, services: Services) -> QMessageBox:
    t = QCoreApplication.translate
    text = (f"<h3>Contact Desk {__version__}</h3><p>"
            + t("Help", "A desktop contact manager for contacts behind a REST API.") + "</p><p>"
            + t("Help", "Qt {qt}, PySide6 {pyside}").format(qt=qVersion(), pyside=pyside_version) + "<br>"
            + t("Help", "Keys kept in: {keyring}").format(keyring=services.keys.backend_name) + "</p>")
    return _box(parent, QCoreApplication.translate("Help", "About Contact Desk"), text, "about-box")
