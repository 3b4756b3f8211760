"""Reading contact files: CSV (any of the usual encodings and delimiters), Excel
``.xlsx`` (the first sheet, ``excel.py``) and vCard 2.1 / 3.0 / 4.0 (``vcards.py``).
Qt-free.

Every reader gives a ``Table`` (``table.py``): column names and rows of text, so one
mapping and one preview serve every format. What real exporters write is put right
here, once for every format: Thunderbird's split birthday, Outlook's Exchange
addresses, our own export's anti-formula apostrophe. ``csv`` reads quoted newlines;
``text_encodings.py`` tells how the bytes are to be read, line by line where a file
mixes encodings.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.table import (
    MAX_COLUMNS,
    MAX_ROWS,
    TOO_MANY_ROWS,
    FileUnreadable,
    Rows,
    Table,
    clean,
    no_gc_pauses,
    release,
    unreadable,
)
from contact_desk.transfer.text_encodings import Encoding, Lines, detect, read_bytes, utf16_without_bom
from contact_desk.transfer.texts import NO_YEAR, Text

__all__ = ["FileUnreadable", "Table", "make_table", "read", "read_csv", "release"]

_SNIFF = 64 * 1024


def read(path: Path) -> Table:
    """Any supported file, by its content and name."""
    with no_gc_pauses():
        return _read(path)


def _read(path: Path) -> Table:
    data = read_bytes(path)
    name = path.name.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith((".xlsx", ".xlsm")):
        from contact_desk.transfer.excel import read_xlsx

        return read_xlsx(data, make_table)
    head = data[:8192]
    wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head)
    if not wide and _binary(head):
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "{name} is not a CSV, Excel or vCard file"),
                         name=path.name)
    encoding = detect(data)
    probe = Lines(data, encoding).head(4096).upper()
    if name.endswith((".vcf", ".vcard")) or "BEGIN:VCARD" in probe:
        from contact_desk.transfer.vcards import read_vcards

        return read_vcards(data, encoding)
    return read_csv(data, encoding)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def _binary(head: bytes) -> bool:
    """An image or an archive, not text: many control bytes (a stray NUL in a CSV is not)."""
    return len(head.translate(None, delete=_CONTROL_BYTES)) < len(head) * 0.95


# -- CSV -------------------------------------------------------------------------
def read_csv(data: bytes, encoding: Encoding | None = None) -> Table:
    encoding = encoding or detect(data)
    lines = Lines(data, encoding)
    delimiter = _delimiter(lines.head(_SNIFF))
    rows = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, skipinitialspace=False,
                      strict=False)
    named = {",": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, comma-separated)"),
             ";": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, semicolon-separated)"),
             "\t": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, tab-separated)")}
    other = QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, separated by {delimiter})")
    template = named.get(delimiter, other)
    table = make_table(rows, Text.of(template, encoding=encoding.name, delimiter=delimiter), lines=lines)
    table.delimiter, table.encoding = delimiter, encoding.codec or "utf-8"
    return table


def _delimiter(text: str) -> str:
    """The header line decides (column names seldom hold a delimiter); the csv module's
    sniffer only when the header holds none of them."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(text[:_SNIFF], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def make_table(rows: Iterator[list[str]], source: Text, *, width: int = 0,
               lines: Lines | None = None, trim: bool = False) -> Table:
    """A table from a header row and data rows (CSV or Excel); ``width``: how many columns
    the file says it has, when it says so; ``lines``: where a CSV's rows come from, to
    note the rows read in a mixed file's other encoding; ``trim``: empty names at the end
    of the header are no columns (Excel)."""
    try:
        header = next(rows)
    except StopIteration:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The file is empty")) from None
    except csv.Error as exc:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The file is not readable as CSV: {why}"),
                         why=str(exc)) from None
    header = list(header)
    if trim:  # a sheet's <dimension> pads the header with empty cells up to its last column
        while header and not str(header[-1]).strip():
            header.pop()
    columns = [clean(h, 200).strip() or f"Column {i + 1}" for i, h in enumerate(header[:MAX_COLUMNS])]
    if not any(c for c in columns):
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "The first row has no column names"))
    table = Table(columns, Rows(len(columns)), source=source)
    if max(width, len(header)) > MAX_COLUMNS:
        table.file_notes.append(Text.of(QT_TRANSLATE_NOOP(
            "Transfer", "The file has {n} columns: only the first {most} are read"),
            n=max(width, len(header)), most=MAX_COLUMNS))
    odd = Text(QT_TRANSLATE_NOOP("Transfer", "this row is not in UTF-8 like the rest of the file: read "
                                             "as Windows code page; check its accents"))
    try:
        if lines is not None:
            lines.odd = False
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue  # blank lines between records
            if len(table.rows) >= MAX_ROWS:
                raise unreadable(TOO_MANY_ROWS, n=MAX_ROWS)
            table.rows.append(row)
            if lines is not None and lines.odd:
                table.note(len(table.rows), odd)
                lines.odd = False
    except csv.Error as exc:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "Row {n} is not readable as CSV: {why}"),
                         n=len(table.rows) + 2, why=str(exc)) from None
    return put_right(table)


# -- What exporters write, put right for every format ----------------------------------------
_SPLIT_BIRTHDAY = ("birth year", "birth month", "birth day")  # Thunderbird writes a birthday so
_FORMULA_STARTS = ("=", "+", "-", "@", "\t")  # after our export's apostrophe


def put_right(table: Table) -> Table:
    _joined_birthday(table)
    _exchange_addresses(table)
    _unguarded(table)
    return table


def _where(table: Table) -> dict[str, int]:
    return {" ".join(c.casefold().split()): i for i, c in enumerate(table.columns)}


def _joined_birthday(table: Table) -> None:
    """Thunderbird's Birth Year / Birth Month / Birth Day as one more column, Birthday
    (1985-07-04), which maps like any other; a date without its year cannot be sent
    (the API wants a whole date) and is left empty, the rest of the row imports."""
    where = _where(table)
    if "birthday" in where or any(n not in where for n in _SPLIT_BIRTHDAY):
        return
    y, m, d = (where[n] for n in _SPLIT_BIRTHDAY)
    table.columns.append("Birthday")
    joined = []
    for n, row in enumerate(table.rows, start=1):
        try:
            joined.append(date(int(row[y]), int(row[m]), int(row[d])).isoformat())
        except ValueError:
            joined.append("")
            if row[m].strip() and row[d].strip() and not row[y].strip():
                table.note(n, replace(NO_YEAR, field="birthday"))
    table.rows.add_column(joined)


def _exchange_addresses(table: Table) -> None:
    """Outlook writes an Exchange user's address as ``/o=ExchangeLabs/ou=.../cn=...`` (type
    EX) in "E-mail Address"; the SMTP address, when it knows it, is in E-mail 2 or 3."""
    where = _where(table)
    slots = [(where.get(f"{p} address"), where.get(f"{p} type")) for p in ("e-mail", "e-mail 2", "e-mail 3")]
    first, first_type = slots[0]
    if first is None:
        return
    exchange = Text(QT_TRANSLATE_NOOP("Transfer", "an Exchange address, not an email: the row's SMTP "
                                                  "address was used, if it has one"), field="email")
    for n in table.rows.having("/"):
        row = table.rows[n]
        kind = row[first_type] if first_type is not None else ""
        if not (kind.strip().upper() == "EX" or row[first].strip().lower().startswith("/o=")):
            continue
        for address, address_type in slots[1:]:
            if address is None or "@" not in row[address]:
                continue
            if address_type is None or row[address_type].strip().upper() in ("SMTP", ""):
                row[first], row[address] = row[address], ""
                break
        else:
            row[first] = ""
        table.rows[n] = row
        table.note(n + 1, exchange)


def _unguarded(table: Table) -> None:
    """Our CSV export writes ``'-Anna`` and ``'=SUM`` so that Excel shows text, not a
    formula: the apostrophe comes off when such a file is imported back."""
    for n in table.rows.having("'"):
        row = table.rows[n]
        new = [cell[1:] if cell[:1] == "'" and cell[1:2] in _FORMULA_STARTS else cell for cell in row]
        if new != row:
            table.rows[n] = new
