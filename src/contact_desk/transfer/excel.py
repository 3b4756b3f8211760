"""Excel ``.xlsx`` (the first sheet), read within bounds. Qt-free.

An xlsx is a zip of XML: one megabyte on disk can be a gigabyte of text, a cell
of a gigabyte, or XML entities that expand without end. Before openpyxl reads
anything the parts are checked as they are inflated, a megabyte at a time: their
total size, the longest text between two tags, and no DOCTYPE or ENTITY (no
spreadsheet program writes one). Reading then stops at the column and row limits
and at the first long run of empty rows (a stray cell at XFD1048576 would
otherwise make a million empty rows of 16,384 cells).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import IO, Protocol

from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.table import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_ROWS,
    TOO_MANY_ROWS,
    FileUnreadable,
    Table,
    unreadable,
)
from contact_desk.transfer.texts import Text

MAX_INFLATED = 1024 * 1024 * 1024  # bytes of XML in all
MAX_SHARED = 256 * 1024 * 1024  # of shared strings (openpyxl holds them all while the sheet is read)
MAX_TEXT = 4 * MAX_CELL * 8  # bytes between two tags (a cell keeps MAX_CELL characters)
EMPTY_RUN = 10_000  # consecutive empty rows after which the rest of the sheet is not read
_CHUNK = 1 << 20
_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TOO_MANY_TEXTS = QT_TRANSLATE_NOOP("Transfer", "The workbook's texts take more than {most} MB: more than "
                                    "Contact Desk reads. Save fewer rows or columns in a file.")
_NOT_READABLE = QT_TRANSLATE_NOOP("Transfer", "The file is not a readable Excel workbook ({why})")


def _check_parts(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise unreadable(_NOT_READABLE, why=str(exc) or type(exc).__name__) from None
    inflated = 0
    with archive:
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    before = inflated
                    inflated = _check_part(part, info.filename, inflated)
                if info.filename.lower().endswith("sharedstrings.xml") and inflated - before > MAX_SHARED:
                    raise unreadable(_TOO_MANY_TEXTS, most=MAX_SHARED // 1_000_000)
            except FileUnreadable:
                raise
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
                # zlib.error is an Exception subclass that zipfile lets through: caught below
                raise unreadable(_NOT_READABLE, why=f"{info.filename}: {exc or type(exc).__name__}") from None
            except Exception as exc:  # zlib.error: damaged deflate data
                raise unreadable(_NOT_READABLE, why=f"{info.filename}: {type(exc).__name__}") from None


def _check_part(part: IO[bytes], name: str, inflated: int) -> int:
    run = 0  # bytes since the last '<'
    tail = b""
    while chunk := part.read(_CHUNK):
        inflated += len(chunk)
        if inflated > MAX_INFLATED:
            raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The workbook holds more than {most} MB of "
                                               "sheets: more than Contact Desk reads. Save fewer rows "
                                               "or columns in a file."), most=MAX_INFLATED // 1_000_000)
        if _DECLARATIONS.search(tail + chunk[:16]) or _DECLARATIONS.search(chunk):
            raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The workbook declares XML entities ({part}), "
                                               "which no spreadsheet program writes: it is not read"),
                             part=name)
        first = chunk.find(b"<")
        if first < 0:
            run += len(chunk)
        else:  # the text before the first tag goes on from the last chunk; between tags, its own
            inner = max(map(len, chunk.split(b"<")[1:-1]), default=0)
            run = max(run + first, inner)
            if run <= MAX_TEXT:
                run = len(chunk) - chunk.rfind(b"<") - 1
        if run > MAX_TEXT:
            raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The workbook has a cell or text longer than "
                                               "{most} characters ({part}): it is not read"),
                             most=MAX_TEXT, part=name)
        tail = chunk[-16:]
    return inflated


class Tabulate(Protocol):
    """readers.make_table: a table from a header row and data rows, the file's quirks put right."""

    def __call__(self, rows: Iterator[list[str]], source: Text, *, width: int = ...,
                 trim: bool = ...) -> Table: ...


def read_xlsx(data: bytes, make_table: Tabulate) -> Table:
    """The first sheet of an Excel file, through ``make_table`` (as a CSV's rows are)."""
    from openpyxl import load_workbook

    _check_parts(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise unreadable(_NOT_READABLE, why=type(exc).__name__) from None
    try:
        if not book.worksheets:
            raise unreadable(_NOT_READABLE, why="no sheet")
        sheet = book.worksheets[0]
        width = sheet.max_column or 0  # from the sheet's <dimension>: may be absent or wrong
        cells = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        source = Text.of(QT_TRANSLATE_NOOP("Transfer", "Excel ({sheet})"), sheet=sheet.title)
        return make_table(_until_empty(cells), source, width=width, trim=True)
    except FileUnreadable:
        raise
    except Exception as exc:  # a damaged sheet: ParseError, KeyError, ... from openpyxl
        raise unreadable(_NOT_READABLE, why=type(exc).__name__) from None
    finally:
        book.close()


def _until_empty(cells: Iterable[Sequence[object]]) -> Iterator[list[str]]:
    empty = 0
    for n, row in enumerate(cells, start=1):
        values = ["" if v is None else _excel_text(v) for v in row]
        if any(values):
            empty = 0
        else:
            empty += 1
            if empty >= EMPTY_RUN:
                return
        if n > MAX_ROWS + EMPTY_RUN + 1:
            raise unreadable(TOO_MANY_ROWS, n=MAX_ROWS)
        yield values


def _excel_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 393331234567.0 -> 393331234567
    return str(value)[:MAX_CELL * 2]
