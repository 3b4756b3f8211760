"""The offline copy's choices live beside the account list, Qt-free: the window and the command line
read the same ones, written under the shared lock; an older version's QSettings values move there."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from contact_desk.accounts.copy_choices import CopyChoices
from contact_desk.ui.window.state import WindowState
from tests.cli_support import Cli


def test_choices_are_kept_per_account_and_survive_a_damaged_file(tmp_path: Path) -> None:
    choices = CopyChoices(tmp_path)
    assert choices.keeps("a") and choices.interval_minutes() is None  # the defaults
    assert choices.set_keeps("a", False) and choices.set_interval(60)
    again = CopyChoices(tmp_path)  # another process reads the same file
    assert not again.keeps("a") and again.keeps("b") and again.interval_minutes() == 60
    assert again.set_keeps("a", True) and CopyChoices(tmp_path).keeps("a")
    (tmp_path / "copy-choices.json").write_text("{not json", encoding="utf-8")
    assert CopyChoices(tmp_path).keeps("a")  # unreadable: the defaults, and a change starts afresh
    assert CopyChoices(tmp_path).set_keeps("b", False) and not CopyChoices(tmp_path).keeps("b")


def test_an_older_versions_settings_are_handed_over_once(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("copies/acct-1/keep", False)
    settings.setValue("copies/acct-2/keep", True)
    settings.setValue("copies/intervalMinutes", 240)
    settings.sync()
    choices = CopyChoices(tmp_path)
    state = WindowState(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    state.hand_over_copy_choices(choices)
    assert not choices.keeps("acct-1") and choices.keeps("acct-2") and choices.interval_minutes() == 240
    assert [k for k in state.settings.allKeys() if k.startswith("copies/")] == []


def test_the_command_line_makes_no_copy_of_an_account_whose_copy_is_off(cli: Cli) -> None:
    assert cli.add("Shop", "demo-smartcq", "--dialect", "smartcq").returncode == 0
    account_id = json.loads((cli.config / "accounts.json").read_text())["accounts"][0]["id"]
    assert CopyChoices(cli.config).set_keeps(account_id, False)  # as File → Offline copy does
    for command in (("search", "--account", "Shop", "rossi"), ("sync", "--account", "Shop")):
        r = cli(*command)
        assert r.returncode == 2 and "keeps no offline copy" in r.stderr
    assert not [p for p in cli.data.rglob("*") if p.is_file()]  # nothing was made
    assert CopyChoices(cli.config).set_keeps(account_id, True)
    assert cli("sync", "--account", "Shop").returncode == 0
    assert [p for p in cli.data.rglob("*") if p.is_file()]
