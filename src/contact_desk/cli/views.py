"""``contact-desk views list|export|import``: saved views handed round as files (``.cdview``), so a
team lead gives everyone the same "Leads to call this week"; a view naming a field the account's
dialect lacks is imported without it, and said (accounts/view_files.py)."""

from __future__ import annotations

import argparse
import sys

import msgspec

from contact_desk.accounts import AccountStore, KeyStore, ViewError
from contact_desk.accounts.view_files import dialect_title, fit, read_view, write_view
from contact_desk.api.schema import SCHEMAS
from contact_desk.cli.errors import EXIT_ERROR


def views_list(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    views = store.views().of(account.id)
    if not views:
        print(f"{account.name} has no saved views.", file=sys.stderr)
    for view in views:
        print(view.name)
    return 0


def views_export(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    view = store.views().find(account.id, args.view)
    write_view(args.output, view, account.dialect)
    print(f"Wrote the view {view.name!r} of {account.name} to {args.output}.", file=sys.stderr)
    return 0


def views_import(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    try:
        view, dialect = read_view(args.file)
    except ViewError as exc:
        print(f"contact-desk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    fitted = fit(view, SCHEMAS[account.dialect])
    chosen = msgspec.structs.replace(fitted.view, name=args.name) if args.name else fitted.view
    saved = store.views().add(account.id, chosen)  # never over a view of the same name
    print(f"Saved the view {saved.name!r} in {account.name}.", file=sys.stderr)
    if fitted.left_out:
        print(f"Left out, as {dialect_title(account.dialect)} accounts do not have them: "
              f"{', '.join(fitted.left_out)} (the view was made on a {dialect_title(dialect)} account).",
              file=sys.stderr)
    return 0
