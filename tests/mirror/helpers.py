"""Syncing a local copy against the sandbox from plain pytest tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from contact_desk.api import ApiKey, Dialect, Query, make_http_client, open_dialect
from contact_desk.api.models import Contact
from contact_desk.mirror import LocalCopy
from contact_desk.sandbox import Sandbox
from tests.api.helpers import FAST, KEYS
from tests.api.listing import iter_all

T = TypeVar("T")


def with_copy(sb: Sandbox, dialect: str, folder: Path, fn: Callable[[Dialect, LocalCopy], Awaitable[T]], *,
              key: str | None = None, account: str = "acct") -> T:
    """Runs ``fn`` with an adapter on the sandbox and the account's copy in ``folder``."""
    async def main() -> T:
        async with make_http_client() as http:
            api = open_dialect(http, dialect, ApiKey(key or KEYS[dialect]), sb.base_url, policy=FAST)
            copy = await LocalCopy.open(account, dialect, folder)
            try:
                return await fn(api, copy)
            finally:
                await copy.close()
    return asyncio.run(main())


async def everything(api: Dialect) -> dict[str, Contact]:
    """The server's contacts by id, by the plain sequential walk (archived too)."""
    query = Query(include_archived=api.schema.lists_archived_on_request)
    return {c.id: c async for c in iter_all(api, query, concurrency=1)}


async def copied(copy: LocalCopy) -> list[Contact]:
    """Everything in the copy, in its order."""
    query = Query(include_archived=True)
    total = await copy.count(query)
    return await copy.rows(query, 0, total + 10)
