"""Colours from the palette, so light, dark and high-contrast themes all read well:
the few accents we add (error red, the error banner) have a light and a dark
variant, chosen from the window colour of the current palette."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


class ThemeWatcher(QObject):
    """Calls ``restyle`` when the application's palette changes (the system switched to
    dark or back): a widget with a style sheet is not sent a PaletteChange of its own."""

    def __init__(self, owner: QObject, restyle: Callable[[], None]) -> None:
        super().__init__(owner)
        self._restyle = restyle
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QCoreApplication.instance():
            self._restyle()
        return False


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def error_css(palette: QPalette | None = None) -> str:
    return "color: #ffb4ab;" if is_dark(palette) else "color: #b3261e;"


def muted_css(palette: QPalette | None = None) -> str:
    pal = palette or QGuiApplication.palette()
    return f"color: {pal.color(QPalette.ColorRole.PlaceholderText).name()};"


def banner_css(palette: QPalette | None = None) -> str:
    if is_dark(palette):
        background, border, text = "#5c1d18", "#8c3b33", "#ffdad6"
    else:
        background, border, text = "#fdecea", "#f5c2c0", "#611a15"
    return (f"#ErrorBanner {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f" #ErrorBanner QLabel {{ color: {text}; }}")


def make_title(label: QWidget, points: float) -> None:
    """A heading by its font, not a style sheet: a styled label keeps the old palette's
    text colour when the theme changes (black on a dark window)."""
    font = label.font()
    font.setPointSizeF(points)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
