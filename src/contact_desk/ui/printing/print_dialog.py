"""File → Print… (Ctrl+P) and File → Save as PDF…: the selected contacts or all those matching
the search and filters, as a phone list, contact cards or address labels (the sheet's grid
chosen), on the locale's paper. Print shows the system's preview, then its print dialog; a PDF is
written off the window's thread with progress and Cancel (10,000 contacts take a few seconds)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
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
from contact_desk.api.models import Contact
from contact_desk.files import FileProblem, atomic_write
from contact_desk.ui.host import WindowHost
from contact_desk.ui.printing.pages import Cancelled, Sheet, locale_page_size, page_layout, paint
from contact_desk.ui.printing.pdf import pdf_bytes, today
from contact_desk.ui.printing.styles import LABELS, STYLES, blocks, style_name
from contact_desk.ui.transfer.scope_choice import ScopeChoice
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen

MAX_PRINTED = 100_000  # contacts in one printout or PDF
GRIDS = ((3, 8), (3, 7), (2, 7), (3, 10))  # label sheets: columns x rows (3 x 10: US Letter, Avery 5160)


class PrintDialog(QDialog):
    def __init__(self, host: WindowHost, dialect: Dialect, account_name: str, parent: QWidget | None = None,
                 *, pdf: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("print-dialog")
        self.host, self.dialect, self.account_name = host, dialect, account_name
        self.setWindowTitle(self.tr("Save as PDF — {account}") if pdf else self.tr("Print — {account}"))
        self.setWindowTitle(self.windowTitle().format(account=account_name))
        self.scope = ScopeChoice(host.scope(), dialect, self, selection_from=2)
        self.style_box = QComboBox(self)
        for style in STYLES:
            self.style_box.addItem(style_name(style), style)
        self.grid = QComboBox(self)
        for cols, rows in GRIDS:
            text = self.tr("{cols} × {rows} labels a sheet").format(cols=cols, rows=rows)
            self.grid.addItem(text, (cols, rows))
        self.paper = QComboBox(self)
        for size in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter):
            self.paper.addItem(QPageSize(size).name(), size)
        self.paper.setCurrentIndex(max(0, self.paper.findData(locale_page_size().id())))
        self.style_box.currentIndexChanged.connect(
            lambda _i: self.grid.setEnabled(self.chosen_style() == LABELS))
        self.grid.setEnabled(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.print_button = QPushButton(self.tr("&Preview and print…"), self)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"), self)
        (self.pdf_button if pdf else self.print_button).setDefault(True)
        self.print_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.clicked.connect(self.stop)
        form = QFormLayout()
        form.addRow(self.tr("Contacts:"), self.scope.selection)
        form.addRow("", self.scope.matching)
        form.addRow(self.tr("&Style:"), self.style_box)
        form.addRow(self.tr("&Labels:"), self.grid)
        form.addRow(self.tr("P&aper:"), self.paper)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(self.progress)
        box.addWidget(buttons)
        self.task: asyncio.Task[None] | None = None
        self._stop = threading.Event()
        self.chooser: QFileDialog | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.printing: QPrinter | None = None
        fit_on_screen(self, 480, self.sizeHint().height())

    def chosen_style(self) -> str:
        return str(self.style_box.currentData())

    def _size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId(self.paper.currentData()))

    def _title(self) -> str:
        return f"{self.account_name} — {style_name(self.chosen_style())}"

    def _busy(self, text: str) -> None:
        self.note.setStyleSheet("")
        self.note.setText(text)
        self.progress.setRange(0, self.scope.count() or 0)
        self.progress.setValue(0)
        self.progress.show()
        self.print_button.setEnabled(False)
        self.pdf_button.setEnabled(False)

    def _said(self, text: str, error: bool = False) -> None:
        self.progress.hide()
        self.print_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.note.setText(text)
        self.note.setStyleSheet(error_css() if error else "")

    async def _contacts(self) -> list[Contact]:
        out: list[Contact] = []
        seen: set[str] = set()
        async for batch in self.scope.batches():
            for c in batch:
                if c.id not in seen:
                    seen.add(c.id)
                    out.append(c)
            self.note.setText(self.tr("%Ln contact(s) read…", "", len(out)))
            if len(out) >= MAX_PRINTED:
                break
        return out[:MAX_PRINTED]

    # -- PDF -------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name = f"{self.account_name or 'contacts'} - {style_name(self.chosen_style())}.pdf"
        target = str(self.host.folder_for("pdf") / name)
        chooser = self.chooser = QFileDialog(self, self.tr("Save as PDF"), target)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("pdf")
        chooser.setNameFilter("*.pdf")
        chooser.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        chooser.open()

    def save_pdf(self, path: Path) -> asyncio.Task[None]:
        self.host.remember_folder("pdf", path)
        self._stop.clear()
        self._busy(self.tr("Reading the contacts…"))
        loop = asyncio.get_running_loop()
        style, schema, title = self.chosen_style(), self.dialect.schema, self._title()
        size, grid = self._size(), self.grid.currentData()

        def step(done: int) -> bool:  # on the worker thread
            if done % 100 == 0:
                loop.call_soon_threadsafe(self._step, done)
            return not self._stop.is_set()

        def write(contacts: list[Contact]) -> int:
            data, pages = pdf_bytes(style, contacts, schema, title, size=size, grid=grid, progress=step)
            with atomic_write(path) as out:
                out.write(data)
            return pages

        async def run() -> None:
            try:
                contacts = await self._contacts()
                self.progress.setRange(0, len(contacts))
                self.note.setText(self.tr("Writing the PDF…"))
                pages = await asyncio.to_thread(write, contacts)
            except Cancelled:
                self._said(self.tr("Stopped: {file} was not written (a file already there is as it was).")
                           .format(file=path.name))
                return
            except FileProblem as exc:
                self._said(str(exc), error=True)
                return
            except errors.ApiError as exc:
                self._said(describe(exc) + " " + self.tr("Nothing was written."), error=True)
                return
            said = self.tr("Saved {file}: %Ln contact(s)", "", len(contacts)).format(file=path.name)
            self.host.say(said + " · " + self.tr("%Ln page(s)", "", pages), 10_000)
            self.accept()

        self.task = self.host.tasks.spawn(run(), name="pdf")
        return self.task

    def _step(self, done: int) -> None:
        if self.progress.maximum():
            self.progress.setValue(min(done, self.progress.maximum()))
        self.note.setText(self.tr("%Ln contact(s) laid out…", "", done))

    # -- printing -------------------------------------------------------------------------------
    def preview(self) -> asyncio.Task[None]:
        self._busy(self.tr("Reading the contacts…"))

        async def run() -> None:
            try:
                contacts = await self._contacts()
            except errors.ApiError as exc:
                self._said(describe(exc), error=True)
                return
            self._said(self.tr("%Ln contact(s) ready to print.", "", len(contacts)))
            self.show_preview(contacts)

        self.task = self.host.tasks.spawn(run(), name="print")
        return self.task

    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.chosen_style(), self._size()))
        printer.setDocName(self._title())
        return printer

    def show_preview(self, contacts: list[Contact]) -> QPrintPreviewDialog:
        made = list(blocks(self.chosen_style(), contacts, self.dialect.schema))
        sheet = Sheet(self.chosen_style(), self._title(), today(), self.grid.currentData())
        self.printing = self.printer()  # kept: the preview only points at it (a collected one crashed)
        dialog = self.preview_dialog = QPrintPreviewDialog(self.printing, self)
        dialog.setWindowTitle(self._title())
        dialog.paintRequested.connect(lambda printer: paint(printer, made, sheet))
        dialog.finished.connect(lambda result: self.accept() if result else None)
        dialog.open()
        return dialog

    def stop(self) -> None:
        """Cancel: a PDF being written stops (nothing is written), or the dialog closes."""
        if self.task is not None and not self.task.done():
            self._stop.set()
            return
        self.reject()
