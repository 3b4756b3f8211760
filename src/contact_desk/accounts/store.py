"""Account records (id, name, dialect, base URL) in the per-user config directory.

Never a key: keys live in the OS keyring (``accounts.secrets``). The file is
written atomically and readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import msgspec
import platformdirs

from contact_desk.api import DIALECTS, check_base_url
from contact_desk.api.schema import SCHEMAS

CONFIG_ENV = "CONTACT_DESK_CONFIG_DIR"


class AccountError(Exception):
    """A problem with the account records, in words a user understands."""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("contact-desk", appauthor=False, roaming=True))


class _Record(msgspec.Struct, rename="camel"):
    id: str
    name: str
    dialect: str
    base_url: str


class _File(msgspec.Struct):
    version: int = 1
    accounts: list[_Record] = msgspec.field(default_factory=list)


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    dialect: str
    base_url: str

    @property
    def title(self) -> str:
        return f"{self.name} ({SCHEMAS[self.dialect].title})"


class AccountStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or config_dir()
        self.path = self.folder / "accounts.json"

    def all(self) -> list[Account]:
        if not self.path.exists():
            return []
        try:
            data = msgspec.json.decode(self.path.read_bytes(), type=_File)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise AccountError(f"The account list {self.path} cannot be read: {exc}") from None
        return [Account(r.id, r.name, r.dialect, r.base_url) for r in data.accounts]

    def _write(self, accounts: list[Account]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = msgspec.json.format(msgspec.json.encode(_File(accounts=[
            _Record(a.id, a.name, a.dialect, a.base_url) for a in accounts])))
        tmp = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise AccountError(f"The account list {self.path} cannot be saved: {exc.strerror}") from None

    def find(self, name_or_id: str) -> Account:
        wanted = name_or_id.strip().casefold()
        for account in self.all():
            if account.id == name_or_id or account.name.casefold() == wanted:
                return account
        raise AccountError(f"There is no account named {name_or_id!r}")

    def validate(self, name: str, dialect: str, base_url: str | None, *, except_id: str | None = None
                 ) -> tuple[str, str, str]:
        name = name.strip()
        if not name:
            raise AccountError("An account needs a name")
        if dialect not in DIALECTS:
            raise AccountError(f"Unknown dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
        if any(a.name.casefold() == name.casefold() and a.id != except_id for a in self.all()):
            raise AccountError(f"An account named {name!r} already exists")
        url = check_base_url(base_url or SCHEMAS[dialect].default_base_url)
        return name, dialect, url

    def add(self, name: str, dialect: str, base_url: str | None = None) -> Account:
        name, dialect, url = self.validate(name, dialect, base_url)
        account = Account(uuid.uuid4().hex, name, dialect, url)
        self._write([*self.all(), account])
        return account

    def update(self, account: Account, *, name: str | None = None, base_url: str | None = None) -> Account:
        new_name, _, url = self.validate(name or account.name, account.dialect, base_url or account.base_url,
                                         except_id=account.id)
        changed = replace(account, name=new_name, base_url=url)
        self._write([changed if a.id == account.id else a for a in self.all()])
        return changed

    def remove(self, account: Account) -> None:
        self._write([a for a in self.all() if a.id != account.id])


class MemoryAccountStore(AccountStore):
    """Accounts kept in this process only (the demo): nothing is written to disk."""

    def __init__(self) -> None:
        super().__init__(Path("/nonexistent-memory-store"))
        self._accounts: list[Account] = []

    def all(self) -> list[Account]:
        return list(self._accounts)

    def _write(self, accounts: list[Account]) -> None:
        self._accounts = list(accounts)
