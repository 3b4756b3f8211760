"""An export from the window: contacts from somewhere (the selection, the offline copy,
or the server's listing), to a file written atomically, each contact once, with
progress; cancelling leaves the file as it was. Qt-free."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contact_desk.api import Dialect, Query
from contact_desk.api.models import Contact
from contact_desk.api.schema import DialectSchema
from contact_desk.api.walk import walk
from contact_desk.files import atomic_write
from contact_desk.mirror import LocalCopy
from contact_desk.transfer.writers import FORMATS, Presenter, discard, writer_for

Batches = AsyncIterator[list[Contact]]
COPY_BATCH = 1000
QUEUE_BATCHES = 8  # pages waiting to be written at most: the walk waits for the disk


async def from_list(contacts: Sequence[Contact]) -> Batches:
    for start in range(0, len(contacts), COPY_BATCH):
        yield list(contacts[start:start + COPY_BATCH])


async def from_copy(copy: LocalCopy, query: Query, sort: tuple[str, bool] | None = None) -> Batches:
    total = await copy.count(query)
    field, descending = sort or (None, False)
    for offset in range(0, total, COPY_BATCH):
        batch = await copy.rows(query, offset, COPY_BATCH, sort=field, descending=descending, count=total)
        if not batch:
            return
        yield batch


async def from_server(dialect: Dialect, query: Query) -> Batches:
    """The parallel walker's batches, as they arrive, through a bounded queue."""
    queue: asyncio.Queue[list[Contact] | None] = asyncio.Queue(QUEUE_BATCHES)

    async def put(items: list[Contact]) -> None:
        await queue.put(items)

    async def run() -> None:
        try:
            await walk(dialect, query, put)
        finally:
            await queue.put(None)

    task = asyncio.ensure_future(run())
    try:
        while (batch := await queue.get()) is not None:
            yield batch
        await task  # its error, if any
    finally:
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


@dataclass
class Exported:
    count: int
    replaced: int = 0  # characters an Excel sheet cannot hold, written as spaces


async def export_to(path: Path, fmt: str, schema: DialectSchema, batches: Batches,
                    report: Callable[[int], None] | None = None, people: Presenter | None = None) -> Exported:
    """Writes every contact of ``batches`` once; says how many. The file appears only
    when everything was written (a cancel or an error leaves what was there)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    seen: set[str] = set()
    with atomic_write(path, text=not FORMATS[fmt]) as out:
        writer = writer_for(fmt, out, schema, people)
        try:
            async for batch in batches:
                for contact in batch:
                    if contact.id not in seen:
                        seen.add(contact.id)
                        writer.write(contact)
                if report is not None:
                    report(len(seen))
            writer.close()
        except BaseException:
            discard(writer)  # a cancel or an error: nothing of it left behind, said once
            raise
    return Exported(len(seen), getattr(writer, "replaced", 0))
