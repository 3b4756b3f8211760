"""``contact-desk sync`` and ``contact-desk search``: the local copy from the command
line. No Qt here."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import IO

from contact_desk.accounts import Account, AccountStore, KeyStore, ViewError
from contact_desk.api import Dialect, Query
from contact_desk.api import errors as api_errors
from contact_desk.api.models import Contact
from contact_desk.api.schema import SCHEMAS
from contact_desk.cli.common import UsageError, connect, query_from_args, text_stdout
from contact_desk.cli.progress import Progress
from contact_desk.mirror import (
    CopyDamaged,
    CopyNotWritten,
    CopyStatus,
    LocalCopy,
    SyncProgress,
    SyncResult,
    copy_path,
    full_sync,
    top_up,
)
from contact_desk.mirror.query import conditions
from contact_desk.mirror.query.search import SearchTooLong, words
from contact_desk.transfer.writers import Csv, JsonLines, Writer

BATCH = 500  # rows read from the copy at a time


_SET_ASIDE = "The offline copy was damaged: it was set aside ({name}.damaged) and is built again."


@contextlib.asynccontextmanager
async def _copy(account: Account) -> AsyncIterator[LocalCopy]:
    copy = await LocalCopy.open(account.id, account.dialect)
    try:
        if copy.notice == "damaged":
            print(_SET_ASIDE.format(name=copy.path.name), file=sys.stderr)
        yield copy
    finally:
        await copy.close()


async def _set_aside(copy: LocalCopy) -> None:
    """A copy found damaged in use (its header was fine): set aside, as when it is opened."""
    await copy.reset()
    print(_SET_ASIDE.format(name=copy.path.name), file=sys.stderr)


async def _sync(dialect: Dialect, copy: LocalCopy) -> SyncResult:
    progress = Progress()

    def report(p: SyncProgress) -> None:
        progress.total = p.expected
        progress.step(p.fetched - progress.count)

    result = await full_sync(dialect, copy, report=report)
    progress.done()
    return result


def _kept(store: AccountStore, name: str) -> Account:
    """The account, if it keeps an offline copy (the window's File → Offline copy choice)."""
    account = store.find(name)
    if not store.copy_choices().keeps(account.id):
        raise UsageError(f"{account.name} keeps no offline copy: it was turned off in the window (File → "
                         "Offline copy → Keep an offline copy). Turn it on there, or use export.")
    return account


def sync(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = _kept(store, args.account)

    async def run() -> tuple[SyncResult, int, float]:
        started = time.monotonic()
        async with _copy(account) as copy, connect(account, keys) as dialect:
            try:
                result = await _sync(dialect, copy)
            except CopyDamaged:
                await _set_aside(copy)
                result = await _sync(dialect, copy)
            status = await copy.status()
        return result, status.contacts, time.monotonic() - started

    result, held, seconds = asyncio.run(run())
    path = copy_path(account.id)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    removed = f", {result.removed:,} removed" if result.removed else ""
    print(f"Synced {account.title}: {result.fetched:,} contacts listed, {result.changed:,} new or changed"
          f"{removed}, in {seconds:.1f} s. The copy holds {held:,} contacts ({size / 1e6:,.1f} MB) "
          f"at {path}.", file=sys.stderr)
    if not result.complete:
        print("Contacts changed on the server so fast that the sync could not see them all: the copy "
              "is marked incomplete, and the next sync walks it again.", file=sys.stderr)
    elif not result.consistent:
        print("Contacts were added or removed on the server during the sync: contacts it no longer "
              "lists are removed from the copy at the next sync.", file=sys.stderr)
    return 0


def _when(stamp: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "never"


async def _bring_up_to_date(account: Account, keys: KeyStore, copy: LocalCopy) -> None:
    """Before a search: a first full sync, else a quick top-up; a server that does not
    answer leaves the copy as it is (said on stderr)."""
    status = await copy.status()
    try:
        async with connect(account, keys) as dialect:
            if not status.complete:
                print("No complete offline copy yet: syncing first.", file=sys.stderr)
                await _sync(dialect, copy)
            else:
                await top_up(dialect, copy)
    except api_errors.ApiError as exc:
        if not status.complete or not api_errors.unavailable(exc):
            raise
        print(f"The server did not answer ({exc.message}): searching the copy synced "
              f"{_when(status.synced_at)}.", file=sys.stderr)
    except CopyNotWritten as exc:  # a full disk: the copy holds what it held
        if not status.complete:
            raise
        print(f"{exc}. Searching the copy synced {_when(status.synced_at)}.", file=sys.stderr)


def search(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = _kept(store, args.account)
    text = " ".join(args.text)
    try:
        words(text)  # the copy's own bound on a search, said before anything else
    except SearchTooLong as exc:
        raise UsageError(str(exc)) from None
    query = query_from_args(args, account.dialect, search=text)
    try:
        where = conditions.check_all(tuple(conditions.parse(w, SCHEMAS[account.dialect]) for w in args.where),
                                     SCHEMAS[account.dialect])
    except conditions.BadCondition as exc:
        raise UsageError(f"--where: {exc}") from None
    query = replace(query, where=where)
    sort: tuple[str, bool] | None = None
    if args.view:
        query, sort = _with_view(store, account, args.view, query)
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")

    written = [0]  # rows already printed: a search found damaged after some is not printed twice

    async def run(out: IO[str] | IO[bytes]) -> tuple[int, CopyStatus]:
        async with _copy(account) as copy:
            try:
                return await found(copy, out)
            except CopyDamaged:
                await _set_aside(copy)
                if args.offline or written[0]:
                    raise UsageError(f"There is no usable offline copy of {account.title} now: run "
                                     f"contact-desk sync --account {account.name!r}") from None
                return await found(copy, out)  # brought up to date from the server first

    async def found(copy: LocalCopy, out: IO[str] | IO[bytes]) -> tuple[int, CopyStatus]:
        status = await copy.status()
        if args.offline:
            if not status.complete and not status.contacts:
                raise UsageError(f"There is no offline copy of {account.title} yet: "
                                 f"run contact-desk sync --account {account.name!r}")
        else:
            await _bring_up_to_date(account, keys, copy)
        count = await copy.count(query)
        wanted = count if args.limit is None else min(count, args.limit)
        writer = _writer(args.format, account.dialect, out)
        for offset in range(0, wanted, BATCH):
            if sort is not None:
                await copy.ensure_sort_index(sort[0])
            for contact in await copy.rows(query, offset, min(BATCH, wanted - offset), count=count,
                                           sort=sort[0] if sort else None, descending=bool(sort and sort[1])):
                writer.write(contact)
                written[0] += 1
        writer.close()
        return count, await copy.status()

    binary = args.format == "jsonl"
    with text_stdout(binary) as out:
        count, status = asyncio.run(run(out))
    shown = f", {args.limit:,} shown" if args.limit is not None and args.limit < count else ""
    when = _when(status.synced_at)
    print(f"{count:,} contacts match{shown} (offline copy synced {when}).", file=sys.stderr)
    if not status.complete:  # a first sync stopped part way: the answer covers only what it brought
        print(f"The offline copy is incomplete: it holds {status.contacts:,} contacts, as far as its first "
              "sync got; contacts it has not reached are not searched. Complete it with: contact-desk sync "
              f"--account {account.name!r}", file=sys.stderr)
    return 0


def _with_view(store: AccountStore, account: Account, name: str, query: Query
               ) -> tuple[Query, tuple[str, bool] | None]:
    """A saved view's search, filters and sort, with what the command line adds (its words
    after the view's, its filters beside them)."""
    try:
        view = store.views().find(account.id, name)
        schema = SCHEMAS[account.dialect]
        saved = view.query()
        where = conditions.check_all(saved.where + query.where, schema)
    except (ViewError, conditions.BadCondition) as exc:
        raise UsageError(f"--view: {exc}") from None
    text = " ".join(t for t in (saved.search, query.search) if t) or None
    combined = Query(email_status=query.email_status or saved.email_status,
                     stage=query.stage or saved.stage,
                     include_archived=query.include_archived or saved.include_archived,
                     search=text, where=where)
    return combined, ((view.sort, view.descending) if view.sort else None)


class _Table:
    """Aligned columns for a terminal, cut to its width."""

    def __init__(self, out: IO[str], dialect: str) -> None:
        self.out = out
        self.attrs = SCHEMAS[dialect].cli_columns
        self.width = shutil.get_terminal_size((120, 20)).columns

    def write(self, contact: Contact) -> None:
        cells = []
        for attr in self.attrs:
            value = getattr(contact, attr, None)
            text = " ".join(str(value or "").split())  # no line breaks or tabs in a row
            cells.append(f"{text[:30]:<30}" if attr in ("full_name", "email") else f"{text[:22]:<22}")
        self.out.write("  ".join(cells).rstrip()[: self.width] + "\n")

    def close(self) -> None:
        self.out.flush()


def _writer(fmt: str, dialect: str, out: IO[str] | IO[bytes]) -> Writer:
    if fmt == "jsonl":
        return JsonLines(out)  # type: ignore[arg-type]
    if fmt == "csv":
        return Csv(out, SCHEMAS[dialect])  # type: ignore[arg-type]
    return _Table(out, dialect)  # type: ignore[arg-type]
