"""The table's rows beyond paging: the details follow the current row (and its new values; none
once the list is loaded anew), the row menu on a right-click, and Ctrl+C of the selected rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from contact_desk.api import Dialect
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.ui.contacts.contact_view import ContactTableView
from contact_desk.ui.contacts.detail_panel import DetailPanel
from contact_desk.ui.contacts.row_menu import menu_at


class Rows(QObject):
    said = Signal(str, int)  # a passing status message, for this many ms

    def __init__(self, table: ContactTableView, model: ContactTableModel, detail: DetailPanel,
                 dialect: Callable[[], Dialect | None],
                 edit: Callable[[], Callable[[], object] | None]) -> None:
        super().__init__(table)
        self.table, self.model, self.detail, self.dialect, self.edit = table, model, detail, dialect, edit
        self.row_menu: QMenu | None = None
        self.extra: list[QAction] = []  # for the selection, at the end of every row's menu (Email…)
        table.customContextMenuRequested.connect(self.menu)
        table.selectionModel().currentRowChanged.connect(self.current_changed)
        model.dataChanged.connect(self._data_changed)
        model.modelReset.connect(lambda: self.current_changed(QModelIndex()))  # never a contact not listed

    def copy(self) -> None:
        said = self.table.copy_rows()
        if said:
            self.said.emit(said, 5000)

    def menu(self, pos: QPoint) -> None:
        self.row_menu = menu_at(self.table, pos, self.edit())
        if self.row_menu is not None and self.extra:
            self.row_menu.addSeparator()
            self.row_menu.addActions(self.extra)

    def current_changed(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        contact = self.model.contact(current.row()) if current.isValid() else None
        dialect = self.dialect()
        self.detail.show_contact(contact, dialect.schema if dialect else None)

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        row = self.table.currentIndex().row()
        if top_left.row() <= row <= bottom_right.row():
            self.current_changed(self.table.currentIndex())
