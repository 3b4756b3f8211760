"""``contact-desk --self-test``: the demo offscreen, first rows, a scroll, an account switch.

Prints one JSON line and exits 0, or non-zero with the reason. Installers run it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCollator, QEvent, QLocale, QObject, Signal, qVersion

from contact_desk import __version__
from contact_desk.accounts import KeyringProblem, KeyStore, backend_name
from contact_desk.api import ApiKey
from contact_desk.ui.window.main_window import MainWindow


class FirstRowsPainted(QObject):
    """Notes when the table's viewport first paints with a loaded row (self-test and bench)."""

    firstPainted = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None and self.window.model.rowCount() > 0 \
                and self.window.model.contact(0) is not None:
            self.at = time.perf_counter()
            self.firstPainted.emit()
        return False


async def _until(condition: Callable[[], Any], what: str, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


def _keyring_roundtrip() -> str:
    """A throwaway key stored, read back and deleted in the real keyring (Credential Manager,
    Keychain, Secret Service): "ok", or what failed. Never a real account's entry."""
    entry = f"self-test-{uuid.uuid4().hex}"
    secret = ApiKey(uuid.uuid4().hex)
    keys = KeyStore()
    try:
        keys.set(entry, secret)
        read = keys.get(entry).reveal() == secret.reveal()
        keys.delete(entry)
        gone = not keys.has(entry)
    except KeyringProblem as exc:
        return f"failed: {exc}"
    return "ok" if read and gone else f"failed: read back {read}, deleted {gone}"


def _collation() -> str:
    """"ok" when ICU's collation data is there (Linux bundles carry a trimmed copy of it): Italian
    words in dictionary order. Without the data Qt compares code points ("Zeta" first, "èlite" last)."""
    words = ["zucca", "èlite", "fiore", "elica", "Zeta"]
    order = sorted(words, key=QCollator(QLocale(QLocale.Language.Italian)).sortKey)
    return "ok" if order == ["elica", "èlite", "fiore", "Zeta", "zucca"] else "fallback: " + " ".join(order)


def _system_proxy() -> str:
    """What the system's proxy resolution (PAC and WPAD through Qt, Windows and macOS) names for
    an https server: "direct", a proxy, "environment only" (Linux), or "unavailable: why"."""
    from contact_desk.api.network import shown
    from contact_desk.api.system_proxy import NoAnswer, resolves_scripts
    from contact_desk.ui.system_proxy import ask_qt

    if not resolves_scripts():
        return "environment only"
    try:
        return shown(ask_qt("https://contacts.example.com/"))
    except NoAnswer as exc:
        return f"unavailable: {exc}"


def _guide() -> str:
    """"ok" when Help → User guide finds both guides in the bundle, else which is missing."""
    from contact_desk.ui.widgets.guide_window import guide_path

    missing = [lang for lang in ("en", "it") if not guide_path(lang).is_file()
               or (lang == "it" and guide_path(lang).name == "user-guide.md")]
    return "ok" if not missing else "missing: " + ", ".join(missing)


SECOND_START_S = 120  # a second start of the program, under Wine too


def _second_start(card: Path, config: Path) -> subprocess.Popen[str]:
    """This program started again with ``card``, as "Open with" starts it (it returns at once)."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "contact_desk"]
    env = {**os.environ, "CONTACT_DESK_CONFIG_DIR": str(config), "CONTACT_DESK_NO_UPDATE_CHECK": "1",
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([*program, str(card), "--lang", "en"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


async def _one_window() -> str:
    """"ok" when a second start of this very program, given a file, hands it to this one and
    exits, as "Open with" does while a window is open: the bundle's lock and local socket, across
    two processes. Else what went wrong."""
    from contact_desk.ui.window.single_instance import SingleInstance

    with tempfile.TemporaryDirectory(prefix="contact-desk-selftest-") as folder:
        config, card = Path(folder) / "config", Path(folder) / "one-window.vcf"
        card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Self Test\r\nEND:VCARD\r\n", encoding="utf-8")
        one = SingleInstance(config)
        if not one.claim() or one.server is None:
            return "failed: no lock or no socket"
        got: list[object] = []
        one.opened.connect(got.append)
        second = _second_start(card, config)
        try:
            await _until(lambda: second.poll() is not None and bool(got), "the second start", SECOND_START_S)
            said = second.stdout.read() if second.stdout else ""
            if second.returncode != 0 or got != [card] or "already open" not in said:
                return f"failed: exit {second.returncode}, received {got!r}, said {said[-300:]!r}"
        except TimeoutError:
            return "failed: the second start did not hand its file over (it opened its own window)"
        finally:
            if second.poll() is None:
                second.kill()
                second.wait(10)
            one.release()
            await asyncio.sleep(0.05)  # what release() left to the event loop runs while ``one`` lives
    return "ok"


async def self_test(window: MainWindow, contacts: int, seed: int) -> int:
    report: dict[str, Any] = {"version": __version__, "qt_version": qVersion(),
                              "pyside_version": pyside_version}
    try:
        report["keyring_backend"] = backend_name()
    except Exception as exc:  # a broken keyring is reported, not fatal, for the self-test
        report["keyring_backend"] = f"unavailable: {type(exc).__name__}"
    report["keyring_roundtrip"] = _keyring_roundtrip()
    report["icu_collation"] = _collation()
    report["system_proxy"] = _system_proxy()
    report["guide"] = _guide()
    report["one_window"] = await _one_window()
    try:
        painted = FirstRowsPainted(window)
        window.table.viewport().installEventFilter(painted)
        await window.start_demo(contacts, seed)
        model = window.model
        shown = time.perf_counter()
        window.show()
        await _until(lambda: painted.at is not None, "the first rows to be painted")
        assert painted.at is not None
        report["first_rows_ms"] = round((painted.at - shown) * 1000, 1)
        for _ in range(3):
            before = model.rowCount()
            window.table.scrollToBottom()
            await _until(lambda: model.rowCount() > before or model.at_end,  # noqa: B023
                         "more rows after scrolling")
        report["rows_after_scroll"] = model.rowCount()
        first_account = window.account.id if window.account else None
        window.account_switcher.combo.setCurrentIndex(1)
        window.account_switcher.combo.activated.emit(1)
        await _until(lambda: window.account is not None and window.account.id != first_account
                     and model.total is not None and model.contact(0) is not None, "the second account")
        report["second_account_total"] = model.total
        if window.services.tasks.failures:
            raise RuntimeError(f"background failures: {window.services.tasks.failures!r}")
        report["ok"] = True
        code = 0
    except Exception as exc:
        report["ok"] = False
        report["error"] = f"{type(exc).__name__}: {exc}"
        code = 1
    print(json.dumps(report), flush=True)
    window.close()
    if code:
        print(f"contact-desk: self-test failed: {report['error']}", file=sys.stderr)
    return code
