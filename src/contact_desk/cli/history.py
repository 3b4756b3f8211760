"""``contact-desk history --account A``: My changes, as the window's View → My changes shows
them (newest first), or all of them as CSV. And the command line's own changes recorded there."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Iterable

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.cli.errors import EXIT_ERROR
from contact_desk.mirror.changes.journal import Journal, journal_path
from contact_desk.transfer.bulk import Changed
from contact_desk.transfer.history_export import entries_of, write_history_csv
from contact_desk.transfer.texts import plain_value


def record_changes(account_id: str, changes: Iterable[Changed], source: str) -> None:
    """Keeps what the command line wrote; a journal that cannot be written is said, never fatal
    (the changes are made)."""
    entries = entries_of(changes, source)
    try:
        Journal(journal_path(account_id)).record(entries)
    except (OSError, sqlite3.Error) as exc:
        print(f"contact-desk: the changes were made, but My changes could not record them: {exc}",
              file=sys.stderr)


def history(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    journal = Journal(journal_path(account.id))
    try:
        entries = journal.recent() if args.csv is not None else journal.recent(max(0, args.limit))
    except sqlite3.Error as exc:
        print(f"contact-desk: My changes cannot be read: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.csv is not None:
        count = write_history_csv(args.csv, entries)
        print(f"Wrote {count:,} changes to {args.csv}.", file=sys.stderr)
        return 0
    if not entries:
        print(f"No changes made from this computer to {account.name} yet.", file=sys.stderr)
    for e in entries:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(e.at))
        names = sorted(set(e.before) | set(e.after))
        fields = "; ".join(f"{n}: {plain_value(e.before.get(n))} → {plain_value(e.after.get(n))}" if e.before
                           else f"{n}: {plain_value(e.after.get(n))}" for n in names)
        tail = f" (request id {e.request_id})" if e.request_id else ""
        print(f"{when}  {e.name}  [{e.source}]  {fields}{tail}")
    return 0
