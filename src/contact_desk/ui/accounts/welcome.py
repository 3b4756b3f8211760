"""First start: no account yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contact_desk.ui.widgets.palette import make_title


class WelcomePage(QWidget):
    addAccount = Signal()
    tryDemo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        title = QLabel(self.tr("Welcome to Contact Desk"), self)
        make_title(title, 20)
        text = QLabel(self.tr("Add the account of your contact service with its API key, or try "
                              "Contact Desk on demo data first: nothing is sent anywhere."), self)
        text.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add account…"), self)
        self.demo_button = QPushButton(self.tr("Try the demo"), self)
        self.add_button.clicked.connect(self.addAccount)
        self.demo_button.clicked.connect(self.tryDemo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for w in (title, text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(w)
        column.addLayout(buttons)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.status)
        column.addStretch(2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, as in a dialog."""
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton) \
                and focused.isEnabled():
            focused.click()
            return
        super().keyPressEvent(event)

    def busy(self, text: str) -> None:
        self.status.setText(text)
        self.add_button.setEnabled(not text)
        self.demo_button.setEnabled(not text)
