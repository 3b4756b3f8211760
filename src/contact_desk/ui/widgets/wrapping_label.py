"""A label for values meant to be read whole (an email, a website, an id): it wraps onto more lines
inside the word when the pane is narrow, after "@", ".", "/" and the like (never "…" in the pane
meant for reading them, and never a clipped "https://"). The breaks are zero-width spaces in the
shown text only: ``full_text()``, the tooltip and anything copied are the value itself."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget

BREAK = "\u200b"  # a line may break here; it is never copied
_AFTER = re.compile(r"([@./\-_?&=+:#])")
_RUN = 16  # a run of letters longer than this may break anywhere in it


def with_breaks(text: str) -> str:
    out = _AFTER.sub(lambda m: m.group(1) + BREAK, text)
    return re.sub(rf"([^\s{BREAK}]{{{_RUN}}})(?=[^\s{BREAK}])", lambda m: m.group(1) + BREAK, out)


class WrappingLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, *, link: bool = False) -> None:
        super().__init__(parent)
        self._full = ""
        self._link = link
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if link:
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setOpenExternalLinks(True)
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_full_text(self, text: str, *, href: str = "") -> None:
        """The value; ``href``: a link's target (a website), shown as the value."""
        self._full = text
        if self._link and href:
            target = html.escape(href, quote=True)
            super().setText(f'<a href="{target}">{html.escape(with_breaks(text))}</a>')
        else:
            super().setText(html.escape(with_breaks(text)) if self._link else with_breaks(text))
        self.setToolTip(text if href else "")

    def full_text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.set_full_text("")

    def _copied(self) -> str:
        chosen = self.selectedText() if self.hasSelectedText() else self._full
        return chosen.replace(BREAK, "")

    def event(self, event: QEvent) -> bool:
        """Ctrl+C here copies this value: the window's Copy (the table's rows) is a shortcut of every
        child of the window, and took the key before the label saw it."""
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Copy)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self._copied())
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("&Copy"), lambda: QGuiApplication.clipboard().setText(self._copied()))
        menu.exec(event.globalPos())
