"""Filters on any field, above the table: an "Add filter" button whose menu lists the dialect's
fields, and one removable chip per filter (a field the filter bar has a list for, such as Stage, is
shown by the bar: ``absorb``). Each chip is reachable with Tab: Enter or Space
changes it, Delete or Backspace removes it, as does its ✕."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QToolButton, QWidget

from contact_desk.api.dialect import Condition
from contact_desk.api.schema import DialectSchema, Kind
from contact_desk.mirror.query import conditions as cond
from contact_desk.mirror.query.conditions import FieldFilter
from contact_desk.ui.contacts.condition_editor import ConditionEditor, describe, field_label
from contact_desk.ui.widgets.flow_layout import FlowLayout, flowing


class _ChipButton(QToolButton):
    removeWanted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removeWanted.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class Chip(QFrame):
    """One filter: its words (a click changes it) and ✕ (removes it)."""

    def __init__(self, f: FieldFilter, c: Condition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter-chip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.condition = c
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 0, 0)
        row.setSpacing(0)
        text = describe(f, c)
        self.button = _ChipButton(self)
        self.button.setObjectName("filter-chip-text")
        self.button.setText(text.replace("&", "&&"))
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Change this filter (Enter); remove it (Delete)"))
        self.button.setAccessibleName(self.tr("Filter: {filter}").format(filter=text))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("filter-chip-remove")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # from the keyboard: Delete on the chip
        self.close_button.setToolTip(self.tr("Remove this filter"))
        self.close_button.setAccessibleName(self.tr("Remove the filter {filter}").format(filter=text))
        row.addWidget(self.button)
        row.addWidget(self.close_button)


class FilterChips(QWidget):
    """The chips' row (hidden while there are none) and the "Add filter" button the filter bar shows."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter-chips")
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(6, 0, 6, 2)
        flowing(self)
        self.add_button = QToolButton(parent)
        self.add_button.setObjectName("filter-add")
        self.add_button.setText(self.tr("Add filter"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.add_button)
        self.add_button.setMenu(self.menu)
        self.fields: dict[str, FieldFilter] = {}
        # The filter bar's own say over a new condition: True when the bar shows it itself (its Stage
        # list set to "Lead" rather than a second Stage condition beside it); one condition a field.
        self.absorb: Callable[[Condition], bool] | None = None
        self.known: Callable[[], Iterable[str]] | None = None  # the tags a tag filter completes
        self.chips: list[Chip] = []
        self.editor: ConditionEditor | None = None
        self._why_not = self.tr("The offline copy is being opened…")  # until the window says
        self.hide()

    def build(self, schema: DialectSchema | None) -> None:
        self.fields = {f.name: f for f in cond.offered(schema)} if schema is not None else {}
        self.set_conditions(())
        self._fill_menu()

    def set_available(self, why_not: str) -> None:
        """'' when filters on any field can be applied; else why not, in words (in the menu)."""
        if why_not != self._why_not:
            self._why_not = why_not
            self._fill_menu()
        self.add_button.setToolTip(why_not or self.tr("Filter by any field: company, city, tag, dates…"))

    @property
    def available(self) -> bool:
        return not self._why_not and bool(self.fields)

    def _fill_menu(self) -> None:
        self.menu.clear()
        if self._why_not:
            note = self.menu.addAction(self._why_not)
            note.setEnabled(False)
            return
        for f in sorted(self.fields.values(), key=field_label):
            action = self.menu.addAction(field_label(f) + "…")
            action.setObjectName(f"filter-field-{f.name}")
            action.triggered.connect(lambda _on=False, f=f: self.edit(f, None))

    def conditions(self) -> tuple[Condition, ...]:
        return tuple(chip.condition for chip in self.chips) if self.available else ()

    def set_conditions(self, conditions: tuple[Condition, ...]) -> None:
        """Shows these filters (those of fields the dialect has), without announcing them."""
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for c in conditions:
            f = self.fields.get(c.field)
            if f is not None:
                self._add_chip(f, c)
        self.setVisible(bool(self.chips))

    def _add_chip(self, f: FieldFilter, c: Condition, at: int | None = None) -> Chip:
        chip = Chip(f, c, self)
        chip.button.clicked.connect(lambda: self.edit(f, chip))
        chip.button.removeWanted.connect(lambda: self.remove(chip))
        chip.close_button.clicked.connect(lambda: self.remove(chip))
        at = len(self.chips) if at is None else at
        self.chips.insert(at, chip)
        for shown in self.chips:  # in their order (a flow layout only appends)
            self._layout.removeWidget(shown)
        for shown in self.chips:
            self._layout.addWidget(shown)
        self._link()
        return chip

    def _link(self) -> None:
        """Tab goes from "Add filter" through the chips, then on as before."""
        previous: QWidget = self.add_button
        for shown in self.chips:
            QWidget.setTabOrder(previous, shown.button)
            previous = shown.button

    def edit(self, f: FieldFilter, chip: Chip | None) -> ConditionEditor | None:
        """Opens the editor for a new filter on ``f`` or for ``chip``'s (non-modal ``open()``)."""
        if len(self.chips) >= cond.MAX_CONDITIONS and chip is None:
            return None
        known = sorted(self.known()) if self.known is not None and f.kind is Kind.TAGS else []
        editor = ConditionEditor(f, chip.condition if chip else None, self.window(), known=known)
        self.editor = editor
        editor.chosen.connect(lambda c: self._chosen(f, chip, c))
        editor.open()
        return editor

    def _chosen(self, f: FieldFilter, chip: Chip | None, c: Condition) -> None:
        if self.absorb is not None and self.absorb(c):  # the bar shows it: no chip
            if chip is not None:
                self.remove(chip, announce=False)
            self.setVisible(bool(self.chips))
            self.changed.emit()
            return
        if chip is not None and chip in self.chips:
            at = self.chips.index(chip)
            self.remove(chip, announce=False)
            new = self._add_chip(f, c, at)
        else:
            new = self._add_chip(f, c)
        self.show()
        new.button.setFocus()
        self.changed.emit()

    def drop_field(self, name: str) -> bool:
        """The chips on field ``name`` gone, unannounced (the bar took the field); whether any were."""
        gone = [chip for chip in self.chips if chip.condition.field == name]
        for chip in gone:
            self.remove(chip, announce=False)
        self.setVisible(bool(self.chips))
        return bool(gone)

    def remove(self, chip: Chip, *, announce: bool = True) -> None:
        if chip not in self.chips:
            return
        at = self.chips.index(chip)
        self.chips.remove(chip)
        self._layout.removeWidget(chip)
        chip.deleteLater()
        if announce:
            self.setVisible(bool(self.chips))
            target = self.chips[min(at, len(self.chips) - 1)].button if self.chips else self.add_button
            target.setFocus()  # the keyboard stays in the row
            self.changed.emit()
