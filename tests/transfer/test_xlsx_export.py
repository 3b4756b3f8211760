"""An xlsx export of what real data holds: control characters Excel cannot hold, and more
contacts than one sheet takes."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from contact_desk.api.models import SmartCQContact
from contact_desk.api.schema import SMARTCQ
from contact_desk.sandbox import Sandbox
from contact_desk.transfer import writers
from tests.cli_support import Cli
from tests.transfer.samples import tag


def test_names_with_a_vertical_tab_or_esc_export_to_excel(tmp_path: Path) -> None:
    t = tag()
    with Sandbox(contacts=20, seed=3) as own:  # its own: these names stay out of the shared one
        _export_with_controls(own, tmp_path, t)


def _export_with_controls(sandbox: Sandbox, tmp_path: Path, t: str) -> None:
    cli = Cli(tmp_path / "config", sandbox.base_url, real_keyring=False)
    with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": "Bearer demo-smartcq"}) as c:
        for first in ("Ann\x0ba", "Esc\x1bape"):
            r = c.post("/api/v1/contacts", json={"email": f"{first[:3].lower()}.{t}@example.it",
                                                 "firstName": first, "lastName": "Outlook"})
            assert r.status_code == 201, r.text
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    out = tmp_path / "all.xlsx"
    r = cli("export", "--account", "shop", "--format", "xlsx", "--output", str(out), "--include-archived")
    assert r.returncode == 0, r.stderr
    assert "2 characters that Excel cannot hold" in r.stderr
    sheet = load_workbook(out, read_only=True).worksheets[0]
    names = {row[1] for row in sheet.iter_rows(values_only=True)}
    assert {"Ann a", "Esc ape"} <= names
    assert cli("accounts", "remove", "shop").returncode == 0  # its key leaves the keyring


def test_more_contacts_than_a_sheet_holds_go_on_in_the_next_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 3)
    out = io.BytesIO()
    xlsx = writers.Xlsx(out, SMARTCQ)
    for i in range(7):
        xlsx.write(SmartCQContact(id=f"c{i}", email=f"c{i}@example.it", created_at="2026-01-01T00:00:00Z",
                                  updated_at="2026-01-01T00:00:00Z"))
    xlsx.close()
    book = load_workbook(io.BytesIO(out.getvalue()), read_only=True)
    assert book.sheetnames == ["Contacts", "Contacts 2", "Contacts 3"]
    counts = [sum(1 for _ in ws.iter_rows()) - 1 for ws in book.worksheets]
    assert counts == [3, 3, 1]


def test_an_xlsx_written_to_a_pipe_is_whole() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b: bytes) -> int:  # type: ignore[override]
            self.data += b
            return len(b)

        def tell(self) -> int:
            raise OSError("Illegal seek")

    pipe = Pipe()
    xlsx = writers.Xlsx(pipe, SMARTCQ)  # type: ignore[arg-type]
    xlsx.write(SmartCQContact(id="p1", email="p1@example.it", created_at="2026-01-01T00:00:00Z",
                              updated_at="2026-01-01T00:00:00Z"))
    xlsx.close()
    sheet = load_workbook(io.BytesIO(bytes(pipe.data)), read_only=True).worksheets[0]
    assert [r[0] for r in sheet.iter_rows(values_only=True)] == ["email", "p1@example.it"]


def test_labels_on_the_command_line_give_a_sheet_for_people(tmp_path: Path) -> None:
    """The command line keeps the API's names; --labels writes the window's kind of sheet."""
    with Sandbox(contacts=5, seed=4) as own:
        cli = Cli(tmp_path / "config", own.base_url, real_keyring=False)
        assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
        plain, people = tmp_path / "plain.xlsx", tmp_path / "people.xlsx"
        assert cli("export", "--account", "shop", "--format", "xlsx", "--output", str(plain)).returncode == 0
        r = cli("export", "--account", "shop", "--format", "xlsx", "--labels", "--output", str(people))
        assert r.returncode == 0, r.stderr
        assert [c.value for c in load_workbook(plain).worksheets[0][1]][:2] == ["email", "firstName"]
        sheet = load_workbook(people).worksheets[0]
        header = [c.value for c in sheet[1]]
        assert header[:2] == ["Email", "First name"] and sheet["A1"].font.b and sheet.freeze_panes == "A2"
        status = sheet.cell(2, header.index("Email status") + 1).value
        assert status and status[0].isupper()  # "Active", not "active"
        assert sheet.cell(2, header.index("Created") + 1).is_date
        assert cli("accounts", "remove", "shop").returncode == 0


_STOPPED_EXPORT = """
import asyncio, gc, sys
from pathlib import Path
from contact_desk.api.models import ReplicerContact
from contact_desk.api.schema import SCHEMAS
from contact_desk.transfer import exporting
from contact_desk.transfer.writers import PlainPeople

async def batches():
    yield [ReplicerContact(id=f"r{i}", first_name=f"N{i}", created_at="2026-01-01T00:00:00Z")
           for i in range(300)]
    raise RuntimeError("the server went away")

async def main():
    try:
        await exporting.export_to(Path(sys.argv[1]), "xlsx", SCHEMAS["replicer"], batches(),
                                  people=PlainPeople())
    except RuntimeError as exc:
        print("said:", exc)

asyncio.run(main())
gc.collect()
"""


def test_an_excel_export_stopped_midway_leaves_no_temporary_file_and_no_traceback(tmp_path: Path) -> None:
    """Issue 34, point 16: after an export's clear message, openpyxl's abandoned sheets printed
    'Exception ignored … I/O operation on closed file' when collected, and left their temporary
    files in the temp folder (a cancel, a network error or a full disk, each time)."""
    import os
    import subprocess
    import sys

    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "all.xlsx"
    run = subprocess.run([sys.executable, "-c", _STOPPED_EXPORT, str(out)], capture_output=True, text=True,
                         env={**os.environ, "TMPDIR": str(temp)}, timeout=60)
    assert "said: the server went away" in run.stdout, run.stderr
    assert "Exception ignored" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert list(temp.iterdir()) == [] and not out.exists()
