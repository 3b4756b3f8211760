"""The command line on a full disk (a real tmpfs): a clear message naming the folder, the
right exit code, no traceback, and nothing lost."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from contact_desk.sandbox import Sandbox
from tests.cli_support import Cli
from tests.mirror.disk import small_disk


def test_an_xlsx_export_to_a_full_disk_says_so_without_a_traceback(cli: Cli, sandbox: Sandbox,
                                                                   tmp_path: Path) -> None:
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    with small_disk(tmp_path / "full", 48) as folder:
        out = folder / "all.xlsx"
        r = cli("export", "--account", "shop", "--format", "xlsx", "--output", str(out), "--include-archived")
        assert r.returncode == 1, r.stderr  # the machine's state, not bad input (2)
        assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
        assert f"the disk holding {folder} is full" in r.stderr
        assert not out.exists() and not list(folder.glob(".*.part"))


def test_an_import_whose_report_does_not_fit_still_says_what_it_did(cli: Cli, sandbox: Sandbox,
                                                                    tmp_path: Path) -> None:
    from tests.transfer.samples import ITALIAN, tag, write_csv

    assert cli.add("rep", "rpl_test_demo").returncode == 0
    t = tag()
    path = write_csv(tmp_path / "rubrica.csv", ITALIAN, [
        {"Nome": f"N{i}" + "x" * 300, "Email": f"r{i}.{t}@example.it"} for i in range(40)])
    with small_disk(tmp_path / "full", 8) as folder:
        (folder / "filler").write_bytes(b"\0" * 6 * 1024)
        r = cli("import", str(path), "--account", "rep", "--report", str(folder / "report.csv"))
    assert r.returncode == 1, r.stderr
    assert "Created 40" in r.stderr and "The report was not written" in r.stderr
    assert "is full" in r.stderr and "Traceback" not in r.stderr


def test_a_search_whose_top_up_finds_the_disk_full_searches_the_copy(cli: Cli, sandbox: Sandbox,
                                                                       tmp_path: Path) -> None:
    import httpx

    with small_disk(tmp_path / "data", 20_000) as folder:
        env = {"CONTACT_DESK_DATA_DIR": str(folder)}
        assert cli.add("rep", "rpl_test_demo").returncode == 0
        assert cli("sync", "--account", "rep", env=env).returncode == 0
        with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": "Bearer rpl_test_demo"}) as c:
            for i in range(60):  # new contacts for the top-up to write, with long names
                made = c.post("/v1/contacts", json={"firstName": f"Pieno{i} " + "pieno " * 300})
                assert made.status_code == 201
        used = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        subprocess.run(["mount", "-o", f"remount,size={used // 1024 + 160}k", str(folder)], check=True)
        with contextlib.suppress(OSError):  # leaves about 64 KB: the copy opens, the top-up overflows
            (folder / "filler").write_bytes(b"\0" * 96 * 1024)
        r = cli("search", "--account", "rep", "a", env=env)
    assert r.returncode == 0, r.stderr
    assert "the disk is full" in r.stderr and "Searching the copy synced" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "contacts match" in r.stderr
