"""What the windows are given by the composition root (app.py): fixed for the app's life. The
two things that do change say so: the account book (the demo swaps in its own accounts and keys,
and ``replaced`` lets what held the old ones let go) and the demo's sandbox and folder."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from PySide6.QtCore import QObject, QSettings, Signal

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.api.network import RoutingTransport
from contact_desk.tasks import Tasks

if TYPE_CHECKING:  # the sandbox (uvicorn, starlette) is loaded only when a demo starts
    from contact_desk.sandbox import Sandbox


class AccountBook(QObject):
    """The account records and their keys the windows work with."""

    replaced = Signal()  # another store and key store are in use (the demo's)

    def __init__(self, accounts: AccountStore, keys: KeyStore) -> None:
        super().__init__()
        self.accounts, self.keys = accounts, keys

    def replace(self, accounts: AccountStore, keys: KeyStore) -> None:
        self.accounts, self.keys = accounts, keys
        self.replaced.emit()


class Demo:
    """The demo's sandbox and its accounts' copies folder, while a demo runs."""

    def __init__(self) -> None:
        self.sandbox: Sandbox | None = None
        self.copies: Path | None = None

    def make_copies_folder(self) -> Path:
        """A temporary folder for the demo accounts' offline copies (removed by ``end``)."""
        self.copies = Path(tempfile.mkdtemp(prefix="contact-desk-demo-copies-"))
        return self.copies

    def end(self) -> None:
        """Stops the sandbox and removes the copies' folder (on quit)."""
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        if self.copies is not None:
            shutil.rmtree(self.copies, ignore_errors=True)
            self.copies = None


class Services:
    __slots__ = ("_copies_folder", "_http", "_settings", "_tasks", "book", "demo", "network")

    def __init__(self, http: httpx.AsyncClient, accounts: AccountStore, keys: KeyStore, settings: QSettings,
                 tasks: Tasks | None = None, copies_folder: Path | None = None,
                 network: RoutingTransport | None = None) -> None:
        self._http, self._settings = http, settings
        self.network = network  # the client's transport: its route follows the Network settings
        self._tasks = tasks if tasks is not None else Tasks()
        self._copies_folder = copies_folder  # None: no offline copies (tests, the self-test)
        self.book = AccountBook(accounts, keys)
        self.demo = Demo()

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http

    @property
    def settings(self) -> QSettings:
        return self._settings

    @property
    def tasks(self) -> Tasks:
        return self._tasks

    @property
    def copies_folder(self) -> Path | None:
        return self._copies_folder

    @property
    def accounts(self) -> AccountStore:
        return self.book.accounts

    @property
    def keys(self) -> KeyStore:
        return self.book.keys

    @property
    def sandbox(self) -> Sandbox | None:
        """The demo's sandbox, when one runs."""
        return self.demo.sandbox
