"""The window's outbox (``mirror/changes/outbox.py``): for an account whose offline copy is
complete, a save the server cannot take now (unreachable, or 5xx and timeouts after retries) is
kept here, committed before the form closes, shown in the copy with its pending values (searches
and filters see them) and marked in the list; when the server answers again it is sent, checked
(``transfer/outbox_send.py``), and the copy, the list and My changes follow. Qt only for its
signals and the status bar's words."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.api.schema import Kind
from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten
from contact_desk.mirror.changes import outbox as ob
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import Changed, display_name
from contact_desk.transfer.checked_save import same, values_of
from contact_desk.transfer.outbox_send import Sent, pending_contact, send_outbox, settle_copy
from contact_desk.ui.offline.offline_copy import OfflineCopy
from contact_desk.ui.offline.outbox_dialog import OutboxDialog
from contact_desk.ui.widgets.icons import icon

log = logging.getLogger("contact_desk.ui")

# What the server said that leaves a save for the outbox (5xx and timeouts after the retries).
HELD = (errors.NetworkError, errors.ServerError, errors.RateLimited)


class OutboxNotKept(Exception):
    """The change could not be kept (a full disk, a full outbox, a tag the account lacks): said, on
    ``field`` when it concerns one; the form stays open."""

    def __init__(self, text: str, field: str = "") -> None:
        super().__init__(text)
        self.field = field


class Marks(Protocol):
    """Where waiting contacts are marked: the table's model and the details."""

    def set_pending(self, ids: frozenset[str], icon: object = None) -> None: ...


class Recorder(Protocol):
    def record(self, changes: Iterable[Changed], source: str, account_id: str | None = None) -> None: ...


class OutboxControl(QObject):
    changed = Signal()  # the waiting items changed (count, pending contacts, states)
    contactSaved = Signal(object)  # a Contact as the server has it after sending (or as it waits)
    said = Signal(str)

    def __init__(self, tasks: Tasks, copies: OfflineCopy, marks: list[Marks], status: QStatusBar,
                 recorder: Recorder, open_form: Callable[[Contact | None], Any], parent: QWidget) -> None:
        """``marks``: the table's model and the details; ``status``: where "3 changes waiting to be
        sent" stays; ``recorder``: My changes, for what was sent; ``open_form``: a New (None) or Edit
        form (Editing.open_form)."""
        super().__init__(parent)
        self.open_form, self.parent_widget = open_form, parent
        self.tasks, self.copies, self.marks, self.recorder = tasks, copies, marks, recorder
        self.pending: frozenset[str] = frozenset()  # contact ids with a change waiting
        self.items: list[ob.Item] = []
        self.sending = False
        self.label = QLabel(status)
        self.label.setObjectName("outbox-label")
        self.label.setWhatsThis(self.tr(
            "<b>Outbox</b><p>Changes saved while the server could not be reached. They are sent, in the "
            "order made, as soon as it answers. A field a colleague changed meanwhile is never "
            "overwritten: that change waits for you, with both values. <i>View → Outbox…</i> lists "
            "them.</p>"))
        self.label.hide()
        status.addPermanentWidget(self.label)
        self.action = QAction(self.tr("Out&box…"), parent)
        self.action.setToolTip(self.tr("Changes made while the server could not be reached, waiting to be "
                                       "sent"))
        self.dialog: OutboxDialog | None = None
        self.quit_box: QMessageBox | None = None
        self.action.triggered.connect(self.open_dialog)
        copies.offlineChanged.connect(lambda offline: None if offline else self.send_now())

    # -- which outbox --------------------------------------------------------------
    def box(self) -> ob.Outbox | None:
        account, folder = self.copies.account, self.copies.folder
        return ob.Outbox(ob.outbox_path(account.id, folder)) if account and folder else None

    def holds_now(self) -> bool:
        """Whether a save goes to the outbox at once: offline, with a complete copy."""
        return self.copies.offline and self.ready()

    def ready(self) -> bool:
        """Whether a save may wait here: the account's copy is open and complete."""
        status = self.copies.status
        return self.box() is not None and self.copies.copy is not None and bool(status and status.complete)

    def reload(self) -> None:
        """The account shown changed (or its items did): read them; send them when online."""
        box = self.box()
        try:
            self.items = box.items() if box is not None else []
        except (OSError, sqlite3.Error) as exc:
            log.warning("the outbox cannot be read: %s", exc)
            self.items = []
        self.pending = frozenset(i.contact_id for i in self.items)
        self.copies.probe_faster(any(i.state != ob.NEEDS for i in self.items))
        for marks in self.marks:
            marks.set_pending(self.pending, icon("waiting"))
        self.label.setText(self.words())
        self.label.setVisible(bool(self.items))
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.show_items(self.items, self.sending)
        self.changed.emit()

    # -- keeping a change --------------------------------------------------------------
    async def hold(self, dialect: Dialect, contact: Contact | None, base: dict[str, Any],
                   values: dict[str, Any], source: str) -> Contact:
        """Keeps a create (``contact`` None) or an edit; the contact as it now shows (its pending
        values; a create under its temporary id). Raises OutboxNotKept, with words."""
        box = self._ready_box()
        await self._tags_known(dialect, values)
        if contact is None:
            shown = pending_contact(dialect.schema, None, values, ob.temporary_id())
            self._kept(lambda: box.create(shown.id, display_name(shown), values, source))
        else:
            shown = pending_contact(dialect.schema, contact, values)
            self._kept(lambda: box.edit(contact.id, display_name(shown), base, values, source))
        copy = self.copies.copy
        if copy is not None:
            try:
                await copy.put([shown])  # the copy's searches and filters see the pending values
            except (CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten) as exc:
                log.warning("a waiting change is not shown in the copy: %s", exc)
        self.reload()
        self.contactSaved.emit(shown)
        return shown

    async def hold_many(self, dialect: Dialect, contacts: list[Contact],
                        changes: dict[str, Any]) -> tuple[list[Contact], list[str]]:
        """Change contacts, offline: every contact's edit kept in one transaction (all or none);
        (the contacts as they now show, the ids that already had these values)."""
        box = self._ready_box()
        schema, edits, shown, already = dialect.schema, [], [], []
        for contact in contacts:
            base = values_of(schema, contact, changes)
            send = {k: v for k, v in changes.items() if not same(schema.field(k), base[k], v)}
            if not send:
                already.append(contact.id)
                continue
            now = pending_contact(schema, contact, send)
            edits.append((contact.id, display_name(now), {k: base[k] for k in send}, send))
            shown.append(now)
        self._kept(lambda: box.edits(edits, "change contacts"))
        copy = self.copies.copy
        if copy is not None and shown:
            with contextlib.suppress(CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten):
                await copy.put(shown)
        self.reload()
        for contact in shown:
            self.contactSaved.emit(contact)
        return shown, already

    async def _tags_known(self, dialect: Dialect, values: dict[str, Any]) -> None:
        """Offline, the copy's tags are what the account has (SmartCQ): another one is refused now,
        on its field, as the server would refuse it later."""
        copy = self.copies.copy
        if copy is None or not dialect.schema.tags_known_by_copy:
            return
        fields = [f for f in dialect.schema.fields if f.kind is Kind.TAGS and values.get(f.name)]
        if not fields:
            return
        with contextlib.suppress(CopyDamaged, CopyBusy, CopyClosed):
            known = {t.casefold() for t in await copy.tags()}
            for f in fields:
                unknown = [str(t) for t in values[f.name] if str(t).casefold() not in known]
                if unknown:
                    raise OutboxNotKept(self.tr("This account has no tag {tags} (as far as its offline copy "
                                                "knows): remove it, or save once the server answers.").format(
                        tags=", ".join(unknown)), f.name)

    def _ready_box(self) -> ob.Outbox:
        """The account's outbox when a change may wait in it; else OutboxNotKept, in words."""
        box = self.box()
        if box is None or not self.ready():
            raise OutboxNotKept(self.tr("Changes can wait for the server only once this account's offline "
                                        "copy is complete."))
        return box

    def _kept(self, write: Callable[[], object]) -> None:
        """Runs one outbox write; what stops it becomes words (OutboxNotKept), nothing half-kept."""
        try:
            write()
        except ob.OutboxFull:
            raise OutboxNotKept(self.tr("{n} changes are already waiting to be sent: connect to the server "
                                        "to send them first.").format(n=ob.MAX_ITEMS)) from None
        except (OSError, sqlite3.Error) as exc:  # a full disk: nothing kept, the form stays open
            raise OutboxNotKept(self.tr("The change could not be kept on this computer ({why}). Free some "
                                        "space, then save again: what you typed is still here.").format(
                why=str(exc))) from None

    # -- sending ---------------------------------------------------------------------
    def send_now(self) -> None:
        """Sends what waits (when the server answers again, and at the start): one run at a time."""
        box, dialect, account = self.box(), self.copies.dialect, self.copies.account
        if box is None or dialect is None or account is None or self.sending or self.copies.offline:
            return
        if not box.count():
            return
        self.sending = True

        async def run() -> None:
            try:
                sent = await send_outbox(dialect, box, lambda _item, _state: self.reload())
            finally:
                self.sending = False
            await self._settled(sent, account.id)

        self.tasks.spawn(run(), name="outbox-send")

    async def _settled(self, sent: Sent, account_id: str) -> None:
        copy = self.copies.copy
        if copy is not None and self.copies.account is not None and self.copies.account.id == account_id:
            try:
                await settle_copy(copy, sent)
            except (CopyDamaged, CopyBusy, CopyClosed, CopyNotWritten) as exc:
                log.warning("sent changes are not in the copy yet: %s", exc)
        for contact in sent.saved:
            self.contactSaved.emit(contact)
        for source, change in sent.changes:
            self.recorder.record([change], source, account_id)
        self.reload()
        if sent.sent or sent.needs:
            text = self.tr("%Ln waiting change(s) sent.", "", sent.sent)
            if sent.needs:
                text += " " + self.tr("%Ln need(s) you: see View → Outbox.", "", sent.needs)
            self.said.emit(text)

    def open_dialog(self) -> OutboxDialog | None:
        dialect = self.copies.dialect
        if dialect is None:
            return None
        if self.dialog is None:
            self.dialog = OutboxDialog(self.parent_widget)
            self.dialog.retryWanted.connect(self.retry)
            self.dialog.discardWanted.connect(self.discard)
            self.dialog.editWanted.connect(self.edit)
        self.reload()
        self.dialog.open_for(dialect.schema, self.items, self.sending)
        return self.dialog

    def edit(self, item: ob.Item) -> None:
        """The form on the queued values, over the contact as the user saw it: its save (checked,
        or kept again) replaces the item; closing it keeps the item."""
        dialect, copy = self.copies.dialect, self.copies.copy
        if dialect is None:
            return

        async def open_it() -> None:
            contact = None
            if item.kind == ob.EDIT and copy is not None:
                shown = await copy.get(item.contact_id)
                if shown is None:
                    self.said.emit(self.tr("This contact is not in the offline copy any more."))
                    return
                contact = pending_contact(dialect.schema, shown, item.base)  # as the user saw it
            form = self.open_form(contact)
            if form is None:
                return
            for name, value in item.values.items():
                if name in form.editors:
                    form.editors[name].set_value(value)
            form.saved.connect(lambda *_: self.discard(item.seq, sync=False))

        self.tasks.spawn(open_it(), name="outbox-edit")

    def retry(self, seq: int) -> None:
        box = self.box()
        if box is not None:
            box.waiting(seq)
            self.reload()
            self.send_now()

    def discard(self, seq: int | None, sync: bool = True) -> None:
        """Discards one item (None: all); the copy is brought back to the server's values by a sync."""
        box = self.box()
        if box is None:
            return
        temporary = [i.contact_id for i in self.items if (seq is None or i.seq == seq)
                     and i.contact_id.startswith(ob.TEMPORARY)]
        box.discard(seq)
        copy = self.copies.copy
        if copy is not None and temporary:
            self.tasks.spawn(copy.remove(temporary), name="outbox-discard")
        self.reload()
        if sync and not self.copies.offline:
            self.copies.sync_now()  # the discarded edits' contacts as the server has them

    def account_shown(self) -> None:
        """Another account is shown: its outbox, sent at once when the server answers."""
        self.reload()
        self.send_now()

    def before_quit(self, proceed: Callable[[], None]) -> None:
        """Quitting with changes waiting: says they are kept and sent at the next start (Quit or Stay)."""
        if not self.items:
            proceed()
            return
        box = self.quit_box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Changes waiting to be sent"),
            self.tr("%Ln change(s) made while the server could not be reached are waiting to be sent. They "
                    "are kept on this computer and sent the next time Contact Desk opens this account and "
                    "the server answers: nothing is lost by quitting.", "", len(self.items)),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel, self.parent_widget)
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("&Quit"))
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(lambda clicked: proceed() if box.standardButton(clicked)
                                  == QMessageBox.StandardButton.Close else None)
        box.open()  # never exec() on the event loop

    def words(self) -> str:
        """The status bar's: "3 changes waiting to be sent" (empty when none)."""
        n = len(self.items)
        if not n:
            return ""
        needs = sum(1 for i in self.items if i.state == ob.NEEDS)
        text = self.tr("%Ln change(s) waiting to be sent", "", n)
        return text + (" " + self.tr("(%Ln need(s) you)", "", needs) if needs else "")
