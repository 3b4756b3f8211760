"""The edit form's question before it closes with unsaved changes: Save / Discard / Cancel,
opened (never exec() on the event loop), with mnemonics."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox


def unsaved_prompt(form: QDialog, creating: bool, discard: Callable[[], None],
                   save: Callable[[], None], proceed: Callable[[], None]) -> QMessageBox:
    """Asks; Discard calls ``discard()`` then ``proceed()``; Save calls ``save()`` (the caller
    runs ``proceed`` once saved); Cancel does nothing."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        form.windowTitle(),
        QCoreApplication.translate("ContactForm", "Save this new contact?") if creating
        else QCoreApplication.translate("ContactForm", "Save the changes to this contact?"),
        buttons.Save | buttons.Discard | buttons.Cancel,
        form,
    )
    box.setObjectName("unsaved-prompt")
    for which, text in ((buttons.Save, QCoreApplication.translate("ContactForm", "&Save")),
                        (buttons.Discard, QCoreApplication.translate("ContactForm", "&Discard")),
                        (buttons.Cancel, QCoreApplication.translate("ContactForm", "&Cancel"))):
        button = box.button(which)
        if button is not None:
            button.setText(text)  # mnemonics: Alt+S, Alt+D, Alt+C
    box.setDefaultButton(buttons.Save)

    def answered(clicked: Any) -> None:
        button = box.standardButton(clicked)
        if button == buttons.Discard:
            discard()
            proceed()
        elif button == buttons.Save:
            save()

    box.buttonClicked.connect(answered)
    box.open()  # never exec() on the event loop
    return box
