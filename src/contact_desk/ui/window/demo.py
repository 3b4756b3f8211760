"""Try the demo: the embedded sandbox started off the UI thread, its progress shown,
and two demo accounts whose keys stay in memory (nothing is written)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.api import ApiKey
from contact_desk.api.schema import SCHEMAS
from contact_desk.sandbox import DEMO_ACCOUNTS, Sandbox

if TYPE_CHECKING:
    from contact_desk.ui.window.main_window import MainWindow


def _progress_text(done: int, total: int) -> str:
    number = QLocale().toString
    text = QCoreApplication.translate("Demo", "Building the demo data: {done} of {total} contacts ({share})")
    return text.format(done=number(done), total=number(total),
                       share=number(done * 100 // max(total, 1)) + " %")


async def start_demo(window: MainWindow, contacts: int, seed: int) -> None:
    welcome, services = window.welcome, window.services
    welcome.busy(QCoreApplication.translate("Demo", "Starting the demo…"))
    window.statusBar().showMessage(QCoreApplication.translate("Demo", "Starting the demo sandbox…"))
    loop = asyncio.get_running_loop()

    def shown(done: int, total: int) -> None:
        if total and services.sandbox is None:
            welcome.busy(_progress_text(done, total))

    def built(done: int, total: int) -> None:  # on the build thread: hand over to the UI's
        loop.call_soon_threadsafe(shown, done, total)

    sandbox = Sandbox(contacts=contacts, seed=seed, progress=built)
    try:
        await loop.run_in_executor(None, sandbox.start)
    except (OSError, RuntimeError) as exc:
        welcome.busy("")
        welcome.status.setText(
            QCoreApplication.translate("Demo", "The demo could not start: {error}").format(error=exc))
        return
    services.sandbox = sandbox
    # Offline copies of the demo accounts live in a temporary folder, removed on quit.
    services.demo_copies = Path(tempfile.mkdtemp(prefix="contact-desk-demo-copies-"))
    window.copies.folder = services.demo_copies if services.copies is not None else None
    services.accounts, services.keys = MemoryAccountStore(), MemoryKeyStore()
    added = [services.accounts.add(
        QCoreApplication.translate("Demo", "Demo {dialect}").format(dialect=SCHEMAS[dialect].title), dialect,
        sandbox.base_url, key=ApiKey(key), keys=services.keys) for dialect, key in DEMO_ACCOUNTS]
    first = added[0]
    window.forget_accounts_dialog()
    welcome.busy("")
    window.statusBar().clearMessage()
    window.load_accounts(select=first.id)
