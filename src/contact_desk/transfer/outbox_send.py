"""Sending the outbox (``mirror/changes/outbox.py``) when the server answers again. Qt-free.

In order, one request at a time per contact (different contacts a few at a time), one sender
per account across processes (the outbox's lock). Each edit goes through the save check against
what the user saw (``checked_save``): a field a colleague changed too stops that item as a
conflict, both values kept for the user. Each create is sent exactly once: an item found marked
``sending`` (a kill -9 or a lost answer) is first looked for on the server (``api/creating``: the
newest contacts holding its values, made since its first try); SmartCQ's 409 is ours only when the
contact it names holds our values and was made since then. A created contact's temporary id
becomes the server's in the items after it (the caller replaces it in the copy and My changes).

A network failure, a timeout or 5xx after the transport's retries stops the run (the server went
away again): the item stays where it was, nothing is dropped. A refused key stops it too, the
item marked. Every other refusal marks that item (``needs``) and the run goes on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from contact_desk.api import Dialect, errors
from contact_desk.api.creating import Creation, made_by
from contact_desk.api.models import CONTACT_TYPES, Contact
from contact_desk.api.schema import DialectSchema
from contact_desk.api.transport import answered_request_id
from contact_desk.mirror.changes import outbox as ob
from contact_desk.mirror.local_copy import LocalCopy
from contact_desk.transfer.bulk import Changed, display_name
from contact_desk.transfer.checked_save import checked_update, values_of

CONCURRENCY = 6  # contacts at a time (each contact's items strictly in order)


@dataclass
class Sent:
    """What a run did. ``busy``: another process is sending this outbox."""

    sent: int = 0
    needs: int = 0
    busy: bool = False
    stopped: errors.ApiError | None = None  # the failure that stopped the run (offline again, key refused)
    created: dict[str, Contact] = field(default_factory=dict)  # temporary id → the contact the server made
    saved: list[Contact] = field(default_factory=list)  # contacts as the server now has them
    changes: list[tuple[str, Changed]] = field(default_factory=list)  # (source, change) for My changes


class _Stop(Exception):
    def __init__(self, error: errors.ApiError) -> None:
        self.error = error


async def send_outbox(dialect: Dialect, outbox: ob.Outbox,
                      on_item: Callable[[ob.Item, str], None] | None = None,
                      concurrency: int = CONCURRENCY) -> Sent:
    """Sends every waiting item; ``on_item(item, state)`` as each goes (sending, sent, needs)."""
    out = Sent()
    with outbox.sender() as mine:
        if not mine:
            out.busy = True
            return out
        groups: dict[str, list[ob.Item]] = {}
        for item in outbox.items():
            groups.setdefault(item.contact_id, []).append(item)
        gate = asyncio.Semaphore(max(1, concurrency))
        stop = asyncio.Event()

        async def group(items: list[ob.Item]) -> None:
            async with gate:
                created: str | None = None
                for queued in items:
                    if stop.is_set() or queued.state == ob.NEEDS:
                        return  # a later item of the contact never overtakes one waiting for the user
                    item = queued
                    if item.contact_id.startswith(ob.TEMPORARY) and item.kind == ob.EDIT:
                        if created is None:
                            return  # its create has not reached the server yet
                        item = dataclasses.replace(item, contact_id=created)
                    try:
                        created = await _one(dialect, outbox, item, out, on_item) or created
                    except _Stop as exc:
                        out.stopped = exc.error
                        stop.set()
                        return

        await asyncio.gather(*(group(items) for items in groups.values()))
    return out


async def _one(dialect: Dialect, outbox: ob.Outbox, item: ob.Item, out: Sent,
               on_item: Callable[[ob.Item, str], None] | None) -> str | None:
    """Sends one item; the server's id when it was a create."""
    was_sending = item.state == ob.SENDING
    outbox.sending(item.seq)
    item = dataclasses.replace(item, tried=outbox.get(item.seq).tried)  # when its first try went
    if on_item is not None:
        on_item(item, ob.SENDING)
    try:
        if item.kind == ob.CREATE:
            made = await _create(dialect, outbox, item, was_sending)
            if made is None:
                out.needs += 1
                _said(on_item, item, ob.NEEDS)
                return None
            outbox.sent(item.seq, item.contact_id, made.id)
            out.created[item.contact_id] = made
            out.saved.append(made)
            made_change = Changed(made.id, {}, dict(item.values), answered_request_id() or "",
                                  display_name(made))
            out.changes.append((item.source, made_change))
            out.sent += 1
            _said(on_item, item, "sent")
            return made.id
        decided, saved = await checked_update(dialect, item.contact_id, item.base, item.values)
        if saved is None:
            clashes = [{"name": c.name, "before": c.before, "yours": c.yours, "theirs": c.theirs}
                       for c in decided.clashes]
            outbox.needs(item.seq, ob.CONFLICT, decided.clashes[0].name, json.dumps(clashes))
            out.needs += 1
            _said(on_item, item, ob.NEEDS)
            return None
        outbox.sent(item.seq)
        out.saved.append(saved.contact)
        if saved.sent:
            after = values_of(dialect.schema, saved.contact, saved.sent)
            out.changes.append((item.source, Changed(item.contact_id, saved.before, after, saved.request_id,
                                                     display_name(saved.contact))))
        out.sent += 1
        _said(on_item, item, "sent")
        return None
    except (errors.NetworkError, errors.ServerError, errors.RateLimited, errors.ProtocolError) as exc:
        raise _Stop(exc) from None  # stays "sending": checked on the server before it goes again
    except (errors.Unauthorized, errors.Forbidden) as exc:
        outbox.needs(item.seq, ob.REFUSED, "", exc.message, exc.request_id or "")
        _said(on_item, item, ob.NEEDS)
        raise _Stop(exc) from None
    except errors.ApiError as exc:
        problem = (ob.UNKNOWN_TAG if isinstance(exc, errors.UnknownTag) else ob.GONE
                   if isinstance(exc, errors.NotFound) else ob.INVALID)
        outbox.needs(item.seq, problem, getattr(exc, "field", None) or "", exc.message, exc.request_id or "")
        out.needs += 1
        _said(on_item, item, ob.NEEDS)
        return None


def _said(on_item: Callable[[ob.Item, str], None] | None, item: ob.Item, state: str) -> None:
    if on_item is not None:
        on_item(item, state)


async def _create(dialect: Dialect, outbox: ob.Outbox, item: ob.Item, was_sending: bool) -> Contact | None:
    """The contact the item makes, exactly once; None when it needs the user (marked)."""
    creation = Creation(dialect)
    creation.started, creation.maybe_sent = item.tried, was_sending  # a try may have been carried out
    try:
        return await creation.create(item.values)
    except errors.Conflict as exc:  # SmartCQ: a contact with this email exists
        if exc.existing_id:
            existing = await dialect.get(exc.existing_id)
            if made_by(existing, item.values, dialect.schema, dialect.endpoint.server_time(item.tried)):
                return existing  # ours: an earlier try made it
        outbox.needs(item.seq, ob.EXISTS, dialect.schema.conflict_field or "", exc.existing_id or exc.message,
                     exc.request_id or "")
        return None
    except errors.OutcomeUnknown as exc:
        raise _Stop(exc) from None


def _stamp(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(at)) + f".{int(at * 1000) % 1000:03d}Z"


def pending_contact(schema: DialectSchema, contact: Contact | None, values: dict[str, Any],
                    contact_id: str | None = None) -> Contact:
    """The contact as the copy shows it while a change waits: ``contact`` with ``values`` (API field
    names), or a new one under ``contact_id`` (a create's temporary id)."""
    attrs = {schema.field(k).attr: v for k, v in values.items()}
    if contact is not None:
        return msgspec.structs.replace(contact, **attrs)
    now = _stamp(time.time())
    made: Contact = CONTACT_TYPES[schema.dialect](id=contact_id or ob.temporary_id(), created_at=now,
                                                   updated_at=now, **attrs)
    return made


async def settle_copy(copy: LocalCopy, sent: Sent) -> None:
    """The copy after a run: temporary contacts replaced by the server's, the rest as the server
    now has them."""
    if sent.created:
        await copy.remove(list(sent.created))
    if sent.saved:
        await copy.put(sent.saved)


async def show_pending(copy: LocalCopy, contacts: list[Contact]) -> None:
    """Waiting changes in the copy (its searches and filters see them)."""
    await copy.put(contacts)
