"""Saved views: a name, a search, filters, a sort and the shown columns, kept per account beside
the account list (``views.json`` in the same folder), so the window and the command line
(``search --view NAME``) share them. Written atomically under a lock shared by every process;
the demo's accounts keep theirs in memory."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import msgspec

from contact_desk.api.dialect import Condition, Query
from contact_desk.files import FileProblem
from contact_desk.json_store import JsonStore, StoreBusy, StoreUnreadable

MAX_VIEWS = 200  # per account
MAX_NAME = 80  # characters of a view's name


class ViewError(Exception):
    """A view that cannot be saved, found or changed, in words a user understands."""


class View(msgspec.Struct, frozen=True, omit_defaults=True, rename="camel"):
    name: str
    search: str = ""
    email_status: str | None = None
    stage: str | None = None
    include_archived: bool = False
    where: list[tuple[str, str, str]] = msgspec.field(default_factory=list)  # field, op, value
    sort: str | None = None  # a field's API name; None: the API's order (newest first)
    descending: bool = False
    columns: list[str] | None = None  # the shown columns in order; None: as they are

    def query(self) -> Query:
        return Query(email_status=self.email_status, stage=self.stage, include_archived=self.include_archived,
                     search=self.search or None, where=tuple(Condition(*w) for w in self.where))

    @classmethod
    def of(cls, name: str, query: Query, sort: tuple[str, bool] | None = None,
           columns: list[str] | None = None) -> View:
        return cls(name=name, search=query.search or "", email_status=query.email_status, stage=query.stage,
                   include_archived=query.include_archived,
                   where=[(c.field, c.op, c.value) for c in query.where],
                   sort=sort[0] if sort else None, descending=bool(sort and sort[1]), columns=columns)


class _File(msgspec.Struct):
    version: int = 1
    views: dict[str, list[View]] = msgspec.field(default_factory=dict)  # by account id


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ViewError("A view needs a name")
    if len(name) > MAX_NAME:
        raise ViewError(f"A view's name is at most {MAX_NAME} characters")
    return name


def _index(views: list[View], name: str) -> int | None:
    wanted = name.strip().casefold()
    return next((i for i, v in enumerate(views) if v.name.casefold() == wanted), None)


class ViewStore:
    """The saved views of every account; ``folder`` None keeps them in this process only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.path = folder / "views.json" if folder is not None else None
        self.store = JsonStore(self.path, {"version": 1, "views": {}})

    # -- reading ------------------------------------------------------------------------
    def _load(self) -> _File:
        try:
            return msgspec.convert(self.store.read(), type=_File)
        except FileProblem as exc:
            raise ViewError(f"The saved views cannot be read: {exc}") from None
        except (StoreUnreadable, msgspec.ValidationError):
            raise ViewError(f"The saved views {self.path} cannot be read: it is not what Contact Desk "
                            "wrote. Move it away to start with no saved views.") from None

    def of(self, account_id: str) -> list[View]:
        return list(self._load().views.get(account_id, []))

    def find(self, account_id: str, name: str) -> View:
        views = self.of(account_id)
        at = _index(views, name)
        if at is None:
            known = ", ".join(repr(v.name) for v in views) or "none yet"
            raise ViewError(f"There is no saved view named {name!r} (saved: {known})")
        return views[at]

    # -- changing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _change(self, account_id: str) -> Iterator[list[View]]:
        """The account's views, changed in place and written back (under the lock, re-read)."""
        try:
            with self.store.lock():
                data = self._load()
                views = list(data.views.get(account_id, []))
                yield views
                if views:
                    data.views[account_id] = views
                else:
                    data.views.pop(account_id, None)
                self.store.write(msgspec.to_builtins(data))
        except StoreBusy:
            raise ViewError("Another Contact Desk is changing the saved views; try again in a moment") \
                from None
        except FileProblem as exc:
            raise ViewError(f"The saved views cannot be changed: {exc}. Nothing was changed.") from None

    def save(self, account_id: str, view: View) -> View:
        """Saves ``view``; one of the same name (any case) is replaced where it stands."""
        view = msgspec.structs.replace(view, name=check_name(view.name))
        with self._change(account_id) as views:
            at = _index(views, view.name)
            if at is not None:
                views[at] = view
            elif len(views) >= MAX_VIEWS:
                raise ViewError(f"An account keeps at most {MAX_VIEWS} views: delete one first")
            else:
                views.append(view)
        return view

    def add(self, account_id: str, view: View) -> View:
        """Saves ``view`` beside the account's own, never over one: where its name is taken (any
        case) it becomes "Name (2)", "Name (3)"…; the view as saved. The free name is chosen under
        the lock, so two instances importing at once keep both."""
        base = check_name(view.name)
        with self._change(account_id) as views:
            if len(views) >= MAX_VIEWS:
                raise ViewError(f"An account keeps at most {MAX_VIEWS} views: delete one first")
            name, n = base, 2
            while _index(views, name) is not None:  # at most MAX_VIEWS names are taken
                name, n = f"{base} ({n})", n + 1
            view = msgspec.structs.replace(view, name=check_name(name))
            views.append(view)
        return view

    def rename(self, account_id: str, name: str, new: str) -> None:
        new = check_name(new)
        with self._change(account_id) as views:
            at = _index(views, name)
            if at is None:
                raise ViewError(f"There is no saved view named {name!r}")
            other = _index(views, new)
            if other is not None and other != at:
                raise ViewError(f"A view named {new!r} exists already")
            views[at] = msgspec.structs.replace(views[at], name=new)

    def delete(self, account_id: str, name: str) -> None:
        with self._change(account_id) as views:
            at = _index(views, name)
            if at is not None:
                del views[at]

    def move(self, account_id: str, name: str, to: int) -> None:
        """Puts the view at position ``to`` (0 first; beyond the end: last)."""
        with self._change(account_id) as views:
            at = _index(views, name)
            if at is not None:
                views.insert(max(0, min(to, len(views) - 1)), views.pop(at))

    def forget(self, account_id: str) -> None:
        """An account removed: its views with it."""
        with self._change(account_id) as views:
            views.clear()
