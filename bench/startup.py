"""From the process's start to the main window painted with the first rows of an account whose
offline copy is complete:

    .venv/bin/python bench/startup.py [--contacts 100000] [--runs 5] [--bundle dist/contact-desk]
                                      [--json] [--smoke]

The account (Replicer) points at a sandbox in its own process; its copy is synced once by the
command line into a data folder of the bench's, which every run reuses. Each run starts the app
(the installed package, or the frozen bundle with --bundle) offscreen with CONTACT_DESK_STARTUP_PROBE
set: the app prints "first-rows" when the table first paints a loaded row, and quits. The time is
wall-clock from just before the process is started to that line (read within 5 ms).

* ``startup_cold_s``: the first run after the copy was made (the files' pages not in this
  process's reach before; the machine's page cache may still hold some: said, not hidden).
* ``startup_warm_s``: the best of ``--runs`` runs after it; the spread (worst - best) is printed.

The package runs use the tests' file keyring (tests/file_keyring.py, made-up keys); the bundle
uses the system's (run it inside a session with a Secret Service, as CI's keyring helper does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import sandbox_process
from table import CACHE

ROOT = Path(__file__).resolve().parents[1]
KEY = "rpl_test_demo"


def _command(bundle: Path | None) -> list[str]:
    return [str(bundle / "contact-desk")] if bundle else [sys.executable, "-m", "contact_desk"]


def _env(home: Path, bundle: Path | None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTACT_DESK_CONFIG_DIR": str(home / "config"),
           "CONTACT_DESK_DATA_DIR": str(home / "data"), "CONTACT_DESK_NO_UPDATE_CHECK": "1"}
    if bundle is None:
        env.update({"PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.file_keyring.TestFileKeyring",
                    "CONTACT_DESK_TEST_KEYRING_FILE": str(home / "keys.json")})
    return env


def _prepare(base: str, home: Path, bundle: Path | None) -> float:
    """The account and its complete copy; returns the sync's seconds."""
    env, command = _env(home, bundle), _command(bundle)
    added = subprocess.run([*command, "accounts", "add", "Bench", "--base-url", base], input=KEY + "\n",
                           capture_output=True, text=True, env=env, timeout=120, check=False)
    if added.returncode != 0:
        raise SystemExit(f"the account could not be added: {added.stderr.strip()[-500:]}")
    t = time.perf_counter()
    synced = subprocess.run([*command, "sync", "--account", "Bench"], capture_output=True, text=True, env=env,
                            timeout=3600, check=False)
    if synced.returncode != 0:
        raise SystemExit(f"the copy could not be synced: {synced.stderr.strip()[-500:]}")
    return time.perf_counter() - t


def _run(home: Path, bundle: Path | None) -> float:
    """One start: seconds from just before the process starts to its "first-rows" line."""
    env = {**_env(home, bundle), "CONTACT_DESK_STARTUP_PROBE": "1"}
    t = time.perf_counter()
    proc = subprocess.Popen(_command(bundle), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "first-rows":
                return time.perf_counter() - t
        raise SystemExit("the app ended without painting its first rows")
    finally:
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bundle", type=Path, help="the frozen bundle's folder (dist/contact-desk)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="500 contacts, one warm run (a test runs it)")
    args = ap.parse_args()
    size, runs = (500, 1) if args.smoke else (args.contacts, max(1, args.runs))
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp, \
            sandbox_process(size, CACHE / str(size), 0) as base:
        home = Path(tmp)
        synced = _prepare(base, home, args.bundle)
        cold = _run(home, args.bundle)
        warm = [_run(home, args.bundle) for _ in range(runs)]
    what = "bundle" if args.bundle else "package"
    figures: dict[str, Any] = {"startup_cold_s": round(cold, 3), "startup_warm_s": round(min(warm), 3),
                               "startup_warm_spread_s": round(max(warm) - min(warm), 3)}
    print(f"{what}, {size:,} contacts (copy synced in {synced:.1f} s): cold {cold:.3f} s, warm best "
          f"{min(warm):.3f} s of {len(warm)} (worst {max(warm):.3f} s)", flush=True)
    print(json.dumps(figures) if args.json else json.dumps({"figures": figures, "runs": warm}, indent=2))


if __name__ == "__main__":
    main()
