"""What a dialog or a controller may ask of the main window: ``WindowHost`` (where work runs, the
contacts a command covers, a status message, the folders and stores a dialog uses) and
``Navigator`` (what the table shows: ``show(Target(...))``, wherever the wish starts). Dialogs
and controllers get these and plain values, and say what happened by signals that the window
connects in one place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from contact_desk.accounts import Account
from contact_desk.api import Dialect, Query
from contact_desk.api.dialect import Condition
from contact_desk.api.models import Contact
from contact_desk.mirror import LocalCopy
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import Changed
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


class Waiting(Protocol):
    """The account's outbox, as a dialog sees it (``ui/offline/outbox_control.py``)."""

    def holds_now(self) -> bool:
        """Offline with a complete copy: a change waits here instead of going to the server."""

    async def hold_many(self, dialect: Dialect, contacts: list[Contact],
                        changes: dict[str, Any]) -> tuple[list[Contact], list[str]]: ...


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

    def record(self, changes: Iterable[Changed], source: str) -> None:
        """Changes just written to the account shown, for My changes (``source``: journal.SOURCES)."""

    def waiting(self) -> Waiting | None:
        """The account's outbox (None: there is none)."""


KEEP: Literal["keep"] = "keep"  # a Target's sort: as it is


@dataclass(frozen=True)
class Target:
    """What the table should show: an account, its search and filters, the order, the shown
    columns, and a contact to select (its page loaded and the row in view). Plain values only."""

    account_id: str | None = None  # None: the account shown
    query: Query | None = None  # None: the account's own (as shown, or as it was left this session)
    where: tuple[Condition, ...] = ()  # filters put in place of any on the same fields (a bar, a tag)
    sort: tuple[str, bool] | Literal["keep"] | None = KEEP  # (field, descending); None: the API's order
    columns: tuple[str, ...] = ()  # the columns to show, in order (none: as they are)
    select: str | None = None  # a contact's id
    reveal: bool = False  # when the query hides ``select``: show every contact instead (and say so)
    note: str = ""  # said in the status bar once shown ("View “Leads”")
    aside: str = ""  # with ``query``: said, with "Back to your list", when it set the list's own aside


class Navigator(Protocol):
    """Owns what the table shows (MainWindow's ``Browse`` is one)."""

    @property
    def account(self) -> Account | None: ...

    @property
    def dialect(self) -> Dialect | None: ...

    def show(self, target: Target) -> bool:
        """Shows ``target`` (switching account first when it is another's); False, said, when it
        cannot apply now (filters on any field without a complete copy)."""

    def shown(self) -> Target:
        """What the table shows now, as a Target (account, query, sort, columns)."""
