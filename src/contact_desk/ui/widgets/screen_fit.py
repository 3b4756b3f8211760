"""Windows and dialogs that open within their screen's available area (a HiDPI screen at 2x
leaves 800 x 500 logical pixels of a 1600 x 1000 one), scrolling their content when they must."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SCREEN_SHARE = 0.92  # of the available area, at most: the title bar and a margin stay visible


def available(widget: QWidget) -> QSize:
    """The available size of the screen ``widget`` (or its parent window) is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_on_screen(widget: QWidget, width: int, height: int, share: float = SCREEN_SHARE) -> None:
    """Resizes ``widget`` to ``width`` x ``height``, but never beyond ``share`` of its screen's room."""
    room = available(widget)
    most_wide, most_high = int(room.width() * share), int(room.height() * share)
    widget.resize(min(width, most_wide), min(height, most_high))


class WholeScrollArea(QScrollArea):
    """A scroll area that asks for its content's whole size (Qt caps a scroll area's wish at 24
    lines): the window around it is fitted to the screen, and only then does it scroll."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + frame + bar, hint.height() + frame)
