"""A non-modal banner above the table: what failed, and Retry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from contact_desk.ui.widgets.palette import ThemeWatcher, banner_css


class ErrorBanner(QFrame):
    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorBanner")
        self.setStyleSheet(banner_css())
        self._theme = ThemeWatcher(self, lambda: self.setStyleSheet(banner_css()))  # light or dark
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.clicked.connect(self.retry)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        self.message.setAccessibleName(self.tr("Error"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(close)
        self.hide()

    def show_error(self, text: str, can_retry: bool = True, action: str | None = None) -> None:
        """``action``: the button's text when it does something else than Retry ("Show it")."""
        self.message.setText(text)
        self.retry_button.setText(action or self.tr("Retry"))
        self.retry_button.setVisible(can_retry)
        self.show()
