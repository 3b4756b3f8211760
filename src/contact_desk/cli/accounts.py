"""``contact-desk accounts``: add, list, set-key, remove, test."""

from __future__ import annotations

import argparse
import asyncio

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.api import guess_dialect
from contact_desk.api.network import RouteSeen, trace
from contact_desk.api.schema import SCHEMAS
from contact_desk.cli.common import UsageError, cli_route, connect, read_key, said_of_key, try_key
from contact_desk.mirror import forget


def accounts_add(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    key = read_key()
    dialect = args.dialect or guess_dialect(key.reveal())
    if dialect is None:
        raise UsageError(f"Cannot tell the dialect from this key: give --dialect {' or '.join(SCHEMAS)}")
    name, dialect, url = store.validate(args.name, dialect, args.base_url)
    if not args.no_verify:
        try_key(dialect, key, url, keys)
    account = store.add(name, dialect, url, key=key, keys=keys)
    print(f"Added {account.title} at {account.base_url}.")
    return 0


def accounts_set_key(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    """Stores a new key for an existing account (a revoked key, or one a crash lost)."""
    account = store.find(args.name)
    key = read_key()
    if not args.no_verify:
        try_key(account.dialect, key, account.base_url, keys)
    store.set_key(account, key, keys)
    print(f"Stored the new key for {account.title}.")
    return 0


def accounts_list(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    accounts = store.all()
    if not accounts:
        print(f"No accounts yet. Add one with: contact-desk accounts add NAME --dialect {'|'.join(SCHEMAS)}")
        return 0
    width = max(len(a.name) for a in accounts)
    for a in accounts:
        print(f"{a.name:<{width}}  {SCHEMAS[a.dialect].title:<9}  {a.base_url}")
    return 0


def accounts_remove(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.name)
    store.remove(account, keys)
    copy = " and its offline copy" if forget(account.id) else ""
    print(f"Removed {account.title}, its key{copy}.")
    return 0


def accounts_test(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.name)

    async def run() -> tuple[tuple[int | None, bool | None], RouteSeen | None]:
        async with connect(account, keys) as dialect:
            route = cli_route(keys)
            seen = await trace(dialect.endpoint.http, account.base_url, route) if args.verbose else None
            return await dialect.check_key(), seen

    said, seen = asyncio.run(run())
    print(f"{account.title}: {said_of_key(*said)}.")
    if seen is not None:  # the route, never a secret
        print(f"  route: {'direct' if seen.via == 'direct' else 'through the proxy ' + seen.via}")
        if seen.issuer is not None:
            print(f"  certificate: issued by {seen.issuer}; valid until {seen.expires}")
        print(f"  answer time: {seen.ms:,.0f} ms")
    return 0
