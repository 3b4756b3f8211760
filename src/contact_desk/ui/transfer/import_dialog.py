"""File → Import…: a file of contacts into the account, in four steps: choose the file,
check the columns and every row (nothing is sent yet), send (progress, pause, cancel),
and the report (save it, or the failed rows to fix and import again)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api import Dialect, errors
from contact_desk.mirror.changes.journal import IMPORT
from contact_desk.models.format import field_label
from contact_desk.transfer import mapping as mappings
from contact_desk.transfer.importing import (
    CONFLICT,
    REPEATED,
    ImportProgress,
    ImportRun,
    RowResult,
    look_up_there,
    summary,
)
from contact_desk.transfer.preview import (
    SENDABLE,
    Prepared,
    counts,
    prepare,
)
from contact_desk.transfer.readers import FileUnreadable, Table, read, release
from contact_desk.transfer.report import write_failed_rows, write_report
from contact_desk.ui.host import WindowHost
from contact_desk.ui.transfer.import_tables import fill_preview, fill_report
from contact_desk.ui.transfer.transfer_texts import shown
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import fit_on_screen


class ImportDialog(QDialog):
    imported = Signal()  # contacts were created or changed: the copy and the table catch up

    def __init__(self, host: WindowHost, dialect: Dialect, account_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.dialect = dialect
        self.schema = dialect.schema
        self.account_name = account_name
        self._chosen_fields: list[str] = []
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import contacts into {account}").format(account=account_name))
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
        options = self._options(page)
        self.counts = QLabel(page)
        self.problems_only = QCheckBox(self.tr("Show only the rows with a &problem"), page)
        self.problems_only.toggled.connect(lambda _on: self._fill_preview())
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
        lower = QWidget(page)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addLayout(options)
        below.addWidget(self.counts)
        below.addWidget(self.problems_only)
        below.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)  # the mapping and the rows: resizable
        split.addWidget(self.columns)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)  # the mapping gets half of what grows: 6+ rows at 640 px
        split.setStretchFactor(1, 1)
        self.columns.setMinimumHeight(self.columns.verticalHeader().defaultSectionSize() * 3)  # drag for more
        layout = QVBoxLayout(page)
        layout.addWidget(self.source)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return page

    def _options(self, page: QWidget) -> QFormLayout:
        """How the rows are read and sent: phones' country, a contact already there, unknown tags."""
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
        return options

    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        self.choose.setEnabled(True)

    def _fill_mapping(self, table: Table) -> None:
        memory = self.host.mappings()
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
        self._chosen_fields = [name for name in chosen.values() if name]
        self._fill_preview()
        sendable = sum(1 for p in rows if p.status in SENDABLE)
        self.send.setText(self.tr("&Import %Ln contact(s) into {account}", "", sendable).format(
            account=self.account_name))
        self.send.setEnabled(sendable > 0)

    def _fill_preview(self) -> None:
        only = self.problems_only.isChecked()
        fill_preview(self.preview, self.rows, self._chosen_fields, self.schema, only)

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
        self.report = QTableWidget(0, 4, page)  # the rows not created, each with its reason
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report.setAccessibleName(self.tr("Rows not imported"))
        self.report.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.run_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        return page

    def start(self) -> None:
        table = self.table
        if table is None or not self.rows:
            return
        self.host.mappings().remember(table.columns, self.schema, self.mapping())
        self.pages.setCurrentIndex(2)
        self.progress.setRange(0, len(self.rows))
        self.job = ImportRun(self.dialect, self.rows, on_existing=str(self.existing.currentData()),
                             report=self._step, unknown_tags=str(self.unknown_tags.currentData()))

        async def run() -> None:
            assert self.job is not None
            self.results = await self.job.run()
            self.host.record(self.job.changes, IMPORT)  # My changes
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
        self.run_note.setText(self.tr(
            "Created {created}, updated {updated}, already there {existing}, repeated in the file "
            "{repeated}, invalid {invalid}, failed {failed}.").format(
            created=number(n["created"]), updated=number(n["updated"]), existing=number(n["existing"]),
            repeated=number(n[REPEATED]), invalid=number(n["invalid"]), failed=number(n["failed"])))
        if n[CONFLICT]:
            self.run_note.setText(self.run_note.text() + " " + self.tr(
                "%Ln contact(s) changed by someone after the file was made: left as they are (see the list).",
                "", n[CONFLICT]))
        if self.job is not None and self.job.refused is not None:  # stopped: the rest were not sent
            self.run_note.setText(self.run_note.text() + " " + describe(self.job.refused))
        self.pause.hide()
        self.cancel.setText(self.tr("Close"))
        self.save_report.show()
        self.save_failed.setVisible(bool(n["invalid"] or n["failed"] or n[CONFLICT]))
        self.report.setVisible(fill_report(self.report, self.results, self._reason) > 0)
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
