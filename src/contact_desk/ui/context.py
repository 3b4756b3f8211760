"""What the windows are given by the composition root (app.py)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from PySide6.QtCore import QSettings

from contact_desk.accounts import AccountStore, KeyStore
from contact_desk.sandbox import Sandbox
from contact_desk.tasks import Tasks


@dataclass
class Services:
    http: httpx.AsyncClient
    accounts: AccountStore
    keys: KeyStore
    settings: QSettings
    tasks: Tasks = field(default_factory=Tasks)
    sandbox: Sandbox | None = None  # the demo's, when one runs
    copies_folder: Path | None = None  # where offline copies live; None: no offline copies (tests)
    demo_copies: Path | None = None  # the demo's copies: a temporary folder, removed on quit

    def start_demo_copies(self) -> Path:
        """A temporary folder for the demo accounts' offline copies (app.py removes it on quit)."""
        self.demo_copies = Path(tempfile.mkdtemp(prefix="contact-desk-demo-copies-"))
        return self.demo_copies

    def end_demo(self) -> None:
        """Stops the demo's sandbox and removes its copies' temporary folder (on quit)."""
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        if self.demo_copies is not None:
            shutil.rmtree(self.demo_copies, ignore_errors=True)
            self.demo_copies = None
