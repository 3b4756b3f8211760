"""The outbox from the command line, over real HTTP, the sandbox behind a switch: create --queue
while the server is off, outbox list, send once it is on (into My changes), discard."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from contact_desk.sandbox import Sandbox
from contact_desk.words import EXIT_NETWORK
from tests.api.netpeers import Switch, serving
from tests.cli_support import Cli


@pytest.fixture
def off_and_on(sandbox: Sandbox, tmp_path: Path) -> Iterator[tuple[Cli, Switch]]:
    switch = Switch(sandbox.port)
    with serving(switch):
        cli = Cli(tmp_path / "config", switch.url, real_keyring=False)
        assert cli.add("rep", "rpl_test_demo", "--dialect", "replicer", "--no-verify").returncode == 0
        yield cli, switch


def test_a_contact_created_while_the_server_is_off_waits_and_is_sent_once(
        off_and_on: tuple[Cli, Switch], sandbox: Sandbox) -> None:
    cli, switch = off_and_on
    address = f"queued.{uuid.uuid4().hex[:8]}@example.org"
    switch.off()
    plain = cli("create", "--account", "rep", "--field", f"email={address}")
    assert plain.returncode == EXIT_NETWORK  # without --queue nothing waits
    bad = cli("create", "--account", "rep", "--queue", "--field", "email=not-an-email")
    assert bad.returncode == 2 and "email" in bad.stderr  # the same checks as online
    r = cli("create", "--account", "rep", "--queue", "--field", f"email={address}", "--field",
            "firstName=Coda")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["id"].startswith("offline-") and "outbox" in r.stderr
    listed = cli("outbox", "list", "--account", "rep")
    assert "create" in listed.stdout and "waiting" in listed.stdout and address in listed.stdout
    stopped = cli("outbox", "send", "--account", "rep")
    assert stopped.returncode == EXIT_NETWORK and "nothing was lost" in stopped.stderr
    switch.on()
    sandbox.clear_requests()
    sent = cli("outbox", "send", "--account", "rep")
    assert sent.returncode == 0 and "Sent 1" in sent.stderr, sent.stderr
    assert len([q for q in sandbox.requests() if q.method == "POST"]) == 1
    assert "Nothing is waiting" in cli("outbox", "list", "--account", "rep").stderr
    assert "[create]" in cli("history", "--account", "rep").stdout  # My changes has it, with its real id
    again = cli("outbox", "send", "--account", "rep")
    assert again.returncode == 0 and "Nothing is waiting" in again.stderr


def test_discard_asks_which_and_drops_only_that(off_and_on: tuple[Cli, Switch]) -> None:
    cli, switch = off_and_on
    switch.off()
    for n in range(2):
        assert cli("create", "--account", "rep", "--queue", "--field",
                   f"email=drop{n}.{uuid.uuid4().hex[:6]}@example.org").returncode == 0
    assert cli("outbox", "discard", "--account", "rep").returncode == 2  # which one?
    first = cli("outbox", "list", "--account", "rep").stdout.splitlines()[0].split()[0].lstrip("#")
    assert cli("outbox", "discard", "--account", "rep", "--item", first).returncode == 0
    assert len(cli("outbox", "list", "--account", "rep").stdout.splitlines()) == 1
    assert cli("outbox", "discard", "--account", "rep", "--all").returncode == 0
    assert "Nothing is waiting" in cli("outbox", "list", "--account", "rep").stderr
