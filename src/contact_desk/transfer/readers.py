"""Reading contact files: CSV (any of the usual encodings and delimiters), Excel
``.xlsx`` (the first sheet) and vCard 2.1 / 3.0 / 4.0. Qt-free.

Every reader gives a ``Table``: column names and rows of text, so one mapping and
one preview serve every format. vCards become columns named like our own export's
(``firstName``, ``email``, ``phoneNumber``, ...), extra emails and phones in
``email2``/``phoneNumber2`` columns, so they map by themselves.

Libraries rather than hand-written parsers: ``charset-normalizer`` tells the
encoding of a CSV (UTF-16 from Outlook, Windows-1252 from old Excel), ``csv``
reads quoted newlines, ``openpyxl`` reads xlsx without loading formulas' code,
``vobject`` reads folded lines, quoted-printable and every vCard version.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gc
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.texts import Problem, Text

MAX_BYTES = 200 * 1024 * 1024  # a contact file larger than this is refused, not read
MAX_ROWS = 1_000_000
MAX_COLUMNS = 500
MAX_CELL = 10_000  # characters kept of one cell
_SNIFF = 64 * 1024
_LEGACY = ("cp1252", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850", "cp1251", "koi8_r")


class FileUnreadable(Problem):
    """The file cannot be read as contacts, in words a user understands."""


def _unreadable(template: str, **values: object) -> FileUnreadable:
    return FileUnreadable(Text.of(template, None, **values))


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    # What was read: "CSV (UTF-16, tab-separated)", "Excel (Sheet1)", "vCard".
    source: Text = field(default_factory=lambda: Text(""))


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Reading and checking a big file allocates millions of small objects: Python's cycle
    collector would stop every thread (the window's too) for tens of milliseconds, again and
    again. Reference counting frees them meanwhile. At the end they are frozen (moved where
    the collector does not look, in constant time): re-enabled with a million new objects in
    its youngest generation, the collector's next pass would stop every thread for ~40 ms.
    ``release`` gives them back once the rows are gone."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


def release(items: list[Any], chunk: int = 5000) -> None:
    """Empties a big list a slice at a time: freeing 100,000 rows in one go holds every other
    thread (the window) for tens of milliseconds; in slices the window gets its turns."""
    while items:
        del items[-chunk:]
        time.sleep(0)  # let the other threads have the interpreter
    gc.unfreeze()  # what no_gc_pauses froze and still lives: the collector's again (constant time)


def read(path: Path) -> Table:
    """Any supported file, by its content and name."""
    with no_gc_pauses():
        return _read(path)


def _read(path: Path) -> Table:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "Cannot read {path}: {why}"), path=path,
                          why=exc.strerror or exc) from None
    if size > MAX_BYTES:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "{name} is {size} MB: more than Contact Desk imports "
                                            "at once ({most} MB). Split it into smaller files."),
                          name=path.name, size=round(size / 1e6), most=MAX_BYTES // 1_000_000)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "Cannot read {path}: {why}"), path=path,
                          why=exc.strerror or exc) from None
    name = path.name.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith((".xlsx", ".xlsm")):
        return read_xlsx(data)
    if name.endswith((".vcf", ".vcard")) or b"BEGIN:VCARD" in data[:4096].upper():
        return read_vcards(decode(data)[0])
    return read_csv(data)


# -- CSV -------------------------------------------------------------------------
def encoding_of(data: bytes) -> tuple[str, str]:
    """The codec to read ``data`` with and its name for people: a BOM decides, else UTF-8
    when it decodes as such, else charset-normalizer among European code pages."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
            (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
    for bom, codec, name in boms:
        if data.startswith(bom):
            return codec, name
    checker = codecs.getincrementaldecoder("utf-8")()
    try:  # the whole file, a megabyte at a time (one long call would hold the other threads)
        for start in range(0, len(data), 1 << 20):
            checker.decode(data[start:start + (1 << 20)])
        checker.decode(b"", final=True)
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Address books outside UTF-8 come from Windows or old Macs in Europe: guessing among
    # those keeps a short file from being read as Korean (JOHAB) or Chinese.
    matches = from_bytes(data[:_SNIFF * 4], cp_isolation=list(_LEGACY))
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    # Between close single-byte code pages the bytes are often ambiguous (ò in Windows-1252
    # is ň in Windows-1250): Western Europe's Windows default wins unless clearly worse.
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if best is not None and western is not None and western.chaos <= best.chaos + 0.05:
        encoding = "cp1252"
    if encoding in ("ascii", "utf_8"):
        encoding = "cp1252"  # not UTF-8 after all (it failed above): the Windows default
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    return encoding, encoding.replace("_", "-").upper()


def decode(data: bytes) -> tuple[str, str]:
    """The whole text and the name of its encoding."""
    codec, name = encoding_of(data)
    return data.decode(codec, errors="replace"), name


def read_csv(data: bytes) -> Table:
    codec, encoding = encoding_of(data)
    # Decoded as the rows are read, a buffer at a time: one call over a big file would hold
    # every other thread (the window) for tens of milliseconds.
    text = io.TextIOWrapper(io.BytesIO(data), encoding=codec, errors="replace", newline="")
    head = text.read(_SNIFF)
    text.seek(0)
    delimiter = _delimiter(head)
    rows = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, skipinitialspace=False,
                      strict=False)
    named = {",": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, comma-separated)"),
             ";": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, semicolon-separated)"),
             "\t": QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, tab-separated)")}
    other = QT_TRANSLATE_NOOP("Transfer", "CSV ({encoding}, separated by {delimiter})")
    template = named.get(delimiter, other)
    return _table(rows, Text.of(template, encoding=encoding, delimiter=delimiter))


_SPLIT_BIRTHDAY = ("birth year", "birth month", "birth day")  # Thunderbird writes a birthday so


def _joined_birthday(table: Table) -> Table:
    """Thunderbird's Birth Year / Birth Month / Birth Day as one more column, Birthday
    (1985-07-04), which maps like any other; a date without its year cannot be sent
    (the API wants a whole date) and is left empty, the rest of the row imports."""
    where = {c.casefold(): i for i, c in enumerate(table.columns)}
    if "birthday" in where or any(n not in where for n in _SPLIT_BIRTHDAY):
        return table
    y, m, d = (where[n] for n in _SPLIT_BIRTHDAY)
    table.columns.append("Birthday")
    for row in table.rows:
        try:
            row.append(date(int(row[y]), int(row[m]), int(row[d])).isoformat())
        except ValueError:
            row.append("")
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


def _table(rows: Iterator[list[str]], source: Text) -> Table:
    try:
        header = next(rows)
    except StopIteration:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "The file is empty")) from None
    except csv.Error as exc:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "The file is not readable as CSV: {why}"),
                          why=exc) from None
    columns = [_cell(h).strip() or f"Column {i + 1}" for i, h in enumerate(header[:MAX_COLUMNS])]
    if not any(c for c in columns):
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "The first row has no column names"))
    table = Table(columns, source=source)
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue  # blank lines between records
            if len(table.rows) >= MAX_ROWS:
                raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "More than {n} rows: split the file"),
                                  n=MAX_ROWS)
            cells = [_cell(c) for c in row[:len(columns)]]
            table.rows.append(cells + [""] * (len(columns) - len(cells)))
    except csv.Error as exc:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "Row {n} is not readable as CSV: {why}"),
                          n=len(table.rows) + 2, why=exc) from None
    return _joined_birthday(table)  # a spreadsheet saved from Thunderbird's CSV keeps its columns


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text[:MAX_CELL].replace("\x00", "")


# -- Excel ------------------------------------------------------------------------
def read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "The file is not a readable Excel workbook ({why})"),
                          why=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        rows = (["" if v is None else _excel_text(v) for v in row] for row in cells)
        return _table(rows, Text.of(QT_TRANSLATE_NOOP("Transfer", "Excel ({sheet})"), sheet=sheet.title))
    finally:
        book.close()


def _excel_text(value: object) -> str:
    from datetime import datetime

    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 393331234567.0 -> 393331234567
    return str(value)


# -- vCard -------------------------------------------------------------------------
VCARD_COLUMNS = ["firstName", "lastName", "company", "jobTitle", "email", "email2", "email3",
                 "phoneNumber", "phoneNumber2", "phoneNumber3", "street", "city", "state", "postalCode",
                 "country", "website", "birthday", "notes", "tags"]


def read_vcards(text: str) -> Table:
    import vobject

    table = Table(list(VCARD_COLUMNS), source=Text("vCard"))
    try:
        for card in vobject.readComponents(text, ignoreUnreadable=True):
            if card.name != "VCARD":
                continue
            if len(table.rows) >= MAX_ROWS:
                raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "More than {n} contacts: split the file"),
                                  n=MAX_ROWS)
            values = _card(card)
            table.rows.append([_cell(values.get(c, "")) for c in VCARD_COLUMNS])
    except FileUnreadable:
        raise
    except Exception as exc:  # vobject's parse errors have no common base
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "Contact {n} is not a readable vCard ({why})"),
                          n=len(table.rows) + 1, why=exc) from None
    if not table.rows:
        raise _unreadable(QT_TRANSLATE_NOOP("Transfer", "The file holds no vCard"))
    return table


def _values(card: object, name: str) -> list[object]:
    return list(getattr(card, "contents", {}).get(name, []))


def _text(item: object) -> str:
    value = getattr(item, "value", "")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).strip()


def _card(card: object) -> dict[str, str]:
    out: dict[str, str] = {}
    names = _values(card, "n")
    if names:
        n = getattr(names[0], "value", None)
        out["firstName"] = " ".join(p for p in [str(getattr(n, "given", "") or "")] if p).strip()
        out["lastName"] = str(getattr(n, "family", "") or "").strip()
    if not out.get("firstName") and not out.get("lastName"):
        full = _values(card, "fn")
        if full:
            first, _, last = _text(full[0]).rpartition(" ")
            out["firstName"], out["lastName"] = (first, last) if first else (last, "")
    emails = sorted(_values(card, "email"), key=_preferred)
    for i, item in enumerate(emails[:3]):
        out["email" if i == 0 else f"email{i + 1}"] = _text(item)
    phones = sorted(_values(card, "tel"), key=_preferred)
    for i, item in enumerate(phones[:3]):
        out["phoneNumber" if i == 0 else f"phoneNumber{i + 1}"] = _text(item).removeprefix("tel:")
    org = _values(card, "org")
    if org:
        value = getattr(org[0], "value", "")
        out["company"] = (value[0] if isinstance(value, list) and value else str(value)).strip()
    for field_, key in (("title", "jobTitle"), ("url", "website"), ("note", "notes")):
        found = _values(card, field_)
        if found:
            out[key] = _text(found[0])
    bday = _values(card, "bday")
    if bday:
        out["birthday"] = _text(bday[0])
    adr = _values(card, "adr")
    if adr:
        a = getattr(adr[0], "value", None)
        for attr, key in (("street", "street"), ("city", "city"), ("region", "state"),
                          ("code", "postalCode"), ("country", "country")):
            part = getattr(a, attr, "")
            out[key] = (", ".join(part) if isinstance(part, list) else str(part or "")).strip()
    cats = _values(card, "categories")
    if cats:
        out["tags"] = ", ".join(_text(c) for c in cats)
    return out


def _preferred(item: object) -> int:
    """PREF (vCard 3/4) or TYPE=pref first, then work, then the rest in file order."""
    params = getattr(item, "params", {}) or {}
    types = {str(t).lower() for t in params.get("TYPE", [])}
    pref = "pref" in types or "PREF" in params
    return 0 if pref else 1 if "work" in types else 2
