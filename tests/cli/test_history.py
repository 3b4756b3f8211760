"""My changes from the command line, and an import that meets a teammate's change: over real
HTTP, a colleague (a second client) changing the contact after the file was exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from contact_desk.sandbox import Sandbox
from contact_desk.words import EXIT_SOME_ROWS
from tests.cli_support import Cli
from tests.conftest import client


def _exported_row(cli: Cli, account: str, email: str, path: Path) -> dict[str, str]:
    r = cli("export", "--account", account, "--format", "csv", "--output", str(path))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    row = next(x for x in rows if x.get("email") == email)
    path.write_text(",".join(row) + "\n" + ",".join(f'"{v}"' for v in row.values()) + "\n", encoding="utf-8")
    return row


def test_an_import_update_does_not_overwrite_a_field_changed_since_the_export(
        cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    assert cli.add("rep", "rpl_test_demo").returncode == 0
    with client(sandbox, "rpl_test_demo") as c:
        made = c.post("/v1/contacts", json={"firstName": "Iva", "lastName": "Prima",
                                            "email": "iva.conflict@example.org"}).json()["data"]
    path = tmp_path / "one.csv"
    row = _exported_row(cli, "rep", "iva.conflict@example.org", path)
    assert row["updatedAt"]  # our export says when the contact was last changed
    text = path.read_text(encoding="utf-8").replace("Prima", "DalFile")  # the user edits the file
    path.write_text(text, encoding="utf-8")
    with client(sandbox, "rpl_test_demo") as c:  # a colleague, after the export
        c.patch(f"/v1/contacts/{made['id']}", json={"lastName": "Collega"}).raise_for_status()
    sandbox.clear_requests()
    r = cli("import", str(path), "--account", "rep", "--on-existing", "update")
    assert r.returncode == EXIT_SOME_ROWS, r.stderr
    assert "changed on the server since the file was made" in r.stderr
    assert "DalFile" in r.stderr and "Collega" in r.stderr  # both values said
    assert not [q for q in sandbox.requests() if q.method == "PATCH"]  # nothing overwritten
    r = cli("import", str(path), "--account", "rep", "--on-existing", "update", "--on-conflict", "overwrite")
    assert r.returncode == 0 and "updated 1" in r.stderr, r.stderr
    with client(sandbox, "rpl_test_demo") as c:
        assert c.get(f"/v1/contacts/{made['id']}").json()["data"]["lastName"] == "DalFile"
    shown = cli("history", "--account", "rep")
    assert shown.returncode == 0
    first = shown.stdout.splitlines()[0]  # newest first: the overwrite, with the value it replaced
    assert "[import]" in first and "lastName: Collega → DalFile" in first and "request id" in first
    out = tmp_path / "mine.csv"
    assert cli("history", "--account", "rep", "--csv", str(out)).returncode == 0
    lines = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert lines[0][:5] == ["when (UTC)", "contact id", "contact", "from", "field"]
    assert lines[1][4:7] == ["lastName", "Collega", "DalFile"]


def test_history_of_an_account_with_no_changes_says_so(cli: Cli, sandbox: Sandbox) -> None:
    assert cli.add("scq", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    r = cli("history", "--account", "scq")
    assert r.returncode == 0 and "No changes made from this computer" in r.stderr and r.stdout == ""
