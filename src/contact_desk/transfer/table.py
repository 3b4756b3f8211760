"""What every reader gives: column names and rows of text, kept compactly, with what the
reader noticed about single rows (a line read in another encoding, a card that could not
be read). One mapping and one preview serve every format. Qt-free."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from contact_desk.api.errors import clean_text
from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.transfer.texts import Problem, Text

MAX_ROWS = 1_000_000
MAX_COLUMNS = 500
MAX_CELL = 10_000  # characters kept of one cell
_SEP = "\x1f"  # between the cells of a packed row; a control character, never kept in a cell


def _control_table() -> dict[int, None]:
    """Every control and format character but tab and newline (kept in notes and addresses):
    a file's ESC, BEL or bidi override must never reach a terminal or a window."""
    table = {cp: None for cp in range(0x20) if cp not in (0x09, 0x0A)}
    table.update({cp: None for cp in range(0x7F, 0xA0)})
    table.update({cp: None for cp in (0xAD, 0x061C, 0x180E, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB)})
    table.update({cp: None for cp in range(0x200B, 0x2010) if cp != 0x200D})  # ZWSP, LRM, RLM; ZWJ kept
    table.update({cp: None for cp in range(0x202A, 0x202F)})  # bidi embeddings and overrides
    table.update({cp: None for cp in range(0x2060, 0x2070)})  # word joiner, bidi isolates
    table.update({cp: None for cp in range(0xE0000, 0xE0080)})  # tag characters
    return table


_STRIP = _control_table()
_KEEP_SEP = {k: v for k, v in _STRIP.items() if k != 0x1F}


def clean(value: object, limit: int = MAX_CELL) -> str:
    """A value a file supplied, safe to keep, show and print: no control characters (ESC,
    BEL, NUL, bidi overrides; tab and newline stay), at most ``limit`` characters."""
    text = "" if value is None else str(value)
    if len(text) > limit * 2:
        text = text[:limit * 2]
    return text.translate(_STRIP)[:limit]


class FileUnreadable(Problem):
    """The file cannot be read as contacts, in words a user understands."""


def unreadable(template: str, **values: object) -> FileUnreadable:
    """A file's texts among ``values`` go on one line, cleaned, at most 200 characters."""
    return FileUnreadable(Text.of(template, None, **{k: clean_text(v, 200) if isinstance(v, str) else v
                                                      for k, v in values.items()}))


class Rows(Sequence[list[str]]):
    """A table's rows, each kept as one string (cells joined by a control character):
    a million rows of sixty short cells take ~300 MB instead of ~4 GB as lists of
    strings. Reading a row gives a new list of its cells."""

    __slots__ = ("_packed", "width")

    def __init__(self, width: int, rows: Sequence[Sequence[str]] = ()) -> None:
        self.width = width
        self._packed: list[str] = []
        for row in rows:
            self.append(row)

    def append(self, cells: Sequence[str]) -> None:
        """A row as a file gave it: cleaned (``clean``), missing cells empty, extra ones dropped."""
        self._packed.append(self._pack(cells))

    def _pack(self, cells: Sequence[str]) -> str:
        """One translate over the joined row where no cell is too long (the usual case): a call
        per cell would cost seconds on a million rows."""
        row = list(cells[:self.width])
        row += [""] * (self.width - len(row))
        packed = _SEP.join(row)
        if packed.count(_SEP) == self.width - 1 and max(map(len, row), default=0) <= MAX_CELL:
            return packed.translate(_KEEP_SEP)
        return _SEP.join(clean(c) for c in row)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...

    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [p.split(_SEP) for p in self._packed[index]]
        return self._packed[index].split(_SEP)

    def __iter__(self) -> Iterator[list[str]]:
        for packed in self._packed:
            yield packed.split(_SEP)

    def __delitem__(self, index: int | slice) -> None:
        del self._packed[index]

    def having(self, text: str) -> list[int]:
        """The indexes of the rows where ``text`` occurs in some cell (a quick look)."""
        return [i for i, packed in enumerate(self._packed) if text in packed]

    def __setitem__(self, index: int, cells: Sequence[str]) -> None:
        self._packed[index] = self._pack(cells)

    def add_column(self, values: Sequence[str]) -> None:
        """One more cell at the end of every row (``values`` has one per row)."""
        self.width += 1
        self._packed = [f"{p}{_SEP}{v}" for p, v in zip(self._packed, values, strict=True)]


@dataclass
class Table:
    columns: list[str]
    rows: Rows = field(default_factory=lambda: Rows(0))
    # What was read: "CSV (UTF-16, tab-separated)", "Excel (Sheet1)", "vCard".
    source: Text = field(default_factory=lambda: Text(""))
    notes: dict[int, list[Text]] = field(default_factory=dict)  # row (1-based) -> what the reader noticed
    broken: dict[int, Text] = field(default_factory=dict)  # row (1-based) -> why it could not be read
    file_notes: list[Text] = field(default_factory=list)  # about the whole file (columns not read, ...)
    delimiter: str = ","  # how a CSV was written: its failed rows are written back the same way
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        if self.rows.width != len(self.columns):
            self.rows = Rows(len(self.columns), list(self.rows))

    def note(self, row: int, text: Text) -> None:
        self.notes.setdefault(row, []).append(text)


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


def release(items: list[Any] | Rows, chunk: int = 5000) -> None:
    """Empties a big list a slice at a time: freeing 100,000 rows in one go holds every other
    thread (the window) for tens of milliseconds; in slices the window gets its turns."""
    while items:
        del items[-chunk:]
        time.sleep(0)  # let the other threads have the interpreter
    gc.unfreeze()  # what no_gc_pauses froze and still lives: the collector's again (constant time)


TOO_MANY_ROWS = QT_TRANSLATE_NOOP("Transfer", "More than {n} rows: split the file")
