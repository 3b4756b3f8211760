"""Export writers: CSV that opens cleanly in Excel, JSON Lines, Excel ``.xlsx`` and vCard 4.0.
Each takes one contact at a time, so an export of any size stays within bounded memory
(openpyxl's write-only mode keeps rows in a temporary file until the workbook is saved)."""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import IO, Any, Protocol

import msgspec

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema, Field, Kind
from contact_desk.api.validate import phone_for_people
from contact_desk.transfer.vcard import to_vcard

XLSX_MAX_ROWS = 1_048_575  # Excel's limit, less the header
# What XML 1.0 (and so Excel) cannot hold: C0 controls but tab, line feed and carriage return.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


_FORMULA = ("=", "@", "\t", "\r")


class Writer(Protocol):
    def write(self, contact: Contact) -> None: ...

    def close(self) -> None: ...


class JsonLines:
    """One contact object per line with the API's field names."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self._encoder = msgspec.json.Encoder()

    def write(self, contact: Contact) -> None:
        self.out.write(self._encoder.encode(contact) + b"\n")

    def close(self) -> None:
        self.out.flush()


def csv_cell(value: Any) -> str:
    """A cell Excel shows as text: lists joined, formula starts neutralised."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    starts_formula = text.startswith(_FORMULA) or (
        text[:1] in ("+", "-") and not text[1:].replace(" ", "").isdigit())
    return "'" + text if starts_formula else text


class Csv:
    """UTF-8 with a byte-order mark and CRLF rows: Excel opens it with accents intact."""

    def __init__(self, out: IO[str], schema: DialectSchema) -> None:
        self.fields = list(schema.stored)
        self.out = out
        out.write("\ufeff")
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow([f.name for f in self.fields])

    def write(self, contact: Contact) -> None:
        self._writer.writerow([csv_cell(getattr(contact, f.attr)) for f in self.fields])

    def close(self) -> None:
        self.out.flush()


def write_mixed_csv(out: IO[str], rows: Sequence[tuple[str, DialectSchema, Contact]]) -> None:
    """Contacts of one or several accounts in one CSV (as Csv writes it): an Account column, then
    every stored field of their dialects by its API name."""
    names: list[str] = []
    for _account, schema, _contact in rows:
        names += [f.name for f in schema.stored if f.name not in names]
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["account", *names])
    for account, schema, contact in rows:
        attrs = {f.name: f.attr for f in schema.stored}
        writer.writerow([csv_cell(account), *(csv_cell(getattr(contact, attrs[n])) if n in attrs else ""
                                              for n in names)])
    out.flush()


class Presenter(Protocol):
    """How the window shows fields and values to people, in its language (the command line
    keeps the API's names and values)."""

    def header(self, field: Field) -> str: ...

    def text(self, field: Field, value: Any) -> str: ...


class PlainPeople:
    """The command line's ``--labels``: the schema's English labels and choice labels, phones as
    the window shows them (no Qt, so no translation)."""

    def header(self, field: Field) -> str:
        return field.label

    def text(self, field: Field, value: Any) -> str:
        if field.kind is Kind.ENUM:
            return field.choice_label(str(value))
        if field.kind is Kind.PHONE:
            return phone_for_people(str(value))
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


# Excel's built-in date formats 14 and 22 follow the reader's own regional settings.
_DATE_FORMAT, _TIME_FORMAT = "mm-dd-yy", "m/d/yy h:mm"
_WIDTHS = {Kind.EMAIL: 32, Kind.URL: 30, Kind.MULTILINE: 40, Kind.TAGS: 24, Kind.PHONE: 18,
           Kind.DATE: 12, Kind.TIMESTAMP: 17}


class Xlsx:
    """Sheets "Contacts", "Contacts 2", ... (1,048,575 contacts each, Excel's limit): a header,
    then one row each. Characters Excel cannot hold (a vertical tab or ESC from Outlook data)
    become a space; ``replaced`` counts them. With ``people`` (the window's export) the sheet is
    for reading: labels as the header (bold, frozen, with an autofilter), choices, countries and
    phones as people read them, dates as real Excel dates, columns sized to their content;
    without it, the API's names and values (the command line's)."""

    def __init__(self, out: IO[bytes], schema: DialectSchema, people: Presenter | None = None) -> None:
        from openpyxl import Workbook

        self.out = out
        self.fields = list(schema.stored)
        self.people = people
        self.book = Workbook(write_only=True)
        self.sheets = 0
        self.rows = 0
        self.replaced = 0
        self._filled: list[tuple[Any, int]] = []  # (sheet, rows) for the autofilters
        self.sheet: Any = None
        self._new_sheet()

    def _new_sheet(self) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        if self.sheets:
            self._filled.append((self.sheet, self.rows))
        self.sheets += 1
        self.sheet = self.book.create_sheet("Contacts" if self.sheets == 1 else f"Contacts {self.sheets}")
        self.rows = 0
        if self.people is None:
            self.sheet.append([f.name for f in self.fields])
            return
        self.sheet.freeze_panes = "A2"
        header = []
        for i, f in enumerate(self.fields):
            label = self.people.header(f)
            self.sheet.column_dimensions[get_column_letter(i + 1)].width = max(_WIDTHS.get(f.kind, 16),
                                                                               len(label) + 4)
            cell = WriteOnlyCell(self.sheet, value=label)
            cell.font = Font(bold=True)
            header.append(cell)
        self.sheet.append(header)

    def write(self, contact: Contact) -> None:
        if self.rows >= XLSX_MAX_ROWS:
            self._new_sheet()
        if self.people is None:
            self.sheet.append([self._cell(f.kind, getattr(contact, f.attr)) for f in self.fields])
        else:
            self.sheet.append([self._for_people(f, getattr(contact, f.attr)) for f in self.fields])
        self.rows += 1

    def _for_people(self, field: Field, value: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        assert self.people is not None
        if value is None or value in ("", []):
            return None
        if field.kind in (Kind.DATE, Kind.TIMESTAMP):
            moment = _moment(field.kind, value)
            if moment is not None:  # a real date: Excel sorts, filters and formats it
                cell = WriteOnlyCell(self.sheet, value=moment)
                cell.number_format = _DATE_FORMAT if field.kind is Kind.DATE else _TIME_FORMAT
                return cell
        return self._cell(Kind.TEXT, self.people.text(field, value))

    def _cell(self, kind: Kind, value: Any) -> Any:
        text = _cell(kind, value)
        if isinstance(text, str) and _ILLEGAL.search(text):
            text, n = _ILLEGAL.subn(" ", text)
            self.replaced += n
        return text

    def close(self) -> None:
        if self.people is not None:
            from openpyxl.utils import get_column_letter

            last = get_column_letter(len(self.fields))
            for sheet, rows in [*self._filled, (self.sheet, self.rows)]:
                sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
        target = _Quiet(self.out)
        try:
            self.book.save(target)
        except BaseException:
            target.failed = True  # openpyxl's ZipFile, closed again when collected, stays quiet
            raise
        self.out.flush()


    def abandon(self) -> None:
        """An export stopped before its end (an error, a cancel, a full disk): openpyxl's sheets
        are closed and their temporary files removed. Left to the garbage collector, each sheet's
        rows printed an 'Exception ignored … I/O operation on closed file' traceback after our
        message, and its temporary file stayed in the temp folder."""
        for sheet in self.book.worksheets:
            for made in (getattr(sheet, "_rows", None), getattr(getattr(sheet, "_writer", None), "xf", None)):
                if made is not None:
                    with contextlib.suppress(Exception):  # closed here, quietly, not by the collector
                        made.close()
            temporary = getattr(getattr(sheet, "_writer", None), "out", None)
            if isinstance(temporary, str):
                with contextlib.suppress(OSError):
                    os.remove(temporary)


def discard(writer: Writer | None) -> None:
    """``writer`` given up before its end: what it holds outside the output goes (Xlsx's sheets)."""
    if isinstance(writer, Xlsx):
        writer.abandon()


class _Quiet:
    """The file an xlsx is saved into. After a failed save (a full disk) writes are dropped:
    openpyxl leaves its ZipFile open, and when the garbage collector closes it, it would write
    to the closed file and print an 'Exception ignored' traceback after our message. Positions
    stay consistent, so that its arithmetic does not fail either."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.failed = False
        try:
            self.pos: int | None = raw.tell()
        except OSError:  # a pipe: zipfile then writes without seeking
            self.pos = None

    def write(self, data: bytes) -> int:
        if not self.failed:
            self.raw.write(data)
        if self.pos is not None:
            self.pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self.pos is None:
            raise OSError("not seekable")
        if self.failed:
            self.pos = offset if whence == 0 else self.pos + offset
        else:
            self.pos = self.raw.seek(offset, whence)
        return self.pos

    def tell(self) -> int:
        if self.pos is None:
            raise OSError("not seekable")
        return self.pos

    def flush(self) -> None:
        if not self.failed:
            self.raw.flush()

    def seekable(self) -> bool:
        return self.pos is not None


def _moment(kind: Kind, value: Any) -> date | datetime | None:
    """A date (yyyy-mm-dd...) or a timestamp (ISO, UTC) as Excel takes it: naive, local time."""
    text = str(value)
    try:
        if kind is Kind.DATE:
            return date.fromisoformat(text[:10])
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _cell(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return csv_cell(value)  # text, never a number ("+39..." stays text); a formula made inert, as in CSV


class VCards:
    """vCard 4.0 (RFC 6350) or 3.0 (desktop Outlook), one card per contact, CRLF lines."""

    def __init__(self, out: IO[str], version: str = "4.0") -> None:
        self.out = out
        self.version = version

    def write(self, contact: Contact) -> None:
        self.out.write(to_vcard(contact, self.version))

    def close(self) -> None:
        self.out.flush()


FORMATS = {"csv": False, "jsonl": True, "xlsx": True, "vcf": False, "vcf3": False}  # format -> binary output


def writer_for(fmt: str, out: IO[Any], schema: DialectSchema, people: Presenter | None = None) -> Any:
    """The writer of export format ``fmt`` (csv, jsonl, xlsx, vcf) on ``out``; ``people``: an
    Excel sheet for reading (the window's)."""
    if fmt == "jsonl":
        return JsonLines(out)
    if fmt == "xlsx":
        return Xlsx(out, schema, people)
    if fmt in ("vcf", "vcf3"):
        return VCards(out, "3.0" if fmt == "vcf3" else "4.0")
    return Csv(out, schema)
