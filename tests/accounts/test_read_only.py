"""A config folder that cannot be written (a read-only filesystem, really mounted): removing,
adding or renaming an account changes nothing, keeps the key and says why."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from contact_desk.accounts import AccountError, AccountStore, KeyStore
from contact_desk.api import ApiKey
from tests.accounts.backends import MemoryKeyring
from tests.mirror.disk import small_disk


def test_a_read_only_config_folder_changes_nothing_and_keeps_the_key(tmp_path: Path) -> None:
    with small_disk(tmp_path / "config", 1024) as folder:
        store, keys = AccountStore(folder), KeyStore(MemoryKeyring())
        alpha = store.add("Alpha", "smartcq", "https://app.smartcq.it", key=ApiKey("k-alpha"), keys=keys)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        for change in (lambda: store.remove(store.find("Alpha"), keys),
                       lambda: store.add("Beta", "smartcq", None, key=ApiKey("k-beta"), keys=keys),
                       lambda: store.update(store.find("Alpha"), name="Gamma")):
            with pytest.raises(AccountError, match="Nothing was changed"):
                change()
        assert [a.name for a in store.all()] == ["Alpha"]
        assert keys.get(alpha.id).reveal() == "k-alpha"
