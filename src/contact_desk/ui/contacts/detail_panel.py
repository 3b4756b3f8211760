"""The selected contact: every field, read-only, with copy actions and a clickable website."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema, Kind
from contact_desk.models.format import display, field_label
from contact_desk.ui.widgets.eliding_label import ElidingLabel
from contact_desk.ui.widgets.palette import make_title
from contact_desk.ui.widgets.wrapping_label import WrappingLabel

COPIED_MS = 1500  # how long a Copy button says "Copied"
_COPYABLE = (Kind.EMAIL, Kind.PHONE)
_ONE_LINE = (Kind.PHONE, Kind.TIMESTAMP, Kind.DATE, Kind.COUNTRY, Kind.ENUM)  # short: "…" at worst
_WHOLE = (Kind.EMAIL, Kind.URL, Kind.ID)  # read whole: wrapped inside the word when the pane is narrow


class DetailPanel(QScrollArea):
    editRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Details"))
        self.setWhatsThis(self.tr(
            "<b>Details</b><p>Every field of the selected contact, as people read them: phones grouped, "
            "countries by name, dates in your format. Select a value to copy it, or use its copy "
            "button. F9 shows or hides this pane.</p>"))
        self.setObjectName("DetailPanel")
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget()
        self._outer = QVBoxLayout(self._body)
        self.title = QLabel(self._body)
        make_title(self.title, 15)
        self.title.setWordWrap(True)
        self._outer.addWidget(self.title)
        self.waiting = QLabel(self.tr("Waiting to be sent: changed on this computer while the server could "
                                      "not be reached (View → Outbox)."), self._body)
        self.waiting.setObjectName("detail-waiting")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self._outer.addWidget(self.waiting)
        self.pending: frozenset[str] = frozenset()  # contact ids with a change in the outbox
        self.edit_button = QPushButton(self.tr("Edit…"), self._body)
        self.edit_button.setObjectName("detail-edit")
        self.edit_button.clicked.connect(self.editRequested)
        self._outer.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._can_edit = False
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._outer.addLayout(self._form)
        self._outer.addStretch(1)
        self.setWidget(self._body)
        self.values: dict[str, QLabel] = {}
        self.copy_buttons: dict[str, QToolButton] = {}  # attribute → its Copy button
        self.contact: Contact | None = None
        self._schema: DialectSchema | None = None
        self.show_contact(None, None)

    def show_contact(self, contact: Contact | None, schema: DialectSchema | None) -> None:
        self.contact = contact
        if schema is not self._schema:
            self._schema = schema
            self._rebuild()
        self.edit_button.setVisible(contact is not None and self._can_edit)
        self.waiting.setVisible(contact is not None and contact.id in self.pending)
        for attr, button in self.copy_buttons.items():  # nothing to copy: not offered
            button.setEnabled(contact is not None and bool(getattr(contact, attr, None)))
        if contact is None or schema is None:
            self.title.setText(self.tr("No contact selected"))
            for label in self.values.values():
                label.clear()
            return
        self.title.setText(contact.full_name or getattr(contact, "email", None)
                           or getattr(contact, "company", None) or self.tr("(no name)"))
        for f in schema.stored:
            value = getattr(contact, f.attr)
            text = display(f, value)
            label = self.values[f.name]
            if isinstance(label, WrappingLabel):
                label.set_full_text(text or "—", href=text if f.kind is Kind.URL else "")
            elif isinstance(label, ElidingLabel):
                label.set_full_text(text or "—")
            else:
                label.setText(text or "—")

    def set_pending(self, ids: frozenset[str], icon: object = None) -> None:
        """The contacts with a change waiting in the outbox: said above the details."""
        self.pending = ids
        self.waiting.setVisible(self.contact is not None and self.contact.id in ids)

    def set_can_edit(self, can: bool) -> None:
        self._can_edit = can
        self.edit_button.setVisible(can and self.contact is not None)

    def _rebuild(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.values.clear()
        self.copy_buttons.clear()
        if self._schema is None:
            return
        for f in self._schema.stored:
            # Emails, websites and ids are read whole: they wrap inside the word. Short one-line
            # values (phones, dates) end in "…" at worst, the whole value in the tooltip; prose
            # wraps. None widens the panel.
            value: QLabel
            if f.kind in _WHOLE:
                value = WrappingLabel(self._body, link=f.kind is Kind.URL)
            elif f.kind in _ONE_LINE:
                value = ElidingLabel(self._body)
            else:
                value = QLabel(self._body)
                value.setWordWrap(True)
                value.setTextFormat(Qt.TextFormat.PlainText)
            value.setObjectName(f"detail-{f.name}")
            value.setAccessibleName(field_label(f))
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            if not isinstance(value, WrappingLabel):
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[f.name] = value
            if f.kind in _COPYABLE:
                holder = QWidget(self._body)  # a widget, not a bare layout: QFormLayout then gives a
                row = QHBoxLayout(holder)  # wrapped email the height of its lines
                row.setContentsMargins(0, 0, 0, 0)
                value.setParent(holder)
                row.addWidget(value, 1)
                copy = QToolButton(holder)
                copy.setObjectName(f"copy-{f.name}")
                copy.setText(self.tr("Copy"))
                copy.setToolTip(self.tr("Copy {field}").format(field=field_label(f).lower()))
                copy.setAccessibleName(copy.toolTip())
                copy.clicked.connect(lambda _=False, button=copy, attr=f.attr: self._copy(attr, button))
                copy.setEnabled(False)  # until a contact with this value is shown
                self.copy_buttons[f.attr] = copy
                row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
                self._form.addRow(field_label(f), holder)
            else:
                self._form.addRow(field_label(f), value)

    def _copy(self, attr: str, button: QToolButton) -> None:
        value = getattr(self.contact, attr, None) if self.contact is not None else None
        if value:
            QGuiApplication.clipboard().setText(str(value))
            button.setText(self.tr("Copied"))  # said where the user looks, for a moment
            # the button as the timer's context: a button gone meanwhile (another account's fields) is
            # never touched
            QTimer.singleShot(COPIED_MS, button, lambda: button.setText(self.tr("Copy")))
