"""Try the demo: the embedded sandbox started off the UI thread (its progress on the welcome
page), and two demo accounts whose keys stay in memory (nothing is written)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QStatusBar

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.api import ApiKey
from contact_desk.api.schema import SCHEMAS
from contact_desk.ui.accounts.welcome import WelcomePage
from contact_desk.ui.context import Services

if TYPE_CHECKING:  # the sandbox (uvicorn, starlette) is loaded only when the demo starts
    from contact_desk.sandbox import Sandbox
from contact_desk.ui.offline.offline_copy import OfflineCopy


def progress_text(done: int, total: int) -> str:
    number = QLocale().toString
    text = QCoreApplication.translate("Demo", "Building the demo data: {done} of {total} contacts ({share})")
    return text.format(done=number(done), total=number(total),
                       share=number(done * 100 // max(total, 1)) + " %")


async def start_sandbox(contacts: int, seed: int, said: Callable[[str], None]) -> Sandbox:
    from contact_desk.sandbox import Sandbox

    """The sandbox, started on a worker thread; ``said`` gets its progress as text on the UI's
    thread. Raises OSError or RuntimeError when it cannot start."""
    loop = asyncio.get_running_loop()
    started = False

    def shown(done: int, total: int) -> None:
        if total and not started:
            said(progress_text(done, total))

    def built(done: int, total: int) -> None:  # on the build thread: hand over to the UI's
        loop.call_soon_threadsafe(shown, done, total)

    sandbox = Sandbox(contacts=contacts, seed=seed, progress=built)
    await loop.run_in_executor(None, sandbox.start)
    started = True
    return sandbox


def demo_accounts(sandbox: Sandbox) -> tuple[MemoryAccountStore, MemoryKeyStore, str]:
    from contact_desk.sandbox import DEMO_ACCOUNTS

    """In-memory accounts for the sandbox's demo tenants; the id of the first."""
    accounts, keys = MemoryAccountStore(), MemoryKeyStore()
    added = [accounts.add(
        QCoreApplication.translate("Demo", "Demo {dialect}").format(dialect=SCHEMAS[dialect].title), dialect,
        sandbox.base_url, key=ApiKey(key), keys=keys) for dialect, key in DEMO_ACCOUNTS]
    return accounts, keys, added[0].id


async def run_demo(services: Services, welcome: WelcomePage, status: QStatusBar, copies: OfflineCopy,
                   contacts: int, seed: int) -> str | None:
    """The sandbox started (its progress on the welcome page) and its demo accounts in use;
    returns the account to show first, or None when the demo could not start (said there)."""
    welcome.busy(QCoreApplication.translate("Demo", "Starting the demo…"))
    status.showMessage(QCoreApplication.translate("Demo", "Starting the demo sandbox…"))
    try:
        sandbox = await start_sandbox(contacts, seed, welcome.busy)
    except (OSError, RuntimeError) as exc:
        welcome.busy("")
        status.clearMessage()
        welcome.status.setText(
            QCoreApplication.translate("Demo", "The demo could not start: {error}").format(error=exc))
        return None
    services.demo.sandbox = sandbox
    accounts, keys, first = demo_accounts(sandbox)
    services.book.replace(accounts, keys)  # the Accounts dialog lets the old ones go
    if services.copies_folder is not None:  # the demo's copies: a temporary folder, removed on quit
        copies.folder = services.demo.make_copies_folder()
    welcome.busy("")
    status.clearMessage()
    return first
