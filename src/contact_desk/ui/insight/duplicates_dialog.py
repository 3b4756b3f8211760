"""Tools → Possible duplicates: groups of contacts with the same email, the same phone, or the same
name and one more field (company, birthday, or city and street: mirror/query/duplicates.py), found off
the window's thread, each labelled by its contacts' names as written. A group opens side by side,
values as people read them, the fields that differ in bold; "Copy to…" takes the chosen value into an
edit of another contact of the group (the usual form, its usual checks); neither API can merge or
delete, so a group exports as CSV for the vendor's web app, or is marked "Not duplicates"
(remembered)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.api.models import Contact
from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema
from contact_desk.mirror.query import duplicates as dup
from contact_desk.models.format import display

ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Shown:
    """A member of the group shown: which account, its schema, the contact."""

    account_id: str
    account: str
    schema: DialectSchema
    contact: Contact


_REASONS: dict[str | tuple[str, str], str] = {
            dup.EMAIL: QT_TRANSLATE_NOOP("duplicates", "same email"),
            dup.PHONE: QT_TRANSLATE_NOOP("duplicates", "same phone"),
            (dup.NAME, dup.COMPANY): QT_TRANSLATE_NOOP("duplicates", "same name and company"),
            (dup.NAME, dup.BIRTHDAY): QT_TRANSLATE_NOOP("duplicates", "same name and birthday"),
            (dup.NAME, dup.ADDRESS): QT_TRANSLATE_NOOP("duplicates", "same name and address")}
SHOWN_NAMES = 3  # names in a group's label before "…"
RULE = QT_TRANSLATE_NOOP("duplicates", "Grouped when they have the same email, the same phone, or the same "
                                       "name and one more field: company, birthday, or city and street.")


def why(group: dup.Group) -> str:
    """What the group's contacts share, in words: "same name and birthday"."""
    keys: list[str | tuple[str, str]] = [(group.reason, also) for also in group.also] or [group.reason]
    return ", ".join(QCoreApplication.translate("duplicates", _REASONS[k]) for k in keys if k in _REASONS)


def reason_text(group: dup.Group) -> str:
    """The group's label: its contacts' names as written, then why ("Mario Rossi, Mario Rossi —
    same name and company")."""
    names: list[str] = []
    for m in group.members:
        if m.name not in names:
            names.append(m.name)
    shown = ", ".join(names[:SHOWN_NAMES]) + (", …" if len(names) > SHOWN_NAMES else "")
    return QCoreApplication.translate("duplicates", "{names} — {why} ({n})").format(
        names=shown, why=why(group), n=QLocale().toString(len(group.members)))


class DuplicatesDialog(QDialog):
    scanWanted = Signal(bool)  # across every account
    groupChosen = Signal(object)  # dup.Group: the window reads its members
    copyWanted = Signal(object, str, object)  # target Shown, field name, value
    exportWanted = Signal(object)  # list[Shown]
    dismissWanted = Signal(object)  # dup.Group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(980, 600)
        self.across = QCheckBox(self.tr("&Across every account"), self)
        self.again = QPushButton(self.tr("&Look again"), self)
        self.again.clicked.connect(lambda: self.scanWanted.emit(self.across.isChecked()))
        self.across.toggled.connect(self.scanWanted.emit)
        self.said = QLabel(self)
        self.said.setObjectName("duplicates-said")
        self.said.setWordWrap(True)
        self.rule = QLabel(QCoreApplication.translate("duplicates", RULE), self)
        self.rule.setObjectName("duplicates-rule")
        self.rule.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.groups = QListWidget(self)
        self.groups.setObjectName("duplicates-groups")
        self.groups.setWordWrap(True)  # a group's names read whole, on two lines if need be
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups.currentItemChanged.connect(self._group_changed)
        self.side = QTableWidget(0, 0, self)
        self.side.setObjectName("duplicates-side")
        self.side.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.side.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.side.currentCellChanged.connect(lambda *_a: self._update_buttons())
        buttons = self._buttons()
        top = QHBoxLayout()
        top.addWidget(self.across)
        top.addWidget(self.again)
        top.addWidget(self.said, 1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.side, 1)
        column.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(self.groups)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([340, 640])
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.rule)
        box.addWidget(self.busy)
        box.addWidget(split, 1)
        self.members: list[Shown] = []
        self._update_buttons()

    def _buttons(self) -> QHBoxLayout:
        self.copy_button = QToolButton(self)
        self.copy_button.setText(self.tr("&Copy to…"))
        self.copy_button.setToolTip(self.tr("Put the chosen value into an edit of another contact of the "
                                            "group"))
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_button.setMenu(self.copy_menu)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.export_button = QPushButton(self.tr("&Export as CSV…"), self)
        self.export_button.clicked.connect(lambda: self.exportWanted.emit(list(self.members)))
        self.dismiss_button = QPushButton(self.tr("&Not duplicates"), self)
        self.dismiss_button.clicked.connect(self._dismiss)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.dismiss_button)
        return row

    # -- the scan ---------------------------------------------------------------------------
    def scanning(self, text: str, done: int = 0, total: int = 0) -> None:
        self.said.setText(text)
        self.busy.setRange(0, total)
        self.busy.setValue(done)
        self.busy.show()
        self.again.setEnabled(False)

    def show_groups(self, groups: list[dup.Group], text: str) -> None:
        self.busy.hide()
        self.again.setEnabled(True)
        self.said.setText(text)
        self.groups.clear()
        for group in groups:
            item = QListWidgetItem(reason_text(group))
            item.setToolTip(reason_text(group))
            item.setData(ROLE, group)
            self.groups.addItem(item)
        self.members = []
        self._fill_side()
        if self.groups.count():
            self.groups.setCurrentRow(0)

    def _group_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        group = current.data(ROLE) if current is not None else None
        self.members = []
        self._fill_side()
        if isinstance(group, dup.Group):
            self.groupChosen.emit(group)

    def current_group(self) -> dup.Group | None:
        item = self.groups.currentItem()
        group = item.data(ROLE) if item is not None else None
        return group if isinstance(group, dup.Group) else None

    # -- side by side -----------------------------------------------------------------------
    def show_members(self, group: dup.Group, members: list[Shown]) -> None:
        if group != self.current_group():
            return  # the user moved on
        self.members = members
        self._fill_side()

    def _fill_side(self) -> None:
        side, members = self.side, self.members
        names: list[tuple[str, str]] = []  # (API name, label)
        for m in members:
            names += [(f.name, QCoreApplication.translate("fields", f.label)) for f in m.schema.stored
                      if (f.name, QCoreApplication.translate("fields", f.label)) not in names]
        side.clear()
        side.setColumnCount(len(members))
        side.setRowCount(len(names))
        side.setHorizontalHeaderLabels(["\n".join(t for t in (m.account, self.who(m), self.hint(m)) if t)
                                        for m in members])
        side.setVerticalHeaderLabels([label for _n, label in names])
        for row, (name, _label) in enumerate(names):
            values = []
            for col, m in enumerate(members):
                field = next((f for f in m.schema.stored if f.name == name), None)
                value = getattr(m.contact, field.attr) if field else None
                values.append(value)
                item = QTableWidgetItem(display(field, value) if field else "")
                item.setData(ROLE, (name, value))
                side.setItem(row, col, item)
            if len({repr(v) for v in values}) > 1:  # they differ: in bold
                for col in range(len(members)):
                    cell = side.item(row, col)
                    if cell is not None:
                        font = cell.font()
                        font.setBold(True)
                        cell.setFont(font)
        side.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.members)
        self.export_button.setEnabled(has)
        self.dismiss_button.setEnabled(self.current_group() is not None)
        item = self.side.currentItem()
        self.copy_button.setEnabled(has and item is not None and len(self.members) > 1)

    @staticmethod
    def who(m: Shown) -> str:
        return m.contact.full_name or m.contact.email or m.contact.id

    @staticmethod
    def hint(m: Shown) -> str:
        """What tells a contact from its namesakes: its email, else its city, else its company."""
        c = m.contact
        return next((v for v in (c.email, getattr(c, "city", None), getattr(c, "company", None))
                     if isinstance(v, str) and v.strip() and v != DuplicatesDialog.who(m)), "")

    @staticmethod
    def told_apart(m: Shown) -> str:
        """A target of "Copy to…": "Mario Rossi, mario@rossi.it (Sales)"."""
        name, hint = DuplicatesDialog.who(m), DuplicatesDialog.hint(m)
        if hint:
            return QCoreApplication.translate("DuplicatesDialog", "{name}, {hint} ({account})").format(
                name=name, hint=hint, account=m.account)
        return QCoreApplication.translate("DuplicatesDialog", "{name} ({account})").format(
            name=name, account=m.account)

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        if self.side.currentRow() < 0 or self.side.currentColumn() < 0:
            return
        item = self.side.currentItem()
        name, value = item.data(ROLE)
        source = self.members[item.column()]
        for col, target in enumerate(self.members):
            if col == item.column():
                continue
            action = self.copy_menu.addAction(self.told_apart(target))
            editable = any(f.name == name for f in target.schema.patchable)  # the form can change it
            action.setEnabled(editable and source is not target)
            action.triggered.connect(lambda _on=False, t=target: self.copyWanted.emit(t, name, value))

    def _dismiss(self) -> None:
        group = self.current_group()
        if group is None:
            return
        self.dismissWanted.emit(group)
        row = self.groups.currentRow()
        self.groups.takeItem(row)
        self.members = []
        self._fill_side()
        if self.groups.count():
            self.groups.setCurrentRow(min(row, self.groups.count() - 1))
