"""Changing many contacts at once, and undoing it. Qt-free.

``BulkEdit`` sets the same editable fields on many contacts, a few at a time behind
the shared gate (429 slows everyone down). Each contact is read first: whether it
already has the new values is decided on the server's values, not the table's, and
the values it had just before the run are the ones remembered. ``undo`` puts back
only the fields that still hold what the run set: a field someone changed since is
left as it is and named (``UndoResult.left``). Tags are put back element by element.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from contact_desk.api import Dialect, errors
from contact_desk.api.models import Contact
from contact_desk.tasks import time_left
from contact_desk.transfer.checked_save import merge, same, send_checked, values_of
from contact_desk.transfer.gate import GatedWork

CONCURRENCY = 6


@dataclass
class Changed:
    contact_id: str
    before: dict[str, Any]  # API field -> the value before
    after: dict[str, Any]  # API field -> the value set
    request_id: str = ""  # the write's
    name: str = ""  # the contact's name when it was changed (what My changes shows)


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
    skipped: list[str] = field(default_factory=list)  # nothing put back: changed by someone since, or gone
    left: dict[str, list[str]] = field(default_factory=dict)  # contact id → fields changed since: left
    names: dict[str, str] = field(default_factory=dict)  # contact id → the name to say (the ones left)
    failed: list[Failure] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)  # what the Undo itself wrote (My changes)


Report = Callable[[BulkProgress], None]


def display_name(contact: Contact) -> str:
    """The contact as a person names it: its name, else its email, else its id."""
    email, company = getattr(contact, "email", None), getattr(contact, "company", None)
    return contact.full_name or email or company or contact.id


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
        schema = self.dialect.schema
        now = await self.dialect.get(contact.id)  # the server's values decide, not the table's
        before = values_of(schema, now, self.changes)
        send = {k: v for k, v in self.changes.items() if not same(schema.field(k), before[k], v)}
        if not send:
            self.result.already.append(contact.id)
            self.result.saved.append(now)  # the table shows what the server has
            return
        saved = await send_checked(self.dialect, now, send)
        after = values_of(schema, saved.contact, send)
        self.result.changed.append(Changed(contact.id, saved.before, after, saved.request_id,
                                           display_name(now)))
        self.result.saved.append(saved.contact)

    async def run(self) -> BulkResult:
        left = await self.work.run(self.contacts)
        self.result.not_sent = [c.id for c in left]
        return self.result


async def undo(dialect: Dialect, done: BulkResult, *, concurrency: int = CONCURRENCY,
               report: Report | None = None) -> UndoResult:
    """Restores each changed field that still holds the value the change set; a field changed
    since is left and named. The contacts as the server then has them are in ``saved``."""
    out = UndoResult()
    progress = BulkProgress(len(done.changed))
    schema = dialect.schema

    async def one(change: Changed) -> None:
        try:
            now = await dialect.get(change.contact_id)
        except errors.NotFound:
            out.skipped.append(change.contact_id)  # removed since: nothing to put back
            return
        # undoing is a save of "before" over "after": the same per-field check as any save
        decided = merge(schema, change.after, change.before, values_of(schema, now, change.after))
        left = [c.name for c in decided.clashes] + [n for n in decided.theirs if n not in decided.send]
        if left:
            out.left[change.contact_id] = left
            out.names[change.contact_id] = display_name(now)
        if not decided.send:
            if left:
                out.skipped.append(change.contact_id)
            else:
                out.restored.append(change.contact_id)  # already back as it was
            out.saved.append(now)  # the window shows what the server has, not the undone value
            return
        saved = await send_checked(dialect, now, decided.send)
        out.saved.append(saved.contact)
        out.restored.append(change.contact_id)
        back = values_of(schema, saved.contact, saved.sent)
        out.changed.append(Changed(change.contact_id, saved.before, back, saved.request_id,
                                   display_name(now)))

    def failed(change: Changed, exc: errors.ApiError) -> None:
        out.failed.append(Failure(change.contact_id, exc.message, exc.request_id or ""))

    def step() -> None:
        progress.done += 1
        if report is not None:
            report(progress)

    left = await GatedWork(concurrency, one, failed, step).run(done.changed)
    out.not_sent = [c.contact_id for c in left]
    return out
