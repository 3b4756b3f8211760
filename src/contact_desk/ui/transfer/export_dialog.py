"""File → Export…: the selected contacts or all those matching the filters and search,
as CSV, Excel or vCard; progress and Cancel; the file is written only when complete."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api import Dialect, errors
from contact_desk.files import FileProblem
from contact_desk.transfer import exporting
from contact_desk.ui.host import WindowHost
from contact_desk.ui.transfer.people import ForPeople
from contact_desk.ui.transfer.scope_choice import ScopeChoice
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen

FORMATS = (("csv", "CSV (Excel, LibreOffice)", "csv"), ("xlsx", "Excel (.xlsx)", "xlsx"),
           ("vcf", "vCard 4.0 (.vcf)", "vcf"), ("vcf3", "vCard 3.0 (.vcf, Outlook)", "vcf"))


class ExportDialog(QDialog):
    def __init__(self, host: WindowHost, dialect: Dialect, account_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.dialect, self.account_name = host, dialect, account_name
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export contacts"))
        self.task: asyncio.Task[None] | None = None
        self.scope = ScopeChoice(host.scope(), dialect, self, selection_from=2)
        self.selection, self.matching = self.scope.selection, self.scope.matching
        missing, total = self.scope.missing, self.scope.total
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for key, label, _ext in FORMATS:
            self.format.addItem(label, key)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if missing:
            self.note.setText(self.tr("%Ln selected row(s) not loaded yet would be left out: scroll to "
                                      "them first, or export all matching.", "", missing))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(total or 0, 0))
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.go = QPushButton(self.tr("&Export…"), self)
        self.go.setDefault(True)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.go.clicked.connect(self.choose_file)
        self.cancel.clicked.connect(self.stop)
        form = QFormLayout()
        form.addRow(self.tr("Contacts:"), self.selection)
        form.addRow("", self.matching)
        form.addRow(self.tr("&Format:"), self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.chooser: QFileDialog | None = None
        fit_on_screen(self, 520, self.sizeHint().height())

    def choose_file(self) -> None:
        key = str(self.format.currentData())
        ext = next(e for k, _l, e in FORMATS if k == key)
        account = self.account_name or "contacts"
        target = self.host.folder_for("export") / f"{account}.{ext}"
        chooser = QFileDialog(self, self.tr("Export to"), str(target))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(ext)
        chooser.setNameFilter(f"*.{ext}")
        chooser.fileSelected.connect(lambda name: self.start(Path(name), key))
        chooser.open()  # never exec() on the event loop
        self.chooser = chooser

    def start(self, path: Path, fmt: str) -> None:
        self.host.remember_folder("export", path)
        batches = self.scope.batches()
        total = self.scope.count() or 0
        self.progress.setRange(0, total)  # 0: busy, when the count is not known (SmartCQ's server)
        self.progress.setValue(0)
        self.progress.show()
        self.go.setEnabled(False)
        self.note.setStyleSheet("")
        self.note.setText(self.tr("Exporting…"))
        schema = self.dialect.schema

        async def run() -> None:
            try:
                done = await exporting.export_to(path, fmt, schema, batches, self._step, people=ForPeople())
            except FileProblem as exc:
                self._said(str(exc), error=True)
                return
            except errors.ApiError as exc:
                self._said(describe(exc) + " " + self.tr("Nothing was written."), error=True)
                return
            said = self.tr("Exported %Ln contact(s) to {path}", "", done.count).format(path=path)
            if done.replaced:
                said += " " + self.tr("(%Ln character(s) Excel cannot hold written as spaces)", "",
                                      done.replaced)
            self.host.say(said, 10_000)
            self.accept()

        self.task = self.host.tasks.spawn(run(), name="export")

        def ended(task: asyncio.Task[None]) -> None:
            if task.cancelled():  # also when cancelled before it began
                self._said(self.tr("Cancelled: {path} was not written (a file already there is as it "
                                   "was).").format(path=path), error=False)

        self.task.add_done_callback(ended)

    def _step(self, done: int) -> None:
        if self.progress.maximum():
            self.progress.setValue(min(done, self.progress.maximum()))
        self.note.setText(self.tr("%Ln contact(s) written…", "", done))

    def _said(self, text: str, error: bool) -> None:
        self.progress.hide()
        self.go.setEnabled(True)
        self.note.setText(text)
        self.note.setStyleSheet(error_css() if error else "")

    def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()
            return
        self.reject()

    def reject(self) -> None:  # closing the dialog stops an export under way
        if self.task is not None and not self.task.done():
            self.task.cancel()
        super().reject()

    def keyPressEvent(self, event: object) -> None:  # Esc during an export cancels it first
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.stop()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
