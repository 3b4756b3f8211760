"""How Contact Desk reaches the servers, as the user chose it (the window's Network settings,
or ``contact-desk network``): the system's proxies (default), one proxy given by hand, or direct.
Kept beside the account list (``network.json``, under the shared lock); the manual proxy's
password only in the OS keyring, never in the file, a log or a message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from contact_desk.accounts.keyring_store import KeyStore
from contact_desk.api.network import DIRECT, MANUAL, SYSTEM, Route
from contact_desk.api.schema import QT_TRANSLATE_NOOP
from contact_desk.files import FileProblem
from contact_desk.json_store import JsonStore, StoreBusy

PROXY_PASSWORD = "network-proxy-password"  # the keyring entry of the manual proxy's password


class NetworkProblem(Exception):
    """A choice that cannot be saved, in words a user understands: an English template marked for
    translation (context "words") and its values; ``str()`` is the English."""

    def __init__(self, template: str, **values: str) -> None:
        super().__init__(template.format(**values))
        self.template, self.values = template, values

    def render(self, translate: Callable[[str, str], str]) -> str:
        return translate("words", self.template).format(**self.values)


@dataclass(frozen=True)
class Network:
    mode: str = SYSTEM
    proxy: str = ""  # MANUAL: the proxy's URL, without user or password
    user: str = ""  # MANUAL: the user name the proxy asks for, if any


def check_proxy_url(url: str) -> str:
    """A proxy's URL as kept: http(s), a host, no user or password in it (those go apart)."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        parsed = httpx.URL("invalid:")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise NetworkProblem(QT_TRANSLATE_NOOP(
            "words", "A proxy's address starts with http:// or https:// and names a host, like "
            "http://proxy.example.com:8080"))
    if parsed.userinfo:
        raise NetworkProblem(QT_TRANSLATE_NOOP("words", "Give the user name and the password in their own "
                                               "fields, not in the address"))
    return str(parsed).rstrip("/")


class NetworkChoice:
    def __init__(self, folder: Path | None) -> None:
        self.store = JsonStore(folder / "network.json" if folder is not None else None,
                               {"mode": SYSTEM, "proxy": "", "user": ""})

    def read(self) -> Network:
        raw = self.store.read_or_empty()  # unreadable: the system's proxies, as a new install
        mode = raw.get("mode") if raw.get("mode") in (SYSTEM, MANUAL, DIRECT) else SYSTEM
        return Network(str(mode), str(raw.get("proxy") or ""), str(raw.get("user") or ""))

    def save(self, network: Network, password: str | None, keys: KeyStore) -> None:
        """Keeps the choice; ``password`` (manual, with a user) goes to the keyring; None keeps
        the one stored. Raises NetworkProblem, or a KeyringProblem from the keyring."""
        proxy = check_proxy_url(network.proxy) if network.mode == MANUAL else ""
        if network.mode == MANUAL and password is not None:
            keys.set_secret(PROXY_PASSWORD, password)
        try:
            with self.store.change(unreadable_as_empty=True) as content:
                content.update({"mode": network.mode, "proxy": proxy, "user": network.user.strip()})
        except (StoreBusy, FileProblem) as exc:
            raise NetworkProblem(QT_TRANSLATE_NOOP("words", "The network settings cannot be saved: {reason}"),
                                 reason=str(exc)) from None

    def route(self, keys: KeyStore) -> Route:
        """The route the choice means, the password read from the keyring (never kept here)."""
        chosen = self.read()
        if chosen.mode != MANUAL or not chosen.proxy:
            return Route(DIRECT) if chosen.mode == DIRECT else Route()
        url = httpx.URL(chosen.proxy)
        if chosen.user:
            url = url.copy_with(username=chosen.user, password=keys.get_secret(PROXY_PASSWORD) or None)
        return Route(MANUAL, str(url))
