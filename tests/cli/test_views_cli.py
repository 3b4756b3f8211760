"""``contact-desk views``: a team lead's view handed round as a file and taken by each colleague's
account, what another dialect lacks left out and said (issue 35, point 5)."""

from __future__ import annotations

import json
from pathlib import Path

from contact_desk.accounts import View
from contact_desk.accounts.view_files import read_view, write_view
from contact_desk.api.dialect import Condition, Query
from tests.cli_support import Cli


def test_a_view_goes_from_one_account_to_a_file_and_into_another(cli: Cli, tmp_path: Path) -> None:
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    assert cli.add("rep", "rpl_test_demo").returncode == 0
    lead = View.of("Leads to call", Query(stage="lead", where=(Condition("tags", "has", "vip"),)),
                   ("lastName", False))
    given = tmp_path / "given.cdview"
    write_view(given, lead, "smartcq")
    r = cli("views", "import", str(given), "--account", "shop")
    assert r.returncode == 0 and "Saved the view 'Leads to call' in shop" in r.stderr, r.stderr
    assert cli("views", "list", "--account", "shop").stdout.splitlines() == ["Leads to call"]

    handed = tmp_path / "handed.cdview"
    r = cli("views", "export", "--account", "shop", "--view", "leads to call", "--output", str(handed))
    assert r.returncode == 0, r.stderr
    assert read_view(handed) == (lead, "smartcq")
    assert json.loads(handed.read_text())["kind"] == "contact-desk-view"

    r = cli("views", "import", str(handed), "--account", "rep", "--name", "Chiamare")
    assert r.returncode == 0, r.stderr
    assert "Left out, as Replicer accounts do not have them: tags, stage" in r.stderr, r.stderr
    r = cli("search", "--account", "rep", "--view", "Chiamare")  # the view works there, as far as it can
    assert r.returncode == 0, r.stderr

    (tmp_path / "odd.cdview").write_text("{}")
    r = cli("views", "import", str(tmp_path / "odd.cdview"), "--account", "rep")
    assert r.returncode == 1 and "is not a saved view" in r.stderr and "Traceback" not in r.stderr


def test_importing_a_view_again_never_replaces_the_one_saved(cli: Cli, tmp_path: Path) -> None:
    """A colleague's "Leads to call" imported where the account has its own "leads to call" (any
    case) is saved beside it as "Leads to call (2)": the account's own view stays as it was."""
    assert cli.add("shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    own = View.of("leads to call", Query(stage="customer"))
    mine = tmp_path / "mine.cdview"
    write_view(mine, own, "smartcq")
    assert cli("views", "import", str(mine), "--account", "shop").returncode == 0
    theirs = tmp_path / "theirs.cdview"
    write_view(theirs, View.of("Leads to call", Query(stage="lead")), "smartcq")
    r = cli("views", "import", str(theirs), "--account", "shop")
    assert r.returncode == 0 and "Saved the view 'Leads to call (2)' in shop" in r.stderr, r.stderr
    r = cli("views", "import", str(mine), "--account", "shop", "--name", "LEADS TO CALL")
    assert r.returncode == 0 and "'LEADS TO CALL (3)'" in r.stderr, r.stderr
    listed = cli("views", "list", "--account", "shop").stdout.splitlines()
    assert listed == ["leads to call", "Leads to call (2)", "LEADS TO CALL (3)"]
    kept = tmp_path / "kept.cdview"
    assert cli("views", "export", "--account", "shop", "--view", "leads to call", "--output",
               str(kept)).returncode == 0
    assert read_view(kept) == (own, "smartcq")
