"""Which contacts a many-contact command works on: the selected rows, or all those
matching the filters and search (read from the offline copy when the table does,
else through the server's parallel walk). Shared by Export and Change contacts."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from contact_desk.api import Dialect
from contact_desk.transfer import exporting
from contact_desk.ui.host import Scope


class ScopeChoice(QObject):
    def __init__(self, scope: Scope, dialect: Dialect, parent: QWidget, *, selection_from: int = 1) -> None:
        """``selection_from``: how many rows must be selected for the selection to be the default."""
        super().__init__(parent)
        self.source, self.dialect = scope, dialect
        number = QLocale().toString
        self.selected, self.missing = scope.selected, scope.missing
        total = scope.total
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
        scope = self.source
        if self.selection.isChecked():
            return exporting.from_list(self.selected)
        if scope.copy is not None:  # the table reads the copy: so does the command, in its order
            return exporting.from_copy(scope.copy, scope.query, scope.sort)
        return exporting.from_server(self.dialect, scope.query)
