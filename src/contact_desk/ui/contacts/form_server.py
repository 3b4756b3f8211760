"""The edit form's side of the save check: what the server changed since the user opened the
form, met as ``transfer/checked_save.merge`` decides (others' values shown where the user typed
nothing, the same change counted as none, tags merged, a choice under each field both changed),
and what a saved edit leaves for Undo and for the window to say."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.transfer.bulk import BulkResult, Changed, display_name
from contact_desk.transfer.checked_save import Merge, Saved, merge, same, values_of
from contact_desk.ui.contacts.editor_base import Editor
from contact_desk.ui.contacts.form_clashes import ClashPanel, fields_named
from contact_desk.ui.widgets.screen_fit import WholeScrollArea


class Holder(Protocol):
    """The window's outbox, as a form sees it (``ui/offline/outbox_control.py``)."""

    def holds_now(self) -> bool: ...
    def ready(self) -> bool: ...
    async def hold(self, dialect: Dialect, contact: Contact | None, base: dict[str, Any],
                   values: dict[str, Any], source: str) -> Contact: ...


HELD = (errors.NetworkError, errors.ServerError, errors.RateLimited)  # what a save may wait out


class ServerChanges:
    """Mixed into ContactForm (which has these attributes and methods)."""

    dialect: Dialect
    contact: Contact | None
    creating: bool
    editors: dict[str, Editor]
    clashes: dict[str, ClashPanel]
    note: QLabel
    fields_area: WholeScrollArea
    _base: dict[str, Any]
    _original: dict[str, Any]
    _last_seen: dict[str, Any] | None
    _filling: bool
    _saving: bool
    _confirmed_close: bool
    outbox: Holder | None
    origin: str
    saved: Any  # the form's Signal(contact, created)

    def changes(self) -> dict[str, Any]:
        raise NotImplementedError

    def open_clashes(self) -> list[str]:
        raise NotImplementedError

    def _refresh(self) -> None:
        raise NotImplementedError

    def _grow(self) -> None:
        raise NotImplementedError

    def _emit_change(self, result: BulkResult) -> None:
        raise NotImplementedError

    def _emit_note(self, text: str) -> None:
        raise NotImplementedError

    def say(self, text: str) -> None:
        raise NotImplementedError

    def _set_error(self, name: str, text: str, client: bool = False) -> None:
        raise NotImplementedError

    def close(self) -> bool:
        raise NotImplementedError

    # -- the outbox -------------------------------------------------------------------
    def _may_hold(self, exc: errors.ApiError) -> bool:
        """A save the server cannot take now (unreachable; 5xx, timeouts, 429 after the retries)
        waits in the outbox; never a create that may have been carried out."""
        return (self.outbox is not None and self.outbox.ready() and isinstance(exc, HELD)
                and not isinstance(exc, errors.OutcomeUnknown))

    async def _hold(self, payload: dict[str, Any], cause: errors.ApiError | None) -> None:
        """Keeps the save in the outbox, committed, then closes as a save does; said either way."""
        assert self.outbox is not None
        base = {} if self.creating else {n: self._base.get(n) for n in payload}
        source = "create" if self.creating else self.origin
        try:
            contact = await self.outbox.hold(self.dialect, self.contact, base, payload, source)
        except Exception as exc:  # OutboxNotKept: the words are in it (and its field); the form stays open
            field = getattr(exc, "field", "")
            if field:
                self._set_error(field, str(exc))
            else:
                self.say(str(exc))
            return
        self._original = self._values_raw()
        self._confirmed_close = True
        why = QCoreApplication.translate("ContactForm", "The server cannot be reached") if cause is None \
            else str(cause.message)
        self._emit_note(QCoreApplication.translate(
            "ContactForm", "{why}: the change is kept on this computer and will be sent when the server "
            "answers (View → Outbox).").format(why=why))
        self.saved.emit(contact, self.creating)
        self.close()

    def _values_raw(self) -> dict[str, Any]:
        raise NotImplementedError

    def _after(self, decided: Merge, saved: Saved) -> None:
        """A saved edit: Undo's record (the fields the user changed, as they were just before),
        and words for what others changed, kept or moved while saving."""
        schema = self.dialect.schema
        if saved.sent:
            after = values_of(schema, saved.contact, saved.sent)
            change = Changed(saved.contact.id, saved.before, after, saved.request_id,
                             display_name(saved.contact))
            self._emit_change(BulkResult(changed=[change], saved=[saved.contact]))
        said = []
        if decided.theirs:
            said.append(QCoreApplication.translate(
                "ContactForm", "Changed by someone else since you opened it, and kept: {fields}.").format(
                fields=fields_named(schema, decided.theirs)))
        if saved.moved:
            said.append(QCoreApplication.translate(
                "ContactForm", "Changed by someone else while you saved: {fields} (shown as the server has "
                "them now).").format(fields=fields_named(schema, saved.moved)))
        if said:
            self._emit_note(" ".join(said))

    # -- a newer version of the contact --------------------------------------------
    def newer(self, contact: Contact) -> None:
        """The contact as the server has it now (a sync, F5, a change made elsewhere): what
        changed is said and shown at once; what the user typed stays."""
        if self.creating or self._saving or self.contact is None or contact.id != self.contact.id:
            return
        schema = self.dialect.schema
        now = values_of(schema, contact, self._base)
        if now == self._last_seen or all(same(schema.field(n), now[n], self._base[n]) for n in now):
            return
        mine = self.changes()
        self._met(merge(self.dialect.schema, self._base, mine, now), mine)

    def _met(self, decided: Merge, mine: dict[str, Any]) -> None:
        """Others' values taken where the user changed nothing, the same change counted as
        none, tags merged, and a choice offered under each field both changed."""
        self._last_seen = decided.now
        self._filling = True
        for name, value in decided.theirs.items():
            editor = self.editors[name]
            if name in mine:  # tags: theirs and the user's, merged
                editor.set_value(decided.send.get(name, value))
            else:
                editor.set_value(value)
                self._original[name] = editor.value()
            self._base[name] = value
        for name in decided.same:
            self._base[name] = mine[name]
            self._original[name] = self.editors[name].value()
        self._filling = False
        for clash in decided.clashes:
            self.clashes[clash.name].show_clash(clash)
        said = []
        schema = self.dialect.schema
        if decided.theirs:
            said.append(QCoreApplication.translate(
                "ContactForm", "Someone changed this contact since you opened it: {fields}. Their values are "
                "shown; what you typed is kept.").format(fields=fields_named(schema, decided.theirs)))
        if decided.clashes:
            said.append(QCoreApplication.translate(
                "ContactForm", "They also changed {fields}, as you did: choose below what to keep, then "
                "save.").format(fields=fields_named(schema, [c.name for c in decided.clashes])))
        self._tell(" ".join(said))
        if decided.clashes:
            first = self.clashes[decided.clashes[0].name]
            self.fields_area.ensureWidgetVisible(first)
            first.keep.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refresh()

    def _chose(self, name: str, mine: bool) -> None:
        panel = self.clashes[name]
        clash, panel.clash = panel.clash, None
        if clash is None:
            return
        if not mine:  # take theirs: their value in the field, as if the form had opened with it
            self._filling = True
            self.editors[name].set_value(clash.theirs)
            self._original[name] = self.editors[name].value()
            self._filling = False
        self._base[name] = clash.theirs  # mine: the user's value is a change against theirs
        if not self.open_clashes():
            self._tell("")
        self._refresh()

    def _tell(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self._grow()
