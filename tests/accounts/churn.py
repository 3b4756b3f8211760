"""A process that adds (or removes) accounts in a loop, for the kill -9 tests:
``python -m tests.accounts.churn add|remove CONFIG_DIR``. Uses the real keyring."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.api import ApiKey


def main() -> None:
    action, folder = sys.argv[1], Path(sys.argv[2])
    store, keys = AccountStore(folder), KeyStore()
    if action == "add":
        for i in range(10_000):
            store.add(f"churn-{os.getpid()}-{i}", "smartcq", None, key=ApiKey(f"key-{i}"), keys=keys)
            print(i, flush=True)
    else:
        for account in store.all():
            store.remove(account, keys)
            print(account.name, flush=True)


if __name__ == "__main__":
    main()
