"""View → Appearance: follow the system's light or dark theme, or keep one (Windows users expect to
override it). Light and Dark use Qt's Fusion style with our palette; System restores what the
platform gave. In every dark palette, links are a light blue: the default dark blue was
unreadable on black ("Sync now" in the status bar)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from contact_desk.ui.widgets.palette import is_dark

DARK_LINK, DARK_VISITED = QColor("#8ab4f8"), QColor("#c58af9")
LIGHT_LINK, LIGHT_VISITED = QColor("#0b57d0"), QColor("#6a1b9a")


class Appearance(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def of(cls, value: object) -> Appearance:
        return next((a for a in cls if a.value == value), cls.SYSTEM)


def _dark() -> QPalette:
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
             QPalette.ColorRole.Base: "#17181a", QPalette.ColorRole.AlternateBase: "#26282b",
             QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2d2f33",
             QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#3b6fd1",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2d2f33",
             QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
             QPalette.ColorRole.BrightText: "#ffffff", QPalette.ColorRole.Mid: "#3c4043",
             QPalette.ColorRole.Dark: "#111214", QPalette.ColorRole.Light: "#44474b"}
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return p


class AppearanceSwitch:
    """Applies an appearance to the application; remembers what the platform gave for System."""

    _STYLE = "contactDeskSystemStyle"  # kept on the application: the first window's view of it

    def __init__(self, app: QApplication) -> None:
        self.app = app
        if not app.property(self._STYLE):
            app.setProperty(self._STYLE, app.style().name())
        self.current = Appearance.SYSTEM

    @classmethod
    def of_app(cls) -> AppearanceSwitch:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a window needs its QApplication"
        return cls(app)

    def start(self, appearance: Appearance) -> None:
        """At the window's start: the remembered appearance; System keeps the platform's look,
        with links readable when it is dark."""
        if appearance is not Appearance.SYSTEM:
            self.apply(appearance)
        elif is_dark(self.app.palette()):
            self.app.setPalette(readable_links(self.app.palette()))

    def apply(self, appearance: Appearance) -> None:
        self.current = appearance
        if appearance is Appearance.SYSTEM:
            self.app.setStyle(str(self.app.property(self._STYLE)))
            self.app.setPalette(QPalette())  # a palette set by no one: the platform's again
            palette = QPalette(self.app.palette())
        else:
            self.app.setStyle("Fusion")
            palette = _dark() if appearance is Appearance.DARK else self.app.style().standardPalette()
        self.app.setPalette(readable_links(palette))


def readable_links(palette: QPalette) -> QPalette:
    """Link colours that read on the palette's base: light blue on dark, deep blue on light."""
    dark = is_dark(palette)
    palette.setColor(QPalette.ColorRole.Link, DARK_LINK if dark else LIGHT_LINK)
    palette.setColor(QPalette.ColorRole.LinkVisited, DARK_VISITED if dark else LIGHT_VISITED)
    return palette
