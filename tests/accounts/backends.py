"""Keyring backends for the error paths (in memory; never on disk)."""

from __future__ import annotations

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Used only by passing it in: a priority that raises makes keyring's own discovery
    treat the class as not viable, so it never joins the real backend chain."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test backend: never chosen by keyring")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the collection is locked")


class FailingKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"D-Bus went away while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(5, f"I/O error writing {password}")


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backends, which we refuse."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class StallingKeyring(MemoryKeyring):
    """A keyring whose service never answers in time (a stalled D-Bus activation)."""

    stall_s = 30.0

    def get_password(self, service: str, username: str) -> str | None:
        import time

        time.sleep(self.stall_s)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        import time

        time.sleep(self.stall_s)
        super().set_password(service, username, password)
