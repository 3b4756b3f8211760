"""The window fits a 640 px wide space (a 1366 px laptop's Snap half; a 1280 px screen at 2x):
the filters wrap onto a second row, long status texts are elided, nothing is off-screen.
Each case runs the window in a fresh process (QT_SCALE_FACTOR is fixed when Qt starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_window_fits_640_px_with_every_filter_on_screen(scale: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale,
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "tests.ui.narrow"], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["scale"] == float(scale)
    assert got["width"] == 640 and got["min_width"] <= 640, got  # 864 before
    assert got["outside"] == [] and got["controls"] >= 5, got


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_dialog_opens_within_a_1600_x_1000_screen(scale: str, tmp_path: Path) -> None:
    """At 2x the screen has 800 x 500 logical pixels: the Import dialog (900 x 640) and Replicer's
    New contact form (539 px high) opened past it, with their buttons off-screen."""
    screen = tmp_path / "screen.json"
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 1600, "height": 1000, "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [laptop]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": scale,
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "tests.ui.narrow", "dialogs"], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got.pop("screen") == [1600 // int(scale), 1000 // int(scale)]
    assert len(got) == 10
    outside = {name: frame for name, frame in got.items() if not frame[2]}
    assert outside == {}, got



@pytest.mark.parametrize("scale", ["1", "2"])
def test_a_refused_new_contact_grows_to_show_its_message_on_a_1366_x_768_screen(
        scale: str, tmp_path: Path) -> None:
    """Issue 34, point 10: the 409 message pushed Tags behind an inner scroll bar on a 768 px screen
    that had room. The form grows; only where the screen has no more room (at 2x: 384 logical
    pixels) do its fields scroll, the form then as tall as the screen allows."""
    screen = tmp_path / "screen.json"
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [laptop]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": scale,
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "tests.ui.narrow", "conflict"], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["message"] and got["height"] > got["before"], got
    assert got["scrolls"] == 0 or got["height"] >= 0.85 * got["room"], got


def test_the_screenshot_script_still_renders_every_window(tmp_path: Path) -> None:
    """``python -m tests.ui.screenshots OUT it`` (what we look at before resolving) cannot rot unseen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "tests.ui.screenshots", str(tmp_path / "out"), "it"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    written = sorted(p.name for p in (tmp_path / "out").glob("*.png"))
    assert "main_it.png" in written and "form_error_it.png" in written and len(written) >= 10
