"""Edit → Change contacts…: set fields on the selected contacts or all those matching,
after a confirmation that says how many and what; progress, pause and cancel; a
report; Undo, which leaves alone (and names) contacts someone changed in between."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.api.schema import Field, Kind
from contact_desk.mirror.changes.journal import BULK, UNDO
from contact_desk.models.format import field_label
from contact_desk.transfer.bulk import BulkEdit, BulkProgress, BulkResult, undo
from contact_desk.ui.host import Waiting, WindowHost
from contact_desk.ui.transfer.scope_choice import ScopeChoice
from contact_desk.ui.transfer.undo_words import undo_words
from contact_desk.ui.widgets.messages import describe, with_request_id
from contact_desk.ui.widgets.palette import error_css
from contact_desk.ui.widgets.screen_fit import WholeScrollArea, fit_on_screen

MAX_CONTACTS = 100_000  # more than this in one change is refused: narrow the filter first


class BulkDialog(QDialog):
    contactSaved = Signal(object)  # a Contact as the server saved it (a change or an undo)
    changeMade = Signal(object)  # the run's BulkResult: Edit → Undo can put it back
    undone = Signal()  # the dialog's own Undo ran: the window's Undo has nothing left to do

    def __init__(self, host: WindowHost, dialect: Dialect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("BulkDialog")
        self.setWindowTitle(self.tr("Change contacts"))
        self.dialect = dialect
        self.task: asyncio.Task[Any] | None = None
        self.job: BulkEdit | None = None
        self.outcome: BulkResult | None = None
        self.scope = ScopeChoice(host.scope(), dialect, self)
        self.selection, self.matching = self.scope.selection, self.scope.matching
        self.setters: dict[str, tuple[QCheckBox, QWidget]] = {}
        grid = self._fields()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.go = QPushButton(self.tr("&Change…"), self)
        self.go.setDefault(True)
        self.pause = QPushButton(self.tr("&Pause"), self)
        self.pause.setCheckable(True)
        self.pause.hide()
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.hide()
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.go.clicked.connect(self._go)
        self.pause.toggled.connect(self._pause)
        self.undo_button.clicked.connect(self._undo)
        self.close_button.clicked.connect(self.stop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.pause, self.undo_button, self.go, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.selection)
        layout.addWidget(self.matching)
        fields = QWidget(self)  # the fields scroll when the screen is short (a HiDPI laptop at 2x)
        fields.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        area = WholeScrollArea(fields, self)
        area.setAccessibleName(self.tr("Fields"))
        layout.addWidget(area, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.confirming = False
        self._update()
        fit_on_screen(self, self.sizeHint().width(), self.sizeHint().height())

    def _fields(self) -> QGridLayout:
        """A check box and an editor for each field the API lets us change."""
        grid = QGridLayout()
        for row, f in enumerate(self.dialect.schema.patchable):
            box = QCheckBox(field_label(f), self)
            editor = self._editor(f)
            editor.setEnabled(False)
            box.toggled.connect(editor.setEnabled)
            box.toggled.connect(self._update)
            grid.addWidget(box, row, 0)
            grid.addWidget(editor, row, 1)
            self.setters[f.name] = (box, editor)
        return grid

    def _editor(self, f: Field) -> QWidget:
        if f.kind is Kind.ENUM and f.choices:
            combo = QComboBox(self)
            combo.setAccessibleName(field_label(f))
            for c in f.choices:
                combo.addItem(field_label(Field(c.value, c.value, c.label)), c.value)
            return combo
        edit = QLineEdit(self)
        edit.setAccessibleName(field_label(f))
        return edit

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, (box, editor) in self.setters.items():
            if box.isChecked():
                value = editor.currentData() if isinstance(editor, QComboBox) else \
                    editor.text().strip() if isinstance(editor, QLineEdit) else None
                out[name] = value or None
        return out

    def _describe(self, changes: dict[str, Any]) -> str:
        fields = {f.name: f for f in self.dialect.schema.fields}
        parts = []
        for name, value in changes.items():
            f = fields[name]
            shown = field_label(Field(str(value), "", f.choice_label(value))) if value else self.tr("(empty)")
            parts.append(f"{field_label(f)} → {shown}")
        return ", ".join(parts)


    def _update(self) -> None:
        self.confirming = False
        self.go.setText(self.tr("&Change…"))
        self.go.setEnabled(bool(self.changes()))
        self.summary.setStyleSheet("")
        self.summary.setText("")

    # -- confirm, then run ------------------------------------------------------------
    def _go(self) -> None:
        changes = self.changes()
        if not changes:
            return
        n = self.scope.count()
        if not self.confirming:
            what = self._describe(changes)
            if n is not None:
                self.summary.setText(self.tr("Change %Ln contact(s): {what}?", "", n).format(what=what))
                self.go.setText(self.tr("&Change %Ln contact(s)", "", n))
            else:
                self.summary.setText(self.tr("Change all matching contacts: {what}?").format(what=what))
                self.go.setText(self.tr("&Change all matching contacts"))
            self.confirming = True
            return
        self.go.setEnabled(False)
        self.task = self.host.tasks.spawn(self._run(changes), name="bulk-edit")

    async def _contacts(self) -> list[Contact]:
        out: dict[str, Contact] = {}
        async for batch in self.scope.batches():
            out.update((c.id, c) for c in batch)
            if len(out) > MAX_CONTACTS:
                raise errors.ValidationFailed(self.tr("More than {n} contacts: narrow the filter or search "
                                                      "first").format(n=QLocale().toString(MAX_CONTACTS)))
        return list(out.values())

    async def _run(self, changes: dict[str, Any]) -> None:
        self.summary.setText(self.tr("Reading the contacts…"))
        waiting = self.host.waiting()
        try:
            contacts = await self._contacts()
            if waiting is not None and waiting.holds_now():  # offline: every change waits in the outbox
                await self._hold(waiting, contacts, changes)
                return
            self.job = BulkEdit(self.dialect, contacts, changes, report=self._step)
        except errors.ApiError as exc:
            self._said(describe(exc), error=True)
            return
        self.progress.setRange(0, len(contacts))
        self.progress.show()
        self.pause.show()
        result = await self.job.run()
        self.outcome = result
        self.host.record(result.changed, BULK)  # My changes
        self.changeMade.emit(result)
        self.pause.hide()
        self.progress.hide()
        self._apply(result.saved)
        number = QLocale().toString
        text = self.tr("Changed {changed}; {already} already had these values; {failed} failed").format(
            changed=number(len(result.changed)), already=number(len(result.already)),
            failed=number(len(result.failed)))
        if result.not_sent:
            text += "; " + self.tr("{n} not sent (cancelled)").format(n=number(len(result.not_sent)))
        text += "."
        for f in result.failed[:5]:
            text += "\n• " + with_request_id(f.reason, f.request_id)
        self._said(text, error=bool(result.failed))
        self.undo_button.setVisible(bool(result.changed))
        self.close_button.setText(self.tr("Close"))
        self.go.hide()

    async def _hold(self, waiting: Waiting, contacts: list[Contact], changes: dict[str, Any]) -> None:
        """Offline with a complete copy: every change kept in the outbox at once (all or none), sent
        and checked when the server answers; no Undo (the outbox's Discard takes a change back)."""
        try:
            kept, already = await waiting.hold_many(self.dialect, contacts, changes)
        except Exception as exc:  # OutboxNotKept: the words are in it; nothing was kept
            self._said(str(exc), error=True)
            return
        number = QLocale().toString
        self._said(self.tr("Offline: {kept} changes kept on this computer, sent when the server answers "
                           "(View → Outbox); {already} already had these values.").format(
            kept=number(len(kept)), already=number(len(already))), error=False)
        self.close_button.setText(self.tr("Close"))
        self.go.hide()

    def _step(self, p: BulkProgress) -> None:
        self.progress.setValue(p.done)
        eta = p.eta()
        left = self.tr(", about {n} s left").format(n=QLocale().toString(round(eta))) if eta else ""
        self.summary.setText(self.tr("{done} of {total} done{left}").format(
            done=QLocale().toString(p.done), total=QLocale().toString(p.total), left=left))

    def _apply(self, saved: list[Contact]) -> None:
        """The new values in the table and the offline copy at once (the window does it)."""
        for contact in saved:
            self.contactSaved.emit(contact)

    def _pause(self, paused: bool) -> None:
        if self.job is None:
            return
        if paused:
            self.job.pause()
            self.pause.setText(self.tr("&Resume"))
        else:
            self.job.resume()
            self.pause.setText(self.tr("&Pause"))

    def _undo(self) -> None:
        if self.outcome is None:
            return
        self.undo_button.setEnabled(False)
        self.undone.emit()
        result = self.outcome

        async def run() -> None:
            self.summary.setText(self.tr("Putting the previous values back…"))
            back = await undo(self.dialect, result, report=self._step)
            self.host.record(back.changed, UNDO)
            self._apply(back.saved)
            self._said(undo_words(self.dialect, back), error=bool(back.failed))
            self.undo_button.hide()

        self.task = self.host.tasks.spawn(run(), name="bulk-undo")

    def _said(self, text: str, error: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(error_css() if error else "")
        self.go.setEnabled(True)

    def stop(self) -> None:
        """Cancel while running (changes under way finish and stay undoable); else close."""
        if self.job is not None and self.task is not None and not self.task.done():
            self.job.cancel()
            return
        self.accept()

    def reject(self) -> None:  # Esc or the window's close button: a running change stops first
        if self.job is not None and self.task is not None and not self.task.done():
            self.job.cancel()
            return
        super().reject()
