"""Builds the Linux bundle with PyInstaller and runs the frozen --self-test (slow: a few minutes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contact_desk.accounts import backend_name
from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "contact-desk"
# The goal (Qt's ICU data is trimmed to root, English and Italian by packaging/icu_data.py).
MAX_MB = 120


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="this test builds the Linux bundle")
def test_frozen_linux_bundle_runs_its_self_test_and_finds_the_keyring() -> None:
    build = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], capture_output=True,
                           text=True, timeout=1800)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    mb = size_mb(BUNDLE)
    print(f"\nLinux onedir bundle: {mb:.1f} MB")
    assert mb <= MAX_MB
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([str(BUNDLE / "contact-desk"), "--self-test"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads([line for line in run.stdout.splitlines() if line.startswith("{")][-1])
    assert report["ok"] is True and report["first_rows_ms"] > 0
    assert report["icu_collation"] == "ok"  # the trimmed ICU data still collates Italian
    assert report["guide"] == "ok"  # Help → User guide finds both guides in the bundle
    assert report["one_window"] == "ok"  # a second start's file reaches the open window
    running = "SecretService" in backend_name()
    require(running, "no SecretService is running here, so the frozen app cannot be shown to find it")
    assert "SecretService" in report["keyring_backend"], report["keyring_backend"]
    assert report["keyring_roundtrip"] == "ok"  # a key stored, read back and deleted by the frozen app
