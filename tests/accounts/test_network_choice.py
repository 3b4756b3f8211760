"""The network choice (File → Network settings…, read by the command line too): kept beside the
accounts, the manual proxy's password only in the keyring, never in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from contact_desk.accounts import MemoryKeyStore
from contact_desk.accounts.network_choice import PROXY_PASSWORD, Network, NetworkChoice, NetworkProblem
from contact_desk.api.network import DIRECT, MANUAL, SYSTEM, Route


def test_the_system_is_the_default_and_every_choice_is_kept(tmp_path: Path) -> None:
    keys = MemoryKeyStore()
    choice = NetworkChoice(tmp_path)
    assert choice.read() == Network() and choice.route(keys) == Route(SYSTEM)
    choice.save(Network(DIRECT), None, keys)
    assert NetworkChoice(tmp_path).route(keys) == Route(DIRECT)
    choice.save(Network(MANUAL, "http://proxy.example.com:8080/", ""), None, keys)
    assert NetworkChoice(tmp_path).route(keys) == Route(MANUAL, "http://proxy.example.com:8080")


def test_a_proxy_password_goes_to_the_keyring_only(tmp_path: Path) -> None:
    keys = MemoryKeyStore()
    NetworkChoice(tmp_path).save(Network(MANUAL, "http://proxy.example.com:8080", "mario"), "p@ss w0rd", keys)
    assert "p@ss" not in (tmp_path / "network.json").read_text(encoding="utf-8")
    assert keys.get_secret(PROXY_PASSWORD) == "p@ss w0rd"
    route = NetworkChoice(tmp_path).route(keys)
    assert route.mode == MANUAL and route.proxy is not None and "mario:p%40ss%20w0rd@" in route.proxy
    NetworkChoice(tmp_path).save(Network(MANUAL, "http://proxy.example.com:8080", "mario"), None, keys)
    assert keys.get_secret(PROXY_PASSWORD) == "p@ss w0rd"  # left empty: the stored one is kept


@pytest.mark.parametrize("address", ["proxy.example.com:8080", "ftp://proxy", "http://mario:pw@proxy:8080",
                                     ""])
def test_an_address_that_is_not_a_proxys_is_refused(tmp_path: Path, address: str) -> None:
    with pytest.raises(NetworkProblem):
        NetworkChoice(tmp_path).save(Network(MANUAL, address, ""), None, MemoryKeyStore())
    assert not (tmp_path / "network.json").exists()


def test_a_damaged_file_means_the_systems_proxies(tmp_path: Path) -> None:
    (tmp_path / "network.json").write_text("[oops", encoding="utf-8")
    assert NetworkChoice(tmp_path).route(MemoryKeyStore()) == Route(SYSTEM)
