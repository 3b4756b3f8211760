"""Run as a module (``python -m tests.ui.narrow [dialogs]``): opens the window on a small sandbox
with an offline copy, asks it for 640 x 480 (or opens every dialog of both dialects), and prints
one JSON line of what it got. The screen tests run it in a fresh process, so that
``QT_SCALE_FACTOR`` and the offscreen screen's size (fixed when Qt starts) can differ."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from contact_desk.sandbox import Sandbox
from tests.ui.window import DEMO, open_window

WIDTH, HEIGHT = 640, 480


class _Bot:
    def addWidget(self, _widget: QWidget) -> None:
        pass


def _outside(window: QWidget, widgets: list[QWidget]) -> list[str]:
    """The names of visible widgets that do not lie within the window's width."""
    out = []
    for w in widgets:
        if w.isVisibleTo(window):
            right = w.mapTo(window, QPoint(w.width(), 0)).x()
            if right > window.width():
                out.append(w.objectName() or w.accessibleName() or type(w).__name__)
    return out


async def measure() -> dict[str, Any]:
    sandbox = Sandbox(contacts=60, seed=3)
    sandbox.start()
    folder = Path(tempfile.mkdtemp())
    try:
        async with open_window(_Bot(), sandbox, folder, DEMO, copies=folder / "copies") as w:  # type: ignore[arg-type]
            for _ in range(200):
                if w.filter_bar.search is not None and w.model.contact(0) is not None:
                    break
                await asyncio.sleep(0.05)
            long = "Syncing the offline copy: 123,456 of 1,000,000 contacts, about 12 min left " * 3
            label = w.offline_view.label
            getattr(label, "set_full_text", label.setText)(long)  # a long status text
            w.resize(WIDTH, HEIGHT)
            await asyncio.sleep(0.3)
            controls = [*w.filter_bar.focus_chain(), w.table, w.offline_view.label, w.status.rows_label]
            return {"width": w.width(), "min_width": w.minimumSizeHint().width(),
                    "scale": w.devicePixelRatioF(), "outside": _outside(w, controls),
                    "controls": len(controls)}
    finally:
        sandbox.stop()


async def dialogs() -> dict[str, Any]:
    """Each dialog's frame, and whether it lies within the screen's available area."""
    sandbox = Sandbox(contacts=60, seed=3)
    sandbox.start()
    folder = Path(tempfile.mkdtemp())
    out: dict[str, Any] = {}
    try:
        async with open_window(_Bot(), sandbox, folder, DEMO, copies=folder / "copies") as w:  # type: ignore[arg-type]
            room = w.screen().availableGeometry()
            out["screen"] = [room.width(), room.height()]
            for index, dialect in enumerate(("smartcq", "replicer")):
                w.account_switcher.combo.setCurrentIndex(index)
                w.account_switcher.combo.activated.emit(index)
                for _ in range(200):
                    if w.dialect is not None and w.dialect.name == dialect and w.model.contact(0) is not None:
                        break
                    await asyncio.sleep(0.05)
                w.table.selectRow(0)
                openers = {"import": w.transfers.import_contacts, "export": w.transfers.export_contacts,
                           "change": w.transfers.change_contacts, "new": w.new_contact,
                           "accounts": w.account_switcher.open_dialog}
                for name, opener in openers.items():
                    dialog = opener()
                    assert dialog is not None, name
                    await asyncio.sleep(0.3)
                    frame = dialog.frameGeometry()
                    out[f"{dialect} {name}"] = [frame.width(), frame.height(), room.contains(frame)]
                    dialog.close()
                    await asyncio.sleep(0.1)
    finally:
        sandbox.stop()
    return out


async def conflict() -> dict[str, Any]:
    """SmartCQ's New contact form refused with a 409: its height, the room, and how far its fields
    scroll (0: everything in sight)."""
    sandbox = Sandbox(contacts=60, seed=3)
    sandbox.start()
    folder = Path(tempfile.mkdtemp())
    try:
        async with open_window(_Bot(), sandbox, folder, DEMO, copies=folder / "copies") as w:  # type: ignore[arg-type]
            for _ in range(200):
                if w.model.contact(0) is not None:
                    break
                await asyncio.sleep(0.05)
            existing = w.model.contact(0)
            form = w.new_contact()
            assert form is not None and existing is not None
            await asyncio.sleep(0.3)
            before = form.height()
            form.editors["email"].set_value(existing.email.upper())  # type: ignore[union-attr]
            form.editors["lastName"].set_value("Typed")
            form.save()
            for _ in range(200):
                if form.errors["email"].isVisible():
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)
            room = form.screen().availableGeometry()
            return {"before": before, "height": form.frameGeometry().height(), "room": room.height(),
                    "scrolls": form.fields_area.verticalScrollBar().maximum(),
                    "message": form.errors["email"].isVisible()}
    finally:
        sandbox.stop()


def main() -> None:
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    jobs = {"dialogs": dialogs, "conflict": conflict}
    job = jobs.get(sys.argv[1] if sys.argv[1:] else "", measure)
    with loop:
        print(json.dumps(loop.run_until_complete(job())), flush=True)


if __name__ == "__main__":
    main()
