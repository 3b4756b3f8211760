"""The command line when things go wrong (issue 9): lost answers, files it writes,
bad input, hostile servers, a broken keyring. Subprocesses, a test keyring (the real one where
the keyring is what fails), the sandbox or a misbehaving server over HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import pytest

from contact_desk.sandbox import Sandbox
from tests.api.hostile import Answer, Hostile
from tests.cli_support import Cli
from tests.conftest import client

OLD = b"id,email\r\nold,old@example.com\r\n" * 1500  # a 46 KB export from yesterday


def replicer_count(sb: Sandbox, email: str) -> int:
    with client(sb, "rpl_test_demo") as c:
        return int(c.get("/v1/contacts", params={"search": email}).json()["pagination"]["total"])


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and "Nothing was lost" not in r.stderr, r.stderr


def test_a_create_whose_answer_was_lost_is_reported_as_created_once(cli: Cli, faulty: Sandbox) -> None:
    cli.add("R", "rpl_test_demo")
    email = f"lost.{uuid.uuid4().hex[:8]}@example.com"
    faulty.clear_requests()
    faulty.inject("drop")  # the server creates it, then the connection is cut
    r = cli("create", "--account", "R", "--field", f"email={email}", "--field", "firstName=Lost")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["email"] == email
    assert [q.method for q in faulty.requests()].count("POST") == 1
    assert replicer_count(faulty, email) == 1


def test_a_create_whose_outcome_cannot_be_known_says_so(cli: Cli, faulty: Sandbox) -> None:
    cli.add("R", "rpl_test_demo")
    email = f"unknown.{uuid.uuid4().hex[:8]}@example.com"
    faulty.inject("drop", 503, 503, 503, 503)  # the create is lost, then the lookup fails
    r = cli("create", "--account", "R", "--field", f"email={email}")
    no_traceback(r)
    assert r.returncode == 5 and "may have created" in r.stderr and "check before" in r.stderr
    assert replicer_count(faulty, email) == 1  # it was created: a retry would have made two


@pytest.mark.parametrize("failure", ["wrong key", "refused connection", "fails midway"])
def test_a_failed_export_leaves_the_old_file_untouched(cli: Cli, tmp_path: Path, failure: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "contacts.csv"
    target.write_bytes(OLD)
    pages = iter([{"data": [{"id": "a", "email": "a@example.com", "createdAt": "2026-01-01T00:00:00Z"}],
                   "next": "2026-01-01T00:00:00Z"}])

    def midway(method: str, path: str, query: dict[str, str]) -> Answer:
        page = next(pages, None)
        if page is None:
            return Answer(status=400, body=b'{"error": {"code": "bad", "message": "cursore scaduto"}}')
        return Answer(body=json.dumps(page).encode())

    with Hostile(midway) as h:
        if failure == "wrong key":
            cli.add("S", "wrong-key", "--dialect", "smartcq", "--no-verify")
        elif failure == "refused connection":
            cli("accounts", "add", "S", "--dialect", "smartcq", "--base-url", "http://127.0.0.1:9",
                "--no-verify", stdin="demo-smartcq\n")
        else:
            cli("accounts", "add", "S", "--dialect", "smartcq", "--base-url", h.base_url, "--no-verify",
                stdin="demo-smartcq\n")
        r = cli("export", "--account", "S", "--output", str(target))
    no_traceback(r)
    assert r.returncode in (1, 3, 5, 8), r.stderr
    assert f"{target} is as it was" in r.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == ["contacts.csv"]  # no partial file left


def test_an_export_replaces_the_file_only_when_done(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "contacts.csv"
    target.write_bytes(OLD)
    cli.add("R", "rpl_test_demo")
    r = cli("export", "--account", "R", "--output", str(target))
    assert r.returncode == 0, r.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbffirstName,lastName")
    assert sorted(p.name for p in folder.iterdir()) == ["contacts.csv"]


def test_bad_export_input_fails_before_anything_is_written(cli: Cli, tmp_path: Path) -> None:
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    r = cli("export", "--account", "S", "--stage", "clienti")
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == "" and "'clienti' is not a valid stage" in r.stderr
    assert "customer" in r.stderr  # the values that would work
    r = cli("export", "--account", "S", "--stage", "clienti", "--output", str(tmp_path / "x.csv"))
    assert r.returncode == 2 and not (tmp_path / "x.csv").exists()
    r = cli("export", "--account", "S", "--output", "/no/such/dir/x.csv")
    no_traceback(r)
    assert r.returncode == 2 and "/no/such/dir" in r.stderr and "does not exist" in r.stderr


def test_an_export_into_a_closed_pipe_ends_quietly(cli: Cli) -> None:
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    r = subprocess.run(f"'{sys.executable}' -m contact_desk export --account S --format jsonl "
                       "--include-archived | head -n 1", shell=True, capture_output=True, text=True,
                       env=cli.env, timeout=120)
    assert len(r.stdout.splitlines()) == 1 and json.loads(r.stdout)["email"]
    no_traceback(r)
    assert "Broken pipe" not in r.stderr and "BrokenPipe" not in r.stderr


def test_a_port_out_of_range_is_refused_when_saving(cli: Cli) -> None:
    r = cli("accounts", "add", "P", "--dialect", "smartcq", "--base-url", "http://localhost:99999",
            "--no-verify", stdin="demo-smartcq\n")
    no_traceback(r)
    assert r.returncode == 2 and "99999 is not a valid port" in r.stderr


def test_a_keyring_backend_that_cannot_load_is_a_keyring_error(real_cli: Cli) -> None:
    cli = real_cli
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    r = cli("accounts", "test", "S", env={"PYTHON_KEYRING_BACKEND": "nope.Keyring"})
    no_traceback(r)
    assert r.returncode == 6 and "PYTHON_KEYRING_BACKEND" in r.stderr


def test_a_lost_key_can_be_set_again(real_cli: Cli) -> None:
    cli = real_cli
    cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    account_id = json.loads((cli.config / "accounts.json").read_text())["accounts"][0]["id"]
    keyring.delete_password("contact-desk", account_id)  # as a crash or a keyring reset leaves it
    r = cli("accounts", "test", "S")
    assert r.returncode == 6 and "accounts set-key 'S'" in r.stderr
    again = cli.add("S", "demo-smartcq", "--dialect", "smartcq")
    assert again.returncode == 2 and "already exists" in again.stderr
    r = cli("accounts", "set-key", "S", stdin="demo-smartcq\n")
    assert r.returncode == 0 and "Stored the new key" in r.stdout, r.stderr
    assert cli("accounts", "test", "S").returncode == 0
    wrong = cli("accounts", "set-key", "S", stdin="wrong-key\n")
    assert wrong.returncode == 3 and "The key was not changed" in wrong.stderr
    assert cli("accounts", "test", "S").returncode == 0  # the good key is still there


def test_server_text_cannot_drive_the_terminal(cli: Cli) -> None:
    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mSolo lettura"
    body = json.dumps({"error": {"code": "forbidden", "message": evil}}).encode()
    with Hostile(lambda m, p, q: Answer(status=403, body=body, headers={"x-request-id": "r\x1b[2J9"})) as h:
        cli("accounts", "add", "H", "--dialect", "smartcq", "--base-url", h.base_url, "--no-verify",
            stdin="demo-smartcq\n")
        r = cli("accounts", "test", "H")
    assert r.returncode == 4 and "Solo lettura" in r.stderr and "r[2J9" in r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr


@pytest.mark.parametrize("record", [
    b'{"id": "a", "name": "Mil\xffano", "dialect": "smartcq", "baseUrl": "https://app.smartcq.it"}',
    b'{"id": "a", "name": "bogus", "dialect": "bogus", "baseUrl": "https://app.smartcq.it"}',
])
def test_a_damaged_account_list_is_explained_and_kept(cli: Cli, record: bytes) -> None:
    cli.config.mkdir(parents=True, exist_ok=True)
    path = cli.config / "accounts.json"
    content = b'{"version": 1, "accounts": [' + record + b"]}"
    path.write_bytes(content)
    for args in (("accounts", "list"), ("accounts", "remove", "bogus"), ("export", "--account", "bogus")):
        r = cli(*args)
        no_traceback(r)
        assert r.returncode == 2 and str(path) in r.stderr and "text editor" in r.stderr
    assert path.read_bytes() == content
    path.unlink()  # the fixture's clean-up lists the accounts
