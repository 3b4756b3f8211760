"""``contact-desk export`` and ``contact-desk create``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import IO, Any

import msgspec

from contact_desk.accounts import Account, AccountStore, KeyringProblem, KeyStore
from contact_desk.api import Page, Query
from contact_desk.api import errors as api_errors
from contact_desk.api.creating import Creation
from contact_desk.api.models import Contact
from contact_desk.api.schema import SCHEMAS, Kind
from contact_desk.api.walk import walk
from contact_desk.cli.common import UsageError, connect, output, query_from_args
from contact_desk.cli.progress import Progress
from contact_desk.transfer.writers import FORMATS, PlainPeople, Writer, discard, writer_for


def export(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    query = query_from_args(args, account.dialect)  # a bad filter fails here, before anything is written
    schema = SCHEMAS[account.dialect]

    _never_to_a_terminal(args)
    if args.format == "pdf":
        return _export_pdf(args, account, query, keys)

    def make_writer(out: IO[Any]) -> Writer:
        made: Writer = writer_for(args.format, out, schema, PlainPeople() if args.labels else None)
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

        try:
            async with connect(account, keys) as dialect:
                await walk(dialect, query, write, on_page=learn_total)
            if writer is None:
                writer = make_writer(out)
            writer.close()
        except BaseException:
            discard(writer)  # an error or Ctrl+C: the sheets' temporary files go, quietly
            raise
        replaced[0] = getattr(writer, "replaced", 0)
        return progress.count

    try:  # a file's folder is checked on entering, before any request
        with output(args.output, binary=FORMATS[args.format]) as out:
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

    try:
        made = asyncio.run(run())
    except (api_errors.NetworkError, api_errors.ServerError) as exc:
        if not args.queue or isinstance(exc, api_errors.OutcomeUnknown):  # maybe made: never queued twice
            raise
        from contact_desk.cli.outbox import queue_create

        made = queue_create(account, values, exc)
    sys.stdout.buffer.write(made + b"\n")
    sys.stdout.flush()
    return 0


def _export_pdf(args: argparse.Namespace, account: Account, query: Query, keys: KeyStore) -> int:
    """``export --format pdf``: the window's printed lists (a phone list, cards, labels) through Qt,
    loaded only now and offscreen: the rest of the command line stays without Qt."""
    if args.output is None:
        raise UsageError("A PDF is written to a file: give --output FILE.pdf")
    progress = Progress()
    contacts: list[Contact] = []
    seen: set[str] = set()

    async def read(items: list[Contact]) -> None:
        for contact in items:
            if contact.id not in seen:
                seen.add(contact.id)
                contacts.append(contact)
                progress.step()

    async def run() -> None:
        async with connect(account, keys) as dialect:
            await walk(dialect, query, read)

    asyncio.run(run())
    progress.done()
    from contact_desk.ui.printing.pdf import write_pdf_offscreen  # Qt, for this alone

    title = f"{account.name} — {args.style.replace('-', ' ')}"
    pages = write_pdf_offscreen(args.output, args.style, contacts, SCHEMAS[account.dialect], title)
    print(f"Exported {len(contacts):,} contacts to {args.output} ({pages:,} pages).", file=sys.stderr)
    return 0


def _never_to_a_terminal(args: argparse.Namespace) -> None:
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        raise UsageError("An Excel file cannot be shown on a terminal: give --output FILE.xlsx")
