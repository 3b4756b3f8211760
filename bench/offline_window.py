"""Opening an account whose server is down, with a complete offline copy: the time from
the window shown to the first rows painted. Run by bench/mirror.py in a fresh process.

    .venv/bin/python bench/offline_window.py COPIES_FOLDER COPY_NAME

COPY_NAME.sqlite3 in COPIES_FOLDER is a complete SmartCQ copy (bench/mirror.py makes
one); it is renamed for the benchmark's account and back afterwards. The server's
address is a closed port on 127.0.0.1. Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
from contact_desk.api import ApiKey, make_http_client
from contact_desk.tasks import Tasks
from contact_desk.ui.context import Services
from contact_desk.ui.window.main_window import MainWindow

SIDES = ("", "-wal", "-shm")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nobody listens


class FirstRows(QObject):
    """Notes the first paint of the table's viewport that shows a loaded row."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.at: float | None = None
        window.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None and self.window.model.contact(0) is not None:
            self.at = time.perf_counter()
        return False


async def measure(folder: Path, name: str) -> dict[str, object]:
    async with make_http_client() as http:
        store, keys = MemoryAccountStore(), MemoryKeyStore()
        url = f"http://127.0.0.1:{closed_port()}"
        account = store.add("Offline", "smartcq", url, key=ApiKey("k"), keys=keys)
        for side in SIDES:
            src = folder / f"{name}.sqlite3{side}"
            if src.exists():
                src.rename(folder / f"{account.id}.sqlite3{side}")
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
        services = Services(http=http, accounts=store, keys=keys, settings=settings, tasks=Tasks("bench"),
                            copies_folder=folder)
        window = MainWindow(services)
        window.resize(1200, 800)
        probe = FirstRows(window)
        try:
            window.show()
            shown = time.perf_counter()
            window.load_accounts()
            deadline = time.monotonic() + 60
            while probe.at is None and time.monotonic() < deadline:  # noqa: ASYNC110 (a poll is the probe)
                await asyncio.sleep(0.001)
            offline_deadline = time.monotonic() + 30
            while not window.copies.offline and time.monotonic() < offline_deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            return {"first_rows_ms": round(((probe.at or time.perf_counter()) - shown) * 1000, 1),
                    "rows": window.model.rowCount(), "offline_banner": window.banner.isVisible()}
        finally:
            await window.shutdown()
            window.close()
            for side in SIDES:
                moved = folder / f"{account.id}.sqlite3{side}"
                if moved.exists():
                    moved.rename(folder / f"{name}.sqlite3{side}")


def main() -> None:
    folder, name = Path(sys.argv[1]), sys.argv[2]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(measure(folder, name))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
