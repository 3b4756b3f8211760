"""What can go wrong with the offline copy's file, and SQLite's errors put in those terms."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class CopyDamaged(Exception):
    """The file is not a usable copy (not a database, truncated, damaged, from a newer app)."""


class CopyBusy(Exception):
    """Another program holds the file locked longer than we wait."""


class CopyNotWritten(Exception):
    """A write failed for lack of room or an I/O error: everything since the last commit is
    undone (rows and the walk's place together); the file itself is fine."""


class CopyClosed(Exception):
    """The copy was closed (the window quit or switched account) while work was asked of it.
    Not damage: the file is as the last commit left it."""


def _damaged(exc: sqlite3.Error) -> bool:
    """Only what says the file itself is bad. A closed connection (ProgrammingError), a full
    disk or an I/O error is not damage: setting the file aside would throw a good copy away."""
    if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError)):
        return False
    if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return True
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "corrupt", "no such table",
                                   "no such column"))


def _not_written(exc: sqlite3.Error, folder: Path | None) -> CopyNotWritten | None:
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    where = f" in {folder}" if folder is not None else ""
    if name == "SQLITE_FULL" or "disk is full" in text:
        return CopyNotWritten(f"The offline copy could not be saved: the disk is full{where}. What was "
                              "saved before is kept; free some space and the next sync goes on from there")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return CopyNotWritten(f"The offline copy could not be saved: the disk reported an error{where}. "
                              "What was saved before is kept")
    return None


@contextlib.contextmanager
def translating(folder: Path | None = None) -> Iterator[None]:
    """SQLite's errors as CopyDamaged / CopyBusy / CopyNotWritten / CopyClosed."""
    try:
        yield
    except sqlite3.Error as exc:
        failed = _not_written(exc, folder)
        if failed is not None:
            raise failed from None
        if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc).lower():
            raise CopyClosed(str(exc)) from None
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise CopyBusy(str(exc)) from None
        if _damaged(exc):
            raise CopyDamaged(str(exc)) from None
        raise
