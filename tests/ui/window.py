"""Opening a real MainWindow on the sandbox inside a test coroutine."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings
from pytestqt.qtbot import QtBot

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.api import ApiKey, make_http_client
from contact_desk.api.transport import make_transport
from contact_desk.models.contact_table import ContactTableModel
from contact_desk.sandbox import Sandbox
from contact_desk.tasks import Tasks
from contact_desk.ui.context import Services
from contact_desk.ui.window.main_window import MainWindow

DEMO = (("Demo SmartCQ", "smartcq", "demo-smartcq"), ("Demo Replicer", "replicer", "rpl_test_demo"))


@contextlib.asynccontextmanager
async def open_window(qtbot: QtBot, sandbox: Sandbox, folder: Path,
                      accounts: tuple[tuple[str, str, str], ...] = DEMO,
                      copies: Path | None = None, base_url: str | None = None) -> AsyncIterator[MainWindow]:
    """``copies``: a folder for offline copies (None: the window keeps none, as before);
    ``base_url``: where the accounts point (the sandbox's by default; a Switch in front of it)."""
    transport = make_transport()
    async with make_http_client(transport=transport) as http:
        store, keys = MemoryAccountStore(), MemoryKeyStore()
        for name, dialect, key in accounts:
            store.add(name, dialect, base_url or sandbox.base_url, key=ApiKey(key), keys=keys)
        settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        services = Services(http=http, accounts=store, keys=keys, settings=settings, tasks=Tasks("test"),
                            copies_folder=copies, network=transport)
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        window.load_accounts()
        try:
            yield window
        finally:
            await window.shutdown()  # the app's own end (app.py)
            assert services.tasks.failures == []


def select_rows(w: MainWindow, rows: Iterable[int]) -> None:
    """Selects whole rows of the contact table, as Ctrl+clicks would."""
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        w.table.selectionModel().select(w.model.index(row, 0), flags)


def source_text(w: MainWindow) -> str:
    """What the status bar says of where the rows come from, in full ("Sync now" when offered)."""
    view = w.offline_view
    return view.label.full_text() + (" Sync now" if not view.link.isHidden() else "")


def loaded_rows(model: ContactTableModel) -> int:
    """Rows the model holds in memory."""
    return sum(len(items) for _first, items in model.source.loaded()) if model.source else 0
