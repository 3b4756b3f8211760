"""Output that is not UTF-8 (a cp1252 redirect on Windows, LC_ALL=C): what the stream cannot
take becomes a replacement character, never a traceback; a C locale's argument is its text."""

from __future__ import annotations

import subprocess
import sys

from contact_desk.sandbox import Sandbox
from tests.cli_support import Cli


def test_a_cp1252_redirect_lists_accounts_with_any_name(cli: Cli, sandbox: Sandbox) -> None:
    assert cli.add("Società 😀 Ωmega", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    r = subprocess.run([sys.executable, "-m", "contact_desk", "accounts", "list"], capture_output=True,
                       env={**cli.env, "PYTHONIOENCODING": "cp1252"}, timeout=60)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr
    assert "Società ? ?mega".encode("cp1252") in r.stdout


def test_a_c_locale_searches_with_accents(cli: Cli, sandbox: Sandbox) -> None:
    assert cli.add("rep", "rpl_test_demo").returncode == 0
    assert cli("sync", "--account", "rep").returncode == 0
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    r = cli("search", "--account", "rep", "--offline", "zoë", env=env)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "contacts match" in r.stderr
