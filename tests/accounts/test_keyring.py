"""API keys in the keyring: the real SecretService, and in-memory backends for the error paths."""

from __future__ import annotations

import uuid

import keyring
import pytest
from keyring.backends import fail

from contact_desk.accounts import (
    KeyMissing,
    KeyringFailed,
    KeyringLocked,
    KeyringUnavailable,
    KeyStore,
    MemoryKeyStore,
    backend_name,
)
from contact_desk.accounts.keyring_store import SERVICE
from contact_desk.api import ApiKey
from tests.accounts.backends import FailingKeyring, LockedKeyring, MemoryKeyring, PlaintextKeyring
from tests.conftest import require

SECRET = "demo-smartcq-" + "s3cr3t"


def real_secret_service() -> KeyStore:
    name = backend_name()
    require("SecretService" in name, f"no SecretService keyring here (got {name}); "
            ".ci/run starts gnome-keyring under dbus-run-session")
    return KeyStore()


def test_real_keyring_round_trip() -> None:
    store = real_secret_service()
    account = f"test-{uuid.uuid4().hex}"
    store.set(account, ApiKey(SECRET))
    try:
        assert store.get(account).reveal() == SECRET
        assert keyring.get_password(SERVICE, account) == SECRET  # really in the OS keyring
        store.set(account, ApiKey(SECRET + "2"))
        assert store.get(account).reveal() == SECRET + "2"
    finally:
        store.delete(account)
    with pytest.raises(KeyMissing):
        store.get(account, "Ufficio")
    store.delete(account)  # deleting twice is fine


def test_memory_backend_round_trip() -> None:
    backend = MemoryKeyring()
    store = KeyStore(backend)
    store.set("acc", ApiKey(SECRET))
    assert backend.items == {(SERVICE, "acc"): SECRET}
    assert store.get("acc").reveal() == SECRET
    store.delete("acc")
    assert backend.items == {}


@pytest.mark.parametrize(("backend", "error"), [
    (LockedKeyring(), KeyringLocked), (FailingKeyring(), KeyringFailed),
    (fail.Keyring(), KeyringUnavailable), (PlaintextKeyring(), KeyringUnavailable),
])
def test_keyring_problems_are_typed_and_never_show_the_key(backend: keyring.backend.KeyringBackend,
                                                           error: type[Exception]) -> None:
    store = KeyStore(backend)
    for action in (lambda: store.set("acc", ApiKey(SECRET)), lambda: store.get("acc")):
        with pytest.raises(error) as info:
            action()
        text = f"{info.value} {info.value!r} {info.value.__cause__!r} {info.value.__context__!r}"
        assert SECRET not in text
        assert "try again" in str(info.value) or "could not" in str(info.value)


def test_plain_file_backends_are_refused_with_a_reason() -> None:
    with pytest.raises(KeyringUnavailable, match="plain file"):
        KeyStore(PlaintextKeyring()).set("acc", ApiKey(SECRET))


def test_demo_keys_stay_in_memory() -> None:
    store = MemoryKeyStore()
    store.set("demo", ApiKey("demo-smartcq"))
    assert store.get("demo").reveal() == "demo-smartcq"
    assert store.backend_name == "memory (demo)"
    store.delete("demo")
    with pytest.raises(KeyMissing):
        store.get("demo")
