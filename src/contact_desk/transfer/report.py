"""What an import did, as files: the report (one line per input row) and the failed
rows with their reason, ready to fix and import again. Written atomically."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from contact_desk.files import atomic_write
from contact_desk.transfer.importing import FAILED, INVALID_ROW, RowResult
from contact_desk.transfer.readers import Table
from contact_desk.transfer.writers import csv_cell

REPORT_COLUMNS = ("row", "outcome", "id", "reason", "requestId")


Reason = Callable[[RowResult], str]


def english(result: RowResult) -> str:
    return result.reason


def write_report(path: Path, results: Sequence[RowResult], reason: Reason = english) -> None:
    """``row`` (1 = the first row after the header), ``outcome`` (created, updated, existing,
    conflict, repeated: the same email as an earlier row, invalid, failed), the contact's ``id``,
    the ``reason`` (in English unless ``reason`` words it otherwise: the window writes it in its
    language) and the server's ``requestId``."""
    with atomic_write(path, text=True) as fh:
        fh.write("\ufeff")
        out = csv.writer(fh, lineterminator="\r\n")
        out.writerow(REPORT_COLUMNS)
        for r in results:
            out.writerow([r.row, r.outcome, csv_cell(r.id), csv_cell(reason(r)), csv_cell(r.request_id)])


def write_failed_rows(path: Path, table: Table, results: Sequence[RowResult],
                      reason: Reason = english) -> int:
    """The rows that were invalid or failed, as they were in the file, with a ``reason``
    column: fixed, the file imports again. A CSV is written back with its own delimiter
    and encoding (an Outlook ``;``/Windows-1252 file gives a ``;``/Windows-1252 file, which
    opens in the same Excel). Returns how many rows were written."""
    failed = [r for r in results if r.outcome in (INVALID_ROW, FAILED)]
    text = io.StringIO(newline="")
    out = csv.writer(text, delimiter=table.delimiter, lineterminator="\r\n")
    out.writerow([*table.columns, "reason"])
    for r in failed:
        cells = table.rows[r.row - 1] if 0 < r.row <= len(table.rows) else []
        out.writerow([*(csv_cell(c) for c in cells), csv_cell(reason(r))])
    encoding = table.encoding.removesuffix("-sig")
    prefix = "\ufeff" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else ""
    data = (prefix + text.getvalue()).encode(encoding, errors="replace")
    with atomic_write(path) as fh:
        fh.write(data)
    return len(failed)
