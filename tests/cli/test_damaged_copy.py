"""A copy damaged in the middle (its header intact) is set aside and built again from the
command line too, as the user guide promises, not reported as 'malformed' at every command."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from contact_desk.sandbox import Sandbox
from tests.cli_support import Cli


def _damage(path: Path, pages: int = 16) -> None:
    """Overwrites ``pages`` pages in the middle of the contacts table, as a failing disk would (the
    middle of the file may be free pages, left by a first sync's work tables, that nothing reads)."""
    con = sqlite3.connect(path)
    try:
        used = [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'contacts' ORDER BY pageno")]
        page = int(con.execute("PRAGMA page_size").fetchone()[0])
    finally:
        con.close()
    start = used[len(used) // 2] * page - page  # pages are numbered from 1
    with path.open("r+b") as fh:
        fh.seek(start)
        fh.write(os.urandom(page * pages))


def test_a_copy_damaged_mid_file_is_set_aside_and_rebuilt(cli: Cli, sandbox: Sandbox) -> None:
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    assert cli("sync", "--account", "shop").returncode == 0
    copy = next((cli.data / "copies").glob("*.sqlite3"))
    _damage(copy)
    r = cli("search", "--account", "shop", "--offline", "a", "--format", "jsonl")
    assert r.returncode == 2, r.stderr
    assert "set aside" in r.stderr and "run contact-desk sync" in r.stderr
    assert Path(str(copy) + ".damaged").exists()
    r = cli("sync", "--account", "shop")
    assert r.returncode == 0, r.stderr
    held = int(r.stderr.split("The copy holds ")[1].split(" ")[0].replace(",", ""))
    listed = int(r.stderr.split(": ")[1].split(" contacts listed")[0].replace(",", ""))
    assert held == listed > 0


def test_sync_of_a_copy_damaged_mid_file_rebuilds_it_in_the_same_run(cli: Cli, sandbox: Sandbox) -> None:
    assert cli.add("rep", "rpl_test_demo").returncode == 0
    assert cli("sync", "--account", "rep").returncode == 0
    copy = next((cli.data / "copies").glob("*.sqlite3"))
    _damage(copy)
    r = cli("sync", "--account", "rep")
    assert r.returncode == 0, r.stderr
    assert "set aside" in r.stderr and Path(str(copy) + ".damaged").exists()
    r = cli("search", "--account", "rep", "--offline", "a")
    assert r.returncode == 0, r.stderr
