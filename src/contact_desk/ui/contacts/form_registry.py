"""The window's open New and Edit forms: one per contact, and the Save / Discard /
Cancel questions before the window switches account or closes."""

from __future__ import annotations

from collections.abc import Callable

from contact_desk.ui.contacts.contact_form import ContactForm


class FormRegistry:
    def __init__(self) -> None:
        self.forms: list[ContactForm] = []

    def find(self, contact_id: str) -> ContactForm | None:
        return next((f for f in self.forms if f.contact is not None and f.contact.id == contact_id), None)

    def add(self, form: ContactForm) -> None:
        form.finished.connect(lambda _r, f=form: self._drop(f))
        form.destroyed.connect(lambda *_a, f=form: self._drop(f))
        self.forms.append(form)

    def _drop(self, form: ContactForm) -> None:
        if form in self.forms:
            self.forms.remove(form)

    def any_dirty(self) -> bool:
        return any(f.isVisible() and f.is_dirty() for f in self.forms)

    def leave(self, proceed: Callable[[], None]) -> None:
        """Asks each form with unsaved changes Save / Discard / Cancel, then ``proceed()``."""
        dirty = [f for f in self.forms if f.isVisible() and f.is_dirty()]
        if not dirty:
            for f in list(self.forms):
                f.close()
            proceed()
            return
        dirty[0].raise_()
        dirty[0].ask_to_leave(lambda: self.leave(proceed))
