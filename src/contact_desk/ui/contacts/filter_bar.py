"""The filter bar, built from the account dialect's filters."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from contact_desk.api import Query
from contact_desk.api.dialect import Condition
from contact_desk.api.schema import LOCAL_SEARCH, DialectSchema, Filter, Kind
from contact_desk.mirror.query import conditions as cond
from contact_desk.mirror.query.search import MAX_TEXT
from contact_desk.ui.contacts.filter_chips import FilterChips
from contact_desk.ui.widgets.flow_layout import FlowLayout, flowing

SEARCH_DEBOUNCE_MS = 300  # the server's search: each pause in typing costs a request
LOCAL_MIN_MS, LOCAL_MAX_MS = 10, 40  # the copy's: about as long as its answers take, a search given up stops
SEARCH_WIDTH = 320  # the search box's width when there is room; it narrows to SEARCH_MIN
SEARCH_MIN = 160


class _SearchEdit(QLineEdit):
    down = Signal()  # Down: on to the results

    def sizeHint(self) -> QSize:
        return QSize(SEARCH_WIDTH, super().sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    queryChanged = Signal(object)  # Query
    resultsWanted = Signal()  # Down in the search box: the first result, in the table
    openWanted = Signal()  # Enter in the search box: the only (or first) result, opened
    typing = Signal()  # a key changed the search text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterBar")
        self.setWhatsThis(self.tr(
            "<b>Search and filters</b><p>Type to search names, emails, phones and companies; with a complete "
            "offline copy every field is searched. Each list narrows the contacts shown. <i>Add filter</i> "
            "sets a condition on any field: it shows as a chip under this bar, to change or remove.</p>"
            "<p>Ctrl+F comes here.</p>"))
        self._layout = FlowLayout(self)  # the filters wrap onto a second row in a narrow window
        self._layout.setContentsMargins(6, 4, 6, 4)
        flowing(self)
        self._controls: list[QWidget] = []
        self.combos: dict[str, QComboBox] = {}
        self._fields: dict[str, str] = {}  # the field a list filters by -> its Query attribute
        self.flags: dict[str, QCheckBox] = {}
        self.search: QLineEdit | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._last = Query()
        self._answer_ms: float | None = None  # how long the copy's answers take (steadied)
        self.chips = FilterChips(parent)  # the window shows the row under the bar
        self.chips.changed.connect(self._emit)
        self.chips.absorb = self._absorb

    def build(self, schema: DialectSchema | None, local_search: bool = False) -> None:
        """Rebuilds the controls for a dialect (None: no account). ``local_search``: a search
        box also where the server cannot search (it searches the offline copy)."""
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget is not self.chips.add_button:
                widget.deleteLater()
        self.combos.clear()
        self._fields.clear()
        self.flags.clear()
        self._controls.clear()
        self.search = None
        self._last = Query()
        self.chips.build(schema)
        self.chips.add_button.setVisible(schema is not None)
        if schema is None:
            return
        filters = list(schema.filters)
        if local_search and not any(f.kind is Kind.TEXT for f in filters):
            filters.insert(0, LOCAL_SEARCH)
        for f in filters:
            label = _label(f.label)
            if f.flag:
                box = QCheckBox(label, self)
                box.toggled.connect(self._emit)
                self.flags[f.attr] = box
                self._add(box, box)
            elif f.kind is Kind.ENUM:
                self._add_choice(f, label)
            else:
                self._add_search(bool(f.label))
        self._add(self.chips.add_button, self.chips.add_button)

    def _add(self, shown: QWidget, control: QWidget) -> None:
        self._layout.addWidget(shown)
        self._controls.append(control)

    def _add_choice(self, f: Filter, label: str) -> None:
        pair = QWidget(self)  # the label and its list wrap together
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(label + ":", pair)
        combo = QComboBox(pair)
        caption.setBuddy(combo)
        row.addWidget(caption)
        row.addWidget(combo)
        combo.setObjectName(f"filter-{f.name}")
        combo.setAccessibleName(label)
        combo.addItem(self.tr("Any"), None)
        for choice in f.choices:
            combo.addItem(_label(choice.label), choice.value)
        combo.currentIndexChanged.connect(lambda _i, name=f.name, box=combo: self._chose(name, box))
        self.combos[f.attr] = combo
        self._fields[f.name] = f.attr
        self._add(pair, combo)

    def _add_search(self, server_side: bool) -> None:
        edit = _SearchEdit(self)
        edit.setObjectName("filter-search")
        edit.setAccessibleName(self.tr("Search"))
        edit.setPlaceholderText(self.tr("Search name, email, phone or company") if server_side else
                                self.tr("Search name, email or tags"))
        edit.setClearButtonEnabled(True)
        edit.setMaxLength(MAX_TEXT)  # the copy's search takes no more (and says so elsewhere)
        edit.setMinimumWidth(SEARCH_MIN)
        edit.textChanged.connect(self._typed)
        edit.returnPressed.connect(self._enter)
        edit.down.connect(self._down)
        self.search = edit
        self._add(edit, edit)

    def _chose(self, name: str, box: QComboBox) -> None:
        """A value chosen in the bar's list: a chip on the same field goes (one condition a field:
        "Stage: Customer" beside "Stage is Lead" listed nothing, and said nothing)."""
        if box.currentData() is not None:
            self.chips.drop_field(name)
        self._emit()

    def _absorb(self, c: Condition) -> bool:
        """A new filter on a field the bar has a list for: "is Lead" sets the list (True: no chip);
        any other condition on it ("is empty") clears the list, and the chip shows it."""
        attr = self._fields.get(c.field)
        box = self.combos.get(attr) if attr is not None else None
        if box is None:
            return False
        at = box.findData(c.value) if c.op == cond.EQUALS and isinstance(c.value, str) else -1
        box.blockSignals(True)
        try:
            box.setCurrentIndex(at if at > 0 else 0)
        finally:
            box.blockSignals(False)
        return at > 0

    def pace(self, ms: float, local: bool) -> None:
        """How long a search waits after a keystroke, from how long the last answer took (``ms``).
        The server's search waits for a pause (each costs a metered request); the copy answers in
        milliseconds, so its search waits about as long as an answer takes: typing faster than
        answers come waits for the last word only, and a 5 ms answer needs no 300 ms wait."""
        if not local:
            self._answer_ms = None
            self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
            return
        last = self._answer_ms
        self._answer_ms = ms if last is None else 0.7 * last + 0.3 * ms  # steadied over a few answers
        self._debounce.setInterval(round(min(LOCAL_MAX_MS, max(LOCAL_MIN_MS, self._answer_ms))))

    def query(self) -> Query:
        def combo(name: str) -> str | None:
            box = self.combos.get(name)
            value = box.currentData() if box is not None else None
            return value if isinstance(value, str) else None

        text = self.search.text().strip() if self.search is not None else ""
        values: dict[str, Any] = {attr: combo(attr) for attr in self.combos}  # keyed by Query attribute
        values.update({attr: box.isChecked() for attr, box in self.flags.items()})
        return replace(Query(search=text or None, where=self.chips.conditions()), **values)

    def set_query(self, query: Query) -> None:
        """Shows ``query`` in the controls (after ``build``) without announcing it."""
        widgets = [*self.combos.values(), *self.flags.values(), *([self.search] if self.search else [])]
        for w in widgets:
            w.blockSignals(True)
        try:
            for attr, box in self.combos.items():
                value = getattr(query, attr)
                box.setCurrentIndex(max(0, box.findData(value)) if value else 0)
            for attr, check in self.flags.items():
                check.setChecked(bool(getattr(query, attr)))
            if self.search is not None:
                self.search.setText(query.search or "")
            self.chips.set_conditions(query.where)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._last = self.query()

    def set_where_available(self, why_not: str) -> None:
        """Whether filters on any field can apply now ('') or why not; a change re-runs the query
        (chips that could not apply do now, or stop)."""
        before = self.chips.available
        self.chips.set_available(why_not)
        if before != self.chips.available:
            self._emit()

    def focus_chain(self) -> list[QWidget]:
        """The bar's controls in the order they are shown, for Tab."""
        return list(self._controls)

    def focus_first(self) -> None:
        target: QWidget | None = self.search or next(iter(self.combos.values()), None)
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    def _typed(self) -> None:
        self._debounce.start()
        self.typing.emit()

    def _enter(self) -> None:
        self._emit()  # a search typed a moment ago runs now, not after the pause
        self.openWanted.emit()

    def _down(self) -> None:
        self._emit()
        self.resultsWanted.emit()

    def _emit(self) -> None:
        self._debounce.stop()
        query = self.query()
        if query != self._last:
            self._last = query
            self.queryChanged.emit(query)


def _label(text: str) -> str:
    """Filter and choice labels are translated in the "fields" context, like field labels."""
    return QCoreApplication.translate("fields", text)
