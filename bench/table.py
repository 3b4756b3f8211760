"""The contact table at scale: first rows, main-thread stalls while scrolling, memory.

    .venv/bin/python bench/table.py [--contacts 1000000] [--json]

The sandbox runs in its own process (its database cached under
~/.cache/contact-desk-bench, so a million contacts are built once). Each
scenario runs in a fresh subprocess of this script, offscreen, so its RSS is
its own:

* ours-cursor: SmartCQ. first_rows_ms (window shown -> first rows painted),
  stalls of a 5 ms main-thread heartbeat while paging down 50 pages, then
  scrolling on to 100,000 rows: rss_mb_100k.
* ours-page: Replicer, 1,000,000 rows: jump through the whole million
  (200 jumps, each waits for its rows): rss_mb_1m.
* naive: load every contact of a 100,000-contact account, then build the
  table and show it (how most contact apps work): time to first rows and RSS,
  next to ours on the same 100,000.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import sandbox_process

CACHE = Path.home() / ".cache" / "contact-desk-bench"


def loaded_rows(model: Any) -> int:
    """Rows the model holds in memory (its loaded pages)."""
    return sum(len(items) for _first, items in model.source.loaded()) if model.source else 0


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except OSError:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# -- scenarios (each in its own process) ----------------------------------------
def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    import qasync

    from contact_desk.app import make_application

    app = make_application(["bench"])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


async def _until(condition: Callable[[], Any], within: float = 120) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        await asyncio.sleep(0.002)


async def _window(base: str, dialect: str, key: str, body: Callable[..., Any]) -> Any:
    import tempfile

    from PySide6.QtCore import QSettings

    from contact_desk.accounts import MemoryAccountStore, MemoryKeyStore
    from contact_desk.api import ApiKey, make_http_client
    from contact_desk.tasks import Tasks
    from contact_desk.ui.context import Services
    from contact_desk.ui.window.main_window import MainWindow
    from contact_desk.ui.window.selftest import FirstRowsPainted

    async with make_http_client() as http:
        accounts, keys = MemoryAccountStore(), MemoryKeyStore()
        accounts.add("Bench", dialect, base, key=ApiKey(key), keys=keys)
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
        services = Services(http=http, accounts=accounts, keys=keys, settings=settings, tasks=Tasks())
        window = MainWindow(services)
        painted = FirstRowsPainted(window)
        window.table.viewport().installEventFilter(painted)
        shown = time.perf_counter()
        window.show()
        window.load_accounts()
        await _until(lambda: painted.at is not None)
        assert painted.at is not None
        try:
            return await body(window, (painted.at - shown) * 1000)
        finally:
            await window.shutdown()


class Heartbeat:
    """A 5 ms main-thread timer: a late tick is a stall the user would feel."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000 - 5)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        gaps = sorted(max(0.0, g) for g in self.gaps)
        return round(gaps[-1], 1), round(gaps[int(len(gaps) * 0.99) - 1], 1)


def scenario_ours_cursor(base: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QAbstractSlider

    async def body(window: Any, first_ms: float) -> dict[str, Any]:
        model, bar = window.model, window.table.verticalScrollBar()
        beat = Heartbeat()
        beat.start()
        for _ in range(50):  # page down 50 pages, at a brisk 60 presses a second
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            await asyncio.sleep(1 / 60)
            await _until(lambda: not model.loading)
        max_stall, p99_stall = beat.stop()
        while model.rowCount() < 100_000 and not model.at_end:
            window.table.scrollToBottom()
            await _until(lambda: not model.loading)
        await asyncio.sleep(0.2)
        return {"first_rows_ms": round(first_ms, 1), "max_stall_ms": max_stall, "p99_stall_ms": p99_stall,
                "rows": model.rowCount(), "rows_in_memory": loaded_rows(model), "rss_mb_100k": rss_mb()}

    loop = _app()
    with loop:
        result: dict[str, Any] = loop.run_until_complete(_window(base, "smartcq", "demo-smartcq", body))
    return result


def scenario_ours_page(base: str) -> dict[str, Any]:
    async def body(window: Any, first_ms: float) -> dict[str, Any]:
        model = window.model
        total = model.total
        beat = Heartbeat()
        beat.start()
        # scrollTo does nothing with a hidden column's index: the first column shown
        shown = next(c for c in range(model.columnCount()) if not window.table.isColumnHidden(c))
        for i in range(201):
            row = min(total - 1, i * total // 200)
            window.table.scrollTo(model.index(row, shown))
            await _until(lambda r=row: model.contact(r) is not None)
        max_stall, _ = beat.stop()
        await asyncio.sleep(0.2)
        return {"first_rows_ms": round(first_ms, 1), "total": total, "rows_in_memory": loaded_rows(model),
                "max_stall_ms_jumping": max_stall, "rss_mb_1m": rss_mb()}

    loop = _app()
    with loop:
        result: dict[str, Any] = loop.run_until_complete(_window(base, "replicer", "rpl_test_demo", body))
    return result


def scenario_naive(base: str) -> dict[str, Any]:
    """Everything first: fetch all pages, build a QStandardItemModel, then show it."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from contact_desk.api import ApiKey, Query, make_http_client, open_dialect
    from contact_desk.api.schema import SMARTCQ
    from contact_desk.api.walk import walk

    async def body() -> dict[str, Any]:
        started = time.perf_counter()
        async with make_http_client() as http:
            d = open_dialect(http, "smartcq", ApiKey("demo-smartcq"), base)
            contacts: list[Any] = []

            async def keep(items: list[Any]) -> None:
                contacts.extend(items)

            await walk(d, Query(), keep)
        fields = SMARTCQ.columns
        model = QStandardItemModel(len(contacts), len(fields))
        for r, c in enumerate(contacts):
            for col, f in enumerate(fields):
                value = getattr(c, f.attr)
                model.setItem(r, col, QStandardItem("" if value is None else str(value)))
        view = QTableView()
        painted: list[float] = []

        class Painted(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not painted:
                    painted.append(time.perf_counter())
                return False

        f = Painted()
        view.viewport().installEventFilter(f)
        view.setModel(model)
        view.show()
        await _until(lambda: bool(painted))
        return {"first_rows_ms": round((painted[0] - started) * 1000, 1), "rows": len(contacts),
                "rss_mb": rss_mb()}

    loop = _app()
    with loop:
        result: dict[str, Any] = loop.run_until_complete(body())
    return result


SCENARIOS = {"ours-cursor": scenario_ours_cursor, "ours-page": scenario_ours_page, "naive": scenario_naive}


def run_scenario(name: str, base: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--scenario", name, "--base", base], check=False,
                         capture_output=True, text=True, timeout=1800)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode or not lines:
        raise SystemExit(f"scenario {name} failed:\n{out.stdout}\n{out.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=1_000_000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--scenario", choices=SCENARIOS, help=argparse.SUPPRESS)
    ap.add_argument("--base", help=argparse.SUPPRESS)
    ap.add_argument("--smoke", action="store_true", help="every scenario at a tiny size (a test runs it)")
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(SCENARIOS[args.scenario](args.base)), flush=True)
        return
    small, cache, temporary = 100_000, CACHE, None
    if args.smoke:  # tiny tenants in a folder of its own, removed afterwards
        temporary = tempfile.TemporaryDirectory(prefix="bench-table-")
        args.contacts, small, cache = 2000, 1000, Path(temporary.name)
    results: dict[str, Any] = {"contacts": args.contacts}
    with sandbox_process(args.contacts, cache / str(args.contacts)) as base:
        results["cursor"] = run_scenario("ours-cursor", base)
        results["page"] = run_scenario("ours-page", base)
    with sandbox_process(small, cache / str(small)) as base:
        results["ours_100k"] = run_scenario("ours-cursor", base)
        results["naive_100k"] = run_scenario("naive", base)
    if temporary is not None:
        temporary.cleanup()
    summary = {
        "first_rows_ms": results["cursor"]["first_rows_ms"],
        "max_stall_ms": results["cursor"]["max_stall_ms"],
        "p99_stall_ms": results["cursor"]["p99_stall_ms"],
        "rss_mb_100k": results["cursor"]["rss_mb_100k"],
        "rss_mb_1m": results["page"]["rss_mb_1m"],
        "naive_first_rows_ms_100k": results["naive_100k"]["first_rows_ms"],
        "naive_rss_mb_100k": results["naive_100k"]["rss_mb"],
        "ours_first_rows_ms_100k": results["ours_100k"]["first_rows_ms"],
    }
    if args.json:
        print(json.dumps({**summary, "details": results}))
        return
    print(f"sandbox: {args.contacts:,} contacts per dialect, own process; each scenario a fresh process")
    for key, value in summary.items():
        print(f"{key:<28} {value}")
    print("details:", json.dumps(results, indent=1))
    print("median first rows (3 samples):", statistics.median(
        [results["cursor"]["first_rows_ms"], results["page"]["first_rows_ms"],
         results["ours_100k"]["first_rows_ms"]]))


if __name__ == "__main__":
    main()
