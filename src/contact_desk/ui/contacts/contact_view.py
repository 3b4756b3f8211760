"""The contact table's view: row selection and copying, the empty-state overlay, row
density, and the column chooser with its layout remembered per dialect."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QObject,
    QPoint,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QWidget

from contact_desk.api.models import Contact
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.format import field_label, rows_as_tsv
from contact_desk.ui.contacts.place import Place

ROW_HEIGHT = 26
MAX_SCROLL_PAGES = 50
COMPACT_ROW_HEIGHT = 20


MAX_KEPT = 10_000  # selected rows remembered across a reload


class HeaderMemory(Protocol):
    """Where the columns' layout is remembered per dialect (the window's state)."""

    def header(self, dialect: str) -> QByteArray | None: ...

    def save_header(self, dialect: str, state: QByteArray) -> None: ...

    def forget_header(self, dialect: str) -> None: ...


class ContactTableView(QTableView):
    def __init__(self, model: ContactTableModel, state: HeaderMemory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts, self.memory = model, state
        self.dialect_name: str | None = None  # whose column layout is shown
        self.setObjectName("contact-table")
        self.setModel(model)
        self.setAccessibleName(self.tr("Contacts"))
        self.setWhatsThis(self.tr(
            "<b>Contacts</b><p>The contacts of the account shown that match the search and the filters; "
            "more load as you scroll. Enter or a double click edits one; Ctrl+click and Shift+click "
            "select several, to change, export, print or email them together. Click a column's header to "
            "sort; right-click a row for everything else.</p>"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.setSortingEnabled(False)  # the server orders; a local sort over partial data would lie
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setVisible(False)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for moved in (header.sectionMoved, header.sectionResized, model.modelReset):  # hidden: resized to 0
            moved.connect(self._mark_first_column)
        # A child of the table laid over its viewport: a child of the viewport would scroll away.
        self.empty = QLabel(self)
        self.empty.setObjectName("empty-state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, in light and dark
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty.setFont(font)
        self.empty.hide()
        self._viewport = self.viewport()  # kept: no call into a half-destroyed view from the filter
        self._viewport.installEventFilter(self)
        self._pending: str | None = None  # a contact to select once its row is loaded
        self._pending_selection: set[str] = set()  # the rest of a selection kept across a reload
        self._scroll_to_pending = True
        self._first: bool | None = None  # the first result wanted: opened (True) or selected (False)
        self._scroll: tuple[int, int] | None = None  # (scroll bar value, pages it may still take)
        model.pageLoaded.connect(self.select_pending)
        model.pageLoaded.connect(self._first_arrived)
        model.pageLoaded.connect(self._restore_scroll)
        # the view sets its scroll range after the rows arrive: the place is reached once it allows
        self.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._restore_scroll())

    # -- counts and the empty state -----------------------------------------------------
    def refresh_status(self, has_source: bool) -> str:
        """What the status bar says of the rows (and how many are selected, when more than one),
        and the empty state when there are none."""
        text = self._rows_text(has_source)
        selected = self.selected_count() if text else 0
        if selected > 1:
            text += " · " + self.tr("{n} selected").format(n=QLocale().toString(selected))
        return text

    def selected_count(self) -> int:
        """Rows selected, from the selection's ranges (Select all in a million rows is one range)."""
        selection = self.selectionModel().selection()
        return sum(selection.at(i).height() for i in range(selection.size()))

    def _rows_text(self, has_source: bool) -> str:
        """Never "0+": loading is said as such, a failure leaves it to the error banner."""
        m, number = self.contacts, QLocale().toString
        empty = (has_source and not m.loading and m.rowCount() == 0 and m.last_error is None
                 and (m.at_end or m.total == 0))
        self.show_empty(None if not empty else self.tr("No contacts match") if m.query.is_filtered()
                        else self.tr("This account has no contacts yet"))
        if not has_source or (m.rowCount() == 0 and m.last_error is not None):
            return ""
        if m.rowCount() == 0 and m.loading:
            return self.tr("Loading…")
        if m.total is not None or m.at_end:
            count = m.total if m.total is not None else m.rowCount()
            if count == 1:
                return self.tr("1 contact")
            return self.tr("{count} contacts").format(count=number(count))
        return self.tr("{rows} shown, more below").format(rows=number(m.rowCount()))

    # -- the empty state -------------------------------------------------------------
    def show_empty(self, text: str | None) -> None:
        """Says why there are no rows (None: there are rows, or it is too early to say)."""
        if text:
            self.empty.setText(text)
            self.empty.setGeometry(self.viewport().geometry())
            self.empty.raise_()
        self.empty.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.empty.setGeometry(self._viewport.geometry())
        return super().eventFilter(watched, event)

    # -- selection and copying ---------------------------------------------------------
    def selected_contacts(self) -> tuple[list[Contact], int]:
        """The selected rows that are loaded, in table order, and how many are not."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        contacts = [self.contacts.contact(r) for r in rows]
        loaded = [c for c in contacts if c is not None]
        return loaded, len(rows) - len(loaded)

    def copy_rows(self) -> str:
        """Ctrl+C: the selected rows, shown columns in shown order, as tab-separated text with
        a header (pastes into Excel); returns what to say about it ("" when nothing)."""
        contacts, missing = self.selected_contacts()
        if not contacts:
            return ""
        fields = [self.contacts.fields[c] for c in self._shown_columns()]
        QGuiApplication.clipboard().setText(rows_as_tsv(fields, contacts))
        text = self.tr("Copied %Ln row(s)", "", len(contacts))
        if missing:
            text += " " + self.tr("(%Ln not loaded yet left out)", "", missing)
        return text

    def select_when_loaded(self, contact_id: str | None, replace: bool = True) -> None:
        """Selects (and shows) the contact as soon as a page brings its row: after a
        reload or a create; ``replace=False`` keeps a selection already waiting; None: no
        contact waits any more (it was not found)."""
        if replace or self._pending is None:
            self._pending = contact_id
            self._pending_selection = set()
            self._scroll_to_pending = True

    def keep_selection(self) -> None:
        """Before a reload that keeps the rows (a save, a sync, Change contacts, a sort): the
        selected contacts are selected again as their rows come back, the current one current.
        A selection of more than MAX_KEPT rows keeps its current row only."""
        if self._pending is not None or self._pending_selection:
            return  # a selection is already waiting for its rows
        selected, _missing = self.selected_contacts()
        current = self.contacts.contact(self.currentIndex().row())
        self._pending = current.id if current is not None else None
        self._pending_selection = {c.id for c in selected} if len(selected) <= MAX_KEPT else set()
        self._scroll_to_pending = False  # the scroll is kept (or restored) on its own

    def select_pending(self) -> None:
        """Selects the contacts waiting for their rows, those that are loaded now."""
        wanted = set(self._pending_selection) | ({self._pending} if self._pending is not None else set())
        rows = self.contacts.rows_of(wanted)
        if not rows:
            return
        model, selection = self.selectionModel(), QItemSelection()
        last = self.contacts.columnCount() - 1
        for row in sorted(rows.values()):
            selection.select(self.contacts.index(row, 0), self.contacts.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model.select(selection, flags.Select | flags.Rows)
        if self._pending in rows:
            index = self.contacts.index(rows[self._pending], self._first_visible_column())
            model.setCurrentIndex(index, flags.NoUpdate)
            if self._scroll_to_pending:
                self.scrollTo(index)
            self._pending = None
        self._pending_selection -= rows.keys()

    def _shown_columns(self) -> list[int]:
        """The columns shown (logical indexes), in the order they are shown."""
        header = self.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in logical if not header.isSectionHidden(c)]

    def _first_visible_column(self) -> int:
        return next(iter(self._shown_columns()), 0)  # scrollTo ignores an index in a hidden column

    def go_to_first(self, open_it: bool) -> None:
        """Down (or Enter, ``open_it``) in the search box: the first result selected, in focus,
        and opened as Enter on it would (as in Outlook and Thunderbird), once the rows are there."""
        self._first = open_it
        self._first_arrived()

    def _first_arrived(self) -> None:
        wanted = self._first
        if wanted is None or self.contacts.contact(0) is None:
            return
        self._first = None
        self.setFocus()
        self.selectRow(0)
        if wanted:
            self.activated.emit(self.currentIndex())

    def keep_scroll(self) -> None:
        """After the reload that follows (F5), scrolls back where the list was: at most
        MAX_SCROLL_PAGES pages are loaded to get there."""
        if self._scroll is not None:
            return  # a reload under way still has its place to return to (not the top it shows now)
        value = self.verticalScrollBar().value()
        self._scroll = (value, MAX_SCROLL_PAGES) if value > 0 else None

    def place(self) -> Place:
        """Where the user is: the current and selected contacts and the scroll (an account switch)."""
        selected, _missing = self.selected_contacts()
        current = self.contacts.contact(self.currentIndex().row())
        return Place(current.id if current is not None else None,
                     frozenset(c.id for c in selected[:MAX_KEPT]), self.verticalScrollBar().value())

    def return_to(self, place: Place) -> None:
        """Back to ``place`` as the rows load (the account shown again)."""
        self._pending, self._pending_selection = place.current, set(place.selected)
        self._scroll_to_pending = False
        self._scroll = (place.scroll, MAX_SCROLL_PAGES) if place.scroll > 0 else None

    def _restore_scroll(self) -> None:
        if self._scroll is None or (self._pending is not None and self._scroll_to_pending):
            return  # a selection to show wins: it scrolls to its row
        value, pages = self._scroll
        bar = self.verticalScrollBar()
        if bar.maximum() == 0 and self.contacts.rowCount() > 0:
            return  # the rows are in, the scroll range not yet: rangeChanged comes back here
        self._scroll = (value, pages - 1) if bar.maximum() < value and pages > 1 else None
        bar.setValue(min(value, bar.maximum()))  # at the bottom, the view asks for the next page

    def set_compact(self, compact: bool) -> None:
        self.verticalHeader().setDefaultSectionSize(COMPACT_ROW_HEIGHT if compact else ROW_HEIGHT)

    # -- columns: chooser and remembered layout, per dialect -----------------------------
    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self.fill_column_menu(menu)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def fill_column_menu(self, menu: QMenu) -> None:
        header = self.horizontalHeader()
        menu.clear()
        for col, f in enumerate(self.contacts.fields):
            action = menu.addAction(field_label(f))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: self._set_column(c, on))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self._reset_columns)

    def _set_column(self, col: int, visible: bool) -> None:
        header = self.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep at least one column
        header.setSectionHidden(col, not visible)
        self.save_header()

    def _reset_columns(self) -> None:
        if self.dialect_name is not None:
            self.memory.forget_header(self.dialect_name)
        self.restore_header(self.dialect_name)

    def save_header(self) -> None:
        if self.dialect_name is not None and self.contacts.columnCount():
            self.memory.save_header(self.dialect_name, self.horizontalHeader().saveState())

    def restore_header(self, dialect_name: str | None) -> None:
        """Shows ``dialect_name``'s remembered layout, or the schema's defaults."""
        self.dialect_name = dialect_name
        header = self.horizontalHeader()
        if dialect_name is None:
            return
        state = self.memory.header(dialect_name)
        if state is not None and header.restoreState(state) and header.count() == len(self.contacts.fields):
            return
        for col, f in enumerate(self.contacts.fields):
            header.setSectionHidden(col, not f.shown)
            if header.visualIndex(col) != col:
                header.moveSection(header.visualIndex(col), col)
            header.resizeSection(col, 200 if f.kind.value in ("email", "text") else 140)

    def _mark_first_column(self, *_args: object) -> None:
        """A waiting contact's mark goes in the first column the user sees, wherever it was moved."""
        header = self.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                self.contacts.mark_column = logical
                return
