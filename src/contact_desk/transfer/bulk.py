"""Changing many contacts at once, and undoing it. Qt-free.

``BulkEdit`` sets the same editable fields on many contacts, a few at a time behind
the shared gate (429 slows everyone down), remembering each contact's previous
values. ``undo`` puts them back, but only on contacts nobody changed since: a
contact whose values or update time moved in between is left alone and listed.
A contact that already has the new values is not sent at all.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.transfer.gate import Gate

CONCURRENCY = 6
MAX_RATE_WAITS = 8


@dataclass
class Changed:
    contact_id: str
    before: dict[str, Any]  # API field -> the value before
    after: dict[str, Any]  # API field -> the value set
    updated_at: str | None  # the contact's update time right after our change


@dataclass
class Failure:
    contact_id: str
    reason: str
    request_id: str = ""


@dataclass
class BulkProgress:
    total: int
    done: int = 0
    started: float = field(default_factory=time.monotonic)

    def eta(self) -> float | None:
        if self.done < 1 or self.done >= self.total:
            return None
        return (self.total - self.done) * (time.monotonic() - self.started) / self.done


@dataclass
class BulkResult:
    changed: list[Changed] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # had the values already: not sent
    failed: list[Failure] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)  # cancelled before their turn
    saved: list[Contact] = field(default_factory=list)  # the contacts as the server now has them


@dataclass
class UndoResult:
    restored: list[str] = field(default_factory=list)
    saved: list[Contact] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # changed by someone in between: left alone
    failed: list[Failure] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)


def values_of(dialect: Dialect, contact: Contact, names: Sequence[str]) -> dict[str, Any]:
    attrs = {f.name: f.attr for f in dialect.schema.fields}
    return {n: getattr(contact, attrs[n], None) for n in names}


class _Runner:
    """Runs ``job(item)`` for each item, ``concurrency`` at a time, behind a gate."""

    def __init__(self, concurrency: int, report: Callable[[BulkProgress], None] | None, total: int) -> None:
        self.gate = Gate()
        self.cancelled = False
        self.concurrency = max(1, concurrency)
        self.report = report
        self.progress = BulkProgress(total)

    def stopped(self) -> bool:
        return self.cancelled

    async def each(self, items: Sequence[Any], job: Callable[[Any], Any]) -> set[int]:
        """Runs every item not cancelled; returns the indexes that were never started."""
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(len(items)):
            queue.put_nowait(i)
        waits: dict[int, int] = {}

        async def worker() -> None:
            while not self.stopped():
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await self.gate.wait()
                if self.stopped():
                    queue.put_nowait(i)
                    return
                try:
                    await job(items[i])
                except errors.RateLimited as exc:
                    waits[i] = waits.get(i, 0) + 1
                    if waits[i] <= MAX_RATE_WAITS:
                        self.gate.hold(exc.retry_after or 2.0 * waits[i])
                        queue.put_nowait(i)
                        continue
                    raise
                self.progress.done += 1
                if self.report is not None:
                    self.report(self.progress)

        workers = [asyncio.ensure_future(worker()) for _ in range(self.concurrency)]
        try:
            await asyncio.gather(*workers)
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        left: set[int] = set()
        while not queue.empty():
            left.add(queue.get_nowait())
        return left


Report = Callable[[BulkProgress], None]


class BulkEdit:
    def __init__(self, dialect: Dialect, contacts: Sequence[Contact], changes: dict[str, Any], *,
                 concurrency: int = CONCURRENCY, report: Report | None = None) -> None:
        patchable = {f.name for f in dialect.schema.patchable}
        wrong = sorted(set(changes) - patchable)
        if wrong:
            raise errors.ValidationFailed(f"{', '.join(wrong)} cannot be changed on {dialect.schema.title}",
                                          field=wrong[0])
        if not changes:
            raise errors.ValidationFailed("Choose at least one field to change")
        self.dialect = dialect
        self.contacts = list({c.id: c for c in contacts}.values())
        self.changes = dict(changes)
        self.runner = _Runner(concurrency, report, len(self.contacts))

    def cancel(self) -> None:
        """Nothing more is sent; changes under way finish and are in the result (undoable)."""
        self.runner.cancelled = True
        self.runner.gate.resume()

    def pause(self) -> None:
        self.runner.gate.pause()

    def resume(self) -> None:
        self.runner.gate.resume()

    async def run(self) -> BulkResult:
        result = BulkResult()

        async def one(contact: Contact) -> None:
            before = values_of(self.dialect, contact, list(self.changes))
            send = {k: v for k, v in self.changes.items() if before[k] != v}
            if not send:
                result.already.append(contact.id)
                return
            try:
                saved = await self.dialect.update(contact.id, send)
            except errors.RateLimited:
                raise
            except errors.ApiError as exc:
                result.failed.append(Failure(contact.id, exc.message, exc.request_id or ""))
                return
            result.changed.append(Changed(contact.id, {k: before[k] for k in send}, send, saved.updated_at))
            result.saved.append(saved)

        left = await self.runner.each(self.contacts, one)
        result.not_sent = [self.contacts[i].id for i in sorted(left)]
        return result


async def undo(dialect: Dialect, done: BulkResult, *, concurrency: int = CONCURRENCY,
               report: Callable[[BulkProgress], None] | None = None) -> UndoResult:
    """Restores each changed contact's previous values, unless it changed since."""
    out = UndoResult()
    runner = _Runner(concurrency, report, len(done.changed))
    attrs = {f.name: f.attr for f in dialect.schema.fields}

    async def one(change: Changed) -> None:
        try:
            now = await dialect.get(change.contact_id)
        except errors.NotFound:
            out.skipped.append(change.contact_id)  # removed since: nothing to put back
            return
        except errors.RateLimited:
            raise
        except errors.ApiError as exc:
            out.failed.append(Failure(change.contact_id, exc.message, exc.request_id or ""))
            return
        ours = all(getattr(now, attrs[k], None) == v for k, v in change.after.items())
        untouched = change.updated_at is None or now.updated_at == change.updated_at
        if not (ours and untouched):
            out.skipped.append(change.contact_id)
            return
        try:
            back = await dialect.update(change.contact_id, change.before)
        except errors.RateLimited:
            raise
        except errors.ApiError as exc:
            out.failed.append(Failure(change.contact_id, exc.message, exc.request_id or ""))
            return
        out.restored.append(change.contact_id)
        out.saved.append(back)

    left = await runner.each(done.changed, one)
    out.not_sent = [done.changed[i].contact_id for i in sorted(left)]
    return out
