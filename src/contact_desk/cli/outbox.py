"""``contact-desk outbox list|send|discard --account A``: the changes waiting to be sent (made
while the server could not be reached, by the window or ``create --queue``), sent in order with
the save check, or discarded. What was sent goes into the offline copy and My changes."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

import msgspec

from contact_desk.accounts import Account, AccountStore, KeyStore
from contact_desk.api import errors as api_errors
from contact_desk.api.schema import SCHEMAS
from contact_desk.api.validate import Invalid, at_least_one_missing, check
from contact_desk.cli.common import UsageError, connect
from contact_desk.cli.errors import EXIT_SOME_ROWS, reason
from contact_desk.cli.history import record_changes
from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, LocalCopy, copy_path
from contact_desk.mirror.changes import outbox as ob
from contact_desk.transfer.field_names import EMAIL, FIRST_NAME, LAST_NAME
from contact_desk.transfer.outbox_send import pending_contact, send_outbox, settle_copy

NEEDS_WORDS = {ob.CONFLICT: "changed by someone else too", ob.UNKNOWN_TAG: "a tag the account lacks",
               ob.EXISTS: "a contact with this email exists", ob.INVALID: "a value the server refused",
               ob.REFUSED: "the key was refused", ob.GONE: "the contact no longer exists"}


def _box(account: Account) -> ob.Outbox:
    return ob.Outbox(ob.outbox_path(account.id))


def _state(item: ob.Item) -> str:
    if item.state != ob.NEEDS:
        return "waiting"
    said = NEEDS_WORDS.get(item.problem, item.problem)
    if item.problem == ob.CONFLICT:
        clashes = json.loads(item.detail or "[]")
        said += ": " + "; ".join(f"{c['name']} yours {c['yours']!r}, on the server now {c['theirs']!r}"
                                 for c in clashes)
    elif item.detail:
        said += f": {item.detail}"
    where = f", on {item.field}" if item.field and item.problem != ob.CONFLICT else ""
    return f"needs you ({said}{where})"


def outbox_list(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    items = _box(account).items()
    if not items:
        print(f"Nothing is waiting to be sent to {account.name}.", file=sys.stderr)
    for item in items:
        fields = ", ".join(f"{k}={v!r}" for k, v in item.values.items())
        print(f"#{item.seq}  {item.kind}  {item.name or item.contact_id}  {_state(item)}  {fields}")
    return 0


def outbox_discard(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    if args.item is None and not args.all:
        raise UsageError("Give --item N (from contact-desk outbox list) or --all")
    gone = _box(account).discard(None if args.all else args.item)
    if not gone:
        raise UsageError(f"There is no waiting change #{args.item}")
    print(f"Discarded {gone:,} waiting change(s); they will not be sent.", file=sys.stderr)
    return 0


async def _settle(account: Account, sent: Any) -> None:
    if not copy_path(account.id).exists():
        return
    try:
        copy = await LocalCopy.open(account.id, account.dialect)
    except (CopyDamaged, CopyBusy) as exc:  # the copy catches up at its next sync
        print(f"The offline copy was not updated ({exc}); its next sync brings the changes.", file=sys.stderr)
        return
    try:
        await settle_copy(copy, sent)
    except (CopyDamaged, CopyBusy, CopyClosed) as exc:
        print(f"The offline copy was not updated ({exc}); its next sync brings the changes.", file=sys.stderr)
    finally:
        await copy.close()


def outbox_send(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    box = _box(account)
    if not box.count():
        print(f"Nothing is waiting to be sent to {account.name}.", file=sys.stderr)
        return 0

    async def run() -> Any:
        async with connect(account, keys) as dialect:
            sent = await send_outbox(dialect, box)
        await _settle(account, sent)
        for source, change in sent.changes:
            record_changes(account.id, [change], source)
        return sent

    sent = asyncio.run(run())
    if sent.busy:
        print("Another Contact Desk (a window or a command) is sending these changes now.", file=sys.stderr)
        return 0
    left = box.count()
    print(f"Sent {sent.sent:,}; {sent.needs:,} need you; {left:,} still waiting.", file=sys.stderr)
    if sent.stopped is not None:
        code, words = reason(sent.stopped, "outbox")
        print(f"Sending stopped: {words} The rest wait; nothing was lost.", file=sys.stderr)
        return code
    return EXIT_SOME_ROWS if left else 0


def queue_create(account: Account, values: dict[str, Any], cause: api_errors.ApiError) -> bytes:
    """``create --queue``: the contact into the outbox (checked as online), said; its JSON with
    the temporary id."""
    schema = SCHEMAS[account.dialect]
    checked: dict[str, Any] = {}
    for name, value in values.items():
        try:
            checked[name] = check(schema.field(name), value)
        except Invalid as exc:
            raise UsageError(f"{name}: {exc.message}") from None
        except KeyError:
            raise UsageError(f"{schema.title} contacts have no field {name!r}") from None
    checked = {k: v for k, v in checked.items() if v not in (None, "", [])}
    if at_least_one_missing(schema, checked):
        raise UsageError("Give at least one of: " + ", ".join(schema.at_least_one))
    temp = ob.temporary_id()
    name = " ".join(str(checked.get(k, "")) for k in (FIRST_NAME, LAST_NAME)).strip()
    try:
        _box(account).create(temp, name or str(checked.get(EMAIL, "")), checked)
    except ob.OutboxFull as exc:
        raise UsageError(f"{exc}: send them first (contact-desk outbox send)") from None
    print(f"The server could not be reached ({reason(cause, 'create')[1]}): the contact waits in the outbox "
          f"and is sent by 'contact-desk outbox send --account {account.name}' or the window when the "
          "server answers.", file=sys.stderr)
    return msgspec.json.format(msgspec.json.encode(pending_contact(schema, None, checked, temp)))
