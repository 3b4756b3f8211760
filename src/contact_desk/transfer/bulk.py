"""Changing many contacts at once, and undoing it. Qt-free.

``BulkEdit`` sets the same editable fields on many contacts, a few at a time behind
the shared gate (429 slows everyone down), remembering each contact's previous
values. ``undo`` puts them back, but only on contacts nobody changed since: a
contact whose values or update time moved in between is left alone and listed.
A contact that already has the new values is not sent at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.tasks import time_left
from contact_desk.transfer.gate import GatedWork

CONCURRENCY = 6


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
        return time_left(self.done, self.total, self.started)


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
        self.result = BulkResult()
        self.progress = BulkProgress(len(self.contacts))
        self.report = report
        self.work = GatedWork(concurrency, self._one, self._failed, self._step)

    def cancel(self) -> None:
        """Nothing more is sent; changes under way finish and are in the result (undoable)."""
        self.work.cancel()

    @property
    def refused(self) -> errors.Unauthorized | None:
        """The server refused the key: the run stopped there (the rest are ``not_sent``)."""
        return self.work.refused

    def pause(self) -> None:
        self.work.gate.pause()

    def resume(self) -> None:
        self.work.gate.resume()

    def _step(self) -> None:
        self.progress.done += 1
        if self.report is not None:
            self.report(self.progress)

    def _failed(self, contact: Contact, exc: errors.ApiError) -> None:
        self.result.failed.append(Failure(contact.id, exc.message, exc.request_id or ""))

    async def _one(self, contact: Contact) -> None:
        before = values_of(self.dialect, contact, list(self.changes))
        send = {k: v for k, v in self.changes.items() if before[k] != v}
        if not send:
            self.result.already.append(contact.id)
            return
        saved = await self.dialect.update(contact.id, send)
        self.result.changed.append(Changed(contact.id, {k: before[k] for k in send}, send, saved.updated_at))
        self.result.saved.append(saved)

    async def run(self) -> BulkResult:
        left = await self.work.run(self.contacts)
        self.result.not_sent = [c.id for c in left]
        return self.result


async def undo(dialect: Dialect, done: BulkResult, *, concurrency: int = CONCURRENCY,
               report: Report | None = None) -> UndoResult:
    """Restores each changed contact's previous values, unless it changed since."""
    out = UndoResult()
    progress = BulkProgress(len(done.changed))
    attrs = {f.name: f.attr for f in dialect.schema.fields}

    async def one(change: Changed) -> None:
        try:
            now = await dialect.get(change.contact_id)
        except errors.NotFound:
            out.skipped.append(change.contact_id)  # removed since: nothing to put back
            return
        ours = all(getattr(now, attrs[k], None) == v for k, v in change.after.items())
        untouched = change.updated_at is None or now.updated_at == change.updated_at
        if not (ours and untouched):
            out.skipped.append(change.contact_id)
            return
        out.saved.append(await dialect.update(change.contact_id, change.before))
        out.restored.append(change.contact_id)

    def failed(change: Changed, exc: errors.ApiError) -> None:
        out.failed.append(Failure(change.contact_id, exc.message, exc.request_id or ""))

    def step() -> None:
        progress.done += 1
        if report is not None:
            report(progress)

    left = await GatedWork(concurrency, one, failed, step).run(done.changed)
    out.not_sent = [c.contact_id for c in left]
    return out
