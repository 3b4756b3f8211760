"""A keyring that never answers costs a bounded wait and a message saying what to do,
not two minutes of silence."""

from __future__ import annotations

import pytest

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.accounts.keyring_store import KeyringNoAnswer
from contact_desk.api import ApiKey
from tests.accounts.backends import StallingKeyring


def test_a_stalled_keyring_is_said_within_the_bound(tmp_path: object) -> None:
    keys = KeyStore(StallingKeyring(), timeout=0.3)
    with pytest.raises(KeyringNoAnswer, match=r"did not answer within 0\.3 s when asked to read the key"):
        keys.get("acct")
    with pytest.raises(KeyringNoAnswer, match="unlock it"):
        keys.set("acct", ApiKey("k"))


def test_adding_an_account_with_a_stalled_keyring_keeps_nothing_half_done(tmp_path: object) -> None:
    from pathlib import Path

    store, keys = AccountStore(Path(str(tmp_path))), KeyStore(StallingKeyring(), timeout=0.3)
    with pytest.raises(KeyringNoAnswer):
        store.add("Alpha", "smartcq", None, key=ApiKey("k-alpha"), keys=keys)
    assert store.all() == []
