"""The bytes of a contact file, read within bounds, and how to read them as text. Qt-free.

Real files are not one clean encoding: Outlook writes UTF-16 with a byte-order mark,
Apple's Address Book UTF-16 big-endian without one, old Excel Windows-1252, and a
UTF-8 file edited by two programs may hold a few Windows-1252 lines. A BOM decides;
else UTF-16 is told by its NUL bytes; else each line is UTF-8 when it decodes as such,
and the file's legacy code page (charset-normalizer among European code pages, told
from the lines that are not UTF-8) when it does not. Such lines are reported, so that
nothing is sent in the wrong letters without a word.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.table import unreadable

MAX_BYTES = 200 * 1024 * 1024  # read at most this much of a contact file
_SNIFF = 256 * 1024
_CHUNK = 1 << 20
LEGACY = ("cp1252", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850", "cp1251", "koi8_r")
_HIGH = re.compile(rb"[\x80-\xff]")


def read_bytes(path: Path) -> bytes:
    """The file's bytes: never more than MAX_BYTES is read, whatever its size says
    (``/dev/zero`` reads as size 0), and only regular files are read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise unreadable(QT_TRANSLATE_NOOP("Transfer", "{name} is not a file that can be imported"),
                             name=path.name)
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "Cannot read {path}: {why}"), path=str(path),
                         why=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_BYTES:
        raise unreadable(QT_TRANSLATE_NOOP("Transfer", "{name} is more than {most} MB: more than Contact "
                                           "Desk imports at once. Split it into smaller files."),
                         name=path.name, most=MAX_BYTES // 1_000_000)
    return data


@dataclass(frozen=True)
class Encoding:
    codec: str  # the whole file's codec; "" when each line is decided on its own
    name: str  # for people: "UTF-8", "UTF-16", "CP1252", "UTF-8, some lines CP1252"
    fallback: str = "cp1252"  # for a line (or a vCard value) that is not UTF-8

    @property
    def per_line(self) -> bool:
        return not self.codec


def _people(codec: str) -> str:
    return codec.replace("_", "-").upper()


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by its NULs: text in Latin letters has
    a NUL in every other byte (first in big-endian, second in little-endian)."""
    sample = head[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half < 4:
        return None
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    if first > half * 0.3 and second < half * 0.05:
        return "utf-16-be"
    if second > half * 0.3 and first < half * 0.05:
        return "utf-16-le"
    return None


def legacy_of(sample: bytes) -> str:
    """The legacy code page of ``sample`` (bytes that are not UTF-8)."""
    from charset_normalizer import from_bytes

    # Address books outside UTF-8 come from Windows or old Macs in Europe: guessing among
    # those keeps a short file from being read as Korean (JOHAB) or Chinese.
    matches = from_bytes(sample[:_SNIFF], cp_isolation=list(LEGACY))
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    # Between close single-byte code pages the bytes are often ambiguous (ò in Windows-1252
    # is ň in Windows-1250): Western Europe's Windows default wins unless clearly worse.
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if best is not None and western is not None and western.chaos <= best.chaos + 0.05:
        encoding = "cp1252"
    if encoding in ("ascii", "utf_8"):
        encoding = "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    return encoding


def detect(data: bytes) -> Encoding:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16", "UTF-16")
    wide = utf16_without_bom(data)
    if wide is not None:
        return Encoding(wide, "UTF-16")
    # UTF-8 with a BOM (Excel's "CSV UTF-8") may still hold lines another program added.
    signed = data.startswith(codecs.BOM_UTF8)
    utf8_lines, other = 0, bytearray()
    for line in _non_ascii_lines(data):
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            if len(other) < _SNIFF:
                other += line + b"\n"
    if not other:
        return Encoding("utf-8-sig" if signed else "utf-8", "UTF-8")
    fallback = legacy_of(bytes(other))
    if utf8_lines or signed:  # the BOM, if any, is cleaned off the first column's name
        return Encoding("", f"UTF-8, some lines {_people(fallback)}", fallback)
    return Encoding(fallback, _people(fallback), fallback)


def _non_ascii_lines(data: bytes) -> Iterator[bytes]:
    """The lines that hold a byte over 127 (each once; linear in the file's size). Searched a
    megabyte at a time: one search over a big file would hold every other thread."""
    found, size, at = _HIGH.search, len(data), 0
    while at < size:
        match = found(data, at, min(size, at + _CHUNK))
        if match is None:
            at += _CHUNK
            continue
        start = data.rfind(b"\n", 0, match.start()) + 1
        end = data.find(b"\n", match.start())
        end = size if end < 0 else end
        yield data[start:end]
        at = end + 1


class Lines:
    """The lines of a text file (ends kept), decoded as ``encoding`` says; ``odd`` is
    True once a line read in the fallback of a mixed file has been given (reset by the
    reader after each row)."""

    def __init__(self, data: bytes, encoding: Encoding) -> None:
        self.data, self.encoding = data, encoding
        self.odd = False

    def __iter__(self) -> Iterator[str]:
        if not self.encoding.per_line:
            # Decoded a buffer at a time: one call over a big file would hold every other
            # thread (the window) for tens of milliseconds.
            yield from io.TextIOWrapper(io.BytesIO(self.data), encoding=self.encoding.codec,
                                        errors="replace", newline="")
            return
        fallback = self.encoding.fallback
        for raw in io.BytesIO(self.data):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self.odd = True
                yield raw.decode(fallback, errors="replace")

    def head(self, size: int) -> str:
        if self.encoding.per_line:
            return self.data[:size].decode("utf-8", errors="replace")
        return self.data[:size * 4].decode(self.encoding.codec, errors="replace")[:size]


def decode_value(raw: bytes, charset: str | None, fallback: str) -> str:
    """A value's bytes (a vCard's quoted-printable, say): its declared charset when that
    is one Python knows, else UTF-8 when they are UTF-8, else the file's fallback."""
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(fallback, errors="replace")
