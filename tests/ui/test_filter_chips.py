"""Filters on any field in the window: "Add filter" offers the dialect's fields once the copy is
complete (and says why not before), each filter is a chip that Enter changes and Delete removes,
and the table shows exactly the contacts the filters keep."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from contact_desk.api.dialect import Condition, Dialect
from contact_desk.mirror.file.values import encode
from contact_desk.mirror.query import conditions as cond
from contact_desk.models.row_sources import SourceKind
from contact_desk.sandbox import Sandbox
from contact_desk.ui.contacts.condition_editor import ConditionEditor
from tests.mirror.helpers import everything
from tests.ui.conftest import Loop, until
from tests.ui.window import open_window

SCQ = (("Shop", "smartcq", "demo-smartcq"),)


async def _server_json(api: Dialect) -> list[dict[str, Any]]:
    return [json.loads(encode(c)) for c in (await everything(api)).values()]


def _shown_ids(w: object) -> list[str]:
    model = w.model  # type: ignore[attr-defined]
    return [model.contact(r).id for r in range(model.rowCount()) if model.contact(r) is not None]


def test_filters_on_any_field_are_chips_and_the_table_keeps_what_they_keep(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    today = dt.date.today()

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            assert w.dialect is not None
            listed = [c for c in await _server_json(w.dialect) if not c.get("archivedAt")]
            chips = w.filter_bar.chips
            await until(lambda: w.copies.status is not None and w.copies.status.complete
                        and w.copies.status.search_complete and chips.available, within=60,
                        what="the copy complete, the filters offered")
            assert not chips.add_button.isHidden() and chips.add_button in w.filter_bar.focus_chain()
            fields = [a.objectName() for a in chips.menu.actions()]
            assert {"filter-field-tags", "filter-field-source", "filter-field-createdAt"} <= set(fields)

            # Tag = vip, through the editor as a user fills it in.
            editor = chips.edit(chips.fields["tags"], None)
            assert isinstance(editor, ConditionEditor)
            # the editor's words are the chip's, and the value completes the account's tags as the New
            # form does (issue 34, point 10: "has the tag" beside "Tags include", no completion)
            assert editor.op.currentText() == "include"
            completer = editor.text.completer()
            assert completer is not None
            completer.setCompletionPrefix("ip")
            offered = [completer.completionModel().index(r, 0).data()
                       for r in range(completer.completionModel().rowCount())]
            assert "vip" in offered
            editor.text.setText("VIP")
            QTest.keyClick(editor.text, Qt.Key.Key_Return)
            expected = [c["id"] for c in listed if cond.holds(c, Condition("tags", cond.HAS, "vip"), today)]
            assert expected
            await until(lambda: bool(w.model.query.where) and w.model.total == len(expected),
                        what="the tag's filter")
            assert w.model.source_kind is SourceKind.LOCAL
            assert len(chips.chips) == 1 and not chips.isHidden()
            assert "vip" in chips.chips[0].button.text().lower()

            # A second filter: created from a day; both apply.
            day = "2026-01-01"
            editor = chips.edit(chips.fields["createdAt"], None)
            assert editor is not None
            editor.op.setCurrentIndex(editor.op.findData(cond.FROM))
            editor.day.setDate(editor.day.date().fromString(day, Qt.DateFormat.ISODate))
            editor._ok()
            both = (Condition("tags", cond.HAS, "vip"), Condition("createdAt", cond.FROM, day))
            expected = [c["id"] for c in listed if all(cond.holds(c, x, today) for x in both)]
            await until(lambda: len(w.model.query.where) == 2 and w.model.total == len(expected),
                        what="two filters")
            await until(lambda: len(_shown_ids(w)) >= min(len(expected), 50), what="the rows")
            assert _shown_ids(w)[:50] == expected[:50]

            # Tab goes from "Add filter" through the chips.
            assert chips.add_button.nextInFocusChain() is chips.chips[0].button
            assert chips.chips[0].button.nextInFocusChain() is chips.chips[1].button

            # Delete on the first chip removes it; the keyboard stays in the row.
            first = chips.chips[0].button
            first.setFocus()
            QTest.keyClick(first, Qt.Key.Key_Delete)
            assert len(chips.chips) == 1 and chips.chips[0].condition.field == "createdAt"
            expected = [c["id"] for c in listed if cond.holds(c, both[1], today)]
            await until(lambda: len(w.model.query.where) == 1 and w.model.total == len(expected),
                        what="one filter left")
            chips.chips[0].close_button.click()
            await until(lambda: not w.model.query.where and w.model.total == len(listed), what="no filter")
            assert chips.isHidden()

    aloop.run(main(), timeout=120)


def test_without_a_complete_copy_the_menu_says_why_no_filter_is_offered(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ) as w:  # no copies folder: none kept
            chips = w.filter_bar.chips
            await until(lambda: w.model.total is not None or w.model.rowCount() > 0, what="the list")
            texts = [a.text() for a in chips.menu.actions()]
            assert not chips.available and len(texts) == 1 and "offline copy" in texts[0]
            assert not chips.menu.actions()[0].isEnabled()
            assert w.filter_bar.query().where == ()

    aloop.run(main(), timeout=60)


def test_one_condition_a_field_the_bars_list_and_a_chip_never_contradict(
        aloop: Loop, qtbot: QtBot, sandbox: Sandbox, tmp_path: Path) -> None:
    """Issue 34, point 4: the bar at Stage = Customer and an added "Stage is Lead" gave 0 rows with
    no hint. An added "is Lead" sets the bar's list instead (no chip); a Stage condition the list
    cannot say ("is empty") clears the list and shows as a chip; choosing in the list again removes
    that chip."""
    today = dt.date.today()

    async def main() -> None:
        async with open_window(qtbot, sandbox, tmp_path, SCQ, copies=tmp_path / "copies") as w:
            assert w.dialect is not None
            listed = [c for c in await _server_json(w.dialect) if not c.get("archivedAt")]
            chips = w.filter_bar.chips
            await until(lambda: chips.available and w.copies.status is not None
                        and w.copies.status.search_complete, within=60, what="the filters offered")
            stage = w.filter_bar.combos["stage"]
            stage.setCurrentIndex(stage.findData("customer"))
            await until(lambda: w.model.query.stage == "customer", what="the bar's stage")
            editor = chips.edit(chips.fields["stage"], None)
            assert editor is not None
            editor.op.setCurrentIndex(editor.op.findData(cond.EQUALS))
            editor.choice.setCurrentIndex(editor.choice.findData("lead"))
            editor._ok()
            leads = [c["id"] for c in listed if c.get("stage") == "lead"]
            await until(lambda: w.model.query.stage == "lead" and w.model.total == len(leads),
                        what="the bar at Lead, the leads listed")
            assert stage.currentData() == "lead" and chips.chips == [] and not w.model.query.where

            editor = chips.edit(chips.fields["stage"], None)
            assert editor is not None
            editor.op.setCurrentIndex(editor.op.findData(cond.EMPTY))
            editor._ok()
            empty = [c["id"] for c in listed if cond.holds(c, Condition("stage", cond.EMPTY), today)]
            await until(lambda: w.model.query.stage is None and len(w.model.query.where) == 1
                        and w.model.total == len(empty), what="no stage, as a chip")
            assert stage.currentData() is None and len(chips.chips) == 1

            stage.setCurrentIndex(stage.findData("customer"))
            customers = [c["id"] for c in listed if c.get("stage") == "customer"]
            await until(lambda: w.model.query.stage == "customer" and not w.model.query.where
                        and w.model.total == len(customers), what="the list's choice, the chip gone")
            assert chips.chips == [] and chips.isHidden()

    aloop.run(main(), timeout=120)
