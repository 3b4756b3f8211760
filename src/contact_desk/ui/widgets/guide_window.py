"""Help → User guide: the user guide shipped with the app (docs/user-guide.md, and its Italian
version written for Italian readers, docs/user-guide.it.md), shown offline in a window of its
own, searchable (Enter finds the next match, Shift+Enter the previous one, from the top again at
the end). Links to the web open in the browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contact_desk.ui.widgets.screen_fit import fit_on_screen


def guide_dir() -> Path:
    """The guides, installed (contact_desk/docs) or from a checkout (<repo>/docs)."""
    here = Path(__file__).resolve().parents[2]
    installed = here / "docs"
    return installed if installed.is_dir() else here.parent.parent / "docs"


def guide_path(language: str) -> Path:
    """The guide in ``language`` when there is one, else the English one."""
    translated = guide_dir() / f"user-guide.{language}.md"
    return translated if language != "en" and translated.is_file() else guide_dir() / "user-guide.md"


class GuideWindow(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(self.tr("Contact Desk — user guide"))
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, beside the app
        self.text = QTextBrowser(self)
        self.text.setObjectName("guide-text")
        self.text.setOpenExternalLinks(True)
        path = guide_path(language)
        try:
            self.text.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as exc:
            self.text.setPlainText(self.tr("The user guide cannot be read ({why}). It is also in the docs "
                                           "folder of the project.").format(why=exc.strerror or exc))
        self.finder = QLineEdit(self)
        self.finder.setObjectName("guide-find")
        self.finder.setPlaceholderText(self.tr("Find in the guide"))
        self.finder.setClearButtonEnabled(True)
        self.finder.returnPressed.connect(lambda: self.search(backward=False))
        back = QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), self.finder,
                         context=Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(lambda: self.search(backward=True))
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.finder.setFocus)
        self.said = QLabel(self)
        previous = QPushButton(self.tr("&Previous"), self)
        previous.clicked.connect(lambda: self.search(backward=True))
        following = QPushButton(self.tr("&Next"), self)
        following.clicked.connect(lambda: self.search(backward=False))
        row = QHBoxLayout()
        row.addWidget(self.finder, 1)
        row.addWidget(previous)
        row.addWidget(following)
        row.addWidget(self.said)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.text, 1)
        fit_on_screen(self, 820, 720)

    def search(self, backward: bool = False) -> bool:
        """The next (or previous) place the words are, from the top (or the end) again when there
        is none further; said when there is none at all."""
        words = self.finder.text().strip()
        if not words:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.text.find(words, flags)
        if not found:  # wrap round
            cursor = self.text.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self.text.setTextCursor(cursor)
            found = self.text.find(words, flags)
        self.said.setText("" if found else self.tr("Not found"))
        return found
