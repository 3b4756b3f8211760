"""Writers for exported contacts: JSON Lines and CSV that opens cleanly in Excel."""

from __future__ import annotations

import csv
import sys
import time
from typing import IO, Any, Protocol

import msgspec

from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema

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


class Progress:
    """A one-line progress report on stderr, only when stderr is a terminal."""

    def __init__(self, stream: IO[str] | None = None, every: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.every = every
        self._last = 0.0
        self.count = 0
        self.total: int | None = None

    def step(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        if self.total:
            share = min(1.0, self.count / self.total)
            bar = "#" * int(share * 30)
            self.stream.write(f"\r[{bar:<30}] {self.count:,} / {self.total:,} contacts")
        else:
            self.stream.write(f"\r{self.count:,} contacts")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
