"""Account records on disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from contact_desk.accounts import AccountError, AccountStore, KeyStore, config_dir
from contact_desk.api import ApiKey, errors
from tests.accounts.backends import MemoryKeyring

KEY = ApiKey("demo-smartcq")


def keys() -> KeyStore:
    return KeyStore(MemoryKeyring())


def test_config_dir_follows_the_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONTACT_DESK_CONFIG_DIR", str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"
    monkeypatch.delenv("CONTACT_DESK_CONFIG_DIR")
    assert "contact-desk" in str(config_dir())


def test_add_find_update_remove(tmp_path: Path) -> None:
    store, ks = AccountStore(tmp_path), keys()
    a = store.add("Ufficio Milano", "smartcq", None, key=KEY, keys=ks)
    b = store.add("Replicer test", "replicer", "http://127.0.0.1:8765/", key=KEY, keys=ks)
    assert a.base_url == "https://app.smartcq.it" and b.base_url == "http://127.0.0.1:8765"
    assert store.find("ufficio milano") == a and store.find(b.id) == b
    renamed = store.update(a, name="Ufficio Roma")
    assert [x.name for x in AccountStore(tmp_path).all()] == ["Ufficio Roma", "Replicer test"]
    store.remove(renamed, ks)
    assert AccountStore(tmp_path).all() == [b]
    assert not ks.has(a.id) and ks.has(b.id)
    with pytest.raises(AccountError):
        store.find("Ufficio Roma")


@pytest.mark.parametrize(("name", "dialect", "url"), [
    ("", "smartcq", None), ("Dup", "smartcq", None), ("x", "outlook", None),
    ("y", "smartcq", "http://crm.example.com"), ("z", "smartcq", "http://localhost:99999"),
    ("w", "replicer", "https://crm.example.com:0"), ("bell\x07", "smartcq", None),
])
def test_bad_records_are_refused(tmp_path: Path, name: str, dialect: str, url: str | None) -> None:
    store, ks = AccountStore(tmp_path), keys()
    store.add("dup", "smartcq", None, key=KEY, keys=ks)
    with pytest.raises((AccountError, errors.ConfigurationError)):
        store.add(name, dialect, url, key=KEY, keys=ks)
    assert len(store.all()) == 1


def test_the_file_is_private_and_holds_no_key(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "contact-desk"
    store = AccountStore(folder)
    store.add("A", "replicer", None, key=KEY, keys=keys())
    mode = stat.S_IMODE(os.stat(store.path).st_mode)
    if os.name == "posix":
        assert mode == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # the folder too, not 0755
    text = store.path.read_text()
    assert "key" not in text.lower() and "rpl_" not in text


def test_a_damaged_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "accounts.json").write_text("{not json")
    with pytest.raises(AccountError, match="cannot be read"):
        AccountStore(tmp_path).all()
