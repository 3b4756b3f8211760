"""Fakes that isolate a window part's own logic (never a server's answer: those come from the
sandbox over HTTP): a ``WindowHost`` and a ``Navigator`` (ui/host.py) that record what a dialog or
controller asked, and a ``PageHost`` (models/row_sources.py) that records what a row source did."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from contact_desk.accounts import Account
from contact_desk.api import Dialect, Query
from contact_desk.api.models import Contact
from contact_desk.mirror import LocalCopy
from contact_desk.tasks import Tasks
from contact_desk.transfer.bulk import Changed
from contact_desk.transfer.mapping import Memory
from contact_desk.ui.host import KEEP, Scope, Target


class FakeHost:
    """A WindowHost: a scope given by the test; what was said and remembered, kept."""

    def __init__(self, scope: Scope | None = None, folder: Path | None = None) -> None:
        self._tasks = Tasks("fake-host")
        self._scope = scope or Scope([], 0, None, Query(), None, None)
        self.said: list[str] = []
        self.folders: dict[str, Path] = {}
        self.home = folder or Path.home()
        self.memory = Memory(None)
        self.recorded: list[tuple[str, Changed]] = []  # what My changes was handed

    @property
    def tasks(self) -> Tasks:
        return self._tasks

    def scope(self) -> Scope:
        return self._scope

    def offline_copy(self) -> LocalCopy | None:
        return self._scope.copy

    def say(self, text: str, ms: int = 5000) -> None:
        self.said.append(text)

    def folder_for(self, kind: str) -> Path:
        return self.folders.get(kind, self.home)

    def remember_folder(self, kind: str, chosen: Path) -> None:
        self.folders[kind] = chosen.parent

    def mappings(self) -> Memory:
        return self.memory

    def record(self, changes: Iterable[Changed], source: str) -> None:
        self.recorded.extend((source, c) for c in changes)

    def waiting(self) -> None:
        return None  # no outbox: the dialogs' offline path is tested in the window


class FakeNavigator:
    """A Navigator: every Target asked for, in order; ``refuse`` makes show() say no (filters on
    any field without a complete copy)."""

    def __init__(self, account: Account | None = None, dialect: Dialect | None = None) -> None:
        self._account, self._dialect = account, dialect
        self.targets: list[Target] = []
        self.refuse = False
        self.now = Target(account.id if account else None, Query(), sort=None)

    @property
    def account(self) -> Account | None:
        return self._account

    @property
    def dialect(self) -> Dialect | None:
        return self._dialect

    def show(self, target: Target) -> bool:
        if self.refuse:
            return False
        self.targets.append(target)
        self.now = Target(target.account_id or self.now.account_id,
                          target.query if target.query is not None else self.now.query,
                          sort=self.now.sort if target.sort == KEEP else target.sort,
                          columns=target.columns or self.now.columns)
        return True

    def shown(self) -> Target:
        return self.now


class FakePageHost:
    """A PageHost: page loads asked for, rows inserted, removed and changed, recorded; a test hands
    answers to the source itself (``source.put``)."""

    def __init__(self, page_size: int = 10) -> None:
        self.page_size = page_size
        self.started: list[int] = []
        self.inflight: set[int] = set()
        self.failed_pages: set[int] = set()
        self.events: list[tuple[str, int, int]] = []
        self.touched: list[int] = []
        self.current: Any = None

    def shows(self, source: Any) -> bool:
        return source is self.current

    def start_page(self, page: int) -> None:
        self.started.append(page)
        self.inflight.add(page)

    def in_flight(self, page: int) -> bool:
        return page in self.inflight

    def in_flight_count(self) -> int:
        return len(self.inflight)

    def failed(self, page: int) -> bool:
        return page in self.failed_pages

    @contextlib.contextmanager
    def inserting(self, first: int, count: int) -> Iterator[None]:
        yield
        self.events.append(("insert", first, count))

    @contextlib.contextmanager
    def removing(self, first: int, count: int) -> Iterator[None]:
        yield
        self.events.append(("remove", first, count))

    def forget_pages_but(self, keep: int) -> None:
        self.events.append(("forget", keep, 0))

    def touch(self, page: int) -> None:
        self.touched.append(page)

    def changed(self, first: int, count: int) -> int:
        self.events.append(("changed", first, count))
        return first

    def counts_changed(self) -> None:
        self.events.append(("counts", 0, 0))

    def replace_contact(self, contact: Contact) -> int | None:
        return None
