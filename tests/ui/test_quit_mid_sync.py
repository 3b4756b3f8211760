"""Ctrl+Q while the offline copy syncs: the copy is kept, never set aside, and the next
start goes on from where the sync was."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import contact_desk.mirror.syncing.sync as sync_module
from contact_desk.mirror import LocalCopy
from contact_desk.sandbox import Faults, Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window


@pytest.mark.parametrize(("account", "dialect", "key"), [("Shop", "smartcq", "demo-smartcq"),
                                                          ("Rep", "replicer", "rpl_test_demo")])
def test_quitting_during_a_sync_keeps_the_copy(aloop: Loop, qtbot: QtBot, faulty: Sandbox, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch, account: str, dialect: str,
                                                key: str) -> None:
    monkeypatch.setattr(sync_module, "SAVE_EVERY", 0.0)
    copies = tmp_path / "copies"

    async def main() -> None:
        faulty.faults = Faults(latency_ms=8)
        async with open_window(qtbot, faulty, tmp_path, ((account, dialect, key),), copies=copies) as w:
            await until(lambda: w.copies.syncing is not None and w.copies.syncing.full
                        and w.copies.syncing.fetched >= 200, within=30, what="a sync halfway")
            w.close()  # Ctrl+Q: the window's close, then the app's end (open_window's aclose)
        faulty.faults = Faults()
        assert [p.name for p in copies.iterdir() if p.name.endswith(".damaged")] == []
        folder_copy = next(p for p in copies.iterdir() if p.suffix == ".sqlite3")
        copy = await LocalCopy.open(folder_copy.stem, dialect, copies)
        try:
            assert copy.notice is None and (await copy.status()).contacts >= 150
            assert await copy.meta_json("walk") is not None  # where to go on from
        finally:
            await copy.close()

    aloop.run(main(), timeout=90)
