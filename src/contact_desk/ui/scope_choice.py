"""Which contacts a many-contact command works on: the selected rows, or all those
matching the filters and search (read from the offline copy when the table does,
else through the server's parallel walk). Shared by Export and Change contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from contact_desk.models.row_sources import SourceKind
from contact_desk.transfer import exporting

if TYPE_CHECKING:
    from contact_desk.ui.main_window import MainWindow


class ScopeChoice(QObject):
    def __init__(self, window: MainWindow, parent: QWidget, *, selection_from: int = 1) -> None:
        """``selection_from``: how many rows must be selected for the selection to be the default."""
        super().__init__(parent)
        self.w = window
        number = QLocale().toString
        self.selected, self.missing = window.table.selected_contacts()
        total = window.model.total
        self.total = total
        chosen = self.tr("The selected contacts ({n})").format(n=number(len(self.selected)))
        self.selection = QRadioButton(chosen, parent)
        self.matching = QRadioButton(
            self.tr("All %Ln contact(s) matching the filters and search", "", total)
            if total is not None else self.tr("All contacts matching the filters and search"), parent)
        group = QButtonGroup(self)
        group.addButton(self.selection)
        group.addButton(self.matching)
        self.selection.setEnabled(bool(self.selected))
        (self.selection if len(self.selected) >= selection_from else self.matching).setChecked(True)

    def count(self) -> int | None:
        """How many contacts the choice covers (None: not known before reading them)."""
        return len(self.selected) if self.selection.isChecked() else self.total

    def batches(self) -> exporting.Batches:
        w = self.w
        assert w.dialect is not None
        if self.selection.isChecked():
            return exporting.from_list(self.selected)
        if w.model.source_kind is SourceKind.LOCAL and w.copies.copy is not None:
            return exporting.from_copy(w.copies.copy, w.model.query, w.model.sort_order)
        return exporting.from_server(w.dialect, w.model.query)
