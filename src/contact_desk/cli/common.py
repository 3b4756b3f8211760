"""What the command groups share: usage errors, the key from the terminal, a connection to an
account, the filters given as options, and where output goes."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import io
import os
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from contact_desk.accounts import Account, KeyStore, config_dir
from contact_desk.accounts.network_choice import NetworkChoice
from contact_desk.api import ApiKey, Dialect, Query, make_http_client, open_dialect
from contact_desk.api import errors as api_errors
from contact_desk.api.dialect import QUERY_FILTERS, check_query
from contact_desk.api.network import DIRECT, MANUAL, Route
from contact_desk.api.schema import SCHEMAS, Kind, command_line_filters
from contact_desk.files import atomic_write

OPTIONS = {f.attr: f.option for f, _titles in command_line_filters()}  # a Query attribute -> its flag


def add_filter_options(parser: argparse.ArgumentParser, server_search: bool = True) -> None:
    """The filters' flags, made from the dialects' schemas (``--stage`` says which dialects have
    it); ``server_search`` False: the command searches the copy with its own words instead."""
    for f, titles in command_line_filters():
        if f.kind is Kind.TEXT and not server_search:
            continue
        text = f"{', '.join(titles)}: {f.help}"
        if f.flag:
            parser.add_argument(f.option, dest=f.attr, action="store_true", help=text)
        else:  # values checked by check_query, which names the valid ones
            parser.add_argument(f.option, dest=f.attr, help=text)


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
    async with make_http_client(route=cli_route(keys)) as http:
        yield open_dialect(http, account.dialect, key, account.base_url)


PROXY_ENV = "CONTACT_DESK_PROXY"  # system, direct or a proxy's URL: --proxy sets it for its command


def cli_route(keys: KeyStore) -> Route:
    """How the command reaches the servers: --proxy (or CONTACT_DESK_PROXY), else the network
    choice saved in the window or by ``contact-desk network``, else the system's proxies."""
    given = os.environ.get(PROXY_ENV, "").strip()
    if given:
        return Route() if given == "system" else Route(DIRECT) if given == "direct" else Route(MANUAL, given)
    return NetworkChoice(config_dir()).route(keys)


def said_of_key(total: int | None, can_write: bool | None) -> str:
    """What Dialect.check_key found, in words: "the key works (1,234 contacts; read only)"."""
    parts = [f"{total:,} contacts"] if total is not None else []
    if can_write is False:
        parts.append("read only")
    return "the key works" + (f" ({'; '.join(parts)})" if parts else "")


def try_key(dialect: str, key: ApiKey, url: str, keys: KeyStore) -> None:
    """Tries ``key`` (Dialect.check_key); says so on stderr, or raises the ApiError."""
    async def check() -> tuple[int | None, bool | None]:
        async with make_http_client(route=cli_route(keys)) as http:
            return await open_dialect(http, dialect, key, url).check_key()
    said = said_of_key(*asyncio.run(check()))
    print(f"{said[0].upper()}{said[1:]}.", file=sys.stderr)


def query_from_args(args: argparse.Namespace, dialect: str, *, search: str | None = None) -> Query:
    """The filters given on the command line; ``search``: a text searched in the local
    copy (any dialect), rather than the server's ``--search`` (Replicer only)."""
    query = Query()
    for attr in QUERY_FILTERS:  # the flags made from the schemas (add_filter_options)
        value = getattr(args, attr, None)
        if value:
            query = replace(query, **{attr: value})
    try:
        check_query(SCHEMAS[dialect], query)  # before anything is sent or written
    except api_errors.FilterNotOffered as exc:
        option = OPTIONS.get(exc.name, exc.name)
        raise UsageError(f"{option} is not available for {SCHEMAS[dialect].title} accounts") from None
    return replace(query, search=search) if search else query


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
