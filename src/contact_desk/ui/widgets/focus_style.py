"""A visible focus ring on combo boxes where the style draws none (Fusion, the
style of most Linux sessions and of the offscreen tests): keyboard users must
see where they are. Native Windows and macOS styles draw their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionComplex, QWidget


class FocusRingStyle(QProxyStyle):
    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()


def add_focus_rings(app: QApplication) -> None:
    """Wraps the application's style when it is Fusion (the others draw focus themselves)."""
    style = app.style()
    if style is not None and style.name().lower() == "fusion":
        app.setStyle(FocusRingStyle("fusion"))
