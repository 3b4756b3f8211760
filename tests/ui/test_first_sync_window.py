"""A first sync in the window: the rows first (the list reads the copy), then the search index,
which the status bar counts, while a search already reads what is indexed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import contact_desk.mirror.syncing.sync as sync_module
from contact_desk.mirror.syncing import fill as fill_module
from contact_desk.mirror.syncing.fill import Filler
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Sandbox
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window, source_text

SCQ = (("Shop", "smartcq", "demo-smartcq"),)


def test_the_window_says_how_far_the_search_index_is_and_searches_what_is_indexed(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fill_module, "CHUNK", 10**9)  # nothing indexed during the walk
    monkeypatch.setattr(sync_module, "END_CHUNK", 100)
    gate, calls = threading.Event(), []
    index = Filler.index_committed

    def held(self: Filler, limit: int) -> int:  # the second chunk waits until the test has looked
        calls.append(limit)
        if len(calls) == 2:
            gate.wait(20)
        return index(self, limit)

    monkeypatch.setattr(Filler, "index_committed", held)

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            try:
                await until(lambda: len(calls) == 2, within=30, what="the search index being built")
                total = w.copies.status.contacts if w.copies.status else 0
                await until(lambda: "building its search index: 100 of" in source_text(w),
                            what="the index's progress")
                assert f"of {total:,}" in source_text(w) and total > 100
                assert w.copies.status is not None and w.copies.status.complete  # every row is in
                await until(lambda: w.model.source_kind is SourceKind.LOCAL, what="the list from the copy")
                assert w.filter_bar.search is not None
                w.filter_bar.search.setText("a")
                w.filter_bar.search.returnPressed.emit()
                await until(lambda: w.model.query.search == "a" and w.model.total is not None)
                partial = w.model.total
                assert 0 < partial <= 100  # only what is indexed so far can be found
            finally:
                gate.set()
            await until(lambda: w.copies.syncing is None and w.copies.status is not None
                        and w.copies.status.search_complete, within=30, what="the sync's end")
            w.filter_bar.search.setText("ab")
            w.filter_bar.search.returnPressed.emit()
            w.filter_bar.search.setText("a")
            w.filter_bar.search.returnPressed.emit()
            await until(lambda: w.model.query.search == "a" and w.model.total is not None
                        and w.model.total > partial, what="every contact searchable")

    aloop.run(main(), timeout=90)


def test_during_a_first_sync_the_sidebar_counts_what_the_copy_lists_so_far(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 34, point 3: the sidebar said 0 while the list had rows during a first sync (the copy's
    totals are made at its end), and after a restart mid-sync a count the list did not agree with."""
    import asyncio

    from contact_desk.api.dialect import Query
    from contact_desk.mirror.syncing.fill import Fill

    put, pages, go = Fill.put, [], asyncio.Event()

    async def held(self: Fill, items: object) -> None:  # the walk waits after its first page
        pages.append(1)
        if len(pages) > 1:
            await go.wait()
        await put(self, items)  # type: ignore[arg-type]

    monkeypatch.setattr(Fill, "put", held)

    def shop(w: object) -> str:
        names = [item.text(0) for item in w.side.sidebar._items()]  # type: ignore[attr-defined]
        return next((n for n in names if n.startswith("Shop")), "")

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            try:
                await until(lambda: len(pages) > 1 and w.copies.copy is not None, within=30,
                            what="the walk under way")
                await until(lambda: w.copies.status is not None and not w.copies.status.complete,
                            what="the copy's status")
                w.side.changed()
                await until(lambda: shop(w) == "Shop (syncing…)", within=10, what="the sidebar: syncing")
            finally:
                go.set()
            await until(lambda: w.copies.status is not None and w.copies.status.complete, within=30,
                        what="the sync's end")
            assert w.copies.copy is not None
            listed = await w.copies.copy.count(Query())
            w.side.changed()
            await until(lambda: shop(w) == f"Shop ({listed:,})", within=10, what="the count, once complete")

    aloop.run(main(), timeout=90)
