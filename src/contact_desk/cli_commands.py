"""The subcommands of ``contact-desk``: accounts, export, create. No Qt here."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import io
import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, Any

import msgspec

from contact_desk.accounts import Account, AccountStore, KeyringProblem, KeyStore
from contact_desk.api import ApiKey, Dialect, Page, Query, guess_dialect, make_http_client, open_dialect
from contact_desk.api import errors as api_errors
from contact_desk.api.creating import Creation
from contact_desk.api.dialect import check_query
from contact_desk.api.models import Contact
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.export import Progress, Writer
from contact_desk.files import atomic_write
from contact_desk.mirror import forget, walk
from contact_desk.transfer.writers import FORMATS, writer_for


class UsageError(Exception):
    """Bad input on the command line (exit code 2)."""


def read_key(prompt: str = "API key: ") -> ApiKey:
    """From the terminal without echo, or the first line of piped stdin. Never from argv."""
    text = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    try:
        return ApiKey(text)
    except api_errors.ConfigurationError:
        raise UsageError("No API key was given on standard input") from None


@contextlib.asynccontextmanager
async def connect(account: Account, keys: KeyStore) -> AsyncIterator[Dialect]:
    key = keys.get(account.id, account.name)
    async with make_http_client() as http:
        yield open_dialect(http, account.dialect, key, account.base_url)


async def verify(dialect: Dialect) -> int | None:
    """A one-row listing; the total when the dialect knows it."""
    page = await dialect.list_page(Query(), None, 1)
    return page.total


def try_key(dialect: str, key: ApiKey, url: str) -> None:
    """Lists one contact with ``key``; says so on stderr, or raises the ApiError."""
    async def check() -> int | None:
        async with make_http_client() as http:
            return await verify(open_dialect(http, dialect, key, url))
    total = asyncio.run(check())
    found = f" ({total:,} contacts)" if total is not None else ""
    print(f"The key works{found}.", file=sys.stderr)


# -- accounts -----------------------------------------------------------------
def accounts_add(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    key = read_key()
    dialect = args.dialect or guess_dialect(key.reveal())
    if dialect is None:
        raise UsageError("Cannot tell the dialect from this key: give --dialect smartcq or replicer")
    name, dialect, url = store.validate(args.name, dialect, args.base_url)
    if not args.no_verify:
        try_key(dialect, key, url)
    account = store.add(name, dialect, url, key=key, keys=keys)
    print(f"Added {account.title} at {account.base_url}.")
    return 0


def accounts_set_key(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    """Stores a new key for an existing account (a revoked key, or one a crash lost)."""
    account = store.find(args.name)
    key = read_key()
    if not args.no_verify:
        try_key(account.dialect, key, account.base_url)
    store.set_key(account, key, keys)
    print(f"Stored the new key for {account.title}.")
    return 0


def accounts_list(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    accounts = store.all()
    if not accounts:
        print("No accounts yet. Add one with: contact-desk accounts add NAME --dialect smartcq|replicer")
        return 0
    width = max(len(a.name) for a in accounts)
    for a in accounts:
        print(f"{a.name:<{width}}  {SCHEMAS[a.dialect].title:<9}  {a.base_url}")
    return 0


def accounts_remove(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.name)
    store.remove(account, keys)
    copy = " and its offline copy" if forget(account.id) else ""
    print(f"Removed {account.title}, its key{copy}.")
    return 0


def accounts_test(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.name)

    async def run() -> int | None:
        async with connect(account, keys) as dialect:
            return await verify(dialect)

    total = asyncio.run(run())
    print(f"{account.title}: the key works" + (f", {total:,} contacts." if total is not None else "."))
    return 0


# -- export -------------------------------------------------------------------
def query_from_args(args: argparse.Namespace, dialect: str, *, search: str | None = None) -> Query:
    """The filters given on the command line; ``search``: a text searched in the local
    copy (any dialect), rather than the server's ``--search`` (Replicer only)."""
    query = Query(email_status=args.email_status, stage=args.stage,
                  include_archived=args.include_archived, search=getattr(args, "search", None))
    offered = {f.name for f in SCHEMAS[dialect].filters}
    asked = {"--email-status": ("emailStatus", args.email_status), "--stage": ("stage", args.stage),
             "--include-archived": ("includeArchived", args.include_archived),
             "--search": ("search", query.search)}
    for option, (name, value) in asked.items():
        if value and name not in offered:
            raise UsageError(f"{option} is not available for {SCHEMAS[dialect].title} accounts")
    check_query(SCHEMAS[dialect], query)
    return Query(query.email_status, query.stage, query.include_archived, search) if search else query


@contextlib.contextmanager
def _output(path: Path | None, binary: bool) -> Iterator[IO[Any]]:
    """The export's destination: a file replaced only when the export succeeded, or stdout."""
    if path is not None:
        with atomic_write(path, text=not binary) as fh:
            yield fh
        return
    with text_stdout(binary) as out:
        yield out


@contextlib.contextmanager
def text_stdout(binary: bool) -> Iterator[IO[Any]]:
    """Standard output for bytes, or for UTF-8 text whatever the terminal's encoding."""
    if binary:
        yield sys.stdout.buffer
        return
    wrapper = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
    finally:
        with contextlib.suppress(OSError, ValueError):
            wrapper.detach()


def export(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    query = query_from_args(args, account.dialect)  # a bad filter fails here, before anything is written
    schema = SCHEMAS[account.dialect]

    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        raise UsageError("An Excel file cannot be shown on a terminal: give --output FILE.xlsx")

    def make_writer(out: IO[Any]) -> Writer:
        made: Writer = writer_for(args.format, out, schema)
        return made

    progress = Progress()
    written = False
    replaced = [0]  # characters an Excel sheet cannot hold, written as spaces

    async def run(out: IO[Any]) -> int:
        nonlocal written
        writer: Writer | None = None
        seen: set[str] = set()  # Replicer's pages shift while contacts are added: each id once

        async def write(items: list[Contact]) -> None:
            nonlocal writer, written
            for contact in items:
                if contact.id in seen:
                    continue
                seen.add(contact.id)
                if writer is None:  # nothing reaches the output before the first contact
                    writer = make_writer(out)
                    written = True
                writer.write(contact)
                progress.step()

        async def learn_total(number: int, page: Page) -> None:
            progress.total = progress.total or page.total

        async with connect(account, keys) as dialect:
            await walk(dialect, query, write, on_page=learn_total)
        if writer is None:
            writer = make_writer(out)
        writer.close()
        replaced[0] = getattr(writer, "replaced", 0)
        return progress.count

    try:  # a file's folder is checked on entering, before any request
        with _output(args.output, binary=FORMATS[args.format]) as out:
            count = asyncio.run(run(out))
    except (api_errors.ApiError, KeyringProblem) as exc:
        if args.output is not None:
            exc.add_note(f"Nothing was written: {args.output} is as it was.")
        else:
            exc.add_note("The output above is incomplete." if written else "Nothing was written.")
        raise
    progress.done()
    where = f" to {args.output}" if args.output else ""
    print(f"Exported {count:,} contacts{where}.", file=sys.stderr)
    if replaced[0]:
        print(f"{replaced[0]:,} characters that Excel cannot hold (control characters such as a vertical "
              "tab or ESC) were written as spaces.", file=sys.stderr)
    return 0


# -- create -------------------------------------------------------------------
def _values(args: argparse.Namespace, dialect: str) -> dict[str, Any]:
    schema = SCHEMAS[dialect]
    if args.field:
        values: dict[str, Any] = {}
        for item in args.field:
            name, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--field takes KEY=VALUE, not {item!r}")
            try:
                field = schema.field(name.strip())
            except KeyError:
                raise UsageError(f"{schema.title} contacts have no field {name!r}") from None
            values[field.name] = [t.strip() for t in value.split(",") if t.strip()] \
                if field.kind is Kind.TAGS else value
        return values
    if sys.stdin.isatty():
        raise UsageError("Give --field KEY=VALUE options, or a JSON object on standard input")
    try:
        data = json.loads(sys.stdin.read())
    except json.JSONDecodeError as exc:
        raise UsageError(f"Standard input is not JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise UsageError("Standard input must hold one JSON object")
    return data


def create(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    values = _values(args, account.dialect)

    async def run() -> bytes:
        async with connect(account, keys) as dialect:
            contact = await Creation(dialect).create(values)
            return msgspec.json.format(msgspec.json.encode(contact))

    sys.stdout.buffer.write(asyncio.run(run()) + b"\n")
    sys.stdout.flush()
    return 0
