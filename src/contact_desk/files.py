"""Files the app writes (exports, account records, reports): all or nothing.

``atomic_write`` writes a temporary file beside the target and renames it into
place only when the whole content was written and flushed to disk; on any
failure (an exception, Ctrl+C) the temporary file is removed and the target
is exactly as it was. A ``kill -9`` can leave only a hidden ``.NAME.*.part``
file behind, never a partial target. No Qt here.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

PRIVATE_DIR = 0o700


class FileProblem(Exception):
    """A file or folder that cannot be written, in words a user understands."""


class DiskFull(FileProblem):
    """The disk (or the user's quota) is full: not the user's input, the machine's state."""


def _describe(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _problem(path: Path, exc: OSError) -> FileProblem:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"Cannot write {path}: the disk holding {path.parent} is full ({_describe(exc)})")
    return FileProblem(f"Cannot write {path}: {_describe(exc)}")


def check_writable_target(path: Path) -> None:
    """Raises FileProblem unless ``path`` can be created or replaced: before any slow work."""
    folder = path.parent
    if not folder.is_dir():
        raise FileProblem(f"Cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise FileProblem(f"Cannot write {path}: it is a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileProblem(f"Cannot write {path}: the folder {folder} is not writable")


def private_folder(folder: Path) -> Path:
    """Creates ``folder`` (and parents) readable by its owner only; tightens it if it exists."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        if os.name == "posix" and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR:
            folder.chmod(PRIVATE_DIR)
    except OSError as exc:
        raise FileProblem(f"Cannot create the folder {folder}: {_describe(exc)}") from None
    return folder


@contextlib.contextmanager
def atomic_write(path: Path, *, text: bool = False, mode: int | None = None) -> Iterator[IO[Any]]:
    """Yields a file to write ``path``'s new content to (bytes, or UTF-8 text with
    newlines untranslated). ``mode``: the permissions of a new file (default: those
    of the file it replaces, else 0600)."""
    check_writable_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _problem(path, exc) from None
    tmp = Path(tmp_name)
    try:
        with contextlib.suppress(OSError):
            wanted = mode if mode is not None else stat.S_IMODE(path.stat().st_mode)
            os.chmod(tmp, wanted)
        fh: IO[Any] = os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise _problem(path, exc) from None
        raise


class TempFolder:
    """This process's temporary files (openpyxl keeps an export's sheet in one until the file
    is saved) in a private folder of our own data folder, not the system's: a ``kill -9``
    leaves them where the next start finds and removes them (a folder whose lock beside it
    no live process holds). Python's ``tempfile`` is pointed at it for the process's life."""

    def __init__(self, folder: Path, lock: Any) -> None:
        self.folder = folder
        self._lock = lock
        atexit.register(self.remove)

    @classmethod
    def take(cls, data: Path) -> TempFolder | None:
        """Sets the process's temporary folder under ``data``/tmp (None: it cannot be made,
        and the system's stays in use)."""
        import filelock

        base = data / "tmp"
        try:
            private_folder(base)
            _remove_stale(base)
            name = f"{os.getpid()}-{os.urandom(4).hex()}"
            lock = filelock.FileLock(str(base / f"{name}.lock"), timeout=0)
            lock.acquire()  # before the folder exists: no other start can take it for stale
            mine = base / name
            mine.mkdir(mode=PRIVATE_DIR)
        except (OSError, FileProblem, filelock.Timeout):
            return None
        tempfile.tempdir = str(mine)
        return cls(mine, lock)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            self._lock.release()
            Path(self._lock.lock_file).unlink()


def _remove_stale(base: Path) -> None:
    import filelock

    for lock_file in base.glob("*.lock"):
        lock = filelock.FileLock(str(lock_file), timeout=0)
        try:
            lock.acquire()
        except (OSError, filelock.Timeout):
            continue  # a live process's
        try:
            shutil.rmtree(base / lock_file.stem, ignore_errors=True)
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                lock_file.unlink()
