"""The command line end to end: subprocesses, a keyring (the real one where it is tested), the sandbox
over HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
from pathlib import Path

import keyring
import pytest

from contact_desk.sandbox import Sandbox
from tests.cli_support import SECRETS, Cli
from tests.conftest import client
from tests.sandbox.walk import replicer_walk, smartcq_walk


def test_accounts_add_list_test_remove(real_cli: Cli) -> None:
    cli = real_cli
    added = cli.add("Milano", "demo-smartcq", "--dialect", "smartcq")
    assert added.returncode == 0, added.stderr
    assert "Milano (SmartCQ)" in added.stdout
    guessed = cli.add("Rep", "rpl_test_demo")  # dialect guessed from the key
    assert guessed.returncode == 0 and "Replicer" in guessed.stdout
    listed = cli("accounts", "list")
    assert "Milano" in listed.stdout and "Rep" in listed.stdout
    assert not any(s in listed.stdout for s in SECRETS)
    config = (cli.config / "accounts.json").read_text()
    assert not any(s in config for s in SECRETS)
    tested = cli("accounts", "test", "rep")
    assert (tested.returncode == 0 and "600" in tested.stdout.replace(",", "")) or "contacts" in tested.stdout
    account_id = json.loads(config)["accounts"][0]["id"]
    assert keyring.get_password("contact-desk", account_id) == "demo-smartcq"
    removed = cli("accounts", "remove", "Milano")
    assert removed.returncode == 0
    assert keyring.get_password("contact-desk", account_id) is None
    assert "Milano" not in cli("accounts", "list").stdout


@pytest.mark.parametrize(("key", "extra", "code", "words"), [
    ("wrong-key", ("--dialect", "smartcq"), 3, "refused the API key"),
    ("some-key", (), 2, "--dialect"),
    ("", ("--dialect", "smartcq"), 2, "No API key"),
])
def test_accounts_add_refuses_what_does_not_work(cli: Cli, key: str, extra: tuple[str, ...], code: int,
                                                 words: str) -> None:
    r = cli.add("X", key, *extra)
    assert r.returncode == code and words in r.stderr
    assert "X" not in cli("accounts", "list").stdout


def test_http_to_a_remote_host_is_refused(cli: Cli) -> None:
    r = cli("accounts", "add", "Far", "--dialect", "smartcq", "--base-url", "http://crm.example.com",
            "--no-verify", stdin="demo-smartcq\n")
    assert r.returncode == 2 and "https" in r.stderr


def test_network_failure_has_its_own_exit_code(cli: Cli) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cli("accounts", "add", "Gone", "--dialect", "smartcq", "--base-url", f"http://127.0.0.1:{port}",
        "--no-verify", stdin="demo-smartcq\n")
    r = cli("accounts", "test", "Gone")
    assert r.returncode == 5 and "refused the connection" in r.stderr and "port" in r.stderr


def test_keyring_missing_has_its_own_exit_code(real_cli: Cli) -> None:
    cli = real_cli
    r = cli("accounts", "add", "K", "--dialect", "smartcq", "--base-url", cli.base_url, "--no-verify",
            stdin="demo-smartcq\n", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 6 and "keyring" in r.stderr.lower()
    assert "K " not in cli("accounts", "list").stdout  # no record without its key


def test_export_jsonl_and_csv_give_every_contact_once(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    cli.add("R", "rpl_test_demo")
    with client(sandbox, "demo-smartcq") as c:
        expected_scq = smartcq_walk(c, 200, emailStatus="active", includeArchived="true")
    r = cli("export", "--account", "S", "--format", "jsonl", "--email-status", "active", "--include-archived")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    by_id = {c["id"]: c for c in expected_scq}  # written as the pages arrive, not in the listing's order
    assert len(rows) == len(by_id) and all(row == by_id[row["id"]] for row in rows)  # each once, as the API
    out = tmp_path / "r.csv"
    r = cli("export", "--account", "R", "--output", str(out))
    assert r.returncode == 0 and f"to {out}" in r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM + CRLF: Excel reads UTF-8
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    with client(sandbox, "rpl_test_demo") as c:
        expected_rpl, total = replicer_walk(c, 100)
    assert sorted(t["id"] for t in table) == sorted(e["id"] for e in expected_rpl) and len(table) == total
    wanted = {e["id"]: e for e in expected_rpl}
    for row in table:  # null is an empty cell
        assert row["firstName"] == (wanted[row["id"]]["firstName"] or "")
        assert row["phoneNumber"] == (wanted[row["id"]]["phoneNumber"] or "")


def test_export_refuses_filters_the_dialect_lacks(cli: Cli) -> None:
    cli.add("R", "rpl_test_demo")
    r = cli("export", "--account", "R", "--stage", "lead")
    assert r.returncode == 2 and "--stage" in r.stderr and "Replicer" in r.stderr
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    r = cli("export", "--account", "S", "--search", "mario")
    assert r.returncode == 2 and "--search" in r.stderr


def test_create_prints_the_contact_and_explains_refusals(cli: Cli) -> None:
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    cli.add("RO", "demo-smartcq-readonly", "--dialect", "smartcq")
    email = f"cli.{os.getpid()}.{id(cli)}@example.com"
    r = cli("create", "--account", "S", "--field", f"email={email}", "--field", "firstName=Nicolò",
            "--field", "tags=vip, milano")
    assert r.returncode == 0, r.stderr
    made = json.loads(r.stdout)
    assert made["email"] == email and made["firstName"] == "Nicolò" and made["tags"] == ["vip", "milano"]
    again = cli("create", "--account", "S", "--field", f"email={email.upper()}")
    assert again.returncode == 7 and made["id"] in again.stderr
    tag = cli("create", "--account", "S", stdin=json.dumps({"email": "t" + email, "tags": ["nope"]}))
    assert tag.returncode == 8 and "nope" in tag.stderr
    ro = cli("create", "--account", "RO", "--field", "email=ro" + email)
    assert ro.returncode == 4 and "contacts:write" in ro.stderr and "can only read" in ro.stderr
    bad = cli("create", "--account", "S", "--field", "colour=blue")
    assert bad.returncode == 2 and "colour" in bad.stderr
