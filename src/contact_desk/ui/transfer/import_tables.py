"""The import dialog's two lists: the checked rows before anything is sent (all of them, or only
those with a problem), and afterwards the rows that were not created, each with its reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema
from contact_desk.models.format import field_label
from contact_desk.transfer.importing import CONFLICT, EXISTING, FAILED, INVALID_ROW, REPEATED, RowResult
from contact_desk.transfer.preview import CHECK, DUPLICATE, INVALID, NORMALISED, THERE, Prepared
from contact_desk.ui.transfer.transfer_texts import shown

PREVIEW_ROWS = 500  # rows shown in the preview table (all are checked)
REPORT_ROWS = 1000  # rows listed after the run (the saved report holds every row)
PROBLEMS = frozenset({CHECK, DUPLICATE, INVALID, THERE})
_COLOURS = {NORMALISED: QColor(40, 110, 190), CHECK: QColor(190, 120, 0), DUPLICATE: QColor(140, 140, 140),
            INVALID: QColor(200, 40, 40), THERE: QColor(110, 110, 110), FAILED: QColor(200, 40, 40),
            INVALID_ROW: QColor(200, 40, 40), EXISTING: QColor(110, 110, 110), CONFLICT: QColor(190, 120, 0),
            REPEATED: QColor(110, 110, 110)}


# Written out for lupdate (a helper's argument is invisible to it), translated when shown.
_STATUS = {"ready": QT_TRANSLATE_NOOP("ImportDialog", "ready"),
           NORMALISED: QT_TRANSLATE_NOOP("ImportDialog", "normalised"),
           CHECK: QT_TRANSLATE_NOOP("ImportDialog", "check"),
           DUPLICATE: QT_TRANSLATE_NOOP("ImportDialog", "repeated in the file"),
           REPEATED: QT_TRANSLATE_NOOP("ImportDialog", "repeated in the file"),
           INVALID: QT_TRANSLATE_NOOP("ImportDialog", "invalid"),
           THERE: QT_TRANSLATE_NOOP("ImportDialog", "already there"),
           FAILED: QT_TRANSLATE_NOOP("ImportDialog", "failed"),
           EXISTING: QT_TRANSLATE_NOOP("ImportDialog", "already there"),
           CONFLICT: QT_TRANSLATE_NOOP("ImportDialog", "changed since the file was made")}
_ROW, _STATUS_HEADER = QT_TRANSLATE_NOOP("ImportDialog", "Row"), QT_TRANSLATE_NOOP("ImportDialog", "Status")
_REASON, _OUTCOME = QT_TRANSLATE_NOOP("ImportDialog", "Reason"), QT_TRANSLATE_NOOP("ImportDialog", "Outcome")
_REQUEST = QT_TRANSLATE_NOOP("ImportDialog", "Request id")


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _labels() -> dict[str, str]:
    return {status: _t(text) for status, text in _STATUS.items()}


def _status(table: QTableWidget, row: int, status: str, why: str, labels: dict[str, str]) -> None:
    item = QTableWidgetItem(labels.get(status, status))
    item.setToolTip(why)
    colour = _COLOURS.get(status)
    if colour is not None:
        item.setForeground(colour)
    table.setItem(row, 1, item)
    reason = QTableWidgetItem(why)
    reason.setToolTip(why)
    table.setItem(row, 2, reason)


def fill_preview(table: QTableWidget, rows: Sequence[Prepared], fields: Sequence[str], schema: DialectSchema,
                 problems_only: bool) -> int:
    """The checked rows (``problems_only``: those to check, repeated, invalid or already there);
    returns how many rows that choice holds in all (the table shows PREVIEW_ROWS at most)."""
    chosen = [p for p in rows if p.status in PROBLEMS] if problems_only else list(rows)
    table.clear()
    table.setColumnCount(3 + len(fields))
    table.setHorizontalHeaderLabels([_t(_ROW), _t(_STATUS_HEADER), _t(_REASON)]
                                    + [field_label(schema.field(f)) for f in fields])
    first = chosen[:PREVIEW_ROWS]
    table.setRowCount(len(first))
    labels = _labels()
    for r, p in enumerate(first):
        table.setItem(r, 0, QTableWidgetItem(str(p.row)))
        _status(table, r, p.status, shown(p.notes, schema), labels)
        for c, f in enumerate(fields):
            value = p.values.get(f)
            text = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
            table.setItem(r, 3 + c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.setColumnWidth(2, min(table.columnWidth(2), 320))
    return len(chosen)


def fill_report(table: QTableWidget, results: Sequence[RowResult], reason: Callable[[RowResult], str]) -> int:
    """The rows that were not created or updated (invalid, repeated in the file, failed, already
    there), with their
    reasons and request ids; returns how many there are."""
    left = [r for r in results if r.outcome in (INVALID_ROW, REPEATED, FAILED, EXISTING, CONFLICT)]
    table.clear()
    table.setColumnCount(4)
    table.setHorizontalHeaderLabels([_t(_ROW), _t(_OUTCOME), _t(_REASON), _t(_REQUEST)])
    table.setRowCount(min(len(left), REPORT_ROWS))
    labels = _labels()
    for r, result in enumerate(left[:REPORT_ROWS]):
        table.setItem(r, 0, QTableWidgetItem(str(result.row)))
        _status(table, r, result.outcome, reason(result), labels)
        table.setItem(r, 3, QTableWidgetItem(result.request_id))
    table.resizeColumnsToContents()
    table.setColumnWidth(2, min(table.columnWidth(2), 420))
    return len(left)
