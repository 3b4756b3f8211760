"""The create/edit form, built from the dialect's field schema.

Non-modal. Every error lands on the field it concerns, in plain words, and the user's typing is
never cleared by a failure. Save is enabled only when there is something valid to send; edits send
only the changed fields, and only after reading the contact again (``transfer/checked_save.py``): a
teammate's change is kept and said, and a field both changed waits for the user's choice under it.
A newer version of the contact arriving while the form is open is said the same way (``newer``),
without touching what the user typed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk import words
from contact_desk.api import Dialect, errors
from contact_desk.api.creating import Creation
from contact_desk.api.models import Contact
from contact_desk.api.transport import answered_request_id
from contact_desk.api.validate import Invalid, at_least_one_missing, check
from contact_desk.mirror.changes.journal import EDIT
from contact_desk.models.format import field_label
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import BulkResult
from contact_desk.transfer.checked_save import Saved, checked_update, same
from contact_desk.ui.contacts.editor_base import Editor
from contact_desk.ui.contacts.editors import default_region, editor_for
from contact_desk.ui.contacts.form_clashes import ClashPanel
from contact_desk.ui.contacts.form_leaving import unsaved_prompt
from contact_desk.ui.contacts.form_server import Holder, ServerChanges
from contact_desk.ui.contacts.form_values import client_message, initial_value, unchangeable
from contact_desk.ui.widgets.messages import describe
from contact_desk.ui.widgets.palette import ThemeWatcher, error_css, make_title, muted_css
from contact_desk.ui.widgets.screen_fit import WholeScrollArea, fit_on_screen


class ContactForm(QDialog, ServerChanges):
    saved = Signal(object, bool)  # contact, created
    openExisting = Signal(str, str)  # contact id, its status
    readOnly = Signal()  # the key cannot write: stop offering create and edit
    editingUnsupported = Signal()  # the server has no PATCH (405/501)
    changeMade = Signal(object)  # a saved edit as a BulkResult (the fields the user changed): Undo takes it
    noted = Signal(str)  # after a save: others' changes kept, or moved while saving (the window says it)

    def __init__(
        self,
        dialect: Dialect,
        tasks: Tasks,
        contact: Contact | None = None,
        *,
        known_tags: Iterable[str] = (),
        region: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ContactForm")
        self.dialect, self.tasks, self.contact = dialect, tasks, contact
        self.creating = contact is None
        self.region = region or default_region()
        schema = dialect.schema
        self.fields = schema.creatable if self.creating else schema.patchable
        self.setWindowTitle(self.tr("New contact") if self.creating else self.tr("Edit contact"))
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self._auto_height = -1  # set once the form has sized itself
        self._fields_layout: QFormLayout | None = None
        self._touched: set[str] = set()
        self._saving = False
        self._tried = False
        self._confirmed_close = False
        self._creation: Creation | None = None  # a create's tries, across Retry
        self.origin = EDIT  # where the change comes from, for My changes (Copy to… sets its own)
        self.request_id = ""  # the create's, as the server named it
        self.outbox: Holder | None = None  # where a save waits when the server cannot take it now
        self._read_only = False
        self._focus_before_save: QWidget | None = None
        self.hint: QLabel | None = None
        self.prompt: QMessageBox | None = None  # the open Save / Discard / Cancel question
        self._existing: tuple[str, str] | None = None
        self._original: dict[str, Any] = {}
        self.clashes: dict[str, ClashPanel] = {}
        self._last_seen: dict[str, Any] | None = None  # the server's values the form last met
        self._filling = True  # the contact's own values are not the user's changes
        self._build(known_tags)
        for f in self.fields:
            self.editors[f.name].set_value(initial_value(f, contact))
        self._original = self._values_raw()
        self._base = {f.name: initial_value(f, contact) for f in self.fields}  # as the user saw it
        self._filling = False
        self._restyle()
        self._theme = ThemeWatcher(self, self._restyle)
        self._refresh()

    # -- construction -----------------------------------------------------------
    def _build(self, known_tags: Iterable[str]) -> None:
        outer = QVBoxLayout(self)
        if self.contact is not None:
            title = QLabel(
                self.contact.full_name or getattr(self.contact, "email", None)
                or getattr(self.contact, "company", "") or "",
                self,
            )
            make_title(title, 14)
            outer.addWidget(title)
        self.message = self._line("form-message", outer)  # what failed
        self.note = self._line("form-note", outer)  # what changed on the server since the form opened
        fields = QWidget(self)  # the fields scroll when the screen is short (a HiDPI laptop at 2x)
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.open_existing = QPushButton(self.tr("Open existing"), self)
        self.open_existing.setObjectName("open-existing")
        self.open_existing.hide()
        self.open_existing.clicked.connect(self._open_existing)
        for f in self.fields:
            editor = editor_for(f, self, known_tags=known_tags, region=self.region, creating=self.creating)
            editor.widget.setObjectName(f"edit-{f.name}")
            editor.widget.setAccessibleName(field_label(f))
            editor.on_change(functools.partial(self._changed, f.name))
            error = QLabel(self)
            error.setObjectName(f"error-{f.name}")
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(editor.widget)
            cell.addWidget(error)
            if not self.creating:
                panel = self.clashes[f.name] = ClashPanel(f, self)
                panel.chosen.connect(self._chose)
                cell.addWidget(panel)
            if f.name == self.dialect.schema.conflict_field:  # a 409 names the contact that has this value
                cell.addWidget(self.open_existing, 0, Qt.AlignmentFlag.AlignLeft)
            label = field_label(f) + (" *" if f.required else "")
            form.addRow(label, cell)
            self.editors[f.name] = editor
            self.errors[f.name] = error
        self._fields_layout = form
        self.fields_area = WholeScrollArea(fields, self)
        self.fields_area.setAccessibleName(self.tr("Fields"))
        outer.addWidget(self.fields_area, 1)
        self._build_buttons(outer)

    def _line(self, name: str, outer: QVBoxLayout) -> QLabel:
        line = QLabel(self)
        line.setObjectName(name)
        line.setWordWrap(True)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.hide()
        outer.addWidget(line)
        return line

    def _build_buttons(self, outer: QVBoxLayout) -> None:
        if self.dialect.schema.at_least_one and self.creating:
            hint = QLabel(
                self.tr("Fill in at least one of first name, last name, company, phone or email."), self
            )
            hint.setWordWrap(True)
            hint.setObjectName("at-least-one")
            outer.addWidget(hint)
            self.hint = hint
        if not self.creating and (fixed := unchangeable(self.dialect.schema)):  # why Email is not here
            note = self._line("unchangeable", outer)
            note.setText(fixed)
            note.show()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retry")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.close)
        self.save_button = QPushButton(self.tr("Create") if self.creating else self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for b in (self.retry_button, self.cancel_button, self.save_button):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        fit_on_screen(self, 520, self.sizeHint().height())
        self._auto_height = self.height()  # the height the form gave itself (not the user)

    # -- values and checks ------------------------------------------------------
    def _values_raw(self) -> dict[str, Any]:
        return {name: e.value() for name, e in self.editors.items()}

    def _checked(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(normalised values, client-side problems by field)."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for f in self.fields:
            try:
                values[f.name] = check(f, self.editors[f.name].value(), self.region)
            except Invalid as exc:
                problems[f.name] = client_message(exc.message)
        return values, problems

    def changes(self) -> dict[str, Any]:
        """Edit mode: only what the user changed from the contact as they saw it."""
        values, _ = self._checked()
        raw = self._values_raw()
        schema = self.dialect.schema
        return {
            name: values.get(name)
            for name in raw
            if raw[name] != self._original[name]
            and not same(schema.field(name), values.get(name), self._base[name])
        }

    def open_clashes(self) -> list[str]:
        """The fields waiting for the user's choice (Keep mine / Take theirs)."""
        return [name for name, panel in self.clashes.items() if panel.clash is not None]

    def is_dirty(self) -> bool:
        return self._values_raw() != self._original

    def _payload(self) -> dict[str, Any] | None:
        values, problems = self._checked()
        if problems:
            return None
        if not self.creating:
            return self.changes() or None
        body = {k: v for k, v in values.items() if v not in (None, "", [])}
        if at_least_one_missing(self.dialect.schema, body) or not body:
            return None
        return body

    def _changed(self, name: str) -> None:
        if self._filling:
            return
        self._touched.add(name)
        self._set_error(name, "")  # a server's word about the old value no longer holds
        if name == self.dialect.schema.conflict_field:
            self.open_existing.hide()
        self._refresh()

    def _refresh(self) -> None:
        _, problems = self._checked()
        for f in self.fields:
            if f.name in self._touched or self._tried:
                text = problems.get(f.name, "")
                if text or self.errors[f.name].property("client"):
                    self._set_error(f.name, text, client=True)
        if self.hint is not None:  # said once, under the fields: in red once Save was tried in vain
            values, _ = self._checked()
            missing = self._tried and at_least_one_missing(self.dialect.schema, values)
            self.hint.setProperty("alarm", missing)
            self._style_hint()
        self.save_button.setEnabled(not self._saving and not self._read_only and not self.open_clashes()
                                    and self._payload() is not None)

    def _set_error(self, name: str, text: str, client: bool = False) -> None:
        label = self.errors.get(name)
        if label is None:
            return
        label.setText(text)
        label.setProperty("client", client and bool(text))
        label.setVisible(bool(text))
        self._grow()

    def _grow(self) -> None:
        """Makes room for a message that just appeared (the form never clips it), and gives the
        room back when it goes (no empty gap), unless the user sized the form by hand."""
        if self._fields_layout is not None:  # the scrolled fields first: their size is the area's wish
            self._fields_layout.activate()
            self.fields_area.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        height = self.sizeHint().height()
        if height > self.height() or (height < self.height() and self.height() == self._auto_height):
            fit_on_screen(self, self.width(), height)
            self._auto_height = self.height()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._grow()

    # -- saving ------------------------------------------------------------------
    def save(self) -> None:
        self._tried = True
        self._refresh()
        payload = self._payload()
        if payload is None or self._saving or self.open_clashes():
            return  # nothing valid to send, or already sending (never twice), or a choice is open
        self._saving = True
        # Disabling the focused Save button would push focus to the first field with its text
        # selected (the next key would replace it): remember where the user was instead.
        self._focus_before_save = self.focusWidget()
        self.save_button.setEnabled(False)
        self.retry_button.hide()
        self.say("")
        self.tasks.spawn(self._save(payload), name="save-contact")

    async def _save(self, payload: dict[str, Any]) -> None:
        saved: Saved | None = None
        try:
            if self.outbox is not None and self.outbox.holds_now():
                await self._hold(payload, None)  # offline: it waits in the outbox
                return
            if self.creating:
                contact = await self._create(payload)
            else:
                assert self.contact is not None
                base = dict(self._base)
                decided, saved = await checked_update(self.dialect, self.contact.id, base, payload)
                if saved is None:  # both changed a field: nothing sent, the user chooses
                    self._met(decided, payload)
                    return
                contact = saved.contact
        except errors.ApiError as exc:
            if self._may_hold(exc):
                await self._hold(payload, exc)
                return
            self._failed(exc)
            self._saving = False
            self._refresh()
            self._restore_focus(exc)
            return
        else:
            self._original = self._values_raw()
            self._confirmed_close = True
            if saved is not None:
                self._after(decided, saved)
            self.saved.emit(contact, self.creating)
            self.close()
        finally:
            self._saving = False
            self._refresh()

    async def _create(self, payload: dict[str, Any]) -> Contact:
        # One Creation for the form's life: after a lost answer, Retry first looks for
        # the contact the lost try may have made (shared with the command line).
        if self._creation is None:
            self._creation = Creation(self.dialect)
        made = await self._creation.create(payload)
        self.request_id = answered_request_id() or ""
        return made

    def _failed(self, exc: errors.ApiError) -> None:
        """The table's words (``words.py``) for ``exc``; the form decides only where they go: the
        field the failure concerns, else the message line, and what the form offers next."""
        field = words.field_of(exc, self.dialect.schema)
        if isinstance(exc, errors.Conflict):
            self._existing = (exc.existing_id or "", exc.existing_status or "")
            self.open_existing.setVisible(bool(exc.existing_id) and field in self.errors)
        if field in self.errors:
            self._set_error(field, describe(exc))
            return
        also = ""
        if isinstance(exc, errors.Forbidden):
            self._read_only = True  # Save stays off: the same key will be refused again
            self.readOnly.emit()
        elif isinstance(exc, errors.NotFound) and not self.creating:
            also = self.tr("What you typed is still here to copy.")
        elif isinstance(exc, errors.NotSupported):
            self.editingUnsupported.emit()
        elif isinstance(exc, errors.OutcomeUnknown):
            also = self.tr("Retry looks for it first and sends it again only if it is not there.")
            self.retry_button.show()
        elif errors.retryable(exc) or isinstance(exc, errors.ServerError | errors.ProtocolError):
            also = self.tr("Nothing you typed is lost: press Retry.")
            self.retry_button.show()
        self.say(describe(exc, also))

    def _restore_focus(self, exc: errors.ApiError) -> None:
        """Focus on the field the server refused, else back where the user was."""
        field = words.field_of(exc, self.dialect.schema)
        target: QWidget | None = self.editors[field].widget if field in self.editors else None
        if target is None:
            before = self._focus_before_save
            target = self.retry_button if self.retry_button.isVisible() else before
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)  # no select-all: the next key types
            if field in self.errors:  # scrolled into view with its message, on a short screen
                self.fields_area.ensureWidgetVisible(self.errors[field])
                self.fields_area.ensureWidgetVisible(target)

    def _emit_change(self, result: BulkResult) -> None:
        self.changeMade.emit(result)

    def _emit_note(self, text: str) -> None:
        self.noted.emit(text)

    def _open_existing(self) -> None:
        if self._existing is not None:
            self.openExisting.emit(*self._existing)

    # -- closing -----------------------------------------------------------------
    def ask_to_leave(self, proceed: Callable[[], None]) -> None:
        """Save / Discard / Cancel for unsaved changes; ``proceed()`` runs after Save or Discard."""
        if not self.is_dirty():
            proceed()
            return
        def discard() -> None:
            self._confirmed_close = True
            self.close()

        def save() -> None:
            self.saved.connect(lambda *_: proceed())
            self.save()

        self.prompt = unsaved_prompt(self, self.creating, discard, save, proceed)

    def _restyle(self) -> None:
        """Error texts in the red that reads on this theme (light or dark)."""
        for label in (self.message, *self.errors.values()):
            label.setStyleSheet(error_css())
        self._style_hint()

    def _style_hint(self) -> None:
        if self.hint is not None:
            self.hint.setStyleSheet(error_css() if self.hint.property("alarm") else muted_css())

    def reject(self) -> None:
        """Esc: the same Save / Discard / Cancel prompt as Cancel and the window's X."""
        if self._confirmed_close or not self.is_dirty():
            super().reject()
            return
        if self.prompt is None or not self.prompt.isVisible():
            self.ask_to_leave(lambda: None)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirmed_close or not self.is_dirty():
            super().closeEvent(event)
            return
        event.ignore()
        if self.prompt is None or not self.prompt.isVisible():
            self.ask_to_leave(lambda: None)

    def confirm_close(self) -> None:
        """The next close asks nothing (what was typed went on elsewhere)."""
        self._confirmed_close = True
