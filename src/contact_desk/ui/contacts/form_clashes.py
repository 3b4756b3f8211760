"""Under a field of the edit form: the field someone else changed too, with the three values
(as the user saw it, theirs on the server now, the user's) and the choice, Keep mine or Take
theirs. Nothing is sent while a choice is open."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contact_desk.api.schema import DialectSchema, Field
from contact_desk.models.format import display, field_label
from contact_desk.transfer.checked_save import Clash


def shown_value(field: Field, value: object) -> str:
    """A value as people read it, "(empty)" when there is none."""
    text = display(field, value)
    return text if text else QCoreApplication.translate("ClashPanel", "(empty)")


def fields_named(schema: DialectSchema, names: Iterable[str]) -> str:
    """The fields' labels as the form shows them, in the form's order: "Last name, Phone"."""
    wanted = set(names)
    return ", ".join(field_label(f) for f in schema.fields if f.name in wanted)


class ClashPanel(QFrame):
    chosen = Signal(str, bool)  # field name, True: keep mine (False: take theirs)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.clash: Clash | None = None
        self.setObjectName(f"clash-{field.name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.keep = QPushButton(self.tr("&Keep mine"), self)
        self.keep.setObjectName(f"keep-mine-{field.name}")
        self.take = QPushButton(self.tr("&Take theirs"), self)
        self.take.setObjectName(f"take-theirs-{field.name}")
        self.keep.clicked.connect(lambda: self._choose(True))
        self.take.clicked.connect(lambda: self._choose(False))
        row.addWidget(self.keep)
        row.addWidget(self.take)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def show_clash(self, clash: Clash) -> None:
        self.clash = clash
        f = self.field
        self.text.setText("\n".join((
            self.tr("Someone else changed this field too."),
            self.tr("Yours: {value}").format(value=shown_value(f, clash.yours)),
            self.tr("On the server now: {value}").format(value=shown_value(f, clash.theirs)),
            self.tr("Before: {value}").format(value=shown_value(f, clash.before)),
        )))
        self.setAccessibleDescription(self.text.text())
        self.show()

    def _choose(self, mine: bool) -> None:
        self.hide()
        self.chosen.emit(self.field.name, mine)
