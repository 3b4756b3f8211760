"""What a dialog may ask of the main window: ``WindowHost``. Dialogs get plain values and a
host, and say what happened by signals that the window connects in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from contact_desk.api import Query
from contact_desk.api.models import Contact
from contact_desk.mirror import LocalCopy
from contact_desk.tasks import Tasks
from contact_desk.transfer.mapping import Memory


@dataclass(frozen=True)
class Scope:
    """The contacts a many-contact command (Export, Change contacts) may work on, as the table
    shows them when the dialog opens."""

    selected: list[Contact]  # the selected rows that are loaded
    missing: int  # selected rows not loaded (a jump past them)
    total: int | None  # all matching the filters and search (None: not known)
    query: Query
    sort: tuple[str, bool] | None  # the copy's order (field, descending); None: the API's
    copy: LocalCopy | None  # the offline copy, when the table reads it


class WindowHost(Protocol):
    """All a dialog may ask of the window (MainWindow is one)."""

    @property
    def tasks(self) -> Tasks:
        """Where background work runs (kept, its errors logged, cancelled on quit)."""

    def scope(self) -> Scope: ...

    def offline_copy(self) -> LocalCopy | None:
        """The account's offline copy when it is open (complete or not)."""

    def say(self, text: str, ms: int = 5000) -> None:
        """A passing message in the status bar."""

    def folder_for(self, kind: str) -> Path:
        """Where a file dialog for this kind of file ("import", "export", "report") opens: the
        folder used last for it, else the home folder."""

    def remember_folder(self, kind: str, chosen: Path) -> None:
        """A file of this kind was chosen: its folder is where the next dialog opens."""

    def mappings(self) -> Memory:
        """The import mappings the user chose before (shared with the command line)."""
