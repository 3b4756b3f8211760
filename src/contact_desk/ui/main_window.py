"""The main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Contact Desk"))
        self.resize(1100, 700)
        self.placeholder = QLabel(self.tr("No account is open yet."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.setCentralWidget(self.placeholder)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu(self.tr("&File")).addAction(quit_action)

    def show_demo(self, base_url: str, contacts: int) -> None:
        self.setWindowTitle(self.tr("Contact Desk — demo"))
        self.placeholder.setText(self.tr(
            "Demo mode: the sandbox is running at {url} with {n} contacts in each demo account."
        ).format(url=base_url, n=f"{contacts:,}"))
        self.statusBar().showMessage(self.tr("Demo sandbox ready"))
