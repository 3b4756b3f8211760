"""Accounts under concurrent writers, crashes, failing keyrings and damaged files:
records and keys stay together (issue 9, points 3 and 7)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contact_desk.accounts import Account, AccountError, AccountStore, KeyStore
from contact_desk.accounts.keyring_store import KeyringFailed
from contact_desk.api import ApiKey
from tests.accounts.backends import MemoryKeyring
from tests.accounts.test_keyring import real_secret_service

KEY = ApiKey("demo-smartcq")
ROOT = Path(__file__).resolve().parents[2]


class DeleteFailsKeyring(MemoryKeyring):
    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("D-Bus went away")


class FailingDisk(AccountStore):
    """A store whose ``fail_at``-th save (counting from 1) fails as a full disk would."""

    def __init__(self, folder: Path, fail_at: int) -> None:
        super().__init__(folder)
        self.saves = 0
        self.fail_at = fail_at

    def _save(self, records: list) -> None:  # type: ignore[type-arg]
        self.saves += 1
        if self.saves == self.fail_at:
            raise AccountError("The account list cannot be saved: No space left on device")
        super()._save(records)


def raw_records(folder: Path) -> list[dict[str, str]]:
    return list(json.loads((folder / "accounts.json").read_text())["accounts"])


def cleanup(folder: Path, keys: KeyStore) -> None:
    store = AccountStore(folder)
    store.repair(keys)
    for account in store.all():
        store.remove(account, keys)


def test_a_keyring_that_refuses_to_delete_keeps_the_account_and_its_key(tmp_path: Path) -> None:
    backend = DeleteFailsKeyring()
    store, keys = AccountStore(tmp_path), KeyStore(backend)
    account = store.add("Milano", "smartcq", None, key=KEY, keys=keys)
    with pytest.raises(KeyringFailed):
        store.remove(account, keys)
    assert store.all() == [account] and keys.get(account.id).reveal() == KEY.reveal()


def test_remove_never_leaves_an_account_without_its_key(tmp_path: Path) -> None:
    keys = KeyStore(MemoryKeyring())
    account = AccountStore(tmp_path).add("Milano", "smartcq", None, key=KEY, keys=keys)
    # The first save (marking the record) fails: nothing changed, the key is still there.
    with pytest.raises(AccountError):
        FailingDisk(tmp_path, fail_at=1).remove(account, keys)
    assert AccountStore(tmp_path).all() == [account] and keys.has(account.id)
    # The last save fails after the key went: the record is hidden, and the next change
    # finishes the removal instead of showing an account with no key.
    with pytest.raises(AccountError):
        FailingDisk(tmp_path, fail_at=2).remove(account, keys)
    assert AccountStore(tmp_path).all() == [] and not keys.has(account.id)
    assert [r["state"] for r in raw_records(tmp_path)] == ["removing"]
    AccountStore(tmp_path).repair(keys)
    assert raw_records(tmp_path) == []


def test_a_key_the_keyring_lost_can_be_set_again(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store, keys = AccountStore(tmp_path), KeyStore(backend)
    account = store.add("Milano", "smartcq", None, key=KEY, keys=keys)
    backend.items.clear()  # a keyring reset, or a crash of an older version
    assert not keys.has(account.id)
    store.set_key(account, ApiKey("new-key"), keys)
    assert keys.get(account.id).reveal() == "new-key" and store.all() == [account]


def test_parallel_adds_keep_every_account_and_key(tmp_path: Path) -> None:
    keys = real_secret_service()
    folder = tmp_path / "config"
    env = {**os.environ, "CONTACT_DESK_CONFIG_DIR": str(folder)}
    procs = [subprocess.Popen([sys.executable, "-m", "contact_desk", "accounts", "add", f"par-{i}",
                               "--dialect", "smartcq", "--no-verify"], env=env, cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(20)]
    try:
        for i, p in enumerate(procs):
            out, err = p.communicate(f"k-par-{i}\n".encode(), timeout=120)
            assert p.returncode == 0 and b"Added" in out, err.decode()
        accounts = AccountStore(folder).all()
        assert sorted(a.name for a in accounts) == sorted(f"par-{i}" for i in range(20))
        assert all(keys.get(a.id).reveal() == f"k-{a.name}" for a in accounts)
    finally:
        cleanup(folder, keys)


def _churn(action: str, folder: Path, rng: random.Random) -> int:
    """Runs the churn process, kills it with SIGKILL at a random moment; its lines printed."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.accounts.churn", action, str(folder)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    try:
        first = proc.stdout.readline()  # started and done one change
        assert first, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
    return 1 + out.count(b"\n")


def test_kill_9_during_add_and_remove_leaves_records_and_keys_together(tmp_path: Path) -> None:
    keys = real_secret_service()
    folder = tmp_path / "config"
    rng = random.Random(9)
    try:
        half_done = 0
        for _ in range(6):
            _churn("add", folder, rng)
            half_done += sum(r.get("state") == "adding" for r in raw_records(folder))
            store = AccountStore(folder)
            store.repair(keys)  # what the next start does
            records = raw_records(folder)
            assert all("state" not in r for r in records)  # nothing half-done is left
            assert all(keys.has(a.id) for a in store.all()), "an account without its key"
        before = AccountStore(folder).all()
        assert len(before) >= 6
        _churn("remove", folder, rng)
        store = AccountStore(folder)
        store.repair(keys)
        after = {a.id for a in store.all()}
        for account in before:  # removed: no key left behind; kept: key still there
            assert keys.has(account.id) == (account.id in after)
        print(f"records caught half-added by a kill: {half_done}")
    finally:
        cleanup(folder, keys)


@pytest.mark.parametrize(("content", "what"), [
    (b'{"version": 1, "accounts": [{"id": "a", "name": "Mil\xffano", "dialect": "smartcq", '
     b'"baseUrl": "https://app.smartcq.it"}]}', "not valid UTF-8"),
    (b'{"version": 1, "accounts": [{"id": "a", "name": "Milano", "dialect": "bogus", '
     b'"baseUrl": "https://app.smartcq.it"}]}', "unknown dialect 'bogus'"),
    (b'{"version": 1, "accounts": [{"id": "a", "name": "Milano", "dialect": "smartcq", '
     b'"baseUrl": "http://localhost:99999"}]}', "unusable address"),
    (b'[' * 5000 + b']' * 5000, "cannot be read"),
])
def test_a_damaged_file_is_a_clear_error_and_is_kept(tmp_path: Path, content: bytes, what: str) -> None:
    (tmp_path / "accounts.json").write_bytes(content)
    store, keys = AccountStore(tmp_path), KeyStore(MemoryKeyring())
    with pytest.raises(AccountError, match=what) as caught:
        store.all()
    assert str(tmp_path / "accounts.json") in str(caught.value) and "text editor" in str(caught.value)
    for change in (lambda: store.add("Roma", "smartcq", None, key=KEY, keys=keys),
                   lambda: store.remove(Account("a", "Milano", "smartcq", "https://app.smartcq.it"), keys)):
        with pytest.raises(AccountError):
            change()
    assert (tmp_path / "accounts.json").read_bytes() == content

