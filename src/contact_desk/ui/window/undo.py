"""Edit → Undo (Ctrl+Z): the last change made in the window (a saved edit, a Change contacts
run) put back, with the bulk Undo's rule: only the fields the change set, and only where the
server still holds its value; a field someone changed since is left and named. One change is
remembered, for the account it was made on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from contact_desk.api import Dialect, errors
from contact_desk.mirror.changes.journal import UNDO
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import BulkResult, undo
from contact_desk.ui.transfer.undo_words import undo_words
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.window.dialog_host import Recorder


class LastChange(QObject):
    contactSaved = Signal(object)  # a Contact with its previous values back
    said = Signal(str, bool)  # what the Undo did, in words; True: something was left or failed (kept in
    # sight until closed: a passing message was cut short on a laptop and gone in 10 s)

    def __init__(self, tasks: Tasks, shown: Callable[[], tuple[str, str, Dialect] | None], recorder: Recorder,
                 parent: QWidget) -> None:
        """``shown``: the account shown (id, name, dialect; None: no account); ``recorder``: My changes."""
        super().__init__(parent)
        self.tasks, self.shown, self.recorder = tasks, shown, recorder
        self.action = QAction(self.tr("&Undo"), parent)
        self.action.setShortcut(QKeySequence.StandardKey.Undo)  # a text field keeps Ctrl+Z for its text
        self.action.setEnabled(False)
        self.action.triggered.connect(self.undo)
        self._change: tuple[str, Dialect, BulkResult] | None = None
        self._shown: str | None = None

    def record(self, result: BulkResult, what: str) -> None:
        """``result`` (made on the account shown) can be undone now: Edit → Undo names ``what``."""
        shown = self.shown()
        if not result.changed or shown is None:
            return
        self._change = (shown[0], shown[2], result)
        self.action.setText(self.tr("&Undo {what}").format(what=what))
        self.account_shown(self._shown)

    def forget(self) -> None:
        """Undone elsewhere (the Change contacts dialog's own Undo): nothing left to put back."""
        self._change = None
        self.action.setText(self.tr("&Undo"))
        self.action.setEnabled(False)

    def account_shown(self, account_id: str | None) -> None:
        """Undo is offered on the account the change was made on."""
        self._shown = account_id
        self.action.setEnabled(self._change is not None and self._change[0] == account_id)

    def undo(self) -> None:
        if self._change is None or not self.action.isEnabled():
            return
        account, dialect, result = self._change
        self.forget()

        async def run() -> None:
            try:
                back = await undo(dialect, result)
            except errors.ApiError as exc:
                self.said.emit(describe(exc), True)
                return
            for contact in back.saved:
                self.contactSaved.emit(contact)
            self.recorder.record(back.changed, UNDO, account)
            self.said.emit(self.tr("Undone.") + " " + undo_words(dialect, back),
                           bool(back.left or back.skipped or back.failed))

        self.tasks.spawn(run(), name="undo-last")
