"""File → Import…: a file of contacts into the account, in four steps: choose the file,
check the columns and every row (nothing is sent yet), send (progress, pause, cancel),
and the report (save it, or the failed rows to fix and import again)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.accounts import config_dir
from contact_desk.api import Dialect, errors
from contact_desk.models.format import field_label
from contact_desk.transfer import mapping as mappings
from contact_desk.transfer.importing import ImportProgress, ImportRun, RowResult, look_up_there, summary
from contact_desk.transfer.preview import (
    CHECK,
    DUPLICATE,
    INVALID,
    NORMALISED,
    SENDABLE,
    THERE,
    Prepared,
    counts,
    prepare,
)
from contact_desk.transfer.readers import FileUnreadable, Table, read, release
from contact_desk.transfer.report import write_failed_rows, write_report
from contact_desk.ui.host import WindowHost
from contact_desk.ui.transfer.transfer_texts import shown
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen

PREVIEW_ROWS = 500  # rows shown in the preview table (all are checked)
_COLOURS = {NORMALISED: QColor(40, 110, 190), CHECK: QColor(190, 120, 0), DUPLICATE: QColor(140, 140, 140),
            INVALID: QColor(200, 40, 40), THERE: QColor(110, 110, 110)}


class ImportDialog(QDialog):
    imported = Signal()  # contacts were created or changed: the copy and the table catch up

    def __init__(self, host: WindowHost, dialect: Dialect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.dialect = dialect
        self.schema = dialect.schema
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import contacts"))
        fit_on_screen(self, 900, 640)
        self.table: Table | None = None
        self.rows: list[Prepared] = []
        self.results: list[RowResult] = []
        self.job: ImportRun | None = None
        self.task: asyncio.Task[object] | None = None
        self.chooser: QFileDialog | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._run_page())
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(200)
        self.recheck.timeout.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- 1. the file ------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        self.intro = QLabel(self.tr("Contacts from a CSV file (Google, Outlook, Thunderbird, a spreadsheet), "
                                    "an Excel workbook or vCards. Nothing is sent before you have seen every "
                                    "row checked."), page)
        self.intro.setWordWrap(True)
        self.choose = QPushButton(self.tr("&Choose a file…"), page)
        self.choose.clicked.connect(self.choose_file)
        self.file_note = QLabel(page)
        self.file_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.file_note)
        layout.addStretch(1)
        return page

    def choose_file(self) -> None:
        chooser = QFileDialog(self, self.tr("Import from"), str(self.host.folder_for("import")))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilter(self.tr("Contacts") + " (*.csv *.txt *.xlsx *.vcf *.vcard)")
        chooser.fileSelected.connect(lambda name: self.open_file(Path(name)))
        chooser.open()
        self.chooser = chooser

    def open_file(self, path: Path) -> None:
        self.host.remember_folder("import", path)
        self.file_note.setStyleSheet("")
        self.file_note.setText(self.tr("Reading {name}…").format(name=path.name))
        self.choose.setEnabled(False)

        async def load() -> None:
            try:
                table = await asyncio.to_thread(read, path)
            except FileUnreadable as exc:
                self.file_note.setText(shown(exc.text))
                self.file_note.setStyleSheet(error_css())
                self.choose.setEnabled(True)
                return
            self.table = table
            self._fill_mapping(table)
            self.pages.setCurrentIndex(1)
            self._check()

        self.task = self.host.tasks.spawn(load(), name="import-read")

    # -- 2. columns and rows ------------------------------------------------------------------
    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.source = QLabel(page)
        self.columns = QTableWidget(0, 3, page)
        self.columns.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field"), self.tr("First value")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.country = QLineEdit("IT", page)
        self.country.setMaxLength(2)
        self.country.setAccessibleName(self.tr("Country of phone numbers without +"))
        self.country.textChanged.connect(lambda _t: self.recheck.start())
        self.existing = QComboBox(page)
        self.existing.addItem(self.tr("Leave it as it is"), "skip")
        self.existing.addItem(self.tr("Update its changed fields"), "update")
        self.existing.setAccessibleName(self.tr("A contact already there"))
        self.unknown_tags = QComboBox(page)
        self.unknown_tags.addItem(self.tr("Import the contact without them"), "drop")
        self.unknown_tags.addItem(self.tr("Do not import the contact"), "fail")
        self.unknown_tags.setAccessibleName(self.tr("Tags the account does not have"))
        self.unknown_tags.currentIndexChanged.connect(lambda _i: self.recheck.start())
        options = QFormLayout()
        options.addRow(self.tr("Country of phone numbers without +:"), self.country)
        options.addRow(self.tr("A contact already there:"), self.existing)
        if self.schema.tags_known_by_copy:
            options.addRow(self.tr("Tags the account does not have:"), self.unknown_tags)
        else:
            self.unknown_tags.hide()
        self.counts = QLabel(page)
        self.preview = QTableWidget(0, 0, page)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.send = QPushButton(page)
        self.send.setDefault(True)
        self.send.clicked.connect(self.start)
        back = QPushButton(self.tr("&Back"), page)
        back.clicked.connect(self._back)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(page)
        layout.addWidget(self.source)
        layout.addWidget(self.columns, 1)
        layout.addLayout(options)
        layout.addWidget(self.counts)
        layout.addWidget(self.preview, 2)
        layout.addLayout(buttons)
        return page

    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        self.choose.setEnabled(True)

    def _fill_mapping(self, table: Table) -> None:
        memory = mappings.Memory(config_dir())
        chosen = memory.recall(table.columns, self.schema) or \
            mappings.guess(table.columns, self.schema, table.rows)
        said = self.tr("%Ln row(s) from a {source} file.", "", len(table.rows)).format(
            source=shown(table.source))
        self.source.setText(" ".join([said, *(shown(note) for note in table.file_notes)]))
        self.source.setWordWrap(True)
        self.columns.setRowCount(len(table.columns))
        fields = {f.name: f for f in self.schema.creatable}
        first = table.rows[0] if table.rows else []
        for i, column in enumerate(table.columns):
            self.columns.setItem(i, 0, QTableWidgetItem(column))
            combo = QComboBox(self.columns)
            combo.addItem(self.tr("(not imported)"), None)
            for name, f in fields.items():
                combo.addItem(field_label(f), name)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(column))))
            combo.currentIndexChanged.connect(lambda _i: self.recheck.start())
            self.columns.setCellWidget(i, 1, combo)
            self.columns.setItem(i, 2, QTableWidgetItem(first[i] if i < len(first) else ""))
        self.columns.resizeColumnsToContents()

    def mapping(self) -> mappings.Mapping:
        assert self.table is not None
        out: mappings.Mapping = {}
        for i, column in enumerate(self.table.columns):
            combo = self.columns.cellWidget(i, 1)
            value = combo.currentData() if isinstance(combo, QComboBox) else None
            out[column] = value if isinstance(value, str) else None
        return out

    def _check(self) -> None:
        table = self.table
        if table is None:
            return
        try:
            chosen = mappings.check(self.mapping(), table.columns, self.schema)
        except mappings.MappingProblem as exc:
            self._counts(shown(exc.text), error=True)
            return
        country = (self.country.text().strip() or "IT").upper()
        self._counts(self.tr("Checking every row…"), error=False)

        async def run() -> None:
            copy = self.host.offline_copy()
            tags = await copy.tags() if copy is not None and self.schema.tags_known_by_copy else None
            emails = await copy.emails() if copy is not None else None
            rows = await asyncio.to_thread(prepare, table, chosen, self.schema, country=country,
                                           known_tags=tags, unknown_tags=str(self.unknown_tags.currentData()),
                                           existing=emails)
            if emails is None and self.table is table:  # no copy: the server says, where it can search
                with contextlib.suppress(errors.ApiError):
                    await look_up_there(self.dialect, rows)
            if self.table is not table:
                return
            self.rows = rows
            self._show_preview(rows, chosen)

        self.task = self.host.tasks.spawn(run(), name="import-check")

    def _show_preview(self, rows: list[Prepared], chosen: mappings.Mapping) -> None:
        n = counts(rows)
        number = QLocale().toString
        self._counts(self.tr("Ready: {ready} · written the API's way: {normalised} · to check: {check} · "
                             "already there: {there} · repeated in the file: {duplicate} · "
                             "invalid: {invalid}").format(
            ready=number(n["ready"]), normalised=number(n["normalised"]), check=number(n["check"]),
            there=number(n["there"]), duplicate=number(n["duplicate"]), invalid=number(n["invalid"])),
            error=False)
        fields = [name for name in chosen.values() if name]
        self.preview.clear()
        self.preview.setColumnCount(3 + len(fields))
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Status"), self.tr("Reason")] + [
            field_label(self.schema.field(f)) for f in fields])
        first = rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(first))
        labels = {"ready": self.tr("ready"), NORMALISED: self.tr("normalised"), CHECK: self.tr("check"),
                  DUPLICATE: self.tr("duplicate"), INVALID: self.tr("invalid"),
                  THERE: self.tr("already there")}
        for r, p in enumerate(first):
            self.preview.setItem(r, 0, QTableWidgetItem(str(p.row)))
            status = QTableWidgetItem(labels.get(p.status, p.status))
            why = shown(p.notes, self.schema)
            status.setToolTip(why)
            colour = _COLOURS.get(p.status)
            if colour is not None:
                status.setForeground(colour)
            self.preview.setItem(r, 1, status)
            reason = QTableWidgetItem(why)
            reason.setToolTip(why)
            self.preview.setItem(r, 2, reason)
            for c, f in enumerate(fields):
                value = p.values.get(f)
                text = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
                self.preview.setItem(r, 3 + c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.preview.setColumnWidth(2, min(self.preview.columnWidth(2), 320))
        sendable = sum(1 for p in rows if p.status in SENDABLE)
        self.send.setText(self.tr("&Import %Ln contact(s)", "", sendable))
        self.send.setEnabled(sendable > 0)

    def _counts(self, text: str, error: bool) -> None:
        self.counts.setText(text)
        self.counts.setStyleSheet(error_css() if error else "")
        if error:
            self.send.setEnabled(False)

    # -- 3. sending -------------------------------------------------------------------------
    def _run_page(self) -> QWidget:
        page = QWidget(self)
        self.run_note = QLabel(page)
        self.run_note.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.pause = QPushButton(self.tr("&Pause"), page)
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._pause)
        self.cancel = QPushButton(self.tr("Cancel"), page)
        self.cancel.clicked.connect(self.stop)
        self.save_report = QPushButton(self.tr("Save the &report…"), page)
        self.save_failed = QPushButton(self.tr("Save the &failed rows…"), page)
        self.save_report.clicked.connect(lambda: self._save(failed=False))
        self.save_failed.clicked.connect(lambda: self._save(failed=True))
        for b in (self.save_report, self.save_failed):
            b.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_report)
        buttons.addWidget(self.save_failed)
        buttons.addStretch(1)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(self.run_note)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def start(self) -> None:
        table = self.table
        if table is None or not self.rows:
            return
        mappings.Memory(config_dir()).remember(table.columns, self.schema, self.mapping())
        self.pages.setCurrentIndex(2)
        self.progress.setRange(0, len(self.rows))
        self.job = ImportRun(self.dialect, self.rows, on_existing=str(self.existing.currentData()),
                             report=self._step, unknown_tags=str(self.unknown_tags.currentData()))

        async def run() -> None:
            assert self.job is not None
            self.results = await self.job.run()
            self._finished()

        self.task = self.host.tasks.spawn(run(), name="import-run")

    def _step(self, p: ImportProgress) -> None:
        self.progress.setValue(p.done)
        number = QLocale().toString
        text = self.tr("{done} of {total} rows done").format(done=number(p.done), total=number(p.total))
        eta = p.eta()
        if eta is not None:
            text += ", " + self.tr("about {n} s left").format(n=number(max(1, round(eta))))
        if p.waiting:
            waited = self.tr("the server asked to slow down: waited {n} s")
            text += "; " + waited.format(n=number(round(p.waiting)))
        self.run_note.setText(text)

    def _pause(self, paused: bool) -> None:
        if self.job is None:
            return
        if paused:
            self.job.gate.pause()
            self.pause.setText(self.tr("&Resume"))
        else:
            self.job.gate.resume()
            self.pause.setText(self.tr("&Pause"))

    def _reason(self, result: RowResult) -> str:
        return shown(result.reasons, self.schema)

    def _finished(self) -> None:
        n = summary(self.results)
        number = QLocale().toString
        self.run_note.setText(self.tr("Created {created}, updated {updated}, already there {existing}, "
                                      "invalid {invalid}, failed {failed}.").format(
            created=number(n["created"]), updated=number(n["updated"]), existing=number(n["existing"]),
            invalid=number(n["invalid"]), failed=number(n["failed"])))
        self.pause.hide()
        self.cancel.setText(self.tr("Close"))
        self.save_report.show()
        self.save_failed.setVisible(bool(n["invalid"] or n["failed"]))
        if n["created"] or n["updated"]:
            self.imported.emit()

    def _save(self, failed: bool) -> None:
        table = self.table
        if table is None:
            return
        name = "failed-rows.csv" if failed else "import-report.csv"
        chooser = QFileDialog(self, self.tr("Save as"), str(self.host.folder_for("report") / name))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")

        def write(path: str) -> None:
            from contact_desk.files import FileProblem

            self.host.remember_folder("report", Path(path))
            try:
                if failed:
                    write_failed_rows(Path(path), table, self.results, self._reason)
                else:
                    write_report(Path(path), self.results, self._reason)
            except FileProblem as exc:
                self.run_note.setText(str(exc))
                return
            self.host.say(self.tr("Saved {path}").format(path=path), 6000)

        chooser.fileSelected.connect(write)
        chooser.open()
        self.chooser = chooser

    def stop(self) -> None:
        """Cancel while sending (requests under way finish; the report says what was done)."""
        if self.job is not None and self.task is not None and not self.task.done():
            self.job.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self.job is not None and self.task is not None and not self.task.done():
            self.job.cancel()  # Esc while sending: stop first, then the report shows
            return
        rows, table = self.rows, self.table
        self.rows, self.table = [], None
        if table is not None:  # free a big file's rows in slices, off the window's thread
            self.host.tasks.spawn(asyncio.to_thread(_release, rows, table), name="import-free")
        super().reject()


def _release(rows: list[Prepared], table: Table) -> None:
    release(rows)
    release(table.rows)
