"""The installed commands, end to end in subprocesses, and the Qt-free layering."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from contact_desk.sandbox import DEMO_KEYS


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def test_sandbox_command_prints_its_url_and_keys_and_serves() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "contact_desk.sandbox", "--port", "0", "--contacts", "120",
                             "--seed", "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env())
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first
        rest = "".join(proc.stdout.readline() for _ in range(3 + len(DEMO_KEYS)))
        for key in DEMO_KEYS:
            assert key.key in rest
        r = httpx.get(f"{match.group(1)}/v1/contacts", headers={"Authorization": "Bearer rpl_test_demo"})
        assert r.json()["pagination"]["total"] == 120
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_sandbox_command_refuses_bad_fault_values() -> None:
    r = subprocess.run([sys.executable, "-m", "contact_desk.sandbox", "--drop", "2"], capture_output=True,
                       text=True, env=_env(), timeout=60)
    assert r.returncode == 2
    assert "between 0 and 1" in r.stderr


QT_FREE = ["contact_desk.cli", "contact_desk.cli.accounts", "contact_desk.cli.contacts",
           "contact_desk.cli.mirror", "contact_desk.cli.transfer", "contact_desk.sandbox", "contact_desk.api",
           "contact_desk.accounts", "contact_desk.mirror", "contact_desk.transfer.importing",
           "contact_desk.transfer.writers"]


@pytest.mark.parametrize("module", QT_FREE)
def test_qt_free_layers_do_not_import_qt(module: str) -> None:
    code = f"import sys, {module}; bad = [m for m in sys.modules if m.startswith(('PySide6', 'qasync'))]; " \
           "print(bad); sys.exit(1 if bad else 0)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_demo_starts_the_app_and_keeps_running(tmp_path: Path) -> None:
    """Running until its demo account's offline copy is written (the sandbox answered, the window
    opened an account and synced), and still running then."""
    env = {**_env(), "CONTACT_DESK_DATA_DIR": str(tmp_path / "data"),
           "CONTACT_DESK_CONFIG_DIR": str(tmp_path / "config")}  # never the user's folders
    proc = subprocess.Popen([sys.executable, "-m", "contact_desk", "--demo", "--contacts", "50"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not any(p.is_file() for p in (tmp_path / "data").rglob("contact-desk-demo-copies-*/*")):
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "no demo copy after 60 s"
            time.sleep(0.05)
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_contacts_without_demo_is_refused() -> None:
    r = subprocess.run([sys.executable, "-m", "contact_desk", "--contacts", "5"], capture_output=True,
                       text=True, env=_env(), timeout=60)
    assert r.returncode == 2 and "--demo" in r.stderr


def test_the_window_starts_without_the_stacks_it_does_not_need_yet() -> None:
    """Issue 36, point 7: importing the app loads neither the sandbox (uvicorn, starlette), nor the
    import and export stack (readers, openpyxl, the import dialog), nor printing, nor Babel: each
    is loaded when first used (bench/startup.py measures what is left)."""
    heavy = ("contact_desk.sandbox", "uvicorn", "starlette", "openpyxl", "babel",
             "contact_desk.transfer.readers", "contact_desk.transfer.importing",
             "contact_desk.ui.transfer.import_dialog",
             "contact_desk.ui.printing", "PySide6.QtPrintSupport")
    code = ("import sys, contact_desk.app; "
            f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
