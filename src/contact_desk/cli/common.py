"""What the command groups share: usage errors, the key from the terminal, a connection to an
account, the filters given as options, and where output goes."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import io
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, Any

from contact_desk.accounts import Account, KeyStore
from contact_desk.api import ApiKey, Dialect, Query, make_http_client, open_dialect
from contact_desk.api import errors as api_errors
from contact_desk.api.dialect import check_query
from contact_desk.api.schema import SCHEMAS
from contact_desk.files import atomic_write

OPTIONS = {"emailStatus": "--email-status", "stage": "--stage", "includeArchived": "--include-archived",
           "search": "--search"}  # a filter's API name -> its option


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


def said_of_key(total: int | None, can_write: bool | None) -> str:
    """What Dialect.check_key found, in words: "the key works (1,234 contacts; read only)"."""
    parts = [f"{total:,} contacts"] if total is not None else []
    if can_write is False:
        parts.append("read only")
    return "the key works" + (f" ({'; '.join(parts)})" if parts else "")


def try_key(dialect: str, key: ApiKey, url: str) -> None:
    """Tries ``key`` (Dialect.check_key); says so on stderr, or raises the ApiError."""
    async def check() -> tuple[int | None, bool | None]:
        async with make_http_client() as http:
            return await open_dialect(http, dialect, key, url).check_key()
    said = said_of_key(*asyncio.run(check()))
    print(f"{said[0].upper()}{said[1:]}.", file=sys.stderr)


def query_from_args(args: argparse.Namespace, dialect: str, *, search: str | None = None) -> Query:
    """The filters given on the command line; ``search``: a text searched in the local
    copy (any dialect), rather than the server's ``--search`` (Replicer only)."""
    query = Query(email_status=args.email_status, stage=args.stage,
                  include_archived=args.include_archived, search=getattr(args, "search", None))
    try:
        check_query(SCHEMAS[dialect], query)  # before anything is sent or written
    except api_errors.FilterNotOffered as exc:
        option = OPTIONS.get(exc.name, exc.name)
        raise UsageError(f"{option} is not available for {SCHEMAS[dialect].title} accounts") from None
    return Query(query.email_status, query.stage, query.include_archived, search) if search else query


@contextlib.contextmanager
def output(path: Path | None, binary: bool) -> Iterator[IO[Any]]:
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
