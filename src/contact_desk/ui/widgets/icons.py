"""The app's icons: the desktop theme's where it has one (Linux), else our own SVGs."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from contact_desk.resources import resource

# Theme icon name (freedesktop), and our own SVG when the system has no theme (Windows, macOS).
_ICONS = {"new": ("contact-new", "contact-new"), "edit": ("document-edit", "contact-edit"),
          "refresh": ("view-refresh", "view-refresh"), "accounts": ("system-users", "accounts"),
          "copy": ("edit-copy", "edit-copy"), "waiting": ("appointment-soon", "outbox-waiting")}


def icon(name: str) -> QIcon:
    theme, ours = _ICONS[name]
    return QIcon.fromTheme(theme, QIcon(str(resource("icons", f"{ours}.svg"))))
