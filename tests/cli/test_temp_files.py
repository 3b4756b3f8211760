"""A kill -9 in the middle of an xlsx export leaves nothing in the system's temporary folder;
what it left in our own data folder is removed at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from contact_desk.sandbox import Faults, Sandbox
from tests.cli_support import Cli


def test_a_killed_xlsx_export_leaves_no_temporary_file_behind(cli: Cli, faulty: Sandbox,
                                                              tmp_path: Path) -> None:
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    env = {**cli.env, "TMPDIR": str(system_temp)}
    faulty.faults = Faults(latency_ms=400)
    ours = cli.data / "tmp"
    proc = subprocess.Popen([sys.executable, "-m", "contact_desk", "export", "--account", "shop", "--format",
                             "xlsx", "--output", str(tmp_path / "all.xlsx"), "--include-archived"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(ours.glob("*/openpyxl*")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert list(ours.glob("*/openpyxl*")), "the export's sheet was written somewhere else"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        faulty.faults = Faults()
    assert list(system_temp.iterdir()) == []
    assert not (tmp_path / "all.xlsx").exists()
    assert cli("accounts", "list", env={"TMPDIR": str(system_temp)}).returncode == 0  # the next start
    assert list(ours.glob("*/openpyxl*")) == [] and list(system_temp.iterdir()) == []
