"""Typing a search in the real window: the time from the last keystroke to the results painted,
for searches the offline copy answers (SmartCQ cannot search: the copy does).

    .venv/bin/python bench/search_typing.py [--contacts 100000] [--big 1000000] [--json]

A complete SmartCQ copy of each size is synced once from a sandbox in its own process (both
are kept under ~/.cache/contact-desk-bench). Each scenario runs in a fresh process of this
script, offscreen: the window opens the account on that copy, and realistic words (last and
first names, an email domain, two words) are typed into the search box with QTest key clicks
120 ms apart, the box cleared between words. For each word: the time from its last keystroke
to the first paint of the table showing that word's results. The p95 over the words, and the
longest stall of a 5 ms main-thread heartbeat while typing. ``--during-sync``: the same while
full syncs of the copy run one after another (the sandbox adds 5 ms a request).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import sandbox_process
from table import CACHE, Heartbeat, _app, _until

KEY_MS = 120


def _copy_for(contacts: int, latency: int, dialect: str = "smartcq", folder: Path | None = None,
              name: str = "typing") -> tuple[Path, str]:
    """A complete copy of ``contacts`` of the sandbox (made once, SmartCQ unless said) and its
    file's name."""
    folder = folder or CACHE / f"typing-{contacts}"
    path = folder / f"{name}.sqlite3"
    if path.exists():
        con = sqlite3.connect(path)
        done = con.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
        con.close()
        if done and done[0] == "1":
            return folder, name
    folder.mkdir(parents=True, exist_ok=True)
    from mirror import forget_copy, sync_once

    forget_copy(folder, name)
    with sandbox_process(contacts, CACHE / str(contacts), latency) as base:
        asyncio.run(sync_once(base, dialect, folder, name))
    return folder, name


def _words(path: Path, n: int = 12) -> list[str]:
    """Realistic searches from the copy itself: last names, first names, a domain, two words."""
    con = sqlite3.connect(path)
    try:
        skip = min(1000, con.execute("SELECT count(*) FROM contacts").fetchone()[0] // 10)
        rows = con.execute("SELECT raw ->> '$.firstName', raw ->> '$.lastName', domain FROM contacts "
                           "WHERE raw ->> '$.firstName' IS NOT NULL AND raw ->> '$.lastName' IS NOT NULL "
                           "ORDER BY ord LIMIT 400 OFFSET ?", (skip,)).fetchall()
    finally:
        con.close()
    out: list[str] = []
    for i, (first, last, domain) in enumerate(rows[::max(1, len(rows) // 16)]):
        word = [last, first, (domain or "example").split(".")[0], f"{first} {last[:3]}"][i % 4]
        word = " ".join(word.lower().split())  # as the search box takes it
        if word and word not in out:
            out.append(word)
    return out[:n]


def _press(widget: Any, ch: str) -> None:
    """A key press and release typing ``ch``, as the keyboard sends them (QTest's key clicks take
    ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else \
        Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


async def _type_words(window: Any, words: list[str], keep_syncing: bool) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject

    model, edit = window.model, window.filter_bar.search
    assert edit is not None

    class Paints(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: list[float] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.at.append(time.perf_counter())
            return False

    paints = Paints()
    window.table.viewport().installEventFilter(paints)
    loads: list[tuple[float, str | None]] = []  # when a page of results came, and for which search
    model.pageLoaded.connect(lambda: loads.append((time.perf_counter(), model.source.query.search
                                                   if model.source is not None else None)))

    def shows(text: str) -> bool:
        source = model.source
        return source is not None and source.query.search == text and source.total is not None

    syncs = 0

    async def syncing() -> None:
        nonlocal syncs
        while True:
            if window.copies.syncing is None:
                window.copies.sync_now()
                syncs += 1
            await asyncio.sleep(0.05)

    keeper = asyncio.ensure_future(syncing()) if keep_syncing else None
    beat = Heartbeat()
    samples: list[float] = []
    waits: list[int] = []  # the search's wait after a keystroke when the word was typed
    try:
        if keep_syncing:
            await _until(lambda: window.copies.syncing is not None, 30)
        beat.start()
        for word in words:
            edit.setFocus()
            edit.clear()
            await asyncio.sleep(0.5)
            last = 0.0
            for ch in word:
                _press(edit, ch)
                last = time.perf_counter()
                await asyncio.sleep(KEY_MS / 1000)
            try:
                await _until(lambda w=word: shows(w), 30)
            except TimeoutError:
                s = model.source
                raise SystemExit(f"no results shown for {word!r} (typed {edit.text()!r}; the table shows "
                                 f"{type(s).__name__} {s and s.query})") from None
            came = min(t for t, text in loads if t > last and text == word)
            await _until(lambda c=came: any(p >= c for p in paints.at), 30)
            samples.append((min(p for p in paints.at if p >= came) - last) * 1000)  # the paint showing them
            waits.append(window.filter_bar._debounce.interval())
    finally:
        max_stall, p99_stall = beat.stop()
        if keeper is not None:
            keeper.cancel()
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return {"words": len(samples), "p95_ms": round(p95, 1), "median_ms": round(ordered[len(ordered) // 2], 1),
            "max_ms": round(ordered[-1], 1), "max_stall_ms": max_stall, "p99_stall_ms": p99_stall,
            "syncs_started": syncs, "samples_ms": [round(s, 1) for s in samples], "waits_ms": waits}


async def _scenario(base: str, folder: Path, name: str, words: list[str],
                    during_sync: bool) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
    from contact_desk.api import ApiKey, make_http_client
    from contact_desk.tasks import Tasks
    from contact_desk.ui.context import Services
    from contact_desk.ui.window.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="typing-"))
    try:
        async with make_http_client() as http:
            accounts, keys = MemoryAccountStore(), MemoryKeyStore()
            account = accounts.add("Bench", "smartcq", base, key=ApiKey("demo-smartcq"), keys=keys)
            for side in ("", "-wal", "-shm"):  # a copy of the copy: a sync must not change the cached one
                src = folder / f"{name}.sqlite3{side}"
                if src.exists():
                    shutil.copyfile(src, work / f"{account.id}.sqlite3{side}")
            settings = QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat)
            services = Services(http=http, accounts=accounts, keys=keys, settings=settings, tasks=Tasks(),
                                copies_folder=work)
            window = MainWindow(services)
            window.resize(1200, 800)
            window.show()
            window.load_accounts()
            try:
                await _until(lambda: window.copies.status is not None and window.copies.status.complete, 60)
                await _until(lambda: window.filter_bar.search is not None, 30)
                if not during_sync:
                    await _until(lambda: window.copies.syncing is None, 600)  # the sync due on opening
                return await _type_words(window, words, during_sync)
            finally:
                await window.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_scenario(args: argparse.Namespace) -> None:
    folder, name = Path(args.folder), args.name
    loop = _app()
    with loop:
        result = loop.run_until_complete(_scenario(args.base, folder, name, args.words.split(","),
                                                   args.during_sync))
    print(json.dumps(result))


def _in_process(base: str, folder: Path, name: str, words: list[str], during_sync: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--scenario", "--base", base, "--folder", str(folder), "--name", name,
           "--words", ",".join(words)] + (["--during-sync"] if during_sync else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800, check=False)
    if r.returncode != 0:
        print(r.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"the scenario failed ({r.returncode})")
    return dict(json.loads(r.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="a tiny copy, two words (a test runs it)")
    ap.add_argument("--scenario", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--during-sync", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--base", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--name", help=argparse.SUPPRESS)
    ap.add_argument("--words", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        run_scenario(args)
        return
    if args.smoke:
        args.contacts, args.big = 800, 1500
    results: dict[str, Any] = {}
    for label, size in (("100k", args.contacts), ("1m", args.big)):
        folder, name = _copy_for(size, 0)
        words = _words(folder / f"{name}.sqlite3", 2 if args.smoke else 12)
        with sandbox_process(size, CACHE / str(size), 5) as base:
            results[label] = _in_process(base, folder, name, words, False)
            print(f"{size:>9,} contacts: typing -> results p95 {results[label]['p95_ms']} ms, median "
                  f"{results[label]['median_ms']} ms, longest stall {results[label]['max_stall_ms']} ms "
                  f"({results[label]['words']} words)", flush=True)
            if label == "100k":
                results["sync"] = _in_process(base, folder, name, words, True)
                print(f"{size:>9,} contacts, full syncs running: typing -> results p95 "
                      f"{results['sync']['p95_ms']} ms, longest stall {results['sync']['max_stall_ms']} ms "
                      f"({results['sync']['syncs_started']} syncs)", flush=True)
    figures = {"typing_to_results_p95_ms_100k": results["100k"]["p95_ms"],
               "typing_to_results_p95_ms_1m": results["1m"]["p95_ms"],
               "typing_during_sync_p95_ms": results["sync"]["p95_ms"],
               "typing_max_stall_ms": max(r["max_stall_ms"] for r in results.values())}
    if args.json:
        print(json.dumps(figures))
    else:
        print(json.dumps({"figures": figures, **results}, indent=2))


if __name__ == "__main__":
    main()
