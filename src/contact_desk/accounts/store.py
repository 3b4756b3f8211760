"""Account records (id, name, dialect, base URL) in the per-user config directory.

Never a key: keys live in the OS keyring (``accounts.secrets``). The file is
written atomically, readable by its owner only, in a folder only its owner can
open; changes from several processes are serialised by a lock file beside it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import filelock
import msgspec
import platformdirs

from contact_desk.accounts.copy_choices import CopyChoices
from contact_desk.accounts.dismissed import DismissedGroups
from contact_desk.accounts.keyring_store import KeyringProblem, KeyStore
from contact_desk.accounts.network_choice import NetworkChoice
from contact_desk.accounts.views import ViewStore
from contact_desk.api import DIALECTS, ApiKey, check_base_url, errors
from contact_desk.api.schema import SCHEMAS
from contact_desk.files import FileProblem, atomic_write, private_folder

CONFIG_ENV = "CONTACT_DESK_CONFIG_DIR"
LOCK_TIMEOUT = 30.0  # seconds to wait for another process's change (a keyring prompt may be open)
READY, ADDING, REMOVING = "ready", "adding", "removing"
STATES = (READY, ADDING, REMOVING)


class AccountError(Exception):
    """A problem with the account records, in words a user understands."""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("contact-desk", appauthor=False, roaming=True))


class _Record(msgspec.Struct, rename="camel", omit_defaults=True):
    id: str
    name: str
    dialect: str
    base_url: str
    # "adding" or "removing" while a change that also touches the keyring is under way;
    # a crash leaves it behind and the next change repairs it (see ``_repair``).
    state: str = READY


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


def _account(r: _Record) -> Account:
    return Account(r.id, r.name, r.dialect, r.base_url)


class AccountStore:
    """The account list. Every change runs under a lock shared by all processes,
    re-reads the file under it, and orders record and key so that a crash at any
    point leaves both, neither, or a marked record that the next change repairs."""

    def __init__(self, folder: Path | None = None, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.folder = folder or config_dir()
        self.path = self.folder / "accounts.json"
        self.lock_timeout = lock_timeout

    # -- reading ------------------------------------------------------------------
    def all(self) -> list[Account]:
        """The usable accounts, in the order they were added."""
        return [_account(r) for r in self._load() if r.state == READY]

    def _broken(self, what: str) -> AccountError:
        return AccountError(
            f"The account list {self.path} cannot be read: {what}. It was left as it is: fix or "
            "delete that record with a text editor, or move the file away to start with no accounts.")

    def _load(self) -> list[_Record]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise AccountError(f"The account list {self.path} cannot be read: {exc.strerror}") from None
        try:
            raw.decode("utf-8")  # msgspec 0.23 says only "Invalid UTF-8 encoded string"
            data = msgspec.json.decode(raw, type=_File)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise self._broken(str(exc)) from None
        except (UnicodeDecodeError, RecursionError, ValueError):
            raise self._broken("it is not valid UTF-8 JSON") from None
        for r in data.accounts:
            if r.dialect not in DIALECTS:
                raise self._broken(f"the account {r.name!r} has an unknown dialect {r.dialect!r} "
                                   f"(known: {', '.join(DIALECTS)})")
            if not r.id.strip() or not r.name.strip() or r.state not in STATES:
                raise self._broken(f"the record {r.id!r} has no name, no id or an unknown state")
            try:
                check_base_url(r.base_url)
            except errors.ConfigurationError as exc:
                raise self._broken(f"the account {r.name!r} has an unusable address ({exc.message})") \
                    from None
        return list(data.accounts)

    def views(self) -> ViewStore:
        """The accounts' saved views, kept beside the account list."""
        return ViewStore(self.folder)

    def dismissed(self) -> DismissedGroups:
        """The groups of possible duplicates marked "not duplicates", beside the account list."""
        return DismissedGroups(self.folder)

    def copy_choices(self) -> CopyChoices:
        """Which accounts keep an offline copy, and how often it is synced."""
        return CopyChoices(self.folder)

    def network_choice(self) -> NetworkChoice:
        """How the servers are reached (the system's proxies, a manual one, or direct)."""
        return NetworkChoice(self.folder)

    @property
    def settings_folder(self) -> Path | None:
        """Where the user's other stores (remembered import mappings) go; None: in memory."""
        return self.folder

    def find(self, name_or_id: str) -> Account:
        wanted = name_or_id.strip().casefold()
        for account in self.all():
            if account.id == name_or_id or account.name.casefold() == wanted:
                return account
        raise AccountError(f"There is no account named {name_or_id!r}")

    def validate(self, name: str, dialect: str, base_url: str | None, *, except_id: str | None = None
                 ) -> tuple[str, str, str]:
        return self._validate(self._load(), name, dialect, base_url, except_id)

    @staticmethod
    def _validate(records: list[_Record], name: str, dialect: str, base_url: str | None,
                  except_id: str | None) -> tuple[str, str, str]:
        name = name.strip()
        if not name:
            raise AccountError("An account needs a name")
        if any(ord(ch) < 32 or ch == "\x7f" for ch in name):
            raise AccountError("An account name cannot contain control characters")
        if dialect not in DIALECTS:
            raise AccountError(f"Unknown dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
        if any(r.name.casefold() == name.casefold() and r.id != except_id for r in records):
            raise AccountError(f"An account named {name!r} already exists")
        url = check_base_url(base_url or SCHEMAS[dialect].default_base_url)
        return name, dialect, url

    # -- changing (under the lock) --------------------------------------------------
    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        try:
            private_folder(self.folder)
        except FileProblem as exc:
            raise AccountError(str(exc)) from None
        lock = filelock.FileLock(self.folder / "accounts.lock", timeout=self.lock_timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise AccountError("Another Contact Desk is changing the accounts right now; try again in a "
                               "moment") from None
        except OSError as exc:  # a read-only or full folder: nothing was changed
            raise AccountError(f"The account list cannot be changed: {self.folder} cannot be written "
                               f"({exc.strerror or exc}). Nothing was changed.") from None
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def _changing(self, keys: KeyStore | None) -> Iterator[list[_Record]]:
        """The records, read under the lock (and repaired when ``keys`` is given)."""
        with self._lock():
            records = self._load()
            if keys is not None and any(r.state != READY for r in records):
                records = self._repair(records, keys)
            yield records

    def repair(self, keys: KeyStore) -> None:
        """Finishes a change a crash interrupted (cheap when there is none)."""
        if any(r.state != READY for r in self._load()):
            with self._changing(keys):
                pass

    def _repair(self, records: list[_Record], keys: KeyStore) -> list[_Record]:
        """Finishes what a crashed change left: an "adding" record whose key was stored
        becomes usable, one without a key goes; a "removing" one loses its key and goes."""
        kept: list[_Record] = []
        for r in records:
            try:
                if r.state == ADDING:
                    if keys.has(r.id):
                        kept.append(msgspec.structs.replace(r, state=READY))
                    continue
                if r.state == REMOVING:
                    keys.delete(r.id)
                    continue
            except KeyringProblem:
                pass  # the keyring cannot tell now: keep the record as it is for a later repair
            kept.append(r)
        if kept != records:
            self._save(kept)
        return kept

    def _save(self, records: list[_Record]) -> None:
        payload = msgspec.json.format(msgspec.json.encode(_File(accounts=records)))
        try:
            with atomic_write(self.path, mode=0o600) as fh:
                fh.write(payload)
        except FileProblem as exc:
            raise AccountError(f"The account list cannot be saved: {exc}. Nothing was changed.") from None

    def add(self, name: str, dialect: str, base_url: str | None, *, key: ApiKey, keys: KeyStore) -> Account:
        """Adds the record and stores its key: both, or neither."""
        with self._changing(keys) as records:
            name, dialect, url = self._validate(records, name, dialect, base_url, None)
            record = _Record(uuid.uuid4().hex, name, dialect, url, state=ADDING)
            self._save([*records, record])
            try:
                keys.set(record.id, key)
            except BaseException:
                self._save(records)
                raise
            self._save([*records, msgspec.structs.replace(record, state=READY)])
            return _account(record)

    def update(self, account: Account, *, name: str | None = None, base_url: str | None = None) -> Account:
        with self._changing(None) as records:
            mine = self._mine(records, account)
            new_name, _, url = self._validate(records, name or mine.name, mine.dialect,
                                              base_url or mine.base_url, account.id)
            changed = msgspec.structs.replace(mine, name=new_name, base_url=url)
            self._save([changed if r.id == account.id else r for r in records])
            return _account(changed)

    def set_key(self, account: Account, key: ApiKey, keys: KeyStore) -> None:
        """Stores (or replaces) the account's key, e.g. after a crash left it without one."""
        with self._changing(keys) as records:
            self._mine(records, account)
            keys.set(account.id, key)

    def remove(self, account: Account, keys: KeyStore) -> None:
        """Removes the key and the record: a crash half-way is finished by the next change;
        a keyring that refuses leaves the account as it was."""
        with self._changing(keys) as records:
            mine = self._mine(records, account)
            marked = [msgspec.structs.replace(r, state=REMOVING) if r is mine else r for r in records]
            self._save(marked)
            try:
                keys.delete(account.id)
            except BaseException:
                self._save(records)
                raise
            self._save([r for r in records if r is not mine])

    def _mine(self, records: list[_Record], account: Account) -> _Record:
        for r in records:
            if r.id == account.id and r.state == READY:
                return r
        raise AccountError(f"There is no account named {account.name!r} any more")


class MemoryAccountStore(AccountStore):
    """Accounts kept in this process only (the demo): nothing is written to disk."""

    def __init__(self) -> None:
        super().__init__(Path("/nonexistent-memory-store"))
        self._records: list[_Record] = []
        self._views = ViewStore(None)
        self._dismissed = DismissedGroups(None)
        self._copy_choices = CopyChoices(None)
        self._network = NetworkChoice(None)

    def views(self) -> ViewStore:
        return self._views

    def dismissed(self) -> DismissedGroups:
        return self._dismissed

    def copy_choices(self) -> CopyChoices:
        return self._copy_choices

    def network_choice(self) -> NetworkChoice:
        return self._network

    @property
    def settings_folder(self) -> Path | None:
        return None

    def _load(self) -> list[_Record]:
        return list(self._records)

    def _save(self, records: list[_Record]) -> None:
        self._records = list(records)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        yield
